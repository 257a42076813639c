// Encoding of one term's postings and positions (storage/FORMAT.md, ".postings"
// and ".positions"); PostingCursor is the decoder.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bytes.h"

namespace attache::storage {

// Lists shorter than a block are written as varints only.
inline constexpr uint32_t kShortListLimit = 128;

// The postings of one term in one segment, documents ascending.
struct TermPostings {
  std::vector<uint32_t> docs;
  std::vector<uint32_t> frequencies;  // each >= 1
  std::vector<uint32_t> positions;    // absolute, grouped by doc; empty for non-positional terms
};

// Appends the term's postings and positions; doc_lengths[doc] feeds the
// per-block minimum length. Returns nothing: the byte counts are the growth.
void encode_term(const TermPostings& postings, const uint32_t* doc_lengths, ByteWriter& postings_out,
                 ByteWriter& positions_out);

struct PostingsBreakdown;

// Adds one term's postings layout (what encode_term wrote) to the breakdown.
void measure_term(const uint8_t* data, uint64_t length, uint32_t doc_frequency, uint64_t positions_length,
                  uint64_t collection_frequency, const std::string* file, PostingsBreakdown& out);

}  // namespace attache::storage
