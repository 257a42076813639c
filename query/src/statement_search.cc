// Search over statements: articles that may hold a match are found through the
// index (exclusions left out), then the query is evaluated on each of their
// statements: words within the statement's span of positions, speaker: on its
// speaker, title:, source:, id: and date: on its article. Positions come from
// the index; only word* (which needs words as written) analyses the text.
#include <algorithm>
#include <queue>
#include <set>

#include "attache/analysis/stemmer.h"
#include "attache/analysis/terms.h"
#include "attache/analysis/tokenizer.h"
#include "attache/query/searcher.h"
#include "matchers.h"

namespace attache::query {
namespace {

using Positions = std::vector<uint32_t>;

// Positions of the query's terms (a handful), reused from statement to
// statement without reallocating.
class TermPositions {
 public:
  void clear() {
    for (auto& e : entries_) e.positions.clear();
  }
  Positions& at(std::string_view term) {
    for (auto& e : entries_)
      if (e.term == term) return e.positions;
    entries_.push_back({std::string(term), {}});
    return entries_.back().positions;
  }
  const Positions* find(std::string_view term) const {
    for (const auto& e : entries_)
      if (e.term == term) return e.positions.empty() ? nullptr : &e.positions;
    return nullptr;
  }

 private:
  struct Entry {
    std::string term;
    Positions positions;
  };
  std::vector<Entry> entries_;
};

// Adds the positions of those of text's words that the query asks about.
void add_tokens(std::string_view text, char prefix, bool stem, analysis::Stemmer& stemmer,
                const std::set<std::string, std::less<>>& wanted, TermPositions& out,
                std::set<std::string>* words = nullptr, uint32_t* length = nullptr) {
  std::vector<analysis::Token> tokens;
  analysis::tokenize(text, tokens);
  std::string term;
  for (const auto& t : tokens) {
    term.assign(prefix ? 1 : 0, prefix);
    term += stem ? std::string_view(stemmer.stem(t.text)) : std::string_view(t.text);
    if (wanted.count(term)) out.at(term).push_back(t.position);
    if (words) words->insert(t.text);
    if (length) ++*length;
  }
}

// What the query is evaluated against for one statement.
struct StatementView {
  TermPositions terms;          // the query's terms: in the statement, its speaker, its article's fields
  std::set<std::string> words;  // the statement's words as written, for word*
  uint32_t length = 0;
  Day date = 0;
};

class Evaluator {
 public:
  Evaluator(ScoringContext& scoring, double average_length) : scoring_(scoring), average_length_(average_length) {}

  // Whether node matches, and its BM25 contribution (statement words only).
  std::pair<bool, double> evaluate(const QueryNode& n, const StatementView& v) {
    using Kind = QueryNode::Kind;
    switch (n.kind) {
      case Kind::term: {
        const Positions* p = v.terms.find(n.terms[0]);
        if (!p) return {false, 0};
        return {true, score(n.terms[0], static_cast<uint32_t>(p->size()), v)};
      }
      case Kind::phrase:
      case Kind::speaker: {
        std::vector<const Positions*> lists;
        for (const auto& t : n.terms) {
          const Positions* p = v.terms.find(t);
          if (!p) return {false, 0};
          lists.push_back(p);
        }
        for (uint32_t p : *lists[0]) {
          bool ok = true;
          for (size_t i = 1; i < lists.size() && ok; ++i)
            ok = std::binary_search(lists[i]->begin(), lists[i]->end(), p + n.offsets[i]);
          if (ok) {
            double s = 0;
            for (size_t i = 0; i < n.terms.size(); ++i) s += score(n.terms[i], static_cast<uint32_t>(lists[i]->size()), v);
            return {true, s};
          }
        }
        return {false, 0};
      }
      case Kind::near: {
        std::vector<std::vector<uint32_t>> starts;
        double s = 0;
        for (const auto& child : n.children) {
          std::vector<uint32_t> child_starts;
          for (size_t i = 0; i < child->terms.size(); ++i)
            if (!v.terms.find(child->terms[i])) return {false, 0};
          const Positions& lead = *v.terms.find(child->terms[0]);
          for (uint32_t p : lead) {
            bool ok = true;
            for (size_t i = 1; i < child->terms.size() && ok; ++i) {
              const Positions& other = *v.terms.find(child->terms[i]);
              ok = std::binary_search(other.begin(), other.end(), p + child->offsets[i]);
            }
            if (ok) child_starts.push_back(p);
          }
          if (child_starts.empty()) return {false, 0};
          for (const auto& t : child->terms) s += score(t, static_cast<uint32_t>(v.terms.find(t)->size()), v);
          starts.push_back(std::move(child_starts));
        }
        if (!within(starts, n.distance)) return {false, 0};
        return {true, s};
      }
      case Kind::prefix: {
        std::string prefix = n.terms[0].substr(1);
        auto it = v.words.lower_bound(prefix);
        return {it != v.words.end() && it->compare(0, prefix.size(), prefix) == 0, 0};
      }
      case Kind::all_of: {
        double s = 0;
        for (const auto& c : n.children) {
          auto [m, cs] = evaluate(*c, v);
          if (!m) return {false, 0};
          s += cs;
        }
        return {true, s};
      }
      case Kind::any_of: {
        bool any = false;
        double s = 0;
        for (const auto& c : n.children) {
          auto [m, cs] = evaluate(*c, v);
          any |= m;
          if (m) s += cs;
        }
        return {any, s};
      }
      case Kind::exclude: {
        auto base = evaluate(*n.children[0], v);
        if (!base.first || evaluate(*n.children[1], v).first) return {false, 0};
        return base;
      }
      case Kind::everything: return {true, 0};
      case Kind::dates: return {v.date >= n.dates.from && v.date <= n.dates.to, 0};
    }
    return {false, 0};
  }

