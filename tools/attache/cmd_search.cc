// attache search: parse the query, rank or date-order the matches, print hits
// for people (snippets, bold matches on a terminal) or as JSON Lines.
#include <cstdlib>
#include <iostream>

#include "attache/indexer/statements.h"
#include "attache/query/query.h"
#include "attache/query/searcher.h"
#include "attache/query/snippet.h"
#include "attache/storage/index_reader.h"
#include "cli.h"

namespace attache::cli {
namespace {

std::string join(const std::vector<std::string>& words) {
  std::string s;
  for (const auto& w : words) s += (s.empty() ? "" : " ") + w;
  return s;
}

// The title, or the first words of the text when there is none.
std::string display_title(const storage::StoredDocument& d) {
  if (!d.title.empty()) return d.title;
  std::string out;
  size_t words = 0;
  bool in_space = true;
  for (char c : d.text) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space && !in_space && ++words == 12) return out + " …";
    if (space) {
      if (!in_space) out.push_back(' ');
    } else {
      out.push_back(c);
    }
    in_space = space;
  }
  return out;
}

Day parse_day_option(const std::string& value, const char* option, bool end) {
  try {
    query::Query q = query::parse_query("date:" + value);
    if (q.root->kind == query::QueryNode::Kind::dates) return end ? q.root->dates.to : q.root->dates.from;
  } catch (const query::QueryError&) {
  }
  throw po::error(std::string(option) + " '" + value + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
}

Json highlights_json(const query::Snippet& snippet) {
  Json spans = Json::array();
  for (auto [begin, end] : snippet.highlights)
    spans.push_back({query::code_point_offset(snippet.text, begin), query::code_point_offset(snippet.text, end)});
  return spans;
}

// Statement hits: date, speaker, article id and title, the statement with the
// matched words marked; in JSON the fields of `attache quotes` plus score.
int print_statement_hits(const query::Searcher& searcher, const query::Query& query,
                         const query::SearchOptions& options, const std::string& text, const std::string& sort,
                         bool json, bool bold, bool count_only) {
  query::StatementResult result = searcher.search_statements(query, options);
  Json summary = {{"summary",
                   {{"query", text},
                    {"total", result.total},
                    {"offset", options.offset},
                    {"returned", result.hits.size()},
                    {"sort", sort == "newest" ? "date" : sort},
                    {"unit", "statement"}}}};
  if (count_only) {
    if (json)
      std::cout << summary.dump() << "\n";
    else
      std::cout << result.total << "\n";
    return kOk;
  }
  query::SnippetOptions whole;
  whole.max_fragments = 1;
  whole.fragment_words = 1 << 20;
  size_t rank = options.offset;
  for (const query::StatementHit& hit : result.hits) {
    storage::StoredDocument doc = searcher.snapshot().segments()[hit.segment]->document(hit.doc);
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
  } else if (result.total == 0) {
    std::cout << "no matching statements\n";
  } else {
    std::cout << grouped(result.total) << " matching statement" << (result.total == 1 ? "" : "s");
    if (!result.hits.empty()) std::cout << "; showing " << options.offset + 1 << "-" << options.offset + result.hits.size();
    std::cout << "\n";
  }
  return kOk;
}

}  // namespace

