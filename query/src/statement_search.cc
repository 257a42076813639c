// Search over statements. Segments with statement postings answer from them
// (statement_postings_scan.cc) what they index; otherwise articles that may
// hold a match are found through the index (exclusions left out), then the
// query is evaluated on each of their statements: words within the
// statement's span of positions, speaker: on its speaker, title:, source:,
// id: and date: on its article. Positions come from the index; only word*
// (which needs words as written) analyses the text.
#include <algorithm>
#include <queue>
#include <set>

#include "attache/analysis/stemmer.h"
#include "attache/analysis/terms.h"
#include "attache/analysis/tokenizer.h"
#include "attache/query/searcher.h"
#include "statement_evaluator.h"
#include "statement_scan.h"

namespace attache::query {
namespace {

using detail::Evaluator;
using detail::Positions;
using detail::StatementView;
using detail::TermPositions;
using detail::add_tokens;

struct Order {
  SortOrder sort;
  bool operator()(const StatementHit& a, const StatementHit& b) const {
    if (sort == SortOrder::newest && a.date != b.date) return a.date > b.date;
    if (sort == SortOrder::oldest && a.date != b.date) return a.date < b.date;
    if (a.score != b.score) return a.score > b.score;
    if (sort == SortOrder::relevance && a.date != b.date) return a.date > b.date;
    if (a.segment != b.segment) return a.segment < b.segment;
    if (a.doc != b.doc) return a.doc < b.doc;
    return a.statement < b.statement;
  }
};

}  // namespace

namespace {

bool has_prefix(const QueryNode& n) {
  if (n.kind == QueryNode::Kind::prefix) return true;
  for (const auto& c : n.children)
    if (has_prefix(*c)) return true;
  return false;
}

void collect_terms(const QueryNode& n, std::set<std::string, std::less<>>& out) {
  using Kind = QueryNode::Kind;
  if (n.kind == Kind::term || n.kind == Kind::phrase || n.kind == Kind::speaker) out.insert(n.terms.begin(), n.terms.end());
  for (const auto& c : n.children) collect_terms(*c, out);
}

// Positions of the query's terms in one article, read from the index once per
// article and cut to each statement's span: no document to decompress, no text
// to analyse.
class PositionalStatements {
 public:
  PositionalStatements(const std::set<std::string, std::less<>>& terms, const storage::Segment& segment) {
    for (const auto& t : terms) cursors_.push_back({t, segment.postings(t), {}});
  }

  // Moves to doc; frequencies are known from here, positions after load().
  void advance(uint32_t doc) {
    for (auto& c : cursors_) c.cursor.advance(doc);
  }

  uint32_t frequency(std::string_view term, uint32_t doc) {
    for (auto& c : cursors_)
      if (c.term == term) return c.cursor.doc() == doc ? c.cursor.frequency() : 0;
    return 0;
  }

  void load(uint32_t doc) {
    for (auto& c : cursors_) {
      c.cursor.advance(doc);
      c.positions.clear();
      if (c.cursor.doc() != doc) continue;
      const auto p = c.cursor.positions();
      if (p.empty())
        c.positions.assign(c.cursor.frequency(), 0);  // a term without positions (id:)
      else
        c.positions.assign(p.begin(), p.end());
    }
  }

  // The statements a conjunctive speaker: condition allows, from its first
  // word's positions (statement k's speaker words sit at k * stride ...);
  // false when the query has no such condition (then every statement is tried).
  bool speaker_statements(const QueryNode& root, std::vector<uint32_t>& out) const {
    const QueryNode* speaker = nullptr;
    if (root.kind == QueryNode::Kind::speaker) speaker = &root;
    if (root.kind == QueryNode::Kind::all_of)
      for (const auto& c : root.children)
        if (c->kind == QueryNode::Kind::speaker) speaker = c.get();
    if (!speaker) return false;
    out.clear();
    for (const auto& c : cursors_)
      if (c.term == speaker->terms[0]) {
        for (uint32_t p : c.positions) {
          uint32_t k = p / analysis::kSpeakerStride;
          if (out.empty() || out.back() != k) out.push_back(k);
        }
      }
    return true;
  }

  // The view of statement k of the loaded article.
  void view(uint32_t k, const storage::StatementSpan& st, Day date, StatementView& v) const {
    v.terms.clear();
    v.length = st.position_count;
    v.date = date;
    const uint32_t first = st.first_position, last = st.first_position + st.position_count;
    const uint32_t speaker_first = k * analysis::kSpeakerStride, speaker_last = speaker_first + analysis::kSpeakerStride;
    for (const auto& c : cursors_) {
      if (c.positions.empty()) continue;
      char prefix = c.term[0];
      if (prefix == analysis::kSpeakerPrefix) {
        append_range(c, speaker_first, speaker_last, v);
      } else if (prefix >= 'A' && prefix <= 'Z') {
        v.terms.at(c.term) = c.positions;  // the article's fields
      } else {
        append_range(c, first, last, v);
      }
    }
  }

