// Exhaustive evaluation of a query over every segment, keeping the best
// offset + limit hits in a heap.
#include "attache/query/searcher.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <queue>
#include <tuple>

#include "attache/analysis/terms.h"
#include "attache/query/languages.h"
#include "matchers.h"
#include "searcher_speakers.h"

namespace attache::query {

double Bm25::term_weight(uint64_t doc_frequency, uint64_t document_count) {
  double ratio = (static_cast<double>(document_count) - static_cast<double>(doc_frequency) + 0.5) /
                 (static_cast<double>(doc_frequency) + 0.5);
  // Terms in more than about a third of the documents would weigh little or
  // less than nothing; Xapian damps rather than truncates them, and so do we.
  if (ratio < 2) ratio = ratio * 0.5 + 1;
  return std::log(ratio) * (k1 + 1);
}

struct Searcher::Duplicates {
  std::once_flag grouped;
  std::unique_ptr<DuplicateGroups> groups;
};

Searcher::Searcher(std::shared_ptr<const storage::IndexSnapshot> snapshot)
    : snapshot_(std::move(snapshot)),
      speakers_(std::make_shared<Speakers>()),
      duplicates_(std::make_shared<Duplicates>()) {
  // A few terms a segment, in one dictionary block: cheap enough to read at once.
  std::vector<std::string> terms;
  for (const auto& segment : snapshot_->segments())
    segment->scan_terms(std::string(1, analysis::kLanguagePrefix), [&](std::string_view term, const storage::TermInfo&) {
      terms.emplace_back(term);
      return true;
    });
  languages_ = languages_of_terms(terms);
}

const DuplicateGroups& Searcher::duplicates() const {
  std::call_once(duplicates_->grouped, [this] { duplicates_->groups = std::make_unique<DuplicateGroups>(*snapshot_); });
  return *duplicates_->groups;
}

// The hits of a window wide enough to hold offset + limit groups, widened until
// it does; the total from one pass over every match.
SearchResult Searcher::search_collapsed(const Query& query, const SearchOptions& options) const {
  const DuplicateGroups& groups = duplicates();
  SearchResult out;
  std::vector<bool> seen(groups.group_count(), false);
  for_each_article(query, [&](size_t s, uint32_t doc) {
    const uint32_t g = groups.group_id({static_cast<uint32_t>(s), doc});
    out.total += !seen[g];
    seen[g] = true;
  });
  const size_t keep = options.hits_to_keep();
  SearchOptions window = options;
  window.collapse = false;
  window.offset = 0;
  window.exact_total = false;
  window.limit = keep > SIZE_MAX / 4 ? SIZE_MAX : std::max<size_t>(2 * keep, 16);
  for (;;) {
    const SearchResult wide = search(query, window);
    std::fill(seen.begin(), seen.end(), false);
    out.hits.clear();
    for (const Hit& h : wide.hits) {
      const uint32_t g = groups.group_id({static_cast<uint32_t>(h.segment), h.doc});
      if (!seen[g]) out.hits.push_back(h);
      seen[g] = true;
    }
    if (out.hits.size() >= keep || wide.hits.size() < window.limit || window.limit == SIZE_MAX) break;
    window.limit = window.limit > SIZE_MAX / 4 ? SIZE_MAX : window.limit * 4;
  }
  out.hits.erase(out.hits.begin(), out.hits.begin() + std::min(options.offset, out.hits.size()));
  if (out.hits.size() > options.limit) out.hits.resize(options.limit);
  return out;
}

const Query& Searcher::with_identities(const Query& query, Query& scratch) const {
  const bool speakers = query.mentions_speaker && !query.speakers_resolved;
  const bool languages =
      !query.languages_resolved &&
      std::any_of(languages_.begin(), languages_.end(), [](const std::string& l) { return !analysis::is_english(l); });
  if (!query.root || (!speakers && !languages)) return query;
  scratch = copy_query(query);
  if (speakers) {
    widen_speakers(scratch);
    scratch.speakers_resolved = true;
  }
  analyse_in_languages(scratch, languages_);
  return scratch;
}

namespace {

// Strict weak order: true when a ranks before b.
struct HitOrder {
  SortOrder sort;
  bool operator()(const Hit& a, const Hit& b) const {
    if (sort == SortOrder::newest && a.date != b.date) return a.date > b.date;
    if (sort == SortOrder::oldest && a.date != b.date) return a.date < b.date;
    if (a.score != b.score) return a.score > b.score;
    if (sort == SortOrder::relevance && a.date != b.date) return a.date > b.date;
    if (a.segment != b.segment) return a.segment < b.segment;
    return a.doc < b.doc;
  }
};

bool checks_positions(const QueryNode& n) {
  using Kind = QueryNode::Kind;
  if (n.kind == Kind::phrase || n.kind == Kind::near || n.kind == Kind::speaker) return true;
  for (const auto& c : n.children)
    if (checks_positions(*c)) return true;
  return false;
}

}  // namespace

SearchResult Searcher::search(const Query& asked, const SearchOptions& options) const {
  if (options.collapse) return search_collapsed(asked, options);
  Query scratch;
  const Query& query = with_identities(asked, scratch);
  SearchResult result;
  ScoringContext scoring(*snapshot_);
  const size_t keep = options.hits_to_keep();
  HitOrder before{options.sort};
  // A heap whose top is the worst hit kept so far.
  std::priority_queue<Hit, std::vector<Hit>, HitOrder> best(before);
  const auto& segments = snapshot_->segments();
  const bool prune = !options.exact_total && keep > 0;
  MatcherOptions matcher_options;
  matcher_options.two_phase = prune;
  matcher_options.word_pairs = word_pairs_;
  // Without positions to check, a candidate's upper bound is its score.
  const bool bound_is_score = !checks_positions(*query.root);

  // Scans documents [first, last) of segment s with a fresh matcher; false once
  // date order makes every document left in the segment too old (or new).
  auto scan = [&](size_t s, uint32_t first, uint32_t last) {
    const storage::Segment& segment = *segments[s];
    auto matcher = build_matcher(*query.root, segment, scoring, matcher_options);
    if (first > 0) matcher->advance(first);
    const bool has_deletions = segment.deleted_count() > 0;
    uint32_t block_checked = kNoMoreDocs;  // documents up to here were found worth scoring
    double threshold = 0;                   // what the matcher was last told
    // An exact count ranked by relevance steps past the matches that cannot
    // reach the worst hit kept inside the matcher, counting them (each would
    // only be counted here); not over deleted documents, which do not count.
    const bool count_past = !prune && options.sort == SortOrder::relevance && !has_deletions && last == kNoMoreDocs;
    auto step = [&] {
      if (count_past && keep > 0 && best.size() == keep)
        matcher->next_reaching(best.top().score, result.total);
      else
        matcher->next();
    };
    for (uint32_t doc = matcher->doc(); doc < last; step(), doc = matcher->doc()) {
      if (has_deletions && segment.is_deleted(doc)) continue;
      double upper = -1;  // not computed
      if (prune && best.size() == keep) {
        // Rank-safe: a candidate that cannot beat the worst hit kept is
        // skipped before its positions are checked or its score computed,
        // and a whole block of postings when none of it can.
        const Hit& worst = best.top();
        if (options.sort == SortOrder::relevance) {
          if (worst.score > threshold) {
            threshold = worst.score;
            matcher->set_threshold(threshold);
            doc = matcher->doc();
            if (doc >= last) break;
            if (has_deletions && segment.is_deleted(doc)) continue;
          }
          if (block_checked == kNoMoreDocs || doc > block_checked) {  // once per block
            uint32_t end = matcher->block_end();
            if (end > doc && end != kNoMoreDocs && matcher->block_upper_score() < worst.score) {
              matcher->advance(end + 1);
              if (matcher->doc() >= last) break;
              doc = matcher->doc();
              if (has_deletions && segment.is_deleted(doc)) continue;
            } else {
              block_checked = end;
            }
          }
          if (!matcher->may_score(worst.score)) continue;
          upper = matcher->upper_score();
          if (upper < worst.score) continue;
        } else {
          Day date = segment.date(doc);
          if (options.sort == SortOrder::oldest && date > worst.date) return false;  // ids follow dates
          if (options.sort == SortOrder::newest && date < worst.date) continue;
        }
      }
      if (prune && !matcher->matches()) continue;
      ++result.total;
      if (keep == 0) continue;
      // Ranked by relevance, a match that cannot reach the worst hit kept is
      // counted but not scored (most of an exact count's matches).
      if (options.sort == SortOrder::relevance && best.size() == keep && !matcher->may_score(best.top().score)) continue;
      Hit hit{s, doc, bound_is_score && upper >= 0 ? upper : matcher->score(), 0};
      // Ranked by relevance, a hit scoring below the worst kept cannot enter
      // whatever its date: its date is not read (most of an exact count's hits).
      if (options.sort == SortOrder::relevance && best.size() == keep && hit.score < best.top().score) continue;
      hit.date = segment.date(doc);
      if (best.size() < keep) {
        best.push(hit);
      } else if (before(hit, best.top())) {
        best.pop();
        best.push(hit);
      }
    }
    return true;
  };

  if (prune && options.sort == SortOrder::newest) {
    // Newest first: each segment from its newest documents back, in slices,
    // stopping once the hits kept are newer than anything left.
    std::vector<size_t> order(segments.size());
    for (size_t s = 0; s < order.size(); ++s) order[s] = s;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return segments[a]->max_date() > segments[b]->max_date(); });
    for (size_t s : order) {
      const storage::Segment& segment = *segments[s];
      const uint32_t slice = std::max<uint32_t>(4096, segment.doc_count() / 16);
      for (uint32_t last = segment.doc_count(); last > 0;) {
        if (best.size() == keep && segment.date(last - 1) < best.top().date) break;
        uint32_t first = last > slice ? last - slice : 0;
        scan(s, first, last);
        last = first;
      }
    }
  } else {
    for (size_t s = 0; s < segments.size(); ++s) scan(s, 0, kNoMoreDocs);
  }

  std::vector<Hit> hits;
  hits.reserve(best.size());
  while (!best.empty()) {
    hits.push_back(best.top());
    best.pop();
  }
  std::reverse(hits.begin(), hits.end());
  if (options.offset < hits.size()) result.hits.assign(hits.begin() + static_cast<std::ptrdiff_t>(options.offset), hits.end());
  return result;
}

