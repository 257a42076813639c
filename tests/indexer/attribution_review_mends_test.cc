// Regressions found by a review of session 19's attribution rules: ordinary sentences the new
// rules had read wrongly, each mended. Each article is written for the test.
#include <doctest/doctest.h>

#include <string>

#include "found_statements.h"

using attache::testing::find;
using attache::testing::Found;
using attache::testing::saying;

TEST_CASE("an article ending in an attribution's comma is read without reading past its words") {
  auto s = find("The minister spoke on Monday.\n\nThe talks, he said,");
  CHECK(s.size() <= 2);
}

TEST_CASE("a lead's role goes to no one named next who holds another title, or beside a counterpart") {
  auto counterpart = find("GENEVA (Reuters) - The talks on Ukraine were frank but useful, the Russian foreign minister said "
                          "on Friday after meeting his U.S. counterpart.\n\n"
                          "\"We made some progress,\" Antony Blinken told reporters after the meeting.");
  const Found* frank = saying(counterpart, "frank but useful");
  REQUIRE(frank);
  CHECK(frank->canonical != "Antony Blinken");
  auto titled = find("Washington will impose new sanctions, the White House spokeswoman said on Monday.\n\n"
                     "\"Tehran has been warned,\" Treasury Secretary Janet Yellen told reporters.");
  const Found* sanctions = saying(titled, "impose new sanctions");
  REQUIRE(sanctions);
  CHECK(sanctions->canonical != "Janet Yellen");
  auto no_nation = find("Iran will not negotiate under pressure, the country's supreme leader said on Tuesday.\n\n"
                        "\"We are ready for talks,\" Hassan Rouhani told parliament.");
  const Found* pressure = saying(no_nation, "not negotiate");
  REQUIRE(pressure);
  CHECK(pressure->canonical != "Hassan Rouhani");
}

TEST_CASE("a subject after an opening conjunction or a sentence adverb is the sentence's subject") {
  for (const char* opening : {"But ", "And ", "Meanwhile, "}) {
    auto s = find("U.S. Secretary of State Antony Blinken flew to Geneva on Friday for talks on Ukraine.\n\n" +
                  std::string(opening) + "Russian Foreign Minister Sergei Lavrov left the meeting with Blinken after "
                  "less than two hours.\n\nHe later told reporters that Russia had no plans to attack Ukraine.");
    const Found* plans = saying(s, "no plans to attack");
    REQUIRE(plans);
    CHECK(plans->canonical == "Sergei Lavrov");
  }
}

TEST_CASE("a described speaker of the other gender is not whom she or he stands for") {
  auto s = find("German Foreign Minister Annalena Baerbock arrived in Kyiv on Monday on an unannounced visit.\n\n"
                "The trip had been planned for weeks, the ministry spokesman said.\n\n"
                "She said Germany would deliver more air defence systems before the winter.");
  const Found* defence = saying(s, "air defence");
  REQUIRE(defence);
  CHECK(defence->canonical == "Annalena Baerbock");
}

TEST_CASE("a person after \"at\" or after an office of something stays a person") {
  auto at = find("North Korea on Friday lashed out at Ayman Safadi, the Jordanian foreign minister, over his remarks.\n\n"
                 "He had told reporters in Amman that the sanctions should stay in place.");
  const Found* stay = saying(at, "sanctions should stay");
  REQUIRE(stay);
  CHECK(stay->canonical == "Ayman Safadi");
  auto office = find("The Speaker of the Knesset Amir Ohana met the Ukrainian ambassador on Tuesday.\n\n"
                     "He said Israel stood with the people of Ukraine.");
  const Found* stood = saying(office, "Israel stood");
  REQUIRE(stood);
  CHECK(stood->canonical.find("Ohana") != std::string::npos);
}

TEST_CASE("a surname that also ends names of places is a surname alone or after a given name") {
  auto s = find("The allies must act now in Bosnia, national security adviser Anthony Lake said on Tuesday.\n\n"
                "\"We cannot wait for another massacre,\" Lake told reporters.");
  const Found* wait = saying(s, "We cannot wait");
  REQUIRE(wait);
  CHECK(wait->canonical == "Anthony Lake");
}

TEST_CASE("the office of a nation is the office") {
  auto s = find("President Joe Biden arrived in Warsaw on Saturday for talks with Polish leaders.\n\n"
                "Ukraine will never be a victory for Russia, the President of the United States told a crowd.");
  const Found* victory = saying(s, "never be a victory");
  REQUIRE(victory);
  CHECK(victory->canonical == "Joe Biden");
}

