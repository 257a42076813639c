// LiveIndex: a lease keeps the snapshot it was given while commits, deletes
// and an optimize replace the index underneath; the next lease sees them.
#include <doctest/doctest.h>

#include "attache/indexer/document_analyzer.h"
#include "attache/storage/index_writer.h"
#include "live_index.h"
#include "temp_dir.h"

using attache::testing::TempDir;
namespace storage = attache::storage;

namespace {

void add_articles(const std::filesystem::path& dir, int first, int count) {
  attache::indexer::DocumentAnalyzer analyzer;
  auto writer = storage::IndexWriter::open(dir, storage::WriterOptions{});
  for (int i = first; i < first + count; ++i) {
    attache::indexer::Article a;
    a.id = "a" + std::to_string(i);
    a.date = 19000 + i;
    a.text = "Talks on article " + std::to_string(i) + " went on. \"We disagree,\" the envoy said.";
    writer->add(analyzer.analyze(std::move(a)));
  }
  writer->commit();
}

}  // namespace

TEST_CASE("a lease keeps its snapshot across commits; the next lease sees them") {
  TempDir dir;
  add_articles(dir.path(), 0, 5);
  attache::serve::LiveIndex live(dir.path().string());
  auto before = live.acquire();
  CHECK(before.index->article_count() == 5);
  add_articles(dir.path(), 5, 3);
  {
    auto writer = storage::IndexWriter::open(dir.path(), storage::WriterOptions{});
    writer->optimize();
  }
  auto after = live.acquire();
  CHECK(after.index->article_count() == 8);
  CHECK(live.reopened() >= 1);
  // The old snapshot still reads its (now replaced) segment files.
  CHECK(before.index->article_count() == 5);
  attache::query::Query all = attache::query::parse_query("talks");
  CHECK(before.index->search(all, {}).total == 5);
  CHECK(after.index->search(all, {}).total == 8);
  CHECK(after.index->thread_safe());
  CHECK(!after.exclusive.owns_lock());
  // Nothing changed: the same snapshot again.
  CHECK(live.acquire().index == after.index);
}
