// The term dictionary in both layouts: version 2's sparse index over runs of
// 64 block index entries, and version 1's whole index, which older indexes
// still have. Lookups, prefix scans across runs and blocks, and iteration
// agree with the terms written; a damaged sparse index is corruption.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <functional>

#include "corruption_of.h"
#include "file_format.h"
#include "restamp.h"
#include "temp_dir.h"
#include "term_dictionary.h"

using namespace attache;
using namespace attache::storage;
using attache::testing::corruption_of;

namespace {

std::string term_of(int i) { return "t" + std::to_string(i * 7); }

// `count` terms t0, t7, t14 ... in byte order, each with postings of i + 1
// bytes; a version-1 file when `sparse_index` is false.
std::vector<std::string> write_dictionary(const std::filesystem::path& path, int count, bool sparse_index) {
  std::vector<std::string> terms;
  for (int i = 0; i < count; ++i) terms.push_back(term_of(i));
  std::sort(terms.begin(), terms.end());
  {
    FileWriter out(path, FileKind::terms);
    TermDictionaryWriter writer(out, sparse_index);
    uint64_t postings = kHeaderSize;
    for (size_t i = 0; i < terms.size(); ++i) {
      TermInfo info;
      info.doc_frequency = static_cast<uint32_t>(i + 1);
      info.collection_frequency = 2 * (i + 1);
      info.postings_offset = postings;
      info.postings_length = i + 1;
      postings += info.postings_length;
      writer.add(terms[i], info);
    }
    writer.finish();
    out.finish();
  }
  if (!sparse_index) {
    auto bytes = testing::read_bytes(path);
    const uint32_t version = 1;
    std::memcpy(bytes.data() + 8, &version, 4);
    testing::restamp(bytes);
    testing::write_bytes(path, bytes);
  }
  return terms;
}

void check_reads(const TermDictionary& dictionary, const std::vector<std::string>& terms) {
  CHECK(dictionary.term_count() == terms.size());
  for (size_t i = 0; i < terms.size(); ++i) {
    auto info = dictionary.find(terms[i]);
    REQUIRE_MESSAGE(info, terms[i]);
    CHECK(info->doc_frequency == i + 1);
    CHECK(info->postings_length == i + 1);
    CHECK_FALSE(dictionary.find(terms[i] + "x"));  // between two terms
  }
  CHECK_FALSE(dictionary.find(""));
  CHECK_FALSE(dictionary.find("a"));   // before the first
  CHECK_FALSE(dictionary.find("u"));   // after the last
  // Every prefix's terms, by brute force: t1 spans many blocks and runs.
  for (std::string prefix : {"t", "t1", "t35", "t9999", "t40", "s", "u", ""}) {
    std::vector<std::string> expected, seen;
    for (const auto& t : terms)
      if (t.compare(0, prefix.size(), prefix) == 0) expected.push_back(t);
    dictionary.scan(prefix, [&](std::string_view t, const TermInfo&) {
      seen.emplace_back(t);
      return true;
    });
    CHECK_MESSAGE(seen == expected, "prefix " << prefix);
  }
  size_t n = 0;
  for (TermDictionary::Iterator it(dictionary); it.valid(); it.next()) CHECK(it.term() == terms[n++]);
  CHECK(n == terms.size());
}

}  // namespace

TEST_CASE("a dictionary reads the same with its sparse index and without (version 1)") {
  for (int count : {0, 1, 31, 32, 33, 64 * 32, 64 * 32 + 1, 9000}) {
    for (bool sparse : {true, false}) {
      CAPTURE(count);
      CAPTURE(sparse);
      testing::TempDir dir;
      auto terms = write_dictionary(dir / "a.terms", count, sparse);
      MappedFile file(dir / "a.terms", "a.terms", FileKind::terms);
      CHECK(file.version() == (sparse ? current_version(FileKind::terms) : 1u));  // 2 and 3 share a layout
      check_reads(TermDictionary(file), terms);
    }
  }
}

TEST_CASE("a damaged sparse term index is corruption") {
  testing::TempDir dir;
  const auto terms = write_dictionary(dir / "a.terms", 9000, true);  // 282 blocks: 5 runs
  const auto original = testing::read_bytes(dir / "a.terms");
  const uint64_t end = testing::body_end(original);
  uint64_t sparse = 0;
  std::memcpy(&sparse, original.data() + end - 20, 8);
  // `value` written at `at` (8 bytes, or 4 for the block count); `read` on the damaged file.
  auto damaged = [&](uint64_t at, uint64_t value, const std::function<void(const TermDictionary&)>& read) {
    auto bytes = original;
    std::memcpy(bytes.data() + at, &value, at == end - 4 ? 4 : 8);
    testing::restamp(bytes);
    testing::write_bytes(dir / "b.terms", bytes);
    MappedFile file(dir / "b.terms", "b.terms", FileKind::terms);
    return corruption_of([&] { read(TermDictionary(file)); });
  };
  auto nothing = [](const TermDictionary&) {};
  CHECK(damaged(end - 20, end, nothing).find("outside the file") != std::string::npos);  // the sparse index's offset
  CHECK(damaged(end - 12, 0, nothing).find("count") != std::string::npos);               // no terms, 282 blocks
  CHECK(damaged(sparse, 1, nothing).find("out of order") != std::string::npos);           // the first run's entry
  // The second run's entry one byte on: it decodes from the middle of an entry.
  const auto second_entry_at = sparse + 16 + 1 + original[sparse + 16];
  uint64_t second_entry = 0;
  std::memcpy(&second_entry, original.data() + second_entry_at, 8);
  auto find_in_second_run = [&](const TermDictionary& d) { d.find(terms[64 * 32 + 5]); };
  damaged(second_entry_at, second_entry + 1, find_in_second_run);
  CHECK(damaged(second_entry_at, uint64_t{1} << 40, nothing).find("outside") != std::string::npos);
  // A block count past what the sparse index holds, before anything is reserved.
  CHECK(damaged(end - 4, UINT32_MAX, nothing).find("exceeds the bytes left") != std::string::npos);
}
