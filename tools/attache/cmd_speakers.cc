// attache speakers: who speaks most, overall or in the statements a query matches.
#include <cstdio>
#include <iostream>

#include "attache/query/speakers.h"
#include "cli.h"
#include "json_output.h"
#include "open_index.h"

namespace attache::cli {

int run_speakers(const std::vector<std::string>& args) {
  po::options_description options("options");
  std::string index_dir;
  std::vector<std::string> words;
  size_t limit = 50;
  options.add_options()
      ("index,i", po::value(&index_dir)->required()->value_name("DIR"), "index directory")
      ("limit,n", po::value(&limit)->value_name("N")->default_value(50), "speakers to list (0: all)")
      ("json", "one JSON object a speaker, then a summary line")
      ("query", po::value(&words)->value_name("QUERY"), "count only statements matching QUERY");
  po::positional_options_description positional;
  positional.add("query", -1);
  po::variables_map vm;
  if (!parse("speakers", args, options, positional, vm, "--index DIR [QUERY]",
             "  attache speakers --index news-index\n"
             "  attache speakers --index news-index nato date:2022-01..2022-03\n"
             "  attache speakers --index news-index '\"open door\"' --json\n"))
    return kOk;
  OpenIndex index(index_dir);
  std::string text;
  for (const auto& w : words) text += (text.empty() ? "" : " ") + w;
  query::Query parsed;
  if (!text.empty()) {
    try {
      parsed = query::parse_query(text);
    } catch (const query::QueryError& e) {
      std::cerr << "attache speakers: " << query::format_query_error(text, e) << "\n";
      return kUsage;
    }
  }
  auto speakers = index.count_speakers(text.empty() ? nullptr : &parsed, query::SpeakerUnit::statements);
  uint64_t statements = 0;
  for (const auto& s : speakers) statements += s.statements;
  size_t shown = limit == 0 ? speakers.size() : std::min(limit, speakers.size());
  if (vm.count("json")) {
    for (size_t i = 0; i < shown; ++i) {
      std::cout << json_line(speaker_json(speakers[i], true)) << "\n";
    }
    std::cout << Json{{"summary", {{"speakers", speakers.size()}, {"statements", statements}, {"query", text}}}}.dump()
              << "\n";
    return kOk;
  }
  for (size_t i = 0; i < shown; ++i) {
    const auto& s = speakers[i];
    char counts[64];
    std::snprintf(counts, sizeof counts, "%6llu statements in %4llu articles  ",
                  static_cast<unsigned long long>(s.statements), static_cast<unsigned long long>(s.articles));
    std::cout << counts << s.name << (s.group ? " (group)" : "");
    if (!s.variants.empty()) {
      std::cout << "  [also:";
      for (const auto& v : s.variants) std::cout << " " << v;
      std::cout << "]";
    }
    std::cout << "\n";
  }
  std::cout << grouped(speakers.size()) << " speakers, " << grouped(statements) << " statements\n";
  return kOk;
}

}  // namespace attache::cli
