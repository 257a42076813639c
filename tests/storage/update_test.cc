// Updates, deletions and merges: an id indexed again replaces the old
// article, deleted articles stop matching at once and disappear from disk in
// merges, the tiered policy bounds the number of segments, and optimize leaves
// one segment with exactly the live articles.
#include <doctest/doctest.h>

#include <random>
#include <set>

#include "attache/storage/index_reader.h"
#include "attache/storage/index_writer.h"
#include "postings_codec.h"
#include "temp_dir.h"

using namespace attache;
using namespace attache::storage;

namespace {

IndexableDocument article(const std::string& id, Day date, const std::string& word) {
  IndexableDocument d;
  d.stored.id = id;
  d.stored.date = date;
  d.stored.text = word + " " + id;
  d.length = 2;
  d.terms.push_back({word, 1, {0}});
  std::string id_term = "Q";
  id_term += id;
  d.terms.push_back({id_term, 1, {}});
  return d;
}

// Live ids holding `term`, across segments.
std::set<std::string> ids_with(const IndexSnapshot& snapshot, const std::string& term) {
  std::set<std::string> ids;
  for (const auto& segment : snapshot.segments())
    for (PostingCursor c = segment->postings(term); c.doc() != PostingCursor::kEnd; c.next())
      if (!segment->is_deleted(c.doc())) ids.insert(segment->document(c.doc()).id);
  return ids;
}

std::set<std::string> live_ids(const IndexSnapshot& snapshot) {
  std::set<std::string> ids;
  for (const auto& segment : snapshot.segments())
    for (uint32_t d = 0; d < segment->doc_count(); ++d)
      if (!segment->is_deleted(d)) ids.insert(segment->document(d).id);
  return ids;
}

using Ids = std::set<std::string>;

}  // namespace

TEST_CASE("an id indexed again replaces the earlier article, in the buffer or committed") {
  testing::TempDir dir;
  {
    auto writer = IndexWriter::open(dir.path());
    writer->add(article("a", 19000, "old"));
    writer->add(article("b", 19001, "old"));
    writer->add(article("a", 19002, "newer"));  // replaces a in the buffer
    for (int i = 0; i < 4; ++i) writer->add(article("filler" + std::to_string(i), 19000, "filler"));
    writer->commit();
  }
  auto first = IndexSnapshot::open(dir.path());
  CHECK(first->doc_count() == 6);
  CHECK(ids_with(*first, "old") == Ids{"b"});
  CHECK(ids_with(*first, "newer") == Ids{"a"});
  {
    auto writer = IndexWriter::open(dir.path());
    writer->add(article("b", 19003, "newest"));  // replaces committed b
    writer->commit();
  }
  auto second = IndexSnapshot::open(dir.path());
  CHECK(second->doc_count() == 6);
  CHECK(ids_with(*second, "old").empty());
  CHECK(ids_with(*second, "newest") == Ids{"b"});
  CHECK(second->segments()[0]->deleted_count() == 1);
  CHECK_NOTHROW(second->verify());
  // The earlier snapshot is unchanged.
  CHECK(ids_with(*first, "old") == Ids{"b"});
}

TEST_CASE("remove deletes committed and buffered articles; optimize drops them from disk") {
  testing::TempDir dir;
  auto writer = IndexWriter::open(dir.path());
  for (int i = 0; i < 30; ++i) writer->add(article("d" + std::to_string(i), 19000 + i, "word"));
  writer->commit();
  writer->add(article("late", 19100, "word"));
  CHECK(writer->remove("d3") == 1);
  CHECK(writer->remove("late") == 1);
  CHECK(writer->remove("d3") == 0);  // already pending
  CHECK(writer->remove("never") == 0);
  writer->commit();
  auto snapshot = IndexSnapshot::open(dir.path());
  CHECK(snapshot->doc_count() == 29);
  CHECK(live_ids(*snapshot).count("d3") == 0);
  CHECK(live_ids(*snapshot).count("late") == 0);
  CHECK(snapshot->segments().size() == 1);
  CHECK(snapshot->segments()[0]->deleted_count() == 1);

  writer->optimize();
  auto optimized = IndexSnapshot::open(dir.path());
  REQUIRE(optimized->segments().size() == 1);
  CHECK(optimized->segments()[0]->doc_count() == 29);
  CHECK(optimized->segments()[0]->deleted_count() == 0);
  CHECK(optimized->doc_frequency("Qd3") == 0);
  CHECK(optimized->doc_frequency("word") == 29);
  CHECK_NOTHROW(optimized->verify());
  // Replaced files are gone; the old snapshot still reads its mapped files.
  size_t segment_files = 0;
  for (const auto& f : std::filesystem::directory_iterator(dir.path()))
    segment_files += f.path().filename().string().rfind("seg-", 0) == 0;
  CHECK(segment_files == 6);
  CHECK(live_ids(*snapshot).size() == 29);
}