void Searcher::for_each_article(const Query& asked, const std::function<void(size_t, uint32_t)>& visit) const {
  Query scratch;
  const Query& query = with_identities(asked, scratch);
  ScoringContext scoring(*snapshot_);
  const auto& segments = snapshot_->segments();
  for (size_t s = 0; s < segments.size(); ++s) {
    MatcherOptions matcher_options;
    matcher_options.word_pairs = word_pairs_;
    auto matcher = build_matcher(*query.root, *segments[s], scoring, matcher_options);
    const bool has_deletions = segments[s]->deleted_count() > 0;
    for (uint32_t doc = matcher->doc(); doc != kNoMoreDocs; matcher->next(), doc = matcher->doc())
      if (!has_deletions || !segments[s]->is_deleted(doc)) visit(s, doc);
  }
}

std::vector<std::pair<std::string, uint64_t>> Searcher::count_by_month(const Query& query, bool statements) const {
  std::map<Day, uint64_t> by_month;  // first day of the month -> count
  auto add = [&](Day day) {
    int y;
    unsigned m, d;
    civil_from_day(day, y, m, d);
    ++by_month[*day_from_civil(y, m, 1)];
  };
  if (statements)
    for_each_statement(query, [&](const StatementHit& hit, const storage::StoredStatement&) { add(hit.date); }, false);
  else
    for_each_article(query, [&](size_t s, uint32_t doc) { add(snapshot_->segments()[s]->date(doc)); });
  std::vector<std::pair<std::string, uint64_t>> out;
  for (const auto& [day, n] : by_month) out.emplace_back(format_day(day).substr(0, 7), n);
  return out;
}

