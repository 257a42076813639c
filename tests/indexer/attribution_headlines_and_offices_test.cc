// A headline's own attribution (headline_attributions.cc), and offices as speakers (people.cc,
// person_roles.cc): "The Foreign Minister of Ukraine", "The Soviet leader", "the Prime Minister". Each
// article is written for the test.
#include <doctest/doctest.h>

#include "found_statements.h"

using attache::testing::find;
using attache::testing::saying;

// Regression (probe25, dev): a headline without a full stop gave no statement, while one with a
// full stop went to the tagger like any sentence.
TEST_CASE("a headline opening with who spoke and a cue says the rest of it") {
  auto s = find("Shultz Says Arms Deal Foundered on 'Star Wars'\n\nREYKJAVIK, Iceland (AP) _ Secretary of State "
                "George P. Shultz said Sunday that the talks had failed.");
  REQUIRE(saying(s, "Arms Deal Foundered"));
  CHECK(saying(s, "Arms Deal Foundered")->canonical == "George Shultz");  // named in full later, one person
  REQUIRE(saying(s, "talks had failed"));
  CHECK(saying(s, "talks had failed")->canonical == "George Shultz");
}

TEST_CASE("a headline naming who spoke before a colon, or closing with them") {
  auto colon = find("Kerry: Talks will go on\n\nSecretary of State John Kerry said the talks would go on.");
  REQUIRE(saying(colon, "Talks will go on"));
  CHECK(saying(colon, "Talks will go on")->canonical == "John Kerry");
  auto closing = find("Boundary pact will be remembered like fall of Berlin Wall, says Modi\n\nPrime Minister "
                      "Narendra Modi said on Saturday the pact was historic.");
  REQUIRE(saying(closing, "Boundary pact"));
  CHECK(saying(closing, "Boundary pact")->canonical == "Narendra Modi");
  CHECK(saying(closing, "Boundary pact")->text == "Boundary pact will be remembered like fall of Berlin Wall");
  auto addressee = find("Straw tells UN: 'This is Iraq's final opportunity'\n\nJack Straw told the Security Council "
                        "that Iraq had one last chance.");
  REQUIRE(saying(addressee, "final opportunity"));
  CHECK(saying(addressee, "final opportunity")->text == "This is Iraq's final opportunity");
  CHECK(saying(addressee, "final opportunity")->canonical == "Jack Straw");
}

// Regression (probe26, dev): a fronted clause before the speaker, an addressee after a closing
// cue, and a label before a colon.
TEST_CASE("a headline's speaker after a fronted clause, and whom a closing cue addresses") {
  auto fronted = find("As Cairo clashes erupt, State Department tells Egypt: 'The process has to begin now'\n\n"
                      "Officials met on Monday.");
  REQUIRE(saying(fronted, "process has to begin"));
  CHECK(saying(fronted, "process has to begin")->canonical == "State Department");
  auto addressee = find("No foreign peacekeepers, Habibie tells Howard\n\nOfficials met on Monday.");
  REQUIRE(saying(addressee, "peacekeepers"));
  CHECK(saying(addressee, "peacekeepers")->canonical == "Habibie");
  CHECK(saying(addressee, "peacekeepers")->text == "No foreign peacekeepers");
  CHECK_FALSE(saying(find("Live updates: Israel signs normalization deals with UAE\n\nOfficials met on Monday."),
                     "normalization"));
}

// Regression (probe26, dev): a live blog's entries, headed by their time, gave nothing; read after
// the article, the surname in one is the person named in full below it.
TEST_CASE("a live blog's time-stamped headings, and a surname named in full later") {
  auto s = find("Live updates from the White House\n\n9:41 pm — Abbas: Only an end to occupation will bring peace to "
                "the region\n\nPalestinian Authority President Mahmoud Abbas says in a statement that the agreements "
                "will not achieve peace.\n\n6:00 pm — Ceremony begins on the South Lawn\n\nGuests arrived early.");
  REQUIRE(saying(s, "end to occupation"));
  CHECK(saying(s, "end to occupation")->canonical == "Mahmoud Abbas");
  CHECK(saying(s, "end to occupation")->text == "Only an end to occupation will bring peace to the region");
  CHECK_FALSE(saying(s, "Ceremony begins"));
}

TEST_CASE("a headline of another shape gives no statement") {
  for (const char* headline : {"Talks on Iran resume", "Trump's claims fact-checked", "Update: Talks resume in Geneva",
                               "Leaders gather in Geneva"}) {
    auto s = find(std::string(headline) + "\n\nOfficials said the talks resumed on Monday.");
    REQUIRE(s.size() == 1);
    CHECK(s[0].canonical == "Officials");
  }
  // A quotation inside the headline is not taken for all of it past a long object.
  auto quoted = find("PM demands China apologise for 'repugnant' post\n\nPrime Minister Scott Morrison said the image "
                     "was offensive.");
  REQUIRE(saying(quoted, "China apologise"));
  CHECK(saying(quoted, "China apologise")->text == "China apologise for 'repugnant' post");
}

