// Decoder for the postings layout written by postings_codec.cc.
#include "attache/storage/posting_cursor.h"

#include <algorithm>

#include "attache/storage/error.h"
#include "bitpack.h"
#include "file_format.h"
#include "postings_codec.h"

namespace attache::storage {

PostingCursor::PostingCursor(const MappedFile& postings, const MappedFile* positions, const TermInfo& info,
                             uint32_t doc_count)
    : postings_file_(&postings),
      positions_file_(info.has_positions() ? positions : nullptr),
      positions_offset_(info.positions_offset),
      positions_length_(info.positions_length),
      doc_frequency_(info.doc_frequency),
      doc_count_(doc_count) {
  if (doc_frequency_ == 0) return;
  if (doc_frequency_ > doc_count_) fail("document frequency exceeds the segment's documents");
  if (positions_file_ && (positions_offset_ > positions_file_->body_end() ||
                          positions_length_ > positions_file_->body_end() - positions_offset_))
    throw_corruption(positions_file_->name(), "positions of a term outside the file");
  data_ = postings.verified(info.postings_offset, info.postings_length);
  data_length_ = info.postings_length;
  ByteReader in(data_, data_ + data_length_, &postings.name());
  if (doc_frequency_ < kShortListLimit) {
    blocks_.push_back({0, 0, 0, doc_frequency_, 0, 0});
    load_block(0);
    blocks_[0].last_doc = docs_[count_ - 1];
    blocks_[0].max_frequency = *std::max_element(frequencies_, frequencies_ + count_);
    max_frequency_ = blocks_[0].max_frequency;
    return;
  }
  uint64_t block_count = in.varint();
  if (block_count != (doc_frequency_ + kBlock - 1) / kBlock) fail("skip table size disagrees with the document frequency");
  in.check_count(block_count, positions_file_ ? 5 : 4);  // a varint per field of a skip entry
  blocks_.resize(block_count);
  uint32_t last = 0;
  uint64_t offset = 0, positions_offset = 0;
  for (uint64_t b = 0; b < block_count; ++b) {
    Block& block = blocks_[b];
    uint32_t delta = in.varint32();
    if (b > 0 && delta == 0) fail("skip entries out of order");
    if (!add_fits(b == 0 ? 0 : last, delta, last)) fail("skip entries run past the last document id");
    block.last_doc = last;
    block.offset = offset;
    // Each length is checked on its own, so no wrapped sum passes the check below.
    uint64_t length = in.varint();
    if (length > data_length_ || !add_fits(offset, length, offset)) fail("block runs past the postings");
    block.max_frequency = in.varint32() + 1;
    block.min_length = in.varint32();
    block.doc_count = b + 1 < block_count ? kBlock : doc_frequency_ - static_cast<uint32_t>(b * kBlock);
    block.positions_offset = positions_offset;
    if (positions_file_) {
      uint64_t chunk = in.varint();
      if (chunk > positions_length_ || !add_fits(positions_offset, chunk, positions_offset))
        fail("positions chunks run past their term");
    }
    max_frequency_ = std::max(max_frequency_, block.max_frequency);
  }
  // Block offsets are relative to the end of the skip table.
  uint64_t skip_bytes = data_length_ - in.remaining();
  if (offset != in.remaining()) fail("block sizes disagree with the postings length");
  for (Block& block : blocks_) block.offset += skip_bytes;
  if (positions_file_ && positions_offset > positions_length_) fail("positions chunks run past their term");
  load_block(0);
}

void PostingCursor::fail(const char* reason) const {
  throw_corruption(postings_file_ ? postings_file_->name() : std::string("postings"), reason);
}

void PostingCursor::load_block(size_t block) {
  if (block >= blocks_.size()) {
    doc_ = kEnd;
    count_ = index_ = 0;
    block_ = blocks_.empty() ? 0 : blocks_.size() - 1;
    return;
  }
  block_ = block;
  const Block& b = blocks_[block];
  const uint8_t* end = block + 1 < blocks_.size() ? data_ + blocks_[block + 1].offset : data_ + data_length_;
  ByteReader in(data_ + b.offset, end, &postings_file_->name());
  uint32_t previous = block == 0 ? UINT32_MAX : blocks_[block - 1].last_doc;
  count_ = b.doc_count;
  if (b.doc_count == kBlock && doc_frequency_ >= kShortListLimit) {
    decode_block(in, docs_);
    for (uint32_t i = 0; i < kBlock; ++i) {
      uint32_t doc = previous + docs_[i] + 1;
      if ((doc <= previous && !(previous == UINT32_MAX && i == 0)) || doc == kEnd) fail("document ids out of order");
      docs_[i] = previous = doc;
    }
    frequency_data_ = in.position();
    frequencies_ready_ = false;
  } else {
    for (uint32_t i = 0; i < count_; ++i) {
      uint64_t v = in.varint();
      uint64_t doc = static_cast<uint64_t>(static_cast<uint32_t>(previous + 1)) + (v >> 1);
      if (doc >= doc_count_) fail("document id out of range");
      docs_[i] = previous = static_cast<uint32_t>(doc);
      uint32_t extra = (v & 1) ? 0 : in.varint32();
      if (extra > UINT32_MAX - 2) fail("frequency out of range");
      frequencies_[i] = (v & 1) ? 1 : extra + 2;
    }
    frequencies_ready_ = true;
  }
  if (docs_[count_ - 1] >= doc_count_) fail("document id out of range");
  if (docs_[count_ - 1] != b.last_doc && doc_frequency_ >= kShortListLimit) fail("block does not end at its skip entry");
  index_ = 0;
  doc_ = docs_[0];
}

void PostingCursor::decode_frequencies() {
  const uint8_t* end = block_ + 1 < blocks_.size() ? data_ + blocks_[block_ + 1].offset : data_ + data_length_;
  ByteReader in(frequency_data_, end, &postings_file_->name());
  decode_block(in, frequencies_);
  for (uint32_t i = 0; i < kBlock; ++i) ++frequencies_[i];
  frequencies_ready_ = true;
}

void PostingCursor::advance(uint32_t target) {
  if (doc_ >= target) return;
  if (target > blocks_[block_].last_doc) {
    // Gallop over the skip table, then binary search the bracket.
    size_t lo = block_ + 1, step = 1, hi = lo;
    while (hi < blocks_.size() && blocks_[hi].last_doc < target) {
      lo = hi + 1;
      hi += step;
      step *= 2;
    }
    hi = std::min(hi + 1, blocks_.size());
    auto it = std::lower_bound(blocks_.begin() + lo, blocks_.begin() + hi, target,
                               [](const Block& b, uint32_t t) { return b.last_doc < t; });
    load_block(static_cast<size_t>(it - blocks_.begin()));
    if (doc_ == kEnd) return;
  }
  while (docs_[index_] < target) ++index_;  // the block's last doc is >= target
  doc_ = docs_[index_];
}

PostingCursor::Bounds PostingCursor::bounds_through(uint32_t last) const {
  if (doc_ == kEnd) return {0, 0};
  Bounds out{0, UINT32_MAX};
  for (size_t b = block_; b < blocks_.size(); ++b) {
    out.max_frequency = std::max(out.max_frequency, blocks_[b].max_frequency);
    out.min_length = std::min(out.min_length, blocks_[b].min_length);
    if (blocks_[b].last_doc >= last) break;
  }
  return out;
}

void PostingCursor::load_chunk() {
  if (!frequencies_ready_) decode_frequencies();
  const Block& b = blocks_[block_];
  uint64_t chunk_end =
      block_ + 1 < blocks_.size() && doc_frequency_ >= kShortListLimit ? blocks_[block_ + 1].positions_offset : positions_length_;
  if (b.positions_offset > chunk_end || chunk_end > positions_length_) fail("positions chunk out of range");
  chunk_length_ = chunk_end - b.positions_offset;
  chunk_ = positions_file_->verified(positions_offset_ + b.positions_offset, chunk_length_);
  value_starts_.resize(count_ + 1);
  uint64_t total = 0;
  for (uint32_t i = 0; i < count_; ++i) {
    value_starts_[i] = static_cast<uint32_t>(total);
    total += frequencies_[i];
  }
  if (total > UINT32_MAX) fail("too many positions in a block");
  value_starts_[count_] = static_cast<uint32_t>(total);
  group_offsets_.assign(1, 0);
  unpacked_group_ = SIZE_MAX;
  tail_decoded_ = false;
  chunk_block_ = block_;
}

// A chunk of a frequent word holds dozens of groups, and a phrase checks few of
// its documents: headers are walked only as far as the group asked for.
uint32_t PostingCursor::group_offset(size_t group) {
  if (group >= group_offsets_.size()) {
    ByteReader in(chunk_ + group_offsets_.back(), chunk_ + chunk_length_, &positions_file_->name());
    while (group_offsets_.size() <= group) {
      skip_block(in);
      group_offsets_.push_back(static_cast<uint32_t>(in.position() - chunk_));
    }
  }
  return group_offsets_[group];
}

std::span<const uint32_t> PostingCursor::chunk_values(uint32_t index) {
  const size_t groups = value_starts_.back() / kBlock;
  const size_t group = index / kBlock;
  if (group < groups) {
    if (unpacked_group_ != group) {
      ByteReader in(chunk_ + group_offset(group), chunk_ + chunk_length_, &positions_file_->name());
      decode_block(in, group_values_);
      unpacked_group_ = group;
    }
    return std::span<const uint32_t>(group_values_).subspan(index % kBlock);
  }
  if (!tail_decoded_) {
    ByteReader in(chunk_ + group_offset(groups), chunk_ + chunk_length_, &positions_file_->name());
    tail_values_.resize(value_starts_.back() - groups * kBlock);
    for (uint32_t& v : tail_values_) v = in.varint32();
    tail_decoded_ = true;
  }
  return std::span<const uint32_t>(tail_values_).subspan(index - groups * kBlock);
}

std::span<const uint32_t> PostingCursor::positions() {
  if (origin_ && doc_ != kEnd) return origin_->positions(doc_, frequency());
  if (!positions_file_ || doc_ == kEnd) return {};
  if (positions_doc_ == doc_) return doc_positions_;
  if (chunk_block_ != block_) load_chunk();
  doc_positions_.clear();
  // The first value is the first position, the others deltas from the previous.
  const uint32_t end = value_starts_[index_ + 1];
  uint32_t i = value_starts_[index_], position = 0;
  while (i < end) {
    std::span<const uint32_t> values = chunk_values(i);
    const size_t n = std::min<size_t>(values.size(), end - i);
    for (size_t k = 0; k < n; ++k) {
      uint32_t next = position + values[k];
      if (!doc_positions_.empty() && next <= position) fail("positions out of order");
      doc_positions_.push_back(position = next);
    }
    i += static_cast<uint32_t>(n);
  }
  positions_doc_ = doc_;
  return doc_positions_;
}

}  // namespace attache::storage
