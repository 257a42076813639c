// The store compressed harder by optimize than by flushes and merges
// (WriterOptions::optimized_store_compression_level): every article reads back
// as it was given, through merges of flushed and merged segments and with
// deletions dropped on the way, and optimize recompresses a lone segment.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <random>
#include <string>

#include "attache/storage/index_reader.h"
#include "attache/storage/index_writer.h"
#include "same_document.h"
#include "temp_dir.h"

using namespace attache;
using namespace attache::storage;

namespace {

// News-like text: words drawn from a small vocabulary, so a dictionary can be
// trained (a segment needs 256 KiB of text for one) and levels differ.
std::string prose(uint32_t seed, size_t words) {
  static const char* const kWords[] = {"minister", "talks", "said", "the", "agreement", "of", "ceasefire",
                                       "foreign", "on", "delegation", "in", "Geneva", "sanctions", "a",
                                       "envoy", "treaty", "nuclear", "reporters", "told", "and"};
  std::mt19937 random(seed);
  std::string text;
  for (size_t i = 0; i < words; ++i) {
    text += kWords[random() % std::size(kWords)];
    text += (i % 17 == 16) ? ". " : " ";
  }
  return text;
}

StoredDocument stored(uint32_t n) {
  StoredDocument d;
  d.id = "s" + std::to_string(n);
  d.title = "Talks resume " + std::to_string(n);
  d.source = n % 2 ? "Reuters" : "TASS";
  d.url = "https://example.org/" + std::to_string(n);
  d.text = prose(n, 300 + n % 400);
  d.author = n % 3 ? "" : "A. Writer";
  d.place = "Geneva";
  d.language = "en";
  d.date = static_cast<Day>(19000 + n % 50);
  return d;
}

IndexableDocument article(uint32_t n) {
  IndexableDocument d;
  d.stored = stored(n);
  d.length = 1;
  d.terms.push_back({"word", 1, {0}});
  d.terms.push_back({"Q" + d.stored.id, 1, {}});
  return d;
}

uint64_t store_bytes(const std::filesystem::path& dir) {
  uint64_t bytes = 0;
  for (const auto& f : std::filesystem::directory_iterator(dir))
    if (f.path().extension() == ".store") bytes += f.file_size();
  return bytes;
}

// Every live article of the index by id, with all its stored fields.
std::map<std::string, StoredDocument> live_documents(const std::filesystem::path& dir) {
  auto snapshot = IndexSnapshot::open(dir);
  CHECK_NOTHROW(snapshot->verify());
  std::map<std::string, StoredDocument> documents;
  for (const auto& segment : snapshot->segments())
    for (uint32_t d = 0; d < segment->doc_count(); ++d)
      if (!segment->is_deleted(d)) {
        StoredDocument document = segment->document(d);
        document.date = segment->date(d);
        documents.emplace(document.id, std::move(document));
      }
  return documents;
}

void check_documents(const std::filesystem::path& dir, const std::vector<uint32_t>& expected) {
  const auto documents = live_documents(dir);
  REQUIRE(documents.size() == expected.size());
  for (uint32_t n : expected) {
    const StoredDocument want = stored(n);
    auto it = documents.find(want.id);
    REQUIRE(it != documents.end());
    testing::check_same_document(it->second, want);
  }
}

WriterOptions options(int flushed_level, int merged_level) {
  WriterOptions o;
  o.merge_factor = 0;  // merges only by optimize, where the test asks
  o.store_compression_level = flushed_level;
  o.optimized_store_compression_level = merged_level;
  return o;
}

}  // namespace

TEST_CASE("optimize recompresses a lone flushed segment's store at the merge level") {
  testing::TempDir dir;
  std::vector<uint32_t> all;
  {
    auto writer = IndexWriter::open(dir.path(), options(1, 19));
    for (uint32_t n = 0; n < 200; ++n) {
      writer->add(article(n));
      all.push_back(n);
    }
    writer->commit();
  }
  const uint64_t flushed = store_bytes(dir.path());
  check_documents(dir.path(), all);
  IndexWriter::open(dir.path(), options(1, 19))->optimize();
  const uint64_t merged = store_bytes(dir.path());
  MESSAGE("store at level 1: " << flushed << " bytes; after optimize at level 19: " << merged);
  CHECK(merged < flushed);
  check_documents(dir.path(), all);
  REQUIRE(IndexSnapshot::open(dir.path())->segments().size() == 1);
}

TEST_CASE("merges of flushed and merged stores keep every article, deletions dropped on the way") {
  testing::TempDir dir;
  std::vector<uint32_t> live;
  uint32_t next = 0;
  auto add_segment = [&](IndexWriter& writer, uint32_t count) {
    for (uint32_t i = 0; i < count; ++i, ++next) {
      writer.add(article(next));
      live.push_back(next);
    }
    writer.commit();
  };
  auto remove_every = [&](IndexWriter& writer, uint32_t step) {
    std::vector<uint32_t> kept;
    for (uint32_t n : live)
      if (n % step == 0) CHECK(writer.remove("s" + std::to_string(n)) == 1);
      else kept.push_back(n);
    live = kept;
    writer.commit();
  };
  {
    auto writer = IndexWriter::open(dir.path(), options(3, 12));
    add_segment(*writer, 120);
    add_segment(*writer, 90);
    add_segment(*writer, 15);  // too little text for a dictionary
    remove_every(*writer, 7);
    writer->optimize();  // three flushed stores, some articles deleted, into one merged
  }
  check_documents(dir.path(), live);
  {
    auto writer = IndexWriter::open(dir.path(), options(3, 12));
    add_segment(*writer, 80);  // a flushed store beside the merged one
    remove_every(*writer, 5);  // deletions in both
    REQUIRE(IndexSnapshot::open(dir.path())->segments().size() == 2);
    check_documents(dir.path(), live);
    writer->optimize();
  }
  REQUIRE(IndexSnapshot::open(dir.path())->segments().size() == 1);
  check_documents(dir.path(), live);
}
