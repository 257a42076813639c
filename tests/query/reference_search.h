// A brute-force reference for searches: random articles indexed into several
// segments through the real indexer, each also kept as its analysed terms, and
// a plain evaluation of a query tree on one such article (match and BM25).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "attache/query/query.h"
#include "attache/storage/date.h"

namespace attache::testing {

// Diplomatic words, stems that collide ("hope", "hoping") and stopwords, drawn
// with weights 1 / rank.
extern const std::vector<std::string> kReferenceWords;

struct ReferenceDoc {
  std::string id;
  Day date;
  uint32_t length;
  std::map<std::string, std::vector<uint32_t>> terms;  // every term of the analysed article
  std::set<std::string> words;                         // every word as written (folded), for word*
};

struct Corpus {
  std::vector<ReferenceDoc> docs;
  std::map<std::string, uint32_t> doc_frequency;
  double average_length = 0;
};

// What build_reference_corpus writes: articles of min_words to max_words words
// drawn from `words`, a segment each time the writer's buffer passes memory_budget.
struct CorpusShape {
  const std::vector<std::string>& words = kReferenceWords;
  size_t min_words = 5;
  size_t max_words = 64;
  size_t memory_budget = 48 * 1024;  // several segments
  bool word_pairs = false;
};

Corpus build_reference_corpus(const std::filesystem::path& dir, std::mt19937_64& rng, size_t count,
                              const CorpusShape& shape = {});

// Evaluates node on one document; returns whether it matches and its score.
std::pair<bool, double> evaluate(const query::QueryNode& n, const ReferenceDoc& d, const Corpus& c);

}  // namespace attache::testing
