// Regressions from the review of session 25's rules: each sentence was read wrongly by a rule of
// that session before its mend. Each article is written for the test.
#include <doctest/doctest.h>

#include <string>

#include "found_statements.h"

using attache::testing::find;
using attache::testing::saying;

TEST_CASE("an inverted cue's source stops before a relative clause with a cue of its own") {
  auto s = find("Russia will not be intimidated, said Sergei Lavrov, who added that the West had miscalculated.");
  REQUIRE(saying(s, "will not be intimidated"));
  CHECK(saying(s, "will not be intimidated")->speaker == "Sergei Lavrov");
  REQUIRE(saying(s, "West had miscalculated"));  // had been lost inside the source
  CHECK(saying(s, "West had miscalculated")->canonical == "Sergei Lavrov");
}

TEST_CASE("the first of a list of that-clauses is what was said, not when or where") {
  auto s = find("The minister said Britain would not back down, that the talks were over and that the embassy would "
                "close.");
  REQUIRE(saying(s, "talks were over"));
  CHECK(saying(s, "talks were over")->text.starts_with("Britain would not back down"));
}

TEST_CASE("a law is no document whose name is its author's") {
  auto s = find("International law says an occupying power must protect the civilian population.");
  REQUIRE(saying(s, "occupying power"));
  CHECK(saying(s, "occupying power")->canonical == "International law");  // had been "International"
}

TEST_CASE("after ', whereas' and before a closing 'according to', the conjunction is no one's") {
  auto s = find("Five soldiers were killed, the ministry said, whereas the militants lost dozens of fighters, "
                "according to the army.");
  REQUIRE(saying(s, "Five soldiers were killed"));
  CHECK(saying(s, "Five soldiers were killed")->text == "Five soldiers were killed");  // had ended with "whereas"
  REQUIRE(saying(s, "militants lost dozens"));
  CHECK(saying(s, "militants lost dozens")->canonical == "army");
}

TEST_CASE("two people joined by ', and a' are not one described twice, nor is a quoting agency an author") {
  auto s = find("Ali Khamenei, the supreme leader, and a top military commander warned that Iran would retaliate.");
  for (const auto& f : s) CHECK(f.canonical != "Ali Khamenei");
  auto q = find("A statement quoted by the Interfax news agency said the talks would resume.");
  REQUIRE(saying(q, "talks would resume"));
  CHECK(saying(q, "talks would resume")->canonical != "Interfax news agency");
}
