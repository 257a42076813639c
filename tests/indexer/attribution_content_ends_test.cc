// Where what was said ends (tagged_runs.cc, extend_contents_cut_inside_clauses): at the clause's
// end, not inside a noun phrase where the tagger stopped. Each article is written for the test.
#include <doctest/doctest.h>

#include <string>

#include "found_statements.h"

using attache::testing::find;
using attache::testing::saying;

TEST_CASE("what was said goes on to its clause's end, past the noun phrase the tagger cut") {
  // The contents had ended at "a second" and "of a UN".
  auto s = find("Foreign Minister Sergei Lavrov spoke in Moscow. He also said Russia was ready for a second round of "
                "talks with Ukraine but accused Kyiv of stalling \"on the orders of the Americans.\"\n\nIn New York, "
                "UN Secretary General Kofi Annan said he was \"shocked\" by the \"apparently deliberate targeting\" "
                "of a UN observer post in Khiam, where four unarmed observers were killed Tuesday.");
  const auto* talks = saying(s, "ready for a second");
  REQUIRE(talks);
  CHECK(talks->text.ends_with("round of talks with Ukraine"));  // not "but", which joins the next cue
  const auto* shocked = saying(s, "shocked");
  REQUIRE(shocked);
  CHECK(shocked->text.ends_with("observer post in Khiam"));  // to the comma of the relative clause
}
