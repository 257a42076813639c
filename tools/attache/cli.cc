// Option parsing and formatting helpers shared by the subcommands.
#include "cli.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace attache::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> list = {
      {"index", "add articles (text files, JSON Lines, directories, - for stdin) to an index", run_index},
      {"search", "search an index: words, \"phrases\", OR, NOT, -word, (groups), date: ranges", run_search},
      {"quotes", "who said what in the given articles (no index needed)", run_quotes},
      {"speakers", "speakers ranked by statements, overall or matching a query", run_speakers},
      {"kwic", "a concordance: every occurrence with its left and right context", run_kwic},
      {"export", "every match as JSON Lines, CSV or text files, for building corpora", run_export},
      {"stats", "sizes and counts of an index", run_stats},
      {"check", "verify every checksum and structure of an index", run_check},
      {"delete", "delete articles by id", run_delete},
      {"optimize", "merge all segments into one, dropping deleted articles", run_optimize},
  };
  return list;
}

bool parse(const std::string& command, const std::vector<std::string>& args, const po::options_description& options,
           const po::positional_options_description& positional, po::variables_map& vm, const std::string& usage,
           const std::string& examples) {
  po::options_description all;
  all.add(options);
  all.add_options()("help,h", "show this help");
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
  if (vm.count("help")) {
    std::cout << "usage: attache " << command << " " << usage << "\n\n" << all << "\nexamples:\n" << examples;
    return false;
  }
  po::notify(vm);
  return true;
}

bool stdout_is_terminal() { return ::isatty(STDOUT_FILENO) == 1; }
bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

std::string human_bytes(uint64_t bytes) {
  const char* units[] = {"bytes", "KB", "MB", "GB", "TB"};
  double v = static_cast<double>(bytes);
  int u = 0;
  while (v >= 1000 && u < 4) {
    v /= 1000;
    ++u;
  }
  char buf[32];
  if (u == 0)
    std::snprintf(buf, sizeof buf, "%llu bytes", static_cast<unsigned long long>(bytes));
  else
    std::snprintf(buf, sizeof buf, "%.1f %s", v, units[u]);
  return buf;
}

std::string grouped(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

void add_query_options(po::options_description& options, po::positional_options_description& positional,
                       QueryOptions& values, bool with_sort) {
  options.add_options()
      ("from", po::value(&values.from)->value_name("DATE"), "only articles dated on or after DATE (YYYY[-MM[-DD]])")
      ("to", po::value(&values.to)->value_name("DATE"), "only articles dated on or before DATE (YYYY[-MM[-DD]])")
      ("color", po::value(&values.color)->value_name("WHEN")->default_value("auto"), "bold matches: auto, always or never")
      ("query", po::value(&values.words)->value_name("QUERY"), "the query (several arguments are joined by spaces)");
  if (with_sort)
    options.add_options()("sort", po::value(&values.sort)->value_name("ORDER")->default_value("relevance"),
                          "relevance (BM25), date (newest first) or oldest");
  positional.add("query", -1);
}

std::string join_words(const std::vector<std::string>& words) {
  std::string s;
  for (const auto& w : words) s += (s.empty() ? "" : " ") + w;
  return s;
}

query::SortOrder sort_order(const std::string& name) {
  if (name == "relevance") return query::SortOrder::relevance;
  if (name == "date" || name == "newest") return query::SortOrder::newest;
  if (name == "oldest") return query::SortOrder::oldest;
  throw po::error("--sort must be relevance, date or oldest, not '" + name + "'");
}

bool use_bold(const QueryOptions& values, bool json) {
  if (values.color != "auto" && values.color != "always" && values.color != "never")
    throw po::error("--color must be auto, always or never");
  return values.color == "always" || (values.color == "auto" && !json && stdout_is_terminal() && !std::getenv("NO_COLOR"));
}

namespace {

Day parse_day_option(const std::string& value, const char* option, bool end) {
  try {
    query::Query q = query::parse_query("date:" + value);
    if (q.root->kind == query::QueryNode::Kind::dates) return end ? q.root->dates.to : q.root->dates.from;
  } catch (const query::QueryError&) {
  }
  throw po::error(std::string(option) + " '" + value + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
}

}  // namespace

query::Query build_query(const std::string& text, const po::variables_map& vm, const QueryOptions& values) {
  query::Query q = query::parse_query(text);
  if (vm.count("from") || vm.count("to")) {
    query::DateRange range;
    if (vm.count("from")) range.from = parse_day_option(values.from, "--from", false);
    if (vm.count("to")) range.to = parse_day_option(values.to, "--to", true);
    if (range.from > range.to) throw po::error("--from is after --to");
    query::restrict_dates(q, range);
  }
  return q;
}

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

Json highlights_json(const query::Snippet& snippet) {
  Json spans = Json::array();
  for (auto [begin, end] : snippet.highlights)
    spans.push_back({query::code_point_offset(snippet.text, begin), query::code_point_offset(snippet.text, end)});
  return spans;
}

Json speaker_json(const query::SpeakerCount& s) {
  return {{"speaker", s.name},           {"kind", query::to_string(s.kind)}, {"statements", s.statements},
          {"articles", s.articles},      {"group", s.group},                 {"descriptions", s.descriptions},
          {"variants", s.variants}};
}

}  // namespace attache::cli
