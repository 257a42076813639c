// Who a pronoun or a role stands for (people.cc): the person the article's own
// sentences point to, never a place, an institution or an adverb that opens a
// sentence. Each article is written for the test.
#include <doctest/doctest.h>

#include <string>

#include "found_statements.h"

using attache::testing::find;

TEST_CASE("a pronoun opening a clause joined to the sentence stands for the sentence's subject") {
  // The last speaker (Clinton, a paragraph up) is not whom "he" stands for after "a day after".
  auto s = find("Hillary Clinton said on Monday that the trade deal was flawed.\n\n"
                "Virginia Gov. Terry McAuliffe apologized on Tuesday, a day after he said that she would "
                "support the deal once in office.");
  REQUIRE(s.size() == 2);
  CHECK(s[1].speaker == "he");
  CHECK(s[1].canonical == "Terry McAuliffe");
}

TEST_CASE("a name headed by a word the article writes in lower case is not he or she") {
  // "White House" and "Affordable Care Act" are named after Senator Okafor; neither is a person.
  auto s = find("Senator Mary Okafor said on Monday that the bill was dead.\n\n"
                "The White House wants the Affordable Care Act expanded, and the president has asked for a vote "
                "on the house floor to take care of it. It is an act of faith, she said.");
  REQUIRE(!s.empty());
  CHECK(s.back().speaker == "she");
  CHECK(s.back().canonical == "Mary Okafor");
}

TEST_CASE("an adverb opening a sentence before an apposition is nobody") {
  // "Nonetheless, the senator argued" once made a person called Nonetheless, in the role of
  // senator, whom later pronouns and roles went to.
  auto s = find("Republicans met in Ohio on Monday. Senator Mary Okafor said the bill was dead.\n\n"
                "Nonetheless, the senator argued, the party could still win. Reporters asked about the vote, and "
                "she said that the count was close.");
  REQUIRE(s.size() == 3);
  CHECK(s[1].canonical == "Mary Okafor");
  CHECK(s[2].canonical == "Mary Okafor");
}
