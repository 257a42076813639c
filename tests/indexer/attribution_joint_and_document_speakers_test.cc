// Speakers who are two at once ("Merkel and Macron said") and documents that speak for whoever
// issued them ("The statement added"): source_speakers.cc, tagged_runs.cc. Each article is written
// for the test.
#include <doctest/doctest.h>

#include <string>

#include "found_statements.h"

using attache::testing::find;
using attache::testing::Found;
using attache::testing::saying;

TEST_CASE("two speakers joined by \"and\" are both the speaker") {
  // Each had been given to the second alone ("Emmanuel Macron", "France", "Israel").
  auto s = find("Chancellor Angela Merkel met President Emmanuel Macron in Aachen. Merkel and Macron said the "
                "treaty would last.\n\nBritain and France said in a joint statement that they would act.\n\n"
                "A statement from Egypt and Israel said the talks would go on.\n\nSecretary of State Antony Blinken "
                "and his Chinese counterpart Wang Yi said they had agreed to meet again.");
  REQUIRE(saying(s, "treaty would last"));
  CHECK(saying(s, "treaty would last")->canonical == "Angela Merkel and Emmanuel Macron");
  REQUIRE(saying(s, "would act"));
  CHECK(saying(s, "would act")->canonical == "Britain and France");
  REQUIRE(saying(s, "talks would go on"));
  CHECK(saying(s, "talks would go on")->canonical == "Egypt and Israel");
  REQUIRE(saying(s, "agreed to meet"));
  CHECK(saying(s, "agreed to meet")->canonical == "Antony Blinken and Wang Yi");
}

TEST_CASE("a sentence opening with two names joined by \"and\" before the cue is theirs") {
  // The tagger had read "The United States and" as what the officials went on saying, and the
  // statement had held its own attribution.
  auto s = find("Officials said the talks went well. The United States and Japan said trade would grow.");
  const Found* trade = saying(s, "trade would grow");
  REQUIRE(trade);
  CHECK(trade->canonical == "United States and Japan");
  CHECK(trade->text == "trade would grow");
}

TEST_CASE("an \"and\" inside a title or an apposition joins no speakers") {
  auto s = find("The Under-Secretary-General for Political and Peacebuilding Affairs, Rosemary DiCarlo, told the "
                "Council that the fighting had spread.\n\nEdem Wosornu, Director of Operations and Advocacy at the "
                "Office for the Coordination of Humanitarian Affairs, said that the appeal was underfunded.\n\n"
                "Ryabkov and other officials said the treaty was dead.");
  REQUIRE(saying(s, "the fighting had spread"));
  CHECK(saying(s, "the fighting had spread")->canonical == "Rosemary DiCarlo");
  REQUIRE(saying(s, "the appeal was underfunded"));
  CHECK(saying(s, "the appeal was underfunded")->canonical.find(" and ") == std::string::npos);
  REQUIRE(saying(s, "the treaty was dead"));
  CHECK(saying(s, "the treaty was dead")->canonical.find(" and ") == std::string::npos);
}

TEST_CASE("a document written about before speaks for whoever issued it") {
  // "The statement" had been a speaker of its own, "statement".
  auto s = find("The Saudi Foreign Ministry said in a statement on Monday that the ambassador had been expelled. "
                "The statement added that trade talks were suspended.\n\nForeign Minister Geoffrey Onyeama said in a "
                "statement that Nigeria would not recognise the junta. \"We will not stand by,\" the statement read "
                "in part.\n\nThe leaders' communique said the members would refrain from devaluations. The "
                "communique also said they would meet in June.");
  REQUIRE(saying(s, "trade talks were suspended"));
  CHECK(saying(s, "trade talks were suspended")->canonical == "Saudi Foreign Ministry");
  REQUIRE(saying(s, "We will not stand by"));
  CHECK(saying(s, "We will not stand by")->canonical == "Geoffrey Onyeama");
  // A document whose issuer is unnamed is itself the best speaker known for "the communique"; the
  // author of the statement before is not.
  REQUIRE(saying(s, "from devaluations"));
  CHECK(saying(s, "from devaluations")->canonical == "leaders' communique");
  REQUIRE(saying(s, "meet in June"));
  CHECK(saying(s, "meet in June")->canonical == "leaders' communique");
}

TEST_CASE("a document's noun before the cue's verb is the source's, not the cue's") {
  // "The joint statement said" had given the speaker "joint" and the cue "statement said".
  auto s = find("Egypt and Israel met in Cairo. The joint statement said a committee would meet.");
  const Found* committee = saying(s, "a committee would meet");
  REQUIRE(committee);
  CHECK(committee->speaker == "The joint statement");
}

