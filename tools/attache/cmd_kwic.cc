// attache kwic: a concordance, one line per occurrence of the query's words,
// aligned on the match.
#include <iostream>

#include "cli.h"
#include "concordance.h"
#include "json_output.h"
#include "open_index.h"

namespace attache::cli {
namespace {

size_t code_points(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xc0) != 0x80;
  return n;
}

}  // namespace

int run_kwic(const std::vector<std::string>& args) {
  po::options_description options("options");
  po::positional_options_description positional;
  QueryOptions q;
  std::string index_dir;
  size_t width = 40, limit = 200;
  options.add_options()
      ("index,i", po::value(&index_dir)->required()->value_name("DIR"), "index directory")
      ("width,w", po::value(&width)->value_name("N")->default_value(40), "characters of context on each side")
      ("limit,n", po::value(&limit)->value_name("N")->default_value(200), "lines to print (0: every occurrence)")
      ("json", "one occurrence a line: article, date, field (title or text), left, match, right, start, end");
  add_query_options(options, positional, q, true);
  po::variables_map vm;
  if (!parse("kwic", args, options, positional, vm, "--index DIR QUERY [--width N]",
             "  attache kwic --index news-index '\"open door\"'\n"
             "  attache kwic --index news-index 'negotiat*' --width 60 --sort oldest\n"
             "  attache kwic --index news-index nato --from 2022-01 --limit 0 --json > nato.jsonl\n"))
    return kOk;
  if (q.words.empty()) throw po::error("no query given");
  const bool json = vm.count("json") > 0;
  const bool bold = use_bold(q, json);
  const std::string text = join_words(q.words);
  query::Query parsed;
  try {
    parsed = build_query(text, vm, q);
  } catch (const query::QueryError& e) {
    std::cerr << "attache kwic: " << query::format_query_error(text, e) << "\n";
    return kUsage;
  }
  OpenIndex index(index_dir);
  size_t lines = 0;
  for_each_kwic_line(index, parsed, sort_order(q.sort), width, [&](const KwicLine& line) {
    if (json) {
      std::cout << json_line(kwic_json(line)) << "\n";
    } else {
      std::cout << format_day(line.date) << "  " << std::string(width - std::min(width, code_points(line.left)), ' ')
                << line.left << "  " << (bold ? "\x1b[1m" + line.match + "\x1b[0m" : line.match) << "  " << line.right
                << "  [" << line.article << "]\n";
    }
    if (limit && ++lines >= limit) {
      if (!json) std::cerr << "(stopped after " << limit << " lines; --limit 0 prints every occurrence)\n";
      return false;
    }
    return true;
  });
  return kOk;
}

}  // namespace attache::cli
