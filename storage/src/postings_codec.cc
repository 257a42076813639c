// Postings writer: varint lists for rare terms, skip table plus packed blocks
// for the rest, positions chunked per block so phrase checks decode little.
#include "postings_codec.h"

#include <algorithm>

#include "attache/storage/index_reader.h"
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

namespace {

// Bits of varint entries: the gap's bits to ids, the flag and any extra
// frequency varint to frequencies.
void measure_varint_postings(ByteReader& in, uint64_t count, PostingsBreakdown& out) {
  for (uint64_t i = 0; i < count; ++i) {
    const uint8_t* start = in.position();
    uint64_t v = in.varint();
    out.doc_id_bits += 8 * static_cast<uint64_t>(in.position() - start) - 1;
    out.frequency_bits += 1;
    if (!(v & 1)) {
      start = in.position();
      in.varint();
      out.frequency_bits += 8 * static_cast<uint64_t>(in.position() - start);
    }
  }
}

}  // namespace

void measure_term(const uint8_t* data, uint64_t length, uint32_t df, uint64_t positions_length, uint64_t cf,
                  const std::string* file, PostingsBreakdown& out) {
  ByteReader in(data, data + length, file);
  out.postings += df;
  if (positions_length > 0) {
    out.positions += cf;
    out.position_bits += 8 * positions_length;
  }
  if (df < kShortListLimit) {
    measure_varint_postings(in, df, out);
    return;
  }
  const uint8_t* start = in.position();
  uint64_t blocks = in.varint();
  for (uint64_t b = 0; b < blocks; ++b) {
    for (int field = 0; field < 4; ++field) in.varint();
    if (positions_length > 0) in.varint();
  }
  out.skip_bits += 8 * static_cast<uint64_t>(in.position() - start);
  uint32_t values[kBlockSize];
  for (uint64_t b = 0; b < blocks; ++b) {
    if (b + 1 < blocks || df % kBlockSize == 0) {
      start = in.position();
      decode_block(in, values);
      out.doc_id_bits += 8 * static_cast<uint64_t>(in.position() - start);
      start = in.position();
      decode_block(in, values);
      out.frequency_bits += 8 * static_cast<uint64_t>(in.position() - start);
    } else {
      measure_varint_postings(in, df % kBlockSize, out);
    }
  }
}

}  // namespace attache::storage
