// A statement word's positions taken from its article's (FORMAT.md,
// ".statements" version 6): a statement covers a contiguous run of its
// article's body positions, so its postings need not store them again.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "attache/storage/document.h"
#include "attache/storage/posting_cursor.h"

namespace attache::storage {

class MappedFile;
class Segment;
class StatementIndex;

class ArticlePositions final : public PositionsOrigin {
 public:
  ArticlePositions(const StatementIndex& index, const Segment& segment, const MappedFile& file, std::string term);
  // The term's positions in `statement`, counted from its first word: the
  // article's positions inside the statement's span. They must number
  // `frequency`, as the statement postings say; anything else is corruption.
  std::span<const uint32_t> positions(uint32_t statement, uint32_t frequency) override;

 private:
  void locate(uint32_t statement);

  const StatementIndex& index_;
  const Segment& segment_;
  const MappedFile& file_;
  std::string term_;
  PostingCursor article_;               // the term's article postings, moved forward as statements ascend
  uint32_t doc_ = 0, first_ = 1, end_ = 0;  // the article located and its statements [first_, end_)
  std::vector<StatementSpan> spans_;    // of that article, when the file packs no first positions
  std::vector<uint32_t> positions_;
  uint32_t statement_ = PostingCursor::kEnd;  // the statement positions_ holds
};

}  // namespace attache::storage
