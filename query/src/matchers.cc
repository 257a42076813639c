// The matchers over several terms or matchers: phrase, NEAR, conjunction,
// disjunction, exclusion; prefixes; build_matcher (the leaves are in
// term_matchers.cc).
#include "matchers.h"

#include <algorithm>
#include <cmath>

#include "attache/analysis/stemmer.h"
#include "attache/analysis/terms.h"
#include "attache/query/searcher.h"
#include "attache/storage/statement_index.h"
#include "term_matchers.h"

namespace attache::query {
namespace {

using storage::PostingCursor;
using Source = storage::PostingSource;

// Matchers over term positions: documents holding every term are found first
// (rarest term leading), and positions are decoded only for those.
class PositionalMatcher : public Matcher {
 public:
  PositionalMatcher(std::vector<PostingCursor> cursors, std::vector<double> weights, const Source& segment,
                    double average_length, bool two_phase)
      : cursors_(std::move(cursors)),
        weights_(std::move(weights)),
        segment_(segment),
        average_length_(average_length),
        two_phase_(two_phase) {
    order_.resize(cursors_.size());
    for (size_t i = 0; i < order_.size(); ++i) order_[i] = i;
    std::sort(order_.begin(), order_.end(),
              [&](size_t a, size_t b) { return cursors_[a].doc_frequency() < cursors_[b].doc_frequency(); });
  }
  uint32_t doc() const override { return doc_; }
  void next() override {
    if (doc_ != kNoMoreDocs) settle(doc_ + 1);
  }
  void advance(uint32_t target) override {
    if (doc_ != kNoMoreDocs && target > doc_) settle(target);
  }
  // Asked twice for a candidate under top-k (as its bound, then as its score).
  double score() override {
    if (scored_doc_ == doc_) return score_;
    double s = 0;
    uint32_t length = segment_.length(doc_);
    for (size_t i = 0; i < cursors_.size(); ++i)
      s += Bm25::score(weights_[i], cursors_[i].frequency(), length, average_length_);
    scored_doc_ = doc_;
    score_ = s;
    return s;
  }
  uint64_t cost() const override { return cursors_[order_[0]].doc_frequency(); }
  uint32_t block_end() const override {
    uint32_t end = kNoMoreDocs;
    for (const auto& c : cursors_) end = std::min(end, c.block_last_doc());
    return end;
  }
  double max_score() const override {
    double s = 0;
    for (size_t i = 0; i < cursors_.size(); ++i) s += Bm25::score(weights_[i], cursors_[i].max_frequency(), 0, average_length_);
    return s;
  }
  double block_upper_score() override {
    double s = 0;
    for (size_t i = 0; i < cursors_.size(); ++i) s += block_bound(cursors_[i], weights_[i], average_length_);
    return s;
  }
  bool matches() override {
    if (!two_phase_ || doc_ == kNoMoreDocs) return true;
    if (checked_doc_ != doc_) {
      checked_doc_ = doc_;
      checked_ = positions_match();
    }
    return checked_;
  }

 protected:
  // Call from the subclass's constructor, once it can check positions.
  void start() { settle(0); }
  virtual bool positions_match() = 0;
  std::span<const uint32_t> positions(size_t cursor) { return cursors_[cursor].positions(); }
  size_t rarest() const { return order_[0]; }

 private:
  // Moves to the first document >= target whose positions match.
  void settle(uint32_t target) {
    while (true) {
      uint32_t candidate = align(target);
      if (candidate == kNoMoreDocs || two_phase_ || positions_match()) {
        doc_ = candidate;
        return;
      }
      target = candidate + 1;
    }
  }

  // First document >= target containing every term.
  uint32_t align(uint32_t target) {
    while (true) {
      PostingCursor& lead = cursors_[order_[0]];
      lead.advance(target);
      uint32_t candidate = lead.doc();
      if (candidate == kNoMoreDocs) return kNoMoreDocs;
      bool all = true;
      for (size_t k = 1; k < order_.size(); ++k) {
        PostingCursor& c = cursors_[order_[k]];
        c.advance(candidate);
        if (c.doc() != candidate) {
          if (c.doc() == kNoMoreDocs) return kNoMoreDocs;
          target = c.doc();
          all = false;
          break;
        }
      }
      if (all) return candidate;
    }
  }

  std::vector<PostingCursor> cursors_;
  std::vector<double> weights_;
  const Source& segment_;
  double average_length_;
  std::vector<size_t> order_;
  uint32_t doc_ = kNoMoreDocs;
  bool two_phase_;
  uint32_t checked_doc_ = kNoMoreDocs;
  bool checked_ = false;
  uint32_t scored_doc_ = kNoMoreDocs;
  double score_ = 0;
};

// Start positions of a phrase (terms [first, first + offsets.size()) at the
// given offsets) in the current document.
template <typename PositionsOf>
void phrase_starts(PositionsOf&& positions, size_t first, const std::vector<uint32_t>& offsets, std::vector<uint32_t>& out) {
  out.clear();
  const auto lead = positions(first);
  for (uint32_t p : lead) {
    if (p < offsets[0]) continue;
    uint32_t start = p - offsets[0];
    bool ok = true;
    for (size_t i = 1; i < offsets.size() && ok; ++i) {
      const auto other = positions(first + i);
      ok = std::binary_search(other.begin(), other.end(), start + offsets[i]);
    }
    if (ok) out.push_back(start);
  }
}

// Terms at fixed relative positions.
class PhraseMatcher final : public PositionalMatcher {
 public:
  PhraseMatcher(std::vector<PostingCursor> cursors, std::vector<uint32_t> offsets, std::vector<double> weights,
                const Source& segment, double average_length, bool two_phase)
      : PositionalMatcher(std::move(cursors), std::move(weights), segment, average_length, two_phase),
        offsets_(std::move(offsets)) {
    start();
  }

