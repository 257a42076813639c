// Speakers' names as names (indexer/src/attribution/speaker_names.cc): what
// stands before a name is its description, stray words are dropped, and each
// speaker has a kind. Articles written for these tests.
#include <doctest/doctest.h>

#include "attache/indexer/statements.h"

using namespace attache::indexer;

namespace {

Statement said(std::string canonical, bool group = false) {
  Statement s;
  s.speaker = canonical;
  s.canonical = std::move(canonical);
  s.group = group;
  return s;
}

Statement normalised(const std::string& canonical, bool group = false, std::string_view text = "") {
  std::vector<Statement> v{said(canonical, group)};
  normalise_speakers(text, v);
  return v[0];
}

}  // namespace

TEST_CASE("titles, offices, parties and places before a name become its description") {
  auto cruz = normalised("Texas Sen. Ted Cruz");
  CHECK(cruz.canonical == "Ted Cruz");
  CHECK(cruz.description == "Texas Sen.");
  CHECK(cruz.speaker_kind == SpeakerKind::person);
  CHECK(normalised("New Jersey Gov. Chris Christie").canonical == "Chris Christie");
  CHECK(normalised("Republican U.S. House Speaker Paul Ryan").description == "Republican U.S. House Speaker");
  CHECK(normalised("Democrat Hillary Clinton").canonical == "Hillary Clinton");
  CHECK(normalised("Labor Secretary Thomas Perez").canonical == "Thomas Perez");
  CHECK(normalised("Sens. Robert Menendez").canonical == "Robert Menendez");
  CHECK(normalised("New York Mayor Bill de Blasio").canonical == "Bill de Blasio");
  CHECK(normalised("Los Angeles-area Sanders").canonical == "Sanders");
  CHECK(normalised("Deputy Foreign Minister Sergei A. Ryabkov").canonical == "Sergei A. Ryabkov");
}

TEST_CASE("a surname that is also a title or a common word stays a name; a place-named person too") {
  CHECK(normalised("Rep. Steve King").canonical == "Steve King");
  CHECK(normalised("Prime Minister Theresa May").canonical == "Theresa May");
  CHECK(normalised("Virginia Foxx").canonical == "Virginia Foxx");
  CHECK(normalised("Joseph Biden Jr.").canonical == "Joseph Biden Jr.");
}

TEST_CASE("stray words are no part of a name, and a headline is no description") {
  CHECK(normalised("To Sexton").canonical == "Sexton");
  CHECK(normalised("Does Rubio").canonical == "Rubio");
  CHECK(normalised("Some Clinton").canonical == "Clinton");
  auto headline = normalised("Make China Take Care Of North Korea Donald Trump");
  CHECK(headline.canonical == "Donald Trump");
  CHECK(headline.description.empty());
  // One word that the article otherwise writes in lower case is no name.
  auto taking = normalised("Taking", false, "Taking office, she said so. Nobody is taking it back, taking part.");
  CHECK(taking.speaker_kind != SpeakerKind::person);
}

TEST_CASE("kinds: groups, organisations and institutions, publications") {
  CHECK(normalised("officials", true).speaker_kind == SpeakerKind::group);
  CHECK(normalised("Republicans").speaker_kind == SpeakerKind::group);
  CHECK(normalised("U.S. officials", true).canonical == "U.S. officials");
  auto state = normalised("the State Department", true);
  CHECK(state.canonical == "State Department");
  CHECK(state.speaker_kind == SpeakerKind::organisation);
  CHECK(normalised("the Kremlin", true).speaker_kind == SpeakerKind::organisation);
  CHECK(normalised("Suffolk University").speaker_kind == SpeakerKind::organisation);
  CHECK(normalised("RNC").speaker_kind == SpeakerKind::organisation);
  auto huffpost = normalised("The Huffington Post");
  CHECK(huffpost.canonical == "Huffington Post");
  CHECK(huffpost.speaker_kind == SpeakerKind::publication);
  CHECK(normalised("New York Times").speaker_kind == SpeakerKind::publication);
  CHECK(normalised("Reuters").speaker_kind == SpeakerKind::publication);
  // A phrase that is not a name is never a person.
  CHECK(normalised("Florida-based Republican").speaker_kind != SpeakerKind::person);
  CHECK(normalised("a source").speaker_kind != SpeakerKind::person);
  CHECK(normalised("Mrs. Clinton's advisers").speaker_kind != SpeakerKind::person);
}

