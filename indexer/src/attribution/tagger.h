// The learned part of attribution: a linear sequence labeller that marks each
// word as part of a statement's source, cue or content (PolNeAR's labels), and
// the features it sees. Weights are hashed features, one row per feature hash.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "attache/indexer/attribution_model.h"
#include "calibrator.h"
#include "words.h"

namespace attache::indexer::attribution {

// BIO labels: a span starts with B_ and goes on with I_.
enum Label : uint8_t { O, B_SOURCE, I_SOURCE, B_CUE, I_CUE, B_CONTENT, I_CONTENT };
constexpr int kLabels = 7;

enum class Part : uint8_t { none, source, cue, content };
inline Part part_of(uint8_t label) {
  return label == O ? Part::none : label <= I_SOURCE ? Part::source : label <= I_CUE ? Part::cue : Part::content;
}

// The feature hashes of every word of a stream, computed once per article.
struct WordFeatures {
  std::vector<uint32_t> offsets;  // word w's features are hashes[offsets[w] .. offsets[w + 1])
  std::vector<uint32_t> hashes;   // already reduced to the model's rows
};

// What the tagger reads: runs of sentences, within a paragraph, that hold a
// quotation mark, a colon, a reporting cue or quoted words, or follow a colon.
// Attributions lie there, and skipping the rest keeps indexing fast.
struct Sequence {
  uint32_t first = 0, end = 0;  // word range
};
std::vector<Sequence> tagged_sequences(const WordStream& stream);

// Features of the words of the sequences; the rest get none.
WordFeatures extract_features(const WordStream& stream, const std::vector<Sequence>& sequences, uint32_t row_bits);

using Transitions = std::array<float, (kLabels + 1) * kLabels>;  // previous label (kLabels = start) × label
using EmissionRow = std::array<float, kLabels>;
using Emissions = std::vector<EmissionRow>;

// The best label sequence under emissions and transitions, and each word's
// margin (its label's emission over the best other label's).
void viterbi(std::span<const EmissionRow> emissions, const Transitions& transitions, std::vector<uint8_t>& labels,
             std::vector<float>& margins);

// A tagger's weights and transitions. A first tagger scores words alone; a second
// (stacked) one adds its scores to a first's: its emissions and transitions are
// corrections to the first's, over features of the first's labels only.
class TaggerModel {
 public:
  // Reads a serialised tagger from the front of bytes (the format is in
  // indexer/data/README.md) and says how many bytes it took; throws
  // attache::Error (invalid_input) naming what is wrong.
  static TaggerModel parse(std::string_view bytes, const std::string& origin, size_t& used);
  // Whether bytes open with a serialised tagger, first or second.
  static bool begins(std::string_view bytes);
  std::string serialise() const;

  uint32_t row_bits() const { return row_bits_; }
  bool stacked() const { return stacked_; }
  const Transitions& transitions() const { return transitions_; }
  // Adds the model's scores of the features of words [first, end) to emissions[first .. end).
  void add_emissions(const WordFeatures& features, uint32_t first, uint32_t end, Emissions& emissions) const;

 private:
  friend class TaggerTrainer;
  static constexpr int kRowWidth = 8;  // labels padded, so a row is 16 aligned bytes
  uint32_t row_bits_ = 0;
  bool stacked_ = false;
  std::vector<int16_t> rows_;  // rows × kRowWidth, each times scale_
  float scale_ = 1;
  Transitions transitions_{};
};

// Labels the words of the sequences by emissions (a row per word of the stream) and
// transitions; O with margin 0 elsewhere.
void decode_sequences(const Emissions& emissions, const Transitions& transitions, const std::vector<Sequence>& sequences,
                      std::vector<uint8_t>& labels, std::vector<float>& margins);

// A first tagger's emissions of the words of the sequences (zero elsewhere), and its labels.
void first_pass(const TaggerModel& model, const WordFeatures& features, const std::vector<Sequence>& sequences,
                Emissions& emissions, std::vector<uint8_t>& labels, std::vector<float>& margins);

// The second pass's features (stacking, stacked_features.cc): the labels a first tagger
// gave around each word, in its sentence, its quotation and the sentences beside it.
WordFeatures stack_features(const WordStream& stream, const std::vector<Sequence>& sequences,
                            const std::vector<uint8_t>& first_labels, uint32_t row_bits);

// The tagger the extractor runs: one model, or a first and a second that corrects the
// first's scores from the first's labels (both of the same row bits).
class Tagger {
 public:
  explicit Tagger(TaggerModel first, std::optional<TaggerModel> second = std::nullopt);
  void label(const WordStream& stream, std::vector<uint8_t>& labels, std::vector<float>& margins) const;
  const TaggerModel& first() const { return first_; }
  const std::optional<TaggerModel>& second() const { return second_; }

 private:
  TaggerModel first_;
  std::optional<TaggerModel> second_;
  Transitions both_transitions_{};  // the first's plus the second's
};

// Averaged structured perceptron over labelled sequences (Collins 2002). A stacked
// trainer learns corrections: each sequence comes with a first tagger's emissions and
// transitions, which its own scores are added to.
class TaggerTrainer {
 public:
  explicit TaggerTrainer(uint32_t row_bits, bool stacked = false);
  void learn(const WordFeatures& features, uint32_t first, uint32_t end, const std::vector<uint8_t>& gold);
  // For a stacked trainer: first_emissions are rows [first, end) of the stream's.
  void learn(const WordFeatures& features, uint32_t first, uint32_t end, const std::vector<uint8_t>& gold,
             const Emissions& first_emissions, const Transitions& first_transitions);
  // The averaged model.
  TaggerModel finish() const;

 private:
  void learn_from(const WordFeatures& features, uint32_t first, uint32_t end, const std::vector<uint8_t>& gold,
                  const Transitions& transitions);
  uint32_t row_bits_;
  bool stacked_;
  std::vector<float> weights_, weight_sums_;  // rows × kLabels
  Transitions transitions_{}, transition_sums_{};
  double step_ = 1;
  Emissions emissions_;
  std::vector<uint8_t> predicted_;
  std::vector<float> margins_;
};

}  // namespace attache::indexer::attribution

namespace attache::indexer {
struct AttributionModel::Impl {
  attribution::Tagger tagger;
  attribution::Calibrator calibrator;
};
}  // namespace attache::indexer
