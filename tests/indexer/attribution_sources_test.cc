// Which words of a sentence are its speaker (source_speakers.cc, source_positions.cc): the
// subject, not a name the tagger found in a phrase set off between the subject and the cue.
// Each article is written for the test.
#include <doctest/doctest.h>

#include "found_statements.h"

using attache::testing::find;

// Regression (probe of other styles): the last name inside "speaking at ... with X," or "reading a
// joint statement with X," was taken for the speaker.
TEST_CASE("a name inside a participial phrase after the subject does not speak") {
  auto with = find("Japanese Foreign Minister Fumio Kishida, speaking at a joint news conference in Seoul with his "
                   "South Korean counterpart, Yun Byung-se, said the agreement resolved the issue \"finally and "
                   "irreversibly.\"");
  REQUIRE(with.size() == 1);
  CHECK(with[0].canonical == "Fumio Kishida");
  auto reading = find("EU foreign policy chief Federica Mogherini, reading a joint statement with Iranian Foreign "
                      "Minister Mohammad Javad Zarif, called the agreement \"a sign of hope for the entire world.\"");
  REQUIRE(reading.size() == 1);
  CHECK(reading[0].canonical == "Federica Mogherini");
  auto behalf = find("Sitiveni Rabuka, the Prime Minister of Fiji, speaking on behalf of the Pacific Islands Forum, "
                     "described climate change as \"the single greatest threat\" to the region.");
  REQUIRE(behalf.size() == 1);
  CHECK(behalf[0].canonical == "Sitiveni Rabuka");
  // Review: after a fronted adverbial, the participial phrase closes no subject.
  auto fronted = find("In Tokyo on Monday, speaking at a news conference, Foreign Minister Fumio Kishida, a veteran "
                      "lawmaker, said the talks would resume.");
  REQUIRE(fronted.size() == 1);
  CHECK(fronted[0].canonical == "Fumio Kishida");
  // The participle's own subject still speaks when nothing stands between them.
  auto plain = find("Speaking in Seoul, Fumio Kishida said the agreement was final.");
  REQUIRE(plain.size() == 1);
  CHECK(plain[0].canonical == "Fumio Kishida");
}

// Regression (probe of other styles): a description was named by the capitals of its
// preposition's object ("A source in the Foreign Ministry" became "Foreign", "Officials of the
// West Berlin police" "West Berlin") or by its head noun alone ("Sources close to ElBaradei").
TEST_CASE("a described source is named by its whole description") {
  auto s = find("Officials of the West Berlin police said the crowds were peaceful.\n\n"
                "Sources close to ElBaradei said he would not run.\n\n"
                "A spokesperson for the Department of Foreign Affairs and Trade said the ban was unjustified.\n\n"
                "A source in Ukraine's Foreign Ministry said the vote was rigged.\n\n"
                "A spokesman for the German government said Berlin stood by Kyiv.");
  REQUIRE(s.size() == 5);
  CHECK(s[0].canonical == "Officials of the West Berlin police");
  CHECK(s[1].canonical == "Sources close to ElBaradei");
  CHECK(s[2].canonical == "spokesperson for the Department of Foreign Affairs and Trade");
  CHECK(s[3].canonical == "source in Ukraine's Foreign Ministry");
  CHECK(s[4].canonical == "spokesman for the German government");
  // An institution named as such is still the institution.
  auto institution = find("The German Foreign Ministry said the envoy had left.");
  REQUIRE(institution.size() == 1);
  CHECK(institution[0].canonical == "German Foreign Ministry");
}

