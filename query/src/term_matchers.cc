// The matchers at the leaves of a query: a term's postings, a stem met as
// itself, an id range, nothing.
#include "term_matchers.h"

#include "attache/query/searcher.h"

namespace attache::query {

using storage::PostingCursor;
using Source = storage::PostingSource;

double block_bound(const PostingCursor& c, double weight, double average_length) {
  if (c.doc() == PostingCursor::kEnd) return 0;
  return Bm25::score(weight, c.block_max_frequency(), c.block_min_length(), average_length);
}

namespace {

class EmptyMatcher final : public Matcher {
 public:
  uint32_t doc() const override { return kNoMoreDocs; }
  void next() override {}
  void advance(uint32_t) override {}
  double score() override { return 0; }
  uint64_t cost() const override { return 0; }
  double max_score() const override { return 0; }
};

// Every id in [first, last): all documents, or a date range.
class RangeMatcher final : public Matcher {
 public:
  RangeMatcher(uint32_t first, uint32_t last) : doc_(first < last ? first : kNoMoreDocs), last_(last) {}
  uint32_t doc() const override { return doc_; }
  void next() override { doc_ = doc_ + 1 < last_ ? doc_ + 1 : kNoMoreDocs; }
  void advance(uint32_t target) override {
    if (target > doc_) doc_ = target < last_ ? target : kNoMoreDocs;
  }
  double score() override { return 0; }
  uint64_t cost() const override { return doc_ == kNoMoreDocs ? 0 : last_ - doc_; }
  double max_score() const override { return 0; }

 private:
  uint32_t doc_;
  uint32_t last_;
};

class TermMatcher final : public Matcher {
 public:
  TermMatcher(PostingCursor cursor, const Source& segment, double weight, double average_length)
      : cursor_(std::move(cursor)), segment_(segment), weight_(weight), average_length_(average_length) {}
  uint32_t doc() const override { return cursor_.doc(); }
  void next() override { cursor_.next(); }
  void advance(uint32_t target) override { cursor_.advance(target); }
  double score() override {
    return Bm25::score(weight_, cursor_.frequency(), segment_.length(cursor_.doc()), average_length_);
  }
  uint64_t cost() const override { return cursor_.doc_frequency(); }
  uint32_t block_end() const override { return cursor_.block_last_doc(); }
  double block_upper_score() override { return block_bound(cursor_, weight_, average_length_); }
  double max_score() const override { return Bm25::score(weight_, cursor_.max_frequency(), 0, average_length_); }
  bool may_score(double at_least) override {
    if (cursor_.block_last_doc() != bound_block_ || at_least != bound_threshold_) {
      bound_block_ = cursor_.block_last_doc();
      bound_threshold_ = at_least;
      min_frequency_ = least_frequency_reaching(at_least);
    }
    return cursor_.frequency() >= min_frequency_;
  }
  // The same loop as Matcher's, without a virtual call per posting.
  void next_reaching(double at_least, uint64_t& passed) override {
    for (cursor_.next(); cursor_.doc() != kNoMoreDocs && !may_score(at_least); cursor_.next()) ++passed;
  }

 private:
  // The smallest frequency whose score at the block's shortest length reaches
  // at_least (scores grow with the frequency and shrink with the length);
  // past the block's greatest frequency when none does.
  uint32_t least_frequency_reaching(double at_least) const {
    uint32_t low = 1, high = cursor_.block_max_frequency() + 1;
    while (low < high) {
      const uint32_t mid = low + (high - low) / 2;
      if (Bm25::score(weight_, mid, cursor_.block_min_length(), average_length_) < at_least)
        low = mid + 1;
      else
        high = mid;
    }
    return low;
  }

  PostingCursor cursor_;
  const Source& segment_;
  double weight_;
  double average_length_;
  // may_score's frequency floor, for one block and one threshold at a time.
  uint32_t bound_block_ = kNoMoreDocs;
  double bound_threshold_ = -1;
  uint32_t min_frequency_ = 0;
};

// Documents where a stem occurs as itself, not only through other words with
// that stem: its frequency exceeds the summed frequencies of those words'
// surface terms. Lets word* match a word that is its own stem exactly.
class LiteralStemMatcher final : public Matcher {
 public:
  LiteralStemMatcher(PostingCursor stem, std::vector<PostingCursor> variants, const Source& segment, double weight,
                     double average_length)
      : stem_(std::move(stem)),
        variants_(std::move(variants)),
        segment_(segment),
        weight_(weight),
        average_length_(average_length) {
    settle();
  }
  uint32_t doc() const override { return stem_.doc(); }
  void next() override {
    stem_.next();
    settle();
  }
  void advance(uint32_t target) override {
    if (target <= stem_.doc()) return;
    stem_.advance(target);
    settle();
  }
  double score() override {
    return Bm25::score(weight_, stem_.frequency(), segment_.length(stem_.doc()), average_length_);
  }
  uint64_t cost() const override { return stem_.doc_frequency(); }
  double max_score() const override { return Bm25::score(weight_, stem_.max_frequency(), 0, average_length_); }

 private:
  void settle() {
    for (; stem_.doc() != kNoMoreDocs; stem_.next()) {
      uint64_t through_variants = 0;
      for (PostingCursor& v : variants_) {
        v.advance(stem_.doc());
        if (v.doc() == stem_.doc()) through_variants += v.frequency();
      }
      if (stem_.frequency() > through_variants) return;
    }
  }
  PostingCursor stem_;
  std::vector<PostingCursor> variants_;
  const Source& segment_;
  double weight_;
  double average_length_;
};

}  // namespace

std::unique_ptr<Matcher> make_empty_matcher() { return std::make_unique<EmptyMatcher>(); }

std::unique_ptr<Matcher> make_range_matcher(uint32_t first, uint32_t last) {
  return std::make_unique<RangeMatcher>(first, last);
}

std::unique_ptr<Matcher> make_term_matcher(PostingCursor cursor, const Source& segment, double weight,
                                           double average_length) {
  return std::make_unique<TermMatcher>(std::move(cursor), segment, weight, average_length);
}

std::unique_ptr<Matcher> make_literal_stem_matcher(PostingCursor stem, std::vector<PostingCursor> variants,
                                                   const Source& segment, double weight, double average_length) {
  return std::make_unique<LiteralStemMatcher>(std::move(stem), std::move(variants), segment, weight, average_length);
}

}  // namespace attache::query
