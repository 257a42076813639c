// attache search: parse the query, rank or date-order the matches, print hits
// for people (snippets, bold matches on a terminal) or as JSON Lines.
#include <cstdlib>
#include <iostream>

#include "attache/indexer/statements.h"
#include "attache/query/query.h"
#include "attache/query/searcher.h"
#include "attache/query/snippet.h"
#include "attache/query/speakers.h"
#include "cli.h"
#include "open_index.h"

namespace attache::cli {
namespace {

// --facet speaker and --facet month: computed over every match, shown after
// the hits (in text) or inside the summary (in JSON).
Json facets(const OpenIndex& index, const query::Query& query, const std::vector<std::string>& names,
            bool statements) {
  Json out = Json::object();
  for (const std::string& name : names) {
    if (name == "month") {
      Json months = Json::object();
      for (const auto& [month, n] : index.count_by_month(query, statements)) months[month] = n;
      out["month"] = months;
    } else if (name == "speaker") {
      Json speakers = Json::array();
      auto unit = statements ? query::SpeakerUnit::statements : query::SpeakerUnit::articles;
      for (const auto& s : index.count_speakers(&query, unit))
        speakers.push_back({{"speaker", s.name}, {"statements", s.statements}, {"articles", s.articles}});
      out["speaker"] = speakers;
    } else {
      throw po::error("--facet takes speaker or month, not '" + name + "'");
    }
  }
  return out;
}

void print_facets(const Json& facets) {
  if (facets.contains("month")) {
    std::cout << "\nby month:\n";
    for (auto it = facets["month"].begin(); it != facets["month"].end(); ++it)
      std::cout << "  " << it.key() << "  " << it.value().get<uint64_t>() << "\n";
  }
  if (facets.contains("speaker")) {
    std::cout << "\nby speaker (statements, articles):\n";
    size_t shown = 0;
    for (const auto& s : facets["speaker"]) {
      if (++shown > 20) {
        std::cout << "  ... " << facets["speaker"].size() - 20 << " more (--json lists all)\n";
        break;
      }
      std::cout << "  " << s["statements"].get<uint64_t>() << "  " << s["articles"].get<uint64_t>() << "  "
                << s["speaker"].get<std::string>() << "\n";
    }
  }
}


// Article hits: date, title, id, source, score and a snippet with the matched
// words marked; in JSON one object a hit, then the summary.
int print_article_hits(const FoundArticles& result, const query::Query& query, const query::SearchOptions& options,
                       const std::string& text, const std::string& sort, bool json, bool bold, bool count_only,
                       const Json& facet_counts) {
  Json summary = {{"summary",
                   {{"query", text},
                    {"total", result.total},
                    {"offset", options.offset},
                    {"returned", result.hits.size()},
                    {"sort", sort == "newest" ? "date" : sort},
                    {"unit", "article"}}}};
  if (!facet_counts.empty()) summary["summary"]["facets"] = facet_counts;
  if (count_only) {
    if (json)
      std::cout << summary.dump() << "\n";
    else
      std::cout << result.total << "\n";
    if (!json) print_facets(facet_counts);
    return kOk;
  }
  size_t rank = options.offset;
  for (const auto& [doc, score_value] : result.hits) {
    query::Snippet snippet = query::make_snippet(doc.text, query);
    ++rank;
    if (json) {
      Json line = {{"type", "article"},
                   {"id", doc.id},
                   {"date", format_day(doc.date)},
                   {"title", doc.title},
                   {"source", doc.source},
                   {"url", doc.url},
                   {"score", score_value},
                   {"snippet", snippet.text},
                   {"highlights", highlights_json(snippet)}};
      std::cout << line.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
    } else {
      std::cout << rank << ". " << format_day(doc.date) << "  " << display_title(doc) << "\n   id " << doc.id;
      if (!doc.source.empty()) std::cout << " · " << doc.source;
      char score[32];
      std::snprintf(score, sizeof score, "%.3f", score_value);
      std::cout << " · score " << score << "\n   "
                << (bold ? query::mark_up(snippet, "\x1b[1m", "\x1b[0m") : snippet.text) << "\n\n";
    }
  }
  if (json) {
    std::cout << summary.dump() << "\n";
    return kOk;
  }
  if (result.total == 0) {
    std::cout << "no matching articles\n";
  } else {
    std::cout << grouped(result.total) << " matching article" << (result.total == 1 ? "" : "s");
    if (!result.hits.empty()) std::cout << "; showing " << options.offset + 1 << "-" << options.offset + result.hits.size();
    std::cout << "\n";
  }
  print_facets(facet_counts);
  return kOk;
}

// Statement hits: date, speaker, article id and title, the statement with the
// matched words marked; in JSON the fields of `attache quotes` plus score.
int print_statement_hits(const FoundStatements& result, const query::Query& query,
                         const query::SearchOptions& options, const std::string& text, const std::string& sort,
                         bool json, bool bold, bool count_only, const Json& facet_counts) {
  Json summary = {{"summary",
                   {{"query", text},
                    {"total", result.total},
                    {"offset", options.offset},
                    {"returned", result.hits.size()},
                    {"sort", sort == "newest" ? "date" : sort},
                    {"unit", "statement"}}}};
  if (!facet_counts.empty()) summary["summary"]["facets"] = facet_counts;
  if (count_only) {
    if (json)
      std::cout << summary.dump() << "\n";
    else
      std::cout << result.total << "\n";
    if (!json) print_facets(facet_counts);
    return kOk;
  }
  query::SnippetOptions whole;
  whole.max_fragments = 1;
  whole.fragment_words = 1 << 20;
  size_t rank = options.offset;
  for (const auto& hit : result.hits) {
    const storage::StoredDocument& doc = hit.doc;
    const storage::StoredStatement& st = doc.statements.at(hit.statement);
    std::string statement_text = doc.text.substr(st.begin, st.end - st.begin);
    query::Snippet marked = query::make_snippet(statement_text, query, whole);
    ++rank;
    if (json) {
      static const char* kKinds[] = {"direct", "reported", "mixed"};
      Json line = {{"type", "statement"},
                   {"article", doc.id},
                   {"date", format_day(doc.date)},
                   {"speaker", st.speaker},
                   {"canonical", st.canonical},
                   {"cue", st.cue},
                   {"kind", kKinds[st.kind]},
                   {"start", indexer::char_offset(doc.text, st.begin)},
                   {"end", indexer::char_offset(doc.text, st.end)},
                   {"text", statement_text},
                   {"confidence", st.confidence / 100.0},
                   {"score", hit.score},
                   {"title", doc.title},
                   {"highlights", highlights_json(marked)}};
      std::cout << line.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
    } else {
      std::cout << rank << ". " << format_day(doc.date) << "  " << st.canonical << (st.group ? " (group)" : "") << " — "
                << st.cue << "\n   in " << doc.id << " · " << display_title(doc) << "\n   "
                << (bold ? query::mark_up(marked, "\x1b[1m", "\x1b[0m") : marked.text) << "\n\n";
    }
  }
  if (json) {
    std::cout << summary.dump() << "\n";
    return kOk;
  }
  if (result.total == 0) {
    std::cout << "no matching statements\n";
  } else {
    std::cout << grouped(result.total) << " matching statement" << (result.total == 1 ? "" : "s");
    if (!result.hits.empty()) std::cout << "; showing " << options.offset + 1 << "-" << options.offset + result.hits.size();
    std::cout << "\n";
  }
  print_facets(facet_counts);
  return kOk;
}

}  // namespace

int run_search(const std::vector<std::string>& args) {
  po::options_description options("options");
  po::positional_options_description positional;
  QueryOptions q;
  std::string index_dir;
  std::vector<std::string> facet_names;
  size_t limit = 10, offset = 0;
  options.add_options()
      ("index,i", po::value(&index_dir)->required()->value_name("DIR"), "index directory")
      ("limit,n", po::value(&limit)->value_name("N")->default_value(10), "hits to show")
      ("offset", po::value(&offset)->value_name("N")->default_value(0), "hits to skip (for paging)")
      ("json", "JSON Lines: one hit a line, then {\"summary\": {...}}")
      ("count", "print only the exact number of matches")
      ("facet", po::value(&facet_names)->value_name("NAME"), "counts over all matches: speaker, month (repeatable)")
      ("statements", "search statements (who said what) instead of articles; implied by speaker:")
      ("explain", "print the parsed query and how it will run, then search");
  add_query_options(options, positional, q, true);
  po::variables_map vm;
  if (!parse("search", args, options, positional, vm, "--index DIR [OPTIONS] QUERY",
             "  attache search --index news-index nato ryabkov                    # both words\n"
             "  attache search --index news-index '\"open door policy\"'            # a phrase\n"
             "  attache search --index news-index 'sherman OR blinken -moscow'     # OR, exclusion\n"
             "  attache search --index news-index '(nato OR alliance) AND NOT expansion'\n"
             "  attache search --index news-index 'nato NEAR/5 expansion'\n"
             "  attache search --index news-index 'ukraine date:2022-01-01..2022-03-31' --sort date\n"
             "  attache search --index news-index ukraine --from 2022-02 --to 2022-03 --json\n"
             "  attache search --index news-index 'negotiat*' --count\n"
             "  attache search --index news-index sanctions --facet month --facet speaker\n"
             "  attache search --index news-index 'speaker:ryabkov nato' --from 2022-01 --to 2022-03\n"
             "  attache search --index news-index '\"open door\"' --statements --json\n"
             "\nThe query language (docs/QUERY.md): words, \"phrases\", OR, AND, NOT, -word, +word, (groups),\n"
             "a NEAR/n b, word*, title:, source:, id:, speaker:, date:2022-01-11 / 2022-01 / 2022 / A..B\n"))
    return kOk;
  if (q.words.empty()) throw po::error("no query given");
  query::SearchOptions search_options;
  search_options.limit = limit;
  search_options.offset = offset;
  search_options.sort = sort_order(q.sort);
  const bool json = vm.count("json") > 0;
  const bool bold = use_bold(q, json);

  const std::string text = join_words(q.words);
  try {
    query::Query query = build_query(text, vm, q);
    const bool statements = query.mentions_speaker || vm.count("statements");
    const bool count_only = vm.count("count") > 0;
    if (count_only) search_options.limit = 0;
    OpenIndex index(index_dir);
    if (vm.count("explain")) std::cout << index.explain(query);
    Json facet_counts = facets(index, query, facet_names, statements);
    if (statements)
      return print_statement_hits(index.search_statements(query, search_options), query, search_options, text, q.sort,
                                  json, bold, count_only, facet_counts);
    return print_article_hits(index.search(query, search_options), query, search_options, text, q.sort, json, bold,
                              count_only, facet_counts);
  } catch (const query::QueryError& e) {
    std::cerr << "attache search: " << query::format_query_error(text, e) << "\n";
    return kUsage;
  }
}

}  // namespace attache::cli
