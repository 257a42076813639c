// Snippets show the passages with the most query words, mark every matched
// word (stemmed or by prefix) and fall back to the opening when none match.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "attache/analysis/stemmer.h"
#include "attache/analysis/tokenizer.h"
#include "attache/query/snippet.h"

using namespace attache::query;

TEST_CASE("matched words are marked, whatever their inflection") {
  Query q = parse_query("negotiation nato");
  Snippet s = make_snippet("The negotiations on NATO went on.\nNegotiators were tired.", q);
  CHECK(mark_up(s, "[", "]") == "The [negotiations] on [NATO] went on. [Negotiators] were tired.");
}

TEST_CASE("long texts give at most three fragments around the matches") {
  std::string text;
  for (int i = 0; i < 400; ++i) text += (i == 50 || i == 200 || i == 350 || i == 360) ? "sanctions " : "filler ";
  Query q = parse_query("sanctions");
  SnippetOptions options;
  Snippet s = make_snippet(text, q, options);
  CHECK(s.highlights.size() == 4);  // 350 and 360 share a window
  CHECK(std::count(s.text.begin(), s.text.end(), '\xa6') == 4);  // three fragments: an ellipsis before each and one after
  CHECK(s.text.rfind("… ", 0) == 0);
  CHECK(s.text.find(" …") != std::string::npos);
  CHECK(s.text.size() < 3 * 24 * 10);
}

TEST_CASE("prefix queries highlight the words they matched") {
  Query q = parse_query("negotiat*");
  Snippet s = make_snippet("Negotiators met; negation is different.", q);
  CHECK(mark_up(s, "<", ">") == "<Negotiators> met; negation is different.");
}

TEST_CASE("without a match in the text the snippet is its opening") {
  Query q = parse_query("title:vienna");
  Snippet s = make_snippet("First words of the article. More words.", q);
  CHECK(s.text == "First words of the article. More words.");
  CHECK(s.highlights.empty());
}

TEST_CASE("highlights convert to character offsets") {
  CHECK(code_point_offset("Рябков said", 12) == 6);
}

// Snippets stem a word only when its first byte opens a query stem, and in
// English read only the words whose first two letters open one: that is right
// only while the stemmer never changes a word's first letter, nor its second
// but for a y that becomes i ("dying", "die"). (It drops a leading apostrophe,
// "'tis", but no token begins with one.)
TEST_CASE("stems keep their word's first two letters, irregular forms included") {
  attache::analysis::Stemmer stemmer;
  std::vector<std::string> words = {"dying", "lying", "tying", "skies", "skis", "yelling", "yes", "idly", "gently",
                                    "ugly", "early", "only", "singly", "news", "generously", "y", "ies",
                                    "by", "ay", "eyes", "ayes", "dyed", "lying", "yy", "tyes", "aying"};
  for (const char* name : {"000_acfc8dae91c10f02.txt", "004_lavrov_press_conference.txt", "008_beijing_position.txt"}) {
    std::ifstream in(std::string(ATTACHE_SOURCE_DIR) + "/corpus/" + name);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::vector<attache::analysis::Token> tokens;
    attache::analysis::tokenize(buffer.str(), tokens);
    for (const auto& t : tokens) words.push_back(t.text);
  }
  std::vector<attache::analysis::Token> apostrophe;
  attache::analysis::tokenize("'tis ’twas", apostrophe);
  REQUIRE(apostrophe.size() == 2);
  CHECK(apostrophe[0].text == "tis");
  CHECK(apostrophe[1].text == "twas");
  for (const std::string& word : words) {
    std::string_view stem = stemmer.stem(word);
    CHECK_MESSAGE((!stem.empty() && stem[0] == word[0]), word);
    CHECK_MESSAGE((stem.size() < 2 || stem[1] == word[1] || (stem[1] == 'i' && word[1] == 'y')), word);
  }
}

TEST_CASE("irregular stems and folded first letters are still marked") {
  Query q = parse_query("die sky yell elysee");
  Snippet s = make_snippet("The dying man saw the skies; yelling outside the Élysée.", q);
  CHECK(mark_up(s, "[", "]") == "The [dying] man saw the [skies]; [yelling] outside the [Élysée].");
}

// Sentence starts are found only in the paragraph around the match; a
// fragment still starts at the sentence of its match.
TEST_CASE("a fragment starts at the sentence start nearest before its match") {
  std::string text;
  for (int i = 0; i < 60; ++i) text += "Filler words here. ";
  text += "\n\nMr. Lee spoke first. The envoy went on to Geneva for talks.";
  for (int i = 0; i < 60; ++i) text += " More filler words.";
  Query q = parse_query("geneva");
  Snippet s = make_snippet(text, q);
  CHECK(mark_up(s, "[", "]").rfind("… The envoy went on to [Geneva] for talks.", 0) == 0);
}
