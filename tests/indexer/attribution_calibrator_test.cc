// What the calibrator reads of a statement, and what it makes of it.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "attache/indexer/attribution_model.h"
#include "attribution/calibrator.h"
#include "attribution/extraction.h"
#include "attribution/tagger.h"

using namespace attache::indexer;
using attribution::Calibrator;
using attribution::StatementEvidence;

namespace {

std::vector<attribution::Candidate> candidates(const std::string& text) {
  return attribution::extract_candidates(text, AttributionModel::builtin().impl().tagger);
}

const attribution::Candidate* saying(const std::string& text, const std::vector<attribution::Candidate>& all,
                                     const std::string& words) {
  for (const attribution::Candidate& c : all)
    if (text.substr(c.statement.begin, c.statement.end - c.statement.begin).find(words) != std::string::npos) return &c;
  return nullptr;
}

}  // namespace

TEST_CASE("the tagger's margins run to hundreds, and the calibrator tells a margin of 50 from one of 200") {
  StatementEvidence unsure, sure;
  unsure.source_margin = unsure.cue_margin = unsure.content_margin = 50;
  sure.source_margin = sure.cue_margin = sure.content_margin = 200;
  CHECK(attribution::calibration_features(unsure) != attribution::calibration_features(sure));
  // Fitted where the sure are right and the unsure wrong, it believes the sure more.
  std::vector<std::vector<float>> features;
  std::vector<bool> right;
  for (int i = 0; i < 20; ++i) {
    features.push_back(attribution::calibration_features(i % 2 ? sure : unsure));
    right.push_back(i % 2);
  }
  const Calibrator fitted = Calibrator::fit(features, right, 0.5f);
  CHECK(fitted.probability(sure) > fitted.probability(unsure) + 0.5f);
}

TEST_CASE("the calibrator is told what the speaker's resolution leaves in doubt") {
  const std::string text =
      "Chancellor Helmut Kohl met President Francois Mitterrand in Bonn on Tuesday. “We agree on the essentials,” he "
      "said.\n\nThe talks went on into the night, and the Foreign Ministry issued a statement. “Both sides want a treaty "
      "by the summer,” it said.\n\nJacques Delors arrived alone on Wednesday. “The Commission is ready,” he said.";
  const auto all = candidates(text);
  const attribution::Candidate* contested = saying(text, all, "We agree");
  const attribution::Candidate* body = saying(text, all, "Both sides");
  const attribution::Candidate* alone = saying(text, all, "The Commission is ready");
  REQUIRE(contested);
  REQUIRE(body);
  REQUIRE(alone);
  CHECK(contested->evidence.pronoun_contested);  // Kohl or Mitterrand
  CHECK_FALSE(alone->evidence.pronoun_contested);  // Delors, named alone in the sentence before
  CHECK(body->evidence.pronoun_body);
  CHECK_FALSE(contested->evidence.pronoun_body);
  CHECK_FALSE(contested->evidence.content_question);
}

TEST_CASE("the calibrator is told of a role given to whom the context points, and of a question's content") {
  const std::string text =
      "Vladimir Putin did not disappoint. After three hours of talks, the Russian president told reporters that "
      "the West had ignored Moscow for years.\n\nDmitry Peskov, the Kremlin spokesman, said that the talks would go "
      "on. Mr. Peskov told reporters whether a second meeting was planned would be decided in the spring.";
  const auto all = candidates(text);
  const attribution::Candidate* inferred = saying(text, all, "the West had ignored");
  const attribution::Candidate* introduced = saying(text, all, "the talks would go on");
  const attribution::Candidate* question = saying(text, all, "a second meeting");
  REQUIRE(inferred);
  REQUIRE(introduced);
  REQUIRE(question);
  CHECK(inferred->evidence.role_inferred);
  CHECK(inferred->evidence.source_definite);
  CHECK_FALSE(introduced->evidence.role_inferred);
  CHECK(question->evidence.content_question);
  CHECK_FALSE(introduced->evidence.content_question);
}
