// Search against a brute-force reference: random articles are indexed into
// several segments through the real indexer, random queries of every kind
// run through the engine, and the matching sets, counts and BM25 top-k must
// equal a plain scan that evaluates the query on each analysed article.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <set>

#include "attache/analysis/tokenizer.h"
#include "attache/analysis/stemmer.h"
#include "attache/indexer/document_analyzer.h"
#include "attache/query/searcher.h"
#include "attache/storage/index_writer.h"
#include "reference_search.h"
#include "temp_dir.h"

using namespace attache;
using namespace attache::query;
using testing::build_reference_corpus;
using testing::Corpus;
using testing::ReferenceDoc;

namespace {

const std::vector<std::string>& kWords = testing::kReferenceWords;

std::string random_query(std::mt19937_64& rng) {
  auto word = [&] { return kWords[rng() % kWords.size()]; };
  auto date = [&] { return format_day(static_cast<Day>(19000 + rng() % 120)); };
  switch (rng() % 14) {
    case 0: return word();
    case 1: return word() + " " + word();
    case 2: return word() + " OR " + word();
    case 3: return word() + " -" + word();
    case 4: return "\"" + word() + " " + word() + "\"";
    case 5: return "\"" + word() + " " + word() + " " + word() + "\"";
    case 6: {
      std::string a = date(), b = date();
      return word() + " date:" + std::min(a, b) + ".." + std::max(a, b);
    }
    case 7: return "(" + word() + " OR " + word() + ") " + word() + " NOT " + word();
    case 8: {
      std::string w = word();
      return w.substr(0, 1 + rng() % w.size()) + "*";
    }
    case 9: return "title:" + word() + " OR " + word();
    case 10: return "-" + word() + " date:" + date() + "..";
    case 11: return word() + " NEAR/" + std::to_string(rng() % 6) + " " + word();
    case 12: return "\"" + word() + " " + word() + "\" NEAR/4 " + word() + " NEAR/8 " + word();
    default: return "\"the " + word() + "\" OR (" + word() + " " + word() + ")";
  }
}

}  // namespace

TEST_CASE("result sets, counts and top-k equal a brute-force scan") {
  std::mt19937_64 rng(2024);
  testing::TempDir dir;
  Corpus corpus = build_reference_corpus(dir.path(), rng, 1500);
  auto snapshot = storage::IndexSnapshot::open(dir.path());
  REQUIRE(snapshot->segments().size() > 2);
  Searcher searcher(snapshot);

  for (int q = 0; q < 400; ++q) {
    std::string text = random_query(rng);
    CAPTURE(text);
    Query query;
    try {
      query = parse_query(text);
    } catch (const QueryError& e) {
      FAIL("query refused: " << e.what());
    }
    std::vector<std::pair<double, std::string>> expected;
    for (const auto& d : corpus.docs) {
      auto [match, score] = evaluate(*query.root, d, corpus);
      if (match) expected.emplace_back(score, d.id);
    }
    CHECK(searcher.count(query) == expected.size());

    SearchOptions all;
    all.limit = corpus.docs.size();
    SearchResult result = searcher.search(query, all);
    std::set<std::string> got_ids, expected_ids;
    for (const auto& hit : result.hits) got_ids.insert(searcher.document(hit).id);
    for (const auto& e : expected) expected_ids.insert(e.second);
    REQUIRE(got_ids == expected_ids);

    // Top 10 by score: the same scores in the same order (ids may swap on ties).
    SearchOptions top;
    top.limit = 10;
    SearchResult best = searcher.search(query, top);
    CHECK(best.total == expected.size());  // every match counted, scored or not
    std::sort(expected.begin(), expected.end(), [](auto& a, auto& b) { return a.first > b.first; });
    if (text.find('*') != std::string::npos) expected = {};  // word* scores are not modelled by the reference
    if (text.find('*') != std::string::npos) best.hits.resize(0);
    REQUIRE(best.hits.size() == std::min<size_t>(10, expected.size()));
    for (size_t i = 0; i < best.hits.size(); ++i) CHECK(best.hits[i].score == doctest::Approx(expected[i].first).epsilon(1e-9));
    // Pruned top-k (no exact total) is rank-safe: the very same hits.
    for (SortOrder sort : {SortOrder::relevance, SortOrder::newest, SortOrder::oldest}) {
      SearchOptions exact = top, pruned = top;
      exact.sort = pruned.sort = sort;
      pruned.exact_total = false;
      auto a = searcher.search(query, exact).hits, b = searcher.search(query, pruned).hits;
      REQUIRE(a.size() == b.size());
      for (size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].segment == b[i].segment);
        CHECK(a[i].doc == b[i].doc);
        CHECK(a[i].score == b[i].score);
      }
    }
  }
}

