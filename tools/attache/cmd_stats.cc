// attache stats: what an index holds and what it costs on disk, down to the
// bits per document id, frequency and position.
#include <cstdio>
#include <iostream>

#include "attache/storage/index_reader.h"
#include "cli.h"
#include "json_output.h"

namespace attache::cli {
namespace {

std::string fixed(double v, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

}  // namespace

int run_stats(const std::vector<std::string>& args) {
  po::options_description options("options");
  std::string index_dir;
  options.add_options()
      ("index,i", po::value(&index_dir)->required()->value_name("DIR"), "index directory")
      ("json", "one JSON object");
  po::positional_options_description positional;
  po::variables_map vm;
  if (!parse("stats", args, options, positional, vm, "--index DIR [--json]",
             "  attache stats --index news-index\n  attache stats --index news-index --json | jq .bits_per\n"))
    return kOk;

  auto snapshot = storage::IndexSnapshot::open(index_dir);
  const Json s = stats_json(*snapshot, index_dir);
  if (vm.count("json")) {
    std::cout << s.dump(2) << "\n";
    return kOk;
  }
  const uint64_t text_bytes = s["text_bytes"], deleted = s["deleted_articles"], segments = s["segments"];
  auto of_text = [&](uint64_t bytes) { return fixed(text_bytes ? double(bytes) / double(text_bytes) : 0, 3); };
  const Json& bits = s["bits_per"];
  std::cout << "index        " << index_dir << " (generation " << s["generation"].get<uint64_t>() << ")\n"
            << "articles     " << grouped(s["articles"]) << " in " << segments << " segment(s)";
  if (deleted) std::cout << ", " << grouped(deleted) << " deleted awaiting a merge";
  if (const uint64_t paired = s["segments_with_word_pairs"]; paired)
    std::cout << "; word pairs in " << (paired == segments ? std::string("every segment") : std::to_string(paired));
  std::cout << "\n";
  if (s["stored_articles"].get<uint64_t>())
    std::cout << "dates        " << s["first_date"].get<std::string>() << " .. " << s["last_date"].get<std::string>()
              << "\n";
  std::cout << "terms        " << grouped(s["terms_summed_over_segments"]) << (segments > 1 ? " (summed over segments)" : "")
            << "\npostings     " << grouped(s["postings"]) << ": " << fixed(bits["document_id"], 2)
            << " bits per document id, " << fixed(bits["frequency"], 2) << " per frequency, "
            << fixed(bits["skip_data_per_posting"], 2) << " of skip data\n"
            << "positions    " << grouped(s["positions"]) << ": " << fixed(bits["position"], 2) << " bits each\n"
            << "store        " << fixed(s["store_bytes_per_article"], 0) << " bytes per article\n"
            << "text         " << human_bytes(text_bytes) << " as given\nbytes on disk\n";
  for (const auto& [kind, size] : s["bytes"].items())
    std::cout << "  " << kind << std::string(12 - std::min<size_t>(kind.size(), 11), ' ') << human_bytes(size) << "  "
              << of_text(size) << " of the text\n";
  std::cout << "  total       " << human_bytes(s["total_bytes"]) << "  " << of_text(s["total_bytes"])
            << " of the text (postings and positions " << fixed(s["postings_and_positions_to_text"], 3) << ")\n";
  return kOk;
}

}  // namespace attache::cli
