// Encoding of one term's postings and positions (storage/FORMAT.md, ".postings"
// and ".positions"); PostingCursor is the decoder.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "attache/storage/bytes.h"

namespace attache::storage {

// Lists shorter than a block are written as varints only.
inline constexpr uint32_t kShortListLimit = 128;

// The postings of one term in one segment, documents ascending.
struct TermPostings {
  std::vector<uint32_t> docs;
  std::vector<uint32_t> frequencies;  // each >= 1
  std::vector<uint32_t> positions;    // absolute, grouped by doc; empty for non-positional terms
};

// Encodes one term document by document, holding one block of postings and
// its positions at a time (doc_lengths[doc] feeds the per-block minimum
// length), so a merge of huge segments needs no more memory
// for its most frequent term than for a rare one. Positions go to
// positions_out block by block; drain, when given, is called once
// positions_out passes kDrainBytes (to move them to a file). The postings go
// to postings_out at finish(): their skip table leads and counts the blocks.
class TermEncoder {
 public:
  static constexpr size_t kDrainBytes = 1 << 20;
  TermEncoder(bool positional, const uint32_t* doc_lengths, ByteWriter& postings_out, ByteWriter& positions_out,
              std::function<void(ByteWriter&)> drain = nullptr);
  // Documents ascending; positions (absolute, ascending) hold `frequency`
  // values for a positional term and are empty otherwise.
  void add(uint32_t doc, uint32_t frequency, std::span<const uint32_t> positions);
  void finish();
  // Also hands each document's positions to observer (the statement postings).
  void observe(std::function<void(uint32_t doc, std::span<const uint32_t> positions)> observer) {
    observer_ = std::move(observer);
  }
  uint32_t doc_frequency() const { return doc_frequency_; }
  uint64_t collection_frequency() const { return collection_frequency_; }

 private:
  void write_block();

  bool positional_;
  const uint32_t* doc_lengths_;
  ByteWriter& postings_out_;
  ByteWriter& positions_out_;
  std::function<void(ByteWriter&)> drain_;
  std::function<void(uint32_t, std::span<const uint32_t>)> observer_;
  TermPostings block_;  // the documents not yet written, at most one block
  ByteWriter skips_, blocks_;
  size_t block_count_ = 0;
  uint32_t previous_last_;
  uint32_t doc_frequency_ = 0;
  uint64_t collection_frequency_ = 0;
};


struct PostingsBreakdown;

// Adds one term's postings layout (what TermEncoder wrote) to the breakdown.
void measure_term(const uint8_t* data, uint64_t length, uint32_t doc_frequency, uint64_t positions_length,
                  uint64_t collection_frequency, const std::string* file, PostingsBreakdown& out);

}  // namespace attache::storage