 private:
  bool positions_match() override {
    // Anchor on the rarest term's positions: the phrase starts at p - offset.
    size_t anchor = rarest();
    for (uint32_t p : positions(anchor)) {
      if (p < offsets_[anchor]) continue;
      uint32_t begin = p - offsets_[anchor];
      bool ok = true;
      for (size_t i = 0; i < offsets_.size() && ok; ++i) {
        if (i == anchor) continue;
        const auto other = positions(i);
        ok = std::binary_search(other.begin(), other.end(), begin + offsets_[i]);
      }
      if (ok) return true;
    }
    return false;
  }
  std::vector<uint32_t> offsets_;
};

// Operands (words or phrases) within `distance` words of each other: the
// starts of one occurrence of each fit in a window that wide.
class NearMatcher final : public PositionalMatcher {
 public:
  struct Operand {
    size_t first;                  // its first cursor
    std::vector<uint32_t> offsets; // one per cursor
  };
  NearMatcher(std::vector<PostingCursor> cursors, std::vector<double> weights, std::vector<Operand> operands,
              uint32_t distance, const Source& segment, double average_length, bool two_phase)
      : PositionalMatcher(std::move(cursors), std::move(weights), segment, average_length, two_phase),
        operands_(std::move(operands)),
        distance_(distance) {
    start();
  }

 private:
  bool positions_match() override {
    starts_.resize(operands_.size());
    for (size_t o = 0; o < operands_.size(); ++o) {
      phrase_starts([&](size_t c) { return positions(c); }, operands_[o].first,
                    operands_[o].offsets, starts_[o]);
      if (starts_[o].empty()) return false;
    }
    return within(starts_, distance_);
  }
  std::vector<Operand> operands_;
  uint32_t distance_;
  std::vector<std::vector<uint32_t>> starts_;
};

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

namespace {

// Picks a distinct value from each list's candidates, lists [i, end).
bool assign_distinct(const std::vector<std::vector<uint32_t>>& candidates, size_t i, std::vector<uint32_t>& chosen) {
  if (i == candidates.size()) return true;
  for (uint32_t v : candidates[i]) {
    if (std::find(chosen.begin(), chosen.end(), v) != chosen.end()) continue;
    chosen.push_back(v);
    if (assign_distinct(candidates, i + 1, chosen)) return true;
    chosen.pop_back();
  }
  return false;
}

}  // namespace

bool within(const std::vector<std::vector<uint32_t>>& lists, uint32_t distance) {
  // Each value of any list may start the window [v, v + distance]; the window
  // fits if every list has a value in it, distinct across lists (the same word
  // twice, "allies NEAR/3 allies", needs two occurrences).
  std::vector<std::vector<uint32_t>> candidates(lists.size());
  std::vector<uint32_t> chosen;
  for (const auto& starts : lists) {
    for (uint32_t v : starts) {
      bool every = true;
      for (size_t i = 0; i < lists.size() && every; ++i) {
        auto lo = std::lower_bound(lists[i].begin(), lists[i].end(), v);
        auto hi = std::upper_bound(lo, lists[i].end(), v + distance);
        candidates[i].assign(lo, hi);
        every = !candidates[i].empty();
      }
      chosen.clear();
      if (every && assign_distinct(candidates, 0, chosen)) return true;
    }
  }
  return false;
}

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
    case Kind::phrase: {
      std::vector<PostingCursor> cursors;
      std::vector<double> weights;
      for (const std::string& term : node.terms) {
        auto info = segment.find_term(term);
        if (!info || !info->has_positions()) return make_empty_matcher();
        cursors.push_back(segment.postings(*info));
        weights.push_back(scoring.term_weight(term));
      }
      return std::make_unique<PhraseMatcher>(std::move(cursors), node.offsets, std::move(weights), segment,
                                             scoring.average_length(), options.two_phase);
    }
    case Kind::prefix:
      return prefix_matcher(node, segment, scoring);
    case Kind::near: {
      std::vector<PostingCursor> cursors;
      std::vector<double> weights;
      std::vector<NearMatcher::Operand> operands;
      for (const auto& child : node.children) {
        NearMatcher::Operand operand{cursors.size(), child->kind == Kind::phrase ? child->offsets : std::vector<uint32_t>{0}};
        for (const std::string& term : child->terms) {
          auto info = segment.find_term(term);
          if (!info || !info->has_positions()) return make_empty_matcher();
          cursors.push_back(segment.postings(*info));
          weights.push_back(scoring.term_weight(term));
        }
        operands.push_back(std::move(operand));
      }
      return std::make_unique<NearMatcher>(std::move(cursors), std::move(weights), std::move(operands), node.distance,
                                           segment, scoring.average_length(), options.two_phase);
    }
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
