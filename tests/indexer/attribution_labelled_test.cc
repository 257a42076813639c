// The rules on labels given by hand: each test trains a tagger on its one text until it labels it
// as the tagger on real news once did, and checks what the rules make of those labels.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "attribution/extraction.h"
#include "attribution/tagger.h"
#include "attribution/words.h"

using namespace attache::indexer;

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

namespace {

// Labels given word by word, in the order of the text's words; a text of more words than labels
// gets O for the rest, and `given` says how many were asked for, so a test can check the count.
std::function<attribution::Label(std::string_view)> in_order(std::vector<int> labels, size_t& given) {
  given = 0;
  return [labels, &given](std::string_view) {
    const size_t k = given++;
    return static_cast<attribution::Label>(k < labels.size() ? labels[k] : 0);
  };
}

}  // namespace

// Session 24: labels another training of the tagger gave (PolNeAR with articles of other
// publishers), which rules had read only as the built-in model labels them.
TEST_CASE("a name in apposition the tagger began as a source of its own joins the description before it") {
  const std::string text = "A spokesman for the president of Russia, Vladimir Putin, said the talks were over.";
  size_t given = 0;
  auto c = candidates_labelled(text, in_order({1, 2, 2, 2, 2, 2, 2, 0, 1, 2, 2, 3, 5, 6, 6, 6, 0}, given));
  CHECK(given == 17);
  REQUIRE(c.size() == 1);
  CHECK(c[0].statement.canonical.find("spokesman") != std::string::npos);
}

TEST_CASE("after according to, the noun phrase to the sentence's end is the source, whatever its labels") {
  const std::string text = "Banks left the city after the vote. London was the financial capital of the world in 2015, "
                           "according to one global index.";
  size_t given = 0;
  auto c = candidates_labelled(text, in_order({0, 0, 0, 0, 0, 0, 0, 0, 5, 6, 6, 6, 6, 6, 6, 6, 6, 6, 0, 3, 4, 1, 6, 6, 0},
                                              given));
  CHECK(given == 25);
  REQUIRE(c.size() == 1);
  CHECK(c[0].statement.speaker == "one global index");
}

TEST_CASE("a subject after says, its verb next, is the start of what was said, not all of it") {
  const std::string text = "The document says Russia maintains a negative attitude toward NATO.";
  size_t given = 0;
  auto c = candidates_labelled(text, in_order({1, 2, 3, 5, 0, 0, 0, 0, 0, 0, 0}, given));
  CHECK(given == 11);
  REQUIRE(c.size() == 1);
  CHECK(said(text, c[0]) == "Russia maintains a negative attitude toward NATO");
}

TEST_CASE("an interview closing what the tagger read as said is how it was said") {
  const std::string text = "Zelensky said Russia was committing genocide in an interview with CBS News on Sunday.";
  size_t given = 0;
  auto c = candidates_labelled(text, in_order({1, 3, 5, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 0}, given));
  CHECK(given == 15);
  REQUIRE(c.size() == 1);
  CHECK(said(text, c[0]) == "Russia was committing genocide");
}

TEST_CASE("words of the addressee the tagger took into a cue of telling are no part of what was said") {
  const std::string text = "Kurt Waldheim told a luncheon of the correspondents here Thursday that the time had come.";
  size_t given = 0;
  auto c = candidates_labelled(text, in_order({1, 2, 3, 4, 4, 4, 5, 6, 6, 6, 6, 6, 6, 6, 6, 0}, given));
  CHECK(given == 16);
  REQUIRE(c.size() == 1);
  CHECK(said(text, c[0]) == "the time had come");
}

TEST_CASE("a subject the tagger left out ends with its body's noun in lower case") {
  const std::string text = "Baghdad radio, in a broadcast monitored in Cyprus, said the talks were held in good faith.";
  size_t given = 0;
  auto c = candidates_labelled(text, in_order({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 5, 6, 6, 6, 6, 6, 6, 0}, given));
  CHECK(given == 19);
  REQUIRE(c.size() == 1);
  CHECK(c[0].statement.speaker == "Baghdad radio");
}

