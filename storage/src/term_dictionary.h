// The sorted term dictionary of a segment (storage/FORMAT.md, ".terms"):
// prefix-compressed blocks of 32 terms, an index of each block's first term,
// and (version 2) a sparse index of every 64th entry of that index, so a
// lookup reads one run of the block index rather than all of it.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "attache/storage/posting_cursor.h"
#include "attache/storage/bytes.h"

namespace attache::storage {

class FileWriter;
class MappedFile;

inline constexpr size_t kTermsPerBlock = 32;
inline constexpr size_t kBlocksPerRun = 64;  // block index entries under one sparse index entry

class TermDictionaryWriter {
 public:
  // `sparse_index`: a .terms file of version 2 or later. A statements file's
  // dictionary has none (its layout is the statements file's version's).
  TermDictionaryWriter(FileWriter& out, bool sparse_index) : out_(out), sparse_index_(sparse_index) {}
  // Terms must arrive in ascending byte order, their postings laid out in the
  // same order so each offset is the previous offset plus its length.
  void add(std::string_view term, const TermInfo& info);
  void finish();
  uint64_t term_count() const { return term_count_; }

 private:
  void flush_block();
  FileWriter& out_;
  bool sparse_index_;
  ByteWriter block_;
  ByteWriter index_;
  ByteWriter sparse_;
  std::string previous_;
  size_t in_block_ = 0;
  uint64_t term_count_ = 0;
  uint32_t block_count_ = 0;
};

class TermDictionary {
 public:
  // The dictionary ending the file's body, or ending at `ends_at` (a
  // statements file's postings, followed by more). A .terms file of version 2
  // or later has the sparse index.
  explicit TermDictionary(const MappedFile& file, std::optional<uint64_t> ends_at = std::nullopt);

  std::optional<TermInfo> find(std::string_view term) const;
  // Calls visit(term, info) for each term starting with prefix, ascending,
  // until it returns false. An empty prefix visits every term.
  void scan(std::string_view prefix, const std::function<bool(std::string_view, const TermInfo&)>& visit) const;
  uint64_t term_count() const { return term_count_; }

  // Every term in order, one block decoded at a time (for merging).
  class Iterator {
   public:
    explicit Iterator(const TermDictionary& dictionary);
    bool valid() const { return index_ < entries_.size(); }
    std::string_view term() const { return entries_[index_].first; }
    const TermInfo& info() const { return entries_[index_].second; }
    void next();

   private:
    void load(size_t block);
    const TermDictionary& dictionary_;
    size_t block_ = 0;
    size_t index_ = 0;
    std::vector<std::pair<std::string, TermInfo>> entries_;
  };

 private:
  struct BlockRef {
    std::string_view first_term;  // in the mapped file
    uint64_t offset;
    uint64_t postings_offset;
    uint64_t positions_offset;
  };
  // A run of block index entries (version 2): where its first entry is, and
  // that entry's block and first term.
  struct Run {
    std::string_view first_term;
    uint64_t entry_offset;
    uint64_t block_offset;
  };
  // A run's block index entries, decoded, and where its last block ends.
  struct RunBlocks {
    std::span<const BlockRef> blocks;
    uint64_t end;
  };
  void read_sparse_index(uint64_t offset, uint64_t end, uint32_t block_count);
  // The entries of run r: version 1's single run is decoded at open, version
  // 2's into `scratch` when asked for.
  RunBlocks run(size_t r, std::vector<BlockRef>& scratch) const;
  void decode_entries(uint64_t offset, uint64_t end, size_t count, std::vector<BlockRef>& out) const;
  size_t run_count() const { return runs_.empty() ? 1 : runs_.size(); }
  // The run whose first term is the last at or before `term`; run_count() when none is.
  size_t run_of(std::string_view term) const;
  // Decodes the block [ref.offset, end), calling visit for each entry until it
  // returns false; returns false if visit stopped it.
  bool walk_block(const BlockRef& ref, uint64_t end,
                  const std::function<bool(std::string_view, const TermInfo&)>& visit) const;
  // Calls visit for each block from the one `term` would be in, in order,
  // until it returns false.
  void walk_from(std::string_view term, const std::function<bool(const BlockRef&, uint64_t end)>& visit) const;

  const MappedFile& file_;
  std::vector<BlockRef> whole_;  // version 1: the whole block index
  std::vector<Run> runs_;        // version 2
  uint64_t index_offset_ = 0;
  uint64_t sparse_offset_ = 0;
  uint64_t term_count_ = 0;
  uint32_t block_count_ = 0;
};

}  // namespace attache::storage
