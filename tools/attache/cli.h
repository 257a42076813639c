// Shared pieces of the subcommands: exit codes, option parsing, output helpers.
#pragma once

#include <boost/program_options.hpp>

#include "attache/query/query.h"
#include "attache/query/searcher.h"
#include "attache/query/snippet.h"
#include "attache/query/speakers.h"
#include "attache/storage/document.h"
#include "json_output.h"

#include <cstdint>
#include <string>
#include <vector>

namespace attache::cli {

namespace po = boost::program_options;

// Exit statuses, also listed in `attache --help`.
enum ExitCode : int {
  kOk = 0,
  kFailure = 1,     // I/O, a locked index, skipped input under --strict
  kUsage = 2,       // unknown option, missing argument, malformed query
  kCorruption = 3,  // damaged index or unsupported format version
};

// Runs a command, turning its errors into one line on stderr and an exit status.
int run_command(const std::string& name, int (*run)(const std::vector<std::string>& args),
                const std::vector<std::string>& args);

// Parses args against options (and positional names); prints help and
// returns false when --help was given. Throws po::error on bad usage.
bool parse(const std::string& command, const std::vector<std::string>& args, const po::options_description& options,
           const po::positional_options_description& positional, po::variables_map& vm, const std::string& usage,
           const std::string& examples);

bool stdout_is_terminal();
bool stderr_is_terminal();
// "12.3 MB", "456 bytes".
std::string human_bytes(uint64_t bytes);
// "12,345".
std::string grouped(uint64_t n);

// --wait SECONDS of the commands that write: how long to wait for another
// writer to finish (0, the default: fail at once, naming its process).
void add_wait_option(po::options_description& options, double& seconds);

// The options shared by the commands that take a query.
struct QueryOptions {
  std::string from, to;
  std::string sort = "relevance";
  std::string color = "auto";
  double min_confidence = 0;
  std::vector<std::string> words;
};
// Adds --from, --to, --sort, --color and the positional query words.
void add_query_options(po::options_description& options, po::positional_options_description& positional,
                       QueryOptions& values, bool with_sort);
// Adds --min-confidence (search and export: statements below it do not match).
void add_min_confidence_option(po::options_description& options, QueryOptions& values);
// The query with --from/--to (and --min-confidence) folded in. Throws
// query::QueryError or po::error.
query::Query build_query(const std::string& text, const po::variables_map& vm, const QueryOptions& values);
query::SortOrder sort_order(const std::string& name);
std::string join_words(const std::vector<std::string>& words);
bool use_bold(const QueryOptions& values, bool json);

// The title, or the first words of the text when there is none.
std::string display_title(const storage::StoredDocument& d);

int run_index(const std::vector<std::string>& args);
int run_search(const std::vector<std::string>& args);
int run_stats(const std::vector<std::string>& args);
int run_check(const std::vector<std::string>& args);
int run_delete(const std::vector<std::string>& args);
int run_quotes(const std::vector<std::string>& args);
int run_speakers(const std::vector<std::string>& args);
int run_kwic(const std::vector<std::string>& args);
int run_export(const std::vector<std::string>& args);
int run_optimize(const std::vector<std::string>& args);
int run_serve(const std::vector<std::string>& args);  // in the attache-serve program
// `attache serve`: runs the attache-serve program beside this one. The server's
// libraries (cpp-httplib, OpenSSL, Brotli) cost every other command half its
// start-up time (BENCHMARKS.md), so they live in a program of their own.
int exec_serve(const std::vector<std::string>& args);

// The lean attache links neither the indexer nor Xapian (start-up is most of a
// search: BENCHMARKS.md, "A lean attache"); attache-full, beside it, links
// everything. main keeps the command line; hand_over runs attache-full with it
// in this process's place (throws Error if it cannot).
void keep_command_line(std::vector<std::string> command_line);
[[noreturn]] void hand_over();
// A command the lean attache runs in attache-full (index, quotes).
[[noreturn]] int hand_over_command(const std::vector<std::string>& args);

}  // namespace attache::cli
