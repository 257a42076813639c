// attache check: read every byte of an index and verify it.
#include <iostream>

#include "attache/storage/index_reader.h"
#include "cli.h"

namespace attache::cli {

int run_check(const std::vector<std::string>& args) {
  po::options_description options("options");
  std::string index_dir;
  options.add_options()("index,i", po::value(&index_dir)->required()->value_name("DIR"), "index directory");
  po::positional_options_description positional;
  po::variables_map vm;
  if (!parse("check", args, options, positional, vm, "--index DIR",
             "  attache check --index news-index && echo intact\n"))
    return kOk;
  auto snapshot = storage::IndexSnapshot::open(index_dir);
  snapshot->verify();  // throws "index corrupted: FILE: reason", exit status 3
  uint64_t bytes = 0;
  for (const auto& segment : snapshot->segments())
    for (const auto& [kind, size] : segment->file_sizes()) bytes += size;
  std::cout << "ok: " << grouped(snapshot->doc_count()) << " articles in " << snapshot->segments().size()
            << " segment(s), " << human_bytes(bytes) << " verified\n";
  return kOk;
}

}  // namespace attache::cli
