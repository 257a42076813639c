// Scoring extracted statements against PolNeAR the way the acceptance scorer
// (../shared/polnear/score.py) does: a statement matches an attribution when
// their spans overlap by at least half of the shorter and the speaker (as
// written or canonical) shares a word with the annotated source; gold
// statements are attributions with a source whose cue is a speech cue or whose
// content is a quotation.
#pragma once

#include <string>
#include <vector>

#include "attache/indexer/attribution_model.h"
#include "polnear.h"

namespace attache::evaluation {

enum class Verdict { none, no_source, wrong_speaker, right };

// The best verdict of a statement over an article's attributions. PolNeAR marks
// "who" in "Podesta, who said" as the source, which score.py can never match;
// with relative_source_resolved, a statement there counts as right when its
// speaker names someone (its antecedent), as training the calibrator wants.
Verdict judge_statement(const indexer::AttributionExample& article, const indexer::Statement& statement,
                        bool relative_source_resolved = false);

struct PolnearScore {
  int extracted = 0, right = 0, ignored = 0;  // ignored: overlaps only attributions without a source
  int gold = 0, found = 0;                    // gold statements and those some right statement matched
  int gold_quoted = 0, found_quoted = 0;      // of them, content opening with a quotation mark
  int span_matched = 0;                       // extracted statements overlapping some attribution
  int speaker_right = 0;                      // ... whose speaker is right
  int confident = 0, confident_right = 0;     // confidence at least 0.8
  std::vector<std::string> errors;            // one line per miss or wrong statement
  double precision() const { return extracted - ignored ? double(right) / (extracted - ignored) : 0; }
  double recall() const { return gold ? double(found) / gold : 0; }
};

PolnearScore score_polnear(const std::vector<PolnearArticle>& articles, const indexer::AttributionModel& model);
std::string report(const PolnearScore& s);

}  // namespace attache::evaluation
