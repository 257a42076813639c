// The query parser: each construct gives the expected tree; malformed queries
// give an error at the right position; random strings never crash it.
#include <doctest/doctest.h>

#include <random>

#include "attache/query/query.h"
#include "attache/storage/date.h"

using namespace attache;
using namespace attache::query;

namespace {

// The tree without the "<- text" annotations, one node a line.
std::string tree(std::string_view text) {
  std::string full = describe(*parse_query(text).root), out;
  size_t at = 0;
  while (at < full.size()) {
    size_t eol = full.find('\n', at);
    std::string line = full.substr(at, eol - at);
    size_t arrow = line.find("    <- ");
    if (arrow != std::string::npos) line.resize(arrow);
    out += line + "\n";
    at = eol + 1;
  }
  return out;
}

size_t error_position(std::string_view text) {
  try {
    parse_query(text);
  } catch (const QueryError& e) {
    return e.position();
  }
  FAIL("no error for: " << text);
  return 0;
}

}  // namespace

TEST_CASE("words are stemmed and all must match") {
  CHECK(tree("nato") == "TERM nato\n");
  CHECK(tree("Negotiations NATO") == "AND\n  TERM negoti\n  TERM nato\n");
  CHECK(tree("Russia’s") == "TERM russia\n");
  CHECK(tree("+nato") == "TERM nato\n");
  CHECK(tree("nato AND russia") == tree("nato russia"));
  CHECK(tree("nato -") == "TERM nato\n");  // a lone - is punctuation
}

TEST_CASE("phrases keep word order and gaps; hyphenated words also match joined") {
  CHECK(tree("\"open door policy\"") == "PHRASE open@0 door@1 polici@2\n");
  CHECK(tree("“open door”") == "PHRASE open@0 door@1\n");
  CHECK(tree("military-technical") ==
        "OR\n  PHRASE militari@0 technic@1\n  TERM militarytechn\n");
  CHECK(tree("\"U.S. officials\"") == "PHRASE us@0 offici@1\n");
}

TEST_CASE("OR binds tighter than AND; NOT and - exclude") {
  CHECK(tree("a OR b c") == "AND\n  OR\n    TERM a\n    TERM b\n  TERM c\n");
  CHECK(tree("ryabkov -nato") == "AND_NOT\n  TERM ryabkov\n  TERM nato\n");
  CHECK(tree("ryabkov NOT nato -sherman") == "AND_NOT\n  TERM ryabkov\n  OR\n    TERM nato\n    TERM sherman\n");
  CHECK(tree("(nato OR alliance) AND NOT expansion") ==
        "AND_NOT\n  OR\n    TERM nato\n    TERM allianc\n  TERM expans\n");
  CHECK(tree("-nato") == "AND_NOT\n  ALL DOCUMENTS\n  TERM nato\n");
  CHECK(tree("or and not") == "AND\n  TERM or\n  TERM and\n  TERM not\n");  // lower case: plain words
}

TEST_CASE("NEAR/n joins words and phrases within n words, in any order") {
  CHECK(tree("nato NEAR/5 expansion") == "NEAR/5\n  TERM nato\n  TERM expans\n");
  CHECK(tree("\"open door\" NEAR/3 policy NEAR/7 russia") ==
        "NEAR/3\n  PHRASE open@0 door@1\n  TERM polici\n  TERM russia\n");
  CHECK(tree("a NEAR b") == "NEAR/10\n  TERM a\n  TERM b\n");
  CHECK(tree("a NEAR/2 b OR c") == "OR\n  NEAR/2\n    TERM a\n    TERM b\n  TERM c\n");
  CHECK(error_position("nato NEAR/x b") == 5);
  CHECK(error_position("(a OR b) NEAR/3 c") == 9);
  CHECK(error_position("a NEAR/3") == 2);
  CHECK(error_position("NEAR/3 a") == 0);
}

TEST_CASE("fields and prefixes") {
  CHECK(tree("title:talks") == "TERM Ttalk\n");
  CHECK(tree("title:\"open talks\"") == "PHRASE Topen@0 Ttalk@1\n");
  CHECK(tree("source:Reuters") == "TERM Sreuters\n");
  CHECK(tree("id:000_acfc8dae91c10f02") == "TERM Q000_acfc8dae91c10f02\n");
  CHECK(tree("negotiat*") == "PREFIX Wnegotiat*\n");
  CHECK(tree("Title:talks") == "TERM Ttalk\n");
  CHECK(tree("http://example.org") == "PHRASE http@0 exampl@1 org@2\n");  // not a field: words
}

TEST_CASE("dates: a day, a month, a year, ranges open at either end") {
  CHECK(tree("date:2022-01-11") == "DATES 2022-01-11..2022-01-11\n");
  CHECK(tree("date:2022-02") == "DATES 2022-02-01..2022-02-28\n");
  CHECK(tree("date:2024-02") == "DATES 2024-02-01..2024-02-29\n");
  CHECK(tree("date:2022") == "DATES 2022-01-01..2022-12-31\n");
  CHECK(tree("date:2022-01..2022-03") == "DATES 2022-01-01..2022-03-31\n");
  CHECK(tree("date:2022-01-10..") == "DATES 2022-01-10..9999-12-31\n");
  CHECK(tree("date:..2021") == "DATES 0001-01-01..2021-12-31\n");
}

TEST_CASE("malformed queries point at the problem") {
  CHECK(error_position("(nato OR alliance") == 0);
  CHECK(error_position("nato)") == 4);
  CHECK(error_position("nato \"open door") == 5);
  CHECK(error_position("nato OR") == 5);
  CHECK(error_position("OR nato") == 0);
  CHECK(error_position("nato AND") == 5);
  CHECK(error_position("date:2022-13") == 5);
  CHECK(error_position("ukraine date:2022-01-01..bad") == 25);
  CHECK(error_position("date:2022-03..2022-01") == 5);
  CHECK(error_position("date:") == 0);
  CHECK(error_position("()") == 0 + 0);
  CHECK(error_position("...") == 0);
  CHECK(error_position(std::string(5000, 'a')) == kMaxQueryBytes);
  CHECK(error_position(std::string(100, '(') + "a" + std::string(100, ')')) == kMaxQueryDepth);
  CHECK(error_position("a \xff") == 0);
}

TEST_CASE("the error message marks the position with a caret") {
  try {
    parse_query("ukraine (nato OR");
    FAIL("parsed");
  } catch (const QueryError& e) {
    CHECK(format_query_error("ukraine (nato OR", e) ==
          "invalid query: OR needs something to search for on its right\n  ukraine (nato OR\n                ^");
  }
}

TEST_CASE("random query strings never crash the parser") {
  std::mt19937_64 rng(123);
  const std::vector<std::string> pieces = {"nato", "russia", " ", " ", "\"", "(", ")", "OR", "AND", "NOT", "-", "+",
                                           "*",    "date:",  "2022", "-01", "..", "title:", "id:", "source:", ":",
                                           "’",    "“",      "”",    "é",    "\xff", "U.S.", "100,000", "a-b",
                                           "NEAR/3", "NEAR", "speaker:"};
  int parsed = 0, refused = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string q;
    size_t n = 1 + rng() % 12;
    for (size_t k = 0; k < n; ++k) q += pieces[rng() % pieces.size()];
    try {
      Query query = parse_query(q);
      REQUIRE(query.root);
      describe(*query.root);
      ++parsed;
    } catch (const QueryError& e) {
      CHECK(e.position() <= q.size());
      format_query_error(q, e);
      ++refused;
    }
  }
  CHECK(parsed > 1000);
  CHECK(refused > 1000);
}
