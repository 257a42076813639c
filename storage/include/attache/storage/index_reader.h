// Read access to a committed index: a snapshot of the segments one manifest
// named, unaffected by later commits, merges or deletions.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "attache/storage/date.h"
#include "attache/storage/document.h"
#include "attache/storage/posting_cursor.h"
#include "attache/storage/posting_source.h"
#include "attache/storage/speaker_months.h"

namespace attache::storage {

// Where the postings bytes go, for `attache stats`.
struct PostingsBreakdown {
  uint64_t postings = 0;        // (term, document) pairs
  uint64_t positions = 0;
  uint64_t doc_id_bits = 0;     // gaps, packed or varint
  uint64_t frequency_bits = 0;  // term frequencies (the tf=1 flag bit included)
  uint64_t skip_bits = 0;       // skip tables
  uint64_t position_bits = 0;
};

// One immutable segment. Document ids are local, 0..doc_count()-1, and follow
// article date: a date range is a contiguous id range.
class StatementIndex;

class Segment final : public PostingSource {
 public:
  ~Segment() override;
  const std::string& name() const;
  uint32_t doc_count() const override;
  uint32_t deleted_count() const;
  uint64_t total_length() const;
  // Bytes of the documents' text and metadata as they were given.
  uint64_t text_bytes() const;
  Day min_date() const override;
  Day max_date() const override;

  Day date(uint32_t doc) const;
  uint32_t length(uint32_t doc) const override;
  // The near-duplicate signature; all zero in segments written before signatures.
  Signature signature(uint32_t doc) const;
  bool is_deleted(uint32_t doc) const;
  // The first id whose date is >= day (doc_count() if none).
  uint32_t first_doc_on_or_after(Day day) const override;

  std::optional<TermInfo> find_term(std::string_view term) const override;
  // Its .terms file is version 3 or later (FORMAT.md, "Word pairs").
  bool holds_word_pairs() const override;
  // Visits the terms beginning with prefix in order until visit returns false.
  void scan_terms(std::string_view prefix,
                  const std::function<bool(std::string_view, const TermInfo&)>& visit) const override;
  using PostingSource::postings;  // by term: exhausted when absent
  PostingCursor postings(const TermInfo& info) const override;

  StoredDocument document(uint32_t doc) const;  // with its statements
  // Documents `docs` (ascending ids, no repeats), visited in that order, each
  // store block decompressed once; with their statements only when asked (a
  // page of article hits shows none, and need not read the statements file).
  void fetch_documents(std::span<const uint32_t> docs, bool with_statements,
                       const std::function<void(uint32_t, StoredDocument&&)>& visit) const;
  std::vector<StoredStatement> statements(uint32_t doc) const;
  // The position spans of the document's statements, in order (into `out`).
  void statement_spans(uint32_t doc, std::vector<StatementSpan>& out) const;
  uint32_t statement_count() const;
  uint64_t statement_positions() const;  // summed lengths, for the average statement length
  // The statements' own postings, loaded and checked on first use; null for a
  // segment written before them (statements file version 3 or older).
  const StatementIndex* statement_index() const;
  // Canonical speakers of this segment's statements and their kinds (StoredStatement::speaker_kind).
  const std::vector<std::pair<std::string, uint8_t>>& speakers() const;
  // Each speaker's statements in live articles by month, read and checked on
  // first use; null for a segment written before them (statements file
  // version 4 or older).
  const SpeakerMonths* speaker_months() const;
  // Documents [first, last) in id order, each store block decompressed once.
  void scan_documents(uint32_t first, uint32_t last,
                      const std::function<void(uint32_t, StoredDocument&&)>& visit) const;

  // Bytes on disk by file extension ("postings", "store", ...).
  std::vector<std::pair<std::string, uint64_t>> file_sizes() const;
  uint64_t term_count() const;
  uint64_t store_dictionary_bytes() const;
  // Decodes the layout of every postings list (reads the whole file).
  PostingsBreakdown measure_postings() const;
  // Reads every byte of every file and checks all checksums and structure.
  void verify() const;

  struct Impl;
  explicit Segment(std::unique_ptr<Impl> impl);
  const Impl& internals() const { return *impl_; }  // for storage's own merger

 private:
  void attach_statements(uint32_t doc, StoredDocument& d) const;
  void check_speaker_months() const;
  void check_statement_columns(const StatementIndex& index, uint32_t doc,
                               const std::vector<StoredStatement>& statements) const;
  std::unique_ptr<Impl> impl_;
};

class IndexSnapshot {
 public:
  // Error not_found when DIR holds no index.
  static std::shared_ptr<const IndexSnapshot> open(const std::filesystem::path& dir);
  ~IndexSnapshot();

  const std::filesystem::path& directory() const { return dir_; }
  uint64_t generation() const { return generation_; }
  // The manifest's checksum: tells this committed state from every other.
  uint64_t manifest_checksum() const { return manifest_checksum_; }
  const std::vector<std::unique_ptr<Segment>>& segments() const { return segments_; }

  uint64_t doc_count() const;  // live documents
  // Statistics for ranking count deleted documents until a merge removes them,
  // like the document frequencies they are combined with.
  uint64_t stored_doc_count() const;
  uint64_t total_length() const;
  double average_length() const;
  // Summed over segments (deleted documents still count until merged away).
  uint32_t doc_frequency(std::string_view term) const;
  // Every check `attache check` makes; throws the first failure.
  void verify() const;

 private:
  IndexSnapshot() = default;
  std::filesystem::path dir_;
  uint64_t generation_ = 0;
  uint64_t manifest_checksum_ = 0;
  std::vector<std::unique_ptr<Segment>> segments_;
};

}  // namespace attache::storage
