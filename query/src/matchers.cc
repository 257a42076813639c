// The matchers over several matchers: conjunction, disjunction, exclusion;
// prefixes; build_matcher (the leaves are in term_matchers.cc, phrase and NEAR
// in positional_matchers.cc).
#include "matchers.h"

#include <algorithm>
#include <cmath>

#include "attache/analysis/stemmer.h"
#include "attache/analysis/terms.h"
#include "attache/query/searcher.h"
#include "attache/storage/statement_index.h"
#include "positional_matchers.h"
#include "term_matchers.h"

namespace attache::query {
namespace {

using storage::PostingCursor;
using Source = storage::PostingSource;

class AllOfMatcher final : public Matcher {
 public:
  explicit AllOfMatcher(std::vector<std::unique_ptr<Matcher>> children) : children_(std::move(children)) {
    std::sort(children_.begin(), children_.end(), [](const auto& a, const auto& b) { return a->cost() < b->cost(); });
    settle(children_[0]->doc());
  }
  uint32_t doc() const override { return doc_; }
  void next() override {
    if (doc_ == kNoMoreDocs) return;
    children_[0]->next();
    settle(children_[0]->doc());
  }
  void advance(uint32_t target) override {
    if (doc_ == kNoMoreDocs || target <= doc_) return;
    children_[0]->advance(target);
    settle(children_[0]->doc());
  }
  double score() override {
    double s = 0;
    for (auto& c : children_) s += c->score();
    return s;
  }
  double upper_score() override {
    double s = 0;
    for (auto& c : children_) s += c->upper_score();
    return s;
  }
  bool matches() override {
    for (auto& c : children_)
      if (!c->matches()) return false;
    return true;
  }
  uint32_t block_end() const override {
    uint32_t end = kNoMoreDocs;
    for (const auto& c : children_) end = std::min(end, c->block_end());
    return end;
  }
  double block_upper_score() override {
    double s = 0;
    for (auto& c : children_) s += c->block_upper_score();
    return s;
  }
  double max_score() const override {
    double s = 0;
    for (const auto& c : children_) s += c->max_score();
    return s;
  }
  uint64_t cost() const override { return children_[0]->cost(); }

 private:
  void settle(uint32_t candidate) {
    while (candidate != kNoMoreDocs) {
      bool all = true;
      for (size_t k = 1; k < children_.size(); ++k) {
        children_[k]->advance(candidate);
        uint32_t d = children_[k]->doc();
        if (d != candidate) {
          all = false;
          if (d == kNoMoreDocs) {
            candidate = kNoMoreDocs;
          } else {
            children_[0]->advance(d);
            candidate = children_[0]->doc();
          }
          break;
        }
      }
      if (all) break;
    }
    doc_ = candidate;
  }

