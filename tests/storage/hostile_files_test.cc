// Readers that check before they trust: files whose checksums are right and
// whose structure is wrong (a writer's bug, another version, a crafted file)
// are reported as corruption, never trusted into an allocation, an overflow
// or a read outside the mapping. Each case is a bug a reader once had.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <functional>

#include "attache/storage/error.h"
#include "attache/storage/index_reader.h"
#include "attache/storage/index_writer.h"
#include "attache/storage/posting_cursor.h"
#include "attache/storage/statement_index.h"
#include "attache/storage/bytes.h"
#include "corruption_of.h"
#include "file_format.h"
#include "restamp.h"
#include "statements_file.h"
#include "temp_dir.h"
#include "term_dictionary.h"

using namespace attache;
using namespace attache::storage;
using attache::testing::corruption_of;

namespace {

// Writes `body` as a framed file of `kind` and maps it.
std::unique_ptr<MappedFile> framed(const std::filesystem::path& path, FileKind kind, const ByteWriter& body) {
  FileWriter out(path, kind);
  out.write(body.bytes());
  out.finish();
  return std::make_unique<MappedFile>(path, path.filename().string(), kind);
}

uint64_t zigzag(int64_t v) { return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63); }

// A statements file for one document whose statements are `data` (and no
// statement postings after them).
std::unique_ptr<MappedFile> statements_file(const std::filesystem::path& path, const ByteWriter& data) {
  ByteWriter body;
  body.u32(1);  // documents
  body.u32(1);  // statements
  body.u64(0);  // positions
  body.u64(0);  // where the postings begin: the end, set below
  body.u32(1);  // speakers
  body.string("X");
  body.u8(0);
  body.u32(1);  // as written
  body.string("X");
  body.u32(1);  // cues
  body.string("said");
  body.u32(1);  // descriptions
  body.string("");
  body.u32(0);
  body.u32(static_cast<uint32_t>(data.size()));
  body.raw(data.bytes().data(), data.size());
  const uint64_t end = kHeaderSize + body.size();
  std::memcpy(body.bytes().data() + 16, &end, 8);
  return framed(path, FileKind::statements, body);
}

void one_statement(ByteWriter& data, uint64_t begin_delta) {
  data.varint(begin_delta);
  for (int field = 0; field < 7; ++field) data.varint(0);  // length, position, count, speaker, written, cue, description
  data.u8(0);
  data.u8(0);
}

IndexableDocument document(int i, const std::string& text) {
  IndexableDocument d;
  d.stored.id = "d" + std::to_string(i);
  d.stored.date = 19000 + i % 40;
  d.stored.text = text;
  d.length = 2;
  d.terms.push_back({"word", 2, {0, 1}});
  return d;
}

void build_index(const std::filesystem::path& dir, int count) {
  auto writer = IndexWriter::open(dir);
  for (int i = 0; i < count; ++i) writer->add(document(i, "text of document " + std::to_string(i)));
  writer->commit();
}

}  // namespace

TEST_CASE("a statement count beyond its bytes is corruption, before anything is allocated") {
  testing::TempDir dir;
  ByteWriter data;
  data.varint(UINT32_MAX);  // was resized to before the check: std::bad_alloc, exit 1
  one_statement(data, 0);
  auto file = statements_file(dir / "a.statements", data);
  StatementsReader reader(*file, 1);
  CHECK(corruption_of([&] { reader.get(0); }).find("exceeds the bytes left") != std::string::npos);
  std::vector<StatementSpan> spans;
  CHECK(corruption_of([&] { reader.spans(0, spans); }).find("exceeds the bytes left") != std::string::npos);
}

TEST_CASE("statement offsets that would overflow are corruption, checked before the addition") {
  // 100 + INT64_MAX overflowed int64 (undefined behaviour; UBSan stops here).
  testing::TempDir dir;
  ByteWriter data;
  data.varint(2);
  one_statement(data, zigzag(100));
  one_statement(data, zigzag(INT64_MAX));
  auto file = statements_file(dir / "a.statements", data);
  StatementsReader reader(*file, 1);
  CHECK(corruption_of([&] { reader.get(0); }).find("statement offset out of range") != std::string::npos);
}

