// Word pairs narrow phrases but never change what they find: phrases answered
// with the segments' word pairs, without them (positions alone) and by a
// brute-force scan agree, through flushes, deletions, tiered merges and
// optimize, at segment and field (body to title) boundaries; an index written
// before word pairs answers as before, alone and merged with new segments.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <set>

#include "attache/analysis/stemmer.h"
#include "attache/indexer/document_analyzer.h"
#include "attache/query/searcher.h"
#include "attache/storage/index_writer.h"
#include "attache/storage/word_pairs.h"
#include "reference_search.h"
#include "temp_dir.h"

using namespace attache;
using namespace attache::query;

namespace {

// Stopwords at either end and inside, a hyphenated word (its parts, and its
// parts joined, which sit at its first part's position), a title phrase, and
// phrases under OR, NOT and beside another word.
const char* const kPhrases[] = {
    "\"the state\"",        "\"state of the\"",           "\"of the\"",
    "\"the of\"",           "\"nato is\"",                "\"said to the nato\"",
    "\"the military-technical\"", "\"military-technical talks\"", "\"the militarytechnical\"",
    "\"talks in a\"",       "\"it is the border\"",       "\"a a\"",
    "\"border the\"",       "\"the nato\" talks",          "\"russia of\" OR \"of russia\"",
    "\"in the\" -nato",     "title:\"the state\"",        "\"to it\"",
    "\"of state the\""};

// Hits of the same query from two searchers: the same documents and scores,
// and the same total when it is exact.
void same_results(const SearchResult& a, const SearchResult& b, bool exact_total = true) {
  if (exact_total) CHECK(a.total == b.total);
  REQUIRE(a.hits.size() == b.hits.size());
  for (size_t i = 0; i < a.hits.size(); ++i) {
    CHECK(a.hits[i].segment == b.hits[i].segment);
    CHECK(a.hits[i].doc == b.hits[i].doc);
    CHECK(a.hits[i].score == b.hits[i].score);
  }
}

// Every phrase: all matches (exact total) and the pruned top ten, with word
// pairs and without, and the matches against the brute-force scan of the live
// articles (their scores too while none is deleted: the scan's statistics are
// the whole corpus's, the index's lose deleted articles once merged). Returns
// the matches found, so that a test can tell it checked something.
size_t check_phrases(const std::filesystem::path& dir, const testing::Corpus& corpus, const std::set<std::string>& deleted) {
  auto snapshot = storage::IndexSnapshot::open(dir);
  Searcher with_pairs(snapshot), without_pairs(snapshot);
  without_pairs.use_word_pairs(false);
  size_t found = 0;
  for (const std::string text : kPhrases) {
    CAPTURE(text);
    const Query query = parse_query(text);
    std::vector<double> expected;
    for (const auto& d : corpus.docs) {
      if (deleted.count(d.id)) continue;
      auto [match, score] = testing::evaluate(*query.root, d, corpus);
      if (match) expected.push_back(score);
    }
    std::sort(expected.begin(), expected.end(), std::greater<>());
    SearchOptions all;
    all.limit = corpus.docs.size();
    const SearchResult everything = with_pairs.search(query, all);
    same_results(everything, without_pairs.search(query, all));
    REQUIRE(everything.hits.size() == expected.size());
    if (deleted.empty())
      for (size_t i = 0; i < expected.size(); ++i) CHECK(everything.hits[i].score == doctest::Approx(expected[i]).epsilon(1e-9));
    SearchOptions top;
    top.limit = 10;
    top.exact_total = false;
    same_results(with_pairs.search(query, top), without_pairs.search(query, top), false);
    found += expected.size();
  }
  return found;
}

}  // namespace

TEST_CASE("the stopword list holds stems: each word is its own English stem") {
  analysis::Stemmer stemmer;
  size_t listed = 0;
  for (const char* word : {"a", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it",
                           "not", "of", "on", "our", "that", "the", "this", "to", "was", "with"}) {
    CAPTURE(word);
    CHECK(stemmer.stem(word) == word);
    listed += storage::is_pair_stopword(word);
  }
  CHECK(listed == 24);
  CHECK(!storage::is_pair_stopword("nato"));
  CHECK(storage::indexes_word_pair("the", "nato"));
  CHECK(storage::indexes_word_pair("nato", "of"));
  CHECK(!storage::indexes_word_pair("nato", "talk"));
  CHECK(!storage::indexes_word_pair("Tthe", "Tnato"));  // field terms have no pairs
}

TEST_CASE("phrases with stopwords: the same with word pairs, without them and by brute force") {
  std::mt19937_64 rng(1414);
  testing::TempDir dir;
  const std::vector<std::string> words = {"the", "of", "state", "nato", "to", "talks", "a", "in",
                                          "is", "it", "russia", "said", "border", "military-technical"};
  const testing::CorpusShape shape{words, 2, 120, 96 * 1024, /*word_pairs=*/true};
  const testing::Corpus corpus = testing::build_reference_corpus(dir.path(), rng, 2500, shape);
  {
    auto snapshot = storage::IndexSnapshot::open(dir.path());
    REQUIRE(snapshot->segments().size() > 1);
    for (const auto& segment : snapshot->segments()) CHECK(segment->holds_word_pairs());
    CHECK(snapshot->segments()[0]->find_term(storage::word_pair_term("of", "the")));
  }
  std::set<std::string> none;
  CHECK(check_phrases(dir.path(), corpus, none) > 1000);

  SUBCASE("deleted articles, then optimize") {
    std::set<std::string> deleted;
    {
      auto writer = storage::IndexWriter::open(dir.path());
      for (size_t i = 0; i < corpus.docs.size(); i += 7) {
        writer->remove(corpus.docs[i].id);
        deleted.insert(corpus.docs[i].id);
      }
      writer->commit();
    }
    CHECK(check_phrases(dir.path(), corpus, deleted) > 1000);
    storage::IndexWriter::open(dir.path())->optimize();
    auto snapshot = storage::IndexSnapshot::open(dir.path());
    REQUIRE(snapshot->segments().size() == 1);
    CHECK(snapshot->segments()[0]->holds_word_pairs());
    CHECK(check_phrases(dir.path(), corpus, deleted) > 1000);
    snapshot->verify();
  }
}

