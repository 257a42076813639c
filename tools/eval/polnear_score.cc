// The rules of ../shared/polnear/score.py, in C++ for training and for
// attache-quote-eval; the Python scorer stays the reference.
#include "polnear_score.h"

#include <utf8proc.h>

#include <cstdio>
#include <regex>
#include <set>

namespace attache::evaluation {
namespace {

const std::regex& speech_cue() {
  static const std::regex r(
      R"(\b(say|says|said|saying|tell|tells|told|telling|add|adds|added|adding|continu\w*|stat\w*|)"
      R"(announc\w*|claim\w*|insist\w*|argu\w*|warn\w*|not(e|ed|es|ing)|explain\w*|ask\w*|)"
      R"(writ\w*|wrote|tweet\w*|respond\w*|repl\w*|according|declar\w*|suggest\w*|acknowledg\w*|)"
      R"(admit\w*|den(y|ies|ied|ying)|confirm\w*|call\w*|describ\w*|urg\w*|promis\w*|pledg\w*|)"
      R"(vow\w*|stress\w*|emphasi\w*|reiterat\w*|predict\w*|comment\w*|remark\w*|accus\w*|)"
      R"(charg\w*|report\w*|testif\w*|recall\w*|boast\w*|complain\w*|conced\w*|contend\w*|)"
      R"(assert\w*|maintain\w*|point\w* out|put it|quip\w*|joke\w*|mus\w*|sa(y|id) in|)"
      R"(told|interview|statement|speech|remarks|tweet|post\w*|blast\w*|slam\w*|attack\w*|)"
      R"(criticiz\w*|prais\w*|thank\w*|reveal\w*|disclos\w*|predict\w*|promis\w*|threat\w*)\b)");
  return r;
}

const std::set<std::string> kStop = {"the", "a", "an", "of", "mr", "ms", "mrs", "dr", "sen", "rep", "gov", "for",
                                     "and", "to", "in", "at", "on", "s", "who", "with", "by", "former", "said",
                                     "his", "her", "its", "their", "that", "this"};
// A speaker named in full is judged as tools/eval/score_probe.py judges it: honorifics and the words
// of an office ("Foreign Minister") tell no one from another.
const std::set<std::string> kNameStop = [] {
  std::set<std::string> out = kStop;
  out.insert({"herr", "m", "mme", "gen", "sir", "lord", "president", "minister", "foreign"});
  return out;
}();

std::string fold(const std::string& s) {
  utf8proc_uint8_t* out = nullptr;
  auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
                        &out, static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD));
  std::string folded = n >= 0 ? std::string(reinterpret_cast<char*>(out), static_cast<size_t>(n)) : s;
  std::free(out);
  return folded;
}

std::set<std::string> words(const std::string& s, const std::set<std::string>& stop = kStop) {
  std::set<std::string> out;
  std::string f = fold(s), w;
  for (char c : f + " ") {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      w += c;
    } else if (!w.empty()) {
      if (!stop.count(w)) out.insert(w);
      w.clear();
    }
  }
  return out;
}

std::string joined(const std::string& text, const indexer::ByteSpans& spans) {
  std::string out;
  for (const auto& [a, b] : spans) {
    if (!out.empty()) out += ' ';
    out.append(text, a, b - a);
  }
  return out;
}

uint32_t overlap(uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1) {
  return std::min(a1, b1) > std::max(a0, b0) ? std::min(a1, b1) - std::max(a0, b0) : 0;
}

Verdict verdict(const std::string& text, const indexer::LabelledAttribution& g, const indexer::Statement& s) {
  uint32_t shared = 0, length = 0;
  for (const auto& [a, b] : g.content) {
    shared += overlap(s.begin, s.end, a, b);
    length += b - a;
  }
  // score.py counts code points; bytes differ only where spans hold non-ASCII text.
  if (shared * 2 < std::min(s.end - s.begin, length)) return Verdict::none;
  // Labels that name the speaker judge the speaker found, not the words at the statement ("he" is
  // right only for the person it stands for), as score_probe.py does.
  if (g.source.empty() && g.speaker.empty()) return Verdict::no_source;
  const std::set<std::string>& stop = g.speaker.empty() ? kStop : kNameStop;
  std::set<std::string> said = words(s.speaker + " " + s.canonical, stop),
                        source = g.speaker.empty() ? words(joined(text, g.source)) : words(g.speaker, stop);
  for (const auto& w : said)
    if (source.count(w)) return Verdict::right;
  return Verdict::wrong_speaker;
}

