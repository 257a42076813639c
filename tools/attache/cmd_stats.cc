// attache stats: what an index holds and what it costs on disk.
#include <iostream>
#include <map>

#include "attache/storage/index_reader.h"
#include "cli.h"

namespace attache::cli {

int run_stats(const std::vector<std::string>& args) {
  po::options_description options("options");
  std::string index_dir;
  options.add_options()
      ("index,i", po::value(&index_dir)->required()->value_name("DIR"), "index directory")
      ("json", "one JSON object");
  po::positional_options_description positional;
  po::variables_map vm;
  if (!parse("stats", args, options, positional, vm, "--index DIR [--json]",
             "  attache stats --index news-index\n  attache stats --index news-index --json | jq .bytes\n"))
    return kOk;

  auto snapshot = storage::IndexSnapshot::open(index_dir);
  uint64_t terms = 0, postings = 0, positions = 0, text_bytes = 0, stored = 0, deleted = 0;
  std::map<std::string, uint64_t> bytes;
  Day first = kMaxDay, last = kMinDay;
  for (const auto& segment : snapshot->segments()) {
    terms += segment->term_count();
    stored += segment->doc_count();
    deleted += segment->deleted_count();
    text_bytes += segment->text_bytes();
    if (segment->doc_count()) {
      first = std::min(first, segment->min_date());
      last = std::max(last, segment->max_date());
    }
    segment->scan_terms("", [&](std::string_view, const storage::TermInfo& info) {
      postings += info.doc_frequency;
      if (info.has_positions()) positions += info.collection_frequency;
      return true;
    });
    for (const auto& [kind, size] : segment->file_sizes()) bytes[kind] += size;
  }
  std::error_code ec;
  uint64_t manifest = std::filesystem::file_size(std::filesystem::path(index_dir) / "MANIFEST", ec);
  bytes["manifest"] = ec ? 0 : manifest;
  uint64_t total = 0;
  for (const auto& [kind, size] : bytes) total += size;
  double ratio = text_bytes ? static_cast<double>(total) / static_cast<double>(text_bytes) : 0;

  if (vm.count("json")) {
    Json j = {{"articles", snapshot->doc_count()},
              {"stored_articles", stored},
              {"deleted_articles", deleted},
              {"segments", snapshot->segments().size()},
              {"generation", snapshot->generation()},
              {"first_date", stored ? format_day(first) : ""},
              {"last_date", stored ? format_day(last) : ""},
              {"terms_summed_over_segments", terms},
              {"postings", postings},
              {"positions", positions},
              {"text_bytes", text_bytes},
              {"bytes", bytes},
              {"total_bytes", total},
              {"total_to_text_ratio", ratio}};
    std::cout << j.dump(2) << "\n";
    return kOk;
  }
  std::cout << "index        " << index_dir << " (generation " << snapshot->generation() << ")\n"
            << "articles     " << grouped(snapshot->doc_count()) << " in " << snapshot->segments().size()
            << " segment(s)";
  if (deleted) std::cout << ", " << grouped(deleted) << " deleted awaiting a merge";
  std::cout << "\n";
  if (stored) std::cout << "dates        " << format_day(first) << " .. " << format_day(last) << "\n";
  std::cout << "terms        " << grouped(terms) << (snapshot->segments().size() > 1 ? " (summed over segments)" : "")
            << "\npostings     " << grouped(postings) << "\npositions    " << grouped(positions) << "\ntext         "
            << human_bytes(text_bytes) << " as given\nbytes on disk\n";
  for (const auto& [kind, size] : bytes)
    std::cout << "  " << kind << std::string(12 - std::min<size_t>(kind.size(), 11), ' ') << human_bytes(size) << "\n";
  char line[96];
  std::snprintf(line, sizeof line, "  total       %s (%.2f of the text)\n", human_bytes(total).c_str(), ratio);
  std::cout << line;
  return kOk;
}

}  // namespace attache::cli