// Regression (probe of other styles): "U.S. Ambassador to the UN Samantha Power" was read as the
// office "U.S. Ambassador" with its object, and the office went to the last envoy-like speaker.
TEST_CASE("an office with its object names the person holding it") {
  auto s = find("Foreign Minister Andriy Deshchytsia said Kyiv would respond.\n\n"
                "Russia's envoy to the UN Vitaly Churkin said Moscow could not support the draft.\n\n"
                "\"It cannot veto the truth,\" U.S. Ambassador to the UN Samantha Power said after the vote.\n\n"
                "An analyst at Capital Economics said growth would slow.");
  REQUIRE(s.size() == 4);
  CHECK(s[1].canonical == "Vitaly Churkin");
  CHECK(s[2].canonical == "Samantha Power");
  CHECK(s[3].canonical == "analyst at Capital Economics");
}

// Regression (probe of other styles): a quotation introduced by its speaker's cue and followed by
// "according to" the one who reported it was given to the reporter.
TEST_CASE("a quotation's own cue before it beats 'according to' after it") {
  auto s = find("Moon responded, \"I will visit at an early date,\" according to the spokesman.");
  REQUIRE(s.size() == 1);
  CHECK(s[0].canonical == "Moon");
  auto reporter = find("\"I will visit at an early date,\" according to the spokesman.");
  REQUIRE(reporter.size() == 1);
  CHECK(reporter[0].canonical == "spokesman");
}

TEST_CASE("a question put to the subject between commas is no statement of theirs") {
  // "asked whether ..." had been Siniora's own statement, and "asked by reporters ..." Reagan's.
  auto s = find("Siniora, asked whether the government would ask Hizbullah to disarm, said the matter would be "
                "settled by dialogue.\n\nIn Washington, President George Bush, asked by reporters in the Oval Office "
                "why he did not seem more elated, said he was \"very pleased.\"");
  CHECK_FALSE(saying(s, "ask Hizbullah to disarm"));
  REQUIRE(saying(s, "settled by dialogue"));
  CHECK(saying(s, "settled by dialogue")->canonical == "Siniora");
  CHECK_FALSE(saying(s, "more elated"));
  REQUIRE(saying(s, "very pleased"));
  CHECK(saying(s, "very pleased")->canonical == "George Bush");
}

TEST_CASE("a dateline is no subject to speak for a place in its sentence") {
  // "in Rome" had handed its cue to the sentence's subject, and the subject was the dateline.
  auto s = find("BEIRUT: Prime Minister Fouad Siniora said Thursday that the world had let Lebanon down after a "
                "conference in Rome ended without a call for an immediate cease-fire.");
  for (const auto& found : s) CHECK(found.canonical != "BEIRUT");
}

// Regression (PolNeAR): "New York (AFP) –" opened the sentence whose participle cue it was given.
TEST_CASE("a dateline in title case with its agency is no speaker") {
  auto s = find("New York (AFP) – Vice President Joe Biden on Monday hit the campaign trail with Hillary Clinton, "
                "trashing Donald Trump as unqualified and accusing him of endangering the lives of US troops.");
  REQUIRE(saying(s, "endangering the lives"));
  CHECK(saying(s, "endangering the lives")->canonical == "Joe Biden");
}

// Regression (PolNeAR): "who" after an age and "from Manchester" stood for Manchester.
TEST_CASE("who after a person's age and where they come from is the person") {
  auto s = find("\"I am going to vote in this primary,\" said Nicky Driscoll, 24, from Manchester, who said Sanders "
                "is best suited to get corporate money out of government.");
  REQUIRE(saying(s, "best suited"));
  CHECK(saying(s, "best suited")->canonical == "Nicky Driscoll");
  auto berger = find("Alan Berger, a gynecologist from Englewood, New Jersey, who said he is friendly with the "
                     "family, was there.");
  REQUIRE(saying(berger, "friendly with"));
  CHECK(saying(berger, "friendly with")->canonical == "Alan Berger");
}

// Regression (PolNeAR): "who" after "Sen. Marco Rubio of Florida" stood for Florida.
TEST_CASE("who after a person of a place is the person") {
  auto s = find("The inquiry has provided fodder to candidates such as Sen. Marco Rubio of Florida, who mused in the "
                "debate that Clinton was \"disqualified from being the commander in chief.\"");
  REQUIRE(saying(s, "disqualified"));
  CHECK(saying(s, "disqualified")->canonical == "Marco Rubio");
}

