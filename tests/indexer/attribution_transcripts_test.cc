// Transcripts and interviews set out as turns ("MR PRICE: ..."): each turn is its speaker's
// statement, resolved as a name in the text would be; questions, answers without a name,
// headings, lists and forms set out with a colon are no one's.
#include <doctest/doctest.h>

#include <string>

#include "found_statements.h"

using attache::testing::find;
using namespace attache::indexer;

TEST_CASE("a transcript's turns are their speakers' statements, labels in capitals finding the people named") {
  auto s = find("Ned Price, Department Spokesperson, held the briefing. Secretary of State Antony Blinken joined "
                "him.\n\n"
                "MR PRICE: Good afternoon. The Secretary will travel to Brussels later this week to meet with NATO "
                "allies.\n\n"
                "QUESTION: Ned, can you say whether the Secretary will meet his Russian counterpart?\n\n"
                "MR PRICE: There are no plans for such a meeting, and the Secretary has said so publicly many "
                "times.\n\n"
                "SECRETARY BLINKEN: We will continue to stand with the people of Ukraine as long as it takes.");
  REQUIRE(s.size() >= 3);
  CHECK(s[0].canonical == "Ned Price");
  CHECK(s[0].speaker == "MR PRICE");
  CHECK(s[0].cue == ":");
  CHECK(s[0].kind == StatementKind::direct);
  CHECK(s[0].text == "Good afternoon. The Secretary will travel to Brussels later this week to meet with NATO allies");
  CHECK(s[1].canonical == "Ned Price");
  CHECK(s[1].text == "There are no plans for such a meeting");  // up to the attribution inside it
  CHECK(s.back().canonical == "Antony Blinken");
  for (const auto& f : s) CHECK(f.text.find("can you say") == std::string::npos);  // the question is no one's
  for (const auto& f : s) CHECK(f.speaker != "you");
}

TEST_CASE("an interview's named turns are statements; Q and A, lists, headings and forms are not") {
  auto s = find("Lavrov spoke to the paper in Moscow.\n\n"
                "Q: Will the talks with the Americans resume this year?\n\n"
                "A: We are ready to talk, but not under pressure from anyone.\n\n"
                "Lavrov: We see no reason for optimism at the moment, none at all.\n\n"
                "Iowa: Tim Albrecht, Brad Anderson, Rob Barron, Jeff Boeyink, Bonnie Campbell.\n\n"
                "Note: This interview has been edited for length and clarity by the editors.\n\n"
                "Name: Gabrielle Hatcher Age: 27 City: New York Job: waitress at a diner in town");
  REQUIRE(s.size() == 1);
  CHECK(s[0].canonical == "Lavrov");
  CHECK(s[0].text == "We see no reason for optimism at the moment, none at all");
}

TEST_CASE("one paragraph with a label and a colon is no transcript") {
  auto s = find("Sanders: the rest of this sentence is a headline of the kind newspapers print.\n\n"
                "The senator said the campaign would go on.");
  for (const auto& f : s) CHECK(f.cue != ":");
}

TEST_CASE("a turn is its speaker's whole, 'I' and 'we' inside it included; another's saying inside it is not") {
  auto s = find("Kang Kyung-wha is South Korea's foreign minister. She spoke to our correspondent in Seoul.\n\n"
                "Q: Was the summit a failure, in your view, or a step forward?\n\n"
                "Kang: I wouldn't call it a failure. Both sides learned a great deal about where the other "
                "stands.\n\n"
                "Kang: Flexibility. President Moon has said many times that a third summit should be prepared "
                "carefully.");
  REQUIRE(s.size() == 3);
  CHECK(s[0].canonical == "Kang Kyung-wha");
  CHECK(s[0].text.find("I wouldn't call it a failure") == 0);  // had been a statement of "I", cut from the turn
  CHECK(s[1].text == "Flexibility");
  CHECK(s[2].canonical == "Moon");
}

// Regression: headings set out as labels ("Context: ...") had counted as a transcript's turns, and
// a label of one short word in capitals was taken for a name ("US:" as "Us").
TEST_CASE("headings and labels heard once make no transcript; a short label in capitals stays an acronym") {
  auto s = find("Context: The two countries fought a brief war in 1962 and the border was never settled.\n\n"
                "Background: Talks between corps commanders began in June and have so far been inconclusive.\n\n"
                "Analysis: Neither side can afford a long standoff in the mountains this winter, experts say.");
  for (const auto& f : s) CHECK(f.speaker != "Context");
  for (const auto& f : s) CHECK(f.speaker != "Background");
  for (const auto& f : s) CHECK(f.text.find("Background") == std::string::npos);

  auto reactions = find("Reactions came in from around the world on Monday.\n\n"
                        "US: We are following the situation closely and urge both sides to show restraint now.\n\n"
                        "US: We have spoken to both governments today and will speak to them again tomorrow.");
  REQUIRE(!reactions.empty());
  CHECK(reactions[0].speaker == "US");
}

