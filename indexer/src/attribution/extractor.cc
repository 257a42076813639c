// Statement attribution by rules over the word stream: find reporting cues
// outside quotations, the speaker phrase before (or, inverted, after) each
// cue, and the content: an adjacent quotation (direct), the clause the cue
// introduces (reported), or the clause before "..., X said" (reported or, when
// quoted, direct). Speakers are resolved within the article: names to the
// person they name, surnames and honorifics to the person with that surname,
// pronouns to the latest speaker of that gender, role nouns ("the minister")
// to the person introduced in that role. Institutions and collectives stay so.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <set>
#include <unordered_set>

#include "attache/indexer/statements.h"
#include "extraction.h"
#include "lexicon.h"
#include "tagged_attributions.h"
#include "words.h"

namespace attache::indexer {

const char* to_string(StatementKind kind) {
  switch (kind) {
    case StatementKind::direct: return "direct";
    case StatementKind::reported: return "reported";
    case StatementKind::mixed: return "mixed";
  }
  return "reported";
}

uint32_t char_offset(std::string_view text, uint32_t byte_offset) {
  uint32_t count = 0;
  for (uint32_t i = 0; i < byte_offset && i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xc0) != 0x80) ++count;
  return count;
}

namespace {

using namespace attribution;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool possessive(std::string_view w) { return ends_with(w, "'s") || ends_with(w, "\u2019s") || ends_with(w, "s'"); }

const std::unordered_set<std::string_view> kSentenceOpeners = {
    "The", "But", "And", "Yet", "So", "Now", "Still", "Then", "However", "Meanwhile", "In", "On", "At", "As",
    "After", "Before", "When", "While", "Although", "Though", "If", "Asked", "Speaking", "Earlier", "Later",
    "Also", "Even", "Instead", "Separately", "Overall", "Indeed", "Moreover", "A", "An", "This", "That",
    "Those", "These", "Under", "According", "By", "For", "With", "From"};
const std::unordered_set<std::string_view> kParticles = {"de", "van", "von", "bin", "al", "da", "di", "le", "la",
                                                         "der", "dos", "du", "del", "ibn", "ter", "den"};
const std::unordered_set<std::string_view> kGroupModifiers = {
    "senior", "top", "intelligence", "administration", "government", "military", "defense", "defence", "security",
    "foreign", "western", "other", "some", "many", "several", "two", "three", "four", "independent", "outside",
    "unnamed", "anonymous", "european", "american", "russian", "ukrainian", "chinese", "the", "most", "few",
    "policy", "health", "energy", "trade", "nuclear", "arms", "control", "border", "local", "regional", "state",
    "white", "house", "pentagon", "kremlin", "embassy", "ministry", "department", "u.s.", "us", "allied",
    "nato", "eu", "un", "u.n.", "opposition", "former", "current"};
const std::unordered_set<std::string_view> kPlaces = {
    "Russia", "Moscow", "Ukraine", "Kyiv", "Kiev", "Washington", "China", "Beijing", "France", "Paris", "Germany",
    "Berlin", "Britain", "London", "Turkey", "Ankara", "Poland", "Warsaw", "Iran", "Tehran", "Israel", "Japan",
    "Tokyo", "India", "Delhi", "Belarus", "Minsk", "NATO", "Brussels", "Europe", "EU", "America", "Italy", "Rome",
    "Spain", "Madrid", "Hungary", "Budapest", "Finland", "Sweden", "Norway", "Georgia", "Tbilisi", "Moldova",
    "Syria", "Damascus", "Egypt", "Cairo", "Qatar", "Doha", "Pakistan", "Kazakhstan", "Armenia", "Azerbaijan",
    "Lithuania", "Latvia", "Estonia", "Romania", "Bulgaria", "Greece", "Serbia", "Canada", "Australia", "Korea",
    "Pyongyang", "Seoul", "Saudi", "Riyadh", "Vienna", "Geneva", "Austria", "Switzerland", "Denmark",
    "Netherlands", "Belgium", "Ireland", "Iceland", "Vatican"};
const std::unordered_set<std::string_view> kNotNames = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December", "It", "There",
    "Here", "What", "Who", "Why", "How", "Where", "Nobody", "Everyone", "Everybody", "Someone", "Somebody", "He",
    "She", "They", "We", "I", "You", "His", "Her", "Their", "Our", "My", "Its", "Your"};

enum class PhraseType { none, name, pronoun, role, group };

struct Phrase {
  PhraseType type = PhraseType::none;
  uint32_t first = 0, last = 0;  // word indices, inclusive
  std::vector<std::string> titles;
  std::vector<std::string> names;
  int gender = 0;
  std::string role;  // role noun, or the pronoun
};

