// attache: full-text search for archives of diplomatic news.
// Dispatches to a subcommand and turns errors into one line and an exit status.
#include <iostream>
#include <string>
#include <vector>

#include "attache/query/query.h"
#include "attache/storage/error.h"
#include "cli.h"

namespace {

void print_help() {
  std::cout << "attache: full-text search for archives of diplomatic news\n\n"
               "usage: attache COMMAND [OPTIONS]\n\ncommands:\n";
  for (const auto& c : attache::cli::commands()) std::cout << "  " << c.name << std::string(9 - std::string(c.name).size(), ' ') << c.summary << "\n";
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
  for (const auto& command : cli::commands()) {
    if (name != command.name) continue;
    try {
      return command.run(args);
    } catch (const cli::po::error& e) {
      std::cerr << "attache " << name << ": " << e.what() << " (see attache " << name << " --help)\n";
      return cli::kUsage;
    } catch (const attache::Error& e) {
      std::cerr << "attache " << name << ": " << e.what() << "\n";
      bool damaged = e.kind() == attache::ErrorKind::corruption || e.kind() == attache::ErrorKind::format_version;
      return damaged ? cli::kCorruption : cli::kFailure;
    } catch (const std::exception& e) {
      std::cerr << "attache " << name << ": " << e.what() << "\n";
      return cli::kFailure;
    }
  }
  std::cerr << "attache: unknown command '" << name << "' (see attache --help)\n";
  return cli::kUsage;
}
