// A sentence opening with a time ("Last week", "Earlier this month", "Yesterday") has its
// subject after it: the time is no speaker, and the participle of saying later in the sentence
// goes to that subject.
#include <doctest/doctest.h>

#include <string>

#include "found_statements.h"

using attache::testing::find;
using attache::testing::saying;

TEST_CASE("a participle of saying goes to the subject after an opening time phrase") {
  auto s = find("Officials met in Vienna.\n\nLast week Iran rejected the offer, calling it \"an insult to the Iranian "
                "nation\". Last summer the Kremlin rejected the plan, calling it \"a farce\". Earlier this month, "
                "Lavrov rejected the proposal, calling it \"a provocation\".");
  REQUIRE(saying(s, "an insult to the Iranian nation"));
  CHECK(saying(s, "an insult to the Iranian nation")->canonical == "Iran");
  REQUIRE(saying(s, "a farce"));
  CHECK(saying(s, "a farce")->canonical == "Kremlin");
  REQUIRE(saying(s, "a provocation"));
  CHECK(saying(s, "a provocation")->canonical == "Lavrov");
}

TEST_CASE("a sentence opening with a time and a pronoun gives the statement to the one it stands for") {
  auto s = find("Vladimir Putin held his annual news conference.\n\nMr. Putin likes to throw in a few surprises, as he "
                "did two years ago by announcing the release of a tycoon. This year, he rose to the defense of Sepp "
                "Blatter, the embattled president of the world soccer body, FIFA, who is under investigation, saying "
                "Mr. Blatter should be awarded the Nobel Peace Prize.");
  REQUIRE(saying(s, "awarded the Nobel Peace Prize"));
  CHECK(saying(s, "awarded the Nobel Peace Prize")->canonical == "Vladimir Putin");
}
