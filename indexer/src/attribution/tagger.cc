// Decoding (Viterbi over first-order label transitions), the tagger's bytes,
// and training by the averaged structured perceptron.
#include "tagger.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "attache/storage/error.h"

namespace attache::indexer::attribution {
namespace {

constexpr char kFirstMagic[8] = {'A', 'T', 'T', 'A', 'G', 'G', 'E', '1'};
constexpr char kStackedMagic[8] = {'A', 'T', 'T', 'A', 'G', 'S', 'T', '2'};
constexpr uint32_t kMaxRowBits = 24;

template <typename T>
void put(std::string& out, T value) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  out.append(bytes, sizeof(T));
}

}  // namespace

// The forward pass keeps only each label's best score, without branches; the
// way back recomputes, for the one label chosen at each word, which label led
// to it (the first best, as a forward argmax would pick).
void viterbi(std::span<const EmissionRow> emissions, const Transitions& transitions, std::vector<uint8_t>& labels,
             std::vector<float>& margins) {
  const size_t n = emissions.size();
  labels.assign(n, O);
  margins.assign(n, 0);
  if (n == 0) return;
  thread_local std::vector<std::array<float, kLabels>> best;
  best.resize(n);
  for (int l = 0; l < kLabels; ++l) best[0][l] = emissions[0][l] + transitions[kLabels * kLabels + l];
  for (size_t i = 1; i < n; ++i) {
    const std::array<float, kLabels>& previous = best[i - 1];
    for (int l = 0; l < kLabels; ++l) {
      float top = previous[0] + transitions[l];
      for (int p = 1; p < kLabels; ++p) top = std::max(top, previous[p] + transitions[p * kLabels + l]);
      best[i][l] = top + emissions[i][l];
    }
  }
  auto first_best = [](auto score) {
    uint8_t arg = 0;
    float top = score(0);
    for (int k = 1; k < kLabels; ++k)
      if (float v = score(k); v > top) top = v, arg = static_cast<uint8_t>(k);
    return arg;
  };
  uint8_t l = first_best([&](int k) { return best[n - 1][k]; });
  for (size_t i = n; i-- > 0;) {
    labels[i] = l;
    if (i > 0) l = first_best([&](int p) { return best[i - 1][p] + transitions[p * kLabels + labels[i]]; });
  }
  for (size_t i = 0; i < n; ++i) {
    float other = -std::numeric_limits<float>::infinity();
    for (int k = 0; k < kLabels; ++k)
      if (k != labels[i]) other = std::max(other, emissions[i][k]);
    margins[i] = emissions[i][labels[i]] - other;
  }
}

// Layout: magic (a first's or a stacked one's), row bits (u32), label count
// (u32), scale (f32), the transitions ((labels + 1) × labels f32, the last row
// from the start), then rows × labels weights as i16, each times scale.
// Little-endian.
TaggerModel TaggerModel::parse(std::string_view bytes, const std::string& origin, size_t& used) {
  auto fail = [&](const std::string& why) {
    return Error(ErrorKind::invalid_input, origin + ": not an attribution model: " + why);
  };
  const size_t header = sizeof(kFirstMagic) + 12 + sizeof(float) * Transitions().size();
  if (bytes.size() < header || !begins(bytes)) throw fail("no header");
  uint32_t row_bits, labels;
  float scale;
  const char* p = bytes.data() + sizeof(kFirstMagic);
  std::memcpy(&row_bits, p, 4);
  std::memcpy(&labels, p + 4, 4);
  std::memcpy(&scale, p + 8, 4);
  p += 12;
  if (labels != kLabels) throw fail("it has " + std::to_string(labels) + " labels, not " + std::to_string(kLabels));
  if (row_bits == 0 || row_bits > kMaxRowBits) throw fail("row bits " + std::to_string(row_bits));
  const size_t rows = size_t{1} << row_bits;
  if (bytes.size() - header < rows * kLabels * sizeof(int16_t)) throw fail("it is shorter than its rows");
  used = header + rows * kLabels * sizeof(int16_t);
  TaggerModel m;
  m.row_bits_ = row_bits;
  m.stacked_ = std::memcmp(bytes.data(), kStackedMagic, sizeof(kStackedMagic)) == 0;
  m.scale_ = scale;
  std::memcpy(m.transitions_.data(), p, sizeof(float) * m.transitions_.size());
  p += sizeof(float) * m.transitions_.size();
  m.rows_.assign(rows * kRowWidth, 0);
  for (size_t r = 0; r < rows; ++r)
    std::memcpy(&m.rows_[r * kRowWidth], p + r * kLabels * sizeof(int16_t), kLabels * sizeof(int16_t));
  return m;
}

