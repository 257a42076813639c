// attache-quote-eval: precision and recall of statement attribution, on
// PolNeAR splits (a directory with text/ and attributions/) scored as
// ../shared/polnear/score.py scores them, or on articles labelled inline
// (tests/quotes/eval).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <set>

#include "attache/storage/error.h"
#include "polnear_score.h"
#include "quote_evaluation.h"

namespace {

const char* kUsage =
    "usage: attache-quote-eval [--model FILE] [--names FILE] [--expect N] [--verbose] DIR...\n"
    "  Scores statement attribution. A DIR with text/ and attributions/ is a PolNeAR split (brat\n"
    "  standoff), scored by the rules of ../shared/polnear/score.py; any other DIR holds articles\n"
    "  labelled inline (tests/quotes/eval/README.md).\n"
    "  --model FILE   an attribution model from attache-quote-train instead of the built-in one\n"
    "  --names FILE   only the PolNeAR articles named in FILE (one a line, # comments)\n"
    "  --expect N     fail (exit 1) when a DIR has fewer than N gold statements: figures over\n"
    "                 nothing are no figures\n"
    "  --verbose      list every miss and every wrong statement\n"
    "example:\n"
    "  attache-quote-eval --names tests/quotes/polnear/holdout.txt --expect 1900 ../shared/polnear/train\n";


}  // namespace

int main(int argc, char** argv) {
  using namespace attache;
  bool verbose = false;
  int expect = 0;
  std::string model_file, names_file;
  std::vector<std::string> dirs;
  try {
    for (int i = 1; i < argc; ++i) {
      std::string a = argv[i];
      auto value = [&]() -> std::string {
        if (i + 1 >= argc) throw std::invalid_argument(a + " needs a value");
        return argv[++i];
      };
      if (a == "--verbose" || a == "-v") verbose = true;
      else if (a == "--help" || a == "-h") {
        std::cout << kUsage;
        return 0;
      } else if (a == "--model") model_file = value();
      else if (a == "--names") names_file = value();
      else if (a == "--expect") expect = std::stoi(value());
      else if (!a.empty() && a[0] == '-') throw std::invalid_argument("unknown option " + a);
      else dirs.push_back(a);
    }
    if (dirs.empty()) {
      std::cerr << "attache-quote-eval: name a directory (see --help)\n";
      return 2;
    }
    std::optional<indexer::AttributionModel> loaded;
    if (!model_file.empty()) loaded = indexer::AttributionModel::load(model_file);
    const indexer::AttributionModel& model = loaded ? *loaded : indexer::AttributionModel::builtin();
    const std::optional<std::set<std::string>> names =
        names_file.empty() ? std::nullopt : std::optional(attache::evaluation::read_name_list(names_file));
    for (const auto& dir : dirs) {
      int gold = 0;
      if (std::filesystem::is_directory(std::filesystem::path(dir) / "attributions")) {
        std::vector<evaluation::PolnearArticle> articles;
        for (auto& a : evaluation::load_polnear(dir))
          if (!names || names->count(a.example.name)) articles.push_back(std::move(a));
        auto score = evaluation::score_polnear(articles, model);
        std::cout << "== " << dir << " (PolNeAR, " << articles.size() << " articles)\n" << evaluation::report(score);
        if (verbose)
          for (const auto& e : score.errors) std::cout << "  " << e << "\n";
        gold = score.gold;
      } else {
        auto articles = evaluation::load_directory(dir);
        auto e = evaluation::evaluate(articles, model);
        std::cout << "== " << dir << " (" << articles.size() << " articles)\n" << evaluation::report(e, verbose);
        gold = e.all.gold;
      }
      if (gold < expect) {
        std::cerr << "attache-quote-eval: " << dir << " has " << gold << " gold statements, fewer than the "
                  << expect << " expected: no figures\n";
        return 1;
      }
    }
  } catch (const std::exception& e) {
    std::cerr << "attache-quote-eval: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
