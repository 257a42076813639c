// Near-duplicate articles: wire copies, rewrites, the same story under another
// headline. Two live articles are near-duplicates when their signatures agree
// in at least `threshold` of their places (an estimate of the Jaccard
// similarity of their 5-word shingles); a group is what near-duplication joins,
// and its original is its earliest article. Groups are computed from the
// signatures of one snapshot, so they stay right across segments, merges,
// deletions and replacements.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "attache/storage/index_reader.h"

namespace attache::query {

inline constexpr double kDefaultDuplicateThreshold = 0.7;

struct DocRef {
  uint32_t segment = 0;
  uint32_t doc = 0;
  bool operator==(const DocRef&) const = default;
};

// The share of places where two signatures agree; 0 when either is none.
double estimated_similarity(const storage::Signature& a, const storage::Signature& b);

class DuplicateGroups {
 public:
  explicit DuplicateGroups(const storage::IndexSnapshot& snapshot, double threshold = kDefaultDuplicateThreshold);

  // The group of a live article, the original first, then by date; an article
  // with no near-duplicate is a group of one.
  std::span<const DocRef> group(DocRef article) const;
  // A number for the group, the same for all its members.
  uint32_t group_id(DocRef article) const { return group_of_[global(article)]; }
  size_t group_count() const { return groups_.size(); }

 private:
  uint32_t global(DocRef d) const { return first_of_segment_[d.segment] + d.doc; }

  std::vector<uint32_t> first_of_segment_;
  std::vector<uint32_t> group_of_;            // by global number (first_of_segment_ + doc)
  std::vector<std::vector<DocRef>> groups_;  // members, original first
};

}  // namespace attache::query
