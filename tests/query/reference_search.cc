// The brute-force search reference (reference_search.h).
#include "reference_search.h"

#include <algorithm>

#include "attache/analysis/tokenizer.h"
#include "attache/indexer/document_analyzer.h"
#include "attache/query/searcher.h"
#include "attache/storage/index_writer.h"

namespace attache::testing {

using namespace attache::query;

const std::vector<std::string> kReferenceWords = {
    "nato",    "russia",  "ukraine", "talks",    "sanctions", "door",   "open",     "policy", "the",
    "of",      "minister", "said",   "warned",   "border",    "troops", "geneva",   "brussels", "treaty",
    "missiles", "allies", "hope",    "hoping",   "hopes",     "dying",  "die",      "policies", "talk",
    "opened",  "state",   "states",  "stated",   "statement"};

Corpus build_reference_corpus(const std::filesystem::path& dir, std::mt19937_64& rng, size_t count,
                              const CorpusShape& shape) {
  Corpus corpus;
  indexer::DocumentAnalyzer analyzer;
  std::vector<double> weights;
  for (size_t k = 0; k < shape.words.size(); ++k) weights.push_back(1.0 / (k + 1));
  std::discrete_distribution<size_t> pick(weights.begin(), weights.end());
  uint64_t total_length = 0;
  storage::WriterOptions options;
  options.memory_budget = shape.memory_budget;
  options.word_pairs = shape.word_pairs;
  auto writer = storage::IndexWriter::open(dir, options);
  for (size_t i = 0; i < count; ++i) {
    indexer::Article a;
    a.id = "art" + std::to_string(i);
    a.date = static_cast<Day>(19000 + rng() % 120);
    size_t n = shape.min_words + rng() % (shape.max_words - shape.min_words + 1);
    for (size_t w = 0; w < n; ++w) a.text += (w ? " " : "") + shape.words[pick(rng)];
    if (rng() % 4 == 0) a.title = shape.words[rng() % shape.words.size()] + " " + shape.words[rng() % shape.words.size()];
    std::set<std::string> words;
    for (const std::string* field : {&a.text, &a.title}) {
      std::vector<analysis::Token> tokens;
      analysis::tokenize(*field, tokens);
      for (const auto& t : tokens) words.insert(t.text);
    }
    auto doc = analyzer.analyze(std::move(a));
    ReferenceDoc r{doc.stored.id, doc.stored.date, doc.length, {}, std::move(words)};
    for (const auto& t : doc.terms) {
      r.terms[t.term] = t.positions.empty() ? std::vector<uint32_t>(t.frequency, 0) : t.positions;
      ++corpus.doc_frequency[t.term];
    }
    total_length += doc.length;
    corpus.docs.push_back(std::move(r));
    writer->add(std::move(doc));
  }
  writer->commit();
  corpus.average_length = static_cast<double>(total_length) / count;
  return corpus;
}

std::pair<bool, double> evaluate(const QueryNode& n, const ReferenceDoc& d, const Corpus& c) {
  using Kind = QueryNode::Kind;
  auto term_score = [&](const std::string& term) {
    auto it = d.terms.find(term);
    if (it == d.terms.end() || (term[0] >= 'A' && term[0] <= 'Z')) return 0.0;
    double w = Bm25::term_weight(c.doc_frequency.at(term), c.docs.size());
    return Bm25::score(w, static_cast<uint32_t>(it->second.size()), d.length, c.average_length);
  };
  switch (n.kind) {
    case Kind::term: return {d.terms.count(n.terms[0]) > 0, term_score(n.terms[0])};
    case Kind::phrase:
    case Kind::speaker: {
      for (const auto& t : n.terms)
        if (!d.terms.count(t)) return {false, 0};
      for (uint32_t p : d.terms.at(n.terms[0])) {
        bool ok = true;
        for (size_t i = 1; i < n.terms.size() && ok; ++i) {
          const auto& pos = d.terms.at(n.terms[i]);
          ok = std::find(pos.begin(), pos.end(), p + n.offsets[i]) != pos.end();
        }
        if (ok) {
          double s = 0;
          for (const auto& t : n.terms) s += term_score(t);
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
        for (const auto& t : child->terms)
          if (!d.terms.count(t)) return {false, 0};
        for (uint32_t p : d.terms.at(child->terms[0])) {
          bool ok = true;
          for (size_t i = 1; i < child->terms.size() && ok; ++i) {
            const auto& pos = d.terms.at(child->terms[i]);
            ok = std::find(pos.begin(), pos.end(), p + child->offsets[i]) != pos.end();
          }
          if (ok) child_starts.push_back(p);
        }
        if (child_starts.empty()) return {false, 0};
        for (const auto& t : child->terms) s += term_score(t);
        starts.push_back(child_starts);
      }
      // Brute force: some choice of one start per operand spans at most the distance.
      std::vector<size_t> pick(starts.size(), 0);
      while (true) {
        uint32_t lo = UINT32_MAX, hi = 0;
        for (size_t i = 0; i < starts.size(); ++i) {
          lo = std::min(lo, starts[i][pick[i]]);
          hi = std::max(hi, starts[i][pick[i]]);
        }
        std::set<uint32_t> chosen;
        for (size_t i = 0; i < starts.size(); ++i) chosen.insert(starts[i][pick[i]]);
        if (chosen.size() == starts.size() && hi - lo <= n.distance) return {true, s};
        size_t i = 0;
        while (i < pick.size() && ++pick[i] == starts[i].size()) pick[i++] = 0;
        if (i == pick.size()) return {false, 0};
      }
    }
    case Kind::prefix: {
      // Exact semantics only; the score of word* is checked by the CLI tests.
      std::string prefix = n.terms[0].substr(1);
      for (const auto& w : d.words)
        if (w.rfind(prefix, 0) == 0) return {true, 0};
      return {false, 0};
    }
    case Kind::all_of: {
      double s = 0;
      for (const auto& child : n.children) {
        auto [m, cs] = evaluate(*child, d, c);
        if (!m) return {false, 0};
        s += cs;
      }
      return {true, s};
    }
    case Kind::any_of: {
      bool any = false;
      double s = 0;
      for (const auto& child : n.children) {
        auto [m, cs] = evaluate(*child, d, c);
        any |= m;
        if (m) s += cs;
      }
      return {any, s};
    }
    case Kind::exclude: {
      auto base = evaluate(*n.children[0], d, c);
      if (!base.first || evaluate(*n.children[1], d, c).first) return {false, 0};
      return base;
    }
    case Kind::everything: return {true, 0};
    case Kind::dates: return {d.date >= n.dates.from && d.date <= n.dates.to, 0};
  }
  return {false, 0};
}
}  // namespace attache::testing