// "Bosnia and Herzegovina Foreign Minister X" had been Bosnia speaking with the minister.
TEST_CASE("an 'and' inside a country's name before a title joins no speakers") {
  auto s = find("Bosnia and Herzegovina Foreign Minister Elmedin Konakovic said the talks were useful.");
  REQUIRE(s.size() == 1);
  CHECK(s[0].canonical == "Elmedin Konakovic");
  auto joint = find("Chancellor Angela Merkel arrived. Merkel and EU Commission President Ursula von der Leyen said "
                    "the talks were useful.");
  REQUIRE(joint.size() == 1);
  CHECK(joint[0].canonical == "Angela Merkel and Ursula von der Leyen");
}

// "At Camp David he was more tactful, telling ..." had been Camp David's.
TEST_CASE("a place opening the sentence without its comma is no speaker") {
  auto he = find("Jimmy Carter arrived. At Camp David he was more tactful, telling reporters that the talks had been "
                 "useful.");
  REQUIRE(saying(he, "talks had been useful"));
  CHECK(saying(he, "talks had been useful")->canonical == "Jimmy Carter");
  auto role = find("At Camp David the president was more tactful, telling reporters that the talks had been useful.");
  REQUIRE(saying(role, "talks had been useful"));
  CHECK(saying(role, "talks had been useful")->canonical == "president");
}

// Regression (probe25, dev): a name inside a phrase between the subject and its cue spoke.
TEST_CASE("phrases between the subject and its cue: a participle inside one, a past participle, a relative") {
  auto flying = find("Gorbachev, speaking at a news conference in Reykjavik before flying back to Moscow, said the "
                     "United States had \"buried\" a historic opportunity.");
  REQUIRE(saying(flying, "historic opportunity"));
  CHECK(saying(flying, "historic opportunity")->canonical == "Gorbachev");
  auto regarded = find("Finance Minister Wolfgang Schaeuble, long regarded as the toughest of the eurozone's hardliners "
                       "on Greece, told the chamber that the agreement offered Athens \"a real chance\".");
  REQUIRE(saying(regarded, "real chance"));
  CHECK(saying(regarded, "real chance")->canonical == "Wolfgang Schaeuble");
  auto relative = find("Senator Birmingham, who has been unable to secure a phone call with his Chinese counterpart, "
                       "Zhong Shan, since January, said the door to dialogue remained open.");
  REQUIRE(saying(relative, "door to dialogue"));
  CHECK(saying(relative, "door to dialogue")->canonical == "Birmingham");
}

// Regression (probe25, dev): the quotation after "X told ..., according to the Associated Press."
// had been the agency's.
TEST_CASE("a quotation after a saying reported 'according to' someone goes on with the speaker") {
  auto s = find("\"We can keep this up indefinitely,\" Gen. Clay told correspondents at Tempelhof airfield, according "
                "to the Associated Press. \"The Russians have made a bad guess.\"");
  REQUIRE(saying(s, "bad guess"));
  CHECK(saying(s, "bad guess")->canonical == "Clay");
  auto alone = find("Talks have stalled, according to the Associated Press. \"The Russians have made a bad guess.\"");
  REQUIRE(saying(alone, "bad guess"));
  CHECK(saying(alone, "bad guess")->canonical == "Associated Press");
}

// Regression (probe25, dev): "said in a statement that he welcomed ..." had been a statement of
// "he" with the cue "welcomed", and the saying's own cue had nothing.
TEST_CASE("what a speaker says of themselves after 'that' is what they said") {
  auto s = find("Boutros-Ghali, who has backed the French offer, said in a statement that he welcomed any initiative "
                "that could \"stop the killing\" while UNAMIR was being reinforced.");
  REQUIRE(s.size() == 1);
  CHECK(s[0].canonical == "Boutros-Ghali");
  CHECK(s[0].text.starts_with("he welcomed any initiative"));
}