std::map<std::string, uint64_t> Searcher::count_by_value(const Query& query, std::string_view prefix,
                                                         bool statements) const {
  const auto& segments = snapshot_->segments();
  std::vector<std::vector<uint32_t>> matches(segments.size());  // per segment: matches of each document
  auto add = [&](size_t s, uint32_t doc) {
    if (matches[s].empty()) matches[s].assign(segments[s]->doc_count(), 0);
    ++matches[s][doc];
  };
  if (statements)
    for_each_statement(query, [&](const StatementHit& hit, const storage::StoredStatement&) { add(hit.segment, hit.doc); },
                       false);
  else
    for_each_article(query, add);
  std::map<std::string, uint64_t> counts;
  for (size_t s = 0; s < segments.size(); ++s) {
    if (matches[s].empty()) continue;
    segments[s]->scan_terms(prefix, [&](std::string_view term, const storage::TermInfo& info) {
      uint64_t n = 0;
      for (storage::PostingCursor c = segments[s]->postings(info); c.doc() != storage::PostingCursor::kEnd; c.next())
        n += matches[s][c.doc()];
      if (n) counts[std::string(term.substr(prefix.size()))] += n;
      return true;
    });
  }
  return counts;
}

uint64_t Searcher::count(const Query& query) const {
  SearchOptions options;
  options.limit = 0;
  return search(query, options).total;
}