TEST_CASE("date order, offsets and limits") {
  std::mt19937_64 rng(77);
  testing::TempDir dir;
  Corpus corpus = build_reference_corpus(dir.path(), rng, 400);
  Searcher searcher(storage::IndexSnapshot::open(dir.path()));
  Query query = parse_query("nato OR russia");
  SearchOptions newest;
  newest.sort = SortOrder::newest;
  newest.limit = 1000;
  auto all = searcher.search(query, newest);
  REQUIRE(all.hits.size() == all.total);
  for (size_t i = 1; i < all.hits.size(); ++i) CHECK(all.hits[i - 1].date >= all.hits[i].date);

  SearchOptions oldest = newest;
  oldest.sort = SortOrder::oldest;
  auto reversed = searcher.search(query, oldest);
  for (size_t i = 1; i < reversed.hits.size(); ++i) CHECK(reversed.hits[i - 1].date <= reversed.hits[i].date);

  SearchOptions page = newest;
  page.offset = 5;
  page.limit = 7;
  auto window = searcher.search(query, page);
  REQUIRE(window.hits.size() == 7);
  CHECK(window.total == all.total);
  for (size_t i = 0; i < 7; ++i) {
    CHECK(window.hits[i].doc == all.hits[i + 5].doc);
    CHECK(window.hits[i].segment == all.hits[i + 5].segment);
  }
  page.offset = all.total + 3;
  CHECK(searcher.search(query, page).hits.empty());

  // offset + limit saturates: it wrapped to 0, and no hit was kept.
  SearchOptions unbounded = newest;
  unbounded.offset = 1;
  unbounded.limit = SIZE_MAX;
  CHECK(searcher.search(query, unbounded).hits.size() == all.total - 1);
  unbounded.exact_total = false;
  CHECK(searcher.search(query, unbounded).hits.size() == all.total - 1);
}

TEST_CASE("a page's documents come in the hits' order, fetched segment by segment") {
  std::mt19937_64 rng(91);
  testing::TempDir dir;
  build_reference_corpus(dir.path(), rng, 600);
  Searcher searcher(storage::IndexSnapshot::open(dir.path()));
  REQUIRE(searcher.snapshot().segments().size() >= 2);
  SearchOptions options;
  options.limit = 25;
  std::vector<Hit> hits = searcher.search(parse_query("nato OR russia OR treaty"), options).hits;
  REQUIRE(hits.size() == 25);
  // Ranked hits jump between segments; a repeated hit shares its fetch.
  hits.push_back(hits[3]);
  std::set<size_t> segments;
  for (const Hit& hit : hits) segments.insert(hit.segment);
  CHECK(segments.size() > 1);
  std::vector<storage::StoredDocument> documents = searcher.documents(hits, false);
  REQUIRE(documents.size() == hits.size());
  for (size_t i = 0; i < hits.size(); ++i) {
    storage::StoredDocument alone = searcher.document(hits[i]);
    CHECK(documents[i].id == alone.id);
    CHECK(documents[i].text == alone.text);
    CHECK(documents[i].date == alone.date);
  }
}

TEST_CASE("every prefix of every word matches exactly the articles with a word so written") {
  std::mt19937_64 rng(5);
  testing::TempDir dir;
  Corpus corpus = build_reference_corpus(dir.path(), rng, 300);
  Searcher searcher(storage::IndexSnapshot::open(dir.path()));
  for (const std::string& word : kWords) {
    for (size_t n = 1; n <= word.size(); ++n) {
      std::string text = word.substr(0, n) + "*";
      CAPTURE(text);
      Query query = parse_query(text);
      std::set<std::string> expected, got;
      for (const auto& d : corpus.docs)
        if (evaluate(*query.root, d, corpus).first) expected.insert(d.id);
      SearchOptions all;
      all.limit = corpus.docs.size();
      for (const auto& hit : searcher.search(query, all).hits) got.insert(searcher.document(hit).id);
      CHECK(got == expected);
    }
  }
}

