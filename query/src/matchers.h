// Document-at-a-time matchers, one per query operator: each walks ascending
// document ids of one segment and scores the current one.
#pragma once

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

#include "attache/query/query.h"
#include "attache/storage/index_reader.h"

namespace attache::query {

inline constexpr uint32_t kNoMoreDocs = storage::PostingCursor::kEnd;

class Matcher {
 public:
  virtual ~Matcher() = default;
  // The current document, kNoMoreDocs once exhausted.
  virtual uint32_t doc() const = 0;
  virtual void next() = 0;
  // Moves to the first document >= target; never backwards.
  virtual void advance(uint32_t target) = 0;
  // BM25 contribution of the current document.
  virtual double score() = 0;
  // Rough number of documents it will visit, to order conjunctions.
  virtual uint64_t cost() const = 0;
};

// Index-wide statistics every segment's scorers share, so scores compare
// across segments.
class ScoringContext {
 public:
  explicit ScoringContext(const storage::IndexSnapshot& snapshot);
  double term_weight(const std::string& term);
  double average_length() const { return average_length_; }
  uint32_t doc_frequency(const std::string& term);

 private:
  const storage::IndexSnapshot& snapshot_;
  uint64_t document_count_;
  double average_length_;
  std::unordered_map<std::string, uint32_t> doc_frequencies_;
};

// Do ascending position lists hold one value each, all distinct, within
// `distance` of each other (max − min)?
bool within(const std::vector<std::vector<uint32_t>>& lists, uint32_t distance);

// Expanding a prefix beyond this many words is refused.
inline constexpr size_t kMaxPrefixExpansion = 10000;

// The matcher for `node` over one segment. Throws QueryError for a prefix
// matching too many words. With keep_exclusions false, NOT parts are left
// out: the articles that may hold matching statements.
std::unique_ptr<Matcher> build_matcher(const QueryNode& node, const storage::Segment& segment, ScoringContext& scoring,
                                       bool keep_exclusions = true);

}  // namespace attache::query