TEST_CASE("a past verb after 'and' the tagger read as a source continues what was said") {
  const std::string text = "Jack Straw said the French position was \"extraordinary\" and risked sending Saddam Hussein a signal.";
  size_t given = 0;
  auto c = candidates_labelled(text, in_order({1, 2, 3, 5, 6, 6, 6, 6, 6, 6, 0, 1, 0, 0, 0, 0, 0, 0}, given));
  CHECK(given == 18);
  REQUIRE(c.size() == 1);
  CHECK(said(text, c[0]).ends_with("risked sending Saddam Hussein a signal"));
}

TEST_CASE("a noun phrase after a preposition inside what was said is no source, nor its noun a cue") {
  const std::string text = "Annan said he was \"shocked\" by the targeting of a UN observer post in Khiam, where four "
                           "observers were killed.";
  size_t given = 0;
  auto c = candidates_labelled(
      text, in_order({1, 3, 5, 6, 6, 6, 6, 6, 6, 6, 6, 1, 2, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0}, given));
  CHECK(given == 24);
  REQUIRE(c.size() == 1);
  CHECK(said(text, c[0]).ends_with("observer post in Khiam"));  // to the relative clause
  // After a preposition a source the tagger broke stays one ("78 percent of voters in a recent poll said").
  const std::string poll = "Ayotte's hope is that voters in a recent poll said they think she is different.";
  c = candidates_labelled(poll, in_order({0, 0, 0, 0, 5, 6, 1, 2, 2, 3, 5, 6, 6, 6, 6, 0}, given = 0));
  CHECK(given == 16);
  REQUIRE(c.size() == 1);
  CHECK(c[0].statement.speaker == "a recent poll");
}

TEST_CASE("a split quotation's attribution may say where the speaker went, whatever the tagger made of it") {
  const std::string text = "\"We had a very full exchange,\" Kissinger told newsmen before flying to Jerusalem, \"and I "
                           "believe we understand each other.\"";
  size_t given = 0;
  auto c = candidates_labelled(
      text, in_order({5, 6, 6, 6, 6, 6, 6, 6, 6, 1, 3, 0, 0, 0, 5, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6}, given));
  CHECK(given == 27);
  REQUIRE(c.size() == 1);
  CHECK(said(text, c[0]).find("each other") != std::string::npos);
}

TEST_CASE("a document put out by a body opening the sentence is the source the tagger left out; it is the body's") {
  const std::string text = "A statement carried by the state news agency in July accused American officials of a "
                           "demand for disarmament.";
  size_t given = 0;
  auto c = candidates_labelled(text, in_order({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 5, 6, 6, 6, 6, 6, 6, 0}, given));
  CHECK(given == 19);
  REQUIRE(c.size() == 1);
  CHECK(c[0].statement.canonical == "state news agency");
}

TEST_CASE("a participle of saying after a comma shares the source of the cue before it") {
  const std::string text = "Asked whether he would meet Finnish President Martti Ahtisaari, Chernomyrdin said \"this is "
                           "quite possible,\" adding that the venue had not been agreed.";
  size_t given = 0;
  auto c = candidates_labelled(text, in_order({0, 0, 0, 0, 0, 1, 2, 2, 2, 0, 1, 3, 5, 6, 6, 6, 6, 6,
                                               6, 3, 5, 6, 6, 6, 6, 6, 6, 0},
                                              given));
  CHECK(given == 28);
  REQUIRE(c.size() == 2);
  CHECK(c[1].statement.cue == "adding");
  CHECK(c[1].statement.speaker == "Chernomyrdin");  // not the man he was asked about
}

TEST_CASE("a description in apposition after a name, which the tagger began as a source of its own, is the name's") {
  const std::string text = "Asean Secretary-General Surin Pitsuwan, himself a former Thai foreign minister, said the "
                           "grouping stood ready to help.";
  size_t given = 0;
  auto c = candidates_labelled(text, in_order({1, 2, 2, 2, 0, 0, 1, 2, 2, 2, 2, 2, 3, 5, 6, 6, 6, 6, 6, 0}, given));
  CHECK(given == 20);
  REQUIRE(c.size() == 1);
  CHECK(c[0].statement.speaker.starts_with("Asean Secretary-General Surin Pitsuwan"));
  const std::string body = "The Committee on Eastern European Economic Relations, the lobby group representing them, "
                           "warned that sanctions would hurt both sides.";
  c = candidates_labelled(body, in_order({1, 2, 2, 2, 2, 2, 2, 0, 1, 2, 2, 2, 2, 0, 3, 5, 6, 6, 6, 6, 6, 0}, given = 0));
  CHECK(given == 22);
  REQUIRE(c.size() == 1);
  CHECK(c[0].statement.speaker.starts_with("The Committee on Eastern European Economic Relations"));
}

