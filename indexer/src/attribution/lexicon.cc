// Loading the compiled-in reporting-cue list, and the fixed word lists.
#include "lexicon.h"

#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "word_lists.h"

namespace attache::indexer::attribution {

extern const char* const kReportingVerbsText;    // generated from indexer/data/reporting_verbs.txt
extern const char* const kAttributionWordsText;  // generated from indexer/data/attribution_words.txt

namespace {

struct Lexicon {
  // Looked up by string_view without building a string: find_cue runs for every word.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, Cue, Hash, std::equal_to<>> forms;
  Lexicon() {
    std::istringstream in(kReportingVerbsText);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::istringstream words(line);
      Cue cue;
      std::string form;
      while (words >> form) {
        if (cue.base.empty()) cue.base = form;
        forms.emplace(form, cue);
      }
    }
  }
};

const Lexicon& lexicon() {
  static const Lexicon instance;
  return instance;
}

// A set looked up by string_view without building a string.
using WordSet = std::unordered_set<std::string, Lexicon::Hash, std::equal_to<>>;

struct WordLists {
  WordSet title_words, nationalities, role_nouns, group_nouns, institutions, ranks, adverbial_openers;
  std::unordered_map<std::string, int, Lexicon::Hash, std::equal_to<>> given_names;  // 1 male, 2 female
  WordLists() {
    auto lists = read_word_lists(kAttributionWordsText);
    auto fill = [&](WordSet& set, const char* section) { set.insert(lists[section].begin(), lists[section].end()); };
    fill(title_words, "title-word");
    fill(nationalities, "nationality");
    fill(role_nouns, "role-noun");
    fill(group_nouns, "group-noun");
    fill(institutions, "institution");
    fill(ranks, "rank");
    fill(adverbial_openers, "adverbial-opener");
    for (const std::string& n : lists["male-name"]) given_names.emplace(n, 1);
    for (const std::string& n : lists["female-name"]) given_names.emplace(n, 2);
  }
};

const WordLists& word_lists() {
  static const WordLists instance;
  return instance;
}

bool in(const WordSet& set, std::string_view w) { return set.find(w) != set.end(); }

}  // namespace

const Cue* find_cue(std::string_view word) {
  auto it = lexicon().forms.find(word);
  return it == lexicon().forms.end() ? nullptr : &it->second;
}

bool is_title_word(std::string_view w) { return in(word_lists().title_words, w); }
bool is_nationality(std::string_view w) { return in(word_lists().nationalities, w); }
bool is_role_noun(std::string_view w) { return in(word_lists().role_nouns, w); }
bool is_group_noun(std::string_view w) { return in(word_lists().group_nouns, w); }
bool is_institution_word(std::string_view w) { return in(word_lists().institutions, w); }

bool opens_adverbial(std::string_view w, bool lower_case_next) {
  auto ends = [&](std::string_view tail) { return w.size() > tail.size() + 2 && w.ends_with(tail); };
  return in(word_lists().adverbial_openers, w) || (lower_case_next && (ends("ly") || ends("ing")));
}

bool is_quantifier(std::string_view w) {
  static const std::unordered_set<std::string_view> kQuantifiers = {
      "some", "many",    "most",    "several", "few", "both", "all",   "each", "another", "any",  "either",
      "neither", "other", "others", "such",   "two", "three", "four", "five", "dozens",  "hundreds"};
  return kQuantifiers.count(w) > 0;
}

bool is_personal_title(std::string_view w) {
  int gender = 0;
  return is_honorific(w, gender) || in(word_lists().ranks, w);
}

bool is_honorific(std::string_view w, int& gender) {
  if (w == "Mr." || w == "Mr" || w == "M." || w == "Monsieur" || w == "Herr") {
    gender = 1;
    return true;
  }
  if (w == "Ms." || w == "Ms" || w == "Mrs." || w == "Mrs" || w == "Mme" || w == "Mme." || w == "Madame" ||
      w == "Miss" || w == "Frau") {
    gender = 2;
    return true;
  }
  if (w == "Dr." || w == "Dr" || w == "Prof.") {
    gender = 0;
    return true;
  }
  return false;
}

int given_name_gender(std::string_view w) {
  auto it = word_lists().given_names.find(w);
  return it == word_lists().given_names.end() ? 0 : it->second;
}

}  // namespace attache::indexer::attribution