// Parliaments and broadcasters label turns with more than a name: a constituency and party in
// brackets, an office with the holder's name in brackets, a role after a comma, a question's number.
TEST_CASE("labels with descriptions: the name in them is the speaker") {
  auto s = find("Ministers faced questions in the Commons on Tuesday.\n\n"
                "1. Jane Morrow (Hampstead North) (Lab): What representations has he made to the government in "
                "Tehran about the detained aid worker?\n\n"
                "The Secretary of State for Foreign Affairs (Richard Hale): I raised the case directly with the "
                "Iranian foreign minister when we last spoke.\n\n"
                "Jane Morrow: My constituent has now spent three years in prison, and nothing has changed for her.\n\n"
                "Mr Hale: The hon. Lady is right to keep raising this case, and I will keep raising it too.\n\n"
                "The Minister of State, Foreign Office (Sir Alan Pike): We have made our position clear to "
                "Washington: we oppose the extraterritorial use of sanctions.");
  REQUIRE(s.size() == 5);
  CHECK(s[0].canonical == "Jane Morrow");
  CHECK(s[0].text.find("What representations") == 0);
  CHECK(s[1].canonical == "Richard Hale");
  CHECK(s[1].speaker == "Richard Hale");
  CHECK(s[2].canonical == "Jane Morrow");
  CHECK(s[3].canonical == "Richard Hale");
  CHECK(s[4].canonical == "Alan Pike");

  auto npr = find("STEVE INSKEEP, HOST: The secretary of state spoke to us from Tokyo this morning about the talks.\n\n"
                  "INSKEEP: Good morning, sir. North Korea calls your demands gangster-like. How do you respond?\n\n"
                  "POMPEO: Well, I have read the statement, and what I heard in the room was different.");
  REQUIRE(npr.size() >= 2);
  CHECK(npr[0].canonical == "Steve Inskeep");
  CHECK(npr[0].speaker == "STEVE INSKEEP");
  CHECK(npr.back().speaker == "POMPEO");
}

// Regression (probe of other styles): a spokesperson's turn ended at "Today the United States is
// announcing", a body the speaker speaks for, and lost the rest; after another person's saying
// inside a turn ("As President Trump told me, ..."), the speaker's own next sentences were lost.
TEST_CASE("a turn goes on past a body it speaks for, and after another's saying inside it") {
  auto s = find("MS ORTAGUS: Good afternoon. I have one item at the top. Today the United States is announcing $52 "
                "million in new assistance for Venezuela. We continue to stand with its people.\n\n"
                "QUESTION: Can we start with Turkey?\n\n"
                "MS ORTAGUS: This is going to take time. As President Trump told me before I left, \"We will get "
                "there.\" And I believe that.");
  REQUIRE(s.size() == 4);
  CHECK(s[0].canonical == "Ortagus");
  CHECK(s[0].text.ends_with("We continue to stand with its people"));
  CHECK(s[1].text == "This is going to take time");  // "As" is the attribution's lead-in
  CHECK(s[2].canonical == "Trump");
  CHECK(s[3].canonical == "Ortagus");
  CHECK(s[3].text == "And I believe that");
  // Review: a country named without "the" is another's, even in an answer.
  auto russia = find("MR PRICE: Not yet. Russia says it has pulled back some troops. We have seen no evidence of that.\n\n"
                     "QUESTION: Will the talks go on?\n\n"
                     "MR PRICE: The talks continue in Vienna this week.");
  bool russia_said = false;
  for (const auto& f : russia) russia_said = russia_said || (f.canonical == "Russia" && f.text.starts_with("it has pulled"));
  CHECK(russia_said);
}

