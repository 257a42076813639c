// The learned part of attribution: a linear sequence labeller that marks each
// word as part of a statement's source, cue or content (PolNeAR's labels), and
// the features it sees. Weights are hashed features, one row per feature hash.
#pragma once

#include <array>
#include <cstdint>
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

// Paragraphs the tagger reads: those with a quotation mark or a reporting cue.
// The rest cannot hold an attribution of their own, and skipping them keeps
// indexing fast.
struct Sequence {
  uint32_t first = 0, end = 0;  // word range
};
std::vector<Sequence> tagged_sequences(const WordStream& stream);

WordFeatures extract_features(const WordStream& stream, uint32_t row_bits);

class TaggerModel {
 public:
  TaggerModel() = default;
  // Reads a serialised tagger from the front of bytes (the format is in
  // indexer/data/README.md) and says how many bytes it took; throws
  // attache::Error (invalid_input) naming what is wrong.
  static TaggerModel parse(std::string_view bytes, const std::string& origin, size_t& used);

  uint32_t row_bits() const { return row_bits_; }
  std::string serialise() const;
  // Best label sequence of words [first, end) and each word's margin (its
  // label's score over the best other label's).
  void decode(const WordFeatures& features, uint32_t first, uint32_t end, std::vector<uint8_t>& labels,
              std::vector<float>& margins) const;

 private:
  friend class TaggerTrainer;
  uint32_t row_bits_ = 0;
  std::vector<float> weights_;  // rows × kLabels
  float scale_ = 1;             // of the serialised weights (i16 × scale)
  std::array<float, (kLabels + 1) * kLabels> transitions_{};  // previous label (kLabels = start) × label
};

// Averaged structured perceptron over labelled sequences.
class TaggerTrainer {
 public:
  explicit TaggerTrainer(uint32_t row_bits);
  void learn(const WordFeatures& features, uint32_t first, uint32_t end, const std::vector<uint8_t>& gold);
  // The averaged model.
  TaggerModel finish() const;

 private:
  TaggerModel model_;
  std::vector<float> weight_sums_;
  std::array<float, (kLabels + 1) * kLabels> transition_sums_{};
  double step_ = 1;
  std::vector<uint8_t> predicted_;
  std::vector<float> margins_;
};

}  // namespace attache::indexer::attribution

namespace attache::indexer {
struct AttributionModel::Impl {
  attribution::TaggerModel tagger;
  attribution::Calibrator calibrator;
};
}  // namespace attache::indexer
