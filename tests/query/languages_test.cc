// Articles are stemmed in their own language (given, or detected by CLD2), and
// a query word is analysed again in each language of the index: négociations
// finds négociation in French articles, переговоры finds переговорах in
// Russian ones, and no English stem reaches a French article.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <span>

#include "attache/indexer/document_analyzer.h"
#include "attache/query/query.h"
#include "attache/query/searcher.h"
#include "attache/query/snippet.h"
#include "attache/storage/index_writer.h"
#include "temp_dir.h"

using namespace attache;

namespace {

struct Given {
  const char* id;
  const char* language;  // "" to have it detected
  const char* text;
};

const Given kArticles[] = {
    {"en1", "en", "The negotiations on sanctions went on in Geneva; \"We will talk again,\" Wendy Sherman said."},
    {"fr1", "fr", "La négociation sur les sanctions a repris à Genève. Les diplomates restent prudents."},
    {"de1", "de", "Die Verhandlung über die Sanktionen wurde in Genf fortgesetzt."},
    {"ru1", "ru", "В переговорах о санкциях в Женеве наметился прогресс."},
    {"es1", "es", "La negociación sobre las sanciones continuó en Ginebra."},
    {"fr2", "",
     "Les ministres des affaires étrangères de la France et de l'Allemagne se sont réunis mardi à Paris pour "
     "discuter de la crise. Ils ont appelé à la reprise du dialogue et à une solution diplomatique rapide."},
};

// Indexes the articles, a day apart, committing after the first `first_segment` too.
void build(const std::filesystem::path& dir, std::span<const Given> articles = kArticles, int first_segment = 3) {
  indexer::DocumentAnalyzer analyzer;
  auto writer = storage::IndexWriter::open(dir);
  int i = 0;
  for (const Given& g : articles) {
    indexer::Article a;
    a.id = g.id;
    a.date = *parse_date("2022-01-11") + i++;
    a.language = g.language;
    a.text = g.text;
    writer->add(analyzer.analyze(std::move(a)));
    if (i == first_segment) writer->commit();  // two segments
  }
  writer->commit();
}

std::set<std::string> ids(const query::Searcher& searcher, const char* text) {
  query::SearchOptions options;
  options.limit = 100;
  std::set<std::string> out;
  for (const auto& hit : searcher.search(query::parse_query(text), options).hits) out.insert(searcher.document(hit).id);
  return out;
}

using Ids = std::set<std::string>;

}  // namespace

TEST_CASE("each language's articles are stemmed in it; a query word matches in every language of the index") {
  testing::TempDir dir;
  build(dir.path());
  query::Searcher searcher(storage::IndexSnapshot::open(dir.path()));
  CHECK(ids(searcher, "négociations") == Ids{"fr1"});
  CHECK(ids(searcher, "négociations lang:fr") == Ids{"fr1"});
  CHECK(ids(searcher, "Verhandlungen") == Ids{"de1"});
  CHECK(ids(searcher, "переговоры") == Ids{"ru1"});
  CHECK(ids(searcher, "continuar lang:es") == Ids{"es1"});  // continuó
  CHECK(ids(searcher, "sanción") == Ids{"es1"});            // sanciones
  CHECK(ids(searcher, "negotiation") == Ids{"en1"});
  // One query across two languages: English and French sanctions.
  CHECK(ids(searcher, "sanctions") == Ids{"en1", "fr1"});
  // No English stem reaches a French article: "negotiations" stems to negoti in
  // English, to negoti in no French word here.
  CHECK(ids(searcher, "negotiations lang:fr").empty());
  // Phrases and NEAR within a language.
  CHECK(ids(searcher, "\"la négociation\"") == Ids{"fr1"});
  CHECK(ids(searcher, "\"les négociation\"").empty());
  CHECK(ids(searcher, "négociation NEAR/3 sanctions") == Ids{"fr1"});
  // word* is as written in every language.
  CHECK(ids(searcher, "négoc*") == Ids{"fr1", "es1"});
  CHECK(ids(searcher, "переговор*") == Ids{"ru1"});
}