int run_search(const std::vector<std::string>& args) {
  po::options_description options("options");
  std::string index_dir, sort = "relevance", from, to, color = "auto";
  std::vector<std::string> words;
  size_t limit = 10, offset = 0;
  options.add_options()
      ("index,i", po::value(&index_dir)->required()->value_name("DIR"), "index directory")
      ("limit,n", po::value(&limit)->value_name("N")->default_value(10), "hits to show")
      ("offset", po::value(&offset)->value_name("N")->default_value(0), "hits to skip (for paging)")
      ("sort", po::value(&sort)->value_name("ORDER")->default_value("relevance"),
       "relevance (BM25), date (newest first) or oldest")
      ("from", po::value(&from)->value_name("DATE"), "only articles dated on or after DATE (YYYY[-MM[-DD]])")
      ("to", po::value(&to)->value_name("DATE"), "only articles dated on or before DATE (YYYY[-MM[-DD]])")
      ("json", "JSON Lines: one hit a line, then {\"summary\": {...}}")
      ("count", "print only the exact number of matches")
      ("statements", "search statements (who said what) instead of articles; implied by speaker:")
      ("explain", "print the parsed query and how it will run, then search")
      ("color", po::value(&color)->value_name("WHEN")->default_value("auto"), "bold matches: auto, always or never")
      ("query", po::value(&words)->value_name("QUERY"), "the query (several arguments are joined by spaces)");
  po::positional_options_description positional;
  positional.add("query", -1);
  po::variables_map vm;
  if (!parse("search", args, options, positional, vm, "--index DIR [OPTIONS] QUERY",
             "  attache search --index news-index nato ryabkov                    # both words\n"
             "  attache search --index news-index '\"open door policy\"'            # a phrase\n"
             "  attache search --index news-index 'sherman OR blinken -moscow'     # OR, exclusion\n"
             "  attache search --index news-index '(nato OR alliance) AND NOT expansion'\n"
             "  attache search --index news-index 'ukraine date:2022-01-01..2022-03-31' --sort date\n"
             "  attache search --index news-index ukraine --from 2022-02 --to 2022-03 --json\n"
             "  attache search --index news-index 'negotiat*' --count\n"
             "  attache search --index news-index 'speaker:ryabkov nato' --from 2022-01 --to 2022-03\n"
             "  attache search --index news-index '\"open door\"' --statements --json\n"))
    return kOk;
  if (words.empty()) throw po::error("no query given");
  query::SearchOptions search_options;
  search_options.limit = limit;
  search_options.offset = offset;
  if (sort == "relevance")
    search_options.sort = query::SortOrder::relevance;
  else if (sort == "date" || sort == "newest")
    search_options.sort = query::SortOrder::newest;
  else if (sort == "oldest")
    search_options.sort = query::SortOrder::oldest;
  else
    throw po::error("--sort must be relevance, date or oldest, not '" + sort + "'");
  if (color != "auto" && color != "always" && color != "never") throw po::error("--color must be auto, always or never");

  const std::string text = join(words);
  query::Query query;
  try {
    query = query::parse_query(text);
    if (vm.count("from") || vm.count("to")) {
      query::DateRange range;
      if (vm.count("from")) range.from = parse_day_option(from, "--from", false);
      if (vm.count("to")) range.to = parse_day_option(to, "--to", true);
      if (range.from > range.to) throw po::error("--from is after --to");
      query::restrict_dates(query, range);
    }
  } catch (const query::QueryError& e) {
    std::cerr << "attache search: " << query::format_query_error(text, e) << "\n";
    return kUsage;
  }

  query::Searcher searcher(storage::IndexSnapshot::open(index_dir));
  const bool json = vm.count("json") > 0;
  if (vm.count("explain")) std::cout << searcher.explain(query);
  if (vm.count("count")) search_options.limit = 0;
  const bool bold = color == "always" || (color == "auto" && !json && stdout_is_terminal() && !std::getenv("NO_COLOR"));
  if (query.mentions_speaker || vm.count("statements")) {
    try {
      return print_statement_hits(searcher, query, search_options, text, sort, json, bold, vm.count("count") > 0);
    } catch (const query::QueryError& e) {
      std::cerr << "attache search: " << query::format_query_error(text, e) << "\n";
      return kUsage;
    }
  }
  query::SearchResult result;
  try {
    result = searcher.search(query, search_options);
  } catch (const query::QueryError& e) {
    std::cerr << "attache search: " << query::format_query_error(text, e) << "\n";
    return kUsage;
  }

  Json summary = {{"summary",
                   {{"query", text},
                    {"total", result.total},
                    {"offset", offset},
                    {"returned", result.hits.size()},
                    {"sort", sort == "newest" ? "date" : sort}}}};
  if (vm.count("count")) {
    if (json)
      std::cout << summary.dump() << "\n";
    else
      std::cout << result.total << "\n";
    return kOk;
  }

  size_t rank = offset;
  for (const query::Hit& hit : result.hits) {
    storage::StoredDocument doc = searcher.document(hit);
    query::Snippet snippet = query::make_snippet(doc.text, query);
    ++rank;
    if (json) {
      Json line = {{"type", "article"},
                   {"id", doc.id},
                   {"date", format_day(doc.date)},
                   {"title", doc.title},
                   {"source", doc.source},
                   {"url", doc.url},
                   {"score", hit.score},
                   {"snippet", snippet.text},
                   {"highlights", highlights_json(snippet)}};
      std::cout << line.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
    } else {
      std::cout << rank << ". " << format_day(doc.date) << "  " << display_title(doc) << "\n   id " << doc.id;
      if (!doc.source.empty()) std::cout << " · " << doc.source;
      char score[32];
      std::snprintf(score, sizeof score, "%.3f", hit.score);
      std::cout << " · score " << score << "\n   "
                << (bold ? query::mark_up(snippet, "\x1b[1m", "\x1b[0m") : snippet.text) << "\n\n";
    }
  }
  if (json) {
    std::cout << summary.dump() << "\n";
  } else if (result.total == 0) {
    std::cout << "no matching articles\n";
  } else {
    std::cout << grouped(result.total) << " matching article" << (result.total == 1 ? "" : "s");
    if (!result.hits.empty())
      std::cout << "; showing " << offset + 1 << "-" << offset + result.hits.size();
    std::cout << "\n";
  }
  return kOk;
}

}  // namespace attache::cli
