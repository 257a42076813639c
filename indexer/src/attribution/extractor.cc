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
#include <set>
#include <unordered_set>

#include "attache/indexer/statements.h"
#include "lexicon.h"
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

const std::unordered_set<std::string_view> kSkippable = {
    "also", "later", "again", "repeatedly", "has", "have", "had", "then", "previously", "earlier", "publicly",
    "privately", "flatly", "firmly", "once", "still", "even", "further", "quickly", "separately", "recently",
    "bluntly", "simply", "yet", "would", "will", "could", "did", "does", "do", "not", "never", "only", "ultimately",
    "immediately", "initially", "subsequently", "reportedly", "often", "always", "just", "already", "now", "had",
    "may", "might", "should", "can", "must", "too", "in", "turn", "however"};
const std::unordered_set<std::string_view> kPassive = {"was", "were", "is", "are", "be", "been", "being"};
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
const std::unordered_set<std::string_view> kFirstPerson = {"i", "we", "our", "us", "my", "me", "ours", "myself", "ourselves"};
const std::unordered_set<std::string_view> kAddressees = {
    "reporters", "journalists", "the", "press", "a", "an", "news", "conference", "briefing", "television", "radio",
    "state", "tv", "lawmakers", "parliament", "members", "of", "his", "her", "their", "audience", "crowd", "council",
    "assembly", "congress", "senate", "committee", "interviewer", "newspaper", "daily", "broadcaster", "agency",
    "counterpart", "counterparts", "colleagues", "allies", "diplomats", "delegates", "ambassadors", "ministers",
    "him", "them", "me", "us", "you", "permanent", "security", "general", "and"};

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
  explicit Extractor(std::string_view text) : text_(text), stream_(read_words(text)), w_(stream_.words) {}

  std::vector<Statement> run() {
    const uint32_t sentence_count = static_cast<uint32_t>(stream_.sentence_first_word.size()) - 1;
    for (uint32_t s = 0; s < sentence_count; ++s) {
      first_ = stream_.sentence_first_word[s];
      end_ = stream_.sentence_first_word[s + 1];
      if (first_ >= end_) continue;
      sentence_ = s;
      note_names();
      size_t before = out_.size();
      attribute_cues();
      if (out_.size() == before) follow_on();
      if (out_.size() > before) {
        last_sentence_with_statement_ = static_cast<int>(s);
        last_statement_ = out_.size() - 1;
      }
    }
    std::sort(out_.begin(), out_.end(), [](const Statement& a, const Statement& b) { return a.begin < b.begin; });
    return std::move(out_);
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
    if (p.names.size() > 1 && (last_name == "States" || last_name == "Kingdom" || last_name == "Nations" || last_name == "Union")) {
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
  Person* find_person(const std::string& surname) {
    for (auto it = people_.rbegin(); it != people_.rend(); ++it)
      if (it->surname == surname) return &*it;
    return nullptr;
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
    Person* person = find_person(surname);
    if (person && !first.empty() && !person->first.empty() && person->first != first) person = nullptr;
    if (!person) {
      people_.push_back(Person{});
      person = &people_.back();
      person->surname = surname;
    }
    if (person->first.empty()) person->first = first;
    if (p.gender) person->gender = p.gender;
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
  void add(const Speaker& speaker, const std::string& cue, uint32_t begin, uint32_t end, StatementKind kind,
           float confidence) {
    // Trim spaces and trailing commas, colons and sentence-final periods.
    while (begin < end && (text_[begin] == ' ' || text_[begin] == '\n')) ++begin;
    while (end > begin && (text_[end - 1] == ' ' || text_[end - 1] == '\n' || text_[end - 1] == ',' ||
                           text_[end - 1] == ':' || text_[end - 1] == ';' || text_[end - 1] == '.'))
      --end;
    if (end <= begin) return;
    for (const Statement& s : out_)
      if (begin < s.end && s.begin < end) return;  // already covered
    Statement st;
    st.speaker = speaker.written;
    st.canonical = speaker.canonical;
    st.cue = cue;
    st.kind = kind;
    st.begin = begin;
    st.end = end;
    st.confidence = speaker.confidence * confidence;
    st.group = speaker.group;
    out_.push_back(std::move(st));
    last_speaker_ = speaker;
  }

  // The quotation whose marks are at word i, if any.
  int quotation_opening_at(uint32_t i) const {
    for (size_t q = 0; q < stream_.quotations.size(); ++q)
      if (stream_.quotations[q].first_word == i) return static_cast<int>(q);
    return -1;
  }
  int quotation_closing_at(uint32_t i) const {
    for (size_t q = 0; q < stream_.quotations.size(); ++q)
      if (stream_.quotations[q].last_word == i && w_[i].kind == WordKind::quote_close) return static_cast<int>(q);
    return -1;
  }
  bool speech_quotation(int q) const { return q >= 0 && stream_.quotations[q].word_count >= 3; }

  // The last word of the clause starting at b: before the sentence's end, a
  // semicolon, or a comma that introduces a participial cue.
  uint32_t clause_end(uint32_t b) const {
    uint32_t e = b;
    for (uint32_t i = b; i < end_; ++i) {
      const Word& x = w_[i];
      if (x.quote < 0 && (x.kind == WordKind::semicolon || (x.kind == WordKind::terminator && i + 1 >= end_))) break;
      if (x.quote < 0 && x.kind == WordKind::comma && i + 1 < end_ && participle_follows(i + 1)) break;
      if (x.quote < 0 && x.kind == WordKind::comma && new_attribution_at(i + 1)) break;
      if (x.quote < 0 && x.kind == WordKind::comma && word(i + 1) && w_[i + 1].is("according")) break;
      if (x.quote < 0 && x.kind == WordKind::colon && i + 1 < end_ && w_[i + 1].kind == WordKind::quote_open) break;
      if (i > b && x.quote < 0 && (x.is("and") || x.is("but")) && coordinated_cue(i + 1)) break;
      e = i;
    }
    return e;
  }

  // "... and said", "... and repeated that": the same speaker's next cue.
  bool coordinated_cue(uint32_t i) const {
    while (word(i) && (kSkippable.count(lower(w_[i].text)) || ends_with(w_[i].text, "ly"))) ++i;
    return word(i) && outside_quotes(i) && !w_[i].capitalized && unambiguous_cue(w_[i].text) && !ends_with(w_[i].text, "ing");
  }

  // Cues that are speech whatever follows ("respond", "state", "report" are not).
  static bool unambiguous_cue(std::string_view word) {
    static const std::unordered_set<std::string_view> kSpeech = {
        "say", "tell", "add", "insist", "warn", "reiterate", "stress", "note", "deny", "repeat", "argue", "claim",
        "acknowledge", "urge", "accuse", "dismiss", "describe", "call", "ask", "explain", "emphasize", "emphasise",
        "underscore", "caution", "predict", "suggest", "concede", "admit", "vow", "pledge", "promise", "assert",
        "contend", "declare", "announce", "complain", "criticize", "criticise", "condemn", "write", "reaffirm"};
    const Cue* cue = find_cue(word);
    return cue && kSpeech.count(cue->base);
  }

  // ", and Mr Ryabkov described ...": another speaker's statement begins.
  bool new_attribution_at(uint32_t i) const {
    if (word(i) && (w_[i].is("and") || w_[i].is("but") || w_[i].is("while"))) ++i;
    Phrase p = phrase_starting_at(i);
    if (p.type == PhraseType::none) return false;
    uint32_t k = p.last + 1;
    while (word(k) && (kSkippable.count(lower(w_[k].text)) || ends_with(w_[k].text, "ly"))) ++k;
    return word(k) && !w_[k].capitalized && find_cue(w_[k].text) != nullptr;
  }

  // ", raising fears ...", ", while claiming ...": a participle phrase ends
  // a statement's clause (and, if a cue, starts a statement of its own).
  bool participle_follows(uint32_t i) const {
    if (word(i) && (w_[i].is("while") || w_[i].is("as") || w_[i].is("before") || w_[i].is("after"))) ++i;
    return word(i) && outside_quotes(i) && !w_[i].capitalized && ends_with(w_[i].text, "ing") && w_[i].text.size() > 5;
  }

  bool participial_cue(uint32_t i) const {
    return word(i) && outside_quotes(i) && !w_[i].capitalized && ends_with(w_[i].text, "ing") && find_cue(w_[i].text);
  }

  // Where the content of a cue at c begins, given its frame; end_ if none.
  uint32_t content_start(uint32_t c, CueFrame frame) const {
    uint32_t i = c + 1;
    if (frame == CueFrame::call) {
      if (word(i) && (w_[i].is("for") || w_[i].is("on"))) return i + 1;
      // "called the strike a destabilizing act": a naming, object then complement.
      for (uint32_t k = i + 1; k < end_ && k < i + 5 && word(k); ++k)
        if (w_[k].is("a") || w_[k].is("an")) return i;
      return end_;  // otherwise only with a quotation, handled by the caller
    }
    // "that" close by introduces the clause ("told reporters on Monday that"),
    // if only addressees and adjuncts come between.
    for (uint32_t k = i; (frame == CueFrame::clause || frame == CueFrame::object) && k < end_ && k < i + 9; ++k) {
      if (w_[k].kind != WordKind::word) break;
      if (w_[k].quote >= 0) break;
      if (w_[k].is("that")) return k + 1;
      if (w_[k].kind == WordKind::word && !adjunct_word(k) && verb_like(k)) break;
    }
    switch (frame) {
      case CueFrame::object:
        while (i < end_ && w_[i].kind == WordKind::word && outside_quotes(i) &&
               (kAddressees.count(lower(w_[i].text)) || w_[i].capitalized))
          ++i;
        if (i < end_ && w_[i].kind == WordKind::comma && participial_cue(i + 1)) return end_;
        return i;
      case CueFrame::as:
        for (uint32_t k = i; k < end_ && k < i + 14 && w_[k].kind != WordKind::terminator; ++k)
          if (w_[k].is("as") && outside_quotes(k)) return i;
        return end_;  // "dismissed the response" without "as" characterises nothing
      default:
        return i;
    }
  }

  // A word that may stand between a cue and its "that": addressees,
  // prepositions, times, adverbs, names ("reiterated to Putin that").
  bool adjunct_word(uint32_t k) const {
    static const std::unordered_set<std::string_view> kBetween = {
        "to", "on", "in", "at", "after", "before", "during", "by", "with", "from", "for", "last", "this", "next",
        "a", "an", "the", "his", "her", "its", "their", "statement", "interview", "letter", "post", "phone", "call",
        "meeting", "talks", "week", "month", "year", "day", "night", "morning", "evening", "afternoon", "again",
        "speech", "news", "conference", "briefing", "visit", "separately", "repeatedly", "publicly", "privately",
        "of", "about"};
    const Word& x = w_[k];
    return x.capitalized || kBetween.count(lower(x.text)) || kAddressees.count(lower(x.text)) ||
           (ends_with(x.text, "ly") && !x.capitalized);
  }

  // Auxiliaries and modals: a clause has begun, so a later "that" is inside it.
  bool verb_like(uint32_t k) const {
    static const std::unordered_set<std::string_view> kAuxiliaries = {
        "would", "will", "was", "were", "is", "are", "had", "has", "have", "could", "can", "should", "may", "might",
        "must", "did", "does", "do", "been", "be", "not", "what", "which", "who", "whether", "if", "because"};
    return kAuxiliaries.count(lower(w_[k].text)) > 0 || (ends_with(w_[k].text, "ed") && !w_[k].capitalized);
  }

  // Is the rest of the clause after the cue only an adjunct ("on Monday",
  // "of Ryabkov's approach", "in a statement")?
  bool adjunct_only(uint32_t b) const {
    uint32_t words_left = 0;
    const uint32_t stop = clause_end(b) + 1;
    for (uint32_t i = b; i < stop; ++i) {
      if (w_[i].kind == WordKind::word) ++words_left;
      if (w_[i].quote >= 0) return false;
    }
    if (words_left == 0) return true;
    if (!word(b)) return w_[b].kind == WordKind::terminator;
    static const std::unordered_set<std::string_view> kAdjunctStarts = {
        "on", "in", "of", "at", "after", "before", "during", "late", "early", "last", "this", "today", "yesterday",
        "tonight", "earlier", "later", "recently", "afterward", "afterwards", "by", "from", "when", "while",
        "to", "as", "with", "without", "over", "through", "via", "about", "outside", "inside", "following"};
    return words_left <= 12 && kAdjunctStarts.count(lower(w_[b].text)) > 0;
  }

  StatementKind kind_of(uint32_t a, uint32_t b) const {
    for (uint32_t i = a; i <= b && i < w_.size(); ++i)
      if (w_[i].quote >= 0 && w_[i].kind == WordKind::word && speech_quotation(w_[i].quote)) return StatementKind::mixed;
    return StatementKind::reported;
  }

  void add_quotation(int q, const Speaker& speaker, const std::string& cue, float confidence) {
    const Quotation& quotation = stream_.quotations[q];
    add(speaker, cue, quotation.begin, quotation.end, StatementKind::direct, confidence);
    used_quotations_.insert(q);
  }

  void add_clause(uint32_t a, uint32_t b, const Speaker& speaker, const std::string& cue, float confidence) {
    if (a > b || a >= end_) return;
    // A clause that is exactly one quotation is a direct statement.
    int q = w_[a].kind == WordKind::quote_open ? quotation_opening_at(a) : -1;
    if (q >= 0 && stream_.quotations[q].last_word >= b - 1 && stream_.quotations[q].last_word <= b + 1) {
      add_quotation(q, speaker, cue, confidence);
      return;
    }
    uint32_t words = 0;
    for (uint32_t i = a; i <= b; ++i) words += w_[i].kind == WordKind::word;
    if (words < 3) return;
    StatementKind kind = kind_of(a, b);
    add(speaker, cue, w_[a].begin, w_[b].end, kind, confidence);
    for (uint32_t i = a; i <= b; ++i)
      if (w_[i].quote >= 0) used_quotations_.insert(w_[i].quote);
  }

  void attribute_cues() {
    for (uint32_t c = first_; c < end_; ++c) {
      const Word& cw = w_[c];
      if (cw.kind != WordKind::word || !outside_quotes(c)) continue;
      if (lower(cw.text) == "according" && word(c + 1) && w_[c + 1].is("to")) {
        according_to(c);
        continue;
      }
      if (cw.capitalized) continue;
      const Cue* cue = find_cue(cw.text);
      if (!cue) continue;
      bool after_comma = c > first_ && (w_[c - 1].kind == WordKind::comma ||
                                        (c > first_ + 1 && w_[c - 2].kind == WordKind::comma &&
                                         (w_[c - 1].is("while") || w_[c - 1].is("as") || w_[c - 1].is("before"))));
      if (participial_cue(c) && after_comma) {
        participial(c);
        continue;
      }
      attribute(c, *cue);
    }
  }

  void according_to(uint32_t c) {
    Phrase p = phrase_starting_at(c + 2);
    if (p.type == PhraseType::none || p.type == PhraseType::pronoun) return;
    uint32_t after = p.last + 1;
    // "According to the Russian envoy, Alexander Lukashevich, ...": the name.
    if (p.type != PhraseType::name && after + 1 < end_ && w_[after].kind == WordKind::comma) {
      Phrase name = phrase_starting_at(after + 1);
      if (name.type == PhraseType::name && name.last + 1 < end_ && w_[name.last + 1].kind == WordKind::comma) {
        p = name;
        after = name.last + 1;
      }
    }
    // "According to diplomats in Brussels, ...": a qualifying phrase.
    for (uint32_t k = after; k < end_ && k < after + 7 && w_[k].kind == WordKind::word && outside_quotes(k); ++k)
      if (k + 1 < end_ && (w_[k + 1].kind == WordKind::comma || w_[k + 1].kind == WordKind::terminator) &&
          (w_[after].is("in") || w_[after].is("at") || w_[after].is("close") || w_[after].is("from"))) {
        p.last = k;
        after = k + 1;
        break;
      }
    // "According to Alexander Grushko, a deputy foreign minister, ...".
    if (p.type == PhraseType::name && after < end_ && w_[after].kind == WordKind::comma) {
      for (uint32_t k = after + 1; k < end_ && k < after + 12 && w_[k].kind == WordKind::word; ++k)
        if (k + 1 < end_ && w_[k + 1].kind == WordKind::comma &&
            (w_[after + 1].is("a") || w_[after + 1].is("an") || w_[after + 1].is("the") || possessive(w_[after + 1].text))) {
          after = k + 1;
          break;
        }
    }
    // "According to X, CONTENT" or "CONTENT, according to X."
    Speaker speaker = resolve(p, {});
    if (speaker.canonical.empty()) return;
    if (after < end_ && w_[after].kind == WordKind::comma) {
      uint32_t a = after + 1;
      add_clause(a, clause_end(a), speaker, "according to", 0.9f);
    } else if (c > first_ && w_[c - 1].kind == WordKind::comma) {
      add_clause(first_, c - 2, speaker, "according to", 0.9f);
    }
  }

  // ", warning that ...": the speaker of the statement before, in this sentence.
  void participial(uint32_t c) {
    Speaker speaker;
    if (!out_.empty() && last_sentence_of_statement() == static_cast<int>(sentence_)) {
      speaker = last_speaker_;
    } else {
      Phrase subject = sentence_subject(c);  // "The Kremlin disputed that account, saying ..."
      if (subject.type == PhraseType::none || subject.first > first_ + 1) return;
      speaker = resolve(subject, {});
    }
    if (speaker.canonical.empty()) return;
    uint32_t a = content_start(c, CueFrame::clause);
    add_clause(a, clause_end(a), speaker, w_[c].text, 0.85f);
  }

  // The sentence the latest statement starts in.
  int last_sentence_of_statement() const {
    if (out_.empty()) return -1;
    uint32_t begin = out_.back().begin;
    auto it = std::lower_bound(w_.begin(), w_.end(), begin, [](const Word& x, uint32_t b) { return x.end <= b; });
    return it == w_.end() ? -1 : static_cast<int>(it->sentence);
  }

  void attribute(uint32_t c, const Cue& cue) {
    // The speaker: left of the cue past adverbs and auxiliaries; an apposition
    // between commas is skipped (and remembered as the person's role).
    int j = static_cast<int>(c) - 1;
    while (j >= static_cast<int>(first_) && w_[j].kind == WordKind::word && outside_quotes(j)) {
      if (kSkippable.count(lower(w_[j].text)) || (ends_with(w_[j].text, "ly") && !w_[j].capitalized)) {
        --j;
      } else if (j - 1 >= static_cast<int>(first_) && kNotNames.count(w_[j].text) && w_[j - 1].is("on")) {
        j -= 2;  // "on Wednesday"
      } else {
        break;
      }
    }
    if (j >= static_cast<int>(first_) && w_[j].kind == WordKind::word && kPassive.count(lower(w_[j].text))) return;
    // "X said ... and repeated that ...": the same speaker again.
    if (j >= static_cast<int>(first_) && (w_[j].is("and") || w_[j].is("but")) && !out_.empty() &&
        unambiguous_cue(w_[c].text) && last_sentence_of_statement() == static_cast<int>(sentence_) &&
        !last_speaker_.canonical.empty()) {
      uint32_t a = content_start(c, cue.frame);
      if (a < end_) add_clause(a, clause_end(a), last_speaker_, w_[c].text, 0.85f);
      return;
    }
    // "to say that ...": the speaker is the sentence's subject.
    if (j >= static_cast<int>(first_) && w_[j].is("to") && unambiguous_cue(w_[c].text)) {
      uint32_t a = content_start(c, cue.frame);
      if (a < end_ && a > c + 1 && w_[a - 1].is("that")) {
        Phrase subject = sentence_subject(c);
        if (subject.type != PhraseType::none) {
          Speaker speaker = resolve(subject, {});
          if (!speaker.canonical.empty()) add_clause(a, clause_end(a), speaker, "said", 0.85f);
        }
      }
      return;
    }
    Phrase phrase;
    std::vector<std::string> apposition;
    bool inverted = false;
    if (j >= static_cast<int>(first_) && w_[j].kind == WordKind::comma && outside_quotes(j)) {
      int k = j - 1;
      while (k >= static_cast<int>(first_) && !(w_[k].kind == WordKind::comma && outside_quotes(k)) &&
             w_[k].kind != WordKind::terminator && w_[k].quote < 0 && k > j - 40)
        --k;
      if (k >= static_cast<int>(first_) && w_[k].kind == WordKind::comma) {
        Phrase before = phrase_ending_at(k - 1, first_);
        Phrase inside = phrase_ending_at(j - 1, k + 1);
        bool named_before = before.type == PhraseType::name || before.type == PhraseType::pronoun;
        if (!named_before && inside.type == PhraseType::name && inside.first == static_cast<uint32_t>(k + 1)) {
          // "Her American counterpart, Under Secretary of State Wendy Sherman,
          // reiterated": the name in the apposition speaks; what precedes it
          // (back to punctuation) describes them.
          phrase = inside;
          int d = k - 1;
          while (d >= static_cast<int>(first_) && w_[d].kind == WordKind::word && outside_quotes(d)) --d;
          for (int i = d + 1; i < k; ++i) apposition.push_back(w_[i].text);
          descriptor_first_ = static_cast<uint32_t>(d + 1);
        } else if (named_before || before.type == PhraseType::group || before.type == PhraseType::role) {
          phrase = before;
          for (int i = k + 1; i < j; ++i) apposition.push_back(w_[i].text);
        }
      }
      if (phrase.type == PhraseType::none) inverted = true;
    } else if (j >= static_cast<int>(first_)) {
      phrase = phrase_ending_at(j, first_);
      if (phrase.type == PhraseType::none && (w_[j].kind == WordKind::quote_close || w_[j].kind == WordKind::comma))
        inverted = true;
      if (phrase.type == PhraseType::none && !inverted) phrase = subject_before_relative_clause(j);
    } else {
      inverted = c > first_;  // nothing but adverbs before: not a subject-first clause
    }
    // Inverted: '"...," said the minister.' / '..., said Ryabkov.'
    uint32_t after = c + 1;
    if (phrase.type == PhraseType::none) {
      if (!inverted && j >= static_cast<int>(first_)) return;
      phrase = phrase_starting_at(c + 1);
      if (phrase.type == PhraseType::none) return;
      after = phrase.last + 1;
      inverted = true;
    }
    if (!inverted && phrase.first > first_ && w_[phrase.first - 1].kind == WordKind::word) {
      // "Leaders gathered at the Munich Security Conference warned": the
      // name after a preposition is not the subject; the phrase that starts
      // the clause is.
      static const std::unordered_set<std::string_view> kPrepositions = {"at", "in", "from", "of", "with", "for", "to", "by", "on"};
      // A person introduced by a role noun or an organisation ("...
      // Relations analyst Kaja Liik said") is the subject whatever precedes.
      const bool role_and_name =
          phrase.type == PhraseType::name && !phrase.titles.empty() && !phrase.names.empty() &&
          ((is_role_noun(lower(phrase.titles.back())) && !w_[phrase.first + phrase.titles.size() - 1].capitalized) ||
           is_institution_word(phrase.titles.back()));  // "... the Carnegie Endowment Dmitri Trenin warned"
      // "at the Munich Security Conference": a determiner between.
      uint32_t before = phrase.first - 1;
      if ((w_[before].is("the") || w_[before].is("a")) && before > first_ && w_[before - 1].kind == WordKind::word) --before;
      if (kPrepositions.count(w_[before].text) && !role_and_name) {
        Phrase found;
        for (int k = static_cast<int>(before) - 1; k >= static_cast<int>(first_) && k > static_cast<int>(phrase.first) - 10; --k) {
          Phrase q = phrase_ending_at(k, first_);
          if ((q.type == PhraseType::group || q.type == PhraseType::name) &&
              (q.first == first_ || w_[q.first - 1].kind != WordKind::word)) {
            found = q;
            break;
          }
        }
        if (found.type == PhraseType::none) return;
        // "analysts at Goldman Sachs wrote": the place belongs to the group.
        if (found.type == PhraseType::group && found.last + 1 == before &&
            (w_[before].is("at") || w_[before].is("in") || w_[before].is("from")))
          found.last = phrase.last;
        phrase = found;
      }
    }
    if (!inverted && phrase.first > first_ && w_[phrase.first - 1].kind == WordKind::word) {
      static const std::unordered_set<std::string_view> kSubordinators = {
          "as", "than", "what", "which", "who", "whom", "that", "if", "because", "while", "when", "where", "how",
          "whether", "why", "unless", "until", "once", "whatever", "whoever"};
      if (kSubordinators.count(lower(w_[phrase.first - 1].text))) return;  // "as much as officials predicted"
    }
    if (inverted && phrase.type == PhraseType::pronoun && phrase.last + 1 < end_ &&
        w_[phrase.last + 1].kind == WordKind::word && !adjunct_only(phrase.last + 1))
      return;  // "said she saw ...": the pronoun starts the content
    uint32_t subject_first = inverted ? c : std::min(phrase.first, descriptor_first_);
    descriptor_first_ = UINT32_MAX;

    // The content. First a quotation right before the attribution...
    int quote_before = -1;
    {
      int k = static_cast<int>(subject_first) - 1;
      while (k >= static_cast<int>(first_) && (w_[k].kind == WordKind::comma || w_[k].kind == WordKind::dash)) --k;
      if (k >= static_cast<int>(first_) && w_[k].kind == WordKind::quote_close)
        quote_before = quotation_closing_at(static_cast<uint32_t>(k));
      if (k >= static_cast<int>(first_) && w_[k].quote >= 0 && w_[k].kind == WordKind::word) {
        int q = w_[k].quote;  // never closed before the paragraph's end
        if (stream_.quotations[q].last_word == static_cast<uint32_t>(k)) quote_before = q;
      }
    }
    // ...or right after the cue ("said: '...'", "called the move '...'").
    int quote_after = -1;
    {
      uint32_t k = after;
      uint32_t skipped = 0;
      while (k < end_ && (w_[k].kind == WordKind::comma || w_[k].kind == WordKind::colon ||
                          (cue.frame == CueFrame::call && w_[k].kind == WordKind::word && outside_quotes(k) && skipped < 6))) {
        if (w_[k].kind == WordKind::word) ++skipped;
        ++k;
      }
      if (k < end_ && w_[k].kind == WordKind::quote_open) quote_after = quotation_opening_at(k);
      // 'called the sanctions "illegitimate"': a naming with a short quotation.
      if (cue.frame == CueFrame::call && quote_after >= 0 && !speech_quotation(quote_after) && skipped > 0 && !inverted) {
        Speaker speaker = resolve(phrase, apposition);
        if (speaker.canonical.empty()) return;
        const Quotation& q = stream_.quotations[quote_after];
        uint32_t close = q.last_word;
        add(speaker, w_[c].text, w_[c + 1].begin, w_[close].end, StatementKind::mixed, 0.85f);
        used_quotations_.insert(quote_after);
        return;
      }
      if (cue.frame == CueFrame::call && quote_after < 0) {
        uint32_t a = content_start(c, cue.frame);
        if (a >= end_ || inverted) return;
        Speaker speaker = resolve(phrase, apposition);
        if (speaker.canonical.empty()) return;
        std::string naming = a == c + 1 ? w_[c].text : w_[c].text + " " + w_[a - 1].text;
        add_clause(a, clause_end(a), speaker, naming, 0.85f);
        return;
      }
    }

    Speaker speaker;
    auto resolved = [&] {
      if (speaker.canonical.empty()) speaker = resolve(phrase, apposition);
      return !speaker.canonical.empty();
    };
    std::string cue_text = w_[c].text;
    if (cue.frame == CueFrame::object && word(c + 1) && outside_quotes(c + 1) && !w_[c + 1].capitalized &&
        (w_[c + 1].is("reporters") || w_[c + 1].is("journalists")))
      cue_text += " " + w_[c + 1].text;
    if (cue.frame == CueFrame::object && word(c + 2) && w_[c + 1].is("the") && w_[c + 2].is("press"))
      cue_text += " the press";

    if (speech_quotation(quote_after) && !used_quotations_.count(quote_after) &&
        (inverted || !(quote_before >= 0 && speech_quotation(quote_before)))) {
      if (!resolved()) return;
      add_quotation(quote_after, speaker, cue_text, 1.0f);
      return;
    }
    if (speech_quotation(quote_before) && !used_quotations_.count(quote_before)) {
      if (!resolved()) return;
      add_quotation(quote_before, speaker, cue_text, 1.0f);
      // '"A," he said. "B."' and '"A," he said, "B."': B follows below.
      if (speech_quotation(quote_after)) add_quotation(quote_after, speaker, cue_text, 1.0f);
      return;
    }
    // Reported: the clause after the cue, or (after "CLAUSE, X said ...")
    // the clause before the attribution.
    uint32_t a = inverted ? end_ : content_start(c, cue.frame);
    bool substantive_after = a < end_ && !adjunct_only(a);
    if (substantive_after) {
      uint32_t b = clause_end(a);
      if (!resolved()) return;
      add_clause(a, b, speaker, cue_text, 0.9f);
      // 'urged the West to stop: "We will defend our land."'
      if (b + 2 < end_ && w_[b + 1].kind == WordKind::colon && w_[b + 2].kind == WordKind::quote_open) {
        int q = quotation_opening_at(b + 2);
        if (speech_quotation(q)) add_quotation(q, speaker, cue_text, 1.0f);
      }
      return;
    }
    int comma = static_cast<int>(subject_first) - 1;
    if (comma > static_cast<int>(first_) && (w_[comma].kind == WordKind::comma || w_[comma].kind == WordKind::dash)) {
      if (!resolved()) return;
      uint32_t a2 = first_;
      // A leading conjunction or adverb is not said: "But", "And", "Yet".
      while (a2 < static_cast<uint32_t>(comma) && word(a2) && (w_[a2].is("But") || w_[a2].is("And") || w_[a2].is("Yet")))
        ++a2;
      add_clause(a2, static_cast<uint32_t>(comma) - 1, speaker, cue_text, 0.85f);
    }
  }

  // The first person named in the sentence before the cue: the subject of
  // "X used his news conference to say that ...".
  Phrase sentence_subject(uint32_t c) const {
    for (uint32_t i = first_; i < c; ++i) {
      if (!name_like(i) || !outside_quotes(i) || (i > first_ && name_like(i - 1))) continue;
      uint32_t e = i;
      while (e + 1 < c && joins_right(e)) ++e;
      bool dateline = true;  // "UNITED NATIONS —"
      for (uint32_t k = i; k <= e; ++k)
        for (char ch : w_[k].text) dateline &= !std::islower(static_cast<unsigned char>(ch));
      Phrase p = classify_run(i, e);
      if (!dateline && (p.type == PhraseType::name || p.type == PhraseType::group)) return p;
      i = e;
    }
    return {};
  }

  // "Officials who briefed reporters on condition of anonymity said": the
  // phrase before "who", when no comma intervenes.
  Phrase subject_before_relative_clause(int j) const {
    if (w_[j].is("who") || w_[j].is("which")) return {};  // the cue is the relative clause's own verb
    for (int k = j; k >= static_cast<int>(first_) && k > j - 14; --k) {
      if (w_[k].kind != WordKind::word || !outside_quotes(k)) return {};
      if (w_[k].is("who") || w_[k].is("which")) {
        Phrase p = phrase_ending_at(k - 1, first_);
        if (p.type == PhraseType::name || p.type == PhraseType::group) return p;
        return {};
      }
    }
    return {};
  }

  // Sentences without a cue of their own that continue the previous speaker:
  // a quotation that opens the sentence, or first-person speech in the same
  // paragraph as the statement before it.
  void follow_on() {
    if (last_sentence_with_statement_ < 0 || last_sentence_with_statement_ + 1 != static_cast<int>(sentence_)) return;
    if (last_speaker_.canonical.empty()) return;
    const Statement& previous = out_[last_statement_];
    uint32_t previous_paragraph = 0;
    for (const Word& x : w_)
      if (x.begin >= previous.begin) {
        previous_paragraph = x.paragraph;
        break;
      }
    const bool same_paragraph = w_[first_].paragraph == previous_paragraph;
    if (w_[first_].kind == WordKind::quote_open) {
      int q = quotation_opening_at(first_);
      if (speech_quotation(q) && !used_quotations_.count(q) && (same_paragraph || w_[first_].paragraph == previous_paragraph + 1))
        add_quotation(q, last_speaker_, previous.cue, 0.8f);
      return;
    }
    if (!same_paragraph || previous.kind == StatementKind::direct) return;
    bool first_person = false;
    for (uint32_t i = first_; i < end_; ++i)
      if (w_[i].kind == WordKind::word && outside_quotes(i) && kFirstPerson.count(lower(w_[i].text))) first_person = true;
    if (!first_person) return;
    add_clause(first_, end_ - 1, last_speaker_, previous.cue, 0.65f);
  }

  std::string_view text_;
  WordStream stream_;
  const std::vector<Word>& w_;
  std::vector<Statement> out_;
  std::vector<Person> people_;
  std::set<int> used_quotations_;
  Speaker last_speaker_;
  std::string last_group_;
  int last_sentence_with_statement_ = -1;
  uint32_t descriptor_first_ = UINT32_MAX;  // where a describing phrase before an apposed name starts
  size_t last_statement_ = 0;
  uint32_t first_ = 0, end_ = 0, sentence_ = 0;
};

}  // namespace

std::vector<Statement> extract_statements(std::string_view text) {
  std::vector<Statement> statements = Extractor(text).run();
  normalise_speakers(text, statements);
  return statements;
}

}  // namespace attache::indexer