TEST_CASE("an index written before word pairs answers as before, alone and merged with new segments") {
  // tests/data/statements-v5: written before word pairs (.terms version 2).
  testing::TempDir copy;
  std::filesystem::copy(std::filesystem::path(ATTACHE_SOURCE_DIR) / "tests/data/statements-v5", copy.path(),
                        std::filesystem::copy_options::recursive);
  const auto dir = copy.path();
  const char* const phrases[] = {"\"the talks\"", "\"of the talks\"", "\"talks the\"", "\"said that ukraine\"",
                                 "\"open the missiles\"", "\"the the\""};
  // The answers of each phrase, from positions alone.
  auto answers = [&](bool word_pairs) {
    Searcher searcher(storage::IndexSnapshot::open(dir));
    searcher.use_word_pairs(word_pairs);
    std::vector<SearchResult> results;
    for (const char* text : phrases) {
      SearchOptions options;
      options.limit = 1000;
      results.push_back(searcher.search(parse_query(text), options));
    }
    return results;
  };
  auto same = [](const std::vector<SearchResult>& a, const std::vector<SearchResult>& b) {
    REQUIRE(a.size() == b.size());
    for (size_t i = 0; i < a.size(); ++i) same_results(a[i], b[i]);
  };
  const auto old_answers = answers(false);
  CHECK(!storage::IndexSnapshot::open(dir)->segments()[0]->holds_word_pairs());
  same(answers(true), old_answers);
  size_t matched = 0;
  for (const auto& r : old_answers) matched += r.total;
  CHECK(matched > 20);

  {  // New articles: a segment with word pairs beside the old one.
    indexer::DocumentAnalyzer analyzer;
    storage::WriterOptions options;
    options.word_pairs = true;
    auto writer = storage::IndexWriter::open(dir, options);
    for (int i = 0; i < 30; ++i) {
      indexer::Article a;
      a.id = "new-" + std::to_string(i);
      a.date = 19000 + i;
      a.text = i % 2 ? "of the talks said that ukraine talks the open" : "the the talks open the missiles of the";
      writer->add(analyzer.analyze(std::move(a)));
    }
    writer->commit();
  }
  {
    auto snapshot = storage::IndexSnapshot::open(dir);
    REQUIRE(snapshot->segments().size() == 2);
    CHECK(!snapshot->segments()[0]->holds_word_pairs());
    CHECK(snapshot->segments()[1]->holds_word_pairs());
  }
  const auto mixed = answers(false);
  same(answers(true), mixed);

  // Merged with the old segment, the new one's pairs are dropped: a pair
  // missing from the merged segment must mean no article holds it.
  storage::IndexWriter::open(dir)->optimize();
  auto snapshot = storage::IndexSnapshot::open(dir);
  REQUIRE(snapshot->segments().size() == 1);
  CHECK(!snapshot->segments()[0]->holds_word_pairs());
  CHECK(!snapshot->segments()[0]->find_term(storage::word_pair_term("of", "the")));
  snapshot->verify();
  const auto merged = answers(true);
  same(merged, answers(false));
  for (size_t i = 0; i < merged.size(); ++i) CHECK(merged[i].total == mixed[i].total);
}

TEST_CASE("word pairs are the index's choice: off unless asked, then kept by every later writer") {
  testing::TempDir dir;
  indexer::DocumentAnalyzer analyzer;
  auto add_and_commit = [&](const storage::WriterOptions& options, int first) {
    auto writer = storage::IndexWriter::open(dir.path(), options);
    for (int i = first; i < first + 5; ++i) {
      indexer::Article a;
      a.id = "a" + std::to_string(i);
      a.date = 19000 + i;
      a.text = "the state of the talks";
      writer->add(analyzer.analyze(std::move(a)));
    }
    writer->commit();
  };
  auto pairs_by_segment = [&] {
    std::vector<bool> held;
    auto snapshot = storage::IndexSnapshot::open(dir.path());
    for (const auto& segment : snapshot->segments()) {
      held.push_back(segment->holds_word_pairs());
      CHECK(held.back() == bool(segment->find_term(storage::word_pair_term("of", "the"))));
    }
    return held;
  };
  storage::WriterOptions plain;
  add_and_commit(plain, 0);
  CHECK(pairs_by_segment() == std::vector<bool>{false});

  storage::WriterOptions asked = plain;
  asked.word_pairs = true;
  add_and_commit(asked, 10);
  CHECK(pairs_by_segment() == std::vector<bool>{false, true});

  // A writer not told goes on writing them, since a segment holds them.
  add_and_commit(plain, 20);
  CHECK(pairs_by_segment() == std::vector<bool>{false, true, true});
  // Merged with the segment without them, they go; with none left, a writer
  // not told writes none.
  storage::IndexWriter::open(dir.path(), plain)->optimize();
  CHECK(pairs_by_segment() == std::vector<bool>{false});
  add_and_commit(plain, 30);
  CHECK(pairs_by_segment() == std::vector<bool>{false, false});
}