 private:
  struct Cursor {
    std::string term;
    storage::PostingCursor cursor;
    Positions positions;
  };
  static void append_range(const Cursor& c, uint32_t first, uint32_t last, StatementView& v) {
    auto lo = std::lower_bound(c.positions.begin(), c.positions.end(), first);
    auto hi = std::lower_bound(lo, c.positions.end(), last);
    if (lo != hi) v.terms.at(c.term).assign(lo, hi);
  }
  std::vector<Cursor> cursors_;
};

// Could a statement dated `date` scoring at most `upper_score` still enter
// the results, whose worst hit kept is `worst`?
bool worth_reading(double upper_score, Day date, SortOrder sort, const StatementHit& worst) {
  switch (sort) {
    case SortOrder::relevance: return upper_score >= worst.score;
    case SortOrder::newest: return date >= worst.date;
    case SortOrder::oldest: return date <= worst.date;
  }
  return true;
}

class StatementScan {
 public:
  StatementScan(const storage::IndexSnapshot& snapshot, const Query& query, const StatementVisitor& visit,
                bool with_statement, bool from_postings)
      : segments_(snapshot.segments()),
        query_(query),
        visit_(visit),
        with_statement_(with_statement),
        scoring_(ScoringContext::for_statements(snapshot)),
        evaluator_(scoring_, scoring_.average_length()),
        from_text_(has_prefix(*query.root)) {
    collect_terms(*query.root, terms_);
    if (from_postings) {
      postings_query_ = copy_query(query);
      name_speakers(*postings_query_.root);
      from_postings_ = statement_postings_answer(*postings_query_.root);
    }
  }

  // Statements in index order; without `worst`, every match. With it (a
  // top-k in `sort` order), what cannot beat the worst hit kept may be passed
  // over: a whole article before its positions are read.
  void in_index_order(SortOrder sort, const WorstKept& worst) {
    for (size_t s = 0; s < segments_.size(); ++s) {
      const storage::Segment& segment = *segments_[s];
      if (segment.statement_count() == 0) continue;
      if (const storage::StatementIndex* index = from_postings_ ? segment.statement_index() : nullptr) {
        scan_statement_postings(segment, s, *index, postings_query_, scoring_, sort, worst, visit_, with_statement_);
        continue;
      }
      auto candidates = build_matcher(*query_.root, segment, scoring_, MatcherOptions{false, false});
      PositionalStatements positional(terms_, segment);
      for (uint32_t doc = candidates->doc(); doc != kNoMoreDocs; candidates->next(), doc = candidates->doc()) {
        if (segment.is_deleted(doc)) continue;
        const Day date = segment.date(doc);
        const StatementHit* worst_kept = worst ? worst() : nullptr;
        if (worst_kept && !from_text_) {
          positional.advance(doc);
          if (!worth_reading(upper_score(positional, doc), date, sort, *worst_kept)) continue;
        }
        read_article(s, positional, doc, date);
      }
    }
  }

 private:
  double upper_score(PositionalStatements& positional, uint32_t doc) {
    return evaluator_.upper_score(*query_.root,
                                  [&](const std::string& term) { return positional.frequency(term, doc); });
  }

