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
  // BM25 contribution of the current document (after matches()).
  virtual double score() = 0;
  // Two-phase matching: a matcher built with two_phase set may stop on
  // candidates whose positions still need checking; matches() checks the
  // current one. Built without it, every document it stops on matches.
  virtual bool matches() { return true; }
  // An upper bound of score() for the current candidate, found without
  // checking positions: what top-k pruning compares with its threshold.
  virtual double upper_score() { return score(); }
  // A cheaper test than either, for the current document: false only when its
  // score() is certainly below `at_least` (a term bounds it by its frequency at
  // the block's shortest length, before reading the document's own length).
  virtual bool may_score(double at_least) {
    (void)at_least;
    return true;
  }
  // next(), then on past the documents that fail may_score(at_least), adding
  // their number to `passed`: each is a match when not built two-phase (an
  // exact count counts them without scoring them, in one call).
  virtual void next_reaching(double at_least, uint64_t& passed) {
    for (next(); doc() != kNoMoreDocs && !may_score(at_least); next()) ++passed;
  }
  // Block-max pruning: the last document of the current block of postings,
  // and an upper bound of score() for every document from here to it.
  virtual uint32_t block_end() const { return doc(); }
  virtual double block_upper_score() { return upper_score(); }
  // An upper bound of score() over every document.
  virtual double max_score() const = 0;
  // Top-k pruning at the root: documents scoring below `threshold` no longer
  // matter, so a disjunction may stop stepping through its weakest parts
  // (MaxScore). Only the root matcher is told.
  virtual void set_threshold(double threshold) { (void)threshold; }
  // Rough number of documents it will visit, to order conjunctions.
  virtual uint64_t cost() const = 0;
};

// Index-wide statistics every segment's scorers share, so scores compare
// across segments.
class ScoringContext {
 public:
  explicit ScoringContext(const storage::IndexSnapshot& snapshot);
  // Statement-level statistics, as the Xapian backend's statements database
  // has them: statement count, statements holding a term (from the statement
  // postings), average statement length. A snapshot with a segment written
  // before statement postings has no statement frequencies: its statements
  // are weighted by the articles' (statement lengths still).
  static ScoringContext for_statements(const storage::IndexSnapshot& snapshot);
  double term_weight(const std::string& term);
  double average_length() const { return average_length_; }
  uint32_t doc_frequency(const std::string& term);

 private:
  ScoringContext(const storage::IndexSnapshot& snapshot, uint64_t document_count, double average_length,
                 bool statement_frequencies);
  const storage::IndexSnapshot& snapshot_;
  bool statement_frequencies_;
  uint64_t document_count_;
  double average_length_;
  std::unordered_map<std::string, uint32_t> doc_frequencies_;
};

// Do ascending position lists hold one value each, all distinct, within
// `distance` of each other (max − min)?
bool within(const std::vector<std::vector<uint32_t>>& lists, uint32_t distance);

// Expanding a prefix beyond this many words is refused.
inline constexpr size_t kMaxPrefixExpansion = 10000;

// The matcher for `node` over one segment's articles (or its statements).
// Throws QueryError for a prefix matching too many words.
struct MatcherOptions {
  bool keep_exclusions = true;  // false: NOT parts left out (articles that may hold matching statements)
  bool two_phase = false;       // positions checked by matches(), not while iterating
  bool word_pairs = true;       // phrases narrowed by the segment's word pairs, where it holds them
};
std::unique_ptr<Matcher> build_matcher(const QueryNode& node, const storage::PostingSource& segment, ScoringContext& scoring,
                                       const MatcherOptions& options = {});

}  // namespace attache::query
