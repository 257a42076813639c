// Who a pronoun, a role, a title or a surname stands for (people.cc): the person
// the article's own sentences point to, never a place, an institution or an adverb
// that opens a sentence. Each article is written for the test.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "found_statements.h"

using attache::testing::find;
using attache::testing::Found;
using attache::testing::saying;

TEST_CASE("a pronoun opening a clause joined to the sentence stands for the sentence's subject") {
  // The last speaker (Clinton, a paragraph up) is not whom "he" stands for after "a day after".
  auto s = find("Hillary Clinton said on Monday that the trade deal was flawed.\n\n"
                "Virginia Gov. Terry McAuliffe apologized on Tuesday, a day after he said that she would "
                "support the deal once in office.");
  REQUIRE(s.size() == 2);
  CHECK(s[1].speaker == "he");
  CHECK(s[1].canonical == "Terry McAuliffe");
}

TEST_CASE("a name headed by a word the article writes in lower case is not he or she") {
  // "White House" and "Affordable Care Act" are named after Senator Okafor; neither is a person.
  auto s = find("Senator Mary Okafor said on Monday that the bill was dead.\n\n"
                "The White House wants the Affordable Care Act expanded, and the president has asked for a vote "
                "on the house floor to take care of it. It is an act of faith, she said.");
  REQUIRE(!s.empty());
  CHECK(s.back().speaker == "she");
  CHECK(s.back().canonical == "Mary Okafor");
}

TEST_CASE("an adverb opening a sentence before an apposition is nobody") {
  // "Nonetheless, the senator argued" once made a person called Nonetheless, in the role of
  // senator, whom later pronouns and roles went to.
  auto s = find("Republicans met in Ohio on Monday. Senator Mary Okafor said the bill was dead.\n\n"
                "Nonetheless, the senator argued, the party could still win. Reporters asked about the vote, and "
                "she said that the count was close.");
  REQUIRE(s.size() == 3);
  CHECK(s[1].canonical == "Mary Okafor");
  CHECK(s[2].canonical == "Mary Okafor");
}

TEST_CASE("a role that opens a sentence is the person introduced in it, for the pronouns after it") {
  auto s = find("Senator J. William Fulbright of Arkansas spoke on Monday. \"The cuts will hurt,\" said Representative "
                "Otto Passman.\n\nThe senator met the press in Paris. Asked about the embargo, he replied that no "
                "decision had been taken.");
  REQUIRE(s.size() == 2);
  CHECK(s[0].canonical == "Otto Passman");
  CHECK(s[1].canonical == "William Fulbright");
}

TEST_CASE("a Representative is a member of Congress, not an envoy") {
  auto s = find("\"The cuts will hurt,\" said Representative Otto Passman.\n\nThe ambassador told reporters that no "
                "decision had been taken on the embargo.");
  REQUIRE(s.size() == 2);
  CHECK(s[1].canonical != "Otto Passman");
}

TEST_CASE("a pronoun never resolves to a country") {
  auto s = find("The United States will press its allies to open their markets, officials in Washington said. "
                "E. M. Martin, an assistant secretary of state, arrived on Monday. He said the tariff talks would "
                "resume in June.");
  const Found* f = saying(s, "tariff talks");
  REQUIRE(f);
  CHECK(f->canonical == "Martin");
}

TEST_CASE("people who share a surname stay apart; a bare title finds the person named in it") {
  auto s = find("First Lady Jacqueline Kennedy said she would restore the White House. President Kennedy said the "
                "budget would be balanced. Mrs. Kennedy added that the rooms would be opened to visitors.\n\n"
                "Secretary of State Dean Rusk arrived in Paris on Sunday. The secretary of state said the alliance "
                "was strong.");
  REQUIRE(s.size() == 4);
  CHECK(s[0].canonical == "Jacqueline Kennedy");  // "First Lady" is her title, not her name
  CHECK(s[1].canonical == "Kennedy");             // the President is not the First Lady
  CHECK(s[2].canonical == "Jacqueline Kennedy");  // Mrs. Kennedy is
  CHECK(s[3].canonical == "Dean Rusk");
}

