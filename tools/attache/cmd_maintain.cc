// attache delete and attache optimize: changing an index without new articles.
#include <iostream>

#include "attache/storage/index_reader.h"
#include "attache/storage/index_writer.h"
#include "cli.h"

namespace attache::cli {

int run_delete(const std::vector<std::string>& args) {
  po::options_description options("options");
  std::string index_dir;
  std::vector<std::string> ids;
  options.add_options()
      ("index,i", po::value(&index_dir)->required()->value_name("DIR"), "index directory")
      ("ids", po::value(&ids)->value_name("ID"), "ids of the articles to delete");
  storage::WriterOptions writer_options;
  add_wait_option(options, writer_options.lock_wait_seconds);
  po::positional_options_description positional;
  positional.add("ids", -1);
  po::variables_map vm;
  if (!parse("delete", args, options, positional, vm, "--index DIR ID...",
             "  attache delete --index news-index 000_acfc8dae91c10f02\n"
             "  attache delete --index news-index articles.jsonl:3 articles.jsonl:4\n"))
    return kOk;
  if (ids.empty()) throw po::error("no ids given");
  storage::IndexSnapshot::open(index_dir);  // refuse to create an index just to delete from it
  auto writer = storage::IndexWriter::open(index_dir, writer_options);
  uint64_t deleted = 0;
  std::vector<std::string> missing;
  for (const auto& id : ids) {
    uint32_t n = writer->remove(id);
    deleted += n;
    if (n == 0) missing.push_back(id);
  }
  writer->commit();
  std::cerr << "deleted " << grouped(deleted) << " article" << (deleted == 1 ? "" : "s");
  if (!missing.empty()) {
    std::cerr << "; not found:";
    for (const auto& id : missing) std::cerr << " " << id;
  }
  std::cerr << "\n";
  return missing.empty() ? kOk : kFailure;
}

int run_optimize(const std::vector<std::string>& args) {
  po::options_description options("options");
  std::string index_dir;
  options.add_options()("index,i", po::value(&index_dir)->required()->value_name("DIR"), "index directory");
  storage::WriterOptions writer_options;
  add_wait_option(options, writer_options.lock_wait_seconds);
  po::positional_options_description positional;
  po::variables_map vm;
  if (!parse("optimize", args, options, positional, vm, "--index DIR",
             "  attache optimize --index news-index   # one segment, deleted articles gone\n"))
    return kOk;
  size_t before = storage::IndexSnapshot::open(index_dir)->segments().size();
  storage::IndexWriter::open(index_dir, writer_options)->optimize();
  auto after = storage::IndexSnapshot::open(index_dir);
  std::cerr << "merged " << before << " segment(s) into " << after->segments().size() << "; "
            << grouped(after->doc_count()) << " articles\n";
  return kOk;
}

}  // namespace attache::cli
