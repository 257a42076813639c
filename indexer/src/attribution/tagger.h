// The learned part of attribution: a linear sequence labeller that marks each
// word as part of a statement's source, cue or content (PolNeAR's labels), and
// the features it sees. Weights are hashed features, one row per feature hash.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
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
using Emissions = std::vector<std::array<float, kLabels>>;

// The best label sequence under emissions and transitions, and each word's
// margin (its label's emission over the best other label's).
void viterbi(const Emissions& emissions, const Transitions& transitions, std::vector<uint8_t>& labels,
             std::vector<float>& margins);

class TaggerModel {
 public:
  // Reads a serialised tagger from the front of bytes (the format is in
  // indexer/data/README.md) and says how many bytes it took; throws
  // attache::Error (invalid_input) naming what is wrong.
  static TaggerModel parse(std::string_view bytes, const std::string& origin, size_t& used);
  // Whether bytes open with a serialised tagger (the second of a stacked model).
  static bool begins(std::string_view bytes);
  std::string serialise() const;

  uint32_t row_bits() const { return row_bits_; }
  void decode(const WordFeatures& features, uint32_t first, uint32_t end, std::vector<uint8_t>& labels,
              std::vector<float>& margins) const;

 private:
  friend class TaggerTrainer;
  static constexpr int kRowWidth = 8;  // labels padded, so a row is 16 aligned bytes
  uint32_t row_bits_ = 0;
  std::vector<int16_t> rows_;  // rows × kRowWidth, each times scale_
  float scale_ = 1;
  Transitions transitions_{};
};

// Labels the words of the sequences with model; O with margin 0 elsewhere.
void label_sequences(const TaggerModel& model, const WordFeatures& features, const std::vector<Sequence>& sequences,
                     std::vector<uint8_t>& labels, std::vector<float>& margins);

// The second pass's features (stacking, stacked_features.cc): each word's own, and the
// labels a first tagger gave around it, in its sentence, its quotation and the sentences
// beside it.
WordFeatures stack_features(const WordStream& stream, const std::vector<Sequence>& sequences, const WordFeatures& base,
                            const std::vector<uint8_t>& first_labels, uint32_t row_bits);

// The tagger the extractor runs: one model, or a first and a second that reads the first's
// labels (both of the same row bits).
class Tagger {
 public:
  explicit Tagger(TaggerModel first, std::optional<TaggerModel> second = std::nullopt);
  void label(const WordStream& stream, std::vector<uint8_t>& labels, std::vector<float>& margins) const;
  const TaggerModel& first() const { return first_; }
  const std::optional<TaggerModel>& second() const { return second_; }

 private:
  TaggerModel first_;
  std::optional<TaggerModel> second_;
};

// Averaged structured perceptron over labelled sequences (Collins 2002).
class TaggerTrainer {
 public:
  explicit TaggerTrainer(uint32_t row_bits);
  void learn(const WordFeatures& features, uint32_t first, uint32_t end, const std::vector<uint8_t>& gold);
  // The averaged model.
  TaggerModel finish() const;

 private:
  uint32_t row_bits_;
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
