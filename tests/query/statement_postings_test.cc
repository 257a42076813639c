// Statement postings against the statement spans: the same generated articles,
// the same queries, answered once from the statement postings and once by
// reading every candidate article's spans (Searcher::use_statement_postings),
// must give the same statements, order, scores, counts and facets, in several
// segments with deletions and after optimize merges them.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <random>
#include <tuple>

#include "attache/indexer/document_analyzer.h"
#include "attache/query/searcher.h"
#include "attache/storage/index_writer.h"
#include "attache/storage/statement_index.h"
#include "statement_scan.h"  // query/src
#include "temp_dir.h"

using namespace attache;
using namespace attache::query;

namespace {

const std::vector<std::string> kNames = {"Sergei Ryabkov", "Wendy Sherman", "Jens Stoltenberg", "Kadri Liik",
                                         "Ryabkov", "the ministry"};
const std::vector<std::string> kCues = {"said that", "warned that", "insisted that", "told reporters that", "said"};
const std::vector<std::string> kWords = {"nato", "russia", "ukraine", "talks", "sanctions", "door", "open", "policy",
                                         "the", "of", "border", "troops", "geneva", "treaty", "missiles", "allies",
                                         "arms", "security", "guarantees", "expansion"};

void build(const std::filesystem::path& dir, std::mt19937_64& rng) {
  indexer::DocumentAnalyzer analyzer;
  storage::WriterOptions options;
  options.memory_budget = 64 * 1024;  // several segments
  auto writer = storage::IndexWriter::open(dir, options);
  for (int i = 0; i < 400; ++i) {
    indexer::Article a;
    a.id = "s" + std::to_string(i % 370);  // some articles replaced: deletions
    a.date = static_cast<Day>(19000 + rng() % 90);
    for (int k = 0, n = 1 + static_cast<int>(rng() % 5); k < n; ++k) {
      for (int w = 0, m = static_cast<int>(rng() % 6); w < m; ++w) a.text += kWords[rng() % kWords.size()] + " ";
      a.text += kNames[rng() % kNames.size()] + " " + kCues[rng() % kCues.size()];
      if (rng() % 3 == 0) a.text += " well-known";  // parts and the joined whole at one position
      for (int w = 0, m = 3 + static_cast<int>(rng() % 14); w < m; ++w) a.text += " " + kWords[rng() % kWords.size()];
      a.text += rng() % 3 ? ". " : ".\n\n";
    }
    writer->add(analyzer.analyze(std::move(a)));
  }
  writer->commit();
}

std::string random_query(std::mt19937_64& rng) {
  auto word = [&] { return kWords[rng() % kWords.size()]; };
  auto name = [&] {
    std::string n = kNames[rng() % 4];
    return rng() % 2 ? n.substr(n.find(' ') + 1) : "\"" + n + "\"";
  };
  // A first name alone: identities widen it to the exact names of the forms
  // that lack it ("Ryabkov" for "Sergei Ryabkov").
  auto first_name = [&] {
    const std::string& n = kNames[rng() % 4];
    return n.substr(0, n.find(' '));
  };
  switch (rng() % 12) {
    case 0: return "speaker:" + name() + " " + word();
    case 10: return "speaker:" + first_name() + " " + word();
    case 11: return "speaker:" + first_name() + " OR " + word() + " speaker:" + name();
    case 1: return word();
    case 2: return word() + " " + word();
    case 3: return "\"" + word() + " " + word() + "\" OR speaker:" + name();
    case 4: return word() + " NEAR/3 " + word();
    case 5: return "speaker:" + name() + " -" + word();
    case 6: return "(" + word() + " OR " + word() + ") date:2022-01-15..2022-02-20";
    case 7: return "speaker:" + name();
    case 8: return word() + " -(" + word() + " OR speaker:" + name() + ")";
    default: return "date:2022-02";
  }
}

using Visited = std::vector<std::tuple<size_t, uint32_t, uint32_t, std::string, int>>;

Visited visit_all(const Searcher& searcher, const Query& query) {
  Visited out;
  searcher.for_each_statement(query, [&](const StatementHit& hit, const storage::StoredStatement& st) {
    out.emplace_back(hit.segment, hit.doc, hit.statement, st.canonical, st.confidence);
  });
  return out;
}

void same_hits(const StatementResult& a, const StatementResult& b) {
  REQUIRE(a.hits.size() == b.hits.size());
  for (size_t i = 0; i < a.hits.size(); ++i) {
    CAPTURE(i);
    CHECK(a.hits[i].segment == b.hits[i].segment);
    CHECK(a.hits[i].doc == b.hits[i].doc);
    CHECK(a.hits[i].statement == b.hits[i].statement);
    CHECK(a.hits[i].date == b.hits[i].date);
    CHECK(std::abs(a.hits[i].score - b.hits[i].score) <= 1e-12 * (1 + std::abs(a.hits[i].score)));
  }
}

// Every query both ways, exhaustive and top-k.
void compare_paths(const std::filesystem::path& dir, std::mt19937_64& rng) {
  auto snapshot = storage::IndexSnapshot::open(dir);
  for (const auto& segment : snapshot->segments()) REQUIRE(segment->statement_index() != nullptr);
  Searcher postings(snapshot), spans(snapshot);
  spans.use_statement_postings(false);
  size_t matched = 0;
  for (int q = 0; q < 150; ++q) {
    const std::string text = random_query(rng);
    CAPTURE(text);
    Query query = parse_query(text);
    query.min_confidence = q % 5 == 0 ? 60 : 0;
    CAPTURE(int(query.min_confidence));
    const Visited visited = visit_all(postings, query);
    CHECK(visited == visit_all(spans, query));
    matched += visited.size();
    CHECK(postings.count_by_month(query, true) == spans.count_by_month(query, true));
    for (SortOrder sort : {SortOrder::relevance, SortOrder::newest, SortOrder::oldest})
      for (size_t limit : {1, 7, 1000}) {
        SearchOptions exact;
        exact.limit = limit;
        exact.sort = sort;
        const StatementResult a = postings.search_statements(query, exact), b = spans.search_statements(query, exact);
        CHECK(a.total == b.total);
        CHECK(a.total == visited.size());
        same_hits(a, b);
        // Top-k without an exact total prunes (block-max): the same hits.
        SearchOptions pruned = exact;
        pruned.exact_total = false;
        const StatementResult c = postings.search_statements(query, pruned);
        CHECK(c.total <= a.total);
        same_hits(a, c);
      }
  }
  CHECK(matched > 1000);
}

}  // namespace