TEST_CASE("statement search equals evaluating each statement's own text") {
  std::mt19937_64 rng(11);
  testing::TempDir dir;
  const std::vector<std::string> names = {"Sergei Ryabkov", "Wendy Sherman", "Jens Stoltenberg", "Kadri Liik"};
  const std::vector<std::string> cues = {"said that", "warned that", "insisted that", "told reporters that"};
  indexer::DocumentAnalyzer analyzer;
  {
    storage::WriterOptions options;
    options.memory_budget = 64 * 1024;
    auto writer = storage::IndexWriter::open(dir.path(), options);
    for (int i = 0; i < 300; ++i) {
      indexer::Article a;
      a.id = "s" + std::to_string(i);
      a.date = static_cast<Day>(19000 + rng() % 60);
      for (int k = 0, n = 1 + static_cast<int>(rng() % 4); k < n; ++k) {
        a.text += (k ? " " : "") + names[rng() % names.size()] + " " + cues[rng() % cues.size()];
        for (int w = 0, m = 3 + static_cast<int>(rng() % 12); w < m; ++w) a.text += " " + kWords[rng() % kWords.size()];
        a.text += ".";
      }
      writer->add(analyzer.analyze(std::move(a)));
    }
    writer->commit();
  }
  auto snapshot = storage::IndexSnapshot::open(dir.path());
  Searcher searcher(snapshot);
  // The reference: each statement's text analysed on its own.
  struct Ref {
    std::string key;
    ReferenceDoc doc;
  };
  std::vector<Ref> statements;
  Corpus stats;  // only for the evaluator's signature; scores are not compared here
  analysis::Stemmer stemmer;
  for (size_t s = 0; s < snapshot->segments().size(); ++s) {
    const auto& segment = *snapshot->segments()[s];
    for (uint32_t d = 0; d < segment.doc_count(); ++d) {
      storage::StoredDocument doc = segment.document(d);
      for (uint32_t k = 0; k < doc.statements.size(); ++k) {
        const auto& st = doc.statements[k];
        ReferenceDoc r{doc.id, doc.date, st.position_count, {}, {}};
        std::vector<analysis::Token> tokens;
        analysis::tokenize(std::string_view(doc.text).substr(st.begin, st.end - st.begin), tokens);
        for (const auto& t : tokens) {
          r.terms[std::string(stemmer.stem(t.text))].push_back(t.position);
          r.words.insert(t.text);
        }
        tokens.clear();
        analysis::tokenize(st.canonical, tokens);
        for (const auto& t : tokens) r.terms["P" + t.text].push_back(t.position);
        for (auto& [term, pos] : r.terms) stats.doc_frequency[term] = 1;
        statements.push_back({doc.id + "#" + std::to_string(k), std::move(r)});
      }
    }
  }
  REQUIRE(statements.size() > 500);
  stats.docs.resize(1);
  stats.average_length = 10;
  auto name_word = [&] {
    std::string n = names[rng() % names.size()];
    return rng() % 2 ? n.substr(n.find(' ') + 1) : "\"" + n + "\"";
  };
  auto word = [&] { return kWords[rng() % kWords.size()]; };
  for (int q = 0; q < 200; ++q) {
    std::string text;
    switch (rng() % 6) {
      case 0: text = "speaker:" + name_word() + " " + word(); break;
      case 1: text = word() + " " + word(); break;
      case 2: text = "\"" + word() + " " + word() + "\" OR speaker:" + name_word(); break;
      case 3: text = word() + " NEAR/3 " + word(); break;
      case 4: text = "speaker:" + name_word() + " -" + word(); break;
      default: text = word().substr(0, 3) + "* speaker:" + name_word(); break;
    }
    CAPTURE(text);
    Query query = parse_query(text);
    std::set<std::string> got, expected;
    searcher.for_each_statement(query, [&](const StatementHit& hit, const storage::StoredStatement&) {
      got.insert(snapshot->segments()[hit.segment]->document(hit.doc).id + "#" + std::to_string(hit.statement));
    });
    for (const auto& r : statements)
      if (evaluate(*query.root, r.doc, stats).first) expected.insert(r.key);
    CHECK(got == expected);
    // Top-k without an exact total passes over articles that cannot compete:
    // the very same hits as the exhaustive search.
    for (SortOrder sort : {SortOrder::relevance, SortOrder::newest, SortOrder::oldest})
      for (size_t limit : {1, 5, 20}) {
        SearchOptions exact;
        exact.limit = limit;
        exact.sort = sort;
        SearchOptions pruned = exact;
        pruned.exact_total = false;
        auto a = searcher.search_statements(query, exact), b = searcher.search_statements(query, pruned);
        REQUIRE(a.hits.size() == b.hits.size());
        CHECK(b.total <= a.total);
        for (size_t i = 0; i < a.hits.size(); ++i) {
          CHECK(a.hits[i].segment == b.hits[i].segment);
          CHECK(a.hits[i].doc == b.hits[i].doc);
          CHECK(a.hits[i].statement == b.hits[i].statement);
          CHECK(a.hits[i].score == b.hits[i].score);
        }
      }
  }
}

TEST_CASE("newest-first without an exact total reads slices from the newest back, with the same hits") {
  std::mt19937_64 rng(8);
  testing::TempDir dir;
  indexer::DocumentAnalyzer analyzer;
  {
    auto writer = storage::IndexWriter::open(dir.path());  // one segment, many slices
    for (int i = 0; i < 12000; ++i) {
      indexer::Article a;
      a.id = "n" + std::to_string(i);
      a.date = static_cast<Day>(18000 + rng() % 3000);
      a.text = kWords[rng() % 5] + " " + kWords[rng() % kWords.size()] + " " + kWords[rng() % kWords.size()];
      writer->add(analyzer.analyze(std::move(a)));
    }
    writer->commit();
  }
  Searcher searcher(storage::IndexSnapshot::open(dir.path()));
  for (const char* text : {"nato", "russia OR talks", "\"ukraine talks\"", "sanctions -nato"}) {
    CAPTURE(text);
    Query query = parse_query(text);
    for (size_t limit : {1, 10, 250}) {
      SearchOptions exact;
      exact.limit = limit;
      exact.sort = SortOrder::newest;
      SearchOptions pruned = exact;
      pruned.exact_total = false;
      auto a = searcher.search(query, exact).hits, b = searcher.search(query, pruned).hits;
      REQUIRE(a.size() == b.size());
      for (size_t i = 0; i < a.size(); ++i) CHECK(a[i].doc == b[i].doc);
    }
  }
}
