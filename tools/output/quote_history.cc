// Grouping statements across articles (see quote_history.h). Copies with the
// same folded words are grouped by a hash of them. Then each distinct text,
// longest first, is compared with the longer ones before it that share one of
// its few smallest shingles (overlapping runs of words): a part of a longer
// statement has all its shingles in it, so it shares those too. Two are joined
// (union-find) when the shorter's shingles lie almost all in the longer and it
// has more than half the longer's words.
#include "quote_history.h"

#include <algorithm>
#include <cstddef>
#include <map>
#include <set>
#include <stdexcept>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "attache/analysis/tokenizer.h"
#include "open_index.h"
#include "statement_text.h"

namespace attache::cli {
namespace {

constexpr size_t kShingleWords = 4;
constexpr size_t kSketch = 4;  // the smallest shingles a text looks up its candidates by
// Of a shingle in very many texts ("the united states of"), only the nearest in length
// are candidates: the cost of a text stays bounded on any archive.
constexpr size_t kCandidatesPerShingle = 256;
constexpr double kContained = 0.8;  // of the shorter's shingles found in the longer

struct Member {
  size_t words = 0;
  uint64_t key = 0;  // hash of all its folded words
  Day date = 0;
  uint32_t begin = 0;  // of the statement in its article's text
  std::string article, source, speaker, text;
};

uint64_t hash_words(const std::vector<std::string>& words, size_t first, size_t count) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a over the words, each ended by a separator
  for (size_t i = first; i < first + count; ++i) {
    for (unsigned char c : words[i]) h = (h ^ c) * 1099511628211ull;
    h = (h ^ 0x1f) * 1099511628211ull;
  }
  return h;
}

std::vector<std::string> folded_words(const std::string& text) {
  std::vector<analysis::Token> tokens;
  analysis::tokenize(text, tokens);
  std::vector<std::string> words;
  for (analysis::Token& t : tokens)
    if (!t.compound) words.push_back(std::move(t.text));
  return words;
}

// Sorted and unique.
std::vector<uint64_t> shingles_of(const std::vector<std::string>& words) {
  std::vector<uint64_t> out;
  if (words.size() <= kShingleWords) out.push_back(hash_words(words, 0, words.size()));
  for (size_t i = 0; i + kShingleWords <= words.size() && words.size() > kShingleWords; ++i)
    out.push_back(hash_words(words, i, kShingleWords));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

class Groups {
 public:
  void add(const storage::StoredDocument& doc, const storage::StoredStatement& st) {
    Member m;
    m.text = statement_text(doc.text, st);
    const std::vector<std::string> words = folded_words(m.text);
    m.words = words.size();
    m.key = hash_words(words, 0, words.size());
    m.date = doc.date;
    m.begin = st.begin;
    m.article = doc.id;
    m.source = doc.source;
    m.speaker = st.canonical.empty() ? st.speaker : st.canonical;
    const size_t id = members_.size();
    parent_.push_back(id);
    if (auto [it, fresh] = distinct_.try_emplace(m.key, id); !fresh) {
      parent_[id] = it->second;
    } else {
      distinct_shingles_.emplace_back(id, shingles_of(words));
    }
    members_.push_back(std::move(m));
  }

  // Each member's group, numbered from 0, and the number of groups.
  std::pair<std::vector<uint32_t>, uint32_t> numbers() {
    join_parts();
    std::vector<uint32_t> out(members_.size());
    std::unordered_map<size_t, uint32_t> number_of_root;
    for (size_t i = 0; i < members_.size(); ++i)
      out[i] = number_of_root.try_emplace(find(i), static_cast<uint32_t>(number_of_root.size())).first->second;
    return {std::move(out), static_cast<uint32_t>(number_of_root.size())};
  }
  const Member& member(size_t i) const { return members_[i]; }
  size_t size() const { return members_.size(); }

  std::vector<QuoteGroup> groups() {
    join_parts();
    std::map<size_t, std::vector<size_t>> by_root;  // members in the order they were added
    for (size_t i = 0; i < members_.size(); ++i) by_root[find(i)].push_back(i);
    std::vector<QuoteGroup> out;
    out.reserve(by_root.size());
    for (const auto& [root, ids] : by_root) out.push_back(summarise(ids));
    return out;
  }

 private:
  size_t find(size_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }

  void join_parts() {
    auto& texts = distinct_shingles_;
    std::stable_sort(texts.begin(), texts.end(),
                     [&](const auto& a, const auto& b) { return members_[a.first].words > members_[b.first].words; });
    // Every (shingle, text) pair, sorted: the texts holding a shingle, longest first, are one range.
    std::vector<std::pair<uint64_t, uint32_t>> held;
    for (uint32_t t = 0; t < texts.size(); ++t)
      for (uint64_t s : texts[t].second) held.emplace_back(s, t);
    std::sort(held.begin(), held.end());
    std::vector<uint32_t> candidates;
    for (uint32_t t = 0; t < texts.size(); ++t) {
      const std::vector<uint64_t>& shingles = texts[t].second;
      candidates.clear();
      for (size_t k = 0; k < shingles.size() && k < kSketch; ++k) {
        // The texts before this one (as long or longer) that hold the shingle, the nearest last.
        auto first = std::lower_bound(held.begin(), held.end(), std::pair{shingles[k], uint32_t{0}});
        auto end = std::lower_bound(first, held.end(), std::pair{shingles[k], t});
        first = end - std::min<ptrdiff_t>(end - first, kCandidatesPerShingle);
        for (; first != end; ++first) candidates.push_back(first->second);
      }
      std::sort(candidates.begin(), candidates.end());
      candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
      for (uint32_t c : candidates)
        if (part_of(texts[t], texts[c])) parent_[find(texts[t].first)] = find(texts[c].first);
    }
  }

  // Whether the shorter text is the same statement as the longer, or a part covering most of it.
  bool part_of(const std::pair<size_t, std::vector<uint64_t>>& shorter,
               const std::pair<size_t, std::vector<uint64_t>>& longer) const {
    if (2 * members_[shorter.first].words <= members_[longer.first].words) return false;
    size_t shared = 0;
    auto a = shorter.second.begin(), b = longer.second.begin();
    while (a != shorter.second.end() && b != longer.second.end()) {
      if (*a < *b) ++a;
      else if (*b < *a) ++b;
      else ++shared, ++a, ++b;
    }
    return static_cast<double>(shared) >= kContained * static_cast<double>(shorter.second.size());
  }

  QuoteGroup summarise(const std::vector<size_t>& ids) const {
    QuoteGroup g;
    const Member* first = &members_[ids.front()];
    const Member* last = first;
    std::map<std::string, uint64_t> speakers;
    std::set<std::string_view> articles, sources;
    for (size_t i : ids) {
      const Member& m = members_[i];
      if (m.date < first->date) first = &m;
      if (m.date >= last->date) last = &m;
      ++speakers[m.speaker];
      articles.insert(m.article);
      if (!m.source.empty()) sources.insert(m.source);
    }
    g.text = first->text;
    g.first_date = first->date;
    g.first_article = first->article;
    g.last_date = last->date;
    g.last_article = last->article;
    g.speakers.assign(speakers.begin(), speakers.end());
    std::stable_sort(g.speakers.begin(), g.speakers.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    g.statements = ids.size();
    g.articles = articles.size();
    g.sources = sources.size();
    return g;
  }

  std::vector<Member> members_;
  std::vector<size_t> parent_;
  std::unordered_map<uint64_t, size_t> distinct_;  // key -> the first member with it
  std::vector<std::pair<size_t, std::vector<uint64_t>>> distinct_shingles_;  // a member of each key, its shingles
};

}  // namespace

std::vector<QuoteGroup> quote_history(const OpenIndex& index, const query::Query* query, HistoryOrder order,
                                      size_t limit) {
  Groups groups;
  index.for_each_statement(query, [&](const storage::StoredDocument& doc, const storage::StoredStatement& st) {
    groups.add(doc, st);
  });
  std::vector<QuoteGroup> out = groups.groups();
  auto by_date = [](const QuoteGroup& a, const QuoteGroup& b) {
    return std::tie(a.first_date, b.articles, a.first_article) < std::tie(b.first_date, a.articles, b.first_article);
  };
  auto by_spread = [&](const QuoteGroup& a, const QuoteGroup& b) {
    if (a.articles != b.articles) return a.articles > b.articles;
    if (a.sources != b.sources) return a.sources > b.sources;
    return by_date(a, b);
  };
  if (order == HistoryOrder::first_date)
    std::sort(out.begin(), out.end(), by_date);
  else
    std::sort(out.begin(), out.end(), by_spread);
  if (limit && out.size() > limit) out.resize(limit);
  return out;
}

std::optional<query::Query> history_query(QueryRequest request) {
  const bool words = request.text.find_first_not_of(" \t\r\n") != std::string::npos;
  if (!words && !request.from && !request.to && !request.min_confidence) return std::nullopt;
  // A range from the first year matches every dated article.
  if (!words) request.text = "date:0001..";
  return build_query(request);
}

// As Searcher's collapsed search: the groups of every matching statement, then
// ranked hits in a window widened until it holds offset + limit groups.
FoundStatements search_statements_collapsed(const OpenIndex& index, const query::Query& query,
                                            const query::SearchOptions& options) {
  Groups groups;
  index.for_each_statement(&query, [&](const storage::StoredDocument& doc, const storage::StoredStatement& st) {
    groups.add(doc, st);
  });
  const auto [number, group_count] = groups.numbers();
  auto key = [](const std::string& article, uint32_t begin) { return article + '\n' + std::to_string(begin); };
  std::unordered_map<std::string, uint32_t> group_of;
  std::vector<std::vector<size_t>> members(group_count);
  for (size_t i = 0; i < groups.size(); ++i) {
    group_of.emplace(key(groups.member(i).article, groups.member(i).begin), number[i]);
    members[number[i]].push_back(i);
  }
  FoundStatements out;
  out.total = group_count;
  const size_t keep = options.hits_to_keep();
  query::SearchOptions window = options;
  window.collapse = false;
  window.offset = 0;
  window.exact_total = false;
  window.limit = keep > SIZE_MAX / 4 ? SIZE_MAX : std::max<size_t>(2 * keep, 16);
  std::vector<uint32_t> kept_groups;
  for (;;) {
    FoundStatements wide = index.search_statements(query, window);
    const size_t found = wide.hits.size();
    std::vector<bool> seen(group_count, false);
    out.hits.clear();
    kept_groups.clear();
    for (auto& hit : wide.hits) {
      auto it = group_of.find(key(hit.doc.id, hit.doc.statements.at(hit.statement).begin));
      if (it != group_of.end() && seen[it->second]) continue;
      if (it != group_of.end()) seen[it->second] = true;
      kept_groups.push_back(it == group_of.end() ? UINT32_MAX : it->second);
      out.hits.push_back(std::move(hit));
    }
    if (out.hits.size() >= keep || found < window.limit || window.limit == SIZE_MAX) break;
    window.limit = window.limit > SIZE_MAX / 4 ? SIZE_MAX : window.limit * 4;
  }
  const size_t skip = std::min(options.offset, out.hits.size());
  out.hits.erase(out.hits.begin(), out.hits.begin() + static_cast<std::ptrdiff_t>(skip));
  kept_groups.erase(kept_groups.begin(), kept_groups.begin() + static_cast<std::ptrdiff_t>(skip));
  if (out.hits.size() > options.limit) out.hits.resize(options.limit), kept_groups.resize(options.limit);
  for (size_t h = 0; h < out.hits.size(); ++h) {
    Copies copies;
    if (kept_groups[h] != UINT32_MAX) {
      const std::vector<size_t>& ids = members[kept_groups[h]];
      const Member* first = &groups.member(ids.front());
      for (size_t i : ids) {
        const Member& m = groups.member(i);
        if (m.date < first->date) first = &m;
        if (m.article == out.hits[h].doc.id && m.begin == out.hits[h].doc.statements[out.hits[h].statement].begin) continue;
        ++copies.count;
        if (copies.sources.size() < Copies::kMaxCopySources &&
            std::find(copies.sources.begin(), copies.sources.end(), m.source) == copies.sources.end())
          copies.sources.push_back(m.source);
      }
      copies.original = first->article;
    }
    out.copies.push_back(std::move(copies));
  }
  return out;
}

HistoryOrder history_order(const std::string& name, const std::string& option_prefix) {
  if (name == "spread") return HistoryOrder::spread;
  if (name == "date" || name == "first") return HistoryOrder::first_date;
  throw std::invalid_argument(option_prefix + "sort for a quote history is spread or date, not '" + name + "'");
}

Json quote_group_json(const QuoteGroup& group) {
  Json speakers = Json::array();
  for (const auto& [name, count] : group.speakers) speakers.push_back({{"name", name}, {"statements", count}});
  return {{"type", "quote"},
          {"text", group.text},
          {"speaker", group.speakers.empty() ? "" : group.speakers.front().first},
          {"speakers", speakers},
          {"first_date", format_day(group.first_date)},
          {"first_article", group.first_article},
          {"last_date", format_day(group.last_date)},
          {"last_article", group.last_article},
          {"statements", group.statements},
          {"articles", group.articles},
          {"sources", group.sources}};
}

}  // namespace attache::cli
