// What the built-in model finds in text before the calibrator keeps the likely ones: for tests of
// the rules (who the speaker is, which cues are of saying) that should not hang on where a
// borderline confidence falls after a retraining.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "attache/indexer/attribution_model.h"
#include "attache/indexer/statements.h"
#include "attribution/extraction.h"
#include "found_statements.h"

namespace attache::testing {

inline std::vector<Found> find_unfiltered(std::string_view text) {
  using namespace attache::indexer;
  std::vector<Statement> statements;
  for (auto& c : attribution::extract_candidates(text, AttributionModel::builtin().impl().tagger))
    statements.push_back(std::move(c.statement));
  normalise_speakers(text, statements);
  std::vector<Found> out;
  for (const Statement& s : statements)
    out.push_back({s.speaker, s.canonical, std::string(text.substr(s.begin, s.end - s.begin)), s.cue, s.kind,
                   s.confidence});
  return out;
}

}  // namespace attache::testing
