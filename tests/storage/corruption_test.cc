// One flipped byte anywhere in any file of an index is reported as corruption
// by a full check, never a crash or a silent success; a newer format version
// gets its own error.
#include <doctest/doctest.h>

#include <cstring>
#include <fstream>
#include <random>

#include "attache/storage/error.h"
#include "attache/storage/index_reader.h"
#include "attache/storage/index_writer.h"
#include "file_format.h"
#include "temp_dir.h"

using namespace attache;
using namespace attache::storage;

namespace {

void build_index(const std::filesystem::path& dir) {
  auto writer = IndexWriter::open(dir);
  std::mt19937_64 rng(5);
  for (int i = 0; i < 400; ++i) {
    IndexableDocument d;
    d.stored.id = "a" + std::to_string(i);
    d.stored.date = 19000 + i % 30;
    d.stored.text = "article " + std::to_string(i) + " " + std::string(200 + rng() % 300, 'a' + i % 26);
    uint32_t length = 40 + static_cast<uint32_t>(rng() % 100);
    for (uint32_t p = 0; p < length; ++p) {
      std::string term = "t" + std::to_string(rng() % 60);
      auto it = std::find_if(d.terms.begin(), d.terms.end(), [&](auto& t) { return t.term == term; });
      if (it == d.terms.end()) it = d.terms.insert(d.terms.end(), TermOccurrences{term, 0, {}});
      ++it->frequency;
      it->positions.push_back(p);
    }
    d.length = length;
    writer->add(std::move(d));
  }
  writer->commit();
}

std::vector<char> read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::vector<char>((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void write_file(const std::filesystem::path& p, const std::vector<char>& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Opens and fully checks the index; returns the error kind, or nothing.
std::optional<ErrorKind> check(const std::filesystem::path& dir) {
  try {
    IndexSnapshot::open(dir)->verify();
    return std::nullopt;
  } catch (const Error& e) {
    return e.kind();
  }
}

}  // namespace

TEST_CASE("a flipped byte in any file is corruption") {
  testing::TempDir dir;
  build_index(dir.path());
  REQUIRE_FALSE(check(dir.path()));
  std::mt19937_64 rng(11);
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    std::string name = entry.path().filename().string();
    if (name == "LOCK") continue;
    ++files;
    const auto original = read_file(entry.path());
    // The header, the footer, and bytes spread over the body.
    std::vector<size_t> offsets = {0, 5, 9, original.size() - 1, original.size() - 9, original.size() - 17,
                                   original.size() - 25};
    for (int k = 0; k < 12; ++k) offsets.push_back(rng() % original.size());
    for (size_t offset : offsets) {
      auto damaged = original;
      damaged[offset] = static_cast<char>(damaged[offset] ^ (1 << (rng() % 8)));
      write_file(entry.path(), damaged);
      auto kind = check(dir.path());
      CHECK_MESSAGE(kind.has_value(), name << " byte " << offset);
      if (kind) CHECK_MESSAGE(*kind == ErrorKind::corruption, name << " byte " << offset);
    }
    write_file(entry.path(), original);
    REQUIRE_FALSE(check(dir.path()));
  }
  CHECK(files == 7);  // manifest and the six segment files
}

TEST_CASE("a truncated file is corruption") {
  testing::TempDir dir;
  build_index(dir.path());
  for (const char* name : {"seg-000001.postings", "seg-000001.store", "MANIFEST"}) {
    const auto original = read_file(dir / name);
    for (size_t keep : {size_t{0}, size_t{10}, original.size() / 2, original.size() - 1}) {
      write_file(dir / name, std::vector<char>(original.begin(), original.begin() + static_cast<long>(keep)));
      auto kind = check(dir.path());
      CHECK_MESSAGE(kind.has_value(), name << " cut to " << keep);
      if (kind) CHECK_MESSAGE(*kind == ErrorKind::corruption, name << " cut to " << keep);
    }
    write_file(dir / name, original);
  }
}

TEST_CASE("a missing segment file is corruption") {
  testing::TempDir dir;
  build_index(dir.path());
  std::filesystem::remove(dir / "seg-000001.terms");
  auto kind = check(dir.path());
  REQUIRE(kind);
  CHECK(*kind == ErrorKind::corruption);
}

TEST_CASE("a flipped byte in an article's statements is corruption when they are read, without a full check") {
  // Opening checks the statements file's tables; each article's statements
  // are checked when first read. A damaged one must never decode as data.
  testing::TempDir dir;
  {
    auto writer = IndexWriter::open(dir.path());
    for (int i = 0; i < 6000; ++i) {  // statements data over several 64 KiB chunks
      IndexableDocument d;
      d.stored.id = "s" + std::to_string(i);
      d.stored.date = 19000 + i % 10;
      d.stored.text = "Ryabkov said the talks had stalled, and Sherman said they had not.";
      for (int k = 0; k < 2; ++k) {
        StoredStatement st;
        st.begin = k ? 40 : 0;
        st.end = k ? 66 : 34;
        st.first_position = k ? 7 : 0;
        st.position_count = 5;
        st.speaker = k ? "Sherman" : "Ryabkov";
        st.canonical = st.speaker;
        st.cue = "said";
        d.stored.statements.push_back(st);
      }
      d.length = 12;
      d.terms.push_back({"talks", 1, {3}});
      writer->add(std::move(d));
    }
    writer->commit();
  }
  const auto path = dir / "seg-000001.statements";
  const auto original = read_file(path);
  // The last byte of the body: the statements of the last article.
  uint64_t body_end = 0;
  std::memcpy(&body_end, original.data() + original.size() - kFooterSize, 8);
  auto damaged = original;
  damaged[body_end - 1] = static_cast<char>(damaged[body_end - 1] ^ 0x10);
  write_file(path, damaged);
  auto snapshot = IndexSnapshot::open(dir.path());  // opens: the tables are intact
  const Segment& segment = *snapshot->segments()[0];
  CHECK_NOTHROW(segment.statements(0));
  try {
    segment.statements(segment.doc_count() - 1);
    FAIL("damaged statements were read without an error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::corruption);
  }
  // A page of article hits does not read statements: that article still shows,
  // and asking for its statements finds the damage.
  const std::vector<uint32_t> last = {segment.doc_count() - 1};
  size_t shown = 0;
  CHECK_NOTHROW(segment.fetch_documents(last, false, [&](uint32_t, StoredDocument&&) { ++shown; }));
  CHECK(shown == 1);
  CHECK_THROWS_AS(segment.fetch_documents(last, true, [](uint32_t, StoredDocument&&) {}), Error);
}