TEST_CASE("the speaker's own saying in a contraction does not cut the turn") {
  // "I'd also tell you that" and "We've long said that" had each started a statement of their own,
  // by a speaker called "I'd" or "We've long".
  auto s = find("John Kirby, the spokesman, briefed reporters.\n\n"
                "QUESTION: How long will you wait?\n\n"
                "MR KIRBY: I'm not going to put a deadline on it. I'd also tell you that nobody's patience is "
                "unlimited here. What we need to see are concrete actions.\n\n"
                "QUESTION: And the tribunal?\n\n"
                "MR KIRBY: We've long said that we would support whatever mechanism they choose.");
  for (const auto& f : s) {
    CHECK(f.canonical == "John Kirby");
    CHECK(f.speaker != "I'd");
  }
  const auto* patience = attache::testing::saying(s, "nobody's patience");
  REQUIRE(patience);
  CHECK(patience->text.starts_with("I'm not going to put a deadline on it"));
  CHECK(patience->text.ends_with("concrete actions"));
}

TEST_CASE("a question asking someone to say something is no statement of theirs, and does not cut the turn") {
  // "Can he confirm that ..." had been the minister's statement, and cut the questioner's turn.
  auto s = find("Sir Alan Duncan, the Minister, answered.\n\n"
                "Emily Thornberry: The Minister will know that we have always supported a peaceful solution. Can he "
                "confirm that the Government are fully supporting the talks?\n\n"
                "Sir Alan Duncan: Yes, we support the talks.\n\n"
                "Emily Thornberry: Will the Minister tell the House why he has not acted?");
  for (const auto& f : s) {
    const bool own_turn_or_another = f.canonical != "Alan Duncan" || f.text.starts_with("Yes");
    CHECK(own_turn_or_another);
  }
  const auto* turn = attache::testing::saying(s, "peaceful solution");
  REQUIRE(turn);
  CHECK(turn->canonical == "Emily Thornberry");
  CHECK(turn->text.ends_with("fully supporting the talks?"));
}

TEST_CASE("labels in capitals with a title's period are turns") {
  // "MR. KIRBY:" had ended a sentence after "MR.", and no turn was read.
  auto s = find("Karine Jean-Pierre, the press secretary, and John Kirby briefed reporters.\n\n"
                "MS. JEAN-PIERRE: Good afternoon, everyone. I will turn it over to my colleague.\n\n"
                "Q Thanks, Karine. What about the drones?\n\n"
                "MR. KIRBY: We now have credible information that Iranian personnel are on the ground in Crimea.\n\n"
                "Q And the aid?\n\n"
                "MR. KIRBY: Look, I am not going to get into politics from up here.");
  REQUIRE(s.size() == 3);
  CHECK(s[0].canonical == "Karine Jean-Pierre");
  CHECK(s[1].canonical == "John Kirby");
  CHECK(s[2].canonical == "John Kirby");
}

// Regression (probe33, dev): a radio script's "INTRO:", "TEXT:" and "TAPE:" were speakers.
TEST_CASE("a radio script's section labels are no one's turns") {
  auto s = find("INTRO: President Reagan and Mikhail Gorbachev ended their summit in Geneva.\n\n"
                "TEXT: Mr. Gorbachev, speaking through an interpreter, said the world had become \"a little more "
                "predictable\" as a result of the meeting.\n\n"
                "TAPE: CUT TWO -- GORBACHEV (:21)\n\n"
                "TEXT: He said President Reagan had been unwilling to give up the program.");
  for (const auto& f : s) {
    CHECK(f.speaker != "INTRO");
    CHECK(f.speaker != "TEXT");
    CHECK(f.speaker != "TAPE");
  }
  const auto* predictable = attache::testing::saying(s, "more predictable");
  REQUIRE(predictable);
  CHECK(predictable->canonical == "Mikhail Gorbachev");
}

// Regression (session 26's development sets, Ukrainska Pravda 2022): "Quote" was the speaker.
TEST_CASE("'Quote from X:' names whose words follow, and 'Quote:' gives them to whoever spoke last") {
  auto s = find("Ukrainian Foreign Minister Dmytro Kuleba said the talks in Antalya had produced nothing.\n\n"
                "Quote from Kuleba: \"We raised the issue of a 24-hour ceasefire. No progress was made.\"\n\n"
                "Kuleba said he had also asked Lavrov to guarantee a corridor.\n\n"
                "Quote: \"I asked him a simple question. He did not give me an answer.\"");
  REQUIRE(saying(s, "24-hour ceasefire"));
  CHECK(saying(s, "24-hour ceasefire")->canonical == "Dmytro Kuleba");  // had been "Quote"
  REQUIRE(saying(s, "simple question"));
  CHECK(saying(s, "simple question")->canonical == "Dmytro Kuleba");  // had been "Quote"
}
