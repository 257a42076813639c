// Statements of one or two words (extractor.cc): what a speaker condemned,
// praised or answered is a statement when its words end where the clause does.
// Each article is written for the test.
#include <doctest/doctest.h>

#include <string>

#include "found_statements.h"

using attache::testing::find;
using attache::testing::saying;

TEST_CASE("a reported statement of one or two words that ends its clause is a statement") {
  // These were once dropped as tagging errors, with every content under three words.
  auto s = find("Russia's deputy foreign minister met NATO envoys in Geneva on Monday.\n\n"
                "Senator Mary Okafor criticized Lavrov, and the White House praised Poland.");
  const auto* lavrov = saying(s, "Lavrov");
  REQUIRE(lavrov);
  CHECK(lavrov->text == "Lavrov");
  CHECK(lavrov->canonical == "Mary Okafor");
  const auto* poland = saying(s, "Poland");
  REQUIRE(poland);
  CHECK(poland->text == "Poland");
  CHECK(poland->canonical == "White House");
}
