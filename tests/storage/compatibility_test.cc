// Format compatibility: tests/data/index-v1 is an index written by format
// version 1 and checked in. This test decodes every part of it and compares
// with the articles that built it, so a change that breaks reading old
// indexes fails here. A file claiming another version, with valid checksums,
// gets the format-version error, not "corrupted".
//
// To rebuild the fixture after an intended format change (with a new version
// number): ATTACHE_WRITE_FIXTURE=1 tests/storage_tests -tc='*fixture*'
#include <doctest/doctest.h>
#include <xxhash.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <random>

#include "attache/storage/error.h"
#include "attache/storage/index_reader.h"
#include "attache/storage/index_writer.h"
#include "temp_dir.h"

using namespace attache;
using namespace attache::storage;

namespace {

const std::filesystem::path kFixture = std::filesystem::path(ATTACHE_SOURCE_DIR) / "tests/data/index-v1";

// 300 articles in two commits (a long list for packed blocks, skip entries and
// position chunks; short lists; a non-positional id term each), then one
// deletion: every kind of file.
std::vector<IndexableDocument> fixture_articles() {
  std::mt19937_64 rng(1);
  std::vector<IndexableDocument> docs;
  for (int i = 0; i < 300; ++i) {
    IndexableDocument d;
    d.stored.id = "fx" + std::to_string(i);
    d.stored.date = static_cast<Day>(18990 + rng() % 60);
    d.stored.title = i % 3 ? "" : "Title " + std::to_string(i);
    d.stored.source = i % 5 ? "" : "Fixture Wire";
    d.stored.url = i % 7 ? "" : "https://example.org/" + std::to_string(i);
    d.stored.text = "Body of fixture article " + std::to_string(i) + ".";
    uint32_t length = 5 + static_cast<uint32_t>(rng() % 40);
    for (uint32_t p = 0; p < length; ++p) {
      std::string term = p % 4 == 0 ? "common" : "w" + std::to_string(rng() % 25);
      auto it = std::find_if(d.terms.begin(), d.terms.end(), [&](auto& t) { return t.term == term; });
      if (it == d.terms.end()) it = d.terms.insert(d.terms.end(), TermOccurrences{term, 0, {}});
      ++it->frequency;
      it->positions.push_back(p);
    }
    d.terms.push_back({"Q" + d.stored.id, 1, {}});
    d.length = length;
    docs.push_back(std::move(d));
  }
  return docs;
}

void write_fixture(const std::filesystem::path& dir) {
  std::filesystem::remove_all(dir);
  auto docs = fixture_articles();
  auto writer = IndexWriter::open(dir);
  for (size_t i = 0; i < docs.size(); ++i) {
    writer->add(IndexableDocument(docs[i]));
    if (i == 199) writer->commit();
  }
  writer->commit();
  writer->remove("fx7");
  writer->commit();
  writer.reset();
  std::filesystem::remove(dir / "LOCK");  // holds a process id; not part of the format
}

std::vector<char> read_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::vector<char>((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("the checked-in version 1 fixture decodes to the articles that built it") {
  if (std::getenv("ATTACHE_WRITE_FIXTURE")) write_fixture(kFixture);
  REQUIRE(std::filesystem::exists(kFixture / "MANIFEST"));
  auto snapshot = IndexSnapshot::open(kFixture);
  CHECK_NOTHROW(snapshot->verify());
  REQUIRE(snapshot->segments().size() == 2);
  CHECK(snapshot->doc_count() == 299);
  CHECK(snapshot->generation() == 3);

  auto docs = fixture_articles();
  std::map<std::string, const IndexableDocument*> by_id;
  for (const auto& d : docs) by_id[d.stored.id] = &d;
  std::map<std::string, size_t> seen_terms;
  for (const auto& segment : snapshot->segments()) {
    for (uint32_t doc = 0; doc < segment->doc_count(); ++doc) {
      StoredDocument stored = segment->document(doc);
      const IndexableDocument& expected = *by_id.at(stored.id);
      CHECK(segment->is_deleted(doc) == (stored.id == "fx7"));
      CHECK(stored.title == expected.stored.title);
      CHECK(stored.source == expected.stored.source);
      CHECK(stored.url == expected.stored.url);
      CHECK(stored.text == expected.stored.text);
      CHECK(stored.date == expected.stored.date);
      CHECK(segment->length(doc) == expected.length);
      if (doc > 0) CHECK(segment->date(doc - 1) <= segment->date(doc));
    }
    for (const auto& term : {"common", "w3", "w17", "Qfx42", "Qfx250"}) {
      PostingCursor cursor = segment->postings(term);
      for (; cursor.doc() != PostingCursor::kEnd; cursor.next()) {
        const IndexableDocument& expected = *by_id.at(segment->document(cursor.doc()).id);
        auto it = std::find_if(expected.terms.begin(), expected.terms.end(), [&](auto& t) { return t.term == term; });
        REQUIRE(it != expected.terms.end());
        CHECK(cursor.frequency() == it->frequency);
        CHECK(std::vector<uint32_t>(cursor.positions().begin(), cursor.positions().end()) == it->positions);
        ++seen_terms[term];
      }
    }
  }
  CHECK(seen_terms["common"] == 300);  // the deleted article keeps its postings until a merge
  CHECK(seen_terms["Qfx42"] == 1);
  CHECK(seen_terms["Qfx250"] == 1);
}

TEST_CASE("a file of another format version gets the format-version error") {
  testing::TempDir dir;
  std::filesystem::copy(kFixture, dir.path(), std::filesystem::copy_options::recursive);
  auto path = dir / "seg-000001.postings";
  auto bytes = read_bytes(path);
  // Claim version 2 and re-frame: chunk checksums and the footer checksum
  // made valid again, so only the version differs.
  bytes[8] = 2;
  uint64_t table;
  std::memcpy(&table, bytes.data() + bytes.size() - 24, 8);
  for (uint64_t chunk = 0; chunk * 65536 < table; ++chunk) {
    uint64_t begin = chunk * 65536, end = std::min<uint64_t>(begin + 65536, table);
    uint32_t sum = static_cast<uint32_t>(XXH3_64bits(bytes.data() + begin, end - begin));
    std::memcpy(bytes.data() + table + 4 * chunk, &sum, 4);
  }
  uint64_t whole = XXH3_64bits(bytes.data(), bytes.size() - 8);
  std::memcpy(bytes.data() + bytes.size() - 8, &whole, 8);
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  try {
    IndexSnapshot::open(dir.path());
    FAIL("opened");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::format_version);
    CHECK(std::string(e.what()).find("format version 2 is newer") != std::string::npos);
  }
}
