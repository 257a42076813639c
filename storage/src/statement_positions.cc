// Statement word positions from the article postings.
#include "statement_positions.h"

#include <algorithm>

#include "attache/storage/index_reader.h"
#include "attache/storage/statement_index.h"
#include "file_format.h"

namespace attache::storage {

ArticlePositions::ArticlePositions(const StatementIndex& index, const Segment& segment, const MappedFile& file,
                                   std::string term)
    : index_(index), segment_(segment), file_(file), term_(std::move(term)), article_(segment.postings(term_)) {}

void ArticlePositions::locate(uint32_t statement) {
  if (statement >= first_ && statement < end_) return;
  doc_ = index_.article(statement);
  first_ = index_.first_statement(doc_);
  end_ = index_.first_statement(doc_ + 1);
  if (!index_.span(first_)) {  // no column of first positions: the article's entry
    segment_.statement_spans(doc_, spans_);
    if (spans_.size() != end_ - first_) file_.fail("statement postings count other statements than their article has");
  }
  // Matchers ask in ascending order; anything else starts the list again.
  if (article_.doc() != PostingCursor::kEnd && article_.doc() > doc_) article_ = segment_.postings(term_);
  article_.advance(doc_);
}

std::span<const uint32_t> ArticlePositions::positions(uint32_t statement, uint32_t frequency) {
  // A phrase asks for the other words' positions once per position of its first.
  if (statement == statement_) return positions_;
  locate(statement);
  positions_.clear();
  if (article_.doc() == doc_) {
    const std::optional<StatementSpan> packed = index_.span(statement);
    const StatementSpan& span = packed ? *packed : spans_[statement - first_];
    const auto all = article_.positions();
    auto p = std::lower_bound(all.begin(), all.end(), span.first_position);
    for (; p != all.end() && *p - span.first_position < span.position_count; ++p) positions_.push_back(*p - span.first_position);
  }
  if (positions_.size() != frequency)
    file_.fail("statement postings of '" + term_ + "' disagree with its positions in article " + std::to_string(doc_));
  statement_ = statement;
  return positions_;
}

}  // namespace attache::storage
