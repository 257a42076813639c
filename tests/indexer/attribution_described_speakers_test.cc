// Whom "he", "she" and "they" stand for after a speaker the article describes and never names
// (source_speakers.cc, people.h): the description, as the speaker it stands for.
#include <doctest/doctest.h>

#include "found_statements.h"

using attache::testing::find;
using attache::testing::saying;

TEST_CASE("\"he\" after an official described, never named, is that official") {
  // The description had been noted only for a role alone ("the representative of France"), so a
  // description headed by a role ("A senior official") left "he" unresolved.
  auto s = find("A senior official said the talks had failed. \"We will not give up,\" he added.");
  REQUIRE(saying(s, "not give up"));
  CHECK(saying(s, "not give up")->canonical == "senior official");
  // Named in what the official said, the president is not whom "He" stands for.
  auto t = find("A senior official said President Joe Biden would travel to Kyiv. He added that the date was not set.");
  REQUIRE(saying(t, "date was not set"));
  CHECK(saying(t, "date was not set")->canonical == "senior official");
}

TEST_CASE("an office of state, in an article that has named no one, is whom \"he\" stands for") {
  auto s = find("The minister said the talks had failed. \"We will not give up,\" he added.");
  REQUIRE(saying(s, "not give up"));
  CHECK(saying(s, "not give up")->canonical == "minister");
  // Where someone holds the office, "he" is that person, as before.
  auto t = find("Foreign Minister Jan Kowal arrived in Vienna. The minister said the talks had failed. \"We will not "
                "give up,\" he added.");
  REQUIRE(saying(t, "not give up"));
  CHECK(saying(t, "not give up")->canonical == "Jan Kowal");
}

TEST_CASE("\"they\" after officials described is those officials") {
  auto s = find("The officials said the convoy was stopped at the border. They added that it would be searched.");
  REQUIRE(saying(s, "would be searched"));
  CHECK(saying(s, "would be searched")->canonical == "officials");
  // A body named later is whom a later "they" stands for.
  auto t = find("The officials said the convoy was stopped at the border. The Interior Ministry said it was "
                "searched. They added that nothing was found.");
  REQUIRE(saying(t, "nothing was found"));
  CHECK(saying(t, "nothing was found")->canonical == "Interior Ministry");
}