storage::StoredDocument Searcher::document(const Hit& hit) const {
  return snapshot_->segments().at(hit.segment)->document(hit.doc);
}

std::vector<storage::StoredDocument> Searcher::documents(const std::vector<Hit>& hits, bool with_statements) const {
  std::vector<storage::StoredDocument> out(hits.size());
  // Hit indices by segment then id; hits of one article share its fetch.
  std::vector<size_t> order(hits.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return std::tie(hits[a].segment, hits[a].doc) < std::tie(hits[b].segment, hits[b].doc);
  });
  size_t at = 0;
  while (at < order.size()) {
    const size_t segment = hits[order[at]].segment;
    size_t end = at;
    std::vector<uint32_t> docs;
    for (; end < order.size() && hits[order[end]].segment == segment; ++end)
      if (docs.empty() || docs.back() != hits[order[end]].doc) docs.push_back(hits[order[end]].doc);
    size_t next = at;  // the first of this segment's sorted hits not yet filled
    snapshot_->segments().at(segment)->fetch_documents(docs, with_statements, [&](uint32_t doc, storage::StoredDocument&& d) {
      size_t last = next;  // the hits of this document: order[next, last)
      while (last < end && hits[order[last]].doc == doc) ++last;
      for (size_t k = next; k + 1 < last; ++k) out[order[k]] = d;
      out[order[last - 1]] = std::move(d);
      next = last;
    });
    at = end;
  }
  return out;
}

std::string Searcher::explain(const Query& asked) const {
  Query scratch;
  const Query& query = with_identities(asked, scratch);
  std::string out = "query tree:\n" + describe(*query.root);
  ScoringContext scoring(*snapshot_);
  out += "index: " + std::to_string(snapshot_->doc_count()) + " articles in " +
         std::to_string(snapshot_->segments().size()) + " segment(s), average length " +
         std::to_string(snapshot_->average_length()) + " words\n";
  std::vector<const QueryNode*> stack{query.root.get()};
  std::vector<std::string> seen;
  while (!stack.empty()) {
    const QueryNode* n = stack.back();
    stack.pop_back();
    for (const auto& c : n->children) stack.push_back(c.get());
    if (n->kind != QueryNode::Kind::term && n->kind != QueryNode::Kind::phrase) continue;
    for (const std::string& term : n->terms) {
      if (std::find(seen.begin(), seen.end(), term) != seen.end()) continue;
      seen.push_back(term);
      out += "term " + term + ": in " + std::to_string(scoring.doc_frequency(term)) + " articles, weight " +
             std::to_string(scoring.term_weight(term)) + "\n";
    }
  }
  out += "execution: document-at-a-time over each segment; phrases check positions only where all their words occur; "
         "date ranges become document id ranges\n";
  return out;
}

}  // namespace attache::query
