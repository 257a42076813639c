// attache search: parse the query, rank or date-order the matches, print hits
// for people (snippets, bold matches on a terminal) or as JSON Lines.
#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "attache/query/query.h"
#include "attache/query/searcher.h"
#include "attache/query/snippet.h"
#include "attache/query/speakers.h"
#include "cli.h"
#include "open_index.h"
#include "quote_history.h"
#include "statement_text.h"

namespace attache::cli {
namespace {

// A facet of values ({"Geneva": 12, ...}), most frequent first.
void print_value_facet(const Json& counts, const char* heading) {
  std::vector<std::pair<uint64_t, std::string>> rows;
  for (auto it = counts.begin(); it != counts.end(); ++it) rows.emplace_back(it.value().get<uint64_t>(), it.key());
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::cout << "\n" << heading << ":\n";
  for (size_t i = 0; i < rows.size(); ++i) {
    if (i == 20) {
      std::cout << "  ... " << rows.size() - 20 << " more (--json lists all)\n";
      break;
    }
    std::cout << "  " << rows[i].first << "  " << rows[i].second << "\n";
  }
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
  if (facets.contains("place")) print_value_facet(facets["place"], "by place");
  if (facets.contains("lang")) print_value_facet(facets["lang"], "by language");
}


// Article hits: date, title, id, source, score and a snippet with the matched
// words marked; in JSON one object a hit, then the summary.
// The summary line: in JSON with the facets inside; for people, the count and
// the facets below the hits.
void print_summary(const SearchSummary& summary, bool json, bool count_only, const Json& facet_counts) {
  if (json) {
    std::cout << summary_json(summary, facet_counts).dump() << "\n";
    return;
  }
  if (count_only) {
    std::cout << summary.total << "\n";
  } else if (summary.total == 0) {
    std::cout << "no matching " << (summary.statements ? "statements" : "articles") << "\n";
  } else {
    std::cout << grouped(summary.total) << " matching " << (summary.statements ? "statement" : "article")
              << (summary.total == 1 ? "" : "s");
    if (summary.returned) std::cout << "; showing " << summary.offset + 1 << "-" << summary.offset + summary.returned;
    std::cout << "\n";
  }
  print_facets(facet_counts);
}

// Article hits: date, title, id, source, score and a snippet with the matched
// words marked; in JSON one object a hit, then the summary.
void print_article_hits(const FoundArticles& result, const query::Query& query, size_t offset, bool json, bool bold) {
  size_t rank = offset;
  for (size_t i = 0; i < result.hits.size(); ++i) {
    const auto& [doc, score_value] = result.hits[i];
    const Copies* copies = i < result.copies.size() ? &result.copies[i] : nullptr;
    ++rank;
    if (json) {
      Json hit = article_hit_json(doc, score_value, query);
      if (copies) hit.update(copies_json(*copies));
      std::cout << json_line(hit) << "\n";
      continue;
    }
    query::SnippetOptions in_language;
    in_language.language = doc.language;
    query::Snippet snippet = query::make_snippet(doc.text, query, in_language);
    std::cout << rank << ". " << format_day(doc.date) << "  " << display_title(doc) << "\n   id " << doc.id;
    if (!doc.source.empty()) std::cout << " · " << doc.source;
    if (!doc.author.empty()) std::cout << " · by " << doc.author;
    if (!doc.place.empty()) std::cout << " · " << doc.place;
    if (!doc.language.empty()) std::cout << " · " << doc.language;
    char score[32];
    std::snprintf(score, sizeof score, "%.3f", score_value);
    std::cout << " · score " << score;
    if (copies && copies->count) {
      std::cout << " · " << copies->count << (copies->count == 1 ? " copy" : " copies");
      for (size_t s = 0; s < copies->sources.size() && s < 3; ++s)
        std::cout << (s ? ", " : ": ") << (copies->sources[s].empty() ? "no source" : copies->sources[s]);
      if (copies->original != doc.id) std::cout << "; original " << copies->original;
    }
    std::cout << "\n   "
              << (bold ? query::mark_up(snippet, "\x1b[1m", "\x1b[0m") : snippet.text) << "\n\n";
  }
}

// Statement hits: date, speaker, article id and title, the statement with the
// matched words marked; in JSON the fields of `attache quotes` plus score.
void print_statement_hits(const FoundStatements& result, const query::Query& query, size_t offset, bool json,
                          bool bold) {
  query::SnippetOptions whole;
  whole.max_fragments = 1;
  whole.fragment_words = 1 << 20;
  size_t rank = offset;
  for (size_t i = 0; i < result.hits.size(); ++i) {
    const auto& hit = result.hits[i];
    const storage::StoredDocument& doc = hit.doc;
    const storage::StoredStatement& st = doc.statements.at(hit.statement);
    const Copies* copies = i < result.copies.size() ? &result.copies[i] : nullptr;
    ++rank;
    if (json) {
      Json j = statement_hit_json(doc, st, hit.score, query);
      if (copies) j.update(copies_json(*copies));
      std::cout << json_line(j) << "\n";
      continue;
    }
    query::Snippet marked = query::make_snippet(statement_text(doc.text, st), query, whole);
    std::cout << rank << ". " << format_day(doc.date) << "  " << st.canonical << (st.group ? " (group)" : "") << " — "
              << st.cue << "\n   in " << doc.id << " · " << display_title(doc);
    if (copies && copies->count)
      std::cout << " · also in " << copies->count << (copies->count == 1 ? " other" : " others")
                << (copies->original != doc.id ? "; first in " + copies->original : "");
    std::cout << "\n   "
              << (bold ? query::mark_up(marked, "\x1b[1m", "\x1b[0m") : marked.text) << "\n\n";
  }
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
      ("facet", po::value(&facet_names)->value_name("NAME"), "counts over all matches: speaker, month, place, lang (repeatable)")
      ("statements", "search statements (who said what) instead of articles; implied by speaker:")
      ("collapse", "one hit per group of near-duplicate articles (wire copies, rewrites), or with statements per "
                   "group of the same statement, with how many copies and their sources; --count counts groups")
      ("explain", "print the parsed query and how it will run, then search");
  add_query_options(options, positional, q, true);
  add_min_confidence_option(options, q);
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
             "  attache search --index news-index 'speaker:lavrov' --min-confidence 0.8\n"
             "\nThe query language (docs/QUERY.md): words, \"phrases\", OR, AND, NOT, -word, +word, (groups),\n"
             "a NEAR/n b, word*, title:, source:, id:, speaker:, date:2022-01-11 / 2022-01 / 2022 / A..B\n"))
    return kOk;
  if (q.words.empty()) throw po::error("no query given");
  query::SearchOptions search_options;
  search_options.limit = limit;
  search_options.offset = offset;
  search_options.sort = sort_order(q.sort);
  search_options.collapse = vm.count("collapse") > 0;
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
    for (const auto& name : facet_names)
      if (!is_facet_name(name)) throw po::error("--facet takes " + std::string(kFacetNames) + ", not '" + name + "'");
    const Json facet_counts = facets_json(index, query, facet_names, statements, search_options.collapse);
    SearchSummary summary{text, 0, offset, 0, q.sort, statements};
    if (statements) {
      FoundStatements result = search_options.collapse ? search_statements_collapsed(index, query, search_options)
                                                       : index.search_statements(query, search_options);
      summary.total = result.total;
      summary.returned = result.hits.size();
      if (!count_only) print_statement_hits(result, query, offset, json, bold);
    } else {
      FoundArticles result = index.search(query, search_options);
      summary.total = result.total;
      summary.returned = result.hits.size();
      if (!count_only) print_article_hits(result, query, offset, json, bold);
    }
    print_summary(summary, json, count_only, facet_counts);
    return kOk;
  } catch (const query::QueryError& e) {
    std::cerr << "attache search: " << query::format_query_error(text, e) << "\n";
    return kUsage;
  }
}

}  // namespace attache::cli
