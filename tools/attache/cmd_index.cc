// attache index: read articles, report every skipped one, commit the rest.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>

#include "attache/indexer/article_reader.h"
#include "attache/indexer/indexing.h"
#include "attache/storage/error.h"
#include "attache/storage/index_writer.h"
#include "attache/xapian/shards.h"
#include "attache/xapian/xapian_backend.h"
#include "cli.h"

namespace attache::cli {
namespace {

std::string duration(double seconds) {
  long s = std::lround(seconds);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  return buf;
}

// One status line, redrawn in place on a terminal.
class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled) {}
  void show(const indexer::IndexingProgress& p) {
    if (!enabled_) return;
    double rate = p.seconds > 0 ? p.articles / p.seconds : 0;
    double mb = p.bytes_read / 1e6;
    std::string line = "indexed " + grouped(p.articles) + " articles, " + std::to_string(static_cast<long>(mb)) +
                       " MB, " + grouped(static_cast<uint64_t>(rate)) + " articles/s";
    if (p.bytes_total > 0 && p.bytes_read > 0 && p.seconds > 1) {
      double left = (static_cast<double>(p.bytes_total) - static_cast<double>(p.bytes_read)) * p.seconds /
                    static_cast<double>(p.bytes_read);
      line += ", " + std::to_string(static_cast<int>(100.0 * p.bytes_read / p.bytes_total)) + "%, ETA " +
              duration(std::max(0.0, left));
    }
    std::cerr << "\r\x1b[K" << line << std::flush;
    shown_ = true;
  }
  void clear() {
    if (shown_) std::cerr << "\r\x1b[K" << std::flush;
    shown_ = false;
  }

 private:
  bool enabled_;
  bool shown_ = false;
};

}  // namespace

