// Evaluating a query tree on one statement as the span scan sees it: the
// positions of the query's terms within the statement's span (or its
// speaker's block), its length and its article's date; BM25 over statement
// lengths. Only statement_search.cc uses it.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "attache/analysis/stemmer.h"
#include "attache/analysis/tokenizer.h"
#include "attache/query/searcher.h"
#include "matchers.h"

namespace attache::query::detail {

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
inline void add_tokens(std::string_view text, char prefix, bool stem, analysis::Stemmer& stemmer,
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

}  // namespace attache::query::detail
