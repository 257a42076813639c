// Loading labelled articles and scoring the extractor on them. A predicted
// statement matches a gold one when their character spans overlap by at least
// half of their union; the pair is correct when the speakers agree too.
#include "quote_evaluation.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "attache/analysis/tokenizer.h"
#include "attache/indexer/article.h"

namespace attache::evaluation {
namespace {

constexpr std::string_view kOpen = "\u27e6";
constexpr std::string_view kClose = "\u27e7";

std::string fold_name(std::string_view name) {
  std::vector<analysis::Token> tokens;
  analysis::tokenize(name, tokens);
  std::string out;
  for (const auto& t : tokens)
    if (!t.compound && t.text != "the") out += (out.empty() ? "" : " ") + t.text;
  return out;
}

double jaccard(uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1) {
  uint32_t lo = std::max(a0, b0), hi = std::min(a1, b1);
  if (hi <= lo) return 0;
  return double(hi - lo) / double(std::max(a1, b1) - std::min(a0, b0));
}

bool indirect(const std::string& written) {
  std::string w = written;
  if (w == "he" || w == "He" || w == "she" || w == "She" || w == "they" || w == "They") return true;
  size_t space = w.find(' ');
  if (space == std::string::npos) return true;  // a bare surname
  std::string first = w.substr(0, space);
  return (first == "Mr." || first == "Mr" || first == "Ms." || first == "Ms" || first == "Mrs." || first == "M.") &&
         w.find(' ', space + 1) == std::string::npos;
}

Counts& by_kind(Evaluation& e, indexer::StatementKind kind) {
  switch (kind) {
    case indexer::StatementKind::direct: return e.direct;
    case indexer::StatementKind::mixed: return e.mixed;
    default: return e.reported;
  }
}

}  // namespace

LabelledArticle load_labelled(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string marked = buffer.str(), plain;
  std::vector<GoldStatement> gold;
  size_t at = 0;
  while (true) {
    size_t open = marked.find(kOpen, at);
    if (open == std::string::npos) break;
    plain += marked.substr(at, open - at);
    size_t close = marked.find(kClose, open);
    std::string body = marked.substr(open + kOpen.size(), close - open - kOpen.size());
    size_t bar1 = body.find('|'), bar2 = body.find('|', bar1 + 1);
    if (close == std::string::npos || bar1 == std::string::npos || bar2 == std::string::npos)
      throw std::runtime_error(file.string() + ": malformed label near byte " + std::to_string(open));
    GoldStatement g;
    g.speaker = body.substr(0, bar1);
    char kind = body[bar1 + 1];
    g.kind = kind == 'd' ? indexer::StatementKind::direct : kind == 'm' ? indexer::StatementKind::mixed : indexer::StatementKind::reported;
    g.begin = static_cast<uint32_t>(plain.size());
    plain += body.substr(bar2 + 1);
    g.end = static_cast<uint32_t>(plain.size());
    gold.push_back(g);
    at = close + kClose.size();
  }
  plain += marked.substr(at);
  auto parsed = indexer::parse_text_article(plain, file.string(), file.stem().string());
  if (auto* problem = std::get_if<indexer::InputProblem>(&parsed)) throw std::runtime_error(format_problem(*problem));
  LabelledArticle article;
  article.file = file.filename().string();
  article.text = std::get<indexer::Article>(parsed).text;
  size_t base = plain.find(article.text);
  for (auto& g : gold) {
    g.begin -= static_cast<uint32_t>(base);
    g.end -= static_cast<uint32_t>(base);
  }
  article.gold = std::move(gold);
  return article;
}

std::vector<LabelledArticle> load_directory(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<LabelledArticle> articles;
  for (const auto& f : files) articles.push_back(load_labelled(f));
  return articles;
}

Evaluation evaluate(const std::vector<LabelledArticle>& articles, const indexer::AttributionModel& model) {
  Evaluation e;
  for (const LabelledArticle& article : articles) {
    auto predicted = indexer::extract_statements(article.text, model);
    // Best pairs first, each statement used once.
    struct Pair {
      double overlap;
      size_t gold, predicted;
    };
    std::vector<Pair> pairs;
    for (size_t g = 0; g < article.gold.size(); ++g)
      for (size_t p = 0; p < predicted.size(); ++p) {
        double j = jaccard(article.gold[g].begin, article.gold[g].end, predicted[p].begin, predicted[p].end);
        if (j >= 0.5) pairs.push_back({j, g, p});
      }
    std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.overlap > b.overlap; });
    std::vector<int> gold_match(article.gold.size(), -1), predicted_match(predicted.size(), -1);
    for (const Pair& pair : pairs)
      if (gold_match[pair.gold] < 0 && predicted_match[pair.predicted] < 0) {
        gold_match[pair.gold] = static_cast<int>(pair.predicted);
        predicted_match[pair.predicted] = static_cast<int>(pair.gold);
      }
    auto excerpt = [&](uint32_t b, uint32_t en) {
      std::string s = article.text.substr(b, en - b);
      return s.size() > 90 ? s.substr(0, 87) + "..." : s;
    };
    for (size_t p = 0; p < predicted.size(); ++p) {
      const auto& s = predicted[p];
      bool correct = false;
      if (predicted_match[p] >= 0) {
        const GoldStatement& g = article.gold[predicted_match[p]];
        correct = fold_name(g.speaker) == fold_name(s.canonical);
        ++e.span_matches;
        e.speaker_correct += correct;
        if (indirect(s.speaker)) {
          ++e.indirect_references;
          e.indirect_correct += correct;
        }
        if (!correct)
          e.errors.push_back(article.file + ": speaker " + s.canonical + " [" + s.speaker + "], expected " + g.speaker +
                             ": " + excerpt(s.begin, s.end));
      } else {
        e.errors.push_back(article.file + ": extra (" + s.canonical + ", " + s.cue + "): " + excerpt(s.begin, s.end));
      }
      if (s.canonical.empty()) ++e.without_speaker;
      for (Counts* c : {&e.all, &by_kind(e, s.kind)}) {
        ++c->predicted;
        c->predicted_correct += correct;
      }
    }
    for (size_t g = 0; g < article.gold.size(); ++g) {
      const GoldStatement& gs = article.gold[g];
      bool found = gold_match[g] >= 0 && fold_name(gs.speaker) == fold_name(predicted[gold_match[g]].canonical);
      for (Counts* c : {&e.all, &by_kind(e, gs.kind)}) {
        ++c->gold;
        c->gold_found += found;
      }
      if (gold_match[g] < 0) e.errors.push_back(article.file + ": missed (" + gs.speaker + "): " + excerpt(gs.begin, gs.end));
    }
  }
  return e;
}

