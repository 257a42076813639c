// attache and Xapian must give the same answers: the same articles, in the same
// order up to ties, with the same BM25 scores, for every query kind both run
// (on corpus/ and on a generated corpus); and Xapian shards served by
// xapian-tcpsrv and joined by a stub file answer like one database.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <random>

#include "attache/analysis/terms.h"
#include "attache/indexer/article_reader.h"
#include "attache/indexer/document_analyzer.h"
#include "attache/indexer/indexing.h"
#include "attache/query/searcher.h"
#include "attache/storage/error.h"
#include "attache/storage/index_reader.h"
#include "attache/storage/index_writer.h"
#include "attache/xapian/xapian_backend.h"
#include "server_processes.h"
#include "temp_dir.h"

using namespace attache;

namespace {

// Both indexes built from the same articles by the same pipeline.
void build_both(const std::vector<indexer::InputFile>& inputs, const std::filesystem::path& ours,
                const std::filesystem::path& theirs) {
  {
    auto writer = storage::IndexWriter::open(ours);
    indexer::IndexWriterSink sink(*writer);
    indexer::index_inputs(inputs, sink, {}, 1);
  }
  auto xapian = xapian_backend::XapianWriter::open(theirs);
  indexer::index_inputs(inputs, *xapian, {}, 1);
}

struct Answer {
  uint64_t total = 0;
  std::vector<std::pair<double, std::string>> hits;  // score, id; sorted by score then id
};

Answer ours(const query::Searcher& s, const query::Query& q, size_t limit) {
  query::SearchOptions o;
  o.limit = limit;
  auto r = s.search(q, o);
  Answer a{r.total, {}};
  for (const auto& h : r.hits) a.hits.emplace_back(h.score, s.document(h).id);
  return a;
}

Answer theirs(const xapian_backend::XapianSearcher& s, const query::Query& q, size_t limit) {
  query::SearchOptions o;
  o.limit = limit;
  auto r = s.search(q, o);
  Answer a{r.total, {}};
  for (const auto& h : r.hits) a.hits.emplace_back(h.score, s.document(h.docid).id);
  return a;
}

// Compares two answers: equal totals, and the same ranking where scores differ
// (ties may come in either order, and the last tie group may be cut anywhere).
void compare(const Answer& a, const Answer& b, const std::string& query, bool scores) {
  CAPTURE(query);
  REQUIRE(a.total == b.total);
  REQUIRE(a.hits.size() == b.hits.size());
  if (!scores) {
    std::vector<std::string> x, y;
    for (const auto& h : a.hits) x.push_back(h.second);
    for (const auto& h : b.hits) y.push_back(h.second);
    std::sort(x.begin(), x.end());
    std::sort(y.begin(), y.end());
    CHECK(x == y);
    return;
  }
  for (size_t i = 0; i < a.hits.size(); ++i) CHECK(a.hits[i].first == doctest::Approx(b.hits[i].first).epsilon(1e-9));
  // Group by (rounded) score; all groups but the last must hold the same ids.
  auto groups = [](const Answer& x) {
    std::vector<std::vector<std::string>> g;
    double last = NAN;
    for (const auto& [score, id] : x.hits) {
      if (g.empty() || std::fabs(score - last) > 1e-9 * std::max(1.0, std::fabs(score))) g.emplace_back();
      g.back().push_back(id);
      last = score;
    }
    for (auto& v : g) std::sort(v.begin(), v.end());
    return g;
  };
  auto ga = groups(a), gb = groups(b);
  REQUIRE(ga.size() == gb.size());
  for (size_t i = 0; i + 1 < ga.size(); ++i) CHECK(ga[i] == gb[i]);
}

const std::vector<std::string> kCorpusQueries = {
    "nato", "russia ukraine", "sanctions OR guarantees", "lavrov -antalya", "\"open door policy\"",
    "\"military-technical\"", "ukraine date:2022-01-13..2022-01-14", "date:2022-02", "kuleba AND (blinken OR lavrov)",
    "ryabkov NEAR/3 reporters", "title:lavrov", "source:\"sample wire\"", "id:jsonl-macron-moscow",
    "talks -russia", "\"the united states\" sanctions", "u.s. 100,000", "(nato OR alliance) -expansion",
    "place:brussels", "place:\"united nations\" vote", "talks -place:geneva", "lang:en nato"};

}  // namespace