namespace {

// A postings list of 256 documents (two blocks) whose skip entries give
// these last-document deltas and block lengths, followed by 8 bytes of blocks.
std::string postings_corruption(const testing::TempDir& dir, std::array<uint64_t, 2> deltas,
                                std::array<uint64_t, 2> lengths) {
  ByteWriter body;
  body.varint(2);
  for (int b = 0; b < 2; ++b) {
    body.varint(deltas[b]);
    body.varint(lengths[b]);
    body.varint(0);  // maximum frequency - 1
    body.varint(0);  // minimum length
  }
  for (int i = 0; i < 8; ++i) body.u8(0);
  auto file = framed(dir / "a.postings", FileKind::postings, body);
  TermInfo info;
  info.doc_frequency = 256;
  info.collection_frequency = 256;
  info.postings_offset = kHeaderSize;
  info.postings_length = body.size();
  return corruption_of([&] { PostingCursor(*file, nullptr, info, 1000); });
}

}  // namespace

TEST_CASE("postings block lengths whose sum wraps are corruption, not a read outside the mapping") {
  testing::TempDir dir;
  // The two lengths wrap to the 8 bytes that follow, which passed the check of their sum.
  CHECK(postings_corruption(dir, {127, 128}, {UINT64_MAX - 99, 108}).find("block runs past") != std::string::npos);
}

TEST_CASE("skip entries whose last document ids wrap are corruption") {
  testing::TempDir dir;
  // 0xF0000000 + 0x20000000 wraps to 0x10000000.
  CHECK(postings_corruption(dir, {0xF0000000u, 0x20000000u}, {4, 4}).find("skip entries run past") !=
        std::string::npos);
}

TEST_CASE("a term dictionary's block count beyond its index is corruption, before it is reserved") {
  testing::TempDir dir;
  ByteWriter body;
  body.u64(kHeaderSize);  // the index starts (and ends) at the body's start
  body.u64(kHeaderSize);  // and so does its sparse index (version 2)
  body.u64(1);
  body.u32(UINT32_MAX);  // was reserved: std::length_error
  auto file = framed(dir / "a.terms", FileKind::terms, body);
  CHECK(corruption_of([&] { TermDictionary dictionary(*file); }).find("exceeds the bytes left") != std::string::npos);
}

TEST_CASE("a document store block longer than any block is corruption, before it is allocated") {
  testing::TempDir dir;
  build_index(dir.path(), 10);
  const std::string name = "seg-000001.store";
  auto bytes = testing::read_bytes(dir / name);
  uint64_t end = testing::body_end(bytes), index_offset = 0;
  std::memcpy(&index_offset, bytes.data() + end - 16, 8);
  const uint32_t raw_length = 300u << 20;  // each fetch allocated what the file said, up to 4 GiB
  testing::patch(dir.path(), name, index_offset + 16, &raw_length, 4);
  auto snapshot = IndexSnapshot::open(dir.path());
  CHECK(corruption_of([&] { snapshot->segments()[0]->document(0); }).find("too large") != std::string::npos);
  CHECK(corruption_of([&] { snapshot->verify(); }).find("too large") != std::string::npos);
}

TEST_CASE("a date column whose values would overflow a day is corruption at open") {
  testing::TempDir dir;
  build_index(dir.path(), 100);  // 40 days: 6 bits a date
  const int32_t base = INT32_MAX - 3;  // date() added base and value in int32
  testing::patch(dir.path(), "seg-000001.columns", kHeaderSize + 12, &base, 4);
  corruption_of([&] { IndexSnapshot::open(dir.path()); });
}

TEST_CASE("a statement span outside its text is corruption when the article is read") {
  // The CLI cut the text by the span: std::out_of_range, exit 1.
  testing::TempDir dir;
  {
    auto writer = IndexWriter::open(dir.path());
    IndexableDocument d = document(0, "short text");
    StoredStatement st;
    st.begin = 6;
    st.end = 400;
    st.canonical = st.speaker = "X";
    d.stored.statements.push_back(st);
    writer->add(std::move(d));
    writer->commit();
  }
  auto snapshot = IndexSnapshot::open(dir.path());
  const Segment& segment = *snapshot->segments()[0];
  CHECK(corruption_of([&] { segment.document(0); }).find("spans bytes 6..400") != std::string::npos);
  corruption_of([&] { segment.scan_documents(0, 1, [](uint32_t, StoredDocument&&) {}); });
  corruption_of([&] { snapshot->verify(); });
}

TEST_CASE("statement_problem names spans outside the text and unknown kinds") {
  StoredDocument d;
  d.id = "a";
  d.text = "0123456789";
  d.statements.resize(1);
  d.statements[0].begin = 2;
  d.statements[0].end = 10;
  CHECK(statement_problem(d).empty());
  d.statements[0].end = 11;
  CHECK_FALSE(statement_problem(d).empty());
  d.statements[0].begin = 5;
  d.statements[0].end = 4;
  CHECK_FALSE(statement_problem(d).empty());
  d.statements[0].end = 6;
  d.statements[0].kind = 3;  // the CLI looked its name up in a table of three
  CHECK(statement_problem(d).find("unknown kind") != std::string::npos);
}