TEST_CASE("a pronoun nobody answers to leaves the speaker unresolved, not a speaker called 'they'") {
  auto s = find("They said the plan would fail before the winter came.");
  for (const auto& f : s) {
    CHECK(f.speaker == "They");
    CHECK(f.canonical.empty());
  }
}

TEST_CASE("a surname with two titles, neither the person's, is someone else (regression: a crash)") {
  // The second title was checked against a person already set aside: a null dereference.
  auto s = find("Ambassador John Smith said the talks went well. Secretary General Smith said the vote had failed.");
  REQUIRE(s.size() == 2);
  CHECK(s[0].canonical == "John Smith");
  CHECK(s[1].canonical == "Smith");
}

TEST_CASE("a peer is a person: Lord Home is not the funeral home named before him") {
  auto s = find("The service was held at the Smith Funeral Home on Main Street. Lord Home, the foreign secretary, "
                "said Britain would stand by its allies.");
  REQUIRE(s.size() == 1);
  CHECK(s[0].canonical == "Home");
}

TEST_CASE("a bare title finds the person the article named with it") {
  auto s = find("Councilman Joseph Reilly proposed the budget on Monday. The councilman said taxes would not rise.\n\n"
                "Coach Hank Stram praised his players. The coach said the team would win the title.");
  const Found* taxes = saying(s, "taxes would not rise");
  REQUIRE(taxes);
  CHECK(taxes->canonical == "Joseph Reilly");
  const Found* title = saying(s, "the team would win the title");
  REQUIRE(title);
  CHECK(title->canonical == "Hank Stram");
}

TEST_CASE("a capitalised bare title and a description before a name both find the person") {
  auto s = find("Secretary of State Dean Rusk spoke in Washington on Sunday. ''We have made our position clear,'' the "
                "Secretary told a news conference.\n\nA State Department spokesman, Lincoln White, denied reports that "
                "troops were being moved. ''There is no truth to them,'' Mr. White said.");
  const Found* rusk = saying(s, "position clear");
  REQUIRE(rusk);
  CHECK(rusk->canonical == "Dean Rusk");
  const Found* white = saying(s, "no truth");
  REQUIRE(white);
  CHECK(white->canonical == "Lincoln White");  // "White" alone is no institution: the White House is
}

TEST_CASE("the head of an organisation is the person whose title names it") {
  auto s = find("NATO Secretary General Jens Stoltenberg arrived in Brussels on Monday.\n\n\"We are ready to talk,\" the "
                "NATO chief said.");
  REQUIRE(s.size() == 1);
  CHECK(s[0].canonical == "Jens Stoltenberg");
}

TEST_CASE("a month can be a surname, and a diplomat is the foreign minister named before") {
  auto s = find("Prime Minister Theresa May told MPs that the deal was the best available.\n\n"
                "Russian Foreign Minister Sergei Lavrov arrived in Berlin on Monday. The Russian diplomat pointed out "
                "that sanctions had hurt European farmers.");
  const Found* may = saying(s, "best available");
  REQUIRE(may);
  CHECK(may->canonical == "Theresa May");
  const Found* lavrov = saying(s, "European farmers");
  REQUIRE(lavrov);
  CHECK(lavrov->canonical == "Sergei Lavrov");
}

TEST_CASE("'it' is the institution that spoke last, never a woman named since") {
  auto s = find("The Russian Foreign Ministry said the sanctions were illegal. It added that Moscow would respond in "
                "kind.\n\nMaria Zakharova spoke later. It said the talks had failed.");
  const Found* added = saying(s, "respond in kind");
  REQUIRE(added);
  CHECK(added->canonical == "Russian Foreign Ministry");
  const Found* failed = saying(s, "talks had failed");
  REQUIRE(failed);
  CHECK(failed->canonical == "Russian Foreign Ministry");
}

TEST_CASE("a place of several words is nobody: not a speaker's name, not whom a pronoun stands for") {
  auto s = find("Senator Bernie Sanders toured New Hampshire on Monday.\n\n"
                "In New Hampshire, voters lined up for hours. \"We have come a long way,\" he told the crowd.\n\n"
                "The Washington Post's Robert Costa reported that the campaign had raised more money than expected.");
  REQUIRE(s.size() == 2);
  CHECK(s[0].canonical == "Bernie Sanders");
  CHECK(s[1].canonical == "Robert Costa");
}