TEST_CASE("a closing 'according to' with no content of its own says the clause before it") {
  const std::string text = "The movement had planned a rally on Sunday but is now expected to call it off, according to "
                           "a source close to its leadership.";
  size_t given = 0;
  auto c = candidates_labelled(
      text, in_order({0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 4, 4, 5, 6, 6, 6, 0, 3, 4, 1, 6, 6, 6, 6, 6, 0}, given));
  CHECK(given == 26);
  REQUIRE(c.size() == 1);
  CHECK(c[0].statement.speaker == "a source close to its leadership");
  CHECK(said(text, c[0]) == "The movement had planned a rally on Sunday but is now expected to call it off");
  // After ", while" the clause is the closing source's; the one before, another's.
  const std::string two = "The ministry said Beijing opposed interference, while President Erdogan telephoned Maduro to "
                          "express his support, according to the Turkish presidency.";
  c = candidates_labelled(two, in_order({1, 2, 3, 5, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 0, 3, 4, 1, 2, 2, 0}, given = 0));
  CHECK(given == 23);
  REQUIRE(c.size() == 2);
  CHECK(said(two, c[0]) == "Beijing opposed interference");
  CHECK(c[1].statement.speaker == "the Turkish presidency");
  CHECK(said(two, c[1]) == "President Erdogan telephoned Maduro to express his support");
}

TEST_CASE("a source that is a preposition's object before its cue yields to the sentence's subject") {
  const std::string text = "Supreme Leader of the Islamic Revolution Ayatollah Seyed Ali Khamenei, in a message in "
                           "reply to a letter from President Rouhani, wrote that the team deserves gratitude.";
  size_t given = 0;
  auto c = candidates_labelled(text, in_order({1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                               1, 2, 2, 3, 5, 6, 6, 6, 6, 0},
                                              given));
  CHECK(given == 30);
  REQUIRE(c.size() == 1);
  CHECK(c[0].statement.canonical == "Seyed Ali Khamenei");  // not "Supreme Leader" alone
}

TEST_CASE("'and' with a deed of the reported clause's subject is no second statement") {
  const std::string text = "The report said the company had ignored safety warnings and denied its workers proper training.";
  size_t given = 0;
  auto c = candidates_labelled(text, in_order({1, 2, 3, 5, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 0}, given));
  CHECK(given == 16);
  REQUIRE(c.size() == 1);
  CHECK(said(text, c[0]).ends_with("denied its workers proper training"));
}

TEST_CASE("sources the tagger cut short: an article alone, a title after a title") {
  const std::string who = "The WHO said cases were rising.";
  size_t given = 0;
  auto c = candidates_labelled(who, in_order({1, 1, 3, 5, 6, 6, 0}, given));
  CHECK(given == 7);
  REQUIRE(c.size() == 1);
  CHECK(c[0].statement.speaker == "The WHO");  // not "WHO" read as the relative "who"
  const std::string head = "\"This is a moment of truth,\" declared the head of French diplomacy, after the reports.";
  c = candidates_labelled(head, in_order({5, 6, 6, 6, 6, 6, 6, 6, 6, 3, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0}, given = 0));
  CHECK(given == 20);
  REQUIRE(c.size() == 1);
  CHECK(c[0].statement.speaker == "the head of French diplomacy");
  const std::string rank = "\"Buffer zones amount to ceding ground,\" opined Lt Gen (retd) Harcharan Panag, a former "
                           "commander.";
  c = candidates_labelled(rank, in_order({5, 6, 6, 6, 6, 6, 6, 6, 6, 3, 1, 0, 0, 0, 0, 1, 2, 2, 2, 2, 2, 0}, given = 0));
  CHECK(given == 22);
  REQUIRE(c.size() == 1);
  CHECK(c[0].statement.canonical == "Harcharan Panag");
}
