// A minimum confidence on a statement query: statements attributed with less
// are not matched, by the ranked search, the stream, and the monthly counts
// alike, whichever way the statements are checked (positions or words).
#include <doctest/doctest.h>

#include <set>

#include "attache/indexer/article_reader.h"
#include "attache/indexer/document_analyzer.h"
#include "attache/query/searcher.h"
#include "attache/storage/index_writer.h"
#include "temp_dir.h"

using namespace attache;

namespace {

std::shared_ptr<const storage::IndexSnapshot> corpus_snapshot(const testing::TempDir& dir) {
  std::vector<indexer::InputProblem> problems;
  auto inputs = indexer::collect_inputs({std::string(ATTACHE_SOURCE_DIR) + "/corpus"}, problems);
  indexer::DocumentAnalyzer analyzer;
  auto writer = storage::IndexWriter::open(dir.path(), storage::WriterOptions{});
  indexer::ArticleSink sink;
  sink.article = [&](indexer::Article&& a) { writer->add(analyzer.analyze(std::move(a))); };
  sink.problem = [](indexer::InputProblem&&) {};
  sink.progress = [](uint64_t) {};
  for (const auto& input : inputs) indexer::read_articles(input, sink);
  writer->commit();
  return storage::IndexSnapshot::open(dir.path());
}

}  // namespace

TEST_CASE("min_confidence drops the statements attributed with less, everywhere statements are matched") {
  testing::TempDir dir;
  auto snapshot = corpus_snapshot(dir);
  query::Searcher searcher(snapshot);
  size_t narrowed = 0;
  for (const char* text : {"nato", "russia OR ukraine", "speaker:sherman", "negotiat*", "date:2022"}) {
    for (int percent : {50, 80, 90, 95}) {
      CAPTURE(text);
      CAPTURE(percent);
      query::Query all = query::parse_query(text), confident = query::parse_query(text);
      confident.min_confidence = static_cast<uint8_t>(percent);
      // The reference: every match, filtered by the stored confidence.
      std::set<std::tuple<size_t, uint32_t, uint32_t>> expected, got;
      searcher.for_each_statement(all, [&](const query::StatementHit& h, const storage::StoredStatement& st) {
        if (st.confidence >= percent) expected.insert({h.segment, h.doc, h.statement});
      });
      searcher.for_each_statement(confident, [&](const query::StatementHit& h, const storage::StoredStatement& st) {
        CHECK(st.confidence >= percent);
        got.insert({h.segment, h.doc, h.statement});
      });
      CHECK(got == expected);
      query::SearchOptions every;
      every.limit = 1000;
      auto ranked = searcher.search_statements(confident, every);
      CHECK(ranked.total == expected.size());
      CHECK(ranked.hits.size() == expected.size());
      uint64_t by_month = 0;
      for (const auto& [month, n] : searcher.count_by_month(confident, true)) by_month += n;
      CHECK(by_month == expected.size());
      if (expected.size() < searcher.search_statements(all, every).total) ++narrowed;
    }
  }
  CHECK(narrowed > 5);  // the corpus has statements on both sides of these thresholds
}