// Regression (probe25, dev): a saying reported "according to" an agency was the agency's; opening
// the sentence with "According to Xinhua," it had been the speaker's.
TEST_CASE("a saying that someone reports is the speaker's statement") {
  auto trailing = find("Chinese President Xi Jinping told fellow leaders that Beijing would roll out eight new "
                       "measures, according to the state news agency Xinhua.");
  REQUIRE(trailing.size() == 1);
  CHECK(trailing[0].canonical == "Xi Jinping");
  CHECK(trailing[0].text == "Beijing would roll out eight new measures");
  auto reported = find("The president told her that it was not that simple, the newspaper reported.");
  REQUIRE(reported.size() == 1);
  CHECK(reported[0].text == "it was not that simple");
  auto auxiliary = find("About 40 rabbis have said that they plan to join the protest, according to an organizer.");
  REQUIRE(auxiliary.size() == 1);
  CHECK(auxiliary[0].canonical == "40 rabbis");
  // A report of no one's saying stays the reporter's.
  auto plain = find("The talks failed, according to the state news agency Xinhua.");
  REQUIRE(plain.size() == 1);
  CHECK(plain[0].canonical == "Xinhua");
  auto clause = find("What Romney has said privately about Trump is a different story, according to Scott Brown.");
  REQUIRE(clause.size() == 1);
  CHECK(clause[0].canonical == "Scott Brown");
}

// Regression (probe26, dev): the subject taking over from a name inside a relative clause was the
// role, which the counterpart named there held too.
TEST_CASE("a role's name in apposition speaks, not the counterpart named in the relative clause") {
  auto s = find("The Foreign Minister, Mr Downer, who sat in on the talks with his Indonesian counterpart, Mr Ali "
                "Alatas, said Australia would push for a UN police presence.");
  REQUIRE(s.size() == 1);
  CHECK(s[0].canonical == "Downer");
}

// Regression (probe26, dev): the agent of "read out by X" inside the participial phrase after a
// document spoke for it.
TEST_CASE("a document described before a participial phrase speaks, not the phrase's agent") {
  auto s = find("The final communique, issued as the Riyadh Declaration and read out by GCC Secretary-General "
                "Abdullatif Al-Zayani, said member states were committed to economic unity. It also called for the "
                "speedy completion of the unified military command.");
  REQUIRE(saying(s, "economic unity"));
  CHECK(saying(s, "economic unity")->canonical == "final communique");
  REQUIRE(saying(s, "speedy completion"));
  CHECK(saying(s, "speedy completion")->canonical == "final communique");
}

// Regression (probe27, dev): the tagger took "standing beside Moon" for the source, and Moon spoke.
TEST_CASE("a participial phrase taken for the source leaves its subject speaking") {
  auto s = find("Kim Jong-un met Moon Jae-in. Kim, standing beside Moon, said the two Koreas had \"opened a new era\" "
                "of peace. Voters are watching an accomplished, experienced member of the establishment, Hillary "
                "Clinton, argue that the system is rigged.");
  REQUIRE(saying(s, "opened a new era"));
  CHECK(saying(s, "opened a new era")->canonical == "Kim Jong-un");
  if (saying(s, "system is rigged")) CHECK(saying(s, "system is rigged")->canonical == "Hillary Clinton");
}

// Regression (probe27, dev): "In Tel Aviv, an Israeli army spokesman said" was Tel Aviv's, a name in
// apposition to the spokesman.
TEST_CASE("a place after a preposition opening the sentence is no speaker in apposition") {
  auto s = find("In Tel Aviv, an Israeli army spokesman said Israeli units had reached the canal.");
  REQUIRE(saying(s, "reached the canal"));
  CHECK(saying(s, "reached the canal")->canonical == "Israeli army spokesman");
}