int run_index(const std::vector<std::string>& args) {
  po::options_description options("options");
  std::string index_dir;
  std::vector<std::string> paths;
  uint64_t memory_mib = 512;
  unsigned threads = 0;
  options.add_options()
      ("index,i", po::value(&index_dir)->required()->value_name("DIR"), "index directory (created when missing)")
      ("memory", po::value(&memory_mib)->value_name("MiB")->default_value(512),
       "flush a segment when buffered documents pass this size")
      ("threads", po::value(&threads)->value_name("N")->default_value(0), "analysis threads (0: one per core)")
      ("backend", po::value<std::string>()->value_name("NAME")->default_value("attache"),
       "attache (its own format) or xapian (a Xapian database, for comparison and sharding)")
      ("shard-by", po::value<std::string>()->value_name("RULE"),
       "xapian: write each article into DIR/SHARD/, SHARD its year (year) or a hash of its id (hash:N, 0 to N-1)")
      ("shard", po::value<std::string>()->value_name("SHARD"),
       "with --shard-by: write only this shard's articles, passing over the rest")
      ("csv-column", po::value<std::vector<std::string>>()->value_name("FIELD=NAME")->composing(),
       "the CSV column holding FIELD (text, date, title, id, source, url), when its name is not a common one")
      ("word-pairs", "also index each two words in a row of which one is a stopword (\"of the\"): phrases with stopwords "
                     "run several times faster, for about 14% more index and 12-18% more indexing time; later runs on "
                     "the index write them too, but a merge with segments written without them (optimize) drops them")
      ("strict", "exit with status 1 if any article was skipped")
      ("quiet,q", "no progress line and no summary")
      ("paths", po::value(&paths)->value_name("PATH"), "files, directories or - (JSON Lines or XML on stdin)");
  storage::WriterOptions writer_options;
  add_wait_option(options, writer_options.lock_wait_seconds);
  po::positional_options_description positional;
  positional.add("paths", -1);
  po::variables_map vm;
  if (!parse("index", args, options, positional, vm, "--index DIR PATH...",
             "  attache index --index news-index corpus/               # every .txt .jsonl .csv .xml below corpus/\n"
             "  attache index --index news-index 2022-01.jsonl.zst    # JSON Lines, one article a line, compressed\n"
             "  attache index --index news-index nyt/1987/            # NITF files of the NYT Annotated Corpus\n"
             "  attache index --index news-index all-news.csv.gz --csv-column text=article_body\n"
             "  zcat dump.jsonl.gz | attache index --index news-index -\n"
             "  attache index --index news-index --strict --memory 2048 archive/\n"
             "  attache index --index news-index --word-pairs archive/    # faster phrases, larger index\n"
             "  attache index --index news-xapian --backend xapian corpus/   # the same, as a Xapian database\n"
             "  attache index --index /srv/news --backend xapian --shard-by year archive/   # /srv/news/2021/, ...\n"
             "  attache index --index /srv/news --backend xapian --shard-by year --shard 2022 feed.jsonl\n"))
    return kOk;
  if (paths.empty()) throw po::error("no input: name files, directories or - for standard input");
  if (memory_mib == 0) throw po::error("--memory must be at least 1 MiB");
  const bool quiet = vm.count("quiet") > 0;

  indexer::InputOptions input_options;
  if (vm.count("csv-column"))
    for (const std::string& spec : vm["csv-column"].as<std::vector<std::string>>()) {
      size_t eq = spec.find('=');
      std::string field = spec.substr(0, eq);
      bool known = std::find(std::begin(indexer::kCsvFields), std::end(indexer::kCsvFields), field) !=
                   std::end(indexer::kCsvFields);
      if (eq == std::string::npos || eq + 1 == spec.size() || !known)
        throw po::error("--csv-column takes FIELD=NAME with FIELD one of text, date, title, id, source, url, author, place, lang: '" + spec + "'");
      input_options.csv_columns[field] = spec.substr(eq + 1);
    }
  std::vector<indexer::InputProblem> problems;
  auto inputs = indexer::collect_inputs(paths, problems, input_options);
  ProgressLine progress(!quiet && stderr_is_terminal());
  for (const auto& p : problems) std::cerr << format_problem(p) << "\n";

  const std::string backend = vm["backend"].as<std::string>();
  if (backend != "attache" && backend != "xapian") throw po::error("--backend must be attache or xapian");
  std::unique_ptr<storage::IndexWriter> writer;
  std::unique_ptr<indexer::DocumentSink> sink;
  xapian_backend::ShardedXapianWriter* sharded = nullptr;
  if (vm.count("shard") && !vm.count("shard-by")) throw po::error("--shard needs --shard-by");
  if (vm.count("shard-by") && backend != "xapian") throw po::error("--shard-by needs --backend xapian");
  if (vm.count("word-pairs") && backend != "attache") throw po::error("--word-pairs is for --backend attache");
  if (backend == "xapian") {
    if (std::filesystem::exists(std::filesystem::path(index_dir) / "MANIFEST"))
      throw Error(ErrorKind::invalid_input, index_dir + ": holds an attache index; a Xapian index needs its own directory");
    if (vm.count("shard-by")) {
      std::optional<std::string> only;
      if (vm.count("shard")) only = vm["shard"].as<std::string>();
      auto shards = std::make_unique<xapian_backend::ShardedXapianWriter>(
          index_dir, xapian_backend::ShardRule::parse(vm["shard-by"].as<std::string>()), only);
      sharded = shards.get();
      sink = std::move(shards);
    } else {
      sink = xapian_backend::XapianWriter::open(index_dir);
    }
  } else {
    if (xapian_backend::is_xapian_index(index_dir))
      throw Error(ErrorKind::invalid_input, index_dir + ": holds a Xapian index; add --backend xapian");
    writer_options.memory_budget = memory_mib << 20;
    writer_options.word_pairs = vm.count("word-pairs") > 0;
    writer = storage::IndexWriter::open(index_dir, writer_options);
    sink = std::make_unique<indexer::IndexWriterSink>(*writer);
  }
  indexer::IndexingCallbacks callbacks;
  callbacks.problem = [&](const indexer::InputProblem& p) {
    progress.clear();
    std::cerr << format_problem(p) << "\n";
  };
  callbacks.progress = [&](const indexer::IndexingProgress& p) { progress.show(p); };
  indexer::IndexingReport report = indexer::index_inputs(inputs, *sink, callbacks, threads);
  progress.clear();

  for (const auto& p : problems) ++report.skipped_by_reason[static_cast<size_t>(p.reason)];
  report.skipped += problems.size();
  if (sharded) report.indexed -= sharded->passed_over();
  if (!quiet) {
    char rate[64];
    std::snprintf(rate, sizeof rate, "%.1f s, %.0f articles/s", report.seconds,
                  report.seconds > 0 ? report.indexed / report.seconds : 0.0);
    std::cerr << "indexed " << grouped(report.indexed) << " articles (" << human_bytes(report.bytes) << " in " << rate
              << ") into " << index_dir << "; skipped " << grouped(report.skipped);
    std::string reasons;
    for (int r = 0; r < indexer::kSkipReasonCount; ++r) {
      if (!report.skipped_by_reason[r]) continue;
      reasons += reasons.empty() ? "" : ", ";
      reasons += grouped(report.skipped_by_reason[r]) + " " + indexer::describe(static_cast<indexer::SkipReason>(r));
    }
    if (!reasons.empty()) std::cerr << " (" << reasons << ")";
    if (sharded) {
      std::string shards;
      for (const auto& [shard, count] : sharded->written())
        shards += (shards.empty() ? "" : ", ") + shard + ": " + grouped(count);
      std::cerr << "; by shard: " << (shards.empty() ? "none" : shards);
      if (sharded->passed_over()) std::cerr << "; " << grouped(sharded->passed_over()) << " of other shards passed over";
    }
    std::cerr << "\n";
  }
  if (vm.count("strict") && report.skipped > 0) {
    std::cerr << "attache index: --strict: " << report.skipped << " input(s) skipped\n";
    return kFailure;
  }
  return kOk;
}

}  // namespace attache::cli
