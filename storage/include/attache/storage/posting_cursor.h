// Document-at-a-time iteration over one term's postings in one segment:
// ascending document ids, their term frequencies, and (for positional terms)
// positions decoded only when asked for.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace attache::storage {

class MappedFile;

// Where a term's postings live and how common it is, as the dictionary says.
struct TermInfo {
  uint32_t doc_frequency = 0;
  uint64_t collection_frequency = 0;
  uint64_t postings_offset = 0;
  uint64_t postings_length = 0;
  uint64_t positions_offset = 0;
  uint64_t positions_length = 0;
  bool has_positions() const { return positions_length > 0; }
};

// Where a cursor's positions come from when its list stores none (statement
// postings from version 6 take them from their article's).
class PositionsOrigin {
 public:
  virtual ~PositionsOrigin() = default;
  // The ascending positions in unit `doc`, which holds `frequency` of them;
  // valid until the next call.
  virtual std::span<const uint32_t> positions(uint32_t doc, uint32_t frequency) = 0;
};

class PostingCursor {
 public:
  static constexpr uint32_t kEnd = UINT32_MAX;
  static constexpr size_t kBlock = 128;

  PostingCursor() = default;  // an exhausted cursor
  // doc_count bounds the ids a list may hold: anything beyond is corruption.
  PostingCursor(const MappedFile& postings, const MappedFile* positions, const TermInfo& info, uint32_t doc_count);
  // A list that stores no positions, given them by `origin`.
  void take_positions_from(std::unique_ptr<PositionsOrigin> origin) { origin_ = std::move(origin); }

  // The current document, or kEnd once exhausted.
  uint32_t doc() const { return doc_; }
  uint32_t doc_frequency() const { return doc_frequency_; }

  void next() {
    if (++index_ < count_) {
      doc_ = docs_[index_];
    } else {
      load_block(block_ + 1);
    }
  }
  // Moves to the first document >= target (never backwards).
  void advance(uint32_t target);

  // Term frequency in the current document.
  uint32_t frequency() {
    if (!frequencies_ready_) decode_frequencies();
    return frequencies_[index_];
  }
  // Ascending positions of the term in the current document; valid until the
  // cursor moves. Decoded once per document, however often asked.
  std::span<const uint32_t> positions();

  // Bounds for the block holding the current document, for block-max pruning.
  uint32_t block_last_doc() const { return doc_ == kEnd ? kEnd : blocks_[block_].last_doc; }
  uint32_t block_max_frequency() const { return blocks_[block_].max_frequency; }
  uint32_t block_min_length() const { return blocks_[block_].min_length; }
  // Upper bound on the frequency over the whole list.
  uint32_t max_frequency() const { return max_frequency_; }
  // The greatest frequency and the shortest length over the blocks from the
  // current one to the one holding `last`: bounds for every document of the
  // list from doc() to `last`, read from the skip table without moving.
  struct Bounds {
    uint32_t max_frequency;
    uint32_t min_length;
  };
  Bounds bounds_through(uint32_t last) const;

 private:
  struct Block {
    uint32_t last_doc;
    uint32_t max_frequency;
    uint32_t min_length;
    uint32_t doc_count;
    uint64_t offset;            // of the block in the postings data
    uint64_t positions_offset;  // of its positions chunk in the positions data
  };
  void load_block(size_t block);
  void decode_frequencies();
  [[noreturn]] void fail(const char* reason) const;

  const MappedFile* postings_file_ = nullptr;
  const MappedFile* positions_file_ = nullptr;
  const uint8_t* data_ = nullptr;
  uint64_t data_length_ = 0;
  uint64_t positions_offset_ = 0;
  uint64_t positions_length_ = 0;
  uint32_t doc_frequency_ = 0;
  uint32_t doc_count_ = 0;
  uint32_t max_frequency_ = 0;
  std::vector<Block> blocks_;
  size_t block_ = 0;
  uint32_t doc_ = kEnd;
  uint32_t index_ = 0;
  uint32_t count_ = 0;
  bool frequencies_ready_ = true;
  const uint8_t* frequency_data_ = nullptr;
  uint32_t docs_[kBlock];
  uint32_t frequencies_[kBlock];
  // The positions chunk of the current block: where each document's values
  // start, where each packed group of 128 values starts; only the groups a
  // document needs are unpacked.
  void load_chunk();
  // The chunk's values from `index` to the end of the packed group (or tail)
  // holding it.
  std::span<const uint32_t> chunk_values(uint32_t index);
  // Where packed group `group` (the varint tail after the last) starts.
  uint32_t group_offset(size_t group);
  size_t chunk_block_ = SIZE_MAX;
  const uint8_t* chunk_ = nullptr;
  uint64_t chunk_length_ = 0;
  std::vector<uint32_t> value_starts_;   // per document of the block, and the total
  std::vector<uint32_t> group_offsets_;  // byte offsets of the groups walked so far (then of the varint tail)
  size_t unpacked_group_ = SIZE_MAX;
  uint32_t group_values_[kBlock];
  std::vector<uint32_t> tail_values_;
  bool tail_decoded_ = false;
  std::vector<uint32_t> doc_positions_;
  uint32_t positions_doc_ = kEnd;  // the document doc_positions_ holds
  std::unique_ptr<PositionsOrigin> origin_;
};

}  // namespace attache::storage