TEST_CASE("a surname two people share goes to the one whom the reported speech's he or she fits") {
  auto s = find("Bill Clinton spoke in Ohio on Monday. Hillary Clinton spoke in Kentucky.\n\n"
                "Bill Clinton said the economy was strong.\n\n"
                "Clinton said she was going to put a lot of coal companies out of business.\n\n"
                "Jane Sanders and Bernie Sanders arrived together.\n\n"
                "Sanders said he suspects he will campaign for the challenger.");
  REQUIRE(s.size() == 3);
  CHECK(s[1].canonical == "Hillary Clinton");
  CHECK(s[2].canonical == "Bernie Sanders");
}

TEST_CASE("a bare surname is the bearer the article names most, and a surname alone tells no gender") {
  auto s = find("Donald Trump held a rally in Ohio. Donald Trump spoke for an hour about trade.\n\n"
                "Melania Trump watched from the front row.\n\n"
                "Trump said the rally was the biggest of the campaign.\n\n"
                "Senator Elizabeth Warren answered on Twitter.\n\n"
                "Warren said she would campaign against him in every state.");
  REQUIRE(s.size() == 2);
  CHECK(s[0].canonical == "Donald Trump");
  CHECK(s[1].canonical == "Elizabeth Warren");  // "Warren" is a man's given name, not this surname's gender
}

TEST_CASE("places and a party describe someone unnamed, not a person") {
  // "A New Hampshire Republican" once became a person called Hampshire Republican.
  auto s = find("Voters went to the polls on Tuesday.\n\nA New Hampshire Republican said the race was open.");
  REQUIRE(s.size() == 1);
  CHECK(s[0].canonical == "New Hampshire Republican");
}

TEST_CASE("a word opening a sentence that names no one is no speaker") {
  // "Since" and "So" once spoke, as groups: the tagger took them in as sources.
  auto s = find("The senator spoke in Des Moines on Monday.\n\n"
                "Since announcing his running mate, Johnson has risen in the polls.\n\n"
                "So says a booming voice at the end of the film.");
  for (const auto& statement : s) {
    CHECK(statement.canonical != "Since");
    CHECK(statement.canonical != "So");
  }
}

TEST_CASE("an adverb is no speaker, the subject is; a 'who' that stands for no one is no speaker") {
  // "initially" once spoke, as a group, and so did an unresolved "who" with no name at all.
  auto s = find("Dmitry Peskov, after the leak about the talks in Istanbul broke in March, initially said that no "
                "agreement had been reached.\n\n"
                "Among the delegates who said the sanctions were their top concern, most supported the motion. Four "
                "in 10 who said they preferred a ceasefire abstained. Sergei Lavrov said the talks would resume.");
  REQUIRE(s.size() == 2);
  CHECK(s[0].canonical == "Dmitry Peskov");
  CHECK(s[1].canonical == "Sergei Lavrov");
}

TEST_CASE("a participle is said by its clause's subject, not by the object or verb the tagger took in") {
  auto s = find("Sergei Lavrov thanked the Turkish foreign minister Mevlut Cavusoglu for hosting the talks, saying the "
                "meeting in Antalya had been useful.\n\n"
                "Chancellor Olaf Scholz made a pitch to German voters on Monday, arguing that the new gas pipeline "
                "would never open.");
  REQUIRE(s.size() == 2);
  CHECK(s[0].canonical == "Sergei Lavrov");  // not "Sergei Lavrov thanked the Turkish foreign minister ..."
  CHECK(s[1].canonical == "Olaf Scholz");    // not "German voters"
}

TEST_CASE("a speaker's name ends where a relative clause opens, comma or not") {
  auto s = find("Senator Jim Whelan who represents Atlantic City and served as its mayor for many years said the "
                "casinos would close.\n\nSenior campaign advisers who have run the numbers said the race was over.");
  REQUIRE(s.size() == 2);
  CHECK(s[0].canonical == "Jim Whelan");
  CHECK(s[1].canonical.find("who") == std::string::npos);
}

