// A snippet reads only the regions around its matches (English): what it
// shows must be what reading the whole text shows, on texts made to trip the
// tokenizer's joins (hyphens, apostrophes, "U.S.", "1,000"), non-ASCII words,
// long runs without a word and words too long to index.
#include <doctest/doctest.h>

#include <random>

#include "attache/query/snippet.h"
#include "snippet_tokens.h"

using namespace attache;
using namespace attache::query;

namespace {

std::string random_piece(std::mt19937_64& rng) {
  static const char* kPieces[] = {
      "talks",     "Talks",        "envoy",     "sanctions", "the",     "minister", "said",    "Geneva",
      "of",        "talk",         "Mr.",       "U.S.",      "x-U.S.",  "peace",    "war",     "and",
      "military-technical",        "dying",     "die",       "Tying",   "Kuleba's", "don't",   "don’t",
      "O’Neill",   "1,000",        "3.5",       "2022",      "Élysée",  "Рябков",   "中国",     "café",
      "“Talks”",   "(sanctions)",  "-----",     "....",      "***",     "\n\n",     "\t",      "tr",
      "tradition", "treaty",       "Treaty's",  "strategy",  "T.R.",    "ty",       "a",       "I",
      "negotiators", "negotiation", "re-negotiate", "peace-talks", "\x01", "talks-", "-talks", "war’s"};
  std::string piece = kPieces[rng() % std::size(kPieces)];
  if (rng() % 200 == 0) piece = std::string(70 + rng() % 30, 't');  // too long to be a token
  if (rng() % 300 == 0) piece = std::string(200 + rng() % 400, '-');  // a run without a word
  return piece;
}

std::string random_text(std::mt19937_64& rng) {
  std::string text;
  const size_t pieces = rng() % 4 == 0 ? rng() % 40 : 200 + rng() % 3000;
  for (size_t p = 0; p < pieces; ++p) {
    text += random_piece(rng);
    static const char* kGaps[] = {" ", " ", " ", " ", ", ", ". ", "; ", "-", "'", ".", ",", "", "\n"};
    text += kGaps[rng() % std::size(kGaps)];
  }
  return text;
}

}  // namespace

TEST_CASE("a snippet read around its matches is the whole text's snippet") {
  std::mt19937_64 rng(14);
  const char* queries[] = {"talks",        "sanctions peace", "die",        "treaty",   "us",         "negotiat*",
                           "tr*",          "ty*",             "t*",         "1000",     "elysee",     "рябков",
                           "o'neill",      "kuleba",          "militarytechnical", "envoy geneva minister",
                           "\"peace talks\"", "strategy OR treaty", "caf*", "i", "a"};
  for (int round = 0; round < 1500; ++round) {
    const std::string text = random_text(rng);
    const Query query = parse_query(queries[rng() % std::size(queries)]);
    SnippetOptions options;
    options.fragment_words = 4 + rng() % 30;
    options.max_fragments = 1 + rng() % 4;
    const Snippet around = make_snippet(text, query, options, SnippetReading::around_matches);
    const Snippet whole = make_snippet(text, query, options, SnippetReading::whole_text);
    CAPTURE(text);
    REQUIRE(mark_up(around, "[", "]") == mark_up(whole, "[", "]"));
  }
}

TEST_CASE("a snippet reads the tokens around its matches, not the whole text") {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += i == 2500 ? "sanctions " : "filler words here. ";
  const Query query = parse_query("sanctions");
  SnippetTokens read;
  read_snippet_tokens(text, query, "", SnippetReading::around_matches, {14, 24, 49}, read);
  CHECK(read.matched.size() == 1);
  CHECK(read.tokens.size() < 200);
  read_snippet_tokens(text, query, "", SnippetReading::whole_text, {}, read);
  CHECK(read.tokens.size() == 14998);
  // Nothing matching: the opening is read, enough of it for the snippet's two windows.
  read_snippet_tokens(text, parse_query("treaty"), "", SnippetReading::around_matches, {14, 24, 49}, read);
  CHECK(read.matched.empty());
  CHECK(read.tokens.size() >= 49);
  CHECK(read.tokens.size() < 200);
}
