// Who is who in an article: the people named so far with their roles, and
// the resolution of a speaker phrase to one of them.
#include "people.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>

#include "lexicon.h"
#include "person_roles.h"
#include "speaker_names.h"

namespace attache::indexer::attribution {
namespace {

// "McAuliffe tried to walk back his comments a day after he said them", "Trump spoke for an hour
// and he said": a pronoun opening a clause joined to the sentence's own stands for its subject.
bool opens_clause_of_subject(const Word& w) { return w.kind == WordKind::word && joins_clause(w.text); }

// "In Buenos Aires, Señor Costa Méndez said", "below the Church of the Nativity, Elias Freij": a
// name right after a preposition of place, or after "of" inside a longer name, is a place's or an
// institution's when no title or given name shows a person.
bool place_or_institution_name(const std::vector<Word>& w, uint32_t i, uint32_t sentence_first, const Phrase& p) {
  if (!p.titles.empty() || given_name_gender(p.names.front()) || i <= sentence_first) return false;
  const Word& before = w[i - 1];
  if (before.kind != WordKind::word) return false;
  if (!before.capitalized && is_place_preposition(before.text)) return true;
  // "the Church of the Nativity": one word after "of the" (not "the Speaker of the Knesset Amir Ohana").
  const uint32_t of = before.is("the") && i >= sentence_first + 2 ? i - 2 : i - 1;
  return p.names.size() == 1 && w[of].is("of") && of > sentence_first && w[of - 1].kind == WordKind::word &&
         w[of - 1].capitalized;
}

// "MICHEL'S PLEA: European Council President Charles Michel tried ...": a kicker in capitals over
// its paragraph, ended by a colon, which names no one; the sentence starts after it.
uint32_t after_kicker(const std::vector<Word>& w, uint32_t sentence_first, uint32_t sentence_end) {
  constexpr uint32_t kLongestKicker = 5;
  if (sentence_first >= sentence_end || !w[sentence_first].opens_line) return sentence_first;
  for (uint32_t k = sentence_first; k < sentence_end && k <= sentence_first + kLongestKicker; ++k) {
    if (w[k].kind == WordKind::colon) return k > sentence_first ? k + 1 : sentence_first;
    const bool capitals = w[k].kind == WordKind::word && std::none_of(w[k].text.begin(), w[k].text.end(), [](char c) {
                            return c >= 'a' && c <= 'z';
                          });
    if (!capitals || w[k].dateline) return sentence_first;
  }
  return sentence_first;
}

// A live blog's time stamp opening an entry: "17:10 GMT -".
bool time_stamp_word(const Word& w) {
  const bool digit = std::any_of(w.text.begin(), w.text.end(), [](char c) { return c >= '0' && c <= '9'; });
  const bool zone = w.text.size() <= 4 && std::all_of(w.text.begin(), w.text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  return digit || zone;
}

// Only an article, a time stamp, a conjunction or a sentence adverb and its comma opening the
// sentence, or a quotation mark before the name: "The Mr. Smith who", "17:10 GMT - Zelenskyy
// closed", "But Lavrov left", "Meanwhile, Lavrov said"; not "In Paris".
bool opens_as_subject(const std::vector<Word>& w, uint32_t phrase_first, uint32_t sentence_first, uint32_t sentence_end) {
  const uint32_t first = after_kicker(w, sentence_first, sentence_end);
  for (uint32_t k = first; k < phrase_first; ++k) {
    if (w[k].kind != WordKind::word || is_article(lowered(w[k].text)) || time_stamp_word(w[k])) continue;
    const bool sentence_adverb = k == first && k + 1 < phrase_first && w[k + 1].kind == WordKind::comma;
    if (!(k == first && is_opening_conjunction(w[k].text)) && !sentence_adverb) return false;
  }
  return true;
}

}  // namespace

// The person of that surname the article names most often (the latest of
// those), of the same gender if one is known: "Trump" after a mention of
// Melania Trump is still the Trump the article is about.
Person* People::find_person(const std::string& surname, int gender) {
  Person* best = nullptr;
  Person* best_of_gender = nullptr;
  auto better = [](const Person* a, const Person& b) {
    return !a || b.mentions > a->mentions || (b.mentions == a->mentions && b.last_seen >= a->last_seen);
  };
  for (Person& p : people_)
    if (p.surname == surname || (p.surname.size() == surname.size() && lowered(p.surname) == lowered(surname))) {
      if (better(best, p)) best = &p;
      if (gender && p.gender == gender && better(best_of_gender, p)) best_of_gender = &p;
    }
  if (!best) best = known_without_particles(surname);
  if (!best) best = known_by_first_surname(surname);
  if (!best) return known_by_given_name(surname);
  return best_of_gender ? best_of_gender : best;
}

// "Mistura" (written "de Mistura", whose particle opens no phrase) for Staffan de Mistura, "Calle"
// for Humberto de la Calle: the one person whose surname is this after its particles.
// "Maduro" for "Nicolás Maduro Moros", "Arreaza" for "Jorge Arreaza Montserrat": the first of two
// surnames (the last of the given names as they are kept), as Spanish names are cut short, when one
// person alone has it.
Person* People::known_by_first_surname(const std::string& surname) {
  Person* found = nullptr;
  for (Person& p : people_) {
    const size_t space = p.first.find(' ');
    if (p.family_first || space == std::string::npos || p.first.find(' ', space + 1) != std::string::npos ||
        p.first.substr(space + 1) != surname)
      continue;
    if (found && found != &p) return nullptr;
    found = &p;
  }
  return found;
}

Person* People::known_without_particles(const std::string& surname) {
  Person* found = nullptr;
  for (Person& p : people_) {
    if (p.surname.size() <= surname.size() + 1 || !p.surname.ends_with(surname) ||
        p.surname[p.surname.size() - surname.size() - 1] != ' ')
      continue;
    const std::string_view before(p.surname.data(), p.surname.size() - surname.size() - 1);
    bool particles = true;
    for (size_t at = 0; at < before.size() && particles;) {
      const size_t space = std::min(before.find(' ', at), before.size());
      particles = is_particle(before.substr(at, space - at));
      at = space + 1;
    }
    if (!particles) continue;
    if (found && found != &p) return nullptr;
    found = &p;
  }
  return found;
}

// The one person introduced with a title or role whose given names open with
// this word: "Xi" after "President Xi Jinping" and "Ban" after "Ban Ki-moon,
// the secretary general," (family names first), or "Hillary" after "Secretary
// Hillary Clinton". When two people share it, the one who spoke last; none when
// neither spoke. Not the words of a capitalised headline ("Trump Tower", "Gorka Slam").
Person* People::known_by_given_name(const std::string& word) {
  if (word.find(' ') != std::string::npos) return nullptr;
  Person* found = nullptr;
  bool ambiguous = false;
  for (Person& p : people_)
    if (!p.roles.empty() && p.first.starts_with(word) &&
        (p.first.size() == word.size() || p.first[word.size()] == ' ')) {
      ambiguous = found != nullptr;
      // "Wang said" after "Wang Wenbin said" and "Wang Yi met" goes on with the speaker.
      if (!found || p.last_spoke > found->last_spoke) found = &p;
    }
  return ambiguous && found->last_spoke < 0 ? nullptr : found;
}

// Registers or updates the person a name phrase names.
namespace {

// "Kyung-wha", "Ing-wen", "Ki-moon": a given name romanised in two syllables joined by a hyphen,
// the second in lower case.
bool hyphenated_given_name(std::string_view word) {
  const size_t hyphen = word.find('-');
  return hyphen != std::string_view::npos && hyphen > 0 && hyphen + 1 < word.size() &&
         word.find('-', hyphen + 1) == std::string_view::npos && word[hyphen + 1] >= 'a' && word[hyphen + 1] <= 'z';
}

// "Xi Jinping", "Wang Yi": a Chinese family name and a given name no list knows as a Western one
// ("Li Keqiang", not "Ma Bell" nor "Hu Jackson").
bool chinese_name(const std::vector<std::string>& name) {
  return is_chinese_family_name(name.front()) && !given_name_gender(name.front()) && !given_name_gender(name.back()) &&
         !is_place_word(name.back());
}

}  // namespace

Person& People::person_for(const Phrase& p, int likely_gender) {
  std::vector<std::string> name;
  for (const std::string& n : p.names)
    if (!(n.size() == 2 && n[1] == '.')) name.push_back(n);  // middle initials are not part of the canonical name
  // "James A. Baker 3d", "Jr."; not a monarch's number ("Abdullah II").
  while (name.size() > 2 && is_name_suffix(name.back())) name.pop_back();
  if (name.empty()) name = p.names;
  // The surname keeps its particles: "von der Leyen"; it comes first before a romanised Korean or
  // Chinese given name ("Kang Kyung-wha", "Tsai Ing-wen").
  const bool family_first = name.size() == 2 && (hyphenated_given_name(name.back()) || chinese_name(name));
  size_t surname_at = family_first ? 0 : name.size() - 1;
  // "Von der Leyen" opening a sentence: the particle is capitalised as the sentence's first word
  // (elsewhere a capital shows a given name: "Al Gore").
  const uint32_t name_first = p.last + 1 - static_cast<uint32_t>(p.names.size());
  const bool opens_sentence = p.titles.empty() && next_word(w_, phrases_.sentence_first(), name_first) == name_first;
  while (surname_at > 0 &&
         (is_particle(name[surname_at - 1]) || (surname_at == 1 && opens_sentence && is_particle(lowered(name[0])))))
    --surname_at;
  const size_t surname_end = family_first ? 1 : name.size();
  std::string surname;
  for (size_t i = surname_at; i < surname_end; ++i) surname += (surname.empty() ? "" : " ") + name[i];
  std::string first;  // given names, middle names included ("Recep Tayyip")
  for (size_t i = 0; i < name.size(); ++i)
    if (i < surname_at || i >= surname_end) first += (first.empty() ? "" : " ") + name[i];
  int gender = p.gender;
  for (const std::string& t : p.titles)
    if (const int of_rank = rank_gender(t)) gender = of_rank;
  Person* person = find_person(surname, gender ? gender : first.empty() ? likely_gender : 0);
  if (person && !first.empty() && !person->first.empty() && person->first != first) person = nullptr;
  // "Mrs. Geraghty" is not Mr. John Geraghty; "President Kennedy" is not "First Lady Jacqueline Kennedy".
  if (person && gender && person->gender && gender != person->gender) person = nullptr;
  if (person && first.empty() && !person->roles.empty())
    for (const std::string& t : p.titles) {
      std::string role = lowered(t);
      if (is_title_word(t) && is_role_noun(role) && !has_role(*person, role)) {
        person = nullptr;
        break;
      }
    }
  if (!person) {
    people_.push_back(Person{});
    person = &people_.back();
    person->surname = surname;
    person->family_first = family_first;
  }
  if (person->first.empty()) person->first = first;
  if (gender) person->gender = gender;
  if (!person->gender && !first.empty()) person->gender = given_name_gender(first);
  add_roles(*person, p.titles);
  ++person->mentions;
  const int sentence = static_cast<int>(phrases_.sentence());
  if (person->last_seen != sentence) {
    person->previous_seen = person->last_seen;
    person->seen_as_subject = opens_as_subject(w_, p.first, phrases_.sentence_first(), phrases_.sentence_end());
  }
  person->last_seen = sentence;
  return *person;
}

void People::note_names() {
  const uint32_t first = phrases_.sentence_first(), end = phrases_.sentence_end();
  if (first < headline_end_) return;
  for (uint32_t i = after_kicker(w_, first, end); i < end; ++i) {
    if (!phrases_.name_like(i) || !phrases_.outside_quotes(i) || (i > first && phrases_.name_like(i - 1))) continue;
    uint32_t e = i;
    while (e + 1 < end && phrases_.joins_right(e)) ++e;
    // "Former President Bill Clinton's foundation" introduces him, as his title shows; an owner
    // named without one ("Saudi Arabia's") may be anything, unless the article named that person
    // ("Maduro's response came from the palace" brings Maduro back).
    const bool owner = possessive(w_[e].text);
    Phrase p = phrases_.classify_run(i, e, owner);
    if (p.type != PhraseType::name || (owner && p.titles.empty() && !find_person(p.names.back()))) continue;
    // "The King of Saudi Arabia" introduces no one called Arabia.
    if (office_of_place(p)) {
      i = e;
      continue;
    }
    // An office's portfolio is no one, unless a given name shows a person ("Secretary of State
    // Antony Blinken").
    const uint32_t name_first = e + 1 - static_cast<uint32_t>(p.names.size());
    if (phrases_.in_portfolio(name_first, first) &&
        std::none_of(p.names.begin(), p.names.end(), [](const std::string& n) { return given_name_gender(n) != 0; }))
      continue;
    bool introduced = !p.titles.empty() || p.names.size() > 1;
    // A capital opening the sentence says nothing of a name: "Nonetheless, the senator said" is
    // no apposition of a person called Nonetheless, while "Clinton, the former secretary of
    // state, said" is one of the Clinton the article named.
    const bool opens_sentence = next_word(w_, first, i) == i;
    const bool known = find_person(p.names.back()) != nullptr;
    // "Outside Castle Buildings, the DUP leader ...": a preposition of place opening the sentence,
    // its capital joined to the place's name, up to the comma.
    const bool place_opening = opens_sentence && p.names.size() > 1 && e + 1 < end && w_[e + 1].kind == WordKind::comma &&
                               p.titles.empty() && is_place_preposition(lowered(w_[i].text));
    if (place_opening || (!known && place_or_institution_name(w_, i, first, p))) {
      i = e;
      continue;
    }
    bool apposition = e + 1 < end && w_[e + 1].kind == WordKind::comma && !(opens_sentence && !introduced && !known);
    if (!introduced && !apposition && !known) continue;
    Person& person = person_for(p);
    // "the Netanyahu government", "the Bernie Sanders campaign": a name used of a body introduces
    // its person but is no mention a later "he" would follow.
    const bool of_a_body = i > first && w_[i - 1].is("the") && e + 1 < end && w_[e + 1].kind == WordKind::word &&
                           !w_[e + 1].capitalized &&
                           (is_institution_word(capitalised(w_[e + 1].text)) || w_[e + 1].is("campaign") || w_[e + 1].is("regime"));
    if (of_a_body && person.last_seen == static_cast<int>(phrases_.sentence())) person.last_seen = person.previous_seen;
    // "Russia's foreign minister, Sergey Lavrov, ...": the role comes first.
    if (i >= first + 2 && w_[i - 1].kind == WordKind::comma) {
      std::vector<std::string> before;
      for (int k = static_cast<int>(i) - 2; k >= static_cast<int>(first) && w_[k].kind == WordKind::word && k > static_cast<int>(i) - 8; --k)
        before.insert(before.begin(), w_[k].text);
      add_roles(person, before);
    }
    // "UN chief Antonio Guterres", "opposition leader Alexei Navalny": a lower-case role noun right
    // before the name is its person's role; so is one before its portfolio ("special presidential
    // envoy for the Balkans Viktor Chernomyrdin").
    if (const uint32_t role = role_before_name(i, first, p)) {
      std::vector<std::string> description;
      for (uint32_t k = std::max(first, role - std::min(role, 2u)); k <= role; ++k)
        if (w_[k].kind == WordKind::word) description.push_back(w_[k].text);
      add_roles(person, description);
    }
    // "his Turkish counterpart Mevlut Cavusoglu": the words before the name describe its person.
    const uint32_t before_name = i >= first + 1 && w_[i - 1].kind == WordKind::comma ? i - 1 : i;
    if (before_name >= first + 1 && lowered(w_[before_name - 1].text) == "counterpart") {
      const uint32_t from = std::max(first, before_name - std::min(before_name, 4u));
      std::vector<std::string> description;
      for (uint32_t k = from; k < before_name; ++k)
        if (w_[k].kind == WordKind::word) description.push_back(w_[k].text);
      add_roles(person, description);
      take_counterpart_roles(person, from, before_name - 1);
    }
    if (apposition) {
      uint32_t close = e + 2;
      while (close < end && w_[close].kind != WordKind::comma && w_[close].kind != WordKind::terminator && close < e + 14) ++close;
      if (close < end && w_[close].kind == WordKind::comma) {
        std::vector<std::string> appositive;
        for (uint32_t k = e + 2; k < close; ++k) appositive.push_back(w_[k].text);
        add_roles(person, appositive);
        take_counterpart_roles(person, e + 2, close - 1);
      }
    }
    i = e;
  }
  note_role_subject();
  note_subject_pronoun();
}

bool People::written_in_lower_case(std::string_view word) {
  if (lower_case_words_.empty())
    for (const Word& w : w_)
      if (w.kind == WordKind::word && !w.capitalized) lower_case_words_.insert(w.text);
  return lower_case_words_.count(word) > 0;
}

std::string People::group_of_one(uint32_t first, uint32_t last, uint32_t cue) const {
  const Word& one = w_[first];
  if (!(one.is("One") || one.is("Another") || one.is("one") || one.is("another"))) return {};
  const bool of_them = last == first + 2 && w_[first + 1].is("of") && (w_[last].is("them") || w_[last].is("those"));
  const bool recent = last_group_sentence_ + 1 >= static_cast<int>(phrases_.sentence());
  // A group of people ("U.S. officials", "Members of the delegation"), not a body ("the ministry").
  const std::vector<std::string> words = split_words(last_group_);
  const bool people = !words.empty() && (is_group_noun(lowered(words.front())) || is_group_noun(lowered(words.back())));
  return ((last == first && cue == last + 1) || of_them) && recent && people ? last_group_ : std::string();
}

Speaker People::resolve(const Phrase& p, int likely_gender) {
  Speaker s;
  Person* person = nullptr;
  if (const std::optional<std::string> body = body_of_acronym(p)) {
    s.canonical = last_group_ = last_institution_ = *body;
    last_group_sentence_ = static_cast<int>(phrases_.sentence());
    s.group = true;
    return s;
  }
  switch (p.type) {
    case PhraseType::name:
      // "PM tells Commons": the prime minister the article introduced.
      if (p.names.size() == 1 && p.titles.empty() && !office_of_abbreviation(p.names.front()).empty()) {
        Phrase office = p;
        office.type = PhraseType::role;
        office.role = office_of_abbreviation(p.names.front());
        office.first = office.last = p.last;
        if ((person = introduced_as(office))) break;
      }
      if (const std::optional<Phrase> office = office_of_place(p)) {
        person = introduced_as(*office);
        if (!person) {
          s.canonical = phrases_.span_text(is_article(lowered(w_[p.first].text)) ? p.first + 1 : p.first, p.last);
          s.group = true;
          return s;
        }
        break;
      }
      person = &person_for(p, likely_gender);
      break;
    case PhraseType::pronoun: {
      if (p.role == "they" || p.role == "it") {  // "The Kremlin ... It said": the latest institution
        const bool described_body = p.role == "it" && described_body_spoke_ + 1 == static_cast<int>(phrases_.sentence());
        const std::string& group = described_body ? described_body_ : p.role == "it" ? last_institution_ : last_group_;
        if (group.empty()) return {};
        s.canonical = group;
        s.group = true;
        return s;
      }
      const int gender = p.role == "he" ? 1 : 2;
      const bool coordinated = p.first > phrases_.sentence_first() && opens_clause_of_subject(w_[p.first - 1]);
      person = p.first == subject_pronoun_.word ? subject_pronoun_.person : subject_of_fronted_clause(p, gender);
      s.contested = p.first == subject_pronoun_.word && subject_pronoun_.contested;
      if (!person) {
        int salience = INT32_MIN;
        person = latest_of_gender(gender, coordinated, &salience, &s.contested);
        // "The representative of France said ... He added": a person described, never named, who
        // spoke after anyone named was last seen.
        if (!coordinated && described_outweighs(salience, gender)) {
          s.contested = false;  // the contest was among those named, which the described one won
          described_spoke_ = static_cast<int>(phrases_.sentence());
          s.canonical = described_speaker_;
          s.group = true;
          return s;
        }
      }
      if (!person) return {};
      if (!person->gender) person->gender = gender;
      break;
    }
    case PhraseType::role: {
      person = introduced_as(p);
      s.role_inferred = !person;
      if (!person) person = head_of(p);
      if (!person) person = sole_subject_before(p);
      if (!person) return {};
      break;
    }
    case PhraseType::group: {
      uint32_t a = p.first;
      if (is_article(lowered(w_[a].text))) ++a;
      if (a > p.last) return {};
      // "White House Press Secretary George Christian ... Christian said", "Rep. Steve Israel":
      // a place's word or a group's is the surname of someone the article named in full.
      if (a == p.last && p.names.size() == 1 && w_[a].capitalized)
        if (Person* named = surname_of_someone(p.names.front())) {
          person = named;
          break;
        }
      s.canonical = phrases_.span_text(a, p.last);
      s.group = true;
      // A place ("New Hampshire") is no one a later "they" or "it" could stand for.
      if (names_a_place(p)) return s;
      if (const std::string* named = named_institution(a, p.last)) s.canonical = *named;
      last_group_ = s.canonical;
      last_group_sentence_ = static_cast<int>(phrases_.sentence());
      if (!is_group_noun(lowered(w_[p.last].text))) last_institution_ = s.canonical;
      return s;
    }
    case PhraseType::none: return {};
  }
  s.canonical = person->canonical();
  const int sentence = static_cast<int>(phrases_.sentence());
  if (person->last_seen != sentence) person->previous_seen = person->last_seen;
  person->last_spoke = person->last_seen = sentence;
  return s;
}

}  // namespace attache::indexer::attribution