TEST_CASE("a pronoun or a count opening a sentence still speaks") {
  auto s = find("Delegates met in Cleveland on Monday.\n\nOthers argue their votes should count for more.\n\n"
                "They said they were hopeful that things would turn their way.");
  REQUIRE(s.size() == 2);
  CHECK(s[0].speaker == "Others");
  CHECK(s[1].speaker == "They");
}

// Regression (probe of other styles): a role no one had been introduced in took the name of the
// place in its apposition ("speaking to reporters in New York"); a titled owner introduced no one
// ("Former President Bill Clinton's foundation"); a country or capital the gazetteer lacked was
// someone "he" could stand for.
TEST_CASE("places are no one; a titled owner is introduced in his title") {
  auto unknown = find("The former president, speaking to reporters in New York, said the foundation would accept new "
                      "contributions.");
  REQUIRE(unknown.size() == 1);
  CHECK(unknown[0].canonical == "former president");
  auto owner = find("Former President Bill Clinton's foundation released the names of donors on Thursday.\n\n"
                    "The former president said the foundation would accept new contributions.");
  REQUIRE(owner.size() == 1);
  CHECK(owner[0].canonical == "Bill Clinton");
  auto country = find("The donors included the governments of Saudi Arabia, Kuwait, Norway and Brunei.\n\n"
                      "\"I don't want to do anything that would make her job harder,\" he said.");
  for (const auto& s : country) CHECK(s.canonical != "Kuwait");
  for (const auto& s : country) CHECK(s.canonical != "Brunei");
}

// Regression (probe of other styles): "the person" after "a person familiar with the matter" was
// a bare "person", a speaker no reader could tell from any other.
TEST_CASE("a described source is the same source when the article refers back to it") {
  auto s = find("A person familiar with the matter said the talks had stalled. The person added that no date "
                "had been set.\n\n"
                "An EU diplomat said the mood was grim. \"We are stuck,\" the diplomat said. Officials said "
                "nothing had changed.");
  REQUIRE(s.size() == 5);
  CHECK(s[1].canonical == "person familiar with the matter");
  CHECK(s[3].canonical == "EU diplomat");
  CHECK(s[4].canonical == "Officials");  // no "the": any officials
}

// Regression (probe of other styles): the capitals of an office's portfolio ("Director of
// Operations and Advocacy") were taken for a person, who spoke and whom "she" then stood for.
TEST_CASE("an office's portfolio is no one; the name set beside the office is the speaker") {
  auto s = find("The Under-Secretary-General for Political and Peacebuilding Affairs, Rosemary DiCarlo, told the "
                "Council that the fighting had displaced millions.\n\n"
                "The Director of Operations and Advocacy, Edem Wosornu, said aid convoys had been blocked.\n\n"
                "She said the warring parties must allow access.");
  REQUIRE(s.size() == 3);
  CHECK(s[0].canonical == "Rosemary DiCarlo");
  CHECK(s[1].canonical == "Edem Wosornu");
  CHECK(s[2].canonical == "Edem Wosornu");
}

// Regression (probe of other styles): a family name two people shared ("Wang Wenbin", "Wang Yi")
// was no one, though only one of them had spoken.
TEST_CASE("a family name two people share goes on with the one who spoke") {
  auto s = find("Foreign Ministry spokesperson Wang Wenbin said the summit would succeed. Foreign Minister Wang Yi "
                "met his counterpart on Friday. Wang said China welcomed new members.");
  REQUIRE(s.size() == 2);
  CHECK(s[1].canonical == "Wang Wenbin");
}

// Regression (probe of other styles): "the Foreign Service" was a man called Service, whom a later
// "she" stood for; "the American Foreign Service Association" was "Service Association".
TEST_CASE("services, associations and committees are institutions, not people") {
  auto s = find("Margaret Hollis joined the Foreign Service in 1990. She now runs a consulting firm. \"It was a "
                "good life,\" she says.\n\n"
                "\"The damage is done,\" according to the American Foreign Service Association.");
  REQUIRE(s.size() == 2);
  CHECK(s[0].canonical == "Margaret Hollis");
  CHECK(s[1].canonical == "American Foreign Service Association");
}

