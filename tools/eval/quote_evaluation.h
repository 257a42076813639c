// Measuring statement attribution against articles labelled inline
// (tests/quotes/eval): precision and recall of (statement, speaker) pairs.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "attache/indexer/attribution_model.h"
#include "attache/indexer/statements.h"

namespace attache::evaluation {

struct GoldStatement {
  uint32_t begin = 0, end = 0;  // bytes in the article text
  std::string speaker;          // canonical
  indexer::StatementKind kind = indexer::StatementKind::reported;
};

struct LabelledArticle {
  std::string file;
  std::string text;
  std::vector<GoldStatement> gold;
};

// Reads one labelled article: ⟦Speaker|d/r/m|text⟧ marks are stripped.
LabelledArticle load_labelled(const std::filesystem::path& file);
// Every .txt file of a directory (not recursive), sorted.
std::vector<LabelledArticle> load_directory(const std::filesystem::path& dir);

struct Counts {
  int predicted = 0, predicted_correct = 0;  // by predicted kind
  int gold = 0, gold_found = 0;              // by gold kind
  // Of nothing, nothing is right: an empty set scores 0, never 1.
  double precision() const { return predicted ? double(predicted_correct) / predicted : 0.0; }
  double recall() const { return gold ? double(gold_found) / gold : 0.0; }
};

struct Evaluation {
  Counts all, direct, reported, mixed;
  int span_matches = 0, speaker_correct = 0;       // among statements whose span matched
  int indirect_references = 0, indirect_correct = 0;  // pronoun or surname-only speakers
  int without_speaker = 0;                          // predicted statements with no resolved speaker
  std::vector<std::string> errors;                  // one line per miss or false statement
};

Evaluation evaluate(const std::vector<LabelledArticle>& articles,
                    const indexer::AttributionModel& model = indexer::AttributionModel::builtin());
std::string report(const Evaluation& e, bool verbose);

}  // namespace attache::evaluation
