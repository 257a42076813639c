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

TEST_CASE("a second cue after \"and\" in what was said opens a second statement of the same speaker") {
  // One statement had held both, with "and demanded" inside it.
  auto s = find("China's Foreign Ministry said earlier this week that the detention was \"illegal and invalid\" and "
                "demanded the captain's immediate and unconditional release.");
  const auto* illegal = saying(s, "illegal and invalid");
  REQUIRE(illegal);
  CHECK(illegal->text.starts_with("the detention"));  // "earlier this week that" is when, not what
  CHECK(illegal->text.find("demanded") == std::string::npos);
  const auto* release = saying(s, "unconditional release");
  REQUIRE(release);
  CHECK(release->cue == "demanded");
  CHECK(release->canonical == illegal->canonical);
  // A predicate that is no cue of saying stays in what was said: attribution_labelled_test.cc
  // ("and risked sending").
}

TEST_CASE("a time before \"that\" after the cue is when it was said, not what") {
  auto s = find("The Egyptian Government spokesman said later that ships of all flags had passed through the canal.");
  const auto* ships = saying(s, "ships of all flags");
  REQUIRE(ships);
  CHECK(ships->text.starts_with("ships"));
  auto t = find("The minister said this was a mistake that he regretted.");
  const auto* mistake = saying(t, "mistake");
  REQUIRE(mistake);
  CHECK(mistake->text.starts_with("this was a mistake"));
}

TEST_CASE("a split quotation's attribution may say where the speaker went next") {
  // "flying" had been a cue of its own, and the second part of the quotation its content.
  auto s = find("\"We had a very full exchange,\" Dr. Henry Kissinger told newsmen at the airport before flying to "
                "Jerusalem, \"and I believe we understand each other's positions better than we did this morning.\"");
  REQUIRE(s.size() == 1);
  CHECK(s[0].cue.starts_with("told"));  // the tagger may take the addressee in: "told newsmen"
  CHECK(s[0].text.find("each other's positions") != std::string::npos);
  // Without a quotation's first part, the participle's words are left as the tagger read them.
  auto t = find("Mohammad Javad Zarif tweeted shortly after landing that the US decision was \"economic terrorism, "
                "plain and simple.\"");
  REQUIRE(saying(t, "economic terrorism"));
  CHECK(saying(t, "economic terrorism")->canonical == "Mohammad Javad Zarif");
}

// "new sanctions that officials said would take effect": the relative clause's saying had been a
// word of no statement, or the whole sentence's.
TEST_CASE("a saying inside a relative clause says what the clause says of its noun") {
  auto officials = find("The government imposed new sanctions that officials said would take effect on Monday.");
  REQUIRE(saying(officials, "take effect"));
  CHECK(saying(officials, "take effect")->canonical == "officials");
  CHECK(saying(officials, "take effect")->text == "would take effect on Monday");
  auto body = find("On Monday Congress received a plan that officials said was dead on arrival.");
  REQUIRE(body.size() == 1);
  CHECK(body[0].canonical == "officials");
  CHECK(body[0].text == "was dead on arrival");
  // Not a verb that only goes on ("continues to"), nor "they" standing for no one named alone.
  CHECK(find("Even more astonishing is the fact that he continues to raise money faster than Clinton.").empty());
  auto they = find("Begin and Sadat signed two documents that they said would lead to a peace treaty.");
  for (const auto& s : they) CHECK(s.canonical != "");
  // Review: not a cue whose object is the noun, a subject's clause, or inside another's words.
  CHECK(find("The government said the proposal that Iran rejected would have allowed inspections.").size() <= 1);
  CHECK_FALSE(saying(find("Later the proposal that Iran rejected would have allowed inspections of the sites."),
                     "would have allowed"));
  auto nested = find("Britain said that it would veto any resolution that France says will fail.");
  REQUIRE(nested.size() == 1);
  CHECK(nested[0].canonical == "Britain");
}

// Regression (probe29, dev): ", the spokesman said, without elaborating." made "without elaborating"
// part of what was said.
TEST_CASE("without and a participle after a closing cue is how it was said, not what") {
  auto s = find("Presidential spokesman Park Soo-hyun briefed reporters. Moon also approved the purchase of U.S. "
                "military assets worth billions of dollars, the spokesman said, without elaborating.");
  REQUIRE(saying(s, "approved the purchase"));
  CHECK(saying(s, "approved the purchase")->text.find("elaborating") == std::string::npos);
}

// Regression (probe26, dev, and PolNeAR): the refusal was read as part of what was said.
TEST_CASE("a refusal joined by but ends what was said") {
  auto s = find("Officials met.\n\nThe spokesman said the detained were safe but declined to say when they would be "
                "freed. The prime minister's official spokesman said Tony Blair remained confident that a majority "
                "could be found, but refused to be drawn on whether Britain would go to war. His campaign said Trump "
                "would meet party officials but would not comment on the attendees. Ryabkov said the plan was "
                "good but would cost a lot. He said the rebels had agreed to talks but refused to disarm.");
  REQUIRE(saying(s, "detained were safe"));
  CHECK(saying(s, "detained were safe")->text == "the detained were safe");
  REQUIRE(saying(s, "a majority could be found"));
  CHECK(saying(s, "a majority could be found")->text == "Tony Blair remained confident that a majority could be found");
  REQUIRE(saying(s, "meet party officials"));
  CHECK(saying(s, "meet party officials")->text == "Trump would meet party officials");
  // What the speaker would not do, said by them, stays.
  REQUIRE(saying(s, "cost a lot"));
  CHECK(saying(s, "cost a lot")->text == "the plan was good but would cost a lot");
  // Nor is a refusal that is not to speak (review): the rebels' is what was said of them.
  REQUIRE(saying(s, "agreed to talks"));
  CHECK(saying(s, "agreed to talks")->text == "the rebels had agreed to talks but refused to disarm");
}
