// Grouping near-duplicates by locality-sensitive hashing: a signature's places
// are cut into bands of two; articles whose band agrees entirely are
// candidates (at a similarity of 0.7, some band agrees for all but 2 in 100,000
// pairs; at 0.05, for 4 in 100), and a candidate pair joins (union-find) when
// its whole signatures agree enough.
#include "attache/query/duplicates.h"

#include <algorithm>
#include <numeric>

namespace attache::query {
namespace {

constexpr size_t kBandRows = 2;
constexpr size_t kBands = storage::kSignatureSize / kBandRows;
// Of a band shared by very many articles, each is compared with this many before it:
// copies of one text all agree with the first ones.
constexpr size_t kComparedPerBand = 64;

bool is_none(const storage::Signature& s) {
  return std::all_of(s.begin(), s.end(), [](uint16_t v) { return v == 0; });
}

uint64_t band_key(const storage::Signature& s, size_t band) {
  uint64_t key = band;
  for (size_t r = 0; r < kBandRows; ++r) key = key << 16 ^ s[band * kBandRows + r] ^ (key >> 48) * 0x9e3779b97f4a7c15ull;
  return key;
}

struct UnionFind {
  std::vector<uint32_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0u); }
  uint32_t find(uint32_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  }
  void join(uint32_t a, uint32_t b) { parent[find(a)] = find(b); }
};

}  // namespace

double estimated_similarity(const storage::Signature& a, const storage::Signature& b) {
  if (is_none(a) || is_none(b)) return 0;
  size_t same = 0;
  for (size_t i = 0; i < storage::kSignatureSize; ++i) same += a[i] == b[i];
  return static_cast<double>(same) / storage::kSignatureSize;
}

DuplicateGroups::DuplicateGroups(const storage::IndexSnapshot& snapshot, double threshold) {
  const auto& segments = snapshot.segments();
  uint32_t total = 0;
  for (const auto& s : segments) first_of_segment_.push_back(total), total += s->doc_count();
  std::vector<DocRef> refs(total);
  std::vector<storage::Signature> signatures(total);
  std::vector<bool> live(total, false);
  std::vector<std::pair<uint64_t, uint32_t>> bands;  // (band key, article)
  for (uint32_t s = 0; s < segments.size(); ++s)
    for (uint32_t d = 0; d < segments[s]->doc_count(); ++d) {
      const uint32_t g = first_of_segment_[s] + d;
      refs[g] = {s, d};
      if (segments[s]->is_deleted(d)) continue;
      live[g] = true;
      signatures[g] = segments[s]->signature(d);
      if (is_none(signatures[g])) continue;
      for (size_t b = 0; b < kBands; ++b) bands.emplace_back(band_key(signatures[g], b), g);
    }
  std::sort(bands.begin(), bands.end());
  UnionFind sets(total);
  for (size_t run = 0; run < bands.size();) {
    size_t end = run + 1;
    while (end < bands.size() && bands[end].first == bands[run].first) ++end;
    for (size_t i = run + 1; i < end; ++i)
      for (size_t j = i > run + kComparedPerBand ? i - kComparedPerBand : run; j < i; ++j)
        if (sets.find(bands[i].second) != sets.find(bands[j].second) &&
            estimated_similarity(signatures[bands[i].second], signatures[bands[j].second]) >= threshold)
          sets.join(bands[i].second, bands[j].second);
    run = end;
  }
  // Groups numbered in the order of their first article; members by date, then index order.
  group_of_.assign(total, 0);
  std::vector<uint32_t> number_of_root(total, UINT32_MAX);
  for (uint32_t g = 0; g < total; ++g) {
    if (!live[g]) continue;
    uint32_t& number = number_of_root[sets.find(g)];
    if (number == UINT32_MAX) number = static_cast<uint32_t>(groups_.size()), groups_.emplace_back();
    group_of_[g] = number;
    groups_[number].push_back(refs[g]);
  }
  for (auto& members : groups_)
    std::stable_sort(members.begin(), members.end(), [&](const DocRef& a, const DocRef& b) {
      return segments[a.segment]->date(a.doc) < segments[b.segment]->date(b.doc);
    });
}

std::span<const DocRef> DuplicateGroups::group(DocRef article) const { return groups_[group_id(article)]; }

}  // namespace attache::query
