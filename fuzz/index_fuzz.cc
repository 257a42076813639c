// The index readers, with damage behind valid checksums: the input overwrites
// bytes of one file of a small index, the file's checksums (and the manifest's
// record of them) are recomputed, and the index is opened, searched, fetched,
// exported and checked; statement queries read the statement postings the
// current build writes into each .statements file, and speaker: conditions
// the speakers' months after them. Every outcome is an answer
// or corruption (a format version for a damaged header); anything else
// escaping is a finding.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "attache/query/searcher.h"
#include "attache/storage/error.h"
#include "attache/storage/index_reader.h"
#include "restamp.h"
#include "small_index.h"

using namespace attache;
namespace fs = std::filesystem;

namespace {

void exercise(const fs::path& dir) {
  static const query::Query queries[] = {query::parse_query("russia"), query::parse_query("\"open door\""),
                                         query::parse_query("nato OR sanctio*"),
                                         query::parse_query("speaker:ryabkov ukraine")};
  query::Searcher searcher(storage::IndexSnapshot::open(dir));
  for (const auto& q : queries) {
    query::SearchOptions options;
    options.exact_total = false;
    for (const auto& hit : searcher.search(q, options).hits) searcher.document(hit);
    searcher.search_statements(q, options);  // top-k from the statement postings (but for sanctio*)
    searcher.count_by_month(q, false);
    searcher.count_by_month(q, true);  // every matching statement
  }
  for (const auto& segment : searcher.snapshot().segments()) {
    segment->scan_documents(0, segment->doc_count(), [](uint32_t, storage::StoredDocument&&) {});
    segment->speaker_months();
  }
  searcher.snapshot().verify();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 6) return 0;
  // A copy of the small index, its files also kept in memory: each input
  // damages one file (and restamps the manifest), and both are put back after.
  static const fs::path work = [] {
    fs::path dir = fuzz::scratch_directory("work");
    fs::copy(fuzz::small_index(), dir, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    return dir;
  }();
  static const std::vector<std::pair<fs::path, std::vector<uint8_t>>> files = [] {
    std::vector<std::pair<fs::path, std::vector<uint8_t>>> all;
    for (const auto& entry : fs::directory_iterator(work))
      if (entry.path().filename() != "LOCK") all.emplace_back(entry.path().filename(), testing::read_bytes(entry.path()));
    std::sort(all.begin(), all.end());
    return all;
  }();
  static const auto& manifest = *std::find_if(files.begin(), files.end(), [](auto& f) { return f.first == "MANIFEST"; });

  // Byte 0 picks the file, bytes 1-4 the offset in its header and body, the
  // rest overwrite what is there.
  const auto& [name, original] = files[data[0] % files.size()];
  auto bytes = original;
  uint64_t body_end = testing::body_end(bytes);
  uint32_t at = 0;
  std::memcpy(&at, data + 1, 4);
  at = static_cast<uint32_t>(at % body_end);
  size_t n = std::min<size_t>(size - 5, body_end - at);
  std::memcpy(bytes.data() + at, data + 5, n);
  testing::restamp(bytes);
  testing::write_bytes(work / name, bytes);
  try {
    if (name != "MANIFEST") testing::restamp_manifest(work);
    exercise(work);
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::corruption && e.kind() != ErrorKind::format_version) {
      std::fprintf(stderr, "%s error on a damaged index: %s\n", to_string(e.kind()), e.what());
      std::abort();
    }
  }
  testing::write_bytes(work / name, original);
  testing::write_bytes(work / "MANIFEST", manifest.second);
  return 0;
}