// Regression: "The Foreign Minister of Ukraine said" had been Ukraine speaking.
TEST_CASE("an office of a place speaks, not the place") {
  auto described = find("The Foreign Minister of Ukraine said the talks were useful.");
  REQUIRE(described.size() == 1);
  CHECK(described[0].canonical == "Foreign Minister of Ukraine");
  auto named = find("Foreign Minister Dmytro Kuleba arrived in Berlin. The Foreign Minister of Ukraine said the talks "
                    "were useful.");
  REQUIRE(saying(named, "talks were useful"));
  CHECK(saying(named, "talks were useful")->canonical == "Dmytro Kuleba");
  auto king = find("King Abdullah II arrived. The King of Jordan said the talks were useful.");
  REQUIRE(saying(king, "talks were useful"));
  CHECK(saying(king, "talks were useful")->canonical == "Abdullah II");
  // Whom a later "he" stands for, as one described ("Hong Kong" had been).
  auto prince = find("Hong Kong became a region of China. The Prince of Wales, representing the Queen, told the guests "
                     "that Britain would \"not forget\" them. \"We shall follow your fortunes,\" he said.");
  REQUIRE(saying(prince, "follow your fortunes"));
  CHECK(saying(prince, "follow your fortunes")->canonical == "Prince of Wales");
}

// Regression (session 22's review): a place of two words ("Saudi Arabia", "South Korea") lost its
// first word to the titles as a nationality and "Arabia" became a person; "the Duke of Edinburgh"
// was a man called Edinburgh; "Representative Peter T. King of New York" was New York.
TEST_CASE("an office of a place of two words, or of a rank, is no person named after the place") {
  auto saudi = find("The King of Saudi Arabia said the kingdom would not raise output.");
  REQUIRE(saying(saudi, "would not raise output"));
  CHECK(saying(saudi, "would not raise output")->canonical == "King of Saudi Arabia");
  auto korea = find("President Moon Jae-in met the press. The President of South Korea said talks would resume.");
  REQUIRE(saying(korea, "talks would resume"));
  CHECK(saying(korea, "talks would resume")->canonical == "Moon Jae-in");
  auto duke = find("The Duke of Edinburgh said he was delighted.");
  REQUIRE(saying(duke, "he was delighted"));
  CHECK(saying(duke, "he was delighted")->canonical == "Duke of Edinburgh");
  auto king = find("Representative Peter T. King of New York said it was not going to be easy.");
  REQUIRE(saying(king, "not going to be easy"));
  CHECK(saying(king, "not going to be easy")->canonical == "Peter King");
  auto earl = find("Rep. Earl Blumenauer said there was tremendous energy.");
  REQUIRE(saying(earl, "tremendous energy"));
  CHECK(saying(earl, "tremendous energy")->canonical == "Earl Blumenauer");
}

// Regression (probe25, dev): "The Soviet leader" had been the Secretary of State named before.
TEST_CASE("a nation's leader is no secretary or minister") {
  auto s = find("Secretary of State George P. Shultz said the talks had failed. Gorbachev said the United States had "
                "\"buried\" a historic opportunity. The Soviet leader said he had offered \"major concessions.\"");
  REQUIRE(saying(s, "major concessions"));
  CHECK(saying(s, "major concessions")->canonical == "Gorbachev");
  auto premier = find("Prime Minister Shinzo Abe arrived. The Japanese leader said the talks had failed.");
  REQUIRE(premier.size() == 1);
  CHECK(premier[0].canonical == "Shinzo Abe");
}

// Regression (probe25, dev): "the Prime Minister" after "Scott Morrison says ..." stayed unresolved:
// its article stands before the capitals, and a spokesman is named after it in its sentence.
TEST_CASE("the Prime Minister after the sentence of the one person named is that person") {
  auto s = find("Scott Morrison says the Chinese government should be ashamed. At a press conference, the Prime "
                "Minister said the image posted by foreign ministry spokesman Zhao Lijian was \"false\".");
  REQUIRE(saying(s, "image posted"));
  CHECK(saying(s, "image posted")->canonical == "Scott Morrison");
}

// Regression (probes 25 and 27, dev): a headline closed by a colon and a name said nothing.
TEST_CASE("a headline closed by a colon and a name is that person's statement") {
  auto s = find("Australia to toughen Zimbabwe sanctions: Smith\n\nForeign Affairs Minister Stephen Smith said the list "
                "of barred officials would grow.");
  REQUIRE(saying(s, "toughen Zimbabwe sanctions"));
  CHECK(saying(s, "toughen Zimbabwe sanctions")->canonical == "Stephen Smith");
  CHECK(saying(s, "toughen Zimbabwe sanctions")->cue == ":");
  // A place after the colon is a dateline's or a section's, and two words before it say too little.
  CHECK(!saying(find("Live coverage of the crisis: Ukraine\n\nOfficials met in Kyiv."), "coverage"));
  CHECK(!saying(find("Day one: Trump\n\nOfficials met in Kyiv."), "Day one"));
}