  std::vector<std::unique_ptr<Matcher>> children_;
  uint32_t doc_ = kNoMoreDocs;
};

// At least one child. Under a top-k threshold it becomes MaxScore: the
// children, weakest first, whose bounds together stay below the threshold
// cannot make a document matter on their own, so only the others lead the
// iteration; the weak ones are moved to each candidate to add their scores.
class AnyOfMatcher final : public Matcher {
 public:
  explicit AnyOfMatcher(std::vector<std::unique_ptr<Matcher>> children) : children_(std::move(children)) {
    std::sort(children_.begin(), children_.end(),
              [](const auto& a, const auto& b) { return a->max_score() < b->max_score(); });
    double sum = 0;
    for (const auto& c : children_) cumulative_max_.push_back(sum += c->max_score());
    update();
  }
  uint32_t doc() const override { return doc_; }
  void next() override {
    if (doc_ == kNoMoreDocs) return;
    for (size_t i = first_essential_; i < children_.size(); ++i)
      if (children_[i]->doc() == doc_) children_[i]->next();
    update();
  }
  void advance(uint32_t target) override {
    if (doc_ == kNoMoreDocs || target <= doc_) return;
    for (size_t i = first_essential_; i < children_.size(); ++i) children_[i]->advance(target);
    update();
  }
  double score() override {
    sync();
    double s = 0;
    for (auto& c : children_)
      if (c->doc() == doc_ && c->matches()) s += c->score();
    return s;
  }
  double upper_score() override {
    sync();
    double s = 0;
    for (auto& c : children_)
      if (c->doc() == doc_) s += c->upper_score();
    return s;
  }
  bool matches() override {
    sync();
    for (auto& c : children_)
      if (c->doc() == doc_ && c->matches()) return true;
    return false;
  }
  // Up to the first block end among the children, each child contributes at
  // most its block bound, or nothing if its next document lies beyond.
  uint32_t block_end() const override {
    uint32_t end = kNoMoreDocs;
    for (size_t i = first_essential_; i < children_.size(); ++i)
      if (children_[i]->doc() != kNoMoreDocs) end = std::min(end, children_[i]->block_end());
    return end;
  }
  double block_upper_score() override {
    uint32_t end = block_end();
    double s = first_essential_ > 0 ? cumulative_max_[first_essential_ - 1] : 0;  // the weak ones, at most
    for (size_t i = first_essential_; i < children_.size(); ++i)
      if (children_[i]->doc() <= end) s += children_[i]->block_upper_score();
    return s;
  }
  double max_score() const override { return cumulative_max_.empty() ? 0 : cumulative_max_.back(); }
  void set_threshold(double threshold) override {
    size_t k = first_essential_;
    while (k < children_.size() && cumulative_max_[k] < threshold) ++k;
    if (k == first_essential_) return;
    first_essential_ = k;
    update();
  }
  uint64_t cost() const override {
    uint64_t total = 0;
    for (const auto& c : children_) total += c->cost();
    return total;
  }

 private:
  void update() {
    doc_ = kNoMoreDocs;
    for (size_t i = first_essential_; i < children_.size(); ++i) doc_ = std::min(doc_, children_[i]->doc());
  }
  // The weak children catch up with the current document.
  void sync() {
    for (size_t i = 0; i < first_essential_ && doc_ != kNoMoreDocs; ++i)
      if (children_[i]->doc() < doc_) children_[i]->advance(doc_);
  }
  std::vector<std::unique_ptr<Matcher>> children_;
  std::vector<double> cumulative_max_;
  size_t first_essential_ = 0;
  uint32_t doc_ = kNoMoreDocs;
};

class ExcludeMatcher final : public Matcher {
 public:
  ExcludeMatcher(std::unique_ptr<Matcher> base, std::unique_ptr<Matcher> excluded)
      : base_(std::move(base)), excluded_(std::move(excluded)) {
    skip_excluded();
  }
  uint32_t doc() const override { return base_->doc(); }
  void next() override {
    base_->next();
    skip_excluded();
  }
  void advance(uint32_t target) override {
    base_->advance(target);
    skip_excluded();
  }
  double score() override { return base_->score(); }
  double upper_score() override { return base_->upper_score(); }
  bool may_score(double at_least) override { return base_->may_score(at_least); }
  bool matches() override { return base_->matches(); }
  uint32_t block_end() const override { return base_->block_end(); }
  double block_upper_score() override { return base_->block_upper_score(); }
  double max_score() const override { return base_->max_score(); }
  uint64_t cost() const override { return base_->cost(); }

