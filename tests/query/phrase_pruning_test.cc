// Pruned top-k over phrases and NEAR of frequent words, against the
// brute-force reference: a phrase passes over the documents its rarest word's
// frequency cannot lift to the threshold (with the other words at their bounds
// over that word's block), so articles of very different lengths, many blocks
// per word and words in nearly every article are where a wrong bound would
// lose a hit.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "attache/query/searcher.h"
#include "reference_search.h"
#include "temp_dir.h"

using namespace attache;
using namespace attache::query;

TEST_CASE("phrases of frequent words: the pruned top ten equal a brute-force scan") {
  std::mt19937_64 rng(314);
  testing::TempDir dir;
  const std::vector<std::string> words = {"the", "of", "state", "nato", "talks", "russia", "said", "border"};
  const testing::CorpusShape shape{words, 3, 400, 1024 * 1024};
  const testing::Corpus corpus = testing::build_reference_corpus(dir.path(), rng, 3000, shape);
  Searcher searcher(storage::IndexSnapshot::open(dir.path()));
  REQUIRE(searcher.snapshot().segments().size() > 1);

  for (const char* text : {"\"the of\"", "\"of the\"", "\"the the\"", "\"of the state\"", "\"state of the\"",
                           "\"the nato\"", "\"nato talks\"", "\"said the border\"", "the NEAR/2 of",
                           "\"the of\" NEAR/5 nato", "\"russia the\" OR \"the border\""}) {
    CAPTURE(text);
    const Query query = parse_query(text);
    std::vector<double> expected;
    for (const auto& d : corpus.docs) {
      auto [match, score] = testing::evaluate(*query.root, d, corpus);
      if (match) expected.push_back(score);
    }
    std::sort(expected.begin(), expected.end(), std::greater<>());
    SearchOptions exact;
    exact.limit = 10;
    SearchOptions pruned = exact;
    pruned.exact_total = false;
    const auto best = searcher.search(query, exact).hits, passed = searcher.search(query, pruned).hits;
    REQUIRE(best.size() == std::min<size_t>(10, expected.size()));
    REQUIRE(passed.size() == best.size());
    for (size_t i = 0; i < best.size(); ++i) {
      CHECK(best[i].score == doctest::Approx(expected[i]).epsilon(1e-12));
      CHECK(passed[i].segment == best[i].segment);
      CHECK(passed[i].doc == best[i].doc);
      CHECK(passed[i].score == best[i].score);
    }
  }
}
