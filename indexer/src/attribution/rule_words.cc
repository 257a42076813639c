// The word lists of the attribution rules, read once from the compiled-in
// indexer/data/attribution_words.txt, and an accessor for each.
#include <algorithm>
#include <bitset>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lexicon.h"
#include "word_lists.h"
#include "words.h"

namespace attache::indexer::attribution {

extern const char* const kAttributionWordsText;  // generated from indexer/data/attribution_words.txt

namespace {

// Words of one or more sections, each with a value (a gender, or 0), as views into the file's
// words, which WordLists keeps: no word is copied, and a lookup builds no string. Most words asked
// about are in no list, and a list's words open with few different bytes (capitals, or lower
// case), so a word whose first byte opens none of them is answered without hashing.
class WordTable {
 public:
  void add(std::string_view word, int value) {
    first_bytes_.set(static_cast<unsigned char>(word.front()));
    words_.emplace(word, value);
  }
  const int* find(std::string_view word) const {
    if (word.empty() || !first_bytes_.test(static_cast<unsigned char>(word.front()))) return nullptr;
    auto it = words_.find(word);
    return it == words_.end() ? nullptr : &it->second;
  }

 private:
  // Hashes every word: with std::hash, libstdc++ would compare a word with each of a table of up
  // to 20, one by one.
  struct Hash {
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::bitset<256> first_bytes_;
  std::unordered_map<std::string_view, int, Hash> words_;
};

struct WordLists {
  const std::map<std::string, std::vector<std::string>> file = read_word_lists(kAttributionWordsText);
  WordTable title_words, nationalities, role_nouns, group_nouns, entourage_nouns, institutions, ranks, adverbial_openers, articles,
      quantifiers, counted_phrase_openers, title_modifiers, group_modifiers, institution_nouns, head_roles, offices_of_state,
      state_name_ends, body_name_ends, thing_name_ends, thing_name_starts, sentence_openers, opening_conjunctions, particles, chinese_family_names, months, never_names, abbreviations,
      personal_pronouns, subject_pronouns, pronouns_or_relatives,
      speak_for_themselves, clause_joiners, adjunct_openers, source_joiners, adverbs, nouns_in_ly, auxiliaries,
      forms_of_be, passive_adverbs, quoting_verbs, reading_verbs, document_nouns, any_document_words, any_body_words, publication_nouns, question_words, issuing_verbs, anonymity_words, source_descriptions, people_nouns, reason_openers, question_labels, heading_labels, plain_cues, second_cues, speaking_occasions, time_periods, day_words, addressee_cues, when_or_where, refusals, withheld,
      cue_modals, cue_prepositions,
      name_enders, place_prepositions, object_prepositions, saying_participles, subordinators;
  WordTable given_names, honorifics, ranks_by_gender;  // 1 male, 2 female, 0 unknown
  WordTable nation_names;  // "Russia", "U.S.": the number of the nationality they stand for
  std::map<std::string, std::string, std::less<>> subject_forms;  // "him": "he"
  std::map<std::string, std::string, std::less<>> abbreviated_roles;  // "gen": "general"
  std::map<std::string, std::string, std::less<>> abbreviated_offices;  // "PM": "prime minister"
  std::multimap<std::string, std::string, std::less<>> body_noun_names;  // "station": "Radio"
  WordTable body_name_words;  // "Radio", "Forces"

