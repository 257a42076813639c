// A whole indexing run over a directory with good and bad inputs: the good
// articles are indexed, each bad one is reported once, and the summary
// counts them by reason. Analysis gives the terms the query side expects.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>

#include "attache/analysis/terms.h"
#include "attache/indexer/article_reader.h"
#include "attache/indexer/document_analyzer.h"
#include "attache/indexer/indexing.h"
#include "attache/storage/index_reader.h"
#include "temp_dir.h"

using namespace attache;
using namespace attache::indexer;

namespace {

void write(const std::filesystem::path& p, const std::string& content) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
}

Article article(std::string id, std::string title, std::string text) {
  Article a;
  a.id = std::move(id);
  a.date = 19000;
  a.title = std::move(title);
  a.text = std::move(text);
  return a;
}

}  // namespace

TEST_CASE("documents carry stems with positions, surface forms, and field terms") {
  DocumentAnalyzer analyzer;
  Article a = article("x", "Open talks", "Negotiations opened. Negotiators met.");
  a.source = "Sample Wire";
  auto doc = analyzer.analyze(std::move(a));
  auto find = [&](const std::string& t) -> const storage::TermOccurrences* {
    for (const auto& o : doc.terms)
      if (o.term == t) return &o;
    return nullptr;
  };
  REQUIRE(find("negoti"));
  CHECK(find("negoti")->positions == std::vector<uint32_t>{0, 2});
  CHECK(find("Wnegotiations")->frequency == 1);
  CHECK(find("Wnegotiations")->positions.empty());
  CHECK_FALSE(find("Wmet"));  // a word that is its own stem has no surface term
  CHECK(find("open")->positions == std::vector<uint32_t>{1, 4 + analysis::kTitlePositionGap});
  CHECK(find("Topen")->positions == std::vector<uint32_t>{0});
  CHECK(find("Ssample"));
  CHECK(find("Qx")->frequency == 1);
  CHECK(doc.length == 6);  // four body words and two title words
  CHECK(doc.stored.id == "x");
}

// Regression: "Tsung-li" joins to "tsungli", which Snowball stems to "tsung",
// the stem of its first part at the same position; the duplicate position
// made a million-article index unreadable at its first merge.
TEST_CASE("every term's positions ascend, one occurrence per position, also where a joined word stems like its part") {
  DocumentAnalyzer analyzer;
  auto doc = analyzer.analyze(article(
      "tsung", "The Tsung-li Yamen",
      "Ministers of the Tsung-li Yamen met. Tsung-li Yamen officials, U.S.-Russia talks, NATO's well-being."));
  bool saw_tsung = false;
  for (const auto& t : doc.terms) {
    CAPTURE(t.term);
    if (t.positions.empty()) continue;
    CHECK(t.positions.size() == t.frequency);
    CHECK(std::adjacent_find(t.positions.begin(), t.positions.end(), std::greater_equal<>()) == t.positions.end());
    if (t.term == "tsung") {
      saw_tsung = true;
      CHECK(t.positions.size() == 3);  // twice in the text, once in the title
    }
  }
  CHECK(saw_tsung);
}

TEST_CASE("an indexing run indexes the good articles and reports each bad one") {
  testing::TempDir dir;
  auto in = dir / "in";
  write(in / "good1.txt", "date 2022-01-11\n\nNATO met in Brussels.");
  write(in / "sub/good2.txt", "title: T\ndate: 2022-01-12\n\nRussia replied.");
  write(in / "nodate.txt", "Nothing but text.");
  write(in / "latin1.txt", "date 2022-01-11\n\nZ\xfcrich");
  write(in / "empty.txt", "");
  write(in / "ignored.md", "date 2022-01-11\n\nnot an input extension");
  write(in / "feed.jsonl",
        "{\"date\":\"2022-01-13\",\"text\":\"one\"}\n\n{\"date\":\"2022-01-14\",\"text\":\"two\"}\n{broken\n"
        "{\"text\":\"no date\"}\n");
  std::vector<InputProblem> problems;
  auto inputs = collect_inputs({in.string(), (dir / "missing.txt").string()}, problems);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].reason == SkipReason::unreadable);
  CHECK(inputs.size() == 6);

  std::vector<std::string> reported;
  IndexingCallbacks callbacks;
  callbacks.problem = [&](const InputProblem& p) { reported.push_back(format_problem(p)); };
  auto writer = storage::IndexWriter::open(dir / "index");
  IndexWriterSink sink(*writer);
  IndexingReport report = index_inputs(inputs, sink, callbacks, 2);
  writer.reset();

  CHECK(report.indexed == 4);
  CHECK(report.skipped == 5);
  CHECK(report.skipped_by_reason[static_cast<size_t>(SkipReason::no_date)] == 2);
  CHECK(report.skipped_by_reason[static_cast<size_t>(SkipReason::not_utf8)] == 1);
  CHECK(report.skipped_by_reason[static_cast<size_t>(SkipReason::empty)] == 1);
  CHECK(report.skipped_by_reason[static_cast<size_t>(SkipReason::invalid_json)] == 1);
  REQUIRE(reported.size() == 5);
  CHECK(std::count_if(reported.begin(), reported.end(),
                      [](const std::string& s) { return s.find("feed.jsonl:4: skipped, invalid JSON") != std::string::npos; }) == 1);

  auto snapshot = storage::IndexSnapshot::open(dir / "index");
  CHECK(snapshot->doc_count() == 4);
  CHECK(snapshot->doc_frequency("nato") == 1);
  CHECK(snapshot->doc_frequency("Qfeed.jsonl:3") == 1);  // ids derived from file and line
}

TEST_CASE("the result does not depend on the number of analysis threads") {
  testing::TempDir dir;
  for (int i = 0; i < 300; ++i)
    write(dir / "in" / ("a" + std::to_string(1000 + i) + ".txt"),
          "date 2022-01-" + std::to_string(10 + i % 9) + "\n\nArticle number " + std::to_string(i) + " about talks.");
  std::vector<InputProblem> problems;
  auto inputs = collect_inputs({(dir / "in").string()}, problems);
  std::vector<std::string> orders[2];
  for (unsigned threads : {1u, 3u}) {
    auto index = dir / ("index" + std::to_string(threads));
    {
      auto writer = storage::IndexWriter::open(index);
      IndexWriterSink sink(*writer);
      index_inputs(inputs, sink, {}, threads);
    }
    auto snapshot = storage::IndexSnapshot::open(index);
    const auto& segment = *snapshot->segments()[0];
    for (uint32_t d = 0; d < segment.doc_count(); ++d) orders[threads == 1 ? 0 : 1].push_back(segment.document(d).id);
  }
  CHECK(orders[0].size() == 300);
  CHECK(orders[0] == orders[1]);
}
