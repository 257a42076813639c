// Statement postings' word positions read from the article's (FORMAT.md,
// ".statements" version 6): overlapping spans, positions counted from each
// statement's first word, and a span that no longer holds the words its
// postings list reported as corruption.
#include <doctest/doctest.h>

#include <cstring>
#include <vector>

#include "attache/storage/index_reader.h"
#include "attache/storage/index_writer.h"
#include "attache/storage/statement_index.h"
#include "corruption_of.h"
#include "restamp.h"
#include "temp_dir.h"

using namespace attache;
using namespace attache::storage;
using attache::testing::corruption_of;

namespace {

StoredStatement statement(uint32_t begin, uint32_t end, uint32_t first_position) {
  StoredStatement st;
  st.begin = begin;
  st.end = end;
  st.first_position = first_position;
  st.position_count = 2;
  st.canonical = st.speaker = "X";
  st.confidence = 90;
  return st;
}

// One article, "text of document", whose two statements overlap: "text of"
// (positions 0 and 1) and "of document" (1 and 2).
void build(const std::filesystem::path& dir) {
  auto writer = IndexWriter::open(dir);
  IndexableDocument d;
  d.stored.id = "d";
  d.stored.date = 19000;
  d.stored.text = "text of document";
  d.stored.statements = {statement(0, 7, 0), statement(5, 16, 1)};
  d.length = 3;
  d.terms = {{"Px", 1, {0}}, {"Py", 1, {32}}, {"document", 1, {2}}, {"of", 1, {1}}, {"text", 1, {0}}};
  writer->add(std::move(d));
  writer->commit();
}

std::vector<std::pair<uint32_t, std::vector<uint32_t>>> listed(const StatementIndex& index, std::string_view term) {
  std::vector<std::pair<uint32_t, std::vector<uint32_t>>> out;
  auto cursor = index.positional_postings(term);
  REQUIRE(cursor);
  for (; cursor->doc() != PostingCursor::kEnd; cursor->next()) {
    const auto positions = cursor->positions();
    out.emplace_back(cursor->doc(), std::vector<uint32_t>(positions.begin(), positions.end()));
  }
  return out;
}

}  // namespace

TEST_CASE("statement words' positions are their article's, counted from each statement's first word") {
  testing::TempDir dir;
  build(dir.path());
  auto snapshot = IndexSnapshot::open(dir.path());
  snapshot->verify();
  const StatementIndex* index = snapshot->segments()[0]->statement_index();
  REQUIRE(index);
  CHECK_FALSE(index->find_term("of")->has_positions());  // not stored again
  using Listed = std::vector<std::pair<uint32_t, std::vector<uint32_t>>>;
  CHECK(listed(*index, "of") == Listed{{0, {1}}, {1, {0}}});  // in both spans
  CHECK(listed(*index, "text") == Listed{{0, {0}}});
  CHECK(listed(*index, "document") == Listed{{1, {1}}});
  CHECK(listed(*index, "Py") == Listed{{1, {0}}});  // speaker terms keep theirs
  CHECK_FALSE(index->positional_postings("absent"));
  CHECK(index->span(1)->first_position == 1);
  // Without the first positions' column (cut off with the months, as version 4
  // lays the file out), the spans come from the entries: the same positions.
  snapshot.reset();
  testing::as_statements_version_4(dir.path(), "seg-000001.statements");
  auto cut = IndexSnapshot::open(dir.path());
  const StatementIndex* entries = cut->segments()[0]->statement_index();
  REQUIRE(entries);
  CHECK_FALSE(entries->span(1));
  CHECK(listed(*entries, "of") == Listed{{0, {1}}, {1, {0}}});
  CHECK(listed(*entries, "document") == Listed{{1, {1}}});
  cut->verify();
}

TEST_CASE("a statement span that no longer holds the words its postings list is corruption") {
  testing::TempDir dir;
  build(dir.path());
  // The first positions' column ends the body, its offset last: width 1,
  // then the bits 0 and 1. The second statement moved to 0 loses "document".
  auto bytes = testing::read_bytes(dir.path() / "seg-000001.statements");
  uint64_t column = 0;
  std::memcpy(&column, bytes.data() + testing::body_end(bytes) - 8, 8);
  REQUIRE(bytes[column] == 1);
  REQUIRE(bytes[column + 1] == 0x02);
  const uint8_t moved = 0;
  testing::patch(dir.path(), "seg-000001.statements", column + 1, &moved, 1);
  auto snapshot = IndexSnapshot::open(dir.path());
  CHECK(corruption_of([&] { snapshot->verify(); }).find("disagree") != std::string::npos);
  const StatementIndex* index = snapshot->segments()[0]->statement_index();
  REQUIRE(index);
  auto document = index->positional_postings("document");
  REQUIRE(document);
  REQUIRE(document->doc() == 1);
  CHECK(corruption_of([&] { document->positions(); }).find("disagree") != std::string::npos);
}