bool speech(const std::string& text, const indexer::LabelledAttribution& g) {
  if (g.source.empty()) return false;
  std::string content = joined(text, g.content);
  size_t start = content.find_first_not_of(" \n\t");
  bool quoted = start != std::string::npos &&
                (content[start] == '"' || content[start] == '\'' || content.compare(start, 3, "\u201c") == 0 ||
                 content.compare(start, 3, "\u2018") == 0);
  return quoted || std::regex_search(fold(joined(text, g.cue)), speech_cue());
}

}  // namespace

Verdict judge_statement(const indexer::AttributionExample& article, const indexer::Statement& statement,
                        bool relative_source_resolved) {
  Verdict best = Verdict::none;
  for (const auto& g : article.attributions) {
    Verdict v = verdict(article.text, g, statement);
    const std::string source = fold(joined(article.text, g.source));
    if (v == Verdict::wrong_speaker && relative_source_resolved && g.speaker.empty() && (source == "who" || source == "which") &&
        !words(statement.canonical).empty())
      v = Verdict::right;
    best = std::max(best, v);
  }
  return best;
}

PolnearScore score_polnear(const std::vector<PolnearArticle>& articles, const indexer::AttributionModel& model) {
  PolnearScore score;
  for (const PolnearArticle& a : articles) {
    const auto& ex = a.example;
    std::vector<indexer::Statement> statements = indexer::extract_statements(ex.text, model);
    std::vector<bool> hit(ex.attributions.size(), false);
    for (const auto& s : statements) {
      score.extracted += 1;
      Verdict best = Verdict::none;
      for (size_t i = 0; i < ex.attributions.size(); ++i) {
        Verdict v = verdict(ex.text, ex.attributions[i], s);
        if (v == Verdict::right) hit[i] = true;
        best = std::max(best, v);
      }
      if (best == Verdict::no_source) {
        score.ignored += 1;
        continue;
      }
      score.right += best == Verdict::right;
      score.span_matched += best >= Verdict::wrong_speaker;
      score.speaker_right += best == Verdict::right;
      if (s.confidence >= 0.8f) {
        score.confident += 1;
        score.confident_right += best == Verdict::right;
      }
      if (best != Verdict::right)
        score.errors.push_back(ex.name + ": " + (best == Verdict::wrong_speaker ? "wrong speaker" : "no such attribution") +
                               ": '" + s.speaker + "' (" + s.canonical + ") '" + ex.text.substr(s.begin, std::min<uint32_t>(90, s.end - s.begin)) + "'");
    }
    for (size_t i = 0; i < ex.attributions.size(); ++i) {
      const auto& g = ex.attributions[i];
      if (!speech(ex.text, g)) continue;
      std::string content = joined(ex.text, g.content);
      bool quoted = content.find_first_not_of(" \n") != std::string::npos &&
                    std::string("\"'\xe2").find(content[content.find_first_not_of(" \n")]) != std::string::npos;
      score.gold += 1;
      score.found += hit[i];
      score.gold_quoted += quoted;
      score.found_quoted += quoted && hit[i];
      if (!hit[i])
        score.errors.push_back(ex.name + ": missed [" + joined(ex.text, g.source).substr(0, 40) + "] '" +
                               joined(ex.text, g.cue) + "': '" + content.substr(0, 90) + "'");
    }
  }
  return score;
}

std::string report(const PolnearScore& s) {
  char line[512];
  auto ratio = [](int a, int b) { return b ? double(a) / b : 0.0; };
  std::snprintf(line, sizeof line,
                "gold statements %d, extracted %d (%d overlap only attributions without a source)\n"
                "precision %.3f  recall %.3f  F1 %.3f\n"
                "recall of quotations %.3f (%d), of reported speech %.3f (%d)\n"
                "speaker right where the span matched: %d of %d (%.3f)\n"
                "confidence >= 0.8: %d statements, %.3f right\n",
                s.gold, s.extracted, s.ignored, s.precision(), s.recall(),
                s.precision() + s.recall() ? 2 * s.precision() * s.recall() / (s.precision() + s.recall()) : 0.0,
                ratio(s.found_quoted, s.gold_quoted), s.gold_quoted, ratio(s.found - s.found_quoted, s.gold - s.gold_quoted),
                s.gold - s.gold_quoted, s.speaker_right, s.span_matched, ratio(s.speaker_right, s.span_matched),
                s.confident, ratio(s.confident_right, s.confident));
  return line;
}

}  // namespace attache::evaluation
