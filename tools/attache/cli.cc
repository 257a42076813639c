// Option parsing and formatting helpers shared by the subcommands.
#include "cli.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <stdexcept>

#include "attache/storage/error.h"
#include "query_request.h"

namespace attache::cli {

int run_command(const std::string& name, int (*run)(const std::vector<std::string>& args),
                const std::vector<std::string>& args) {
  try {
    return run(args);
  } catch (const po::error& e) {
    std::cerr << "attache " << name << ": " << e.what() << " (see attache " << name << " --help)\n";
    return kUsage;
  } catch (const attache::Error& e) {
    std::cerr << "attache " << name << ": " << e.what() << "\n";
    bool damaged = e.kind() == attache::ErrorKind::corruption || e.kind() == attache::ErrorKind::format_version;
    return damaged ? kCorruption : kFailure;
  } catch (const std::exception& e) {
    std::cerr << "attache " << name << ": " << e.what() << "\n";
    return kFailure;
  }
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

void add_wait_option(po::options_description& options, double& seconds) {
  options.add_options()("wait", po::value(&seconds)->value_name("SECONDS")->default_value(0),
                        "when another process is writing to the index, wait this long for it to finish");
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

void add_min_confidence_option(po::options_description& options, QueryOptions& values) {
  options.add_options()("min-confidence", po::value(&values.min_confidence)->value_name("X"),
                        "only statements attributed with confidence X (0..1) or more");
}

std::string join_words(const std::vector<std::string>& words) {
  std::string s;
  for (const auto& w : words) s += (s.empty() ? "" : " ") + w;
  return s;
}

query::SortOrder sort_order(const std::string& name) {
  try {
    return cli::sort_order(name, "--");
  } catch (const std::invalid_argument& e) {
    throw po::error(e.what());
  }
}

bool use_bold(const QueryOptions& values, bool json) {
  if (values.color != "auto" && values.color != "always" && values.color != "never")
    throw po::error("--color must be auto, always or never");
  return values.color == "always" || (values.color == "auto" && !json && stdout_is_terminal() && !std::getenv("NO_COLOR"));
}

query::Query build_query(const std::string& text, const po::variables_map& vm, const QueryOptions& values) {
  QueryRequest request{text, {}, {}, {}, "--"};
  if (vm.count("from")) request.from = values.from;
  if (vm.count("to")) request.to = values.to;
  if (vm.count("min-confidence")) request.min_confidence = values.min_confidence;
  try {
    return cli::build_query(request);
  } catch (const std::invalid_argument& e) {
    throw po::error(e.what());
  }
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

}  // namespace attache::cli
