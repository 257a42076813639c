// Parsing text articles and JSON Lines records, and every kind of bad input:
// each is refused with its reason and, where there is one, its line.
#include <doctest/doctest.h>

#include <random>

#include "attache/indexer/article.h"
#include "attache/storage/date.h"

using namespace attache;
using namespace attache::indexer;

namespace {

Article article(const ParseResult& r) {
  if (auto* p = std::get_if<InputProblem>(&r)) FAIL("unexpected problem: " << format_problem(*p));
  return std::get<Article>(r);
}

InputProblem problem(const ParseResult& r) {
  if (std::holds_alternative<Article>(r)) FAIL("expected a problem");
  return std::get<InputProblem>(r);
}

}  // namespace

TEST_CASE("text header lines: key value or key: value, any case, leading spaces") {
  auto a = article(parse_text_article(" date 2022-01-11 \n\n\n\nGENEVA The body.\n\nSecond paragraph.\n", "f.txt", "f"));
  CHECK(format_day(a.date) == "2022-01-11");
  CHECK(a.id == "f");
  CHECK(a.text == "GENEVA The body.\n\nSecond paragraph.");
  CHECK(a.title.empty());

  auto b = article(parse_text_article(
      "Title: Talks in Vienna\nDATE: 2022-01-13T18:45:00+01:00\n  Source   Sample Wire\nurl: https://x.org/a\nID: v-1\n\nBody "
      "here.",
      "g.txt", "g"));
  CHECK(b.title == "Talks in Vienna");
  CHECK(format_day(b.date) == "2022-01-13");
  CHECK(b.source == "Sample Wire");
  CHECK(b.url == "https://x.org/a");
  CHECK(b.id == "v-1");
  CHECK(b.text == "Body here.");
}

TEST_CASE("header lines are contiguous: after the first blank line everything is body") {
  auto a = article(parse_text_article("date 2022-01-11\n\nSource close to the talks said no.\n", "f.txt", "f"));
  CHECK(a.source.empty());
  CHECK(a.text == "Source close to the talks said no.");
}

TEST_CASE("Windows line endings and a byte order mark are accepted") {
  auto a = article(parse_text_article("\xEF\xBB\xBFtitle: T\r\ndate 2022-01-11\r\n\r\nLine one.\r\nLine two.\r\n", "f.txt", "f"));
  CHECK(a.title == "T");
  CHECK(a.text == "Line one.\nLine two.");
}

TEST_CASE("bad text articles are refused with a reason") {
  CHECK(problem(parse_text_article("", "e.txt", "e")).reason == SkipReason::empty);
  CHECK(problem(parse_text_article(" \n\n \t\n", "e.txt", "e")).reason == SkipReason::empty);
  CHECK(problem(parse_text_article("date 2022-01-11\n\n   \n", "e.txt", "e")).reason == SkipReason::empty);
  CHECK(problem(parse_text_article("Just a body without any header.\n", "n.txt", "n")).reason == SkipReason::no_date);
  auto bad_date = problem(parse_text_article("date 2022-02-30\n\nBody.", "d.txt", "d"));
  CHECK(bad_date.reason == SkipReason::invalid_date);
  CHECK(bad_date.line == 1);
  auto late_date = problem(parse_text_article("title: x\ndate: next week\n\nBody.", "d.txt", "d"));
  CHECK(late_date.reason == SkipReason::invalid_date);
  CHECK(late_date.line == 2);
  auto latin1 = problem(parse_text_article("date 2022-01-11\n\nZ\xfcrich\n", "l.txt", "l"));
  CHECK(latin1.reason == SkipReason::not_utf8);
  CHECK(latin1.line == 3);
  auto binary = problem(parse_text_article(std::string("date 2022-01-11\n\nab\0cd", 21), "b.txt", "b"));
  CHECK(binary.reason == SkipReason::binary);
  CHECK(format_problem(binary).find("b.txt:3: skipped, binary data") == 0);
  auto dense = problem(parse_text_article("date 2022-01-11\n\nbell \x07 ring", "c.txt", "c"));
  CHECK(dense.reason == SkipReason::binary);
}

TEST_CASE("a stray control byte in a long article becomes a space, not a skipped article") {
  // Regression: one ESC in a 7 KB news article (a terminal colour code pasted
  // in) made the whole article "binary data".
  std::string body = "The minister said the talks would go on. ";
  while (body.size() < 2000) body += body;
  std::string with_escape = body + "Then \x1b[0m he left.";
  auto text = article(parse_text_article("date 2022-01-11\n\n" + with_escape, "t.txt", "t"));
  CHECK(text.text.size() == with_escape.size());
  CHECK(text.text.find('\x1b') == std::string::npos);
  CHECK(text.text.find("Then  [0m he left.") != std::string::npos);
  auto json = article(parse_json_article(R"({"date":"2022-01-01","title":"Bell\u0007","text":")" + body +
                                             R"(Then \u001b[0m he left."})",
                                         "a.jsonl", 1, "d"));
  CHECK(json.text.find("Then  [0m he left.") != std::string::npos);
  CHECK(json.title == "Bell ");
  auto raw = article(parse_json_article("{\"date\":\"2022-01-01\",\"text\":\"" + body + "\x0b tab\"}", "a.jsonl", 2, "d"));
  CHECK(raw.text.find("  tab") != std::string::npos);
}