TEST_CASE("corpus/: attache and Xapian agree") {
  testing::TempDir dir;
  std::vector<indexer::InputProblem> problems;
  auto inputs = indexer::collect_inputs({std::string(ATTACHE_SOURCE_DIR) + "/corpus"}, problems);
  build_both(inputs, dir / "attache", dir / "xapian");
  query::Searcher a(storage::IndexSnapshot::open(dir / "attache"));
  auto x = xapian_backend::XapianSearcher::open(dir / "xapian");
  for (const auto& text : kCorpusQueries) {
    query::Query q = query::parse_query(text);
    bool scored = text.find("-") == std::string::npos || text.find("military") != std::string::npos;
    compare(ours(a, q, 50), theirs(*x, q, 50), text, scored);
  }
}

TEST_CASE("articles in five languages, with authors and places: attache and Xapian agree") {
  testing::TempDir dir;
  {
    std::ofstream out(dir / "languages.jsonl");
    out << R"({"id":"en1","date":"2022-01-10","lang":"en","author":"John Smith","text":"GENEVA — The negotiations on sanctions went on. The negotiations were long."})" "\n"
        << R"({"id":"fr1","date":"2022-01-11","lang":"fr","author":"Marie Dupont","text":"GENÈVE — La négociation sur les sanctions a repris. Les négociations continuent."})" "\n"
        << R"({"id":"de1","date":"2022-01-12","lang":"de","place":"Genf","text":"Die Verhandlung über die Sanktionen wurde fortgesetzt."})" "\n"
        << R"({"id":"ru1","date":"2022-01-13","lang":"ru","text":"МОСКВА — В переговорах о санкциях наметился прогресс."})" "\n"
        << R"({"id":"es1","date":"2022-01-14","lang":"es","author":"Ana Ruiz","text":"La negociación sobre las sanciones continuó."})" "\n";
  }
  std::vector<indexer::InputProblem> problems;
  build_both(indexer::collect_inputs({(dir / "languages.jsonl").string()}, problems), dir / "attache", dir / "xapian");
  query::Searcher a(storage::IndexSnapshot::open(dir / "attache"));
  auto x = xapian_backend::XapianSearcher::open(dir / "xapian");
  for (const char* text : {"négociations", "sanctions", "переговоры", "Verhandlungen", "\"la négociation\"",
                           "négociation NEAR/4 sanctions", "lang:fr sanctions", "continuar lang:es",
                           "author:smith", "author:\"marie dupont\" négociation", "place:geneve", "place:москва",
                           "place:genf OR place:geneva", "négoc*"}) {
    query::Query q = query::parse_query(text);
    compare(ours(a, q, 50), theirs(*x, q, 50), text, true);
    CHECK(ours(a, q, 50).total > 0);
  }
}

TEST_CASE("a generated corpus: attache and Xapian agree on random queries") {
  testing::TempDir dir;
  std::mt19937_64 rng(99);
  const std::vector<std::string> words = {"nato", "russia", "ukraine", "talks", "sanctions", "door", "open", "policy",
                                          "the", "of", "minister", "said", "warned", "border", "troops", "geneva",
                                          "treaty", "missiles", "allies", "hope"};
  std::vector<double> weights;
  for (size_t k = 0; k < words.size(); ++k) weights.push_back(1.0 / (k + 1));
  std::discrete_distribution<size_t> pick(weights.begin(), weights.end());
  {
    std::ofstream out(dir / "gen.jsonl");
    for (int i = 0; i < 1500; ++i) {
      std::string text;
      for (size_t n = 5 + rng() % 80, w = 0; w < n; ++w) text += (w ? " " : "") + words[pick(rng)];
      out << "{\"id\":\"g" << i << "\",\"date\":\"" << format_day(static_cast<Day>(19000 + rng() % 400))
          << "\",\"text\":\"" << text << ".\"}\n";
    }
  }
  std::vector<indexer::InputProblem> problems;
  build_both(indexer::collect_inputs({(dir / "gen.jsonl").string()}, problems), dir / "attache", dir / "xapian");
  query::Searcher a(storage::IndexSnapshot::open(dir / "attache"));
  auto x = xapian_backend::XapianSearcher::open(dir / "xapian");
  auto word = [&] { return words[rng() % words.size()]; };
  for (int i = 0; i < 300; ++i) {
    std::string text;
    switch (rng() % 7) {
      case 0: text = word(); break;
      case 1: text = word() + " " + word(); break;
      case 2: text = word() + " OR " + word() + " OR " + word(); break;
      case 3: text = "\"" + word() + " " + word() + "\""; break;
      case 4: text = word() + " NEAR/" + std::to_string(rng() % 5) + " " + word(); break;
      case 5: text = word() + " date:" + format_day(static_cast<Day>(19000 + rng() % 200)) + ".."; break;
      default: text = "(" + word() + " OR " + word() + ") " + word(); break;
    }
    compare(ours(a, query::parse_query(text), 20), theirs(*x, query::parse_query(text), 20), text, true);
  }
}

