// Statement postings of one segment (storage/FORMAT.md, ".statements" version
// 4): an inverted index whose units are the segment's statements, numbered in
// article order, so the words of statements and their speakers' terms are
// found, counted and ranked (block-max) without reading any article's spans.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include "attache/storage/document.h"
#include "attache/storage/posting_source.h"

namespace attache::storage {

class MappedFile;
class Segment;

// Speaker terms and their blocks of positions, as FORMAT.md (and
// analysis/terms.h, which the query library holds to these) numbers them.
inline constexpr char kSpeakerTermPrefix = 'P';
inline constexpr uint32_t kSpeakerBlock = 32;
inline constexpr std::string_view kSpeakerStartTerm = "P[", kSpeakerEndTerm = "P]";
// A statement's speaker's exact name, one term ("P=wendy sherman": the folded
// words between P[ and P], joined by spaces), posted without positions.
inline constexpr std::string_view kSpeakerNamePrefix = "P=";
class TermDictionary;

// Statement s of the segment is statement s − first_statement(d) of article d,
// where d = article(s). Its positions count from its first word (speaker
// terms: from its block's start, as FORMAT.md numbers them). Only plain words
// and speaker (P) terms are indexed: title:, source:, id: and word* are not.
class StatementIndex final : public PostingSource {
 public:
  // The section [offset, end) of the statements file; checked before use.
  // first_positions: where each statement's first position is packed
  // (version 6), up to 8 bytes before the body's end; 0 when there is none.
  StatementIndex(const MappedFile& file, uint64_t offset, uint64_t end, uint32_t statement_count,
                 const Segment& segment, uint64_t first_positions);
  ~StatementIndex() override;

  uint32_t doc_count() const override { return statement_count_; }
  uint32_t length(uint32_t statement) const override;
  Day min_date() const override;
  Day max_date() const override;
  uint32_t first_doc_on_or_after(Day day) const override;
  std::optional<TermInfo> find_term(std::string_view term) const override;
  void scan_terms(std::string_view prefix,
                  const std::function<bool(std::string_view, const TermInfo&)>& visit) const override;
  using PostingSource::postings;
  PostingCursor postings(const TermInfo& info) const override;
  // A word whose positions are not stored here (none are from version 6)
  // takes its article's inside the statement's span.
  std::optional<PostingCursor> positional_postings(std::string_view term) const override;

  // The first statement of article doc (doc may be the article count: then the
  // statement count).
  uint32_t first_statement(uint32_t doc) const;
  // The article holding statement s.
  uint32_t article(uint32_t statement) const;
  uint8_t confidence(uint32_t statement) const;  // percent
  // The statement's span of its article's positions, when the file packs the
  // first positions (version 6; else read the article's entry).
  std::optional<StatementSpan> span(uint32_t statement) const;
  // Every term's postings decode within the statements and agree with the
  // dictionary (for `attache check`).
  void verify() const;

 private:
  const MappedFile& file_;
  const Segment& segment_;
  uint32_t statement_count_;
  // Value `index` of the packed column at file offset `column`.
  uint64_t packed(uint64_t column, uint64_t index, int width) const;

  int first_width_ = 0, length_width_ = 0, position_width_ = 0;
  uint64_t firsts_ = 0, lengths_ = 0, confidences_ = 0, first_positions_ = 0;  // offsets in the file
  std::unique_ptr<TermDictionary> dictionary_;
};

}  // namespace attache::storage
