// Postings writer: varint lists for rare terms, skip table plus packed blocks
// for the rest, positions chunked per block so phrase checks decode little.
#include "postings_codec.h"

#include <algorithm>
#include <stdexcept>

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

namespace {
constexpr uint32_t kNone = UINT32_MAX;  // "doc -1", so the first gap is doc + 1 - 1
}

TermEncoder::TermEncoder(bool positional, const uint32_t* doc_lengths, ByteWriter& postings_out,
                         ByteWriter& positions_out, std::function<void(ByteWriter&)> drain)
    : positional_(positional),
      doc_lengths_(doc_lengths),
      postings_out_(postings_out),
      positions_out_(positions_out),
      drain_(std::move(drain)),
      previous_last_(kNone) {}

void TermEncoder::add(uint32_t doc, uint32_t frequency, std::span<const uint32_t> positions) {
  if (positional_ && positions.size() != frequency)
    throw std::logic_error("a positional term's document has " + std::to_string(positions.size()) +
                           " positions for frequency " + std::to_string(frequency));
  if (observer_) observer_(doc, positions);
  if (block_.docs.size() == kBlockSize) write_block();
  block_.docs.push_back(doc);
  block_.frequencies.push_back(frequency);
  if (positional_) block_.positions.insert(block_.positions.end(), positions.begin(), positions.end());
  ++doc_frequency_;
  collection_frequency_ += frequency;
}

// A full block once the list is known to be long; the last one (full or not)
// from finish().
void TermEncoder::write_block() {
  const TermPostings& p = block_;
  const size_t n = p.docs.size();
  const size_t before = blocks_.size();
  if (n == kBlockSize) {
    uint32_t values[kBlockSize];
    uint32_t previous = previous_last_;
    for (size_t i = 0; i < n; ++i) {
      values[i] = p.docs[i] - previous - 1;
      previous = p.docs[i];
    }
    encode_block(values, blocks_);
    for (size_t i = 0; i < n; ++i) values[i] = p.frequencies[i] - 1;
    encode_block(values, blocks_);
  } else {
    write_varint_postings(p, 0, n, previous_last_, blocks_);
  }
  uint32_t max_frequency = 0, min_length = UINT32_MAX;
  for (size_t i = 0; i < n; ++i) {
    max_frequency = std::max(max_frequency, p.frequencies[i]);
    min_length = std::min(min_length, doc_lengths_[p.docs[i]]);
  }
  const uint32_t last = p.docs[n - 1];
  skips_.varint(block_count_ == 0 ? last : last - previous_last_);
  skips_.varint(blocks_.size() - before);
  skips_.varint(max_frequency - 1);
  skips_.varint(min_length);
  if (positional_) {
    const size_t chunk_start = positions_out_.size();
    write_position_chunk(p, 0, n, 0, positions_out_);
    skips_.varint(positions_out_.size() - chunk_start);
    if (drain_ && positions_out_.size() >= kDrainBytes) drain_(positions_out_);
  }
  previous_last_ = last;
  ++block_count_;
  block_.docs.clear();
  block_.frequencies.clear();
  block_.positions.clear();
}

void TermEncoder::finish() {
  if (block_count_ == 0 && block_.docs.size() < kShortListLimit) {
    // A short list: varints, and one chunk of positions.
    write_varint_postings(block_, 0, block_.docs.size(), kNone, postings_out_);
    if (positional_) write_position_chunk(block_, 0, block_.docs.size(), 0, positions_out_);
    return;
  }
  if (!block_.docs.empty()) write_block();
  postings_out_.varint(block_count_);
  postings_out_.raw(skips_.bytes().data(), skips_.size());
  postings_out_.raw(blocks_.bytes().data(), blocks_.size());
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
