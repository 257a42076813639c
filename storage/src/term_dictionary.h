// The sorted term dictionary of a segment (storage/FORMAT.md, ".terms"):
// prefix-compressed blocks of 32 terms with a small in-memory index of each
// block's first term, for exact lookup and prefix iteration.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "attache/storage/posting_cursor.h"
#include "bytes.h"

namespace attache::storage {

class FileWriter;
class MappedFile;

inline constexpr size_t kTermsPerBlock = 32;

class TermDictionaryWriter {
 public:
  explicit TermDictionaryWriter(FileWriter& out) : out_(out) {}
  // Terms must arrive in ascending byte order, their postings laid out in the
  // same order so each offset is the previous offset plus its length.
  void add(std::string_view term, const TermInfo& info);
  void finish();
  uint64_t term_count() const { return term_count_; }

 private:
  void flush_block();
  FileWriter& out_;
  ByteWriter block_;
  ByteWriter index_;
  std::string previous_;
  size_t in_block_ = 0;
  uint64_t term_count_ = 0;
  uint32_t block_count_ = 0;
};

class TermDictionary {
 public:
  // The dictionary ending the file's body, or ending at `ends_at` (a
  // statements file's postings, followed by more).
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
    std::string first_term;
    uint64_t offset;
    uint64_t postings_offset;
    uint64_t positions_offset;
  };
  // Decodes block b, calling visit for each entry until it returns false;
  // returns false if visit stopped it.
  bool walk_block(size_t b, const std::function<bool(std::string_view, const TermInfo&)>& visit) const;

  const MappedFile& file_;
  std::vector<BlockRef> blocks_;
  uint64_t index_offset_ = 0;
  uint64_t term_count_ = 0;
};

}  // namespace attache::storage