TEST_CASE("\"according to the statement\" is whoever issued the statement the cue before named") {
  // The cue "said in a statement" holds the document; "the text" and "the report" are documents too.
  auto s = find("Netanyahu's office said in a statement that the meeting was positive. According to the statement, "
                "Netanyahu reiterated his commitment to the proposal.\n\nThe Ministry of Foreign Affairs said in a "
                "communique that the embassies would reopen. According to the text, the sections became embassies at "
                "midnight.\n\nThe IAEA said in a report that Iran had enriched uranium. The report also said inspectors "
                "were barred.");
  REQUIRE(saying(s, "reiterated his commitment"));
  CHECK(saying(s, "reiterated his commitment")->canonical == "Netanyahu's office");
  REQUIRE(saying(s, "became embassies"));
  CHECK(saying(s, "became embassies")->canonical == "Ministry of Foreign Affairs");
  REQUIRE(saying(s, "inspectors were barred"));
  CHECK(saying(s, "inspectors were barred")->canonical == "IAEA");
}

TEST_CASE("a list of speakers is every one of them") {
  // "Russia, China and Iran" had been "Russia", and the statement had held its own attribution.
  auto s = find("Officials met in Geneva. Russia, China and Iran said they would veto it.\n\nThe State Department and "
                "the Pentagon said the deal was off.\n\nIsraeli Prime Minister Benjamin Netanyahu and Abu Dhabi Crown "
                "Prince Sheikh Mohammed bin Zayed said the breakthrough would advance peace.");
  const Found* veto = saying(s, "would veto it");
  REQUIRE(veto);
  CHECK(veto->canonical == "Russia, China and Iran");
  CHECK(veto->text == "they would veto it");
  REQUIRE(saying(s, "the deal was off"));
  CHECK(saying(s, "the deal was off")->canonical == "State Department and Pentagon");
  // People together are each named as they would be alone.
  REQUIRE(saying(s, "advance peace"));
  CHECK(saying(s, "advance peace")->canonical == "Benjamin Netanyahu and Mohammed bin Zayed");
}

TEST_CASE("the capitals of a portfolio or a clause after a name are no second speaker") {
  auto s = find("International Relations and Cooperation Minister Naledi Pandor said the summit had exceeded hopes.\n\n"
                "Ryan Crocker, who served as ambassador under George Bush and Barack Obama, called the withdrawal a "
                "betrayal.");
  REQUIRE(saying(s, "exceeded hopes"));
  CHECK(saying(s, "exceeded hopes")->canonical == "Naledi Pandor");
  REQUIRE(saying(s, "a betrayal"));
  CHECK(saying(s, "a betrayal")->canonical == "Ryan Crocker");
}

TEST_CASE("a body's name may hold an \"and\"") {
  // The speaker had been "Human Services".
  auto s = find("The Department of Health and Human Services said it would act.\n\nGerman Chancellor Angela Merkel met "
                "French President Emmanuel Macron. Merkel and Macron said the talks had been useful.");
  REQUIRE(saying(s, "would act"));
  CHECK(saying(s, "would act")->canonical == "Department of Health and Human Services");
  REQUIRE(saying(s, "had been useful"));
  CHECK(saying(s, "had been useful")->canonical == "Angela Merkel and Emmanuel Macron");
}

// Regression (probe27, dev): a statement named in a phrase opening the sentence, and a document
// named in capitals, were no one a later "the statement" or "the document" stood for.
TEST_CASE("a document opening the sentence or named in capitals is the one a later definite document means") {
  auto s = find("In a brief statement issued around noon, the Ministry of External Affairs said India and China had "
                "talked. \"On this basis, disengagement has been agreed to,\" the statement added.");
  REQUIRE(saying(s, "disengagement has been agreed"));
  CHECK(saying(s, "disengagement has been agreed")->canonical == "Ministry of External Affairs");
  auto d = find("According to the Pyongyang Joint Declaration, the North will dismantle the site. The document also "
                "says the two sides will resume operations.");
  REQUIRE(saying(d, "resume operations"));
  CHECK(saying(d, "resume operations")->canonical == "Pyongyang Joint Declaration");
}

// Regression (probe26, dev): "The document says ..." gave nothing, and "It" after it no one.
TEST_CASE("a document opening a plain sentence speaks, and a later it is the document") {
  auto s = find("The document says Russia maintains a negative attitude toward NATO. It also calls for a new treaty.");
  REQUIRE(saying(s, "negative attitude"));
  CHECK(saying(s, "negative attitude")->canonical == "document");
  REQUIRE(saying(s, "a new treaty"));
  CHECK(saying(s, "a new treaty")->canonical == "document");
}

// Regression (probe27, dev): a statement a body issued in a sentence of no attribution had no
// author, so "It says" went to the body that spoke before and "The statement also says" to no one.
TEST_CASE("a body that issued a document is whom a later it or the statement stands for") {
  auto s = find("The Movement for Democratic Change said 80 supporters had been killed. Overnight the United Nations "
                "Security Council issued its first formal statement on the crisis, agreed unanimously after days of "
                "negotiations. It says the campaign of violence has made a free election impossible. The statement "
                "also says the results must be respected.");
  REQUIRE(saying(s, "free election impossible"));
  CHECK(saying(s, "free election impossible")->canonical == "United Nations Security Council");
  REQUIRE(saying(s, "results must be respected"));
  CHECK(saying(s, "results must be respected")->canonical == "United Nations Security Council");
}

