// attache quotes: statement attribution alone, no index: who said what in the
// given articles.
#include <iostream>
#include <optional>

#include "attache/indexer/article_reader.h"
#include "attache/indexer/attribution_model.h"
#include "attache/indexer/document_analyzer.h"
#include "attache/indexer/statements.h"
#include "cli.h"
#include "json_output.h"

namespace attache::cli {
int run_quotes(const std::vector<std::string>& args) {
  po::options_description options("options");
  std::vector<std::string> paths;
  std::string model_file;
  double min_confidence = 0;
  options.add_options()
      ("min-confidence", po::value(&min_confidence)->value_name("P"),
       "only statements at least this likely right (0 to 1; at 0.8, about 95% are right on news not trained on)")
      ("model", po::value(&model_file)->value_name("FILE"),
       "an attribution model from attache-quote-train instead of the built-in one (for evaluation)")
      ("json", "one statement a line: article, date, speaker, canonical, cue, kind, start, end, text, confidence")
      ("paths", po::value(&paths)->value_name("PATH"), "files, directories or - (JSON Lines on stdin)");
  po::positional_options_description positional;
  positional.add("paths", -1);
  po::variables_map vm;
  if (!parse("quotes", args, options, positional, vm, "[--json] PATH...",
             "  attache quotes corpus/000_acfc8dae91c10f02.txt\n"
             "  attache quotes --json corpus/ | jq -r 'select(.canonical == \"Sergei Ryabkov\") | .text'\n"))
    return kOk;
  if (paths.empty()) throw po::error("no input: name files, directories or - for standard input");
  const bool json = vm.count("json") > 0;
  std::optional<indexer::AttributionModel> loaded;
  if (!model_file.empty()) loaded = indexer::AttributionModel::load(model_file);
  const indexer::AttributionModel& model = loaded ? *loaded : indexer::AttributionModel::builtin();
  std::vector<indexer::InputProblem> problems;
  auto inputs = indexer::collect_inputs(paths, problems);
  for (const auto& p : problems) std::cerr << format_problem(p) << "\n";
  uint64_t statements = 0, articles = 0, skipped = problems.size();
  indexer::ArticleSink sink;
  sink.progress = [](uint64_t) {};
  sink.problem = [&](indexer::InputProblem&& p) {
    ++skipped;
    std::cerr << format_problem(p) << "\n";
  };
  sink.article = [&](indexer::Article&& a) {
    ++articles;
    for (const indexer::Statement& s : indexer::extract_statements(a.text, model)) {
      if (s.confidence < min_confidence) continue;
      ++statements;
      std::string text = a.text.substr(s.begin, s.end - s.begin);
      if (json) {
        std::cout << json_line(statement_json(a.id, a.date, a.text, indexer::to_stored(s))) << "\n";
      } else {
        std::cout << format_day(a.date) << "  " << s.canonical << (s.group ? " (group)" : "")
                  << (s.speaker != s.canonical ? "  [" + s.speaker + "]" : "") << "  " << s.cue << " ("
                  << indexer::to_string(s.kind) << ")\n    " << text << "\n";
      }
    }
  };
  for (const auto& input : inputs) indexer::read_articles(input, sink);
  std::cerr << grouped(statements) << " statements in " << grouped(articles) << " articles";
  if (skipped) std::cerr << "; skipped " << grouped(skipped) << " input(s)";
  std::cerr << "\n";
  return kOk;
}

}  // namespace attache::cli