// Regression (probe of other styles): "his spokeswoman said" was a bare "spokeswoman", no one a
// reader could tell from any other.
TEST_CASE("a role someone's possessive introduces is that person's") {
  auto s = find("UN envoy Staffan de Mistura arrived in Geneva on Monday. The talks would resume next week, his "
                "spokeswoman said.");
  REQUIRE(s.size() == 1);
  CHECK(s[0].canonical == "spokeswoman for Staffan de Mistura");
}

// Regression (review of this session's change): rules of the session had reached too far.
TEST_CASE("given names, people listed after 'and' and surnames that are also places stay people") {
  auto gore = find("Former Vice President Al Gore spoke first. Gore said the climate deal was weak.");
  REQUIRE(gore.size() == 1);
  CHECK(gore[0].canonical == "Al Gore");
  auto starmer = find("Biden met President Emmanuel Macron and Keir Starmer, the British prime minister, on Monday. The "
                      "British prime minister said the talks had gone well.");
  REQUIRE(starmer.size() == 1);
  CHECK(starmer[0].canonical == "Keir Starmer");
  auto kong = find("Chinese Vice Foreign Minister Kong Xuanyou arrived in Seoul. Kong said the talks were useful.");
  REQUIRE(kong.size() == 1);
  CHECK(kong[0].canonical == "Kong Xuanyou");
}

// Regression (probe of other styles): "the Russian president" right after a sentence about
// Vladimir Putin stayed a bare role, as no one had been introduced as president.
TEST_CASE("a role right after a sentence about one person is that person's") {
  auto s = find("Vladimir Putin did not disappoint. After three hours of talks, the Russian president told reporters "
                "that Pyongyang would need guarantees.\n\nThe president said later that the talks had been useful.");
  REQUIRE(s.size() == 2);
  CHECK(s[0].canonical == "Vladimir Putin");
  CHECK(s[1].canonical == "Vladimir Putin");
  // Two people in the sentence before: the role stays unresolved.
  auto two = find("Joe Biden met Xi Jinping on Monday. The Chinese president said the talks were useful.");
  REQUIRE(two.size() == 1);
  CHECK(two[0].canonical == "Chinese president");
  // Review: staff are someone else ("the spokesman" after a sentence about Putin).
  auto staff = find("Vladimir Putin held talks in Sochi on Monday. The spokesman said the talks were businesslike.");
  REQUIRE(staff.size() == 1);
  CHECK(staff[0].canonical != "Vladimir Putin");
  // Review: a nation's office held by someone whose nation the article never gave stays theirs; the
  // subject just before may be the other leader of a summit ("The British leader said she ...").
  auto summit = find("Prime Minister Thatcher met Mr. Gorbachev at Chequers on Sunday.\n\nMr. Gorbachev said he liked "
                     "Britain. The British leader said she could do business with him.");
  REQUIRE(saying(summit, "do business with him"));
  CHECK(saying(summit, "do business with him")->canonical == "Thatcher");
  // Regression (development set): the one who spoke a quotation's sentences before, no one seen
  // since, though not the sentence's first words ("On leaving the conference room Mr. Chamberlain").
  auto british = find("On leaving the conference room Mr. Chamberlain, who looked tired, told the journalists that he "
                      "was satisfied. ‘It has been a long day,’ he said. ‘But we have found a way.’\n\nAsked whether "
                      "Prague had been consulted, the Prime Minister replied that its representatives would be informed.");
  REQUIRE(saying(british, "representatives would be informed"));
  CHECK(saying(british, "representatives would be informed")->canonical == "Chamberlain");
  // Someone seen in the sentence just before is the one the role may be, not the last to speak.
  auto seen = find("“He calls Libya a mess,” writes Goldberg.\n\nObama blames part of the failure on his allies. The "
                   "president also points to tribal division as another reason, Goldberg says.");
  for (const auto& f : seen) CHECK(f.canonical != "Jeffrey Goldberg");
}

// Regression (probe31, dev): "Outside Castle Buildings" was a person, whom the next "He" stood for.
TEST_CASE("a preposition of place opening the sentence makes the name after it a place") {
  auto s = find("Outside Castle Buildings, the DUP leader, Dr Ian Paisley, whose party left the talks last September "
                "when Sinn Fein was admitted, addressed a crowd. He said the Union would not be bartered away.");
  REQUIRE(saying(s, "bartered away"));
  CHECK(saying(s, "bartered away")->canonical == "Ian Paisley");
}