  WordLists() {
    // at(): a section name the file lacks is a mistake to stop at, not an empty list.
    auto set = [&](std::initializer_list<const char*> sections) {
      WordTable words;
      for (const char* section : sections)
        for (const std::string& word : file.at(section)) words.add(word, 0);
      return words;
    };
    auto by_gender = [&](WordTable& map, const char* section, int gender) {
      for (const std::string& word : file.at(section)) map.add(word, gender);
    };
    title_words = set({"title-word"});
    // Each nationality a number of its own, which its aliases share.
    int nation = 0;
    for (const std::string& word : file.at("nationality")) nationalities.add(word, ++nation);
    const std::vector<std::string>& aliases = file.at("nationality-alias");
    for (size_t k = 0; k + 1 < aliases.size(); k += 2)
      if (const int* same = nationalities.find(aliases[k + 1])) nation_names.add(aliases[k], *same);
    const std::vector<std::string>& objects = file.at("object-pronoun");
    for (size_t k = 0; k + 1 < objects.size(); k += 2) subject_forms[objects[k]] = objects[k + 1];
    const std::vector<std::string>& offices = file.at("office-abbreviation");
    for (size_t k = 0; k + 1 < offices.size(); k += 2) {
      std::string office = offices[k + 1];
      std::replace(office.begin(), office.end(), '_', ' ');
      abbreviated_offices[offices[k]] = office;
    }
    const std::vector<std::string>& body_nouns = file.at("body-noun-name");
    for (size_t k = 0; k + 1 < body_nouns.size(); k += 2) {
      body_noun_names.emplace(body_nouns[k], body_nouns[k + 1]);
      body_name_words.add(body_nouns[k + 1], 0);
    }
    const std::vector<std::string>& short_titles = file.at("title-abbreviation");
    for (size_t k = 0; k + 1 < short_titles.size(); k += 2) abbreviated_roles[short_titles[k]] = short_titles[k + 1];
    saying_participles = set({"saying-participle"});
    role_nouns = set({"role-noun"});
    group_nouns = set({"group-noun"});
    entourage_nouns = set({"entourage-noun"});
    institutions = set({"institution"});
    ranks = set({"rank"});
    adverbial_openers = set({"adverbial-opener"});
    articles = set({"article"});
    quantifiers = set({"quantifier"});
    counted_phrase_openers = set({"article", "quantifier", "count-word"});
    title_modifiers = set({"title-modifier"});
    group_modifiers = set({"group-modifier"});
    institution_nouns = set({"institution-noun"});
    head_roles = set({"head-role"});
    offices_of_state = set({"office-of-state"});
    state_name_ends = set({"state-name-end"});
    body_name_ends = set({"body-name-end"});
    thing_name_ends = set({"thing-name-end"});
    thing_name_starts = set({"thing-name-start"});
    sentence_openers = set({"sentence-opener"});
    particles = set({"name-particle"});
    chinese_family_names = set({"chinese-family-name"});
    months = set({"month"});
    never_names = set({"not-name", "month"});
    abbreviations = set({"abbreviation"});
    personal_pronouns = set({"personal-pronoun"});
    subject_pronouns = set({"personal-pronoun", "first-person-pronoun"});
    pronouns_or_relatives = set({"personal-pronoun", "first-person-pronoun", "second-person-or-relative"});
    speak_for_themselves =
        set({"personal-pronoun", "first-person-pronoun", "second-person-or-relative", "other-pronoun"});
    clause_joiners = set({"clause-opener", "clause-joiner"});
    adjunct_openers = set({"clause-opener", "adjunct-opener"});
    source_joiners = set({"source-joiner"});
    adverbs = set({"adverb"});
    nouns_in_ly = set({"noun-in-ly"});
    auxiliaries = set({"auxiliary"});
    forms_of_be = set({"form-of-be"});
    passive_adverbs = set({"passive-adverb"});
    quoting_verbs = set({"quoting-verb"});
    reading_verbs = set({"reading-verb"});
    opening_conjunctions = set({"opening-conjunction"});
    document_nouns = set({"document-noun"});
    any_document_words = set({"any-document-word"});
    any_body_words = set({"any-body-word"});
    publication_nouns = set({"publication-noun"});
    question_words = set({"question-word"});
    issuing_verbs = set({"issuing-verb"});
    anonymity_words = set({"anonymity-word"});
    source_descriptions = set({"source-description"});
    people_nouns = set({"people-noun"});
    reason_openers = set({"reason-opener"});
    subordinators = set({"subordinator"});
    question_labels = set({"question-label"});
    heading_labels = set({"heading-label"});
    plain_cues = set({"plain-cue"});
    second_cues = set({"second-cue"});
    speaking_occasions = set({"speaking-occasion"});
    time_periods = set({"time-period"});
    refusals = set({"refusal"});
    withheld = set({"withheld"});
    day_words = set({"day-word"});
    addressee_cues = set({"addressee-cue"});
    when_or_where = set({"when-or-where"});
    cue_modals = set({"cue-modal"});
    cue_prepositions = set({"cue-preposition"});
    name_enders = set({"name-ender"});
    place_prepositions = set({"place-preposition"});
    object_prepositions = set({"object-preposition"});
    by_gender(given_names, "male-name", 1);
    by_gender(given_names, "female-name", 2);
    by_gender(honorifics, "male-honorific", 1);
    by_gender(honorifics, "female-honorific", 2);
    by_gender(honorifics, "honorific", 0);
    by_gender(ranks_by_gender, "male-rank", 1);
    by_gender(ranks_by_gender, "female-rank", 2);
  }
};

const WordLists& lists() {
  static const WordLists instance;
  return instance;
}

bool in(const WordTable& set, std::string_view w) { return set.find(w) != nullptr; }

// A word's gender in map, or 0 when it is not there.
int gender_in(const WordTable& map, std::string_view w) {
  const int* gender = map.find(w);
  return gender ? *gender : 0;
}

}  // namespace

bool is_title_word(std::string_view w) { return in(lists().title_words, w); }
bool is_nationality(std::string_view w) { return in(lists().nationalities, w); }
int nation_of(std::string_view w) {
  const int* alias = lists().nation_names.find(w);
  if (alias) return *alias;
  const int* nation = lists().nationalities.find(w);
  return nation ? *nation : 0;
}
bool is_role_noun(std::string_view w) { return in(lists().role_nouns, w); }
bool is_group_noun(std::string_view w) { return in(lists().group_nouns, w); }
bool is_entourage_noun(std::string_view w) { return in(lists().entourage_nouns, w); }
bool is_institution_word(std::string_view w) { return in(lists().institutions, w); }
bool is_article(std::string_view w) { return in(lists().articles, w); }
bool is_quantifier(std::string_view w) { return in(lists().quantifiers, w); }
bool opens_counted_phrase(std::string_view w) { return in(lists().counted_phrase_openers, w); }

bool opens_adverbial(std::string_view w, bool lower_case_next) {
  auto ends = [&](std::string_view tail) { return w.size() > tail.size() + 2 && w.ends_with(tail); };
  return in(lists().adverbial_openers, w) || (lower_case_next && (ends("ly") || ends("ing")));
}

bool is_honorific(std::string_view w, int& gender) {
  const int* of_form = lists().honorifics.find(w);
  if (!of_form) return false;
  gender = *of_form;
  return true;
}

bool is_personal_title(std::string_view w) {
  int gender = 0;
  return is_honorific(w, gender) || in(lists().ranks, w);
}

int given_name_gender(std::string_view w) { return gender_in(lists().given_names, w); }
int rank_gender(std::string_view w) { return gender_in(lists().ranks_by_gender, w); }
bool is_title_modifier(std::string_view w) { return in(lists().title_modifiers, w); }
bool is_group_modifier(std::string_view w) { return in(lists().group_modifiers, w); }
bool is_institution_noun(std::string_view w) { return in(lists().institution_nouns, w); }
bool is_head_role(std::string_view w) { return in(lists().head_roles, w); }
bool is_head_of_state_role(std::string_view w) { return in(lists().offices_of_state, w); }
bool ends_state_name(std::string_view w) { return in(lists().state_name_ends, w); }
bool ends_body_name(std::string_view w) { return in(lists().body_name_ends, w); }
bool ends_thing_name(std::string_view w) { return in(lists().thing_name_ends, w); }
bool starts_thing_name(std::string_view w) { return in(lists().thing_name_starts, w); }

bool is_sentence_opener(std::string_view w) { return in(lists().sentence_openers, w); }
bool is_particle(std::string_view w) { return in(lists().particles, w); }
bool is_month(std::string_view w) { return in(lists().months, w); }
bool is_chinese_family_name(std::string_view w) { return in(lists().chinese_family_names, w); }
bool is_never_a_name(std::string_view w) { return in(lists().never_names, w); }
bool keeps_period(std::string_view w) { return in(lists().abbreviations, w); }

bool is_personal_pronoun(std::string_view w) { return in(lists().personal_pronouns, w); }
bool is_speaker_pronoun(std::string_view w) { return w != "it" && is_personal_pronoun(w); }
bool goes_on_saying(const Word& w, const Word* next) {
  return w.kind == WordKind::word && in(lists().saying_participles, w.text) && next && next->kind == WordKind::word &&
         next->quote < 0 && !is_cue_preposition(lowered(next->text));
}
std::string_view subject_form(std::string_view w) {
  const auto found = lists().subject_forms.find(w);
  return found != lists().subject_forms.end() ? std::string_view(found->second) : std::string_view();
}
std::string_view office_of_abbreviation(std::string_view w) {
  const auto found = lists().abbreviated_offices.find(w);
  return found != lists().abbreviated_offices.end() ? std::string_view(found->second) : std::string_view();
}

std::string_view role_of_abbreviation(std::string_view w) {
  while (!w.empty() && w.back() == '.') w.remove_suffix(1);
  const auto found = lists().abbreviated_roles.find(lowered(w));
  return found != lists().abbreviated_roles.end() ? std::string_view(found->second) : std::string_view();
}
bool is_subject_pronoun(std::string_view w) { return in(lists().subject_pronouns, w); }
bool asked_after_auxiliary(const std::vector<Word>& w, uint32_t k, uint32_t sentence_first) {
  if (k == 0 || k <= sentence_first || w[k - 1].kind != WordKind::word) return false;
  const std::string before = lowered(w[k - 1].text);
  if (!is_auxiliary(before) && !is_cue_modal(before)) return false;
  return k - 1 == sentence_first || w[k - 2].kind != WordKind::word || joins_clause(lowered(w[k - 2].text));
}

bool is_first_person(std::string_view w) {
  const std::string bare = lowered(w.substr(0, w.find_first_of("'\xE2")));  // "I'd", "We’ve"
  return bare == "i" || bare == "we";
}
bool is_pronoun_or_relative(std::string_view w) { return in(lists().pronouns_or_relatives, w); }
bool speaks_for_itself(std::string_view w) { return in(lists().speak_for_themselves, w); }

bool joins_clause(std::string_view w) { return in(lists().clause_joiners, w); }
bool opens_adjunct(std::string_view w) { return in(lists().adjunct_openers, w); }
bool joins_source_to_cue(std::string_view w) { return in(lists().source_joiners, w); }
bool is_adverb_before_verb(std::string_view w) {
  return in(lists().adverbs, w) || (w.size() > 4 && w.ends_with("ly") && !in(lists().nouns_in_ly, w));
}

bool is_auxiliary(std::string_view w) { return in(lists().auxiliaries, w); }
bool is_form_of_be(std::string_view w) { return in(lists().forms_of_be, w); }
bool is_passive_adverb(std::string_view w) { return in(lists().passive_adverbs, w); }
bool is_quoting_verb(std::string_view w) { return in(lists().quoting_verbs, w); }
bool is_reading_verb(std::string_view w) { return in(lists().reading_verbs, w); }
bool is_opening_conjunction(std::string_view w) { return in(lists().opening_conjunctions, w); }
bool is_document_noun(std::string_view w) { return in(lists().document_nouns, w); }
bool describes_any_document(std::string_view w) {
  return in(lists().any_document_words, w) || (!w.empty() && w.front() >= '0' && w.front() <= '9');
}
bool describes_any_body(std::string_view w) { return in(lists().any_body_words, w); }
bool is_publication_noun(std::string_view w) { return in(lists().publication_nouns, w); }
bool opens_question(std::string_view w) { return in(lists().question_words, w); }
bool is_body_noun(std::string_view w) { return lists().body_noun_names.count(w) > 0; }
bool is_body_name_word(std::string_view w) { return in(lists().body_name_words, w); }
bool body_noun_describes(std::string_view noun, std::string_view name_word) {
  const auto [first, last] = lists().body_noun_names.equal_range(noun);
  for (auto k = first; k != last; ++k)
    if (k->second == name_word) return true;
  return false;
}
bool is_issuing_verb(std::string_view w) { return in(lists().issuing_verbs, w); }
bool is_possessive_determiner(std::string_view w) {
  return w == "his" || w == "her" || w == "its" || w == "their" || w == "our" || w == "my";
}
bool is_question_label(std::string_view w) { return in(lists().question_labels, w); }
bool is_heading_label(std::string_view w) { return in(lists().heading_labels, w); }
bool opens_reason(std::string_view w) { return in(lists().reason_openers, w); }
bool is_subordinator(std::string_view w) { return in(lists().subordinators, w); }
bool names_people(std::string_view w) { return in(lists().people_nouns, w); }
bool describes_source(std::string_view w) { return in(lists().source_descriptions, w); }
bool is_anonymity_word(std::string_view w) { return in(lists().anonymity_words, w); }
bool is_plain_cue(std::string_view w) { return in(lists().plain_cues, w); }
bool opens_second_statement(std::string_view w) { return in(lists().second_cues, w); }
bool is_speaking_occasion(std::string_view w) { return in(lists().speaking_occasions, w); }
bool is_time_period(std::string_view w) { return in(lists().time_periods, w); }
bool is_day_word(std::string_view w) { return in(lists().day_words, w); }
bool takes_addressee(std::string_view w) { return in(lists().addressee_cues, w); }
bool is_refusal(std::string_view w) { return in(lists().refusals, w); }
bool withholds(std::string_view w) { return in(lists().withheld, w); }

uint32_t past_time_phrase(const std::vector<Word>& w, uint32_t first, uint32_t end) {
  auto word = [&](uint32_t k) { return k < end && w[k].kind == WordKind::word; };
  auto names_a_time = [&](uint32_t k) {
    return word(k) && (is_time_period(w[k].text) || is_day_word(w[k].text) || is_month(w[k].text));
  };
  auto past_comma = [&](uint32_t k) { return k < end && w[k].kind == WordKind::comma ? k + 1 : k; };
  if (!word(first)) return first;
  const std::string opener = lowered(w[first].text);
  if (opener == "yesterday" || opener == "today" || opener == "tonight") return past_comma(first + 1);
  static constexpr std::string_view kRelative[] = {"last", "this", "next", "late", "early", "earlier", "later"};
  if (std::find(std::begin(kRelative), std::end(kRelative), opener) == std::end(kRelative)) return first;
  uint32_t k = first + 1;
  if (word(k) && (w[k].is("this") || w[k].is("last") || w[k].is("next"))) ++k;
  return names_a_time(k) ? past_comma(k + 1) : first;
}
bool says_when_or_where(std::string_view w) { return in(lists().when_or_where, w); }
bool is_cue_modal(std::string_view w) { return in(lists().cue_modals, w); }
bool is_cue_preposition(std::string_view w) { return in(lists().cue_prepositions, w); }
bool is_place_preposition(std::string_view w) { return in(lists().place_prepositions, w); }
bool ends_name(std::string_view w) { return in(lists().name_enders, w); }
bool is_object_preposition(std::string_view w) { return in(lists().object_prepositions, w); }

}  // namespace attache::indexer::attribution
