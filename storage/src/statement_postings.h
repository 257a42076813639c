// Writing a segment's statement postings (FORMAT.md, ".statements" version 4)
// from the article postings as the segment writer encodes them: a word's
// positions inside a statement's span, and statement k's speaker terms at
// k·32 ..., become postings of that statement with positions counted from
// its start. Flushes and merges both pass through the segment writer, so both
// carry them. Held in memory until the statements file is written.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "attache/storage/document.h"
#include "attache/storage/posting_cursor.h"
#include "attache/storage/bytes.h"
#include "postings_codec.h"

namespace attache::storage {

class FileWriter;

// The statements of a segment's documents, in id order.
struct DocumentStatements {
  std::vector<uint32_t> firsts{0};  // the first statement of each document, then the statement count
  std::vector<StatementSpan> spans;
  std::vector<uint8_t> confidences;
  void add(const std::vector<StoredStatement>& statements);
};

class StatementPostingsWriter {
 public:
  explicit StatementPostingsWriter(DocumentStatements statements);
  ~StatementPostingsWriter();
  // Whether a term's postings belong here: plain words and speaker terms.
  static bool indexes(std::string_view term);

  // One term at a time, its documents ascending, as the article postings are
  // encoded.
  void begin_term(std::string_view term);
  void add(uint32_t doc, std::span<const uint32_t> positions);
  void end_term();

  uint32_t document_count() const { return static_cast<uint32_t>(statements_.firsts.size() - 1); }
  uint32_t statement_count() const { return static_cast<uint32_t>(statements_.spans.size()); }
  // Posts each statement under its speaker's exact name (a `P=` term), from
  // the speaker terms seen; once, after the last term.
  void add_speaker_names();
  // The section (FORMAT.md) at the writer's current offset, to the end of the body.
  void write(FileWriter& out) const;
  // Each statement's first position, a packed column (FORMAT.md, version 6).
  void write_first_positions(FileWriter& out) const;

 private:
  void add_speaker_positions(uint32_t doc, std::span<const uint32_t> positions);
  void encode(std::string term, std::span<const uint32_t> statements);
  void add_word_occurrences(uint32_t doc, std::span<const uint32_t> positions);

  DocumentStatements statements_;
  std::vector<uint32_t> lengths_;
  ByteWriter postings_, positions_;
  struct Term {
    std::string term;
    TermInfo info;  // offsets within postings_ and positions_
  };
  std::vector<Term> terms_;
  std::unique_ptr<TermEncoder> encoder_;  // of the current term
  std::string term_;
  uint64_t postings_start_ = 0, positions_start_ = 0;
  std::vector<uint32_t> relative_;
  // Per statement, its speaker terms below the block's end: (position, index
  // into speaker_terms_), for add_speaker_names().
  std::vector<std::vector<std::pair<uint8_t, uint32_t>>> speaker_words_;
  std::vector<std::string> speaker_terms_;
};

}  // namespace attache::storage