TEST_CASE("statement postings answer as the statement spans do, across segments and after optimize") {
  std::mt19937_64 rng(14);
  testing::TempDir dir;
  build(dir.path(), rng);
  REQUIRE(storage::IndexSnapshot::open(dir.path())->segments().size() > 2);
  compare_paths(dir.path(), rng);
  storage::IndexWriter::open(dir.path())->optimize();
  auto snapshot = storage::IndexSnapshot::open(dir.path());
  REQUIRE(snapshot->segments().size() == 1);
  snapshot->verify();
  compare_paths(dir.path(), rng);
}

TEST_CASE("a segment's statement postings list each word of each statement with its positions in it") {
  testing::TempDir dir;
  indexer::DocumentAnalyzer analyzer;
  {
    auto writer = storage::IndexWriter::open(dir.path());
    indexer::Article a;
    a.id = "one";
    a.date = 19000;
    a.text = "Talks began. Wendy Sherman said that NATO would not close the door. Ryabkov said that NATO must stop.";
    writer->add(analyzer.analyze(std::move(a)));
    writer->commit();
  }
  auto snapshot = storage::IndexSnapshot::open(dir.path());
  const storage::Segment& segment = *snapshot->segments()[0];
  const storage::StatementIndex* index = segment.statement_index();
  REQUIRE(index);
  auto statements = segment.statements(0);
  REQUIRE(statements.size() == 2);
  CHECK(index->doc_count() == 2);
  CHECK(index->first_statement(0) == 0);
  CHECK(index->first_statement(1) == 2);
  CHECK(index->article(1) == 0);
  CHECK(index->length(0) == statements[0].position_count);
  // Words' positions are not stored (version 6) but read from the article's.
  CHECK_FALSE(index->find_term("nato")->has_positions());
  CHECK(index->find_term("Psherman")->has_positions());
  auto nato = index->positional_postings("nato");
  REQUIRE(nato);
  REQUIRE(nato->doc() == 0);
  CHECK(nato->positions()[0] == 0);  // the first word of "NATO would not close the door"
  nato->next();
  REQUIRE(nato->doc() == 1);
  CHECK(nato->positions()[0] == 0);  // of "NATO must stop"
  nato->next();
  CHECK(nato->doc() == storage::PostingCursor::kEnd);
  auto door = index->positional_postings("door");
  REQUIRE(door);
  REQUIRE(door->doc() == 0);
  CHECK(door->positions()[0] == 5);
  CHECK(index->postings("nato").positions().empty());  // the plain cursor has none to give
  CHECK(index->postings("talk").doc() == storage::PostingCursor::kEnd);  // outside every statement
  storage::PostingCursor sherman = index->postings("Psherman");
  REQUIRE(sherman.doc() == 0);
  CHECK(sherman.positions()[0] == 2);  // P[ wendy sherman P]
  CHECK(index->postings("Pryabkov").doc() == 1);
  // A speaker's exact name is one term, without positions.
  storage::PostingCursor name = index->postings("P=wendy sherman");
  REQUIRE(name.doc() == 0);
  CHECK(name.positions().empty());
  name.next();
  CHECK(name.doc() == storage::PostingCursor::kEnd);
  CHECK(index->postings("P=ryabkov").doc() == 1);
  CHECK(index->postings("P=sherman").doc() == storage::PostingCursor::kEnd);
}