 private:
  // An excluded part is checked in full (positions too): an exclusion must
  // never drop a document on a candidate that does not match.
  void skip_excluded() {
    while (base_->doc() != kNoMoreDocs) {
      excluded_->advance(base_->doc());
      if (excluded_->doc() != base_->doc() || !excluded_->matches()) return;
      base_->next();
    }
  }
  std::unique_ptr<Matcher> base_;
  std::unique_ptr<Matcher> excluded_;
};

std::unique_ptr<Matcher> term_matcher(const std::string& term, const Source& segment, ScoringContext& scoring) {
  auto info = segment.find_term(term);
  if (!info) return make_empty_matcher();
  return make_term_matcher(segment.postings(*info), segment, scoring.term_weight(term),
                                       scoring.average_length());
}

std::unique_ptr<Matcher> combine_any(std::vector<std::unique_ptr<Matcher>> children) {
  std::erase_if(children, [](const auto& m) { return m->doc() == kNoMoreDocs; });
  if (children.empty()) return make_empty_matcher();
  if (children.size() == 1) return std::move(children[0]);
  return std::make_unique<AnyOfMatcher>(std::move(children));
}

// word*: words as written that start with the prefix. Words that differ from
// their stem have surface terms (W...). Words that are their own stem are found
// through the stem: a stem longer than the prefix by more than its last letter
// matches as it is, since every word with that stem starts with all but the
// stem's last letter (Snowball English changes at most that letter: policy ->
// polici, hoping -> hope; dying, lying, tying -> die, lie, tie are the only
// exceptions, hence the "ie" rule). Other stems count only where they occur as
// themselves (LiteralStemMatcher).
std::unique_ptr<Matcher> prefix_matcher(const QueryNode& node, const Source& segment, ScoringContext& scoring) {
  const std::string& surface_prefix = node.terms[0];
  const std::string prefix = surface_prefix.substr(1);
  std::vector<std::unique_ptr<Matcher>> parts;
  auto check_limit = [&] {
    if (parts.size() >= kMaxPrefixExpansion)
      throw QueryError("'" + node.text + "' matches more than " + std::to_string(kMaxPrefixExpansion) +
                           " words; use a longer prefix",
                       0);
  };
  segment.scan_terms(surface_prefix, [&](std::string_view term, const storage::TermInfo& info) {
    check_limit();
    parts.push_back(make_term_matcher(segment.postings(info), segment, scoring.term_weight(std::string(term)),
                                                  scoring.average_length()));
    return true;
  });
  thread_local analysis::Stemmer stemmer;
  segment.scan_terms(prefix, [&](std::string_view stem_view, const storage::TermInfo& info) {
    check_limit();
    std::string stem(stem_view);
    double weight = scoring.term_weight(stem);
    bool ends_in_ie = stem.size() >= 2 && stem.compare(stem.size() - 2, 2, "ie") == 0;
    if (stem.size() > prefix.size() + 1 && !ends_in_ie) {
      parts.push_back(make_term_matcher(segment.postings(info), segment, weight, scoring.average_length()));
      return true;
    }
    // The words with this stem start with all but its last letter ("dying"
    // for "die" with all but its last two, plus y).
    std::vector<std::string> variant_prefixes{std::string(1, analysis::kSurfacePrefix) + stem.substr(0, stem.size() - 1)};
    if (ends_in_ie) variant_prefixes.push_back(std::string(1, analysis::kSurfacePrefix) + stem.substr(0, stem.size() - 2) + "y");
    std::vector<PostingCursor> variants;
    for (const std::string& vp : variant_prefixes)
      segment.scan_terms(vp, [&](std::string_view w, const storage::TermInfo& winfo) {
        if (stemmer.stem(w.substr(1)) == stem) variants.push_back(segment.postings(winfo));
        return true;
      });
    parts.push_back(make_literal_stem_matcher(segment.postings(info), std::move(variants), segment, weight,
                                                         scoring.average_length()));
    return true;
  });
  return combine_any(std::move(parts));
}

}  // namespace

ScoringContext::ScoringContext(const storage::IndexSnapshot& snapshot)
    : ScoringContext(snapshot, snapshot.stored_doc_count(), snapshot.average_length(), false) {}

ScoringContext::ScoringContext(const storage::IndexSnapshot& snapshot, uint64_t document_count, double average_length,
                               bool statement_frequencies)
    : snapshot_(snapshot),
      statement_frequencies_(statement_frequencies),
      document_count_(document_count),
      average_length_(average_length) {}

ScoringContext ScoringContext::for_statements(const storage::IndexSnapshot& snapshot) {
  uint64_t statements = 0, positions = 0;
  bool indexed = true;
  for (const auto& segment : snapshot.segments()) {
    statements += segment->statement_count();
    positions += segment->statement_positions();
    indexed &= segment->statement_count() == 0 || segment->statement_index() != nullptr;
  }
  const double average = statements ? double(positions) / double(statements) : 1.0;
  if (!indexed) return ScoringContext(snapshot, snapshot.stored_doc_count(), average, false);
  return ScoringContext(snapshot, statements, average, true);
}

uint32_t ScoringContext::doc_frequency(const std::string& term) {
  auto it = doc_frequencies_.find(term);
  if (it != doc_frequencies_.end()) return it->second;
  uint32_t frequency = 0;
  if (!statement_frequencies_) {
    frequency = snapshot_.doc_frequency(term);
  } else {
    for (const auto& segment : snapshot_.segments())
      if (const storage::StatementIndex* index = segment->statement_index())
        if (auto info = index->find_term(term)) frequency += info->doc_frequency;
  }
  return doc_frequencies_.emplace(term, frequency).first->second;
}

double ScoringContext::term_weight(const std::string& term) {
  // Field terms (title:, source:, id:, speaker:, word*) select; they do not
  // rank, as in the Xapian backend, where they carry no within-document frequency.
  if (!term.empty() && term[0] >= 'A' && term[0] <= 'Z') return 0;
  return Bm25::term_weight(doc_frequency(term), document_count_);
}

std::unique_ptr<Matcher> build_matcher(const QueryNode& node, const Source& segment, ScoringContext& scoring,
                                       const MatcherOptions& options) {
  using Kind = QueryNode::Kind;
  switch (node.kind) {
    case Kind::term:
      return term_matcher(node.terms[0], segment, scoring);
    case Kind::speaker:
      // Articles with a statement by the speaker: the speaker words in one
      // statement's block of positions.
      if (node.terms.size() == 1) return term_matcher(node.terms[0], segment, scoring);
      [[fallthrough]];
    case Kind::phrase:
      return make_phrase_matcher(node, segment, scoring, options);
    case Kind::prefix:
      return prefix_matcher(node, segment, scoring);
    case Kind::near:
      return make_near_matcher(node, segment, scoring, options.two_phase);
    case Kind::all_of: {
      std::vector<std::unique_ptr<Matcher>> children;
      for (const auto& child : node.children) {
        auto m = build_matcher(*child, segment, scoring, options);
        if (m->doc() == kNoMoreDocs) return make_empty_matcher();
        children.push_back(std::move(m));
      }
      if (children.size() == 1) return std::move(children[0]);
      return std::make_unique<AllOfMatcher>(std::move(children));
    }
    case Kind::any_of: {
      std::vector<std::unique_ptr<Matcher>> children;
      for (const auto& child : node.children) children.push_back(build_matcher(*child, segment, scoring, options));
      return combine_any(std::move(children));
    }
    case Kind::exclude: {
      auto base = build_matcher(*node.children[0], segment, scoring, options);
      if (!options.keep_exclusions) return base;
      auto excluded = build_matcher(*node.children[1], segment, scoring, options);
      if (excluded->doc() == kNoMoreDocs || base->doc() == kNoMoreDocs) return base;
      return std::make_unique<ExcludeMatcher>(std::move(base), std::move(excluded));
    }
    case Kind::everything:
      return make_range_matcher(0, segment.doc_count());
    case Kind::dates: {
      if (node.dates.from > segment.max_date() || node.dates.to < segment.min_date())
        return make_empty_matcher();
      uint32_t first = segment.first_doc_on_or_after(node.dates.from);
      uint32_t last = node.dates.to == kMaxDay ? segment.doc_count() : segment.first_doc_on_or_after(node.dates.to + 1);
      return make_range_matcher(first, last);
    }
  }
  return make_empty_matcher();
}

}  // namespace attache::query