// Regression (probe27, dev): with a quotation closing it, "told the council his government would
// ..." was read by the tagger as "his government" saying "would ...", and dropped.
TEST_CASE("a clause after told and an addressee is what was told") {
  auto s = find("Gideon Rafael arrived. Rafael told the council his government would observe the cease-fire \"if the "
                "other side does the same.\" But he said Israel would never return.");
  REQUIRE(saying(s, "would observe the cease-fire"));
  CHECK(saying(s, "would observe the cease-fire")->canonical == "Gideon Rafael");
  // With the name in apposition to a description, as probe27 had it; an adjunct after the cue
  // stays the tagger's reading.
  auto apposition = find("Israel's ambassador, Gideon Rafael, told the council his government would observe the "
                         "cease-fire \"if the other side does the same.\" But he said Israel would never return. The "
                         "French interior minister, Bernard Cazeneuve, said early Friday that 80 people were killed.");
  REQUIRE(saying(apposition, "would observe the cease-fire"));
  CHECK(saying(apposition, "would observe the cease-fire")->canonical == "Gideon Rafael");
  REQUIRE(saying(apposition, "80 people were killed"));
  CHECK(saying(apposition, "80 people were killed")->text.find("early Friday") == std::string::npos);
}

// Regression (probe27, dev): "In Tehran, Ali Larijani, the new secretary of ..., was quoted by the
// Isna news agency as saying" was Tehran's: the passive subject stopped at the apposition's comma.
TEST_CASE("the one quoted as saying is the name before an apposition") {
  auto s = find("In Tehran, Ali Larijani, the new secretary of Iran's Supreme National Security Council, was quoted by "
                "the Isna news agency as saying the resolution was \"a political decision with no legal basis\".");
  REQUIRE(saying(s, "political decision"));
  CHECK(saying(s, "political decision")->canonical == "Ali Larijani");
}

// Regression (probe27, dev): "Xi" was not "Xi Jinping" (his surname read as Jinping); "his" in the
// relative clause was taken for the source; and the quotation before ", according to CCTV" became
// CCTV's statement, cutting Xi's short.
TEST_CASE("a Chinese name's family name comes first, and a report's channel does not split its quotation") {
  auto s = find("Chinese President Xi Jinping arrived. Xi, who was greeted at Pyongyang's Sunan airport by Kim and his "
                "wife Ri Sol-ju before a motorcade through the capital, said China was willing to help address North "
                "Korea's \"reasonable security and development concerns\", according to state broadcaster CCTV. "
                "Foreign Minister Wang Yi told reporters the talks were good. Wang added that more would follow.");
  REQUIRE(saying(s, "willing to help"));
  CHECK(saying(s, "willing to help")->canonical == "Xi Jinping");
  CHECK(saying(s, "willing to help")->text.find("reasonable security") != std::string::npos);
  REQUIRE(saying(s, "more would follow"));
  CHECK(saying(s, "more would follow")->canonical == "Wang Yi");
}

// Regression (PolNeAR, training split): "Publicly, the GOP nominee ... dismisses ..." was a
// statement of someone called Publicly.
TEST_CASE("an adverb opening the sentence before its comma is no one's name") {
  auto s = find("Donald Trump spoke. Publicly, the GOP nominee feuds with his stars and dismisses the standard "
                "strategic and tactical approaches utilized by his predecessors. Kelly, a spokeswoman, said the "
                "campaign was ready.");
  for (const auto& statement : s) CHECK(statement.canonical != "Publicly");
  REQUIRE(saying(s, "campaign was ready"));
}

// Regression (session 22's review): "In Moscow Gorbachev said" was a person called Moscow Gorbachev.
TEST_CASE("a capital after a preposition of place is no part of the surname after it") {
  auto s = find("Mikhail Gorbachev arrived. In Moscow Gorbachev said the talks had failed.");
  REQUIRE(saying(s, "talks had failed"));
  CHECK(saying(s, "talks had failed")->canonical == "Mikhail Gorbachev");
}

