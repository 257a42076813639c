// Format compatibility: tests/data/index-v1 is an index written when every
// file was at format version 1, checked in. This test decodes every part of it
// and compares with the articles that built it, so a change that breaks
// reading old indexes fails here; the same articles written by this build must
// decode the same. A file claiming a newer version, with valid checksums, gets
// the format-version error, not "corrupted".
//
// The fixture must stay as version-1 code wrote it. ATTACHE_WRITE_FIXTURE=1
// rewrites it with the current writer, for a new fixture of a new version
// (tests/data/README.md).
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
#include "attache/storage/statement_index.h"
#include "same_document.h"
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
    // Statements in every fourth article: the same speakers and cues again and
    // again, spans that overlap, a group.
    if (i % 4 == 0) {
      const uint32_t end = static_cast<uint32_t>(d.stored.text.size());
      d.stored.statements.push_back({0, end, 0, 5, "Deputy Minister Ada Fixture", "Ada Fixture", "said", 1,
                                     static_cast<uint8_t>(60 + i % 40), false});
      d.stored.statements.push_back({5, end - 1, 1, 3, i % 8 ? "she" : "the ministry", i % 8 ? "Ada Fixture" : "the ministry",
                                     "told reporters", static_cast<uint8_t>(i % 3), 90, i % 8 == 0});
    }
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

// The index in `dir` holds exactly the fixture articles.
void check_fixture_index(const std::filesystem::path& dir) {
  REQUIRE(std::filesystem::exists(dir / "MANIFEST"));
  auto snapshot = IndexSnapshot::open(dir);
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
      testing::check_same_document(stored, expected.stored);
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

}  // namespace

TEST_CASE("the checked-in version 1 fixture decodes to the articles that built it") {
  if (std::getenv("ATTACHE_WRITE_FIXTURE")) write_fixture(kFixture);
  check_fixture_index(kFixture);
  // Written before statement postings: statement queries read the spans.
  auto fixture = IndexSnapshot::open(kFixture);
  for (const auto& segment : fixture->segments()) CHECK(segment->statement_index() == nullptr);
}

TEST_CASE("the same articles written by this build decode the same") {
  testing::TempDir dir;
  write_fixture(dir / "index");
  check_fixture_index(dir / "index");
  CHECK(read_bytes(dir / "index" / "seg-000001.statements")[8] == 6);  // descriptions, speaker kinds, postings, months, derived word positions
  auto written = IndexSnapshot::open(dir / "index");
  for (const auto& segment : written->segments()) {
    const StatementIndex* index = segment->statement_index();
    REQUIRE(index);
    CHECK(index->doc_count() == segment->statement_count());
    REQUIRE(segment->speaker_months());
    uint64_t counted = 0;
    for (const auto& month : segment->speaker_months()->months) counted += month.statements;
    CHECK(counted == segment->statement_count());  // fx7, the deleted article, has none
  }
  CHECK(read_bytes(dir / "index" / "seg-000001.postings")[8] == 1);
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

TEST_CASE("version 3 keeps each statement's description and its speaker's kind") {
  testing::TempDir dir;
  {
    auto writer = IndexWriter::open(dir.path());
    IndexableDocument d;
    d.stored.id = "kinds";
    d.stored.date = 19000;
    d.stored.text = "Texas Sen. Ted Cruz said no. The Post reported it. Officials agreed.";
    d.terms.push_back({"Qkinds", 1, {}});
    StoredStatement cruz{0, 28, 0, 6, "Texas Sen. Ted Cruz", "Ted Cruz", "said", 1, 90, false};
    cruz.description = "Texas Sen.";
    StoredStatement post{29, 50, 6, 4, "The Post", "Post", "reported", 1, 80, true};
    post.speaker_kind = 3;
    StoredStatement officials{51, 70, 10, 2, "Officials", "Officials", "agreed", 1, 70, true};  // kind unset: a group
    d.stored.statements = {cruz, post, officials};
    writer->add(std::move(d));
    writer->commit();
  }
  auto snapshot = IndexSnapshot::open(dir.path());
  auto got = snapshot->segments()[0]->statements(0);
  REQUIRE(got.size() == 3);
  CHECK(got[0].description == "Texas Sen.");
  CHECK(got[0].speaker_kind == 0);
  CHECK(!got[0].group);
  CHECK(got[1].speaker_kind == 3);
  CHECK(got[1].group);
  CHECK(got[1].description.empty());
  CHECK(got[2].speaker_kind == 1);
  CHECK(got[2].group);
}

TEST_CASE("version 1 columns have no signatures: every article's reads as none") {
  auto snapshot = IndexSnapshot::open(kFixture);
  for (const auto& segment : snapshot->segments())
    for (uint32_t d = 0; d < segment->doc_count(); ++d) CHECK(segment->signature(d) == Signature{});
}