TEST_CASE("the tiered policy merges segments of a size, keeping date order and every posting") {
  testing::TempDir dir;
  WriterOptions options;
  options.merge_factor = 4;
  {
    auto writer = IndexWriter::open(dir.path(), options);
    for (int round = 0; round < 13; ++round) {
      // Later rounds carry earlier dates, so merged segments must re-sort.
      for (int i = 0; i < 5; ++i)
        writer->add(article("r" + std::to_string(round) + "-" + std::to_string(i), 19000 - round * 10 + i,
                            i % 2 ? "odd" : "even"));
      writer->commit();
    }
  }
  auto snapshot = IndexSnapshot::open(dir.path());
  CHECK(snapshot->doc_count() == 65);
  CHECK(snapshot->segments().size() < 8);
  CHECK(ids_with(*snapshot, "odd").size() == 26);
  CHECK(ids_with(*snapshot, "even").size() == 39);
  for (const auto& segment : snapshot->segments())
    for (uint32_t d = 1; d < segment->doc_count(); ++d) CHECK(segment->date(d - 1) <= segment->date(d));
  CHECK_NOTHROW(snapshot->verify());
}

TEST_CASE("a segment with a third of its articles deleted is rewritten without them") {
  testing::TempDir dir;
  auto writer = IndexWriter::open(dir.path());
  for (int i = 0; i < 9; ++i) writer->add(article("x" + std::to_string(i), 19000, "w"));
  writer->commit();
  for (int i = 0; i < 3; ++i) writer->remove("x" + std::to_string(i));
  writer->commit();
  auto snapshot = IndexSnapshot::open(dir.path());
  REQUIRE(snapshot->segments().size() == 1);
  CHECK(snapshot->segments()[0]->doc_count() == 6);
  CHECK(snapshot->segments()[0]->deleted_count() == 0);
}

TEST_CASE("a merge streams long lists (many blocks, megabytes of positions) in date order, without deleted articles") {
  // Three segments whose dates interleave, a frequent positional term in every
  // article: the merged term crosses many 128-document blocks and more than a
  // mebibyte of positions, which the writer drains to its file on the way.
  testing::TempDir dir;
  auto positions_of = [](int n) {
    std::mt19937 rng(static_cast<uint32_t>(n));
    std::vector<uint32_t> p;
    for (uint32_t at = rng() % 5, count = 400 + rng() % 200; p.size() < count; at += 1 + rng() % 100) p.push_back(at);
    return p;
  };
  auto frequent = [&](int n, Day date) {
    IndexableDocument d = article("f" + std::to_string(n), date, "rare" + std::to_string(n % 7));
    d.terms.push_back({"frequent", static_cast<uint32_t>(positions_of(n).size()), positions_of(n)});
    d.length = static_cast<uint32_t>(positions_of(n).size() + 2);
    return d;
  };
  constexpr int kPerSegment = 1500;
  {
    auto writer = IndexWriter::open(dir.path());
    for (int s = 0; s < 3; ++s) {
      for (int i = 0; i < kPerSegment; ++i) writer->add(frequent(s * kPerSegment + i, 18000 + 3 * i + s));
      writer->commit();
    }
    for (int n = 0; n < 3 * kPerSegment; n += 10) writer->remove("f" + std::to_string(n));
    writer->optimize();
  }
  auto snapshot = IndexSnapshot::open(dir.path());
  REQUIRE(snapshot->segments().size() == 1);
  const Segment& segment = *snapshot->segments()[0];
  CHECK(segment.doc_count() == 3 * kPerSegment - 3 * kPerSegment / 10);
  CHECK_NOTHROW(snapshot->verify());
  uint32_t seen = 0, previous = 0;
  for (PostingCursor c = segment.postings("frequent"); c.doc() != PostingCursor::kEnd; c.next(), ++seen) {
    if (seen > 0) CHECK(segment.date(previous) <= segment.date(c.doc()));
    previous = c.doc();
    const int n = std::stoi(segment.document(c.doc()).id.substr(1));
    CHECK(n % 10 != 0);
    const auto expected = positions_of(n);
    const auto got = c.positions();
    REQUIRE(c.frequency() == expected.size());
    CHECK(std::vector<uint32_t>(got.begin(), got.end()) == expected);
  }
  CHECK(seen == segment.doc_count());
  size_t rare3 = 0;
  for (int n = 0; n < 3 * kPerSegment; ++n) rare3 += n % 7 == 3 && n % 10 != 0;
  CHECK(ids_with(*snapshot, "rare3").size() == rare3);
  uint64_t positions_bytes = 0;
  for (const auto& f : std::filesystem::directory_iterator(dir.path()))
    if (f.path().extension() == ".positions") positions_bytes += f.file_size();
  CHECK(positions_bytes > TermEncoder::kDrainBytes);  // so the writer drained them on the way
}

TEST_CASE("signatures are kept with their articles through flushes, merges and optimize") {
  attache::testing::TempDir dir;
  auto signature_of = [](uint32_t n) {
    Signature s{};
    for (size_t i = 0; i < kSignatureSize; ++i) s[i] = static_cast<uint16_t>(n * 131 + i);
    return s;
  };
  {
    auto writer = IndexWriter::open(dir.path());
    for (uint32_t n = 0; n < 30; ++n) {
      IndexableDocument d = article("a" + std::to_string(n), static_cast<Day>(19000 - n), "word");
      d.signature = signature_of(n);
      writer->add(std::move(d));
      if (n % 10 == 9) writer->commit();
    }
    writer->optimize();
  }
  auto snapshot = IndexSnapshot::open(dir.path());
  REQUIRE(snapshot->segments().size() == 1);
  const Segment& segment = *snapshot->segments()[0];
  for (uint32_t d = 0; d < segment.doc_count(); ++d) {
    const uint32_t n = static_cast<uint32_t>(std::stoul(segment.document(d).id.substr(1)));
    CHECK(segment.signature(d) == signature_of(n));
  }
}
