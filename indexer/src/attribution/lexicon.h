// The reporting-cue lexicon (indexer/data/reporting_verbs.txt, compiled in) and
// the word lists speaker recognition needs.
#pragma once

#include <string>
#include <string_view>

namespace attache::indexer::attribution {

struct Cue {
  std::string base;  // the first form listed, e.g. "say"
};

// The cue a lower-case word form belongs to, or nullptr.
const Cue* find_cue(std::string_view word);

// Words that make up titles ("Deputy", "Foreign", "Minister", "of", "State").
bool is_title_word(std::string_view word);
// Nationality and place adjectives that may precede a title ("Russian President").
bool is_nationality(std::string_view word);
// Mr., Ms., Mrs., M., Dr. and the like; sets female when the form says so.
bool is_honorific(std::string_view word, int& gender);  // gender: 1 male, 2 female, 0 unknown
// Given names whose gender is clear enough to resolve "he" and "she".
int given_name_gender(std::string_view word);
// Nouns naming a role a person was introduced with ("minister", "analyst").
bool is_role_noun(std::string_view word);
// Plural nouns of collective speakers ("officials", "experts", "diplomats").
bool is_group_noun(std::string_view word);
// Lower-case words that count people ("some", "many", "others", "three"): "some say" is said by some.
bool is_quantifier(std::string_view word);
// A capitalised word opening a sentence's adverbial, before its subject ("Like", "But"): the
// list's words, and words in -ly and -ing before a lower-case word ("Shortly afterward", "Having
// announced"; not "Kelly said", whose next word is the cue, nor "Manning, who").
bool opens_adverbial(std::string_view word, bool lower_case_next);
// Institutions that speak as such ("Kremlin", "Pentagon", "State Department").
bool is_institution_word(std::string_view word);
// Honorifics and ranks after which a word is a person's name ("Mr. Bank", "Lord Home").
bool is_personal_title(std::string_view word);

}  // namespace attache::indexer::attribution