TEST_CASE("JSON Lines records") {
  auto a = article(parse_json_article(
      R"({"id":"x1","date":"2022-02-07T21:30:00Z","title":"T","source":"S","url":"U","text":"Hello\r\nworld"})", "a.jsonl",
      1, "a.jsonl:1"));
  CHECK(a.id == "x1");
  CHECK(format_day(a.date) == "2022-02-07");
  CHECK(a.text == "Hello\nworld");
  auto b = article(parse_json_article(R"({"date":"2022-02-07","text":"no id","title":null})", "a.jsonl", 7, "a.jsonl:7"));
  CHECK(b.id == "a.jsonl:7");
  auto c = article(parse_json_article(R"({"id":42,"date":"2022-02-07","text":"numeric id"})", "a.jsonl", 8, "a.jsonl:8"));
  CHECK(c.id == "42");
}

TEST_CASE("bad JSON Lines records are refused with their line") {
  auto truncated = problem(parse_json_article(R"({"date":"2022-02-07","text":"cut o)", "a.jsonl", 3, "d"));
  CHECK(truncated.reason == SkipReason::invalid_json);
  CHECK(truncated.line == 3);
  CHECK(problem(parse_json_article("[1,2]", "a.jsonl", 1, "d")).reason == SkipReason::invalid_json);
  // A number beyond a double threw nlohmann's out_of_range past the parser (found by fuzzing).
  auto overflow = problem(parse_json_article(R"({"date":"2022-02-07","text":"x","n":1E400})", "a.jsonl", 4, "d"));
  CHECK(overflow.reason == SkipReason::invalid_json);
  CHECK(overflow.detail.find("number overflow") != std::string::npos);
  CHECK(problem(parse_json_article(R"({"text":"no date"})", "a.jsonl", 1, "d")).reason == SkipReason::no_date);
  CHECK(problem(parse_json_article(R"({"date":"2022-01-01"})", "a.jsonl", 1, "d")).reason == SkipReason::invalid_field);
  CHECK(problem(parse_json_article(R"({"date":"2022-01-01","text":5})", "a.jsonl", 1, "d")).reason ==
        SkipReason::invalid_field);
  CHECK(problem(parse_json_article(R"({"date":"soon","text":"x"})", "a.jsonl", 1, "d")).reason == SkipReason::invalid_date);
  CHECK(problem(parse_json_article(R"({"date":"2022-01-01","text":"  "})", "a.jsonl", 1, "d")).reason == SkipReason::empty);
  CHECK(problem(parse_json_article("{\"date\":\"2022-01-01\",\"text\":\"a\xff\"}", "a.jsonl", 1, "d")).reason ==
        SkipReason::not_utf8);
  CHECK(problem(parse_json_article(R"({"date":"2022-01-01","text":"a\u0000b"})", "a.jsonl", 1, "d")).reason ==
        SkipReason::binary);
  auto p = problem(parse_json_article("{oops", "feed.jsonl", 12, "d"));
  CHECK(format_problem(p).rfind("feed.jsonl:12: skipped, invalid JSON: at byte", 0) == 0);
}

TEST_CASE("random bytes never crash the parsers: every input is an article or a problem") {
  std::mt19937_64 rng(99);
  const std::vector<std::string> pieces = {"date ", "date: 2022-01-11", "title: x", "\n", "\n\n", "{", "}", "\"",
                                           ":",     ",",                "\"date\"", "\"text\"", "\\u0000", "\\",
                                           "\xff",  "\xc3\xa9",         "\xe2\x80", "\0",       " ",       "2022-02-30",
                                           "T10:00:00Z", "[", "]", "null", "42"};
  for (int i = 0; i < 20000; ++i) {
    std::string input;
    size_t n = rng() % 16;
    for (size_t k = 0; k < n; ++k) {
      if (rng() % 4 == 0)
        input.push_back(static_cast<char>(rng() % 256));
      else
        input += pieces[rng() % pieces.size()];
    }
    ParseResult text = parse_text_article(input, "f.txt", "f");
    ParseResult json = parse_json_article(input, "f.jsonl", 1, "f.jsonl:1");
    for (const ParseResult* r : {&text, &json})
      if (auto* a = std::get_if<Article>(r)) CHECK(!a->text.empty());
  }
}