struct Person {
  std::string first, surname;
  int gender = 0;
  std::set<std::string> roles;
  int last_seen = -1;
  bool seen_as_subject = false;  // mentioned first in last_seen's sentence
  int previous_seen = -1;  // before last_seen's sentence
  int last_spoke = -1;
  std::string canonical() const { return first.empty() ? surname : first + " " + surname; }
};

class Extractor {
 public:
  Extractor(std::string_view text, const TaggerModel& model)
      : text_(text), stream_(read_words(text)), w_(stream_.words), tagged_(tag_attributions(stream_, model)) {}

  std::vector<Candidate> run() {
    const uint32_t sentence_count = static_cast<uint32_t>(stream_.sentence_first_word.size()) - 1;
    for (uint32_t s = 0; s < sentence_count; ++s) {
      first_ = stream_.sentence_first_word[s];
      end_ = stream_.sentence_first_word[s + 1];
      if (first_ >= end_) continue;
      sentence_ = s;
      note_names();
      add_tagged();
    }
    std::vector<Candidate> out;
    for (size_t i = 0; i < out_.size(); ++i) out.push_back({std::move(out_[i]), evidence_[i]});
    std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) { return a.statement.begin < b.statement.begin; });
    return out;
  }

 private:
  // ---- words --------------------------------------------------------------
  const Word& at(uint32_t i) const { return w_[i]; }
  bool word(uint32_t i) const { return i < end_ && i >= first_ && w_[i].kind == WordKind::word; }
  bool outside_quotes(uint32_t i) const { return w_[i].quote < 0; }
  std::string span_text(uint32_t a, uint32_t b) const {  // words a..b inclusive, as written
    return std::string(text_.substr(w_[a].begin, w_[b].end - w_[a].begin));
  }
  bool is_initial(const Word& w) const {
    return w.kind == WordKind::word && w.text.size() == 2 && w.text[1] == '.' && std::isupper(static_cast<unsigned char>(w.text[0]));
  }
  bool name_like(uint32_t i) const {
    const Word& w = w_[i];
    if (w.kind != WordKind::word) return false;
    int g = 0;
    return w.capitalized || is_honorific(w.text, g) || is_initial(w);
  }

  // ---- noun phrases ---------------------------------------------------------
  // A capitalised sentence opener ("But", "The") that is not part of a title
  // ("Under Secretary").
  bool opener(uint32_t i) const {
    if (!kSentenceOpeners.count(w_[i].text)) return false;
    return !(is_title_word(w_[i].text) && i + 1 < w_.size() && is_title_word(w_[i + 1].text));
  }

  // Splits a capitalised run [a, b] into titles and name, classifying it.
  Phrase classify_run(uint32_t a, uint32_t b) const {
    while (a < b && opener(a)) ++a;  // "But Ryabkov"
    Phrase p;
    p.first = a;
    p.last = b;
    uint32_t k = a;
    for (; k <= b; ++k) {
      const std::string& t = w_[k].text;
      int g = 0;
      if (is_honorific(t, g)) {
        if (g) p.gender = g;
        p.titles.push_back(t);
        continue;
      }
      if (is_title_word(t) || is_nationality(t) || (!w_[k].capitalized && t != "of")) {
        p.titles.push_back(t);
        continue;
      }
      if (k < b && (possessive(t) || kPlaces.count(t))) {  // "Russia's Foreign Minister Sergey Lavrov"
        p.titles.push_back(t);
        continue;
      }
      break;
    }
    // A role noun or an organisation between the titles and the name
    // ("Kremlin spokesman Dmitry Peskov", "European Council on Foreign
    // Relations analyst Kaja Liik", "Carnegie Endowment Dmitri Trenin"): the
    // person is the capitalised words after the last of them.
    uint32_t name_start = k;
    const uint32_t first_name = k;
    for (uint32_t j = b; j > k; --j) {
      const Word& x = w_[j - 1];
      const bool role = !x.capitalized && !kParticles.count(x.text);
      if (role || is_institution_word(x.text)) {
        // After an organisation, a person needs a given name and a surname
        // ("White House" is no person called House).
        if (w_[j].capitalized && (role || b - j >= 1)) name_start = j;
        break;
      }
    }
    for (; k < name_start; ++k) p.titles.push_back(w_[k].text);
    for (; k <= b; ++k) p.names.push_back(w_[k].text);
    if (p.names.empty()) {
      // All title: "the Kremlin", "the State Department", "Foreign Ministry".
      bool institution = false;
      for (uint32_t i = a; i <= b; ++i) institution |= is_institution_word(w_[i].text);
      if (institution) p.type = PhraseType::group;
      return p;
    }
    for (const std::string& n : p.names)
      if (kNotNames.count(n) || possessive(n)) return Phrase{};
    if (p.names.size() == 1 && p.titles.empty() && kSentenceOpeners.count(p.names[0])) return Phrase{};
    for (const std::string& n : p.names) {
      bool shouting = n.size() > 1 && std::none_of(n.begin(), n.end(), [](char ch) { return std::islower(static_cast<unsigned char>(ch)); }) &&
                      std::isalpha(static_cast<unsigned char>(n[0])) && n.find('.') == std::string::npos;
      if ((shouting && n != p.names.back()) || (kSentenceOpeners.count(n) && n != p.names.front())) return Phrase{};  // "GENEVA The United States"
    }
    const std::string& last_name = p.names.back();
    // "United" and "European" are title words ("European Commissioner"), so "the United States" may arrive as one name.
    if ((p.names.size() > 1 || b > a) && (last_name == "States" || last_name == "Kingdom" || last_name == "Nations" || last_name == "Union")) {
      p.type = PhraseType::group;  // "the United States", "the European Union"
      return p;
    }
    bool institution = false;  // once split off, an organisation describes the person
    for (uint32_t i = name_start != first_name ? name_start : a; i <= b; ++i)
      institution |= is_institution_word(w_[i].text) && !is_title_word(w_[i].text);
    if (institution || (p.names.size() == 1 && p.titles.empty() && kPlaces.count(p.names[0]))) {
      p.type = PhraseType::group;
      return p;
    }
    if (!p.gender) p.gender = given_name_gender(p.names.front());
    p.type = PhraseType::name;
    return p;
  }

  // "von der" in "Ursula von der Leyen": particles joined to a name before them.
  bool particle_chain_starts_name(int i, uint32_t limit) const {
    while (i >= static_cast<int>(limit) && w_[i].kind == WordKind::word && kParticles.count(w_[i].text)) --i;
    return i >= static_cast<int>(limit) && name_like(static_cast<uint32_t>(i));
  }

  // The noun phrase ending at word e (walking left), or none.
  Phrase phrase_ending_at(int e, uint32_t limit) const {
    if (e < static_cast<int>(limit) || w_[e].kind != WordKind::word || !outside_quotes(e)) return {};
    const Word& last = w_[e];
    std::string low = lower(last.text);
    if (low == "he" || low == "she" || low == "they") {
      Phrase p;
      p.type = PhraseType::pronoun;
      p.first = p.last = static_cast<uint32_t>(e);
      p.role = low;
      return p;
    }
    if (!last.capitalized) {
      if (is_group_noun(low)) {
        int s = e;
        while (s - 1 >= static_cast<int>(limit) && w_[s - 1].kind == WordKind::word &&
               (kGroupModifiers.count(lower(w_[s - 1].text)) || is_nationality(w_[s - 1].text) ||
                (w_[s - 1].capitalized && !kSentenceOpeners.count(w_[s - 1].text))))
          --s;
        if (s < e && lower(w_[s].text) == "the" && s == e - 1) return {};  // "the officials" is fine below
        Phrase p;
        p.type = PhraseType::group;
        p.first = static_cast<uint32_t>(s);
        p.last = static_cast<uint32_t>(e);
        return p;
      }
      bool institution_noun = low == "ministry" || low == "department" || low == "government" ||
                              low == "administration" || low == "embassy" || low == "kremlin" || low == "alliance";
      if (is_role_noun(low) || institution_noun) {
        int s = e;
        while (s - 1 >= static_cast<int>(limit) && w_[s - 1].kind == WordKind::word && s > e - 4) {
          std::string prev = lower(w_[s - 1].text);
          if (prev == "the" || prev == "a" || prev == "an") {
            --s;
            break;
          }
          if (w_[s - 1].capitalized || kGroupModifiers.count(prev) || is_nationality(w_[s - 1].text) ||
              is_role_noun(prev) || prev == "chief" || prev == "deputy" || prev == "foreign" || prev == "prime") {
            --s;
            if (w_[s].capitalized && possessive(w_[s].text)) break;  // the owner is the determiner
          } else {
            break;
          }
        }
        std::string det = lower(w_[s].text);
        bool owner = w_[s].capitalized && possessive(w_[s].text);  // "Russia's embassy"
        if (det != "the" && det != "a" && det != "an" && !owner) return {};
        Phrase p;
        p.first = static_cast<uint32_t>(s);
        p.last = static_cast<uint32_t>(e);
        p.role = low;
        p.type = (det == "the" || owner) && !institution_noun ? PhraseType::role : PhraseType::group;
        return p;
      }
      return {};
    }
    if (is_group_noun(low)) {  // "Officials said", capitalised at a sentence start
      Phrase p;
      p.type = PhraseType::group;
      p.first = p.last = static_cast<uint32_t>(e);
      return p;
    }
    // A capitalised run: names, initials, honorifics, particles, "of" in titles.
    int s = e;
    while (s - 1 >= static_cast<int>(limit)) {
      const Word& prev = w_[s - 1];
      if (prev.kind != WordKind::word || !outside_quotes(s - 1)) break;
      bool joins = name_like(s - 1) ||
                   (prev.text == "of" && s - 2 >= static_cast<int>(limit) && is_title_word(w_[s - 2].text)) ||
                   (kParticles.count(prev.text) && particle_chain_starts_name(s - 1, limit));
      bool lower_title = !prev.capitalized && (is_role_noun(lower(prev.text)) || prev.text == "foreign" ||
                                               prev.text == "deputy" || prev.text == "prime" || prev.text == "chief");
      if (!joins && !lower_title) break;
      --s;
    }
    while (s < e && (opener(static_cast<uint32_t>(s)) || lower(w_[s].text) == "the")) ++s;
    if (possessive(last.text)) return {};
    Phrase p = classify_run(static_cast<uint32_t>(s), static_cast<uint32_t>(e));
    if (p.type == PhraseType::group && s > static_cast<int>(limit) && lower(w_[s - 1].text) == "the") p.first = s - 1;
    // "diplomats in Brussels", "Russia's embassy in Brussels": the place
    // qualifies the speaker before it.
    if (p.type == PhraseType::group && p.first == static_cast<uint32_t>(s) && s - 2 >= static_cast<int>(limit) &&
        (w_[s - 1].is("in") || w_[s - 1].is("at"))) {
      Phrase owner = phrase_ending_at(s - 2, limit);
      if (owner.type == PhraseType::group || owner.type == PhraseType::role) {
        owner.last = p.last;
        if (owner.type == PhraseType::role) owner.type = PhraseType::group;
        return owner;
      }
    }
    return p;
  }

  // Does the capitalised run ending at e go on with word e + 1?
  bool joins_right(uint32_t e) const {
    if (name_like(e + 1)) return true;
    if (w_[e + 1].text == "of") return is_title_word(w_[e].text) && e + 2 < end_ && name_like(e + 2);
    if (!kParticles.count(w_[e + 1].text)) return false;
    uint32_t k = e + 1;
    while (k < end_ && kParticles.count(w_[k].text)) ++k;
    return k < end_ && name_like(k);
  }

  // A collective speaker qualified by where it sits: "officials in Washington".
  void extend_with_place(Phrase& p) const {
    if (p.type != PhraseType::group) return;
    uint32_t k = p.last + 1;
    if (!word(k) || !(w_[k].is("in") || w_[k].is("at") || w_[k].is("from"))) return;
    uint32_t e = k + 1;
    if (!word(e) || !name_like(e)) return;
    while (e + 1 < end_ && joins_right(e)) ++e;
    p.last = e;
  }

  // The noun phrase starting at word b (walking right), for inverted cues.
  Phrase phrase_starting_at(uint32_t b) const {
    if (!word(b) || !outside_quotes(b)) return {};
    std::string low = lower(w_[b].text);
    if (low == "he" || low == "she" || low == "they") {
      Phrase p;
      p.type = PhraseType::pronoun;
      p.first = p.last = b;
      p.role = low;
      return p;
    }
    uint32_t e = b;
    if (low == "the" || low == "a" || low == "an") {
      while (e + 1 < end_ && word(e + 1) && e < b + 4 && !is_role_noun(lower(w_[e].text)) && !is_group_noun(lower(w_[e].text)))
        ++e;
      if (is_role_noun(lower(w_[e].text)) || is_group_noun(lower(w_[e].text)) ||
          lower(w_[e].text) == "ministry" || w_[e].capitalized)
        return phrase_ending_at(static_cast<int>(e), b);
      return {};
    }
    if (is_group_noun(low)) {
      Phrase p = phrase_ending_at(static_cast<int>(b), b);
      extend_with_place(p);  // "analysts at Goldman Sachs"
      return p;
    }
    if (!name_like(b)) return {};
    while (e + 1 < end_ && joins_right(e)) ++e;
    if (e + 1 < end_ && w_[e + 1].kind == WordKind::word && is_group_noun(lower(w_[e + 1].text))) {
      Phrase p = phrase_ending_at(static_cast<int>(e + 1), b);  // "said U.S. officials"
      extend_with_place(p);
      return p;
    }
    return phrase_ending_at(static_cast<int>(e), b);
  }

  // ---- the people of the article -----------------------------------------------
  // The latest person of that surname, of the same gender if one is known.
  Person* find_person(const std::string& surname, int gender = 0) {
    Person* any = nullptr;
    for (auto it = people_.rbegin(); it != people_.rend(); ++it)
      if (it->surname == surname) {
        if (!gender || it->gender == gender) return &*it;
        if (!any) any = &*it;
      }
    return any;
  }

  static void add_roles(Person& person, const std::vector<std::string>& words) {
    std::string phrase;
    for (const std::string& t : words) {
      std::string l = lower(t);
      if (is_role_noun(l)) person.roles.insert(l);
      if (is_title_word(t) || is_role_noun(l)) phrase += (phrase.empty() ? "" : " ") + l;
    }
    if (!phrase.empty()) person.roles.insert(phrase);
  }

  // Roles match their synonyms: a "chief" may have been introduced as "the head".
  static bool has_role(const Person& person, const std::string& role) {
    static const std::vector<std::vector<std::string>> kSynonyms = {
        {"chief", "head", "director", "leader"}, {"envoy", "ambassador", "representative", "delegate"},
        {"spokesman", "spokeswoman", "spokesperson"}, {"analyst", "expert", "specialist", "researcher", "fellow", "scholar"},
        {"adviser", "advisor"}};
    if (person.roles.count(role)) return true;
    for (const auto& group : kSynonyms)
      if (std::find(group.begin(), group.end(), role) != group.end())
        for (const auto& r : group)
          if (person.roles.count(r)) return true;
    return false;
  }

  // Registers or updates the person a name phrase names.
  Person& person_for(const Phrase& p) {
    std::vector<std::string> name;
    for (const std::string& n : p.names)
      if (!(n.size() == 2 && n[1] == '.')) name.push_back(n);  // middle initials are not part of the canonical name
    if (name.empty()) name = p.names;
    // The surname keeps its particles: "von der Leyen".
    size_t surname_at = name.size() - 1;
    while (surname_at > 0 && kParticles.count(name[surname_at - 1])) --surname_at;
    std::string surname;
    for (size_t i = surname_at; i < name.size(); ++i) surname += (surname.empty() ? "" : " ") + name[i];
    std::string first;  // given names, middle names included ("Recep Tayyip")
    for (size_t i = 0; i < surname_at; ++i) first += (first.empty() ? "" : " ") + name[i];
    int gender = p.gender;
    for (const std::string& t : p.titles) {
      if (t == "Lady" || t == "Queen" || t == "Dame" || t == "Baroness") gender = 2;
      if (t == "Lord" || t == "King" || t == "Sir") gender = 1;
    }
    Person* person = find_person(surname, gender);
    if (person && !first.empty() && !person->first.empty() && person->first != first) person = nullptr;
    // "Mrs. Geraghty" is not Mr. John Geraghty; "President Kennedy" is not "First Lady Jacqueline Kennedy".
    if (person && gender && person->gender && gender != person->gender) person = nullptr;
    if (person && first.empty() && !person->roles.empty())
      for (const std::string& t : p.titles) {
        std::string role = lower(t);
        if ((is_title_word(t) && is_role_noun(role)) && !has_role(*person, role)) person = nullptr;
      }
    if (!person) {
      people_.push_back(Person{});
      person = &people_.back();
      person->surname = surname;
    }
    if (person->first.empty()) person->first = first;
    if (gender) person->gender = gender;
    if (!person->gender && !first.empty()) person->gender = given_name_gender(first);
    add_roles(*person, p.titles);
    if (person->last_seen != static_cast<int>(sentence_)) {
      person->previous_seen = person->last_seen;
      person->seen_as_subject = p.first <= first_ + 1;
    }
    person->last_seen = static_cast<int>(sentence_);
    return *person;
  }

  // Names with a title, an honorific or an apposition, wherever they occur, so
  // later pronouns and role nouns can find them.
  void note_names() {
    for (uint32_t i = first_; i < end_; ++i) {
      if (!name_like(i) || !outside_quotes(i) || (i > first_ && name_like(i - 1))) continue;
      uint32_t e = i;
      while (e + 1 < end_ && joins_right(e)) ++e;
      Phrase p = classify_run(i, e);
      if (p.type != PhraseType::name) continue;
      bool introduced = !p.titles.empty() || p.names.size() > 1;
      bool apposition = e + 1 < end_ && w_[e + 1].kind == WordKind::comma;
      if (!introduced && !apposition && !find_person(p.names.back())) continue;
      Person& person = person_for(p);
      // "Russia's foreign minister, Sergey Lavrov, ...": the role comes first.
      if (i >= first_ + 2 && w_[i - 1].kind == WordKind::comma) {
        std::vector<std::string> before;
        for (int k = static_cast<int>(i) - 2; k >= static_cast<int>(first_) && w_[k].kind == WordKind::word && k > static_cast<int>(i) - 8; --k)
          before.insert(before.begin(), w_[k].text);
        add_roles(person, before);
      }
      if (apposition) {
        uint32_t close = e + 2;
        while (close < end_ && w_[close].kind != WordKind::comma && w_[close].kind != WordKind::terminator && close < e + 14) ++close;
        if (close < end_ && w_[close].kind == WordKind::comma) {
          std::vector<std::string> appositive;
          for (uint32_t k = e + 2; k < close; ++k) appositive.push_back(w_[k].text);
          add_roles(person, appositive);
        }
      }
      i = e;
    }
  }

  // ---- speakers ----------------------------------------------------------------
  struct Speaker {
    std::string written, canonical;
    bool group = false;
    float confidence = 0;
    Person* person = nullptr;
  };

  Speaker resolve(const Phrase& p, const std::vector<std::string>& apposition) {
    Speaker s;
    s.written = span_text(p.first, p.last);
    switch (p.type) {
      case PhraseType::name: {
        Person& person = person_for(p);
        add_roles(person, apposition);
        s.person = &person;
        s.canonical = person.canonical();
        s.confidence = p.names.size() > 1 ? 0.95f : 0.9f;
        break;
      }
      case PhraseType::pronoun: {
        if (p.role == "they") {
          if (last_group_.empty()) return {};
          s.canonical = last_group_;
          s.group = true;
          s.confidence = 0.6f;
          break;
        }
        // The most recent compatible person, speakers before the merely
        // mentioned, people named in this very sentence (objects: "asked
        // whether ... Mr. Putin, he said") not at all, unknown gender last.
        int gender = p.role == "he" ? 1 : 2;
        Person* best = nullptr;
        int best_key = INT32_MIN;
        for (Person& c : people_) {
          if (c.gender != gender && c.gender != 0) continue;
          int seen = c.last_seen < static_cast<int>(sentence_) ? c.last_seen : c.previous_seen;
          int spoke = c.last_spoke;
          if (seen < 0 && spoke < 0) continue;
          bool subject = c.last_seen < static_cast<int>(sentence_) && c.seen_as_subject;
          int key = std::max(6 * spoke + 4, 6 * seen + (subject ? 5 : 0)) - (c.gender == 0 ? 1 : 0);
          if (key > best_key) {
            best_key = key;
            best = &c;
          }
        }
        if (!best) return {};
        if (!best->gender) best->gender = gender;
        s.person = best;
        s.canonical = best->canonical();
        s.confidence = 0.8f;
        break;
      }
      case PhraseType::role: {
        Person* best = nullptr;
        for (Person& c : people_)  // introduced in exactly this role, else a synonym
          if (c.roles.count(p.role) && (!best || c.last_seen >= best->last_seen)) best = &c;
        if (!best)
          for (Person& c : people_)
            if (has_role(c, p.role) && (!best || c.last_seen >= best->last_seen)) best = &c;
        if (!best) return {};
        s.person = best;
        s.canonical = best->canonical();
        s.confidence = 0.75f;
        break;
      }
      case PhraseType::group: {
        uint32_t a = p.first;
        if (lower(w_[a].text) == "the" || lower(w_[a].text) == "a" || lower(w_[a].text) == "an") ++a;
        if (a > p.last) return {};
        s.canonical = span_text(a, p.last);
        s.group = true;
        s.confidence = 0.85f;
        last_group_ = s.canonical;
        break;
      }
      case PhraseType::none: return {};
    }
    if (s.person) {
      if (s.person->last_seen != static_cast<int>(sentence_)) s.person->previous_seen = s.person->last_seen;
      s.person->last_spoke = s.person->last_seen = static_cast<int>(sentence_);
    }
    return s;
  }

  // ---- statements ------------------------------------------------------------------
  // The tagger's attributions whose cue lies in this sentence.
  void add_tagged() {
    while (next_tagged_ < tagged_.size() && w_[tagged_[next_tagged_].cue_first].sentence <= sentence_) {
      const TaggedAttribution& t = tagged_[next_tagged_++];
      StatementEvidence e;
      bool quoted = false, unquoted = false;
      const uint32_t attribution_first = std::min(t.source_first, t.cue_first);
      const uint32_t attribution_last = std::max(t.source_last, t.cue_last);
      for (uint32_t i = t.content_first; i <= t.content_last; ++i) {
        // The words of the attribution inside a split quotation do not make it mixed.
        if (w_[i].kind != WordKind::word || (i >= attribution_first && i <= attribution_last)) continue;
        e.content_words += 1;
        (w_[i].quote >= 0 ? quoted : unquoted) = true;
      }
      StatementKind kind = quoted && !unquoted ? StatementKind::direct : quoted ? StatementKind::mixed : StatementKind::reported;
      e.source_margin = t.source_margin;
      e.cue_margin = t.cue_margin;
      e.content_margin = t.content_margin;
      e.source_words = t.source_last - t.source_first + 1;
      e.cue_words = t.cue_last - t.cue_first + 1;
      e.kind = static_cast<int>(kind);
      for (uint32_t i = t.cue_first; i <= t.cue_last; ++i)
        if (const Cue* cue = find_cue(lower(w_[i].text))) {
          e.lexicon_cue = true;
          e.said = e.said || cue->base == "say";
        }
      e.inverted = t.source_first > t.cue_last;
      e.source_cue_gap = e.inverted ? t.source_first - t.cue_last - 1 : t.source_last < t.cue_first ? t.cue_first - t.source_last - 1 : 0;
      e.content_before = t.content_first < t.cue_first;
      e.content_after = t.content_last > t.cue_last;
      e.continuation = w_[t.content_first].paragraph != w_[t.cue_first].paragraph;
      // A statement says something: fragments of one or two words are tagging errors.
      if (passive_cue(t) || e.content_words < 3) continue;
      Speaker speaker = tagged_speaker(t, e);
      // A statement's text is what was said: the marks around a whole quotation and
      // the complementiser before a clause are not part of it.
      uint32_t content_first = t.content_first;
      if (content_first < t.content_last && (w_[content_first].is("that") || w_[content_first].is("That"))) ++content_first;
      uint32_t begin = w_[content_first].begin, end = w_[t.content_last].end;
      if (w_[content_first].kind == WordKind::quote_open && content_first < t.content_last) begin = w_[content_first].end;
      if (w_[t.content_last].kind == WordKind::quote_close && t.content_first < t.content_last) end = w_[t.content_last].begin;
      if (add(speaker, span_text(t.cue_first, t.cue_last), begin, end, kind))
        evidence_.push_back(e);
    }
  }

  // "Mr. Scholz was asked whether ...": the subject of a passive cue is its
  // addressee or its topic, not its speaker.
  bool passive_cue(const TaggedAttribution& t) const {
    if (t.source_last >= t.cue_first || t.cue_first == 0) return false;
    for (uint32_t i = t.cue_first - 1; i < t.cue_last; ++i) {
      const std::string auxiliary = lower(w_[i].text), verb = lower(w_[i + 1].text);
      if ((auxiliary == "was" || auxiliary == "were" || auxiliary == "been" || auxiliary == "being" ||
           auxiliary == "is" || auxiliary == "are" || auxiliary == "be") &&
          verb.size() > 2 && (verb.compare(verb.size() - 2, 2, "ed") == 0 || verb == "told"))
        return true;
    }
    return false;
  }

  // The noun phrase a source is about. Its head comes before any comma
  // ("Saul Anuzis, a top adviser to ..."); a name after a preposition is not
  // it ("Leaders gathered at the Munich Security Conference").
  Phrase source_head(uint32_t first, uint32_t last) const {
    uint32_t head_last = first;
    while (head_last < last && w_[head_last + 1].kind != WordKind::comma) ++head_last;
    Phrase p = phrase_ending_at(static_cast<int>(head_last), first);
    // "One California delegate", "Many of the local GOP leaders": a description, not a name.
    const bool description = !w_[head_last].capitalized && w_[head_last].kind == WordKind::word;
    if (p.type == PhraseType::name && description && p.last < head_last) p = {};
    if (p.type != PhraseType::none) {
      // "The European Council on Foreign Relations analyst Kaja Liik": a role noun introduces the subject.
      const bool introduced = p.type == PhraseType::name &&
                              std::any_of(p.titles.begin(), p.titles.end(), [](const std::string& t) { return is_role_noun(t); });
      if (p.first == first || introduced) return p;
      uint32_t before = p.first - 1;
      if (before > first && (w_[before].is("the") || w_[before].is("a"))) --before;
      static const std::unordered_set<std::string_view> kPrepositions = {"at", "in", "from", "of", "with", "for", "to", "by", "on"};
      // Only a name or an organisation is out ("at the Munich Security Conference"); a
      // description stays ("Many of the local GOP leaders").
      if (!kPrepositions.count(w_[before].text) || !w_[p.last].capitalized) return p;
    }
    Phrase start = phrase_starting_at(first);
    if (start.type == PhraseType::name && description) return {};
    return start.type != PhraseType::none ? start : p;
  }

  // "Leaders gathered at the Munich Security Conference warned": a source tagged
  // inside a place phrase is not the one speaking; the clause's subject is.
  bool inside_prepositional_phrase(uint32_t source_first) const {
    uint32_t k = source_first;
    while (k > first_ && w_[k - 1].capitalized) --k;
    if (k > first_ && (w_[k - 1].is("the") || w_[k - 1].is("a"))) --k;
    return k > first_ + 1 && (w_[k - 1].is("at") || w_[k - 1].is("in") || w_[k - 1].is("from") || w_[k - 1].is("on"));
  }

  // What "who" stands for: the noun phrase before it ("Podesta, who said").
  Phrase antecedent(uint32_t relative) const {
    int k = static_cast<int>(relative) - 1;
    if (k >= static_cast<int>(first_) && w_[k].kind == WordKind::comma) --k;
    return phrase_ending_at(k, first_);
  }

  // The speaker of a tagged attribution: the phrase the rules would have found
  // in the tagged source, resolved like theirs; else the source as written.
  Speaker tagged_speaker(const TaggedAttribution& t, StatementEvidence& e) {
    const std::string first = lower(w_[t.source_first].text);
    e.relative = t.source_first == t.source_last && (first == "who" || first == "which" || first == "that");
    e.possessive = possessive(w_[t.source_last].text) || first == "his" || first == "her" || first == "their";
    Phrase p = e.relative ? antecedent(t.source_first) : source_head(t.source_first, t.source_last);
    if (!e.relative && inside_prepositional_phrase(t.source_first)) {
      Phrase subject = phrase_starting_at(first_);
      if (subject.type != PhraseType::none && subject.last < t.source_first) p = subject;
    }
    Speaker s;
    if (p.type != PhraseType::none) s = resolve(p, {});
    e.speaker = s.canonical.empty()                   ? 0
                : p.type == PhraseType::name          ? (p.names.size() > 1 ? 1 : 2)
                : p.type == PhraseType::pronoun       ? 3
                : p.type == PhraseType::role          ? 4
                                                      : 5;
    s.written = p.type != PhraseType::none && e.relative ? span_text(p.first, p.last) : span_text(t.source_first, t.source_last);
    if (s.canonical.empty()) {
      uint32_t a = t.source_first;
      if (a < t.source_last && (first == "the" || first == "a" || first == "an")) ++a;
      s.canonical = span_text(a, t.source_last);
      s.group = true;
    }
    return s;
  }

  bool add(const Speaker& speaker, const std::string& cue, uint32_t begin, uint32_t end, StatementKind kind) {
    // Trim spaces and trailing commas, colons and sentence-final periods.
    while (begin < end && (text_[begin] == ' ' || text_[begin] == '\n')) ++begin;
    while (end > begin && (text_[end - 1] == ' ' || text_[end - 1] == '\n' || text_[end - 1] == ',' ||
                           text_[end - 1] == ':' || text_[end - 1] == ';' || text_[end - 1] == '.'))
      --end;
    if (end <= begin) return false;
    for (const Statement& s : out_)
      if (begin < s.end && s.begin < end) return false;  // already covered
    Statement st;
    st.speaker = speaker.written;
    st.canonical = speaker.canonical;
    st.cue = cue;
    st.kind = kind;
    st.begin = begin;
    st.end = end;
    st.confidence = speaker.confidence;
    st.group = speaker.group;
    out_.push_back(std::move(st));
    return true;
  }

  std::string_view text_;
  WordStream stream_;
  const std::vector<Word>& w_;
  std::vector<TaggedAttribution> tagged_;
  size_t next_tagged_ = 0;
  std::vector<StatementEvidence> evidence_;  // of out_[i]
  std::vector<Statement> out_;
  std::vector<Person> people_;
  std::string last_group_;
  uint32_t first_ = 0, end_ = 0, sentence_ = 0;
};

}  // namespace

std::vector<Candidate> attribution::extract_candidates(std::string_view text, const TaggerModel& tagger) {
  return Extractor(text, tagger).run();
}

}  // namespace attache::indexer