TEST_CASE("Xapian shards by year behind xapian-tcpsrv answer like one database") {
  testing::TempDir dir;
  std::mt19937_64 rng(3);
  const std::vector<std::string> words = {"nato", "summit", "sanctions", "ceasefire", "talks", "grain", "energy"};
  std::map<int, std::ofstream> years;
  for (int year : {2021, 2022, 2023}) years[year].open(dir / (std::to_string(year) + ".jsonl"));
  {
    std::ofstream all(dir / "all.jsonl");
    for (int i = 0; i < 600; ++i) {
      int year = 2021 + static_cast<int>(rng() % 3);
      std::string text;
      for (size_t n = 4 + rng() % 30, w = 0; w < n; ++w) text += (w ? " " : "") + words[rng() % words.size()];
      std::string line = "{\"id\":\"s" + std::to_string(i) + "\",\"date\":\"" + std::to_string(year) + "-0" +
                         std::to_string(1 + rng() % 9) + "-1" + std::to_string(rng() % 10) + "\",\"text\":\"" + text + "\"}\n";
      years[year] << line;
      all << line;
    }
  }
  for (auto& [year, out] : years) out.close();
  testing::ServerProcesses servers;
  std::ofstream stub(dir / "shards.stub");
  for (int year : {2021, 2022, 2023}) {
    std::vector<indexer::InputProblem> problems;
    auto shard = dir / ("shard-" + std::to_string(year));
    auto writer = xapian_backend::XapianWriter::open(shard);
    indexer::index_inputs(indexer::collect_inputs({(dir / (std::to_string(year) + ".jsonl")).string()}, problems),
                          *writer, {}, 1);
    writer.reset();
    const uint16_t port = servers.start_listening([&](uint16_t p) {
      return std::vector<std::string>{"xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1",
                                      "--port",        std::to_string(p), (shard / "articles").string()};
    });
    stub << "remote 127.0.0.1:" << port << "\n";
  }
  stub.close();
  {
    std::vector<indexer::InputProblem> problems;
    auto writer = xapian_backend::XapianWriter::open(dir / "single");
    indexer::index_inputs(indexer::collect_inputs({(dir / "all.jsonl").string()}, problems), *writer, {}, 1);
  }
  auto sharded = xapian_backend::XapianSearcher::open(dir / "shards.stub");
  auto single = xapian_backend::XapianSearcher::open(dir / "single");
  CHECK(sharded->doc_count() == 600);
  for (const std::string text : {"nato", "grain OR energy", "\"summit talks\"", "sanctions -ceasefire",
                                 "talks date:2022", "nato NEAR/2 summit"}) {
    query::Query q = query::parse_query(text);
    compare(theirs(*single, q, 30), theirs(*sharded, q, 30), text, text.find('-') == std::string::npos);
  }
  sharded.reset();  // close the connections before the servers go
}

TEST_CASE("a Xapian index's statements outside their text or of an unknown kind are corruption") {
  // The CLI cut the text by the span and named the kind from a table of three.
  testing::TempDir dir;
  {
    auto writer = xapian_backend::XapianWriter::open(dir / "x");
    for (int k = 0; k < 2; ++k) {
      storage::IndexableDocument d;
      d.stored.id = "bad" + std::to_string(k);
      d.stored.date = 19000;
      d.stored.text = "short text";
      storage::StoredStatement st;
      st.end = k == 0 ? 400 : 5;
      st.kind = k == 0 ? 0 : 7;
      st.canonical = st.speaker = "X";
      d.stored.statements.push_back(st);
      d.length = 2;
      d.terms.push_back({"short", 1, {0}});
      d.terms.push_back({analysis::field_term(analysis::kIdPrefix, d.stored.id), 1, {}});
      writer->add(std::move(d));
    }
    writer->commit();
  }
  auto x = xapian_backend::XapianSearcher::open(dir / "x");
  for (const char* id : {"bad0", "bad1"}) {
    try {
      x->document_by_id(id);
      FAIL("a damaged statement was read without an error");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::corruption);
    }
  }
}
