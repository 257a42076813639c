// attache-quote-eval: precision and recall of statement attribution on
// labelled articles (tests/quotes/eval by default).
#include <iostream>

#include "quote_evaluation.h"

int main(int argc, char** argv) {
  bool verbose = false;
  std::vector<std::string> dirs;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--verbose" || a == "-v")
      verbose = true;
    else if (a == "--help" || a == "-h") {
      std::cout << "usage: attache-quote-eval [--verbose] DIR...\n"
                   "  Scores statement attribution on labelled articles (see tests/quotes/eval/README.md).\n"
                   "  --verbose lists every missed, extra or misattributed statement.\n"
                   "example:\n  attache-quote-eval tests/quotes/eval tests/quotes/eval/holdout\n";
      return 0;
    } else
      dirs.push_back(a);
  }
  if (dirs.empty()) {
    std::cerr << "attache-quote-eval: name a directory of labelled articles (see --help)\n";
    return 2;
  }
  try {
    for (const auto& dir : dirs) {
      auto articles = attache::evaluation::load_directory(dir);
      std::cout << "== " << dir << " (" << articles.size() << " articles)\n"
                << attache::evaluation::report(attache::evaluation::evaluate(articles), verbose);
    }
  } catch (const std::exception& e) {
    std::cerr << "attache-quote-eval: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
