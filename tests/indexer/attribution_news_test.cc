// Attribution on newsroom prose: the forms that the rules missed or got wrong
// on real news (issue "who said what on real news"), each in an article
// written for this test.
#include <doctest/doctest.h>

#include <functional>
#include <random>
#include <string>
#include <vector>

#include "attache/indexer/statements.h"
#include "attache/indexer/attribution_model.h"
#include "attribution/extraction.h"
#include "attribution/feature_hash.h"
#include "attribution/tagger.h"
#include "attribution/tagged_runs.h"
#include "attribution/words.h"
#include "found_statements.h"

using namespace attache::indexer;

using attache::testing::find;
using attache::testing::Found;
using attache::testing::saying;

namespace {

// What the built-in model finds in text before the calibrator keeps the likely ones: for tests of
// the rules (who the speaker is, which cues are of saying) that should not hang on where a
// borderline confidence falls after a retraining.
std::vector<Found> find_unfiltered(std::string_view text) {
  std::vector<Statement> statements;
  for (auto& c : attribution::extract_candidates(text, AttributionModel::builtin().impl().tagger))
    statements.push_back(std::move(c.statement));
  normalise_speakers(text, statements);
  std::vector<Found> out;
  for (const Statement& s : statements)
    out.push_back({s.speaker, s.canonical, std::string(text.substr(s.begin, s.end - s.begin)), s.cue, s.kind,
                   s.confidence});
  return out;
}

}  // namespace

TEST_CASE("descriptions speak: a source, police, one delegate, many of the leaders") {
  auto s = find(
      "The assistant secretary said the delegation would not change its vote. A source said the talks had collapsed "
      "overnight. Many of the local GOP leaders said they would stay neutral until the convention.\n\n"
      "One California delegate said the rules were unfair to newcomers. Police said the suspect had fled on foot.");
  REQUIRE(s.size() == 5);
  CHECK(s[0].canonical == "assistant secretary");
  CHECK(s[1].canonical == "source");
  CHECK(s[2].canonical == "local GOP leaders");
  CHECK(s[3].canonical == "California delegate");  // a description, not a person called "One California"
  CHECK(s[4].text == "the suspect had fled on foot");
}

TEST_CASE("New York Times quotation marks, and punctuation outside the closing mark") {
  auto s = find("''We are not going to raise taxes,'' Mr. Reagan said. ''The deficit is a spending problem.''\n\n"
                "\"This is a serious proposal\", the senator said, \"and it deserves a vote.\"");
  REQUIRE(s.size() == 2);
  CHECK(s[0].canonical == "Reagan");
  CHECK(s[0].kind == StatementKind::direct);  // the cue inside a split quotation does not make it mixed
  CHECK(s[0].text.find("We are not going") == 0);
  CHECK(s[0].text.find("spending problem") != std::string::npos);  // the halves are one statement
  CHECK(s[1].kind == StatementKind::direct);
  CHECK(s[1].text.find("and it deserves a vote") != std::string::npos);
}

TEST_CASE("typewriter quotation marks: two backticks open, two apostrophes close") {
  // ``...'' is how older digitised archives (and TeX) write double quotation marks; read as
  // two stray backticks and a straight mark, the quotation was never one.
  const std::string text = "WASHINGTON (AP) -- ``We will not retreat from Berlin,'' the Secretary of State said "
                           "Monday. ``The Soviet Union must understand this.''";
  const auto stream = attribution::read_words(text);
  REQUIRE(stream.quotations.size() == 2);
  CHECK(text.substr(stream.quotations[0].begin, stream.quotations[0].end - stream.quotations[0].begin) ==
        "We will not retreat from Berlin,");
  auto s = find(text);
  REQUIRE(s.size() == 1);
  CHECK(s[0].text.find("We will not retreat") == 0);  // as with curly marks
  CHECK(s[0].text.find("must understand this") != std::string::npos);
}

TEST_CASE("a quotation of one or two words is a statement; unquoted fragments are not") {
  auto s = find("Senator Mary Okafor was asked whether she would endorse the governor. \"Absolutely not,\" she "
                "replied.\n\nThe governor, asked the same, said little.");
  REQUIRE(s.size() == 1);
  CHECK(s[0].text == "Absolutely not");
  CHECK(s[0].canonical == "Mary Okafor");
}

TEST_CASE("cues the lexicon lacked: pointed out, tweeted, cited") {
  auto s = find("Governor Kasich pointed out that the state had balanced its budget. Trump tweeted that the polls "
                "were rigged. Mr. Obama cited the jobs report as proof that the recovery was real.");
  REQUIRE(s.size() == 3);
  CHECK(s[0].cue == "pointed out");
  CHECK(s[0].text == "the state had balanced its budget");
  CHECK(s[1].cue == "tweeted");
  CHECK(s[2].canonical == "Obama");
}

