// The matchers over term positions: phrases and NEAR, and the window test
// they share with the statement evaluator (within).
#include "positional_matchers.h"

#include <algorithm>

#include "attache/query/searcher.h"
#include "attache/storage/word_pairs.h"
#include "term_matchers.h"

namespace attache::query {
namespace {

using storage::PostingCursor;
using Source = storage::PostingSource;

// Matchers over term positions: documents holding every term are found first
// (rarest term leading), and positions are decoded only for those. `pairs`
// are the postings of word pairs the positions must hold (word_pairs.h): a
// candidate must be in them too, but they are not scored.
class PositionalMatcher : public Matcher {
 public:
  PositionalMatcher(std::vector<PostingCursor> cursors, std::vector<double> weights, std::vector<PostingCursor> pairs,
                    const Source& segment, double average_length, bool two_phase)
      : cursors_(std::move(cursors)),
        weights_(std::move(weights)),
        pairs_(std::move(pairs)),
        segment_(segment),
        average_length_(average_length),
        two_phase_(two_phase) {
    order_.resize(cursors_.size());
    for (size_t i = 0; i < order_.size(); ++i) order_[i] = i;
    auto rarer = [](const PostingCursor* a, const PostingCursor* b) { return a->doc_frequency() < b->doc_frequency(); };
    std::sort(order_.begin(), order_.end(), [&](size_t a, size_t b) { return rarer(&cursors_[a], &cursors_[b]); });
    // The rarest word leads, or a pair under half its documents: a word
    // leading passes over whole blocks under a threshold (pass_unreaching),
    // which an unscored pair cannot. The others follow, pairs first (short
    // lists without positions), each group rarest first.
    for (PostingCursor& pair : pairs_) followers_.push_back(&pair);
    std::sort(followers_.begin(), followers_.end(), rarer);
    for (size_t i : order_) followers_.push_back(&cursors_[i]);
    lead_ = &cursors_[order_[0]];
    if (!pairs_.empty() && 2 * uint64_t{followers_[0]->doc_frequency()} < lead_->doc_frequency()) lead_ = followers_[0];
    followers_.erase(std::find(followers_.begin(), followers_.end(), lead_));
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
  uint64_t cost() const override { return lead_->doc_frequency(); }
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
  void set_threshold(double threshold) override { threshold_ = threshold; }
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
  uint32_t frequency(size_t cursor) { return cursors_[cursor].frequency(); }

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

  // First document >= target containing every term and pair.
  uint32_t align(uint32_t target) {
    PostingCursor& rarest_word = cursors_[order_[0]];
    const bool word_leads = lead_ == &rarest_word;
    while (true) {
      lead_->advance(target);
      if (threshold_ > 0 && word_leads) pass_unreaching(rarest_word);
      uint32_t candidate = lead_->doc();
      if (candidate == kNoMoreDocs) return kNoMoreDocs;
      bool all = true;
      for (PostingCursor* c : followers_) {
        c->advance(candidate);
        if (c->doc() != candidate) {
          if (c->doc() == kNoMoreDocs) return kNoMoreDocs;
          target = c->doc();
          all = false;
          break;
        }
      }
      // Led by a pair, the rarest word's frequency floor is tested here,
      // once every cursor is on the candidate.
      if (all && threshold_ > 0 && !word_leads && rarest_word.frequency() < lead_floor(rarest_word)) {
        target = candidate + 1;
        all = false;
      }
      if (all) return candidate;
    }
  }

  // Under a top-k threshold, moves the lead past the documents whose own
  // frequency cannot reach it, whatever the other terms score there (their
  // bounds over the lead's block), without moving the other cursors: most
  // documents holding two frequent words are passed over here, a frequency
  // compared each, or a whole block of the lead at once.
  void pass_unreaching(PostingCursor& lead) {
    while (lead.doc() != kNoMoreDocs) {
      const uint32_t block_last = lead.block_last_doc();
      const uint32_t floor = lead_floor(lead);
      if (floor > lead.block_max_frequency()) {
        lead.advance(block_last + 1);
        continue;
      }
      while (lead.doc() <= block_last && lead.frequency() < floor) lead.next();
      if (lead.doc() <= block_last) return;
    }
  }

  // The least frequency of the lead, at its block's shortest length, that
  // reaches the threshold with every other term at its bound over the lead's
  // block; past the block's greatest frequency when none does. Summed in the
  // order score() sums, so rounding cannot make a skipped document reach it.
  uint32_t lead_floor(const PostingCursor& lead) {
    const uint32_t block_last = lead.block_last_doc();
    if (floor_block_ == block_last && floor_threshold_ == threshold_) return floor_;
    const size_t lead_term = order_[0];
    std::vector<double>& bounds = floor_bounds_;
    bounds.assign(cursors_.size(), 0);
    for (size_t i = 0; i < cursors_.size(); ++i) {
      if (i == lead_term) continue;
      const PostingCursor::Bounds b = cursors_[i].bounds_through(block_last);
      bounds[i] = b.max_frequency == 0 ? 0 : Bm25::score(weights_[i], b.max_frequency, b.min_length, average_length_);
    }
    auto reaches = [&](uint32_t frequency) {
      double s = 0;
      for (size_t i = 0; i < cursors_.size(); ++i)
        s += i == lead_term ? Bm25::score(weights_[i], frequency, lead.block_min_length(), average_length_) : bounds[i];
      return s >= threshold_;
    };
    uint32_t low = 1, high = lead.block_max_frequency() + 1;
    while (low < high) {
      const uint32_t mid = low + (high - low) / 2;
      if (reaches(mid))
        high = mid;
      else
        low = mid + 1;
    }
    floor_block_ = block_last;
    floor_threshold_ = threshold_;
    floor_ = low;
    return low;
  }

  std::vector<PostingCursor> cursors_;
  std::vector<double> weights_;
  std::vector<PostingCursor> pairs_;
  PostingCursor* lead_ = nullptr;           // the rarest of cursors_ and pairs_
  std::vector<PostingCursor*> followers_;  // the others, moved to each of the lead's candidates
  const Source& segment_;
  double average_length_;
  std::vector<size_t> order_;
  uint32_t doc_ = kNoMoreDocs;
  bool two_phase_;
  uint32_t checked_doc_ = kNoMoreDocs;
  bool checked_ = false;
  uint32_t scored_doc_ = kNoMoreDocs;
  double score_ = 0;
  double threshold_ = 0;  // documents scoring below it no longer matter (set_threshold)
  // lead_floor's answer, for one block of the lead and one threshold at a time.
  uint32_t floor_block_ = kNoMoreDocs;
  double floor_threshold_ = -1;
  uint32_t floor_ = 0;
  std::vector<double> floor_bounds_;
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
                std::vector<PostingCursor> pairs, const Source& segment, double average_length, bool two_phase)
      : PositionalMatcher(std::move(cursors), std::move(weights), std::move(pairs), segment, average_length, two_phase),
        offsets_(std::move(offsets)),
        by_frequency_(offsets_.size()) {
    start();
  }