TEST_CASE("a day inside a speaker's name or before its noun stays") {
  auto statement = find("The new sanctions are illegal and Moscow will respond, the Kremlin's Sunday statement said.");
  CHECK(saying(statement, "sanctions are illegal"));
  auto paper = find("The sanctions were agreed at a Friday meeting, the Mail on Sunday said.");
  const Found* agreed = saying(paper, "sanctions were agreed");
  REQUIRE(agreed);
  CHECK(agreed->speaker == "the Mail on Sunday");
}

TEST_CASE("a modifier spelled the British way fits the American") {
  auto s = find("British Defence Minister Ben Wallace met U.S. Defense Secretary Lloyd Austin at the Pentagon.\n\n"
                "Britain would send more tanks to Ukraine, the defense minister told reporters.");
  const Found* tanks = saying(s, "more tanks");
  REQUIRE(tanks);
  CHECK(tanks->canonical == "Ben Wallace");
}

TEST_CASE("a name in -ing opening a sentence is no participle, and a monarch keeps his number") {
  auto s = find("King Abdullah II of the Hashemite Kingdom of Jordan, a close U.S. ally, told the summit that the "
                "two-state solution was the only path to peace.");
  const Found* path = saying(s, "only path to peace");
  REQUIRE(path);
  CHECK(path->canonical == "Abdullah II");
}

TEST_CASE("a headline's capitals introduce no one") {
  // "Ethnically Driven Violence, Top Political Affairs Official" had made a person of the headline.
  auto s = find("Sudan Risks Spiral of Ethnically Driven Violence, Top Political Affairs Official Tells Security Council\n\n"
                "The senior United Nations official for political affairs warned the Security Council today that "
                "Sudan risked sliding into a spiral of violence.");
  const Found* spiral = saying(s, "risked sliding");
  REQUIRE(spiral);
  CHECK(spiral->canonical.find("Violence") == std::string::npos);
}

// Regressions of the session's rules found on its held-out probe (probe20), which is no longer
// blind for them.
TEST_CASE("an office of state described is not a speaker described, and names in capitals keep their accents") {
  // "he" had gone to "Philippine president", noted as a described speaker, not to Duterte.
  auto s = find("It was, by the standards of Rodrigo Duterte, a restrained performance. Addressing a forum in Beijing, "
                "the Philippine president announced his separation from the United States. \"There are three of us "
                "against the world,\" he told an audience.");
  const Found* world = saying(s, "three of us");
  REQUIRE(world);
  CHECK(world->canonical == "Rodrigo Duterte");
  auto accents = find("GÉRARD ARAUD (France) said the veto was shameful.");
  REQUIRE(accents.size() == 1);
  CHECK(accents[0].canonical == "Gérard Araud");
}

TEST_CASE("a role said of a nation is no one introduced in it for another, and an office of a place is its holder's") {
  auto s = find("Peter Wittig, the representative of Germany, said the talks had failed. The representative of "
                "Pakistan said his country abstained.\n\n"
                "Juan Jesús Vivas Lara, the regional premier of Ceuta, said the border was calm. The regional premier "
                "of Ceuta added that the city was safe.");
  const Found* abstained = saying(s, "his country abstained");
  REQUIRE(abstained);
  CHECK(abstained->canonical != "Peter Wittig");
  const Found* safe = saying(s, "the city was safe");
  REQUIRE(safe);
  CHECK(safe->canonical == "Juan Jesús Vivas Lara");
}

TEST_CASE("\"a member of\" inside what was said is no speaker") {
  // With "member" a role noun, "become a member of NATO" was read as a source and cut the content.
  auto s = find("Deputy Foreign Minister Sergei A. Ryabkov insisted after the meeting that it was absolutely mandatory "
                "that Ukraine never, ever become a member of NATO.");
  const Found* never = saying(s, "never, ever");
  REQUIRE(never);
  CHECK(never->text.find("member of NATO") != std::string::npos);
}

TEST_CASE("an article ending in a comma and a closing cue is read without reading past its words") {
  // Found by the extractor fuzzer: the inverted source after ", said" was read at the article's end.
  auto s = find("The talks left little room for optimism, said ");
  CHECK(s.size() <= 1);
  auto t = find("Diplomats met on Monday.\n\nThe talks left little room for optimism, said");
  CHECK(t.size() <= 1);
}