TEST_CASE("the speaker is the person, not the bank, the city or the dateline") {
  auto s = find("Beryl W. Sprinkel, economist of Harris Trust & Savings Bank, Chicago, predicted that interest rates "
                "would rise by the fall.\n\nGENEVA - The talks on a nuclear test ban resumed on Monday. The Soviet "
                "delegate said his government would not accept inspections.");
  REQUIRE(s.size() == 2);
  CHECK(s[0].canonical == "Beryl Sprinkel");
  CHECK(s[1].canonical == "Soviet delegate");
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

TEST_CASE("the source of an opening according to ends at its comma; what follows is said") {
  auto s = find("According to the State Department, the ambassador will return to Moscow next week.");
  REQUIRE(s.size() == 1);
  CHECK(s[0].speaker == "the State Department");
  CHECK(s[0].text == "the ambassador will return to Moscow next week");
}

TEST_CASE("the person an apposition names is the speaker, not the description before it") {
  auto s = find("The mayor's spokesman, a former reporter named Ellen Park, told the council that the budget was "
                "balanced.");
  REQUIRE(s.size() == 1);
  CHECK(s[0].canonical == "Ellen Park");
}

TEST_CASE("a clause before a closing attribution is what was said, cue words inside it included") {
  auto s = find("Russia will respond to any expansion of NATO, Deputy Foreign Minister Sergei Ryabkov told the TASS "
                "news agency on Thursday.");
  REQUIRE(s.size() == 1);
  CHECK(s[0].canonical == "Sergei Ryabkov");
  CHECK(s[0].text == "Russia will respond to any expansion of NATO");
}

TEST_CASE("a clause gives way only to a closing source that names someone") {
  auto s = find("Dmitri Trenin, director of the Carnegie Moscow Center, said the Kremlin wanted guarantees on paper, not "
                "promises.");
  REQUIRE(s.size() == 1);
  CHECK(s[0].canonical == "Dmitri Trenin");
  CHECK(s[0].text.rfind("the Kremlin wanted guarantees on paper", 0) == 0);
}

TEST_CASE("what was called for is not cut to the clause after it") {
  auto s = find("President Vladimir Putin spoke on Friday. He also called for assurances that NATO would not expand "
                "eastward.");
  REQUIRE(s.size() == 1);
  CHECK(s[0].text == "assurances that NATO would not expand eastward");
}

TEST_CASE("the object of a cue's preposition, or whom it was told to, is not what was said") {
  auto s = find("Mr. Stoltenberg, 62, said in an interview with the BBC that the alliance had no plans to send troops.\n\n"
                "In Moscow, Premier Khrushchev told a party congress that the Soviet Union would sign a separate peace "
                "treaty with East Germany.");
  REQUIRE(s.size() == 2);
  CHECK(s[0].canonical == "Stoltenberg");
  CHECK(s[0].text == "the alliance had no plans to send troops");
  CHECK(s[1].text == "the Soviet Union would sign a separate peace treaty with East Germany");
}

TEST_CASE("an unnamed spokesman is known by whom he speaks for") {
  auto s = find("\"There will be consequences,\" a spokesman for the State Department said, declining to give details.");
  REQUIRE(s.size() == 1);
  CHECK(s[0].canonical == "spokesman for the State Department");
}

TEST_CASE("quoted as saying: the as is not the speaker's") {
  auto s = find("The newspaper Izvestia quoted a senior Kremlin official as saying that talks could resume next week.");
  REQUIRE(s.size() == 1);
  CHECK(s[0].speaker == "a senior Kremlin official");
}

TEST_CASE("a person of a place is the person, not the place") {
  auto s = find("The plan, which former Gov. Jeb Bush of Florida praised on Monday, would cut taxes. Later, former Gov. "
                "Jeb Bush of Florida said the plan would also create jobs.");
  REQUIRE(!s.empty());
  CHECK(s.back().canonical == "Jeb Bush");
}

TEST_CASE("a source inside a relative clause is not the speaker; the sentence's subject is") {
  auto s = find("Omar Haddad, who at the time was a Houston member of the Coalition, a network of small growers, said that "
                "the drought was changing attitudes towards the co-operative.");
  REQUIRE(s.size() == 1);
  CHECK(s[0].canonical == "Omar Haddad");
}

TEST_CASE("was quoted by an agency as saying: the speaker is the one quoted") {
  auto s = find("Iranian Foreign Minister Mohammad Javad Zarif spoke in Tehran.\n\n\"We have not violated the deal,\" "
                "Zarif was quoted by the ISNA news agency as saying.");
  REQUIRE(s.size() == 1);
  CHECK(s[0].speaker == "Zarif");
  CHECK(s[0].canonical == "Mohammad Javad Zarif");
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

TEST_CASE("spans keep the words around a parenthetical cue and leave appositions out") {
  auto s = find("The prisoners, he said, had escaped through a tunnel under the wall. \"We will find them,\" Capt. "
                "Elmer Hagner said, \"and we will bring them back.\"\n\nThe escape was planned for weeks, according to "
                "Capt. Elmer Hagner, chief of Anne Arundel detectives.");
  REQUIRE(s.size() == 3);
  CHECK(s[0].text.find("The prisoners") == 0);
  CHECK(s[0].text.find("escaped through a tunnel") != std::string::npos);
  CHECK(s[1].canonical == "Elmer Hagner");
  CHECK(s[1].text.find("and we will bring them back") != std::string::npos);
  CHECK(s[2].canonical == "Elmer Hagner");
  CHECK(s[2].text == "The escape was planned for weeks");
}

TEST_CASE("confidence is a probability: named speakers of plain reported speech rank above the doubtful") {
  auto s = find("Foreign Minister Sergey Lavrov said the talks would go on. Things have changed over the years.");
  REQUIRE(s.size() == 1);
  CHECK(s[0].confidence >= 0.8f);
  CHECK(s[0].confidence <= 1.0f);
}

TEST_CASE("a relative clause's speaker is the person it is about") {
  auto s = find("The loudest applause went to Senator Ted Cruz, who said he would only use waterboarding sparingly.");
  REQUIRE(s.size() == 1);
  CHECK(s[0].canonical == "Ted Cruz");
  CHECK(s[0].text == "he would only use waterboarding sparingly");
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

TEST_CASE("a quotation standing as its own paragraph after \"X continued:\" is X's") {
  // Its confidence is about one in two: the candidates, before the calibrator.
  auto s = find_unfiltered("Mayor Robert Wagner spoke for an hour at City Hall. Wagner continued:\n\n"
                "\"We will not yield on this point. The city will not pay.\"\n\n"
                "Senator John Smith spoke on the budget, and then he added:\n\n"
                "\"The people of this state deserve better.\"");
  const Found* wagner = saying(s, "The city will not pay");
  REQUIRE(wagner);
  CHECK(wagner->canonical == "Robert Wagner");
  CHECK(wagner->text.find("We will not yield") == 0);  // both sentences of the quotation
  const Found* smith = saying(s, "deserve better");
  REQUIRE(smith);
  CHECK(smith->canonical == "John Smith");  // the subject goes on in "and then he added"
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
  REQUIRE(s.size() == 2);
  CHECK(s[0].canonical == "Joseph Reilly");
  CHECK(s[1].canonical == "Hank Stram");
}

TEST_CASE("what was said before a long speaker phrase and its cue is the statement") {
  auto s = find("The plan drew fire on Monday. The tariff cuts will help exporters, E. M. Martin, assistant secretary "
                "of state for economic affairs told members of the World Affairs Council Monday night.");
  REQUIRE(s.size() == 1);
  CHECK(s[0].canonical == "Martin");
  CHECK(s[0].cue == "told");
  CHECK(s[0].text == "The tariff cuts will help exporters");
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

TEST_CASE("wire constructions: the unnamed official, whom a quotation was told to, where a name ends") {
  auto s = find("GENEVA, March 13 - The chief American negotiator, Max M. Kampelman, arrived on Monday. ''This is a "
                "beginning,'' Mr. Kampelman told reporters outside the Soviet mission.\n\n"
                "The official, who asked not to be named, said Washington would table a proposal in April.\n\n"
                "''We are not naive,'' said Secretary of State George P. Shultz in a television interview.");
  const Found* kampelman = saying(s, "This is a beginning");
  REQUIRE(kampelman);
  CHECK(kampelman->text == "This is a beginning");  // not "... told reporters outside the Soviet mission"
  const Found* official = saying(s, "table a proposal");
  REQUIRE(official);
  CHECK(official->canonical == "official");  // the source of "said", not the "who" of "asked"
  const Found* shultz = saying(s, "not naive");
  REQUIRE(shultz);
  CHECK(shultz->canonical == "George Shultz");
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

TEST_CASE("the older inversion: \"...,\" said he") {
  auto s = find("Valerian A. Zorin, the Soviet delegate, refused to answer. \"I am not in an American courtroom,\" "
                "said he.");
  const Found* zorin = saying(s, "courtroom");
  REQUIRE(zorin);
  CHECK(zorin->canonical == "Valerian Zorin");
  CHECK(zorin->text == "I am not in an American courtroom");
}

TEST_CASE("a cue with no source of its own is said by the sentence's subject") {
  auto s = find("Chancellor Ludwig Erhard met the ambassador on Tuesday. Erhard defended the treaty in a long speech "
                "to the Bundestag and warned that the alliance would not survive another crisis.");
  const Found* erhard = saying(s, "survive");
  REQUIRE(erhard);
  CHECK(erhard->canonical == "Ludwig Erhard");
  CHECK(erhard->text == "the alliance would not survive another crisis");
}

TEST_CASE("a quotation followed at once by 'she said' is hers, whatever cue stands before it") {
  for (const char* lead : {"Calder followed up by lamenting the endless tasks her job entails, especially travel:",
                           "Calder complained about the tasks her job entails, especially travel:"}) {
    CAPTURE(lead);
    auto s = find(std::string("Senator Ruth Calder spent the afternoon in Ottawa.\n\nA few minutes later, ") + lead +
                  " \u201cThere is a mountain of forms on every desk,\u201d she said.");
    const Found* calder = saying(s, "mountain of forms");
    REQUIRE(calder);
    CHECK(calder->cue == "said");
    CHECK(calder->canonical == "Ruth Calder");
    CHECK(calder->text == "There is a mountain of forms on every desk");
  }
}

TEST_CASE("a share of those polled who said something speaks as a group") {
  auto s = find("Asked about the treaty, 46 percent of voters said yes, compared with 23 percent who said the talks "
                "should stop.");
  const Found* share = saying(s, "talks should stop");
  REQUIRE(share);
  CHECK(share->canonical == "23 percent");
}

TEST_CASE("a sentence opening with 'according to' names its source up to the comma and says the rest") {
  auto s = find("According to the itinerary released on Monday, the envoy is scheduled to arrive in Vienna next week.\n\n"
                "According to court filings, the minister holds a stake estimated at two million euros.");
  const Found* itinerary = saying(s, "scheduled to arrive");
  REQUIRE(itinerary);
  CHECK(itinerary->cue == "According to");
  CHECK(itinerary->text == "the envoy is scheduled to arrive in Vienna next week");
  const Found* filings = saying(s, "stake estimated");
  REQUIRE(filings);
  CHECK(filings->cue == "According to");
}

TEST_CASE("words before an inverted 'said X' are what X said, not X's rival for the source") {
  auto s = find("Any honest reading of the minister's remarks, said Anna Lindqvist, an analyst at the Swedish Institute "
                "of International Affairs, would take them as a retreat from the treaty.");
  const Found* lindqvist = saying(s, "retreat from the treaty");
  REQUIRE(lindqvist);
  CHECK(lindqvist->canonical == "Anna Lindqvist");
  CHECK(lindqvist->text.rfind("Any honest reading", 0) == 0);
}

TEST_CASE("three apostrophes after a word close the inner quotation, then the outer one") {
  // ''Sometimes they say, 'Yeah, go back,''' said Mr. Alvarez: the single mark first. Read the
  // other way round, a stray apostrophe stood after the quotation, and a model tagged it as
  // the speaker of what followed.
  const std::string text = "''Sometimes they say, 'Yeah, go back,''' said Mr. Alvarez. He added: '''Back' is a word.''";
  const auto stream = attribution::read_words(text);
  std::string marks;  // each apostrophe mark in brackets
  for (const auto& w : stream.words)
    if (w.punctuation() && w.text.find('\'') != std::string::npos) marks += "[" + w.text + "]";
  CHECK(marks == "['']['][']['']['']['][']['']");
  REQUIRE(stream.quotations.size() == 2);
}

TEST_CASE("reported speech keeps its cue when the next sentence's cue stands nearer") {
  // Between "told" and what was told stand the addressee and a time; the next sentence's cue is
  // fewer words away from the content's end. Content outside quotation marks belongs to a cue of
  // its own sentence: taking the nearer one dropped the statement.
  auto s = find("CIA Director John Brennan told a Senate Intelligence Committee hearing on Thursday that the agency "
                "had not been able to uncover any direct link between the gunman and militants abroad. A married "
                "couple also claiming allegiance to the group shot dead 14 people in December.");
  REQUIRE(!s.empty());
  CHECK(s[0].canonical == "John Brennan");  // an agency's acronym before a title describes the person
  CHECK(s[0].text.rfind("the agency had not been able", 0) == 0);
}

TEST_CASE("a source the tagger broke around a few words before its cue is one source") {
  // "... a supporter of Hillary Clinton's 2016 bid for the presidency told host Chris Cuomo": with
  // "2016 bid for" left unlabelled, the cue took the nearer half, "the presidency", as its speaker.
  using namespace attribution;
  const std::string text = "Sen. Kristen Gillibrand, a supporter of her 2016 bid for the presidency told host Chris "
                           "Cuomo she believed it. Officials of the two big unions said so.";
  const auto stream = read_words(text);
  std::vector<uint8_t> labels(stream.words.size(), O);
  auto at = [&](std::string_view word) {
    for (uint32_t k = 0; k < stream.words.size(); ++k)
      if (stream.words[k].text == word) return k;
    FAIL("no word " << word);
    return 0u;
  };
  for (uint32_t k = at("Sen."); k <= at("her"); ++k) labels[k] = k == at("Sen.") ? B_SOURCE : I_SOURCE;
  labels[at("the")] = B_SOURCE;
  labels[at("presidency")] = I_SOURCE;
  labels[at("told")] = B_CUE;
  for (uint32_t k = at("she"); k <= at("it"); ++k) labels[k] = k == at("she") ? B_CONTENT : I_CONTENT;
  labels[at("Officials")] = B_SOURCE;  // four words from the next source: not joined
  labels[at("unions")] = B_SOURCE;
  labels[at("said")] = B_CUE;
  join_broken_sources(stream, labels);
  for (uint32_t k = at("Sen.") + 1; k <= at("presidency"); ++k) CHECK(labels[k] == I_SOURCE);
  CHECK(labels[at("Officials")] == B_SOURCE);
  CHECK(labels[at("two")] == O);
  CHECK(labels[at("unions")] == B_SOURCE);
}

TEST_CASE("who after an apposition stands for the name the apposition describes") {
  // "an influential Hispanic Republican" is capitalised, but it describes Lionel Sosa; the
  // tagger's source may also take the antecedent in ("a Republican who").
  auto s = find("Lionel Sosa, a Texas media consultant and an influential Hispanic Republican who said he would vote "
                "for the senator, was not alone. Mr. Guerrero, a Republican who described himself as loyal, said the "
                "party had changed.");
  REQUIRE(s.size() >= 2);
  CHECK(s[0].canonical == "Lionel Sosa");
  CHECK(s.back().canonical == "Guerrero");
  for (const auto& statement : s) CHECK(statement.canonical.find("Republican") == std::string::npos);
}

TEST_CASE("a relative clause taken for the source stands for its antecedent") {
  // The tagger may take "who identifies as Hispanic" for the source of "told".
  auto s = find_unfiltered("Zimmerman, who identifies as Hispanic, told the Orlando Sentinel that the site was not prepared for "
                "the traffic. The senator, who spoke to Iowans, said the caucus was close.");
  REQUIRE(s.size() == 2);
  CHECK(s[0].canonical == "Zimmerman");
  CHECK(s[1].canonical == "senator");  // not "spoke to Iowans"
}

TEST_CASE("when and where the cue was said come before the that which opens what was said") {
  auto s = find("Cruz said Thursday during taping of a MSNBC town hall in Buffalo, New York, that states can pass such "
                "laws because the people should decide.");
  REQUIRE(s.size() == 1);
  CHECK(s[0].text == "states can pass such laws because the people should decide");
}

TEST_CASE("a subject that takes over from a place in the source is the speaker as written") {
  auto s = find("Hillary Clinton campaigned across Appalachia last week.\n\n"
                "Clinton, during a town hall meeting in Columbus, Ohio, said she was going to put a lot of coal "
                "companies out of business.");
  REQUIRE(s.size() == 1);
  CHECK(s[0].speaker == "Clinton");
  CHECK(s[0].canonical == "Hillary Clinton");
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

TEST_CASE("a party and state in brackets after a name describe it; a wire service's in a dateline does not end the source") {
  auto s = find("Sen. Pat Toomey (R-Pa.) said he would not endorse anyone before the convention.\n\n"
                "\"We will win,\" said Sen. Roy Blunt (R-Mo.), who faces a tough race.\n\n"
                "MACAU (Reuters) - Top Republican Party donor Sheldon Adelson said he met the candidate twice.");
  REQUIRE(s.size() == 3);
  CHECK(s[0].speaker == "Sen. Pat Toomey");
  CHECK(s[0].canonical == "Pat Toomey");
  CHECK(s[1].canonical == "Roy Blunt");
  CHECK(s[2].canonical == "Sheldon Adelson");
}

TEST_CASE("thoughts and deeds are no statements: reported speech needs a verb of saying or a colon") {
  using attache::indexer::attribution::is_speech_act;
  using attache::indexer::attribution::StatementEvidence;
  StatementEvidence believes;  // "Trump believes the wall will be built": no cue of the lexicon
  CHECK_FALSE(is_speech_act(StatementKind::reported, believes));
  CHECK(is_speech_act(StatementKind::direct, believes));  // a quotation is said, whatever the verb
  CHECK(is_speech_act(StatementKind::mixed, believes));
  StatementEvidence said = believes;
  said.lexicon_cue = true;
  CHECK(is_speech_act(StatementKind::reported, said));
  StatementEvidence colon = believes;
  colon.colon = true;
  CHECK(is_speech_act(StatementKind::reported, colon));
  auto s = find_unfiltered("Clinton said the debate schedule was settled months ago. According to her campaign, the candidates "
                "will meet again in the fall.");
  REQUIRE(s.size() == 2);  // "according to" is a cue of saying though not in the verb lexicon
  CHECK(s[1].canonical == "campaign");
}

TEST_CASE("an adverb between the speaker and the verb is not part of the speaker") {
  using namespace attribution;
  auto source_of = [](const std::string& text, size_t words) {
    const auto stream = read_words(text);
    uint32_t first = 0, last = static_cast<uint32_t>(words - 1);
    trim_source(stream.words, first, last);
    std::string out;
    for (uint32_t k = first; k <= last; ++k) out += (out.empty() ? "" : " ") + stream.words[k].text;
    return out;
  };
  CHECK(source_of("Mr. Rubio defiantly said no.", 3) == "Mr. Rubio");
  CHECK(source_of("Melissa Cronin of Gawker then wrote it.", 5) == "Melissa Cronin of Gawker");
  CHECK(source_of("Cruz himself said no.", 2) == "Cruz");
  CHECK(source_of("The Trump family said no.", 3) == "The Trump family");  // a noun in -ly stays
  CHECK(source_of("A CNN tally said so.", 3) == "A CNN tally");
}

TEST_CASE("a clause before ', federal officials said' is what they said, whatever the tagger found inside it") {
  auto s = find("The ministry has not yet approved the new rules for exporters, federal officials said.\n\n"
                "Moscow has moved more troops to the border, several Western governments said on Monday.");
  REQUIRE(s.size() == 2);
  CHECK(s[0].speaker == "federal officials");
  CHECK(s[0].text == "The ministry has not yet approved the new rules for exporters");
  CHECK(s[1].speaker == "several Western governments");
  CHECK(s[1].text == "Moscow has moved more troops to the border");
}

TEST_CASE("a description after the subject and its comma is the subject's: the speaker is the person, not a place in it") {
  auto s = find("Ted Cruz won most delegates in Wyoming on Saturday.\n\n"
                "Cruz, the only Republican candidate to campaign in Wyoming, told the crowd that their votes could "
                "help him win.\n\n"
                "Significantly, the judge said the sentence would stand.");
  REQUIRE(s.size() == 2);
  CHECK(s[0].speaker == "Cruz");
  CHECK(s[0].canonical == "Ted Cruz");
  CHECK(s[1].speaker == "the judge");
}

namespace {

// The candidates the extractor makes of `text` when the tagger labels it as `label` says: a
// tagger trained on that one text until it repeats the labels.
std::vector<attribution::Candidate> candidates_labelled(const std::string& text,
                                                        const std::function<attribution::Label(std::string_view)>& label) {
  using namespace attribution;
  const WordStream stream = read_words(text);
  const std::vector<Sequence> sequences = tagged_sequences(stream);
  const WordFeatures features = extract_features(stream, sequences, 16);
  std::vector<uint8_t> gold;
  for (const Word& w : stream.words) gold.push_back(label(w.text));
  TaggerTrainer trainer(16);
  for (int epoch = 0; epoch < 20; ++epoch)
    for (const Sequence& s : sequences)
      trainer.learn(features, s.first, s.end, std::vector<uint8_t>(gold.begin() + s.first, gold.begin() + s.end));
  return extract_candidates(text, Tagger(trainer.finish()));
}

// What a candidate says, as text.
std::string said(const std::string& text, const attribution::Candidate& c) {
  return text.substr(c.statement.begin, c.statement.end - c.statement.begin);
}

}  // namespace

TEST_CASE("an adverb the tagger took for the source leaves the speaking to the sentence's subject") {
  using namespace attribution;
  const std::string text = "House Republican Thomas Massie used to support Rand Paul, but now said Trump had the chance "
                           "to bring us together. Many of his colleagues, some said, disagree with him.";
  // Each content opens with its first word and runs to the sentence's end (the comma pair aside).
  bool content = false;
  auto c = candidates_labelled(text, [&](std::string_view w) -> Label {
    if (w == "now" || w == "some") return content = false, B_SOURCE;
    if (w == "said") return B_CUE;
    if (w == "Trump" || w == "Many" || w == "disagree") return content = true, B_CONTENT;
    if (w == "." || w == ",") return content ? (content = false, O) : O;
    return content ? I_CONTENT : O;
  });
  REQUIRE(c.size() == 2);
  CHECK(c[0].statement.speaker == "House Republican Thomas Massie");
  CHECK(c[1].statement.speaker == "some");  // a quantifier speaks for itself
}

TEST_CASE("after an opening quotation, the name and the description after it speak, not a place in the description") {
  auto s = find("Donald Trump praised Matthew Boyle on Monday.\n\n"
                "\u201cVery good reporter, very good reporter this guy,\u201d Trump, the 2016 GOP presidential frontrunner "
                "nationally and current polling leader in South Carolina by a wide margin after winning the New "
                "Hampshire primaries, said when Boyle asked him a question.");
  REQUIRE(!s.empty());
  CHECK(s[0].text == "Very good reporter, very good reporter this guy");
  CHECK(s[0].speaker == "Trump");
  CHECK(s[0].canonical == "Donald Trump");
}

TEST_CASE("a quotation before 'He added:' is the second half of the one before it, not what he added") {
  auto s = find("On his blog on Tuesday, Curt Schilling did not back down.\n\n"
                "''Let's make one thing clear right upfront,'' he wrote. ''If you get offended by ANYTHING in this "
                "post, that's your fault, all yours.'' He added: ''This latest brew ha ha is beyond hilarious.''");
  REQUIRE(s.size() == 2);
  CHECK(s[0].cue == "wrote");
  CHECK(s[0].text.find("If you get offended by ANYTHING") != std::string::npos);
  CHECK(s[1].cue == "added:");
  CHECK(s[1].text == "This latest brew ha ha is beyond hilarious");
}

TEST_CASE("one who 'was quoted' or 'was cited' as saying spoke: such a cue is not a passive one of the addressee") {
  using namespace attribution;
  // PolNeAR labels "Braynard is quoted as saying" so: the one quoted is the source, "is quoted" the cue.
  const std::string text = "\"We have not violated the deal,\" Zarif was quoted by the ISNA news agency as saying. "
                           "The minister was cited as saying that talks would resume in Vienna next week.";
  bool content = false;
  auto c = candidates_labelled(text, [&](std::string_view w) -> Label {
    if (w == "Zarif" || w == "minister") return content = false, w == "minister" ? I_SOURCE : B_SOURCE;
    if (w == "The") return B_SOURCE;
    if (w == "was") return B_CUE;
    if (w == "quoted" || w == "cited") return I_CUE;
    if (w == "We" || w == "talks") return content = true, B_CONTENT;
    if (w == "\"" || w == ".") return content ? (content = false, O) : O;
    return content ? I_CONTENT : O;
  });
  REQUIRE(c.size() == 2);
  CHECK(c[0].statement.speaker == "Zarif");
  CHECK(said(text, c[0]) == "We have not violated the deal");
  CHECK(c[1].statement.speaker == "The minister");
  CHECK(said(text, c[1]) == "talks would resume in Vienna next week");
}

TEST_CASE("an auxiliary closing the source belongs to the verb: 'Putin, who has increasingly described'") {
  using namespace attribution;
  const std::string text = "Russian President Vladimir V. Putin, who has increasingly described NATO's eastward "
                           "expansion as an existential threat to his country, said on Friday that talks would go on.";
  bool content = false, source = false;
  auto c = candidates_labelled(text, [&](std::string_view w) -> Label {
    if (w == "Russian") return source = true, B_SOURCE;
    if (w == "increasingly") return source = false, O;
    if (source) return I_SOURCE;
    if (w == "described" || w == "said") return B_CUE;
    if (w == "NATO's" || w == "talks") return content = true, B_CONTENT;
    if (w == "," || w == ".") return content ? (content = false, O) : O;
    return content ? I_CONTENT : O;
  });
  REQUIRE(!c.empty());
  CHECK(c[0].statement.speaker == "Russian President Vladimir V. Putin");
}

TEST_CASE("the sentence's subject follows an opening adverbial: 'Shortly afterward, McCain went on Twitter, saying'") {
  using namespace attribution;
  // The tagger leaves the sources out; the subject of each sentence speaks.
  const std::string text = "Shortly afterward, McCain went on Twitter, saying he meant the president's decisions. "
                           "Like Corker, Menendez rejected the bill, arguing the waivers were flexible. "
                           "But Clinton took the stage, promising the rules were clear.";
  bool content = false, after_cue = false;
  auto c = candidates_labelled(text, [&](std::string_view w) -> Label {
    if (w == "saying" || w == "arguing" || w == "promising") return after_cue = true, B_CUE;
    if (w == ".") return content = after_cue = false, O;
    if (after_cue) return content ? I_CONTENT : (content = true, B_CONTENT);
    return O;
  });
  REQUIRE(c.size() == 3);
  CHECK(c[0].statement.speaker == "McCain");
  CHECK(c[1].statement.speaker == "Menendez");
  CHECK(c[2].statement.speaker == "Clinton");
}

TEST_CASE("a relative pronoun just before a cue is its subject, even inside the content before it") {
  using namespace attribution;
  // The tagger ran the first statement's content over "23 percent who".
  const std::string text = "In the poll 46 percent of voters said yes, compared with 23 percent who said the talks should stop.";
  bool content = false;
  auto c = candidates_labelled(text, [&](std::string_view w) -> Label {
    if (w == "46") return B_SOURCE;
    if (w == "said") return content = false, B_CUE;
    if (w == "yes" || w == "the") return content = true, B_CONTENT;
    if (w == ".") return content = false, O;
    if (w == "percent" || w == "of" || w == "voters") return content ? I_CONTENT : I_SOURCE;
    return content ? I_CONTENT : O;
  });
  REQUIRE(c.size() == 2);
  CHECK(said(text, c[1]) == "the talks should stop");
  CHECK(c[1].statement.speaker == "23 percent");
}

TEST_CASE("a quotation closed just before a speaker and a cue is theirs, though the content before ran into it") {
  using namespace attribution;
  const std::string text = "Later, Calder followed up by lamenting the tasks of her job: \u201cThere is a mountain of forms on "
                           "every desk,\u201d she said.";
  bool content = false;
  auto c = candidates_labelled(text, [&](std::string_view w) -> Label {
    if (w == "Calder" || w == "she") return content = false, B_SOURCE;
    if (w == "followed" || w == "said") return B_CUE;
    if (w == "up" || w == "by" || w == "lamenting") return I_CUE;
    if (w == "the") return content = true, B_CONTENT;
    if (w == ".") return O;
    return content ? I_CONTENT : O;
  });
  const auto quotation = std::find_if(c.begin(), c.end(), [&](const Candidate& k) {
    return said(text, k) == "There is a mountain of forms on every desk";
  });
  REQUIRE(quotation != c.end());
  CHECK(quotation->statement.speaker == "she");
}

TEST_CASE("one quoted as saying is the source of what follows, not the start of the newspaper's content") {
  using namespace attribution;
  const std::string text = "The newspaper Izvestia quoted a senior Kremlin official as saying that talks could resume next week.";
  bool content = false;
  auto c = candidates_labelled(text, [&](std::string_view w) -> Label {
    if (w == "The") return B_SOURCE;
    if (w == "newspaper" || w == "Izvestia") return I_SOURCE;
    if (w == "quoted") return B_CUE;
    if (w == "a") return content = true, B_CONTENT;
    if (w == ".") return O;
    return content ? I_CONTENT : O;
  });
  REQUIRE(c.size() == 1);
  CHECK(c[0].statement.speaker == "a senior Kremlin official");
  CHECK(said(text, c[0]) == "talks could resume next week");
}

TEST_CASE("an auxiliary alone is no cue of saying") {
  using namespace attribution;
  // As a two-pass model labelled it: the source up to "have", the rest content.
  Label part = B_SOURCE;
  auto c = candidates_labelled("The so-called \"peacekeepers\" have not been seen, and the talks, nicknamed \"Normandy\", "
                               "stalled.",
                               [&](std::string_view w) -> Label {
                                 if (w == "have") return part = B_CONTENT, B_CUE;
                                 if (w == ".") return O;
                                 const Label label = part;
                                 part = part == B_SOURCE ? I_SOURCE : part == B_CONTENT ? I_CONTENT : part;
                                 return label;
                               });
  CHECK(c.empty());
}

TEST_CASE("a word's lower-case hash is the hash of its lower case, for any bytes") {
  using namespace attribution;
  std::mt19937 rng(7);
  for (int n = 0; n < 2000; ++n) {
    std::string word(rng() % 12, ' ');
    for (char& c : word) c = static_cast<char>(rng() % 256);
    CHECK(hash_lowered(word) == hash_text(lowered(word)));
  }
  CHECK(hash_lowered("McCain's") == hash_text("mccain's"));
}

TEST_CASE("a dateline is not the subject who speaks when the tagger found no source") {
  // The tagger labelled a cue and a quotation but no source; the sentence's subject speaks,
  // and the capitals of the dateline before it are a place, not that subject.
  using namespace attribution;
  const std::string text = "WASHINGTON, Dec. 8 (UPI) \u2014 Senator Mary Okafor rallied supporters, saying: "
                           "\u201cWe have to be ready to stop him.\u201d";
  bool content = false;
  auto c = candidates_labelled(text, [&](std::string_view w) -> Label {
    if (w == "saying") return B_CUE;
    if (w == ":") return I_CUE;
    if (w == "\u201c") return content = true, B_CONTENT;
    if (w == "\u201d") return content = false, I_CONTENT;
    return content ? I_CONTENT : O;
  });
  REQUIRE(c.size() == 1);
  CHECK(c[0].statement.speaker == "Senator Mary Okafor");
  CHECK(c[0].evidence.source_subject);
}

TEST_CASE("an honorific does not end a source: the name after it is the source's") {
  // The tagger ended the source at "Mr." and opened the content with "Trump".
  using namespace attribution;
  const std::string text = "By the end of the day, Mr. Trump was forced into damage control and said that his "
                           "words had been misconstrued.";
  bool content = false;
  auto c = candidates_labelled(text, [&](std::string_view w) -> Label {
    if (w == "Mr.") return B_SOURCE;
    if (w == "Trump" || w == "that") return content = true, B_CONTENT;
    if (w == "said") return content = false, B_CUE;
    if (w == ".") return content = false, O;
    return content ? I_CONTENT : O;
  });
  REQUIRE(!c.empty());
  CHECK(c.back().statement.speaker == "Mr. Trump");
  CHECK(said(text, c.back()).ends_with("his words had been misconstrued"));
}
