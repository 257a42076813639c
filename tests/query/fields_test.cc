// author:, place: and lang: filter articles and statements; the place and
// language facets count matches from the value terms; the fields are stored,
// and go through merges and deletions.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "attache/indexer/document_analyzer.h"
#include "attache/query/query.h"
#include "attache/query/searcher.h"
#include "attache/storage/index_writer.h"
#include "temp_dir.h"

using namespace attache;

namespace {

struct Given {
  const char* id;
  const char* author;
  const char* place;
  const char* language;
  const char* text;
};

const Given kArticles[] = {
    {"g1", "John Smith", "", "en",
     "GENEVA — Talks on the treaty went on, \"We will not give up,\" Sergei Ryabkov told reporters."},
    {"g2", "Jane Smithson", "", "en", "GENEVA, Jan. 11 (Reuters) - Talks resumed on Tuesday."},
    {"u1", "John Smith", "", "en", "UNITED NATIONS, March 3 — The Security Council held talks."},
    {"p1", "Marie Dupont", "Paris", "fr", "Les négociations ont repris à Genève. Talks."},
    {"n1", "", "", "en", "No dateline here: talks in Vienna."},
};

std::set<std::string> ids(const query::Searcher& searcher, const char* text) {
  query::SearchOptions options;
  options.limit = 100;
  std::set<std::string> out;
  for (const auto& hit : searcher.search(query::parse_query(text), options).hits)
    out.insert(searcher.document(hit).id);
  return out;
}

// Two segments, so facets add across them.
void build(const std::filesystem::path& dir) {
  indexer::DocumentAnalyzer analyzer;
  auto writer = storage::IndexWriter::open(dir);
  int i = 0;
  for (const Given& g : kArticles) {
    indexer::Article a;
    a.id = g.id;
    a.date = *parse_date("2022-01-11") + i;
    a.author = g.author;
    a.place = g.place;
    a.language = g.language;
    a.text = g.text;
    writer->add(analyzer.analyze(std::move(a)));
    if (++i == 2) writer->commit();
  }
  writer->commit();
}

}  // namespace

TEST_CASE("author:, place: and lang: filter, folded and unstemmed") {
  testing::TempDir dir;
  build(dir.path());
  query::Searcher searcher(storage::IndexSnapshot::open(dir.path()));
  CHECK(ids(searcher, "place:geneva") == std::set<std::string>{"g1", "g2"});
  CHECK(ids(searcher, "place:GENEVA talks") == std::set<std::string>{"g1", "g2"});
  CHECK(ids(searcher, "place:\"united nations\"") == std::set<std::string>{"u1"});
  CHECK(ids(searcher, "place:nations").size() == 1);
  CHECK(ids(searcher, "place:paris") == std::set<std::string>{"p1"});
  CHECK(ids(searcher, "author:smith") == std::set<std::string>{"g1", "u1"});  // not Smithson: no stemming
  CHECK(ids(searcher, "author:\"john smith\" place:geneva") == std::set<std::string>{"g1"});
  CHECK(ids(searcher, "author:\"smith john\"").empty());  // a phrase keeps its order
  CHECK(ids(searcher, "lang:fr") == std::set<std::string>{"p1"});
  CHECK(ids(searcher, "lang:EN -place:geneva") == std::set<std::string>{"u1", "n1"});
  CHECK(ids(searcher, "talks -place:geneva") == std::set<std::string>{"u1", "p1", "n1"});
  CHECK_THROWS_AS(query::parse_query("lang:french"), query::QueryError);

  // Statements by the article's fields.
  query::SearchOptions options;
  auto statements = searcher.search_statements(query::parse_query("speaker:ryabkov place:geneva"), options);
  CHECK(statements.hits.size() == 1);
  CHECK(searcher.search_statements(query::parse_query("speaker:ryabkov place:paris"), options).hits.empty());
}

TEST_CASE("place and language facets count matches across segments, and leave deleted articles out") {
  testing::TempDir dir;
  build(dir.path());
  {
    query::Searcher searcher(storage::IndexSnapshot::open(dir.path()));
    using Counts = std::map<std::string, uint64_t>;
    CHECK(searcher.count_by_value(query::parse_query("talks"), "L=", false) ==
          Counts{{"Geneva", 2}, {"United Nations", 1}, {"Paris", 1}});
    CHECK(searcher.count_by_value(query::parse_query("talks"), "G", false) == Counts{{"en", 4}, {"fr", 1}});
    CHECK(searcher.count_by_value(query::parse_query("author:smith"), "L=", false) ==
          Counts{{"Geneva", 1}, {"United Nations", 1}});
    CHECK(searcher.count_by_value(query::parse_query("speaker:ryabkov"), "L=", true) == Counts{{"Geneva", 1}});
  }
  {
    auto writer = storage::IndexWriter::open(dir.path());
    writer->remove("g2");
    writer->optimize();  // one segment: the stored fields go through a merge
  }
  query::Searcher searcher(storage::IndexSnapshot::open(dir.path()));
  CHECK(searcher.count_by_value(query::parse_query("talks"), "L=", false) ==
        std::map<std::string, uint64_t>{{"Geneva", 1}, {"United Nations", 1}, {"Paris", 1}});
  query::SearchOptions options;
  auto found = searcher.search(query::parse_query("place:paris"), options);
  REQUIRE(found.hits.size() == 1);
  storage::StoredDocument d = searcher.document(found.hits[0]);
  CHECK(d.author == "Marie Dupont");
  CHECK(d.place == "Paris");
  CHECK(d.language == "fr");
}
