// How the calibrator's training judges a statement against labels: by the words at the statement
// (PolNeAR), or by the speaker named in full where the labels name one (the hand-listed articles,
// as tools/eval/probes_to_brat.py writes them).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "attache/indexer/statements.h"
#include "polnear.h"
#include "polnear_score.h"

using namespace attache;

namespace {

const std::string kText = "Mr Paisley spoke after Mr Barry. \u201cWe will never accept it,\u201d he said.\n";

// A split of one article whose one attribution has "he" as its source, and, when `speaker` is not
// empty, a note naming who spoke.
evaluation::PolnearArticle article_labelled(const std::string& speaker) {
  const auto split = std::filesystem::temp_directory_path() / ("attache_judge_test_" + std::to_string(speaker.size()));
  std::filesystem::remove_all(split);
  std::filesystem::create_directories(split / "text");
  std::filesystem::create_directories(split / "attributions");
  std::ofstream(split / "text" / "probe_1973-01-01_e1.txt") << kText;
  // Code points: the quotation's words 34..58, "he" 60..62, "said" 63..67.
  std::ofstream ann(split / "attributions" / "probe_1973-01-01_e1_gold.ann");
  ann << "T1\tContent 34 58\tWe will never accept it,\n"
      << "T2\tSource 60 62\the\n"
      << "T3\tCue 63 67\tsaid\n"
      << "E1\tContent:T1 Source:T2 Cue:T3\n";
  if (!speaker.empty()) ann << "#1\tAnnotatorNotes E1\tspeaker: " << speaker << "\n";
  ann << "#2\tAnnotatorNotes T1\tan annotator's remark, no speaker\n";
  ann.close();
  auto articles = evaluation::load_polnear(split);
  std::filesystem::remove_all(split);
  REQUIRE(articles.size() == 1);
  return articles[0];
}

indexer::Statement said_by(const std::string& canonical) {
  indexer::Statement s;
  s.speaker = "he";
  s.canonical = canonical;
  s.begin = static_cast<uint32_t>(kText.find("We will"));
  s.end = static_cast<uint32_t>(kText.find(",\u201d"));
  return s;
}

}  // namespace

TEST_CASE("a speaker named in the labels judges whom a pronoun was resolved to") {
  const evaluation::PolnearArticle named = article_labelled("Ian Paisley");
  REQUIRE(named.example.attributions.size() == 1);
  CHECK(named.example.attributions[0].speaker == "Ian Paisley");
  CHECK(evaluation::judge_statement(named.example, said_by("Ian Paisley")) == evaluation::Verdict::right);
  CHECK(evaluation::judge_statement(named.example, said_by("Peter Barry")) == evaluation::Verdict::wrong_speaker);
  // Honorifics and an office's words tell no one from another, as in score_probe.py.
  const evaluation::PolnearArticle sir = article_labelled("Sir Pierson Dixon");
  CHECK(evaluation::judge_statement(sir.example, said_by("Sir Alan Duncan")) == evaluation::Verdict::wrong_speaker);
  const evaluation::PolnearArticle office = article_labelled("Foreign Minister Abba Eban");
  CHECK(evaluation::judge_statement(office.example, said_by("Foreign Minister Andrei Gromyko")) ==
        evaluation::Verdict::wrong_speaker);
  // PolNeAR names no one: "he" is right as "he", whoever it was resolved to.
  const evaluation::PolnearArticle words_only = article_labelled("");
  CHECK(words_only.example.attributions[0].speaker.empty());  // an annotator's remark names no one
  CHECK(evaluation::judge_statement(words_only.example, said_by("Peter Barry")) == evaluation::Verdict::right);
}
