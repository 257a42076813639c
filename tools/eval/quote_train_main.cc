// attache-quote-train: trains the attribution tagger on PolNeAR, leaving out
// the holdout and, for cross-validation, whole publishers.
#include <fstream>
#include <iostream>
#include <set>

#include "attache/storage/error.h"
#include "polnear_score.h"

namespace {


const char* kUsage =
    "usage: attache-quote-train --output FILE [--exclude-names FILE]... [--exclude-publisher P]...\n"
    "                           [--epochs N] [--bits N] [--threshold P] [--single-pass] SPLIT_DIR\n"
    "  Trains the attribution model on a PolNeAR split (text/ and attributions/), deterministically.\n"
    "  --exclude-names: a file of article names (one a line, # comments) left out, e.g. the holdout\n"
    "  --exclude-publisher: leave out a publisher's articles (cross-validation)\n"
    "  --threshold: statements the calibrator finds less likely right are not kept (0.5)\n"
    "  --single-pass: one tagger, without the second that reads the first's labels\n"
    "example:\n"
    "  attache-quote-train --exclude-names tests/quotes/polnear/holdout.txt \\\n"
    "      --output indexer/data/attribution.model ../shared/polnear/train\n";

}  // namespace

int main(int argc, char** argv) {
  std::string output, split;
  std::set<std::string> excluded, publishers;
  attache::indexer::TrainingOptions options;
  try {
    for (int i = 1; i < argc; ++i) {
      std::string a = argv[i];
      auto value = [&]() -> std::string {
        if (i + 1 >= argc) throw std::invalid_argument(a + " needs a value");
        return argv[++i];
      };
      if (a == "--help" || a == "-h") {
        std::cout << kUsage;
        return 0;
      } else if (a == "--output") output = value();
      else if (a == "--exclude-names") for (auto& n : attache::evaluation::read_name_list(value())) excluded.insert(n);
      else if (a == "--exclude-publisher") publishers.insert(value());
      else if (a == "--epochs") options.epochs = static_cast<uint32_t>(std::stoul(value()));
      else if (a == "--bits") options.row_bits = static_cast<uint32_t>(std::stoul(value()));
      else if (a == "--threshold") options.threshold = std::stof(value());
      else if (a == "--single-pass") options.stacked = false;
      else if (!a.empty() && a[0] == '-') throw std::invalid_argument("unknown option " + a);
      else split = a;
    }
    if (output.empty() || split.empty()) {
      std::cerr << kUsage;
      return 2;
    }
    std::vector<attache::indexer::AttributionExample> examples;
    for (auto& a : attache::evaluation::load_polnear(split))
      if (!excluded.count(a.example.name) && !publishers.count(a.publisher)) {
        a.example.group = a.publisher;
        examples.push_back(std::move(a.example));
      }
    attache::indexer::TrainingReport report;
    auto judge = [&](size_t i, const attache::indexer::Statement& s) {
      return attache::evaluation::judge_statement(examples[i], s, /*relative_source_resolved=*/true) ==
             attache::evaluation::Verdict::right;
    };
    std::string model = attache::indexer::train_attribution_model(examples, options, judge, report);
    std::ofstream out(output, std::ios::binary);
    out.write(model.data(), static_cast<std::streamsize>(model.size()));
    if (!out.flush()) throw attache::Error(attache::ErrorKind::io, output + ": cannot write");
    std::cout << "trained on " << examples.size() << " articles, " << report.words << " words; the tagger reads "
              << report.tagged_words << " of them and " << report.content_words_tagged << " of "
              << report.content_words << " content words; calibrated on " << report.calibration_statements
              << " statements from publishers not trained on (" << report.calibration_right << " right); " << options.epochs << " epochs, 2^" << options.row_bits
              << " rows -> " << output << " (" << model.size() << " bytes)\n";
  } catch (const std::exception& e) {
    std::cerr << "attache-quote-train: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