bool TaggerModel::begins(std::string_view bytes) {
  return bytes.size() >= sizeof(kFirstMagic) && (std::memcmp(bytes.data(), kFirstMagic, sizeof(kFirstMagic)) == 0 ||
                                                 std::memcmp(bytes.data(), kStackedMagic, sizeof(kStackedMagic)) == 0);
}

std::string TaggerModel::serialise() const {
  std::string out(stacked_ ? kStackedMagic : kFirstMagic, sizeof(kFirstMagic));
  put<uint32_t>(out, row_bits_);
  put<uint32_t>(out, kLabels);
  put<float>(out, scale_);
  for (float t : transitions_) put<float>(out, t);
  for (size_t r = 0; r < rows_.size() / kRowWidth; ++r)
    for (int l = 0; l < kLabels; ++l) put<int16_t>(out, rows_[r * kRowWidth + l]);
  return out;
}

void TaggerModel::add_emissions(const WordFeatures& features, uint32_t first, uint32_t end, Emissions& emissions) const {
  for (uint32_t i = first; i < end; ++i) {
    // The rows are scattered over megabytes: ask for the next word's while adding this one's.
    if (i + 1 < end)
      for (uint32_t f = features.offsets[i + 1]; f < features.offsets[i + 2]; ++f)
        __builtin_prefetch(&rows_[size_t{features.hashes[f]} * kRowWidth]);
    std::array<int32_t, kRowWidth> sum{};
    for (uint32_t f = features.offsets[i]; f < features.offsets[i + 1]; ++f) {
      const int16_t* row = &rows_[size_t{features.hashes[f]} * kRowWidth];
      for (int l = 0; l < kRowWidth; ++l) sum[l] += row[l];
    }
    for (int l = 0; l < kLabels; ++l) emissions[i][l] += static_cast<float>(sum[l]) * scale_;
  }
}

void decode_sequences(const Emissions& emissions, const Transitions& transitions, const std::vector<Sequence>& sequences,
                      std::vector<uint8_t>& labels, std::vector<float>& margins) {
  labels.assign(emissions.size(), O);
  margins.assign(emissions.size(), 0);
  thread_local std::vector<uint8_t> part_labels;
  thread_local std::vector<float> part_margins;
  for (const Sequence& s : sequences) {
    viterbi(std::span(emissions).subspan(s.first, s.end - s.first), transitions, part_labels, part_margins);
    std::copy(part_labels.begin(), part_labels.end(), labels.begin() + s.first);
    std::copy(part_margins.begin(), part_margins.end(), margins.begin() + s.first);
  }
}

void first_pass(const TaggerModel& model, const WordFeatures& features, const std::vector<Sequence>& sequences,
                Emissions& emissions, std::vector<uint8_t>& labels, std::vector<float>& margins) {
  emissions.assign(features.offsets.size() - 1, EmissionRow{});
  for (const Sequence& s : sequences) model.add_emissions(features, s.first, s.end, emissions);
  decode_sequences(emissions, model.transitions(), sequences, labels, margins);
}

Tagger::Tagger(TaggerModel first, std::optional<TaggerModel> second) : first_(std::move(first)), second_(std::move(second)) {
  if (first_.stacked() || (second_ && !second_->stacked()))
    throw Error(ErrorKind::invalid_input,
                "its taggers are not a first and a stacked one (a two-pass model of an older layout: train it again)");
  if (second_ && second_->row_bits() != first_.row_bits())
    throw Error(ErrorKind::invalid_input, "its two taggers differ in row bits");
  if (second_)
    for (size_t i = 0; i < both_transitions_.size(); ++i)
      both_transitions_[i] = first_.transitions()[i] + second_->transitions()[i];
}

void Tagger::label(const WordStream& stream, std::vector<uint8_t>& labels, std::vector<float>& margins) const {
  // A headline gives no statement, and its labels, seen by the second pass, would lead the first
  // paragraph's astray ("No access for Jadhav, says FO" before "ISLAMABAD: ..., the spokesperson said").
  std::vector<Sequence> sequences = tagged_sequences(stream);
  const uint32_t headline = headline_end(stream.words);
  std::erase_if(sequences, [&](const Sequence& s) { return s.end <= headline; });
  const WordFeatures features = extract_features(stream, sequences, first_.row_bits());
  thread_local Emissions emissions;
  first_pass(first_, features, sequences, emissions, labels, margins);
  if (!second_) return;
  const WordFeatures stacked = stack_features(stream, sequences, labels, second_->row_bits());
  for (const Sequence& s : sequences) second_->add_emissions(stacked, s.first, s.end, emissions);
  decode_sequences(emissions, both_transitions_, sequences, labels, margins);
}