TEST_CASE("a colon introduction after a relative clause about the speaker is theirs") {
  // The quotation had gone to the speaker before ("he asked"), or to no one.
  for (const char* cue : {"replied:", "answered through an interpreter:"}) {
    auto s = find(std::string("Ambassador Adlai E. Stevenson demanded an answer. \"Do you deny it?\" he asked.\n\nMr. "
                              "Zorin, who holds the Council presidency this month, ") +
                  cue + " \"You will have your answer in due course.\"");
    const Found* answer = saying(s, "in due course");
    REQUIRE(answer);
    CHECK(answer->canonical == "Zorin");
  }
}

// Session 20's review: ordinary sentences the new rules misread, each mended.

TEST_CASE("review: a word set off before a joint subject is not a speaker") {
  auto s = find("Yesterday, Angela Merkel and Emmanuel Macron said they would send more troops.\n\nKABUL, Taliban "
                "officials and Pakistani diplomats said the border would reopen.");
  REQUIRE(saying(s, "more troops"));
  CHECK(saying(s, "more troops")->canonical == "Angela Merkel and Emmanuel Macron");
  REQUIRE(saying(s, "border would reopen"));
  CHECK(saying(s, "border would reopen")->canonical != "KABUL");
}

TEST_CASE("review: the name after a spokesman for a person, or for another role, is not the speaker") {
  auto s = find("A spokeswoman for Sen. Joe Manchin, D-W.Va., said he had not decided.\n\nAn aide to the leader of "
                "Hezbollah, Hassan Nasrallah, said the group would respond.\n\nA spokesman for the president of Russia, "
                "Vladimir Putin, said the talks were over.");
  REQUIRE(saying(s, "not decided"));
  CHECK(saying(s, "not decided")->canonical.find("spokeswoman") != std::string::npos);
  REQUIRE(saying(s, "would respond"));
  CHECK(saying(s, "would respond")->canonical.find("aide") != std::string::npos);
  REQUIRE(saying(s, "talks were over"));
  CHECK(saying(s, "talks were over")->canonical.find("spokesman") != std::string::npos);
}

TEST_CASE("review: a document is its issuer's only when the attribution names it, and only until another") {
  auto s = find("Health Minister Jane Doe said the report was a forgery.\n\nThe report said the minister had taken "
                "bribes.\n\nThe White House said in a statement that the sanctions would stay.\n\nHours later, the "
                "Kremlin issued a statement of its own.\n\nThe statement said Russia would not accept any ultimatum."
                "\n\nThe Russian Foreign Ministry said in a statement that the claims were false. The World Health "
                "Organization published a report on Monday. The report said cases were rising.");
  REQUIRE(saying(s, "taken bribes"));
  CHECK(saying(s, "taken bribes")->canonical != "Jane Doe");
  REQUIRE(saying(s, "any ultimatum"));
  CHECK(saying(s, "any ultimatum")->canonical != "White House");
  REQUIRE(saying(s, "cases were rising"));
  CHECK(saying(s, "cases were rising")->canonical != "Russian Foreign Ministry");
}

TEST_CASE("review: a phrase after a clause with its own subject hands nothing to the sentence's first word") {
  auto s = find("Prices rose by 9 percent in the year to April, with the central bank's governor, Andrew Bailey, "
                "warning that inflation would stay high.\n\nProtesters gathered outside parliament, in defiance of the "
                "ban, and the opposition leader, Alexei Navalny, told them to stay calm.");
  REQUIRE(saying(s, "inflation would stay high"));
  CHECK(saying(s, "inflation would stay high")->canonical == "Andrew Bailey");
  REQUIRE(saying(s, "stay calm"));
  CHECK(saying(s, "stay calm")->canonical == "Alexei Navalny");
}

TEST_CASE("review: \"the ministry\" and \"the agency\" are the latest body of that noun") {
  auto s = find("The Foreign Ministry said the claims were false.\n\nLater, Russia's Ministry of Defence said its jets "
                "had not crossed the border.\n\nThe ministry said the radar data proved it.\n\nThe International "
                "Atomic Energy Agency said the plant had lost power.\n\nIran's official news agency IRNA reported that "
                "inspectors had left.\n\nThe agency said the inspectors had been asked to leave. \"We have no "
                "comment,\" the official added.");
  REQUIRE(saying(s, "radar data"));
  CHECK(saying(s, "radar data")->canonical == "Russia's Ministry of Defence");
  REQUIRE(saying(s, "asked to leave"));
  CHECK(saying(s, "asked to leave")->canonical == "IRNA");
}

TEST_CASE("review: a noun before \"of\" is not the title of the people it names") {
  auto s = find("Critics of President Joe Biden and Vice President Kamala Harris said the plan was too expensive.");
  REQUIRE(saying(s, "too expensive"));
  CHECK(saying(s, "too expensive")->canonical != "Joe Biden and Kamala Harris");
}
