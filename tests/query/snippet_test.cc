// Snippets show the passages with the most query words, mark every matched
// word (stemmed or by prefix) and fall back to the opening when none match.
#include <doctest/doctest.h>

#include <algorithm>

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
