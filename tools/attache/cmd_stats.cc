// attache stats: what an index holds and what it costs on disk, down to the
// bits per document id, frequency and position.
#include <cstdio>
#include <iostream>
#include <map>

#include "attache/storage/index_reader.h"
#include "cli.h"

namespace attache::cli {
namespace {

double ratio(uint64_t part, uint64_t whole) { return whole ? static_cast<double>(part) / static_cast<double>(whole) : 0; }

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
  uint64_t terms = 0, text_bytes = 0, stored = 0, deleted = 0;
  storage::PostingsBreakdown postings;
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
    storage::PostingsBreakdown b = segment->measure_postings();
    postings.postings += b.postings;
    postings.positions += b.positions;
    postings.doc_id_bits += b.doc_id_bits;
    postings.frequency_bits += b.frequency_bits;
    postings.skip_bits += b.skip_bits;
    postings.position_bits += b.position_bits;
    for (const auto& [kind, size] : segment->file_sizes()) bytes[kind] += size;
  }
  std::error_code ec;
  uint64_t manifest = std::filesystem::file_size(std::filesystem::path(index_dir) / "MANIFEST", ec);
  bytes["manifest"] = ec ? 0 : manifest;
  uint64_t total = 0;
  for (const auto& [kind, size] : bytes) total += size;
  const uint64_t postings_and_positions = bytes["postings"] + bytes["positions"];

  const double id_bits = ratio(postings.doc_id_bits, postings.postings);
  const double tf_bits = ratio(postings.frequency_bits, postings.postings);
  const double skip_bits = ratio(postings.skip_bits, postings.postings);
  const double position_bits = ratio(postings.position_bits, postings.positions);
  const double store_per_article = ratio(bytes["store"], stored);

  if (vm.count("json")) {
    Json j = {{"articles", snapshot->doc_count()},
              {"stored_articles", stored},
              {"deleted_articles", deleted},
              {"segments", snapshot->segments().size()},
              {"generation", snapshot->generation()},
              {"first_date", stored ? format_day(first) : ""},
              {"last_date", stored ? format_day(last) : ""},
              {"terms_summed_over_segments", terms},
              {"postings", postings.postings},
              {"positions", postings.positions},
              {"bits_per", {{"document_id", id_bits}, {"frequency", tf_bits}, {"skip_data_per_posting", skip_bits},
                            {"position", position_bits}}},
              {"store_bytes_per_article", store_per_article},
              {"text_bytes", text_bytes},
              {"bytes", bytes},
              {"total_bytes", total},
              {"postings_and_positions_to_text", ratio(postings_and_positions, text_bytes)},
              {"total_to_text", ratio(total, text_bytes)}};
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
            << "\npostings     " << grouped(postings.postings) << ": " << fixed(id_bits, 2) << " bits per document id, "
            << fixed(tf_bits, 2) << " per frequency, " << fixed(skip_bits, 2) << " of skip data\n"
            << "positions    " << grouped(postings.positions) << ": " << fixed(position_bits, 2) << " bits each\n"
            << "store        " << fixed(store_per_article, 0) << " bytes per article\n"
            << "text         " << human_bytes(text_bytes) << " as given\nbytes on disk\n";
  for (const auto& [kind, size] : bytes)
    std::cout << "  " << kind << std::string(12 - std::min<size_t>(kind.size(), 11), ' ') << human_bytes(size) << "  "
              << fixed(ratio(size, text_bytes), 3) << " of the text\n";
  std::cout << "  total       " << human_bytes(total) << "  " << fixed(ratio(total, text_bytes), 3)
            << " of the text (postings and positions " << fixed(ratio(postings_and_positions, text_bytes), 3) << ")\n";
  return kOk;
}

}  // namespace attache::cli