 private:
  bool positions_match() override {
    // Anchor on the term fewest times in this document (the phrase starts at
    // p - offset) and look the others up from the least frequent here: a
    // stopword's dozens of positions are decoded only where the rarer words
    // already line up.
    for (size_t i = 0; i < by_frequency_.size(); ++i) by_frequency_[i] = i;
    std::sort(by_frequency_.begin(), by_frequency_.end(), [&](size_t a, size_t b) { return frequency(a) < frequency(b); });
    const size_t anchor = by_frequency_[0];
    for (uint32_t p : positions(anchor)) {
      if (p < offsets_[anchor]) continue;
      uint32_t begin = p - offsets_[anchor];
      bool ok = true;
      for (size_t k = 1; k < by_frequency_.size() && ok; ++k) {
        const size_t i = by_frequency_[k];
        const auto other = positions(i);
        ok = std::binary_search(other.begin(), other.end(), begin + offsets_[i]);
      }
      if (ok) return true;
    }
    return false;
  }
  std::vector<uint32_t> offsets_;
  std::vector<size_t> by_frequency_;  // scratch: the terms, least frequent in the document first
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
      : PositionalMatcher(std::move(cursors), std::move(weights), {}, segment, average_length, two_phase),
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

std::unique_ptr<Matcher> make_phrase_matcher(const QueryNode& node, const Source& segment, ScoringContext& scoring,
                                             const MatcherOptions& options) {
  std::vector<PostingCursor> cursors;
  std::vector<double> weights;
  for (const std::string& term : node.terms) {
    auto cursor = segment.positional_postings(term);
    if (!cursor) return make_empty_matcher();
    cursors.push_back(std::move(*cursor));
    weights.push_back(scoring.term_weight(term));
  }
  // Where the segment holds every word pair, a pair of the phrase's words the
  // segment lacks means no document matches, and those it has narrow the
  // candidates before any position is read.
  std::vector<PostingCursor> pairs;
  if (options.word_pairs && segment.holds_word_pairs()) {
    for (size_t i = 0; i < node.terms.size(); ++i)
      for (size_t j = 0; j < node.terms.size(); ++j) {
        if (node.offsets[j] != node.offsets[i] + 1 || !storage::indexes_word_pair(node.terms[i], node.terms[j])) continue;
        auto info = segment.find_term(storage::word_pair_term(node.terms[i], node.terms[j]));
        if (!info) return make_empty_matcher();
        pairs.push_back(segment.postings(*info));
      }
  }
  return std::make_unique<PhraseMatcher>(std::move(cursors), node.offsets, std::move(weights), std::move(pairs), segment,
                                         scoring.average_length(), options.two_phase);
}

std::unique_ptr<Matcher> make_near_matcher(const QueryNode& node, const Source& segment, ScoringContext& scoring,
                                           bool two_phase) {
  std::vector<PostingCursor> cursors;
  std::vector<double> weights;
  std::vector<NearMatcher::Operand> operands;
  for (const auto& child : node.children) {
    NearMatcher::Operand operand{cursors.size(),
                                 child->kind == QueryNode::Kind::phrase ? child->offsets : std::vector<uint32_t>{0}};
    for (const std::string& term : child->terms) {
      auto cursor = segment.positional_postings(term);
      if (!cursor) return make_empty_matcher();
      cursors.push_back(std::move(*cursor));
      weights.push_back(scoring.term_weight(term));
    }
    operands.push_back(std::move(operand));
  }
  return std::make_unique<NearMatcher>(std::move(cursors), std::move(weights), std::move(operands), node.distance,
                                       segment, scoring.average_length(), two_phase);
}

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

}  // namespace attache::query