TaggerTrainer::TaggerTrainer(uint32_t row_bits, bool stacked)
    : row_bits_(row_bits),
      stacked_(stacked),
      weights_((size_t{1} << row_bits) * kLabels, 0.0f),
      weight_sums_(weights_.size(), 0.0f) {}

void TaggerTrainer::learn(const WordFeatures& features, uint32_t first, uint32_t end, const std::vector<uint8_t>& gold) {
  emissions_.assign(end - first, {});
  learn_from(features, first, end, gold, transitions_);
}

// A stacked trainer sees the first's scores at a share of their weight, so that its
// corrections grow large enough to overrule them; the finished model's weights are
// divided by the share, to be added to the first's at full weight. Leave one publisher
// out on PolNeAR, F1 0.847 at a share of 1, 0.852 at 0.7, 0.857 at 0.5, 0.855 at 0.3.
constexpr float kFirstShare = 0.5f;

void TaggerTrainer::learn(const WordFeatures& features, uint32_t first, uint32_t end, const std::vector<uint8_t>& gold,
                          const Emissions& first_emissions, const Transitions& first_transitions) {
  emissions_.resize(end - first);
  for (uint32_t i = first; i < end; ++i)
    for (int l = 0; l < kLabels; ++l) emissions_[i - first][l] = kFirstShare * first_emissions[i][l];
  Transitions both;
  for (size_t i = 0; i < both.size(); ++i) both[i] = kFirstShare * first_transitions[i] + transitions_[i];
  learn_from(features, first, end, gold, both);
}

// A wrong label costs its features' weights; the gold label gains them. The
// sums, weighted by the step, give the average of all models seen (w - sum/step).
void TaggerTrainer::learn_from(const WordFeatures& features, uint32_t first, uint32_t end,
                               const std::vector<uint8_t>& gold, const Transitions& transitions) {
  for (uint32_t i = first; i < end; ++i)
    for (uint32_t f = features.offsets[i]; f < features.offsets[i + 1]; ++f)
      for (int l = 0; l < kLabels; ++l) emissions_[i - first][l] += weights_[size_t{features.hashes[f]} * kLabels + l];
  viterbi(emissions_, transitions, predicted_, margins_);
  const float step = static_cast<float>(step_);
  for (uint32_t i = 0; i < end - first; ++i) {
    const int prev_gold = i == 0 ? kLabels : gold[i - 1];
    const int prev_predicted = i == 0 ? kLabels : predicted_[i - 1];
    if (gold[i] == predicted_[i] && prev_gold == prev_predicted) continue;
    auto adjust = [&](int previous, int label, float delta) {
      transitions_[previous * kLabels + label] += delta;
      transition_sums_[previous * kLabels + label] += step * delta;
    };
    adjust(prev_gold, gold[i], 1);
    adjust(prev_predicted, predicted_[i], -1);
    if (gold[i] == predicted_[i]) continue;
    for (uint32_t f = features.offsets[first + i]; f < features.offsets[first + i + 1]; ++f) {
      size_t row = size_t{features.hashes[f]} * kLabels;
      weights_[row + gold[i]] += 1;
      weight_sums_[row + gold[i]] += step;
      weights_[row + predicted_[i]] -= 1;
      weight_sums_[row + predicted_[i]] -= step;
    }
  }
  step_ += 1;
}

TaggerModel TaggerTrainer::finish() const {
  const float step = static_cast<float>(step_);
  const float share = stacked_ ? kFirstShare : 1.0f;
  std::vector<float> averaged(weights_.size());
  float largest = 0;
  for (size_t i = 0; i < averaged.size(); ++i) {
    averaged[i] = (weights_[i] - weight_sums_[i] / step) / share;
    largest = std::max(largest, std::abs(averaged[i]));
  }
  TaggerModel m;
  m.row_bits_ = row_bits_;
  m.stacked_ = stacked_;
  m.scale_ = largest > 0 ? largest / 32767.0f : 1.0f;
  for (size_t i = 0; i < m.transitions_.size(); ++i) m.transitions_[i] = (transitions_[i] - transition_sums_[i] / step) / share;
  m.rows_.assign((averaged.size() / kLabels) * TaggerModel::kRowWidth, 0);
  for (size_t r = 0; r < averaged.size() / kLabels; ++r)
    for (int l = 0; l < kLabels; ++l)
      m.rows_[r * TaggerModel::kRowWidth + l] = static_cast<int16_t>(std::lround(averaged[r * kLabels + l] / m.scale_));
  return m;
}

}  // namespace attache::indexer::attribution