  // Visits the statements of article doc of segment s that match.
  void read_article(size_t s, PositionalStatements& positional, uint32_t doc, Day date) {
    const storage::Segment& segment = *segments_[s];
    segment.statement_spans(doc, spans_);
    if (spans_.empty()) return;
    std::vector<storage::StoredStatement> list;  // read only when a statement matches
    static const storage::StoredStatement kNoStatement;
    // A confidence threshold needs every statement's confidence before its
    // words are checked.
    const bool by_confidence = query_.min_confidence > 0;
    if (by_confidence && !from_text_) list = segment.statements(doc);
    auto confident = [&](uint32_t k) { return !by_confidence || list.at(k).confidence >= query_.min_confidence; };
    auto matched = [&](uint32_t k, double score) {
      if (with_statement_ && list.empty()) list = segment.statements(doc);
      visit_(StatementHit{s, doc, k, score, date}, with_statement_ ? list[k] : kNoStatement);
    };
    if (!from_text_) {
      positional.load(doc);
      auto try_statement = [&](uint32_t k) {
        if (!confident(k)) return;
        positional.view(k, spans_[k], date, view_);
        auto [match, score] = evaluator_.evaluate(*query_.root, view_);
        if (match) matched(k, score);
      };
      if (positional.speaker_statements(*query_.root, by_speaker_)) {
        for (uint32_t k : by_speaker_)
          if (k < spans_.size()) try_statement(k);
      } else {
        for (uint32_t k = 0; k < spans_.size(); ++k) try_statement(k);
      }
      return;
    }
    thread_local analysis::Stemmer stemmer;
    storage::StoredDocument article = segment.document(doc);
    for (uint32_t k = 0; k < article.statements.size(); ++k) {
      const storage::StoredStatement& st = article.statements[k];
      if (st.confidence < query_.min_confidence) continue;
      view_.terms.clear();
      view_.words.clear();
      view_.length = 0;
      view_.date = date;
      add_tokens(article.title, analysis::kTitlePrefix, true, stemmer, terms_, view_.terms);
      add_tokens(article.source, analysis::kSourcePrefix, false, stemmer, terms_, view_.terms);
      add_tokens(article.author, analysis::kAuthorPrefix, false, stemmer, terms_, view_.terms);
      add_tokens(article.place, analysis::kPlacePrefix, false, stemmer, terms_, view_.terms);
      for (const std::string& term : {analysis::field_term(analysis::kIdPrefix, article.id),
                                      analysis::field_term(analysis::kLanguagePrefix, article.language)})
        if (terms_.count(term)) view_.terms.at(term).push_back(0);
      add_tokens(std::string_view(article.text).substr(st.begin, st.end - st.begin), 0, true, stemmer, terms_,
                 view_.terms, &view_.words, &view_.length);
      if (!st.canonical.empty()) {
        analysis::speaker_terms(st.canonical, st.description, speaker_terms_);
        for (const auto& [term, offset] : speaker_terms_)
          if (terms_.count(term)) view_.terms.at(term).push_back(offset);
      }
      auto [match, score] = evaluator_.evaluate(*query_.root, view_);
      if (match) visit_(StatementHit{s, doc, k, score, date}, st);
    }
  }

  const std::vector<std::unique_ptr<storage::Segment>>& segments_;
  const Query& query_;
  StatementVisitor visit_;
  bool with_statement_;
  ScoringContext scoring_;  // the statements' average length
  Evaluator evaluator_;
  bool from_text_;      // word* needs the words as written
  bool from_postings_ = false;  // where segments have statement postings
  Query postings_query_;        // speakers' exact names as the statement postings post them
  std::set<std::string, std::less<>> terms_;
  StatementView view_;
  std::vector<storage::StatementSpan> spans_;
  std::vector<uint32_t> by_speaker_;
  std::vector<std::pair<std::string, uint32_t>> speaker_terms_;
};

}  // namespace

void Searcher::for_each_statement(const Query& asked, const StatementVisitor& visit, bool with_statement) const {
  Query scratch;
  const Query& query = with_identities(asked, scratch);
  StatementScan(*snapshot_, query, visit, with_statement, statement_postings_).in_index_order(SortOrder::relevance, nullptr);
}

StatementResult Searcher::search_statements(const Query& asked, const SearchOptions& options) const {
  Query scratch;
  const Query& query = with_identities(asked, scratch);
  StatementResult result;
  const size_t keep = options.hits_to_keep();
  Order before{options.sort};
  std::priority_queue<StatementHit, std::vector<StatementHit>, Order> best(before);
  // Rank-safe: what cannot beat (or tie) the worst hit kept is passed over.
  WorstKept worst;
  if (!options.exact_total && keep > 0)
    worst = [&]() -> const StatementHit* { return best.size() < keep ? nullptr : &best.top(); };
  StatementScan scan(*snapshot_, query, [&](const StatementHit& hit, const storage::StoredStatement&) {
    ++result.total;
    if (keep == 0) return;
    if (best.size() < keep) {
      best.push(hit);
    } else if (before(hit, best.top())) {
      best.pop();
      best.push(hit);
    }
  }, false, statement_postings_);
  scan.in_index_order(options.sort, worst);
  std::vector<StatementHit> hits;
  while (!best.empty()) {
    hits.push_back(best.top());
    best.pop();
  }
  std::reverse(hits.begin(), hits.end());
  if (options.offset < hits.size()) result.hits.assign(hits.begin() + static_cast<std::ptrdiff_t>(options.offset), hits.end());
  return result;
}

}  // namespace attache::query