TEST_CASE("a speaker's exact name is looked up as one term in the statement postings") {
  Query query = parse_query("speaker:ryabkov nato");
  query.root->children[0]->terms = {"P[", "Psergei", "Pryabkov", "P]"};
  query.root->children[0]->offsets = {0, 1, 2, 3};
  name_speakers(*query.root);
  CHECK(query.root->children[0]->terms == std::vector<std::string>{"P=sergei ryabkov"});
  CHECK(statement_postings_answer(*query.root));
  Query loose = parse_query("speaker:\"sergei ryabkov\"");  // the words anywhere in the speaker's block
  const auto terms = loose.root->terms;
  name_speakers(*loose.root);
  CHECK(loose.root->terms == terms);
}

TEST_CASE("a segment written before statement postings is searched through its spans beside newer ones") {
  // tests/data/index-v1: statements version 1, no postings ("common" in
  // every fourth word; statements in every fourth article).
  testing::TempDir dir;
  std::filesystem::copy(std::filesystem::path(ATTACHE_SOURCE_DIR) / "tests/data/index-v1", dir.path(),
                        std::filesystem::copy_options::recursive);
  {
    storage::WriterOptions options;
    options.merge_factor = 0;  // keep the old segments as they are
    auto writer = storage::IndexWriter::open(dir.path(), options);
    indexer::DocumentAnalyzer analyzer;
    for (int i = 0; i < 40; ++i) {
      indexer::Article a;
      a.id = "new" + std::to_string(i);
      a.date = static_cast<Day>(19000 + i);
      a.text = "Ryabkov said that common ground with nato was " + kWords[i % kWords.size()] + ".";
      writer->add(analyzer.analyze(std::move(a)));
    }
    writer->commit();
  }
  auto snapshot = storage::IndexSnapshot::open(dir.path());
  REQUIRE(snapshot->segments().size() == 3);
  CHECK(snapshot->segments()[0]->statement_index() == nullptr);
  REQUIRE(snapshot->segments()[2]->statement_index() != nullptr);
  Searcher postings(snapshot), spans(snapshot);
  spans.use_statement_postings(false);
  for (const char* text : {"common", "common w3", "speaker:ryabkov", "common -nato", "\"common ground\" OR w7"}) {
    CAPTURE(text);
    Query query = parse_query(text);
    const Visited visited = visit_all(postings, query);
    CHECK(visited == visit_all(spans, query));
    SearchOptions options;
    options.limit = 15;
    const StatementResult a = postings.search_statements(query, options);
    CHECK(a.total == visited.size());
    same_hits(a, spans.search_statements(query, options));
    options.exact_total = false;
    same_hits(a, postings.search_statements(query, options));
  }
  CHECK(visit_all(postings, parse_query("common")).size() > 40);  // old and new segments both
}

TEST_CASE("statements version 5, with the words' positions stored, still answer phrases and NEAR") {
  // tests/data/statements-v5: 60 articles written by the build before version 6
  // (tests/data/README.md), whose statement postings store words' positions.
  // A copy: a searcher may keep what it derives beside the index (FORMAT.md, "Derived files").
  testing::TempDir copy;
  std::filesystem::copy(std::filesystem::path(ATTACHE_SOURCE_DIR) / "tests/data/statements-v5", copy.path(),
                        std::filesystem::copy_options::recursive);
  const auto dir = copy.path();
  std::ifstream file(dir / "seg-000001.statements", std::ios::binary);
  char header[12] = {};
  file.read(header, sizeof header);
  REQUIRE(header[8] == 5);
  auto snapshot = storage::IndexSnapshot::open(dir);
  const storage::StatementIndex* index = snapshot->segments()[0]->statement_index();
  REQUIRE(index);
  CHECK(index->find_term("nato")->has_positions());
  snapshot->verify();
  Searcher postings(snapshot), spans(snapshot);
  spans.use_statement_postings(false);
  size_t matched = 0;
  for (const char* text : {"\"talks nato\"", "\"the border\"", "\"geneva geneva\"", "\"troops of the\"",
                           "troops NEAR/2 geneva", "\"nato talks\" OR speaker:sherman", "speaker:liik \"the talks\"",
                           "talks NEAR/1 talks"}) {
    CAPTURE(text);
    Query query = parse_query(text);
    const Visited visited = visit_all(postings, query);
    CHECK(visited == visit_all(spans, query));
    matched += visited.size();
    SearchOptions options;
    options.limit = 5;
    same_hits(postings.search_statements(query, options), spans.search_statements(query, options));
  }
  CHECK(matched > 20);
}
