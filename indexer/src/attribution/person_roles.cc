// The roles people hold in an article and who holds a role (person_roles.h, people.h).
#include "person_roles.h"

#include <algorithm>
#include <set>

#include "lexicon.h"
#include "noun_phrases.h"
#include "speaker_names.h"

namespace attache::indexer::attribution {

std::string_view without_possessive(std::string_view word) {
  if (possessive(word)) word.remove_suffix(word.ends_with("s'") ? 1 : word.ends_with("'s") ? 2 : 4);
  return word;
}

int nation_of_word(std::string_view word) { return nation_of(without_possessive(word)); }

void add_roles(Person& person, const std::vector<std::string>& words) {
  std::string phrase;
  std::vector<int> nations;
  bool titled = false;
  for (size_t k = 0; k < words.size(); ++k) {
    const std::string& t = words[k];
    const std::string l = lowered(t);
    const bool role = is_role_noun(l);
    if (role) person.roles.insert(l);
    if (const std::string_view full = role_of_abbreviation(t); !full.empty()) person.roles.insert(std::string(full));
    if (role || (is_title_word(t) && t != l)) {
      titled = true;
      person.nations.insert(nations.begin(), nations.end());
      nations.clear();
    }
    if (const int nation = nation_of_word(t)) {
      if (titled && k > 0 && words[k - 1] == "of") person.nations.insert(nation);
      nations.push_back(nation);
    }
    // An organisation's acronym is part of the office ("UN Secretary-General": "the UN chief"); a
    // nation's ("U.S.") is said of its holder apart.
    const bool organisation = is_acronym(t) && !nation_of_word(t);
    if (is_title_word(t) || role || is_title_modifier(l) || organisation) phrase += (phrase.empty() ? "" : " ") + l;
  }
  // "Minister of" of "Minister of Ukraine" is the minister's role.
  while (phrase.ends_with(" of") || phrase.ends_with(" for") || phrase.ends_with(" the") || phrase.ends_with(" and"))
    phrase.erase(phrase.rfind(' '));
  if (titled) person.roles.insert(phrase);
}

// Roles match their synonyms: a "chief" may have been introduced as "the head". ("Representative"
// is not among the envoy's: before a name it is a member of Congress.)
bool has_role(const Person& person, const std::string& role) {
  static const std::vector<std::vector<std::string>> kSynonyms = {
      {"chief", "head", "director", "leader"}, {"envoy", "ambassador", "delegate"},
      {"spokesman", "spokeswoman", "spokesperson"}, {"analyst", "expert", "specialist", "researcher", "fellow", "scholar"},
      {"adviser", "advisor"},
      {"diplomat", "foreign minister", "ambassador", "envoy", "secretary of state", "foreign secretary"},
      {"commander", "general", "admiral"}};
  if (person.roles.count(role)) return true;
  for (const auto& group : kSynonyms)
    if (std::find(group.begin(), group.end(), role) != group.end())
      for (const auto& r : group)
        if (person.roles.count(r)) return true;
  return false;
}

// The latest person introduced in exactly the phrase's role, else in a
// synonym; of the nation the phrase names, if it names one ("the Turkish
// minister"), before anyone of no known nation, and never someone of another.
namespace {

// A modifier spelled one way ("defence", "labour") as the other.
std::string one_spelling(std::string word) {
  if (word == "defence") return "defense";
  if (word == "labour") return "labor";
  return word;
}

// Whether the person holds the role with these modifiers, or was given the role's noun with none
// other: "the Turkish foreign minister" is not the man introduced as "Defense Minister Sergey
// Shoigu", while "the deputy minister" is "Deputy Foreign Minister Sergei Ryabkov".
bool modifiers_fit(const Person& c, const std::string& role, const std::vector<std::string>& modifiers) {
  if (modifiers.empty()) return true;
  bool compound = false;
  for (const std::string& held : c.roles) {
    if (held.size() <= role.size() || !held.ends_with(" " + role)) continue;
    compound = true;
    std::string words = " ";
    for (const std::string& word : split_words(held)) {
      words.append(one_spelling(word));
      words.push_back(' ');
    }
    if (std::all_of(modifiers.begin(), modifiers.end(), [&](const std::string& m) {
          std::string needle(1, ' ');
          needle.append(one_spelling(m));
          needle.push_back(' ');
          return words.find(needle) != std::string::npos;
        }))
      return true;
  }
  return !compound;
}

// A secretary or a minister holds an office of state but leads no nation ("The Soviet leader" is
// not the Secretary of State named before); a president, a premier or a prime minister does.
bool heads_a_state(const Person& c) {
  return std::any_of(c.roles.begin(), c.roles.end(), [](const std::string& r) {
    return r.ends_with("prime minister") || (is_head_of_state_role(r) && r != "leader" && r != "secretary" && r != "minister");
  });
}

}  // namespace

bool People::take_role(const std::string& canonical, const std::string& description) {
  Person* person = nullptr;
  for (Person& c : people_)
    if (c.canonical() == canonical) person = &c;
  if (!person || !person->roles.empty()) return false;
  const std::vector<std::string> words = split_words(description);
  bool nation_named = false;
  for (const std::string& word : words)
    if (const int nation = nation_of_word(word)) {
      if (!person->nations.empty() && !person->nations.count(nation)) return false;
      nation_named = true;
    }
  if (!nation_named) return false;
  add_roles(*person, words);
  return true;
}

bool People::office_of_something(const Phrase& p) const {
  const uint32_t object = p.last + 2 < w_.size() && w_[p.last + 2].is("the") ? p.last + 3 : p.last + 2;
  if (object >= w_.size() || !w_[p.last + 1].is("of")) return false;
  // An office of an institution ("the Security Council"), not of a nation or a place ("the President
  // of the United States", "the regional premier of Ceuta"), which its holder was named in.
  for (uint32_t k = object; k < w_.size() && k < object + 4 && w_[k].kind == WordKind::word && w_[k].capitalized; ++k)
    if (is_institution_word(w_[k].text) && !ends_state_name(w_[k].text)) return true;
  return false;
}

Person* People::introduced_as(const Phrase& p) {
  std::set<int> nations;
  for (uint32_t k = p.first; k < p.last; ++k)
    if (const int nation = nation_of_word(w_[k].text)) nations.insert(nation);
  // "the representative of Pakistan": the nation after the role.
  if (p.last + 2 < w_.size() && w_[p.last + 1].is("of"))
    if (const int nation = nation_of_word(w_[p.last + 2].text)) nations.insert(nation);
  std::vector<std::string> modifiers;  // "foreign" of "the Turkish foreign minister"
  for (uint32_t k = p.last; k > p.first && is_title_modifier(lowered(w_[k - 1].text)); --k)
    modifiers.push_back(lowered(w_[k - 1].text));
  // "the president of the Security Council" is not the President: only one introduced in an office
  // of something holds it.
  const bool office_of = office_of_something(p);
  auto holds_office_of = [&](const Person& c) {
    return std::any_of(c.roles.begin(), c.roles.end(), [&](const std::string& r) { return r.starts_with(p.role + " of "); });
  };
  auto nation_fit = [&](const Person& c) {  // 2 the nation named, 1 none known, 0 another
    if (nations.empty() || c.nations.empty()) return 1;
    return std::any_of(nations.begin(), nations.end(), [&](int n) { return c.nations.count(n) > 0; }) ? 2 : 0;
  };
  // "the Russian leader" after "President Dmitry Medvedev", "the head of state" after "President
  // Nicolas Maduro": a nation's leader is whoever holds its office of state.
  // (Which state "the head of state" heads the words do not say: only where one person holds such
  // an office.)
  auto holds_office_of_state = [](const Person& c) {
    return std::any_of(c.roles.begin(), c.roles.end(), [](const std::string& r) { return is_head_of_state_role(r) && r != "leader"; });
  };
  const bool head_of_state = p.role == "head" && p.last + 2 < w_.size() && w_[p.last + 1].is("of") &&
                             w_[p.last + 2].is("state") && std::count_if(people_.begin(), people_.end(), holds_office_of_state) == 1;
  auto leads_a_nation = [&](const Person& c) {
    return ((p.role == "leader" && !nations.empty() && heads_a_state(c)) || head_of_state) && holds_office_of_state(c);
  };
  // "the head of French diplomacy" is the head of something of a nation's: not a "chief" of another
  // thing whose nation no one said ("the chief inspectors, Hans Blix and ..."), though "the head of
  // the bank" is the chief executive of JPMorgan.
  const bool head_of_a_nation = is_head_role(p.role) && p.last + 2 < w_.size() && w_[p.last + 1].is("of") && !nations.empty();
  // "the minister" is a minister rather than the prime minister, "the president" a president
  // rather than the vice president, when the article has introduced both.
  // So "the vice president" is the one introduced as vice president, not the president.
  const std::string before_role = p.last > p.first ? lowered(w_[p.last - 1].text) : "";
  const bool other_office = before_role == "vice" || before_role == "prime";
  auto plainly = [&](const Person& c) {
    if (other_office) return c.roles.count(before_role + " " + p.role) > 0;
    return modifiers.empty() && !c.roles.count("prime " + p.role) && !c.roles.count("vice " + p.role) &&
           !c.roles.count("vice-" + p.role);
  };
  for (const bool exact : {true, false}) {
    Person* best = nullptr;
    int best_fit = 0;
    bool best_plain = false;
    for (Person& c : people_) {
      const int fit = nation_fit(c);
      const bool holds = head_of_state ? leads_a_nation(c)
                         : exact       ? c.roles.count(p.role) > 0
                                       : (has_role(c, p.role) && (!head_of_a_nation || fit == 2)) || leads_a_nation(c);
      if (fit == 0 || !holds || !modifiers_fit(c, p.role, modifiers) || (office_of && !holds_office_of(c))) continue;
      const bool plain = plainly(c);
      const bool better = !best || fit > best_fit || (fit == best_fit && plain && !best_plain) ||
                          (fit == best_fit && plain == best_plain && c.last_seen >= best->last_seen);
      if (better) {
        best = &c;
        best_fit = fit;
        best_plain = plain;
      }
    }
    if (best) return best;
  }
  return nullptr;
}

// "Vladimir Putin did not disappoint. After three hours of talks, the Russian president told
// reporters": a definite role nobody was introduced in, right after a sentence whose subject was
// the only person it named, and with no one named since, is that person's, who holds it from then on.
Person* People::sole_subject_before(const Phrase& p) {
  auto definite = [&](uint32_t k) { return w_[k].is("the") || w_[k].is("The"); };
  if (!definite(p.first) && !(p.first > 0 && definite(p.first - 1))) return nullptr;  // "The Prime Minister"
  // Only an office of state, named by its noun alone ("the Russian president", "the President"):
  // "the spokesman" or "the chief negotiator" after a sentence about Putin is someone else, and so
  // is "the president of the Security Council".
  if (!is_head_of_state_role(p.role) || lowered(w_[p.last].text) != p.role || office_of_something(p)) return nullptr;
  const int current = static_cast<int>(phrases_.sentence());
  int previous = current - 1;
  // Or, when no one was seen in the sentence before, the sentence where the last to speak spoke, a
  // few before, its quotation's sentences between ("Mr. Chamberlain ... told the journalists ...
  // ‘It has been a long day.’ ... the Prime Minister replied"); anyone seen since stops it below.
  constexpr int kQuotationSentences = 3;
  const Person* last = nullptr;
  bool seen_before = false;
  for (const Person& c : people_) {
    seen_before = seen_before || c.last_seen == previous;
    if (c.last_spoke >= 0 && (!last || c.last_spoke > last->last_spoke)) last = &c;
  }
  if (!seen_before && last && last->last_spoke < previous && last->last_spoke >= previous - kQuotationSentences &&
      last->last_seen == last->last_spoke)
    previous = last->last_spoke;
  Person* subject = nullptr;
  for (Person& c : people_) {
    if (c.last_seen < previous) continue;
    // Named for the first time in this sentence, after the role ("the Prime Minister said the image
    // posted by spokesman Zhao Lijian"), not before it.
    if (c.last_seen == current && c.previous_seen < previous) continue;
    // (The subject, or the one who spoke there: "On leaving the conference room Mr. Chamberlain told".)
    if (subject || c.last_seen != previous || !(c.seen_as_subject || c.last_spoke == previous)) return nullptr;
    subject = &c;
  }
  // One introduced in another office ("Senator Penny Wong", "Foreign Minister Eduard Shevardnadze")
  // does not hold this one.
  if (!subject || (!subject->roles.empty() && !subject->roles.count(p.role) && !(p.role == "leader" && heads_a_state(*subject))))
    return nullptr;
  std::vector<std::string> words;
  for (uint32_t k = definite(p.first) ? p.first + 1 : p.first; k <= p.last; ++k) words.push_back(w_[k].text);
  for (const std::string& word : words)
    if (const int nation = nation_of_word(word); nation && !subject->nations.empty() && !subject->nations.count(nation))
      return nullptr;
  add_roles(*subject, words);
  return subject;
}

// "Lavrov met his Turkish counterpart Mevlut Cavusoglu", "Wang Yi, Lavrov's
// Chinese counterpart,": the words a..b around a name make its person the
// counterpart of the owner they name, else of the person named last before
// them, and so holder of the same roles.
void People::take_counterpart_roles(Person& person, uint32_t a, uint32_t b) {
  uint32_t counterpart = b + 1;
  for (uint32_t k = a; k <= b && counterpart > b; ++k)
    if (w_[k].kind == WordKind::word && lowered(w_[k].text) == "counterpart") counterpart = k;
  if (counterpart > b) return;
  const Person* owner = nullptr;
  for (uint32_t k = a; k < counterpart && !owner; ++k)
    if (w_[k].capitalized && possessive(w_[k].text) && !nation_of_word(w_[k].text))
      owner = find_person(std::string(without_possessive(w_[k].text)));
  for (uint32_t k = a; k-- > phrases_.sentence_first() && !owner;)
    if (w_[k].capitalized && w_[k].kind == WordKind::word) {
      const Person* named = find_person(std::string(without_possessive(w_[k].text)));
      if (named != &person) owner = named;
    }
  if (owner && owner != &person) person.roles.insert(owner->roles.begin(), owner->roles.end());
}

// "the NATO chief", "the Kremlin's leader": the person whose title names that
// organisation, when the role is a head's ("NATO Secretary General Jens Stoltenberg").
Person* People::head_of(const Phrase& p) {
  if (!is_head_role(p.role)) return nullptr;
  Person* best = nullptr;
  for (uint32_t k = p.first; k < p.last; ++k) {
    if (!w_[k].capitalized) continue;
    const std::string organisation = lowered(without_possessive(w_[k].text));
    for (Person& c : people_)
      for (const std::string& role : c.roles)
        if ((" " + role + " ").find(" " + organisation + " ") != std::string::npos && (!best || c.last_seen >= best->last_seen))
          best = &c;
  }
  return best;
}

// The lower-case role noun right before the run of capitals opening at word i, or before "for" or
// "of" (and "the") opening it, its capitals a portfolio before the name; 0 when none.
// (Only for a name holding a given name: "the president of the Brady Campaign" is no role of a
// person called Campaign.)
uint32_t People::role_before_name(uint32_t i, uint32_t first, const Phrase& name) const {
  auto role_at = [&](uint32_t k) {
    return w_[k].kind == WordKind::word && !w_[k].capitalized && is_role_noun(lowered(w_[k].text));
  };
  if (i <= first) return 0;
  if (role_at(i - 1)) return i - 1;
  // A portfolio of capitals must stand before the given name ("envoy for the Balkans Viktor ..."),
  // not "a spokesman for Hillary Clinton", whose role is the spokesman's.
  const auto given = std::find_if(name.names.begin(), name.names.end(), [](const std::string& n) { return given_name_gender(n) != 0; });
  if (given == name.names.end() || (given == name.names.begin() && name.titles.empty())) return 0;
  uint32_t k = i - 1;
  if (k > first && w_[k].is("the")) --k;
  return k > first && (w_[k].is("for") || w_[k].is("of")) && role_at(k - 1) ? k - 1 : 0;
}

}  // namespace attache::indexer::attribution