// Regression (probe of other styles): "he" after a fronted clause ("When my Ukrainian counterpart
// Dmytro Kuleba was in Berlin, he said") went to the last speaker, or to no one when the clause's
// subject had just been introduced.
TEST_CASE("a pronoun after a fronted clause stands for the clause's subject") {
  auto s = find("Angela Merkel spoke first. When Emmanuel Macron arrived in Berlin on Monday, he said the two countries "
                "would stand together.");
  REQUIRE(s.size() == 1);
  CHECK(s[0].canonical == "Emmanuel Macron");
  auto counterpart = find("Annalena Baerbock met reporters. When my Ukrainian counterpart Dmytro Kuleba was in Berlin, he "
                          "told me the war would be long.");
  REQUIRE(counterpart.size() == 1);
  CHECK(counterpart[0].canonical == "Dmytro Kuleba");
  // A clause with no subject of its own, or one about something else, names no one.
  auto participle = find("John Smith met Emmanuel Macron. After meeting Macron, he said the talks were useful.");
  REQUIRE(participle.size() == 1);
  CHECK(participle[0].canonical == "John Smith");
  auto object = find("John Smith met Emmanuel Macron. When the talks with Macron ended, he said they were useful.");
  REQUIRE(object.size() == 1);
  CHECK(object[0].canonical == "John Smith");
  // Review: a clause inside what was said ("If ..., he said, ...") is not the pronoun's.
  auto inside = find("Joe Biden warned voters in Ohio on Tuesday. If Donald Trump wins again, he said, democracy itself is "
                     "at risk.");
  REQUIRE(inside.size() == 1);
  CHECK(inside[0].canonical == "Joe Biden");
}

TEST_CASE("a name's suffix is no part of the person's surname") {
  // "3d" (The New York Times' III) had left the speaker unresolved, and "he" went to someone else.
  auto s = find("Former Mayor Willy Brandt spoke first. Secretary of State James A. Baker 3d said the United States "
                "welcomed the move. He cautioned that \"much remains to be done.\"");
  const Found* welcomed = saying(s, "welcomed the move");
  REQUIRE(welcomed);
  CHECK(welcomed->canonical == "James Baker");
  const Found* cautioned = saying(s, "much remains");
  REQUIRE(cautioned);
  CHECK(cautioned->canonical == "James Baker");
  auto third = find("Hodding Carter III, the State Department spokesman, said a task force had been set up.");
  REQUIRE(third.size() == 1);
  CHECK(third[0].canonical == "Hodding Carter");
}

TEST_CASE("titles of other countries' offices and professions stay out of the name") {
  auto s = find("Taoiseach Leo Varadkar said the backstop was essential.\n\n"
                "U.K. Chancellor of the Exchequer Alistair Darling said the banks would be recapitalised.\n\n"
                "Politburo member Günter Schabowski said the borders were open.\n\n"
                "Minister for International Development and the Pacific Pat Conroy said Australia was concerned.\n\n"
                "Journalist Mustafa Nayyem wrote that the protest would begin at ten.");
  for (const char* name : {"Leo Varadkar", "Alistair Darling", "Günter Schabowski", "Pat Conroy", "Mustafa Nayyem"}) {
    const bool found = std::any_of(s.begin(), s.end(), [&](const Found& f) { return f.canonical == name; });
    CHECK_MESSAGE(found, name);
  }
}

// Regression (probe27, dev; PolNeAR): "Cuban", "Israel", "West" and "Christian" are words of
// places and groups, and were never the Mark Cuban, Steve Israel, Cornel West or George Christian
// the article had named.
TEST_CASE("a place's or a group's word is the surname of the person named in full") {
  auto s = find("White House Press Secretary George Christian spoke first. Christian said the President was "
                "encouraged. Billionaire Mark Cuban was there too. Cuban said he would support the former. Congressional "
                "Republicans met on Monday. Republicans said the inquiry would go on.");
  REQUIRE(saying(s, "President was encouraged"));
  CHECK(saying(s, "President was encouraged")->canonical == "George Christian");
  REQUIRE(saying(s, "support the former"));
  CHECK(saying(s, "support the former")->canonical == "Mark Cuban");
  REQUIRE(saying(s, "inquiry would go on"));
  CHECK(saying(s, "inquiry would go on")->canonical == "Republicans");
}

