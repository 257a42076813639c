// Round trips through the whole storage layer: random documents written by
// IndexWriter come back from IndexSnapshot with the same postings, positions,
// columns and stored fields, renumbered by date; plus the writer's lock,
// leftover cleanup and flushing by memory budget.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
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

struct ReferenceDoc {
  IndexableDocument doc;
  std::map<std::string, std::vector<uint32_t>> positions;  // term -> positions
  std::map<std::string, uint32_t> plain;                   // non-positional term -> frequency
};

// Zipf-like vocabulary: word k is drawn with weight 1/(k+1), so the first words
// reach long, block-coded lists and the tail stays short.
std::vector<ReferenceDoc> random_corpus(std::mt19937_64& rng, size_t count, size_t vocabulary) {
  std::vector<double> weights(vocabulary);
  for (size_t k = 0; k < vocabulary; ++k) weights[k] = 1.0 / static_cast<double>(k + 1);
  std::discrete_distribution<size_t> word(weights.begin(), weights.end());
  std::vector<ReferenceDoc> docs(count);
  for (size_t i = 0; i < count; ++i) {
    ReferenceDoc& r = docs[i];
    size_t length = 1 + rng() % 300;
    for (uint32_t p = 0; p < length; ++p) r.positions["w" + std::to_string(word(rng))].push_back(p);
    if (rng() % 3 == 0) r.plain["Qflag"] = 1 + static_cast<uint32_t>(rng() % 3);
    r.doc.stored.id = "doc-" + std::to_string(i);
    r.doc.stored.date = static_cast<Day>(18000 + rng() % 400);
    r.doc.stored.title = "Title " + std::to_string(i);
    r.doc.stored.source = i % 2 ? "Wire" : "";
    r.doc.stored.url = "https://example.org/" + std::to_string(i);
    r.doc.stored.text = "text of document " + std::to_string(i) + std::string(rng() % 2000, 'x');
    r.doc.length = static_cast<uint32_t>(length);
    for (auto& [term, pos] : r.positions)
      r.doc.terms.push_back(TermOccurrences{term, static_cast<uint32_t>(pos.size()), pos});
    for (auto& [term, freq] : r.plain) r.doc.terms.push_back(TermOccurrences{term, freq, {}});
  }
  return docs;
}

// The order the writer numbers documents in: by date, ties in arrival order.
std::vector<size_t> date_order(const std::vector<ReferenceDoc>& docs) {
  std::vector<size_t> order(docs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return docs[a].doc.stored.date < docs[b].doc.stored.date; });
  return order;
}

void write_all(const std::filesystem::path& dir, std::vector<ReferenceDoc> docs, WriterOptions options = {}) {
  auto writer = IndexWriter::open(dir, options);
  for (auto& r : docs) writer->add(std::move(r.doc));
  writer->commit();
}

}  // namespace