// Regression (probe26, dev): "North Korea told the Japanese side that ..., a Japanese government
// official said" was the official's statement, and "North Korea" was a person called Korea.
TEST_CASE("a saying passed on by someone unnamed closing the sentence is the sayer's") {
  auto s = find("North Korea told the Japanese side that five of the abductees are alive and eight have died, a "
                "Japanese government official said. South Africa said it would vote.");
  REQUIRE(saying(s, "abductees are alive"));
  CHECK(saying(s, "abductees are alive")->canonical == "North Korea");
  REQUIRE(saying(s, "it would vote"));
  CHECK(saying(s, "it would vote")->canonical == "South Africa");
}

// Regression (probe29, dev): "The broadcast added" after "Cairo radio said" was no one's.
TEST_CASE("a document no one named before is what the body that just spoke put out") {
  auto s = find("Cairo radio said tonight that the aggressors are now trying to obtain at the United Nations what they "
                "failed to obtain by threats. The broadcast added that Egypt would never bargain with its sovereignty.");
  REQUIRE(saying(s, "never bargain"));
  CHECK(saying(s, "never bargain")->canonical == "Cairo radio");
}

// Regression (probe27, dev): "The new concept, signed by Medvedev, says" was Medvedev's, the agent of
// the participle the tagger took in as the source.
TEST_CASE("the agent of a participle describing a document or a law is not who speaks") {
  auto s = find("Officials met.\n\nThe new concept, signed by Medvedev, says that Russia will respond to threats. The new "
                "law, signed by Putin, says foreign agents must register. The treaty, negotiated by Kissinger, says the "
                "troops will withdraw.");
  REQUIRE(saying(s, "Russia will respond to threats"));
  CHECK(saying(s, "Russia will respond to threats")->canonical == "new concept");
  REQUIRE(saying(s, "foreign agents must register"));
  CHECK(saying(s, "foreign agents must register")->canonical == "new law");
  REQUIRE(saying(s, "troops will withdraw"));
  CHECK(saying(s, "troops will withdraw")->canonical == "treaty");
}

// Regression (probe27, dev): a document described by a participial phrase between commas said
// nothing, so a later "It describes" had no antecedent and an empty name.
TEST_CASE("a document described by a participial phrase says what follows its cue") {
  auto s = find("Officials met on Tuesday.\n\nThe 40-page document, posted on a government web site on Tuesday, says "
                "Russia maintains \"a negative attitude\" toward the expansion of NATO. It describes attempts by the "
                "West to \"contain\" Russia as \"counterproductive.\"");
  REQUIRE(saying(s, "negative attitude"));
  CHECK(saying(s, "negative attitude")->canonical == "40-page document");
  REQUIRE(saying(s, "counterproductive"));
  CHECK(saying(s, "counterproductive")->canonical == "40-page document");
}

// Regression (probe29, dev): a name quoted inside the participial phrase ("issued as the “Riyadh
// Declaration”") ended the phrase, and the one who read the communique out was its speaker.
TEST_CASE("a quoted name inside a participial phrase does not end it") {
  auto s = find("Leaders met in Riyadh.\n\nThe final communique, issued as the “Riyadh Declaration” and read out by GCC "
                "Secretary-General Abdullatif Al-Zayani, said member states were committed to achieving “economic "
                "unity” by 2025. It also called for the speedy completion of the council’s unified military command.");
  REQUIRE(saying(s, "member states were committed"));
  CHECK(saying(s, "member states were committed")->canonical == "final communique");
  REQUIRE(saying(s, "unified military command"));
  CHECK(saying(s, "unified military command")->canonical == "final communique");
}

// Regression (probe29, dev): the names in a long participial phrase describing a document took its
// statement ("issued after talks between Lavrov, Kerry and Ashton, says").
TEST_CASE("a document described by a phrase that lists names is the one that says") {
  auto s = find("Officials met.\n\nThe joint statement, issued on April 17 after seven hours of talks between Ukraine’s "
                "acting Foreign Minister Andriy Deshchytsia, Russian Foreign Minister Sergei Lavrov, U.S. Secretary "
                "of State John Kerry and EU foreign policy chief Catherine Ashton, says that “all illegal armed "
                "groups must be disarmed.”\n\nIt also says that protesters who leave the buildings will be granted "
                "amnesty.");
  REQUIRE(saying(s, "armed groups must be disarmed"));
  CHECK(saying(s, "armed groups must be disarmed")->canonical == "joint statement");
  REQUIRE(saying(s, "granted amnesty"));
  CHECK(saying(s, "granted amnesty")->canonical == "joint statement");
}
