// Features of a statement for the calibrator, and fitting it.
#include "calibrator.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace attache::indexer::attribution {
namespace {

float clip(float v, float limit) { return std::max(-limit, std::min(limit, v)); }
float logistic(float z) { return 1.0f / (1.0f + std::exp(-z)); }

constexpr float kMarginRange = 300, kMarginKnee = 30;

}  // namespace

std::vector<float> calibration_features(const StatementEvidence& e) {
  std::vector<float> x;
  x.reserve(64);
  auto flag = [&](bool b) { x.push_back(b ? 1.0f : 0.0f); };
  x.push_back(1.0f);  // bias
  // The tagger's margins run to a few hundred: how far past zero, and which side of it.
  for (float margin : {e.source_margin, e.cue_margin, e.content_margin, std::min({e.source_margin, e.cue_margin, e.content_margin})}) {
    x.push_back(clip(margin, kMarginRange) / kMarginRange);
    x.push_back(std::tanh(margin / kMarginKnee));
  }
  x.push_back(std::log1p(static_cast<float>(e.content_words)) / 3);
  x.push_back(std::log1p(static_cast<float>(e.source_words)) / 2);
  x.push_back(std::log1p(static_cast<float>(e.cue_words)) / 2);
  for (int k = 0; k < 3; ++k) flag(e.kind == k);
  for (int s = 0; s < 6; ++s) flag(e.speaker == s);
  flag(e.relative);
  flag(e.possessive);
  flag(e.lexicon_cue);
  flag(e.said);
  flag(e.inverted);
  x.push_back(std::log1p(static_cast<float>(e.source_cue_gap)) / 2);
  flag(e.content_before && e.content_after);
  flag(e.content_before && !e.content_after);
  flag(e.continuation);
  flag(e.colon);
  flag(e.colon && e.continuation);
  flag(e.content_untagged);
  for (int c = 0; c < static_cast<int>(std::size(kCalibratedCues)); ++c) flag(e.cue_base == c);
  flag(e.source_subject);
  flag(e.cue_modal);
  flag(e.cue_preposition);
  flag(e.content_infinitive);
  flag(e.source_capitalized);
  flag(e.source_digit);
  flag(e.kind == 1 && !e.lexicon_cue);  // reported speech after a verb not of saying
  flag(e.source_definite);
  flag(e.pronoun_body);
  flag(e.speaker_unnamed);
  flag(e.pronoun_contested);
  flag(e.role_inferred);
  flag(e.content_question);
  flag(e.content_words <= 4);  // a few words: a topic ("the decision") more often than what was said
  return x;
}

float Calibrator::probability(const StatementEvidence& e) const {
  const std::vector<float> x = calibration_features(e);  // as many as weights_: parse_calibrator checks
  float z = 0;
  for (size_t i = 0; i < x.size() && i < weights_.size(); ++i) z += weights_[i] * x[i];
  return logistic(z);
}

Calibrator Calibrator::fit(const std::vector<std::vector<float>>& features, const std::vector<bool>& right,
                           float threshold) {
  // Fitted on nothing (no statements came out of the held-out groups), it knows nothing: every
  // statement is as likely right as wrong. Its weights still number the features, so the model
  // it ends can be read back.
  if (features.empty())
    return Calibrator(std::vector<float>(calibration_features(StatementEvidence{}).size(), 0.0f), threshold);
  const size_t n = features.size(), d = features[0].size();
  std::vector<double> w(d, 0.0), gradient(d);
  const double rate = 0.5, l2 = 1e-4;
  for (int iteration = 0; iteration < 2000; ++iteration) {
    std::fill(gradient.begin(), gradient.end(), 0.0);
    for (size_t i = 0; i < n; ++i) {
      double z = 0;
      for (size_t k = 0; k < d; ++k) z += w[k] * features[i][k];
      const double error = 1.0 / (1.0 + std::exp(-z)) - (right[i] ? 1.0 : 0.0);
      for (size_t k = 0; k < d; ++k) gradient[k] += error * features[i][k];
    }
    for (size_t k = 0; k < d; ++k) w[k] -= rate * (gradient[k] / static_cast<double>(n) + l2 * w[k]);
  }
  return Calibrator(std::vector<float>(w.begin(), w.end()), threshold);
}

}  // namespace attache::indexer::attribution