TEST_CASE("random documents round-trip through a segment") {
  std::mt19937_64 rng(42);
  auto docs = random_corpus(rng, 1200, 400);
  testing::TempDir dir;
  write_all(dir.path(), docs);

  auto snapshot = IndexSnapshot::open(dir.path());
  REQUIRE(snapshot->segments().size() == 1);
  const Segment& segment = *snapshot->segments()[0];
  REQUIRE(segment.doc_count() == docs.size());
  auto order = date_order(docs);

  SUBCASE("columns and stored fields follow date order") {
    for (uint32_t id = 0; id < order.size(); ++id) {
      const ReferenceDoc& r = docs[order[id]];
      CHECK(segment.date(id) == r.doc.stored.date);
      CHECK(segment.length(id) == r.doc.length);
      if (id % 97 == 0) {
        StoredDocument d = segment.document(id);
        CHECK(d.id == r.doc.stored.id);
        CHECK(d.title == r.doc.stored.title);
        CHECK(d.source == r.doc.stored.source);
        CHECK(d.url == r.doc.stored.url);
        CHECK(d.text == r.doc.stored.text);
        CHECK(d.date == r.doc.stored.date);
      }
    }
    uint32_t seen = 0;
    segment.scan_documents(0, segment.doc_count(), [&](uint32_t id, StoredDocument&& d) {
      CHECK(d.id == docs[order[id]].doc.stored.id);
      ++seen;
    });
    CHECK(seen == docs.size());
  }

  SUBCASE("postings, frequencies and positions match the reference") {
    std::map<std::string, std::vector<uint32_t>> expected_docs;
    for (uint32_t id = 0; id < order.size(); ++id) {
      for (auto& [term, pos] : docs[order[id]].positions) expected_docs[term].push_back(id);
      for (auto& [term, freq] : docs[order[id]].plain) expected_docs[term].push_back(id);
    }
    bool saw_block_list = false;
    for (auto& [term, ids] : expected_docs) {
      auto info = segment.find_term(term);
      REQUIRE(info);
      CHECK(info->doc_frequency == ids.size());
      saw_block_list |= ids.size() >= 3 * 128;
      PostingCursor cursor = segment.postings(*info);
      for (uint32_t id : ids) {
        REQUIRE(cursor.doc() == id);
        const ReferenceDoc& r = docs[order[id]];
        if (term[0] == 'Q') {
          CHECK(cursor.frequency() == r.plain.at(term));
        } else {
          CHECK(cursor.frequency() == r.positions.at(term).size());
          CHECK(std::vector<uint32_t>(cursor.positions().begin(), cursor.positions().end()) == r.positions.at(term));
        }
        cursor.next();
      }
      CHECK(cursor.doc() == PostingCursor::kEnd);
    }
    CHECK(saw_block_list);
    CHECK_FALSE(segment.find_term("absent"));
    CHECK(segment.postings("absent").doc() == PostingCursor::kEnd);
  }

  SUBCASE("advance lands on the first document at or after the target") {
    for (const char* term : {"w0", "w1", "w5", "w40", "w300"}) {
      auto info = segment.find_term(term);
      REQUIRE(info);
      std::vector<uint32_t> ids;
      for (PostingCursor c = segment.postings(*info); c.doc() != PostingCursor::kEnd; c.next()) ids.push_back(c.doc());
      for (int trial = 0; trial < 50; ++trial) {
        PostingCursor c = segment.postings(*info);
        uint32_t target = 0;
        while (true) {
          target += static_cast<uint32_t>(rng() % 200);
          c.advance(target);
          auto it = std::lower_bound(ids.begin(), ids.end(), target);
          if (it == ids.end()) {
            CHECK(c.doc() == PostingCursor::kEnd);
            break;
          }
          REQUIRE(c.doc() == *it);
          if (rng() % 2) CHECK(c.positions().size() == c.frequency());
        }
      }
    }
  }

  SUBCASE("prefix scans visit exactly the terms with the prefix, in order") {
    std::vector<std::string> seen;
    segment.scan_terms("w1", [&](std::string_view t, const TermInfo&) {
      seen.emplace_back(t);
      return true;
    });
    CHECK(!seen.empty());
    CHECK(std::is_sorted(seen.begin(), seen.end()));
    for (const auto& t : seen) CHECK(t.rfind("w1", 0) == 0);
    size_t expected = 0;
    segment.scan_terms("", [&](std::string_view t, const TermInfo&) {
      expected += t.rfind("w1", 0) == 0;
      return true;
    });
    CHECK(seen.size() == expected);
  }

  SUBCASE("dates map to contiguous id ranges") {
    for (Day day : {Day{17999}, Day{18000}, Day{18123}, Day{18399}, Day{18400}}) {
      uint32_t first = segment.first_doc_on_or_after(day);
      for (uint32_t id = 0; id < segment.doc_count(); ++id) CHECK((segment.date(id) >= day) == (id >= first));
    }
  }

  CHECK_NOTHROW(snapshot->verify());
}

// A page of hits fetches its documents together: each store block is
// decompressed once, and the statements file is read only when asked.
TEST_CASE("documents fetched together are those fetched alone, with statements only when asked") {
  std::mt19937_64 rng(7);
  std::vector<ReferenceDoc> docs = random_corpus(rng, 400, 50);
  for (auto& r : docs) {
    StoredStatement st;
    st.end = 4;
    st.speaker = st.canonical = "Ann Lee";
    st.cue = "said";
    r.doc.stored.statements.push_back(st);
  }
  testing::TempDir dir;
  write_all(dir.path(), docs);
  auto snapshot = IndexSnapshot::open(dir.path());
  const Segment& segment = *snapshot->segments().at(0);
  // Neighbours share a store block; the others lie blocks apart (400 texts of
  // up to 2 KB fill many store blocks).
  const std::vector<uint32_t> wanted = {0, 1, 2, 150, 151, 260, 399};
  for (bool with_statements : {false, true}) {
    std::vector<uint32_t> visited;
    segment.fetch_documents(wanted, with_statements, [&](uint32_t doc, StoredDocument&& d) {
      visited.push_back(doc);
      StoredDocument alone = segment.document(doc);
      CHECK(d.id == alone.id);
      CHECK(d.text == alone.text);
      CHECK(d.date == alone.date);
      CHECK(d.statements.size() == (with_statements ? 1u : 0u));
    });
    CHECK(visited == wanted);
  }
}