// Regression (probe27, dev): the lead "Israel and Egypt initialed a new Sinai disengagement agreement
// Monday, and Secretary of State Henry A. Kissinger said ..." was the statement of Israel and Egypt.
TEST_CASE("a clause joined by comma and before the subject is no part of the source") {
  auto s = find("JERUSALEM (AP) — Israel and Egypt initialed a new Sinai disengagement agreement Monday, and Secretary "
                "of State Henry A. Kissinger said it could become \"the first step toward a final peace\" between two "
                "nations that have fought four wars in 27 years. Steve Bell, senior director of economic policy at "
                "the Bipartisan Policy Center, and a Republican who headed the Senate Budget Committee staff, said "
                "the plans were irresponsible.");
  REQUIRE(saying(s, "first step toward a final peace"));
  CHECK(saying(s, "first step toward a final peace")->canonical == "Henry Kissinger");
  REQUIRE(saying(s, "plans were irresponsible"));
  CHECK(saying(s, "plans were irresponsible")->canonical == "Steve Bell");
}

// Regression (session 22's review; probe25, dev): "Carter Tells Begin That Peace Is Near" kept the
// addressee in what was said, and the second clause of a headline after a semicolon was not read.
TEST_CASE("a headline's addressee and its second clause") {
  auto s = find("Carter Tells Begin That Peace Is Near\n\nPresident Jimmy Carter met Prime Minister Menachem Begin on "
                "Monday.");
  REQUIRE(saying(s, "Peace Is Near"));
  CHECK(saying(s, "Peace Is Near")->text == "Peace Is Near");
  auto two = find("Begin and Sadat Sign Accords at White House; Carter Calls Pact 'a Historic Achievement'\n\nPresident "
                  "Jimmy Carter met Prime Minister Menachem Begin on Monday.");
  REQUIRE(saying(two, "Historic Achievement"));
  CHECK(saying(two, "Historic Achievement")->canonical == "Jimmy Carter");
}

// Regression (session 26's development sets): the tagger took "January" for the source.
TEST_CASE("a month or a day is no speaker: the subject before the relative clause is") {
  auto s = find("Trade Minister Simon Birmingham said last week the wine duties were \"unjustified\". Senator "
                "Birmingham, who has been unable to secure a phone call with his Chinese counterpart, Zhong Shan, "
                "since January, said the door to dialogue remained open.");
  REQUIRE(saying(s, "door to dialogue"));
  CHECK(saying(s, "door to dialogue")->canonical.find("Birmingham") != std::string::npos);  // had been "January"
}

TEST_CASE("reported content the tagger ran over its source and cue, with no parenthesis, is what follows the cue") {
  auto s = find("Trade Minister Simon Birmingham said last week the wine duties were \"unjustified\". Senator "
                "Birmingham, who has been unable to secure a phone call with his Chinese counterpart, Zhong Shan, "
                "since January, said the door to dialogue remained open.");
  REQUIRE(saying(s, "door to dialogue"));
  CHECK(saying(s, "door to dialogue")->text == "the door to dialogue remained open");  // had opened at "to secure"
  auto p = find("The economy, the minister said, will grow by three percent next year.");
  REQUIRE(saying(p, "will grow"));
  CHECK(saying(p, "will grow")->text.starts_with("The economy"));
}

// Regression (session 26's development sets): the International Monetary Fund, inside the relative
// clause, had said what Tsipras insisted.
TEST_CASE("a surname named in full before speaks over a body inside its relative clause") {
  auto s = find("Prime Minister Alexis Tsipras arrived in Moscow on Wednesday.\n\nTsipras, whose government is "
                "locked in tense negotiations with the eurozone and the International Monetary Fund over the "
                "release of rescue loans, insisted that Greece remained committed to its place in the European Union.");
  REQUIRE(saying(s, "remained committed"));
  CHECK(saying(s, "remained committed")->canonical == "Alexis Tsipras");
}
