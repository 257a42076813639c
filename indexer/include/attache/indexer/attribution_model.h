// The learned part of statement attribution, for the tools that train and
// evaluate it: examples labelled the way PolNeAR labels them (a source, a cue
// and content, each one or more byte spans), training, and models read from
// files in place of the built-in one.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "attache/indexer/statements.h"

namespace attache::indexer {

using ByteSpans = std::vector<std::pair<uint32_t, uint32_t>>;

struct LabelledAttribution {
  ByteSpans source, cue, content;
  std::string speaker;  // who spoke, named in full, where the labels say (hand-listed articles; PolNeAR does not)
};

struct AttributionExample {
  std::string name;   // for messages
  std::string group;  // cross-validation keeps a group's examples together (PolNeAR: the publisher)
  std::string text;
  std::vector<LabelledAttribution> attributions;
};

struct TrainingOptions {
  uint32_t epochs = 8;
  uint32_t row_bits = 16;  // the model holds 2^row_bits feature rows
  uint64_t seed = 1;       // the order examples are seen in, per epoch
  float threshold = 0.5f;  // statements the calibrator gives less are not kept
  bool stacked = true;     // a second tagger that reads the first's labels (needs two groups or more)
};

struct TrainingReport {
  uint64_t words = 0, tagged_words = 0;              // tagged: in paragraphs the tagger reads
  uint64_t content_words = 0, content_words_tagged = 0;
  uint64_t calibration_statements = 0, calibration_right = 0;  // extracted from groups not trained on
};

// Whether a statement extracted from examples[i] is right (the caller's scoring rules).
using StatementJudge = std::function<bool(size_t example, const Statement& statement)>;

// Trains a model deterministically (same examples and options, same bytes):
// the taggers on every example (the second on the labels the first gives each
// group when trained without it), and the calibrator on what taggers trained
// without each group extract from that group, as judged.
std::string train_attribution_model(const std::vector<AttributionExample>& examples, const TrainingOptions& options,
                                    const StatementJudge& judge, TrainingReport& report);

class AttributionModel {
 public:
  // Reads a model file; throws attache::Error naming the file and the problem.
  static AttributionModel load(const std::string& path);
  static const AttributionModel& builtin();
  ~AttributionModel();
  AttributionModel(AttributionModel&&) noexcept;
  AttributionModel& operator=(AttributionModel&&) noexcept;

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  explicit AttributionModel(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

std::vector<Statement> extract_statements(std::string_view text, const AttributionModel& model);

}  // namespace attache::indexer
