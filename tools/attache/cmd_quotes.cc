// attache quotes: statement attribution alone, no index: who said what in the
// given articles. With --index and --history: each statement of an index once,
// with where and when it appeared (quote_history.h).
#include <iostream>
#include <optional>

#include "attache/indexer/article_reader.h"
#include "attache/indexer/attribution_model.h"
#include "attache/indexer/document_analyzer.h"
#include "attache/indexer/statements.h"
#include "cli.h"
#include "json_output.h"
#include "open_index.h"
#include "statement_text.h"
#include "quote_history.h"

namespace attache::cli {
namespace {

struct HistoryOptions {
  std::string index_dir, sort = "spread", from, to;
  size_t limit = 20;
  double min_confidence = 0;
};

int run_history(const HistoryOptions& o, const std::string& text, const po::variables_map& vm) {
  HistoryOrder order;
  try {
    order = history_order(o.sort, "--");
  } catch (const std::invalid_argument& e) {
    throw po::error(e.what());
  }
  OpenIndex index(o.index_dir);
  QueryRequest request{text, {}, {}, {}, "--"};
  if (vm.count("from")) request.from = o.from;
  if (vm.count("to")) request.to = o.to;
  if (vm.count("min-confidence")) request.min_confidence = o.min_confidence;
  std::optional<query::Query> parsed;
  try {
    parsed = history_query(request);
  } catch (const query::QueryError& e) {
    std::cerr << "attache quotes: " << query::format_query_error(text, e) << "\n";
    return kUsage;
  } catch (const std::invalid_argument& e) {
    throw po::error(e.what());
  }
  const std::vector<QuoteGroup> groups = quote_history(index, parsed ? &*parsed : nullptr, order, o.limit);
  for (const QuoteGroup& g : groups) {
    if (vm.count("json")) {
      std::cout << json_line(quote_group_json(g)) << "\n";
      continue;
    }
    std::cout << format_day(g.first_date) << ".." << format_day(g.last_date) << "  "
              << (g.speakers.empty() ? std::string("?") : g.speakers.front().first) << "  " << grouped(g.articles)
              << (g.articles == 1 ? " article, " : " articles, ") << grouped(g.sources)
              << (g.sources == 1 ? " source" : " sources") << "; first in " << g.first_article << "\n    " << g.text
              << "\n";
  }
  return kOk;
}

}  // namespace

int run_quotes(const std::vector<std::string>& args) {
  po::options_description options("options");
  std::vector<std::string> paths;
  std::string model_file;
  HistoryOptions history;
  double& min_confidence = history.min_confidence;
  options.add_options()
      ("index,i", po::value(&history.index_dir)->value_name("DIR"),
       "with --history: the statements of this index, not of files")
      ("history", "each statement once, however many articles carried it: its speaker, first and last date, "
                  "first article, and how many articles and sources (needs --index; PATH... is then a query)")
      ("sort", po::value(&history.sort)->value_name("ORDER")->default_value("spread"),
       "with --history: spread (most articles first) or date (first appearance first)")
      ("limit,n", po::value(&history.limit)->value_name("N")->default_value(20), "with --history: groups to list (0: all)")
      ("from", po::value(&history.from)->value_name("DATE"), "with --history: only articles dated on or after DATE")
      ("to", po::value(&history.to)->value_name("DATE"), "with --history: only articles dated on or before DATE")
      ("min-confidence", po::value(&min_confidence)->value_name("P"),
       "only statements at least this likely right (0 to 1; at 0.8, about 95% are right on news not trained on)")
      ("model", po::value(&model_file)->value_name("FILE"),
       "an attribution model from attache-quote-train instead of the built-in one (for evaluation)")
      ("json", "one statement a line: article, date, speaker, canonical, cue, kind, start, end, text, confidence")
      ("paths", po::value(&paths)->value_name("PATH"), "files, directories or - (JSON Lines on stdin)");
  po::positional_options_description positional;
  positional.add("paths", -1);
  po::variables_map vm;
  if (!parse("quotes", args, options, positional, vm, "[--json] PATH... | --index DIR --history [QUERY]",
             "  attache quotes corpus/000_acfc8dae91c10f02.txt\n"
             "  attache quotes --json corpus/ | jq -r 'select(.canonical == \"Sergei Ryabkov\") | .text'\n"
             "  attache quotes --index news-index --history speaker:ryabkov\n"
             "  attache quotes --index news-index '\"open door policy\"' --history --sort date --limit 1\n"))
    return kOk;
  if (vm.count("history") != vm.count("index"))
    throw po::error("--history and --index go together: the history of the statements of an index");
  if (vm.count("history")) return run_history(history, join_words(paths), vm);
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
    const analysis::CodePoints text(a.text);
    for (const indexer::Statement& s : indexer::extract_statements(a.text, model)) {
      if (s.confidence < min_confidence) continue;
      ++statements;
      if (json) {
        std::cout << json_line(statement_json(a.id, a.date, text, indexer::to_stored(s))) << "\n";
      } else {
        std::cout << format_day(a.date) << "  " << s.canonical << (s.group ? " (group)" : "")
                  << (s.speaker != s.canonical ? "  [" + s.speaker + "]" : "") << "  " << s.cue << " ("
                  << indexer::to_string(s.kind) << ")\n    " << statement_text(a.text, indexer::to_stored(s)) << "\n";
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
