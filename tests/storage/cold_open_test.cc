// What opening a segment reads, cold every read being a disk access: the
// columns' header, dates and lengths, and neither the near-duplicate
// signatures nor the statements file. What it leaves is still checked, when
// first read and by attache check; sizes are checked at open all the same.
#include <doctest/doctest.h>

#include <cstring>

#include "attache/storage/index_reader.h"
#include "attache/storage/index_writer.h"
#include "corruption_of.h"
#include "file_format.h"
#include "restamp.h"
#include "temp_dir.h"

using namespace attache;
using namespace attache::storage;
using attache::testing::corruption_of;

namespace {

// Enough articles that their signatures fill checksum chunks of their own.
void build_index(const std::filesystem::path& dir, int count) {
  auto writer = IndexWriter::open(dir);
  for (int i = 0; i < count; ++i) {
    IndexableDocument d;
    d.stored.id = "d" + std::to_string(i);
    d.stored.date = 19000 + i % 40;
    d.stored.text = "text of document " + std::to_string(i);
    d.length = 2;
    d.terms.push_back({"word", 2, {0, 1}});
    d.signature.fill(static_cast<uint16_t>(i + 1));
    writer->add(std::move(d));
  }
  writer->commit();
}

}  // namespace

TEST_CASE("a damaged signature is corruption when read, not when the segment opens") {
  testing::TempDir dir;
  const int count = 3000;  // 192 KB of signatures after a few KB of dates and lengths
  build_index(dir.path(), count);
  const std::string name = "seg-000001.columns";
  auto bytes = testing::read_bytes(dir / name);
  const uint64_t end = testing::body_end(bytes);
  REQUIRE(end > 2 * kChunkSize);
  bytes[end - 10] ^= 0x20;  // the last document's signature; the checksum no longer agrees
  testing::write_bytes(dir / name, bytes);

  auto snapshot = IndexSnapshot::open(dir.path());
  const Segment& segment = *snapshot->segments()[0];
  CHECK(segment.length(count - 1) == 2);
  CHECK(segment.date(0) == 19000);
  CHECK(segment.signature(0)[0] == 1);
  CHECK(corruption_of([&] { segment.signature(count - 1); }).find("checksum mismatch") != std::string::npos);
  CHECK(corruption_of([&] { snapshot->verify(); }).find("checksum mismatch") != std::string::npos);
}

TEST_CASE("columns whose widths do not fit the file are corruption at open") {
  // A wider column shifts every byte after it: the sizes no longer add up to
  // the file's, which opening checks without reading the signatures.
  const uint64_t date_width_at = kHeaderSize + 16;
  for (bool date_column : {true, false}) {
    testing::TempDir dir;
    build_index(dir.path(), 50);
    const std::string name = "seg-000001.columns";
    auto bytes = testing::read_bytes(dir / name);
    const uint64_t length_width_at = date_width_at + 1 + (50 * bytes[date_width_at] + 7) / 8 + 8;
    const uint8_t wide = date_column ? 20 : 32;
    testing::patch(dir.path(), name, date_column ? date_width_at : length_width_at, &wide, 1);
    const std::string message = corruption_of([&] { IndexSnapshot::open(dir.path()); });
    // (the date width shifts the length width's byte too, which may then be no width at all)
    CHECK_MESSAGE((message.find("past the end") != std::string::npos || message.find("trailing") != std::string::npos ||
                   message.find("unknown size") != std::string::npos || message.find("invalid length") != std::string::npos),
                  message);
  }
}

TEST_CASE("a segment opens without reading its statements file") {
  testing::TempDir dir;
  build_index(dir.path(), 20);
  const std::string name = "seg-000001.statements";
  auto bytes = testing::read_bytes(dir / name);
  bytes[kHeaderSize] ^= 0x01;  // the document count, in the header's chunk
  testing::write_bytes(dir / name, bytes);

  auto snapshot = IndexSnapshot::open(dir.path());
  const Segment& segment = *snapshot->segments()[0];
  auto info = segment.find_term("word");
  REQUIRE(info);
  CHECK(segment.postings(*info).doc() == 0);
  const uint32_t docs[] = {3};
  segment.fetch_documents(docs, false, [](uint32_t, StoredDocument&& d) { CHECK(d.id == "d3"); });
  CHECK(corruption_of([&] { segment.document(3); }).find("checksum mismatch") != std::string::npos);
  CHECK(corruption_of([&] { segment.statement_count(); }).find("checksum mismatch") != std::string::npos);
}

namespace {

// The store's block index: where it starts and how many entries it has.
struct StoreIndex {
  uint64_t offset = 0;
  uint32_t count = 0;
};

StoreIndex store_index(const std::filesystem::path& dir) {
  const auto bytes = testing::read_bytes(dir / "seg-000001.store");
  const uint64_t end = testing::body_end(bytes);
  StoreIndex index;
  std::memcpy(&index.offset, bytes.data() + end - 16, 8);
  std::memcpy(&index.count, bytes.data() + end - 8, 4);
  return index;
}

}  // namespace

TEST_CASE("the store's block index is read in place: a damaged entry fails its own block's fetch") {
  testing::TempDir dir;
  build_index(dir.path(), 3000);
  const StoreIndex index = store_index(dir.path());
  REQUIRE(index.count >= 3);
  const uint64_t offset = 1;  // the last block's, where no block can start
  testing::patch(dir.path(), "seg-000001.store", index.offset + (index.count - 1) * 20 + 4, &offset, 8);
  auto snapshot = IndexSnapshot::open(dir.path());
  const Segment& segment = *snapshot->segments()[0];
  CHECK(segment.document(0).id == "d0");
  CHECK(corruption_of([&] { segment.document(2999); }).find("out of place") != std::string::npos);
  CHECK(corruption_of([&] { snapshot->verify(); }).find("out of place") != std::string::npos);
}

// The index is searched as the file has it: a block found must hold the document.
TEST_CASE("a store's block index out of order is corruption, never a loop") {
  for (uint32_t first_doc : {0u, 1u, 2999u, UINT32_MAX}) {
    CAPTURE(first_doc);
    testing::TempDir dir;
    build_index(dir.path(), 3000);
    const StoreIndex index = store_index(dir.path());
    REQUIRE(index.count >= 3);
    testing::patch(dir.path(), "seg-000001.store", index.offset + 20, &first_doc, 4);  // block 1's
    auto snapshot = IndexSnapshot::open(dir.path());
    const Segment& segment = *snapshot->segments()[0];
    size_t failed = 0;
    for (uint32_t doc : {1u, 1000u, 2999u}) {
      try {
        segment.document(doc);
      } catch (const Error& e) {
        ++failed;
        CHECK(e.kind() == ErrorKind::corruption);
        CHECK(std::string(e.what()).find("seg-000001.store") != std::string::npos);
      }
    }
    CHECK(failed > 0);
    CHECK(!corruption_of([&] { snapshot->verify(); }).empty());
  }
}
