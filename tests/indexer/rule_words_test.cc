// The rules' word lists come from indexer/data/attribution_words.txt, one section
// to an accessor, matched exactly, case included.
#include <doctest/doctest.h>

#include "attribution/lexicon.h"

using namespace attache::indexer::attribution;

TEST_CASE("a list's words are found as written, and only so") {
  CHECK(is_auxiliary("was"));
  CHECK_FALSE(is_auxiliary("Was"));
  CHECK_FALSE(is_auxiliary("being"));
  CHECK(is_form_of_be("being"));
  CHECK(keeps_period("Gen"));
  CHECK_FALSE(keeps_period("Gen."));
  CHECK(is_month("May"));
  CHECK_FALSE(is_month("may"));
  CHECK(is_article("an"));
  CHECK_FALSE(is_article("The"));
}

TEST_CASE("lists built of several sections hold each section's words") {
  CHECK(is_never_a_name("June"));  // [month]
  CHECK(is_never_a_name("Tuesday"));  // [not-name]
  CHECK(joins_clause("after"));  // [clause-opener]
  CHECK(joins_clause("although"));  // [clause-joiner]
  CHECK_FALSE(joins_clause("from"));
  CHECK(opens_adjunct("after"));
  CHECK(opens_adjunct("If"));  // [adjunct-opener]
  CHECK_FALSE(opens_adjunct("although"));
  CHECK(is_subject_pronoun("we"));
  CHECK_FALSE(is_personal_pronoun("we"));
  CHECK(speaks_for_itself("its"));
  CHECK_FALSE(is_pronoun_or_relative("its"));
}

TEST_CASE("honorifics and ranks say a gender when they have one") {
  int gender = -1;
  CHECK(is_honorific("Mme.", gender));
  CHECK(gender == 2);
  CHECK(is_honorific("Herr", gender));
  CHECK(gender == 1);
  CHECK(is_honorific("Dr.", gender));
  CHECK(gender == 0);
  gender = -1;
  CHECK_FALSE(is_honorific("Sen.", gender));
  CHECK(gender == -1);
  CHECK(rank_gender("Queen") == 2);
  CHECK(rank_gender("Sir") == 1);
  CHECK(rank_gender("Count") == 1);
  CHECK(rank_gender("Countess") == 2);
  CHECK(rank_gender("General") == 0);
}

TEST_CASE("an adverb before a verb: the list's words and words in -ly that are not nouns") {
  CHECK(is_adverb_before_verb("then"));
  CHECK(is_adverb_before_verb("defiantly"));
  CHECK_FALSE(is_adverb_before_verb("family"));
  CHECK_FALSE(is_adverb_before_verb("fly"));
}