TEST_CASE("within an article a person is described as introduced; surnames are the extractor's to resolve") {
  std::vector<Statement> v{said("Texas Sen. Ted Cruz"), said("Ted Cruz")};
  normalise_speakers("", v);
  for (const auto& s : v) {
    CHECK(s.canonical == "Ted Cruz");
    CHECK(s.description == "Texas Sen.");
  }
  // The extractor leaves a bare surname only for someone else ("President Kennedy" beside
  // "First Lady Jacqueline Kennedy"); it is not joined here.
  std::vector<Statement> two{said("First Lady Jacqueline Kennedy"), said("Kennedy")};
  normalise_speakers("", two);
  CHECK(two[1].canonical == "Kennedy");
}

TEST_CASE("the extractor's statements come out normalised") {
  auto s = extract_statements("Texas Sen. Ted Cruz said the deal was dead. \"It is over,\" Cruz said.");
  REQUIRE(s.size() == 2);
  for (const auto& st : s) {
    CHECK(st.canonical == "Ted Cruz");
    CHECK(st.description == "Texas Sen.");
    CHECK(st.speaker_kind == SpeakerKind::person);
  }
}

TEST_CASE("a capitalised word the article writes in lower case opened the sentence; it is not part of the name") {
  std::vector<Statement> v{said("Year Barack Obama")};
  normalise_speakers("Last year the economy grew. Year Barack Obama said the year ahead would be better.", v);
  CHECK(v[0].canonical == "Barack Obama");
}

TEST_CASE("a participle or a conjunction opening the phrase is no part of the name; headline words are no description") {
  CHECK(normalised("Entrusting Donald Trump").canonical == "Donald Trump");
  CHECK(normalised("Wherever Hillary Clinton").canonical == "Hillary Clinton");
  CHECK(normalised("Sterling Brown").canonical == "Sterling Brown");  // two words: a name, whatever it ends with
  auto headline = normalised("China Take Care Of North Korea Donald Trump");
  CHECK(headline.canonical == "Donald Trump");
  CHECK(headline.description.empty());
  CHECK(normalised("Manhattan-made Mr. Donald Trump").description == "Manhattan-made");
  CHECK(normalised("Democrats Hillary Clinton").description.empty());
  CHECK(normalised("Democrat Hillary Clinton").description == "Democrat");
  CHECK(normalised("Clinton Communications Director Jennifer Palmieri").description == "Clinton Communications Director");
}

TEST_CASE("someone unnamed in an organisation is not the organisation") {
  CHECK(normalised("senior Administration official", true).speaker_kind == SpeakerKind::group);
  CHECK(normalised("State Department", true).speaker_kind == SpeakerKind::organisation);
}

TEST_CASE("a resolved person is described by the titles written before the name") {
  std::vector<Statement> v{said("John Kerry"), said("John Kerry")};
  v[0].speaker = "Secretary of State John Kerry";
  v[1].speaker = "Kerry";
  normalise_speakers("", v);
  CHECK(v[0].description == "Secretary of State");
  CHECK(v[1].description == "Secretary of State");  // as introduced, for the rest of the article
  std::vector<Statement> w{said("Ali Vaez")};
  w[0].speaker = "Ali Vaez, 38, an analyst at the International Crisis Group";
  normalise_speakers("", w);
  CHECK(w[0].description.empty());  // what follows the name is no title before it
}

TEST_CASE("another person's honorific makes no description") {
  CHECK(normalised("Mr. Rubio and Senator Ted Cruz").description.empty());
  CHECK(normalised("GOP presidential candidate Dr. Ben Carson").description == "GOP presidential candidate");
}

TEST_CASE("'Under' opening a title is part of it (regression: Wendy Sherman described as Secretary of State)") {
  CHECK(normalised("Under Secretary of State Wendy Sherman").description == "Under Secretary of State");
  CHECK(normalised("Under Sexton").canonical == "Sexton");  // a preposition before a name is still none of it
}

TEST_CASE("the description comes from the part of the phrase that names the person") {
  std::vector<Statement> v{said("Wendy Sherman"), said("Mohammad Javad Zarif")};
  v[0].speaker = "Her American counterpart, Under Secretary of State Wendy Sherman";
  v[1].speaker = "Iran's foreign minister, Mohammad Javad Zarif";
  normalise_speakers("", v);
  CHECK(v[0].description == "Under Secretary of State");
  CHECK(v[1].description == "Iran's foreign minister");
}