std::string report(const Evaluation& e, bool verbose) {
  std::string out;
  char line[160];
  std::snprintf(line, sizeof line, "%-10s %10s %10s %10s %10s\n", "kind", "precision", "recall", "predicted", "gold");
  out += line;
  auto row = [&](const char* name, const Counts& c) {
    std::snprintf(line, sizeof line, "%-10s %10.3f %10.3f %10d %10d\n", name, c.precision(), c.recall(), c.predicted, c.gold);
    out += line;
  };
  row("direct", e.direct);
  row("reported", e.reported);
  row("mixed", e.mixed);
  row("all", e.all);
  std::snprintf(line, sizeof line, "speaker right where the span matched: %d of %d (%.3f)\n", e.speaker_correct,
                e.span_matches, e.span_matches ? double(e.speaker_correct) / e.span_matches : 1.0);
  out += line;
  std::snprintf(line, sizeof line, "pronoun or surname-only speakers right: %d of %d (%.3f)\n", e.indirect_correct,
                e.indirect_references, e.indirect_references ? double(e.indirect_correct) / e.indirect_references : 1.0);
  out += line;
  std::snprintf(line, sizeof line, "statements without a speaker: %d of %d (%.3f)\n", e.without_speaker, e.all.predicted,
                e.all.predicted ? double(e.without_speaker) / e.all.predicted : 0.0);
  out += line;
  if (verbose)
    for (const auto& err : e.errors) out += "  " + err + "\n";
  return out;
}

}  // namespace attache::evaluation
