// Postings writer: varint lists for rare terms, skip table plus packed blocks
// for the rest, positions chunked per block so phrase checks decode little.
#include "postings_codec.h"

#include <algorithm>

#include "bitpack.h"

namespace attache::storage {
namespace {

// Document gaps minus one with the frequency folded in: the common tf=1 costs
// one flag bit instead of a byte.
void write_varint_postings(const TermPostings& p, size_t begin, size_t end, uint32_t previous_doc,
                           ByteWriter& out) {
  for (size_t i = begin; i < end; ++i) {
    uint64_t gap = p.docs[i] - previous_doc - 1;  // wraps to doc when previous is "-1"
    previous_doc = p.docs[i];
    uint32_t freq = p.frequencies[i];
    out.varint((gap << 1) | (freq == 1 ? 1 : 0));
    if (freq != 1) out.varint(freq - 2);
  }
}

// Positions of docs [begin, end): per doc the first position then deltas, in
// packed blocks of 128 values with a varint tail.
void write_position_chunk(const TermPostings& p, size_t begin, size_t end, size_t first_position,
                          ByteWriter& out) {
  std::vector<uint32_t> values;
  size_t at = first_position;
  for (size_t i = begin; i < end; ++i) {
    uint32_t previous = 0;
    for (uint32_t k = 0; k < p.frequencies[i]; ++k, ++at) {
      values.push_back(p.positions[at] - previous);
      previous = p.positions[at];
    }
  }
  size_t full = values.size() / kBlockSize * kBlockSize;
  for (size_t i = 0; i < full; i += kBlockSize) encode_block(values.data() + i, out);
  for (size_t i = full; i < values.size(); ++i) out.varint(values[i]);
}

}  // namespace

void encode_term(const TermPostings& p, const uint32_t* doc_lengths, ByteWriter& postings_out,
                 ByteWriter& positions_out) {
  const size_t df = p.docs.size();
  const bool positional = !p.positions.empty();
  constexpr uint32_t kNone = UINT32_MAX;  // "doc -1", so the first gap is doc + 1 - 1
  if (df < kShortListLimit) {
    write_varint_postings(p, 0, df, kNone, postings_out);
    if (positional) write_position_chunk(p, 0, df, 0, positions_out);
    return;
  }

  const size_t block_count = (df + kBlockSize - 1) / kBlockSize;
  ByteWriter skips, blocks, chunk;
  skips.varint(block_count);
  uint32_t previous_last = kNone;
  size_t position_at = 0;
  uint32_t values[kBlockSize];
  for (size_t b = 0; b < block_count; ++b) {
    const size_t begin = b * kBlockSize;
    const size_t end = std::min(df, begin + kBlockSize);
    const size_t before = blocks.size();
    if (end - begin == kBlockSize) {
      uint32_t previous = previous_last;
      for (size_t i = begin; i < end; ++i) {
        values[i - begin] = p.docs[i] - previous - 1;
        previous = p.docs[i];
      }
      encode_block(values, blocks);
      for (size_t i = begin; i < end; ++i) values[i - begin] = p.frequencies[i] - 1;
      encode_block(values, blocks);
    } else {
      write_varint_postings(p, begin, end, previous_last, blocks);
    }
    uint32_t max_frequency = 0, min_length = UINT32_MAX, positions_in_block = 0;
    for (size_t i = begin; i < end; ++i) {
      max_frequency = std::max(max_frequency, p.frequencies[i]);
      min_length = std::min(min_length, doc_lengths[p.docs[i]]);
      positions_in_block += p.frequencies[i];
    }
    const uint32_t last = p.docs[end - 1];
    skips.varint(b == 0 ? last : last - previous_last);
    skips.varint(blocks.size() - before);
    skips.varint(max_frequency - 1);
    skips.varint(min_length);
    if (positional) {
      chunk.clear();
      write_position_chunk(p, begin, end, position_at, chunk);
      position_at += positions_in_block;
      skips.varint(chunk.size());
      positions_out.raw(chunk.bytes().data(), chunk.size());
    }
    previous_last = last;
  }
  postings_out.raw(skips.bytes().data(), skips.size());
  postings_out.raw(blocks.bytes().data(), blocks.size());
}

}  // namespace attache::storage