namespace {

// An index of 30 articles with two statements each, and where its statement
// postings begin.
uint64_t build_statement_index(const std::filesystem::path& dir) {
  {
    auto writer = IndexWriter::open(dir);
    for (int i = 0; i < 30; ++i) {
      IndexableDocument d = document(i, "text of document " + std::to_string(i));
      for (uint32_t k = 0; k < 2; ++k) {
        StoredStatement st;
        st.begin = 0;
        st.end = 4;
        st.first_position = k;
        st.position_count = 1;
        st.canonical = st.speaker = "X";
        st.confidence = 90;
        d.stored.statements.push_back(st);
        d.terms.push_back({"P" + std::string(k ? "y" : "x"), 1, {k * 32}});
      }
      writer->add(std::move(d));
    }
    writer->commit();
  }
  uint64_t offset = 0;
  auto bytes = testing::read_bytes(dir / "seg-000001.statements");
  std::memcpy(&offset, bytes.data() + kHeaderSize + 16, 8);
  return offset;
}

}  // namespace

TEST_CASE("statement postings: an offset outside the file is corruption when the statements are first read") {
  testing::TempDir dir;
  build_statement_index(dir.path());
  const uint64_t far = uint64_t{1} << 40;
  testing::patch(dir.path(), "seg-000001.statements", kHeaderSize + 16, &far, 8);
  // Opening reads no statement (an article query needs none): the header is
  // checked on first use, by whichever reader comes first.
  auto snapshot = IndexSnapshot::open(dir.path());
  const Segment& segment = *snapshot->segments()[0];
  CHECK(corruption_of([&] { segment.statement_index(); }).find("postings offset") != std::string::npos);
  CHECK(corruption_of([&] { segment.statements(0); }).find("postings offset") != std::string::npos);
}

TEST_CASE("statement postings: counts, widths and article starts are checked before use") {
  testing::TempDir dir;
  const uint64_t at = build_statement_index(dir.path());
  {
    auto snapshot = IndexSnapshot::open(dir.path());
    const StatementIndex* index = snapshot->segments()[0]->statement_index();
    REQUIRE(index);
    CHECK(index->doc_count() == 60);
    CHECK(index->article(59) == 29);
    CHECK(index->postings("Py").doc_frequency() == 30);
    snapshot->verify();
  }
  // `read` runs on the damaged copy's statement index (opened: the postings
  // are read on first use).
  auto damaged = [&](uint64_t offset, const void* bytes, size_t size,
                     const std::function<void(const StatementIndex&)>& read = [](const StatementIndex&) {}) {
    testing::TempDir copy;
    std::filesystem::copy(dir.path(), copy.path(), std::filesystem::copy_options::recursive |
                                                       std::filesystem::copy_options::overwrite_existing);
    testing::patch(copy.path(), "seg-000001.statements", offset, bytes, size);
    auto snapshot = IndexSnapshot::open(copy.path());
    return corruption_of([&] { read(*snapshot->segments()[0]->statement_index()); });
  };
  // A start in the middle out of range is found when read: first(10) = 63
  // (bits 60..65 of the starts; first(9) = 18 and first(11) = 22 kept around
  // it), past the 60 statements.
  const uint8_t late[] = {0xf4, 0x5b};
  CHECK(damaged(at + 9 + 7, late, 2, [](const StatementIndex& index) { index.first_statement(10); })
            .find("past the statements") != std::string::npos);
  CHECK(damaged(at + 9 + 7, late, 2, [](const StatementIndex& index) { index.article(21); })
            .find("past the statements") != std::string::npos);
  const uint32_t many = UINT32_MAX;
  CHECK(damaged(at + 4, &many, 4).find("statement count disagrees") != std::string::npos);
  const uint8_t wide = 40;
  CHECK(damaged(at + 8, &wide, 1).find("width") != std::string::npos);
  const uint8_t skewed = 0xff;  // first(0) no longer 0
  CHECK(damaged(at + 9, &skewed, 1).find("out of order") != std::string::npos);
}