  // No statement of an article can score more than this: each term counted
  // with the article's frequency (a statement holds at most that many) at
  // the shortest normalised length.
  template <typename Frequency>
  double upper_score(const QueryNode& n, const Frequency& frequency) {
    using Kind = QueryNode::Kind;
    switch (n.kind) {
      case Kind::term:
      case Kind::phrase:
      case Kind::speaker: {
        double s = 0;
        for (const auto& t : n.terms) s += term_upper_score(t, frequency(t));
        return s;
      }
      case Kind::exclude: return upper_score(*n.children[0], frequency);
      default: {
        double s = 0;
        for (const auto& c : n.children) s += upper_score(*c, frequency);
        return s;
      }
    }
  }

 private:
  double term_upper_score(const std::string& term, uint32_t frequency) {
    if (frequency == 0) return 0;
    return Bm25::score(weight(term), frequency, 0, average_length_);
  }

  double score(const std::string& term, uint32_t frequency, const StatementView& v) {
    return Bm25::score(weight(term), frequency, v.length, average_length_);
  }

  // The query's few terms are asked for once per statement: their weights are
  // kept by the address of the query's own strings.
  double weight(const std::string& term) {
    for (const auto& [known, w] : weights_)
      if (known == &term) return w;
    weights_.emplace_back(&term, scoring_.term_weight(term));  // 0 for fields: they select, they do not rank
    return weights_.back().second;
  }
  ScoringContext& scoring_;
  double average_length_;
  std::vector<std::pair<const std::string*, double>> weights_;
};

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

using StatementVisitor = std::function<void(const StatementHit&, const storage::StoredStatement&)>;

// Asked before an article's statements are read: could a statement dated
// `date` scoring at most `upper_score` still enter the results? No gate: every
// statement is visited.
using StatementGate = std::function<bool(double upper_score, Day date)>;

class StatementScan {
 public:
  StatementScan(const storage::IndexSnapshot& snapshot, const Query& query, const StatementVisitor& visit,
                bool with_statement)
      : segments_(snapshot.segments()),
        query_(query),
        visit_(visit),
        with_statement_(with_statement),
        scoring_(snapshot),
        evaluator_(scoring_, average_statement_length(snapshot)),
        from_text_(has_prefix(*query.root)) {
    collect_terms(*query.root, terms_);
  }

  // Articles in index order; those the gate turns down are passed over.
  void in_index_order(const StatementGate& worth_reading) {
    for (size_t s = 0; s < segments_.size(); ++s) {
      const storage::Segment& segment = *segments_[s];
      if (segment.statement_count() == 0) continue;
      auto candidates = build_matcher(*query_.root, segment, scoring_, MatcherOptions{false, false});
      PositionalStatements positional(terms_, segment);
      for (uint32_t doc = candidates->doc(); doc != kNoMoreDocs; candidates->next(), doc = candidates->doc()) {
        if (segment.is_deleted(doc)) continue;
        const Day date = segment.date(doc);
        if (worth_reading && !from_text_) {
          positional.advance(doc);
          if (!worth_reading(upper_score(positional, doc), date)) continue;
        }
        read_article(s, positional, doc, date);
      }
    }
  }

 private:
  static double average_statement_length(const storage::IndexSnapshot& snapshot) {
    uint64_t statements = 0, positions = 0;
    for (const auto& segment : snapshot.segments()) {
      statements += segment->statement_count();
      positions += segment->statement_positions();
    }
    return statements ? double(positions) / double(statements) : 1.0;
  }

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
  ScoringContext scoring_;
  Evaluator evaluator_;
  bool from_text_;  // word* needs the words as written
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
  StatementScan(*snapshot_, query, visit, with_statement).in_index_order(nullptr);
}

StatementResult Searcher::search_statements(const Query& asked, const SearchOptions& options) const {
  Query scratch;
  const Query& query = with_identities(asked, scratch);
  StatementResult result;
  const size_t keep = options.hits_to_keep();
  Order before{options.sort};
  std::priority_queue<StatementHit, std::vector<StatementHit>, Order> best(before);
  // Rank-safe: an article none of whose statements can beat (or tie) the
  // worst hit kept is passed over before its positions are read.
  StatementGate worth_reading;
  if (!options.exact_total && keep > 0)
    worth_reading = [&](double upper_score, Day date) {
      if (best.size() < keep) return true;
      const StatementHit& worst = best.top();
      switch (options.sort) {
        case SortOrder::relevance: return upper_score >= worst.score;
        case SortOrder::newest: return date >= worst.date;
        case SortOrder::oldest: return date <= worst.date;
      }
      return true;
    };
  StatementScan scan(*snapshot_, query, [&](const StatementHit& hit, const storage::StoredStatement&) {
    ++result.total;
    if (keep == 0) return;
    if (best.size() < keep) {
      best.push(hit);
    } else if (before(hit, best.top())) {
      best.pop();
      best.push(hit);
    }
  }, false);
  scan.in_index_order(worth_reading);
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