// Regression (probes 25 and 30, dev): "PM" was a person called PM, and "tells Commons:" kept
// whom it was told in what was said.
TEST_CASE("PM in a headline is the prime minister the article introduces, and tells X: Y says Y") {
  auto s = find("PM tells Commons: UN should check Cuba\n\nPrime Minister John Diefenbaker told the Commons today that a "
                "United Nations team should inspect the bases.");
  REQUIRE(saying(s, "UN should check Cuba"));
  CHECK(saying(s, "UN should check Cuba")->canonical == "John Diefenbaker");
  CHECK(saying(s, "UN should check Cuba")->text == "UN should check Cuba");
  auto t = find("PM demands China apologise for repugnant post\n\nPrime Minister Scott Morrison said Beijing should be "
                "ashamed. The PM said the image was repugnant.");
  REQUIRE(saying(t, "China apologise"));
  CHECK(saying(t, "China apologise")->canonical == "Scott Morrison");
  REQUIRE(saying(t, "image was repugnant"));
  CHECK(saying(t, "image was repugnant")->canonical == "Scott Morrison");
}

// Regression (probe30, dev): headlines closed by a quotation and "says X", by "say 19 leaders", by
// a dash and a name, or opened by a group before a colon, said nothing.
TEST_CASE("headlines closed by a quotation and its speaker, by a dash and a name, or opened by a group") {
  auto quoted = find("Cease-fire call by 64 votes to 5: ‘Grave error,’ says Mr. Dulles\n\nSecretary of State John Foster "
                     "Dulles spoke to the Assembly.");
  REQUIRE(saying(quoted, "Grave error"));
  CHECK(saying(quoted, "Grave error")->canonical == "John Foster Dulles");
  CHECK(saying(quoted, "Grave error")->text.find("Cease-fire") == std::string::npos);
  auto leaders = find("G20 summit: Paris climate accord 'irreversible,' say 19 leaders\n\nThe leaders met in Hamburg.");
  REQUIRE(saying(leaders, "Paris climate accord"));
  auto dash = find("Gambia: No agreement yet with Jammeh – Sirleaf\n\nLiberian President Ellen Johnson Sirleaf told "
                   "reporters in Banjul that talks would go on.");
  REQUIRE(saying(dash, "No agreement yet"));
  CHECK(saying(dash, "No agreement yet")->canonical == "Ellen Johnson Sirleaf");
  CHECK(saying(dash, "No agreement yet")->text == "No agreement yet with Jammeh");
  auto group = find("Arab ministers: Invasion violates UN Charter\n\nArab foreign ministers met in Cairo.");
  REQUIRE(saying(group, "Invasion violates"));
  // A series' part after a dash is no one, nor the subject of a feature who says nothing below
  // (review), nor whom "tells of" something in lower case (review).
  CHECK(find("Crisis in Gambia – Part Two\n\nOfficials met in Banjul.").empty());
  CHECK(!saying(find("The best films of 2016: Moonlight\n\nMoonlight won the prize. Critics loved it."), "best films"));
  auto horror = find("Smith tells of horror: bodies everywhere\n\nJohn Smith said he saw bodies.");
  REQUIRE(saying(horror, "bodies everywhere"));
  CHECK(saying(horror, "bodies everywhere")->text == "of horror: bodies everywhere");
}

// Regression (probe33, dev): "X to Y: ‘...’" said nothing.
TEST_CASE("a headline's speaker before 'to' and the one spoken to, then a colon") {
  auto s = find("Sadat to Knesset: ‘We Welcome You Among Us’\n\nAnwar Sadat spoke to the Knesset on Sunday.");
  REQUIRE(saying(s, "We Welcome You"));
  CHECK(saying(s, "We Welcome You")->canonical == "Anwar Sadat");
  // Not a plan ("Kerry to visit Cairo: officials").
  auto plan = find("Kerry to visit Cairo: officials\n\nJohn Kerry will travel on Monday.");
  CHECK_FALSE(saying(plan, "officials"));
}

// Regression (session 26's development sets): "PM" spells "the Prime Minister" of the body, so it
// was read as the acronym of a body named "Prime Minister".
TEST_CASE("a headline's 'PM' is the prime minister of the body, though no one was introduced as one") {
  auto s = find("PM demands China apologise for 'repugnant' post\n\nScott Morrison says the Chinese government "
                "should be \"utterly ashamed\" after an official posted an image.\n\nAt a press conference in "
                "Canberra on Monday, the Prime Minister said the image was \"false\" and \"deeply offensive\".");
  REQUIRE(saying(s, "China apologise"));
  CHECK(saying(s, "China apologise")->canonical == "Scott Morrison");  // had been "Prime Minister"
}