// A page decompresses a whole store block per hit: an article longer than a
// block's target is a block of its own, never added after shorter ones.
TEST_CASE("a long article is alone in its store block; short ones share one") {
  std::mt19937_64 rng(3);
  std::vector<ReferenceDoc> docs = random_corpus(rng, 11, 20);
  for (size_t i = 0; i < docs.size(); ++i) {
    docs[i].doc.stored.date = static_cast<Day>(18000 + i);  // stored in this order
    docs[i].doc.stored.text = std::string(i == 5 ? 30000 : 500, 'a' + static_cast<char>(i));
  }
  testing::TempDir dir;
  write_all(dir.path(), docs);
  std::filesystem::path store;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
    if (entry.path().extension() == ".store") store = entry.path();
  std::ifstream in(store, std::ios::binary);
  const std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto u32_at = [&](size_t at) { uint32_t v; std::memcpy(&v, file.data() + at, 4); return v; };
  auto u64_at = [&](size_t at) { uint64_t v; std::memcpy(&v, file.data() + at, 8); return v; };
  // FORMAT.md: the frame's footer gives the body's end, whose last 16 bytes
  // locate the block index (20 bytes a block, first document first).
  const uint64_t body_end = u64_at(file.size() - 24);
  const uint64_t index_at = u64_at(body_end - 16);
  const uint32_t block_count = u32_at(body_end - 8);
  std::vector<uint32_t> first_docs;
  for (uint32_t b = 0; b < block_count; ++b) first_docs.push_back(u32_at(index_at + 20 * b));
  CHECK(first_docs == std::vector<uint32_t>{0, 5, 6});
  auto snapshot = IndexSnapshot::open(dir.path());
  CHECK(snapshot->segments().at(0)->document(5).text.size() == 30000);
  CHECK_NOTHROW(snapshot->verify());
}

TEST_CASE("each commit adds a segment; a small memory budget flushes and commits on the way") {
  std::mt19937_64 rng(7);
  testing::TempDir dir;
  write_all(dir.path(), random_corpus(rng, 50, 100));
  write_all(dir.path(), random_corpus(rng, 70, 100));
  auto snapshot = IndexSnapshot::open(dir.path());
  CHECK(snapshot->segments().size() == 2);
  CHECK(snapshot->doc_count() == 120);
  CHECK(snapshot->generation() == 2);

  WriterOptions small;
  small.memory_budget = 64 * 1024;
  write_all(dir.path(), random_corpus(rng, 300, 100), small);
  auto after = IndexSnapshot::open(dir.path());
  CHECK(after->segments().size() >= 2);  // flushed several times, merged in tiers of 8
  CHECK(after->doc_count() == 420);
  CHECK_NOTHROW(after->verify());
  // The earlier snapshot still reads its own segments.
  CHECK(snapshot->segments()[0]->document(0).id.rfind("doc-", 0) == 0);
}

// Regression: positions that did not ascend were buffered as wrapped gaps and
// only found when a merge read them back.
TEST_CASE("a document whose positions do not ascend is refused before anything of it is buffered") {
  testing::TempDir dir;
  auto writer = IndexWriter::open(dir.path());
  IndexableDocument bad;
  bad.stored.id = "bad";
  bad.stored.text = "x";
  bad.length = 2;
  bad.terms = {{"fine", 1, {0}}, {"twice", 2, {1, 1}}};
  CHECK_THROWS_AS(writer->add(std::move(bad)), std::logic_error);
  IndexableDocument good;
  good.stored.id = "good";
  good.stored.text = "x";
  good.length = 1;
  good.terms = {{"fine", 1, {0}}};
  writer->add(std::move(good));
  writer->commit();
  auto snapshot = IndexSnapshot::open(dir.path());
  CHECK(snapshot->doc_count() == 1);
  CHECK(snapshot->doc_frequency("fine") == 1);
  CHECK(snapshot->doc_frequency("twice") == 0);
  CHECK_NOTHROW(snapshot->verify());
}

TEST_CASE("a second writer is refused, naming the holder") {
  testing::TempDir dir;
  auto first = IndexWriter::open(dir.path());
  try {
    IndexWriter::open(dir.path());
    FAIL("second writer opened");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::locked);
    CHECK(std::string(e.what()).find("process " + std::to_string(::getpid())) != std::string::npos);
    CHECK(std::string(e.what()).find("--wait") != std::string::npos);
  }
  first.reset();
  CHECK_NOTHROW(IndexWriter::open(dir.path()));
}

TEST_CASE("leftovers of an interrupted commit are removed by the next writer, never read") {
  std::mt19937_64 rng(9);
  testing::TempDir dir;
  write_all(dir.path(), random_corpus(rng, 20, 50));
  std::ofstream(dir / "seg-000777.postings") << "half-written";
  std::ofstream(dir / "MANIFEST.tmp") << "half-written";
  CHECK(IndexSnapshot::open(dir.path())->doc_count() == 20);
  IndexWriter::open(dir.path());
  CHECK_FALSE(std::filesystem::exists(dir / "seg-000777.postings"));
  CHECK_FALSE(std::filesystem::exists(dir / "MANIFEST.tmp"));
  CHECK(IndexSnapshot::open(dir.path())->doc_count() == 20);
}

TEST_CASE("opening a directory without an index says so") {
  testing::TempDir dir;
  try {
    IndexSnapshot::open(dir.path());
    FAIL("opened");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::not_found);
  }
  CHECK_THROWS_AS(IndexSnapshot::open(dir / "missing"), Error);
}