TEST_CASE("statement postings that disagree with the statements fail attache check") {
  testing::TempDir dir;
  const uint64_t at = build_statement_index(dir.path());
  // The confidences follow the two columns: 31 article starts of 6 bits and
  // 60 lengths of 1 bit, each array with 8 bytes of padding.
  const uint64_t confidences = at + 8 + 1 + (31 * 6 + 7) / 8 + 8 + 1 + (60 + 7) / 8 + 8;
  const uint8_t other = 55;
  testing::patch(dir.path(), "seg-000001.statements", confidences + 3, &other, 1);
  auto snapshot = IndexSnapshot::open(dir.path());
  CHECK(corruption_of([&] { snapshot->verify(); }).find("disagree") != std::string::npos);
  const uint8_t impossible = 101;
  testing::patch(dir.path(), "seg-000001.statements", confidences + 3, &impossible, 1);
  auto reopened = IndexSnapshot::open(dir.path());
  // Checked when read: opening reads no more of the columns than a query needs.
  const StatementIndex* index = reopened->segments()[0]->statement_index();
  REQUIRE(index);
  CHECK(index->confidence(2) == 90);
  CHECK(corruption_of([&] { index->confidence(3); }).find("confidence") != std::string::npos);
}

namespace {

// Where the speakers' months begin in the index of build_statement_index():
// one speaker ("X"), 48 statements in January 2022 and 12 in February, so
// the table is u32 1, varint 2, zigzag(24264) in three bytes, 48, 1, 12.
uint64_t speaker_months_at(const std::filesystem::path& dir) {
  const auto bytes = testing::read_bytes(dir / "seg-000001.statements");
  uint64_t first_positions = 0, at = 0;  // version 6 ends with the first positions' offset, after the months'
  std::memcpy(&first_positions, bytes.data() + testing::body_end(bytes) - 8, 8);
  std::memcpy(&at, bytes.data() + first_positions - 8, 8);
  return at;
}

}  // namespace

TEST_CASE("speaker months: offsets and counts are checked before use") {
  testing::TempDir dir;
  build_statement_index(dir.path());
  const uint64_t at = speaker_months_at(dir.path());
  {
    auto snapshot = IndexSnapshot::open(dir.path());
    const SpeakerMonths* months = snapshot->segments()[0]->speaker_months();
    REQUIRE(months);
    REQUIRE(months->speaker_count() == 1);
    CHECK(months->of(0).size() == 2);
    CHECK(months->of(0)[0].statements == 48);
    CHECK(months->of(0)[1].month == 2022 * 12 + 1);
    snapshot->verify();
  }
  auto damaged = [&](uint64_t offset, const void* bytes, size_t size) {
    testing::TempDir copy;
    std::filesystem::copy(dir.path(), copy.path(), std::filesystem::copy_options::recursive |
                                                       std::filesystem::copy_options::overwrite_existing);
    testing::patch(copy.path(), "seg-000001.statements", offset, bytes, size);
    auto snapshot = IndexSnapshot::open(copy.path());
    return corruption_of([&] { snapshot->segments()[0]->speaker_months(); });
  };
  const uint64_t far = uint64_t{1} << 40;
  const uint64_t trailer = at + 11;
  CHECK(damaged(trailer, &far, 8).find("speaker months offset") != std::string::npos);
  const uint32_t two = 2;
  CHECK(damaged(at, &two, 4).find("speaker count disagrees") != std::string::npos);
  const uint8_t many = 0x7f;  // 127 months in 7 bytes
  CHECK(damaged(at + 4, &many, 1).find("exceeds the bytes left") != std::string::npos);
  const uint8_t more = 49, fewer = 47, still = 0;
  CHECK(damaged(at + 8, &more, 1).find("more statements") != std::string::npos);
  CHECK(damaged(at + 8, &fewer, 1).find("fewer statements") != std::string::npos);
  CHECK(damaged(at + 9, &still, 1).find("out of order") != std::string::npos);
}

TEST_CASE("speaker months that disagree with the statements fail attache check") {
  testing::TempDir dir;
  build_statement_index(dir.path());
  const uint64_t at = speaker_months_at(dir.path());
  // One statement moved from January to February: the counts still add up.
  const uint8_t january = 47, february = 13;
  testing::patch(dir.path(), "seg-000001.statements", at + 8, &january, 1);
  testing::patch(dir.path(), "seg-000001.statements", at + 10, &february, 1);
  auto snapshot = IndexSnapshot::open(dir.path());
  CHECK(snapshot->segments()[0]->speaker_months()->of(0)[1].statements == 13);
  CHECK(corruption_of([&] { snapshot->verify(); }).find("speaker months disagree") != std::string::npos);
}
