// attache: full-text search for archives of diplomatic news.
// Dispatches to a subcommand and turns errors into one line and an exit status.
#include <iostream>
#include <string>
#include <vector>

#include "cli.h"

namespace {

// attache is built twice from this file: lean (ATTACHE_LEAN: storage and query
// only, a Xapian index's commands handed over too) and attache-full.
#ifdef ATTACHE_LEAN
constexpr auto run_index = attache::cli::hand_over_command;
constexpr auto run_quotes = attache::cli::hand_over_command;
#else
using attache::cli::run_index;
using attache::cli::run_quotes;
#endif

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const std::vector<std::string>& args);
};

const std::vector<Command>& commands() {
  namespace cli = attache::cli;
  static const std::vector<Command> list = {
      {"index", "add articles (text files, JSON Lines, directories, - for stdin) to an index", run_index},
      {"search", "search an index: words, \"phrases\", OR, NOT, -word, (groups), date: ranges", cli::run_search},
      {"quotes", "who said what in the given articles (no index needed)", run_quotes},
      {"speakers", "speakers ranked by statements, overall or matching a query", cli::run_speakers},
      {"kwic", "a concordance: every occurrence with its left and right context", cli::run_kwic},
      {"export", "every match as JSON Lines, CSV or text files, for building corpora", cli::run_export},
      {"stats", "sizes and counts of an index", cli::run_stats},
      {"check", "verify every checksum and structure of an index", cli::run_check},
      {"delete", "delete articles by id", cli::run_delete},
      {"optimize", "merge all segments into one, dropping deleted articles and recompressing the store", cli::run_optimize},
      {"serve", "an HTTP JSON API and a web page for searching an index", cli::exec_serve},
  };
  return list;
}

void print_help() {
  std::cout << "attache: full-text search for archives of diplomatic news\n\n"
               "usage: attache COMMAND [OPTIONS]\n\ncommands:\n";
  for (const auto& c : commands()) std::cout << "  " << c.name << std::string(9 - std::string(c.name).size(), ' ') << c.summary << "\n";
  std::cout << "\nattache COMMAND --help lists a command's options with examples.\n\n"
               "examples:\n"
               "  attache index --index news-index corpus/\n"
               "  attache search --index news-index '\"open door policy\" NATO'\n"
               "  attache search --index news-index 'ryabkov -sherman date:2022-01'\n\n"
               "exit status: 0 success, 1 failure (I/O, locked index, skipped input with --strict),\n"
               "2 usage error or malformed query, 3 corrupted index or unsupported format version\n";
}

}  // namespace

int main(int argc, char** argv) {
  namespace cli = attache::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  cli::keep_command_line(args);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    print_help();
    return args.empty() ? cli::kUsage : cli::kOk;
  }
  if (args[0] == "--version") {
    std::cout << "attache 0.1.0\n";
    return cli::kOk;
  }
  const std::string name = args[0];
  args.erase(args.begin());
  for (const auto& command : commands())
    if (name == command.name) return cli::run_command(name, command.run, args);
  std::cerr << "attache: unknown command '" << name << "' (see attache --help)\n";
  return cli::kUsage;
}
