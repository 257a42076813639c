// Folding as users expect it: names spelled with letters that do not
// decompose (ı ł ø ...) are found by their ASCII spelling in words, in
// speaker: and in highlights, and are shown as written.
#include <doctest/doctest.h>

#include "attache/indexer/document_analyzer.h"
#include "attache/query/query.h"
#include "attache/query/searcher.h"
#include "attache/query/snippet.h"
#include "attache/storage/index_writer.h"
#include "temp_dir.h"

using namespace attache;

TEST_CASE("speaker:aydin finds Kemal Aydın; radoslaw finds and highlights Radosław") {
  testing::TempDir dir;
  {
    indexer::DocumentAnalyzer analyzer;
    auto writer = storage::IndexWriter::open(dir.path(), storage::WriterOptions{});
    indexer::Article a;
    a.id = "ankara";
    a.date = *parse_date("2022-01-13");
    a.title = "Ankara offers to host talks";
    a.text =
        "ANKARA — Turkey is ready to host talks between Russia and Ukraine, its foreign ministry said on Thursday.\n\n"
        "\"We are ready to host both delegations in Istanbul at any time,\" Kemal Aydın, a spokesman for the ministry, "
        "told reporters.\n\nRadosław Sikorski, a former Polish foreign minister, said the offer was serious.";
    writer->add(analyzer.analyze(std::move(a)));
    writer->commit();
  }
  query::Searcher searcher(storage::IndexSnapshot::open(dir.path()));
  query::SearchOptions options;
  for (const char* text : {"speaker:aydin", "speaker:\"kemal aydin\"", "speaker:AYDIN", "speaker:aydın"}) {
    CAPTURE(text);
    auto statements = searcher.search_statements(query::parse_query(text), options);
    REQUIRE(statements.hits.size() == 1);
  }
  auto found = searcher.search(query::parse_query("radoslaw sikorski"), options);
  REQUIRE(found.hits.size() == 1);
  storage::StoredDocument document = searcher.document(found.hits[0]);
  CHECK(document.text.find("Radosław Sikorski") != std::string::npos);  // kept as written
  auto spans = query::match_spans(document.text, query::parse_query("radoslaw"));
  REQUIRE(spans.size() == 1);
  CHECK(document.text.substr(spans[0].first, spans[0].second - spans[0].first) == "Radosław");
}
