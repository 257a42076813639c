// Option parsing and formatting helpers shared by the subcommands.
#include "cli.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace attache::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> list = {
      {"index", "add articles (text files, JSON Lines, directories, - for stdin) to an index", run_index},
      {"search", "search an index: words, \"phrases\", OR, NOT, -word, (groups), date: ranges", run_search},
      {"quotes", "who said what in the given articles (no index needed)", run_quotes},
      {"speakers", "speakers ranked by statements, overall or matching a query", run_speakers},
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

}  // namespace attache::cli