// Regression (probe29, dev): "Supreme Leader of the Islamic Revolution Ayatollah Seyed Ali Khamenei"
// was a person called "Islamic Revolution Ayatollah Seyed Ali Khamenei"; ranks opening a name
// ("Rep. Earl Blumenauer") stay given names.
TEST_CASE("a rank inside a run of capitals opens the name after it") {
  auto s = find("Supreme Leader of the Islamic Revolution Ayatollah Seyed Ali Khamenei said the team deserved gratitude. "
                "Rep. Earl Blumenauer said there was tremendous energy.");
  REQUIRE(saying(s, "deserved gratitude"));
  CHECK(saying(s, "deserved gratitude")->canonical == "Seyed Ali Khamenei");
  REQUIRE(saying(s, "tremendous energy"));
  CHECK(saying(s, "tremendous energy")->canonical == "Earl Blumenauer");
}

// Regression (probe29, dev): "the minister" was the Prime Minister named later, not the External
// Affairs Minister; "the vice president" stays the vice president.
TEST_CASE("the minister is a minister rather than the prime minister") {
  auto s = find("External Affairs Minister Pranab Mukherjee signed the pact. Prime Minister Manmohan Singh welcomed it "
                "in Delhi. Speaking at a reception, the minister said the journey had reached its logical conclusion. "
                "Vice President Joe Biden spoke after President Barack Obama. The vice president said the ticket was "
                "strong.");
  REQUIRE(saying(s, "logical conclusion"));
  CHECK(saying(s, "logical conclusion")->canonical == "Pranab Mukherjee");
  REQUIRE(saying(s, "ticket was strong"));
  CHECK(saying(s, "ticket was strong")->canonical == "Joe Biden");
}

// Regression (probe29, dev): "special presidential envoy for the Balkans Viktor Chernomyrdin" gave
// him no role, so "the envoy" was no one; "the president of the Brady Campaign" is no person's role.
TEST_CASE("a role before a portfolio before the name is the person's") {
  auto s = find("Russia's special presidential envoy for the Balkans Viktor Chernomyrdin has said that a settlement "
                "is impossible. \"Milosevic is ready for a settlement,\" the envoy noted.");
  REQUIRE(saying(s, "ready for a settlement"));
  CHECK(saying(s, "ready for a settlement")->canonical == "Viktor Chernomyrdin");
}

// Regression (development sets): "the two ministers", "the two sides" were a bare plural.
TEST_CASE("'the two sides' or 'the two ministers' are the two people just named") {
  auto s = find("In New York, the Foreign Minister, Mr Downer, met his Indonesian counterpart, Mr Ali Alatas. The two "
                "ministers said their governments were committed to the force.");
  REQUIRE(saying(s, "committed to the force"));
  CHECK(saying(s, "committed to the force")->canonical == "Downer and Ali Alatas");
  auto sides = find("Defense Minister Song Young-moo and his counterpart, No Kwang-chol, signed an accord. The two sides "
                    "said they would halt all hostile acts.");
  REQUIRE(saying(sides, "halt all hostile acts"));
  CHECK(saying(sides, "halt all hostile acts")->canonical.find(" and ") != std::string::npos);
  // Not two whom the noun does not describe ("The two voters" after Trump and Sanders).
  auto voters = find("Donald Trump and Bernie Sanders drew crowds in Iowa. The two voters said both men were tapping "
                     "the same anger.");
  for (const auto& f : voters) CHECK(f.canonical.find(" and ") == std::string::npos);
}

// Regression (session 26's development sets): "Alexis" made Tsipras a woman, so "he said" was Putin.
TEST_CASE("a given name that is a man's in one language and a woman's in another tells no gender") {
  auto s = find("Russian President Vladimir Putin said Greece had not asked for help.\n\nPrime Minister Alexis "
                "Tsipras insisted that Greece remained committed to the European Union.\n\n\"Greece is a "
                "sovereign country,\" he said.");
  REQUIRE(saying(s, "sovereign country"));
  CHECK(saying(s, "sovereign country")->canonical == "Alexis Tsipras");  // had been "Vladimir Putin"
}
