// What a query's matchers read: numbered units (articles of a segment, or the
// statements of a segment), each with a length and a date, and per term the
// postings that list them.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

#include "attache/storage/date.h"
#include "attache/storage/posting_cursor.h"

namespace attache::storage {

class PostingSource {
 public:
  virtual ~PostingSource() = default;
  // Units are 0 .. doc_count() − 1, in date order.
  virtual uint32_t doc_count() const = 0;
  virtual uint32_t length(uint32_t doc) const = 0;  // for BM25
  virtual Day min_date() const = 0;
  virtual Day max_date() const = 0;
  // The first unit whose date is >= day (doc_count() if none).
  virtual uint32_t first_doc_on_or_after(Day day) const = 0;

  virtual std::optional<TermInfo> find_term(std::string_view term) const = 0;
  // Visits the terms beginning with prefix in order until visit returns false.
  virtual void scan_terms(std::string_view prefix,
                          const std::function<bool(std::string_view, const TermInfo&)>& visit) const = 0;
  virtual PostingCursor postings(const TermInfo& info) const = 0;
  PostingCursor postings(std::string_view term) const {  // exhausted when absent
    auto info = find_term(term);
    return info ? postings(*info) : PostingCursor();
  }
  // Does every unit's every word pair (word_pairs.h) have its term here, so
  // that a pair term's absence means that no unit holds the pair? False for
  // segments written before word pairs, and for statements.
  virtual bool holds_word_pairs() const { return false; }
  // A term's postings with its positions, for phrases and NEAR; none when the
  // term is absent or has no positions.
  virtual std::optional<PostingCursor> positional_postings(std::string_view term) const {
    auto info = find_term(term);
    if (!info || !info->has_positions()) return std::nullopt;
    return postings(*info);
  }
};

}  // namespace attache::storage
