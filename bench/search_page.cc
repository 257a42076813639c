// attache-search-page: the C++ side of bench/python_overhead.py. Runs each
// query of a file (one a line) as a page of 10 hits exactly as Index.search in
// Python does, minus Python: parse, search, build the hits' JSON objects
// (snippets included). Prints the mean microseconds per query over all rounds.
#include <chrono>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "json_output.h"
#include "open_index.h"
#include "query_request.h"

using namespace attache;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: attache-search-page INDEX QUERIES-FILE ROUNDS\n";
    return 2;
  }
  const cli::OpenIndex index(argv[1]);
  std::vector<std::string> queries;
  std::ifstream in(argv[2]);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) queries.push_back(line);
  const int rounds = std::stoi(argv[3]);
  size_t hits = 0;
  auto page = [&](const std::string& text) {
    query::Query query = cli::build_query({text, {}, {}, {}, ""});
    query::SearchOptions options;  // as Index.search: 10 hits, exact total
    uint64_t total = 0;
    hits += cli::search_hits_json(index, query, options, false, total).size();
  };
  for (const auto& q : queries) page(q);  // warm
  const auto start = Clock::now();
  for (int r = 0; r < rounds; ++r)
    for (const auto& q : queries) page(q);
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::cout << seconds * 1e6 / (static_cast<double>(rounds) * queries.size()) << " " << hits << "\n";
  return 0;
}