TEST_CASE("a language the input does not give is detected; lang: filters and the lang facet counts") {
  testing::TempDir dir;
  build(dir.path());
  query::Searcher searcher(storage::IndexSnapshot::open(dir.path()));
  CHECK(ids(searcher, "lang:fr") == Ids{"fr1", "fr2"});  // fr2 detected
  CHECK(ids(searcher, "ministre lang:fr") == Ids{"fr2"});  // stemmed in French: ministres
  using Counts = std::map<std::string, uint64_t>;
  CHECK(searcher.count_by_value(query::parse_query("sanctions OR Sanktionen OR санкциях OR sanciones"), "G", false) ==
        Counts{{"de", 1}, {"en", 1}, {"es", 1}, {"fr", 1}, {"ru", 1}});
  // Statements are attributed in English only.
  query::SearchOptions options;
  auto statements = searcher.search_statements(query::parse_query("speaker:sherman"), options);
  CHECK(statements.hits.size() == 1);
  for (const char* id : {"fr1", "fr2", "de1", "ru1", "es1"}) {
    auto found = searcher.search(query::parse_query(std::string("id:") + id), options);
    REQUIRE(found.hits.size() == 1);
    CHECK(searcher.document(found.hits[0]).statements.empty());
  }
}

TEST_CASE("no English stem in a French article; highlights stem in the article's language") {
  indexer::DocumentAnalyzer analyzer;
  const std::string french = "fr", text = "Les négociations continuent.";
  indexer::Article a;
  a.id = "f";
  a.date = 19000;
  a.language = french;
  a.text = text;
  auto doc = analyzer.analyze(std::move(a));
  for (const auto& t : doc.terms) {
    CAPTURE(t.term);
    const bool field = t.term[0] >= 'A' && t.term[0] <= 'Z';
    CHECK((field || t.term.rfind("fr:", 0) == 0));
  }
  query::Query q = query::parse_query("négociation");
  query::SnippetOptions in_french;
  in_french.language = french;
  auto snippet = query::make_snippet(text, q, in_french);
  REQUIRE(snippet.highlights.size() == 1);
  CHECK(snippet.text.substr(snippet.highlights[0].first, snippet.highlights[0].second - snippet.highlights[0].first) ==
        "négociations");
}

TEST_CASE("outside English a word is stemmed before it is folded; a query typed without accents still finds it") {
  testing::TempDir dir;
  const Given articles[] = {{"es_singular", "es", "La negociación terminó ayer."},
                            {"es_plural", "es", "Las negociaciones siguen hoy."},
                            {"es_unaccented", "es", "Una negociacion informal."},
                            {"ru_masculine", "ru", "Новый договор подписан."},
                            {"ru_feminine", "ru", "Новая стратегия принята."}};
  build(dir.path(), articles);
  query::Searcher searcher(storage::IndexSnapshot::open(dir.path()));
  // "-ación" and "-aciones" are one suffix only with their accent.
  CHECK(ids(searcher, "negociaciones") == Ids{"es_singular", "es_plural"});
  CHECK(ids(searcher, "negociación") == Ids{"es_singular", "es_plural", "es_unaccented"});
  CHECK(ids(searcher, "negociacion") == Ids{"es_singular", "es_unaccented"});
  CHECK(ids(searcher, "\"la negociación\"") == Ids{"es_singular"});
  CHECK(ids(searcher, "\"la negociacion\"") == Ids{"es_singular"});
  // Russian й is no и to the stemmer: adjectives keep their endings.
  CHECK(ids(searcher, "новый") == Ids{"ru_masculine", "ru_feminine"});
  CHECK(ids(searcher, "новая") == Ids{"ru_masculine", "ru_feminine"});

  query::SnippetOptions in_spanish;
  in_spanish.language = "es";
  const std::string text = "Las negociaciones siguen hoy.";
  auto snippet = query::make_snippet(text, query::parse_query("negociación"), in_spanish);
  REQUIRE(snippet.highlights.size() == 1);
  CHECK(snippet.text.substr(snippet.highlights[0].first, snippet.highlights[0].second - snippet.highlights[0].first) ==
        "negociaciones");
}
