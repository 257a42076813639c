// Decoding (Viterbi over first-order label transitions), the model file, and
// training by the averaged structured perceptron (Collins 2002).
#include "tagger.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "attache/storage/error.h"

namespace attache::indexer::attribution {

namespace {

constexpr char kMagic[8] = {'A', 'T', 'T', 'A', 'G', 'G', 'E', '1'};
constexpr uint32_t kMaxRowBits = 24;

template <typename T>
void put(std::string& out, T value) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  out.append(bytes, sizeof(T));
}

float transition(const std::array<float, (kLabels + 1) * kLabels>& t, int previous, int label) {
  return t[previous * kLabels + label];
}

}  // namespace

// Layout: magic, row bits (u32), label count (u32), scale (f32), the
// transitions ((labels + 1) × labels f32, the last row from the start), then
// rows × labels weights as i16, each times scale. Little-endian.
TaggerModel TaggerModel::parse(std::string_view bytes, const std::string& origin, size_t& used) {
  auto fail = [&](const std::string& why) {
    return Error(ErrorKind::invalid_input, origin + ": not an attribution model: " + why);
  };
  const size_t header = sizeof(kMagic) + 12 + sizeof(float) * (kLabels + 1) * kLabels;
  if (bytes.size() < header || std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0) throw fail("no header");
  uint32_t row_bits, labels;
  float scale;
  const char* p = bytes.data() + sizeof(kMagic);
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
  m.scale_ = scale;
  std::memcpy(m.transitions_.data(), p, sizeof(float) * m.transitions_.size());
  p += sizeof(float) * m.transitions_.size();
  m.weights_.resize(rows * kLabels);
  for (size_t i = 0; i < m.weights_.size(); ++i) {
    int16_t q;
    std::memcpy(&q, p + 2 * i, 2);
    m.weights_[i] = q * scale;
  }
  return m;
}

void TaggerModel::decode(const WordFeatures& features, uint32_t first, uint32_t end, std::vector<uint8_t>& labels,
                         std::vector<float>& margins) const {
  const uint32_t n = end - first;
  labels.assign(n, O);
  margins.assign(n, 0);
  if (n == 0) return;
  std::vector<std::array<float, kLabels>> emission(n), best(n);
  std::vector<std::array<uint8_t, kLabels>> back(n);
  for (uint32_t i = 0; i < n; ++i) {
    std::array<float, kLabels> e{};
    for (uint32_t f = features.offsets[first + i]; f < features.offsets[first + i + 1]; ++f) {
      const float* row = &weights_[size_t{features.hashes[f]} * kLabels];
      for (int l = 0; l < kLabels; ++l) e[l] += row[l];
    }
    emission[i] = e;
  }
  for (int l = 0; l < kLabels; ++l) best[0][l] = emission[0][l] + transition(transitions_, kLabels, l);
  for (uint32_t i = 1; i < n; ++i)
    for (int l = 0; l < kLabels; ++l) {
      float top = -std::numeric_limits<float>::infinity();
      uint8_t arg = 0;
      for (int p = 0; p < kLabels; ++p) {
        float v = best[i - 1][p] + transition(transitions_, p, l);
        if (v > top) top = v, arg = static_cast<uint8_t>(p);
      }
      best[i][l] = top + emission[i][l];
      back[i][l] = arg;
    }
  uint8_t l = 0;
  for (int k = 1; k < kLabels; ++k)
    if (best[n - 1][k] > best[n - 1][l]) l = static_cast<uint8_t>(k);
  for (uint32_t i = n; i-- > 0;) {
    labels[i] = l;
    if (i > 0) l = back[i][l];
  }
  // How sure each word's label is: its own emission against the best other.
  for (uint32_t i = 0; i < n; ++i) {
    float other = -std::numeric_limits<float>::infinity();
    for (int k = 0; k < kLabels; ++k)
      if (k != labels[i] && emission[i][k] > other) other = emission[i][k];
    margins[i] = emission[i][labels[i]] - other;
  }
}

TaggerTrainer::TaggerTrainer(uint32_t row_bits) {
  model_.row_bits_ = row_bits;
  model_.weights_.assign((size_t{1} << row_bits) * kLabels, 0.0f);
  weight_sums_.assign(model_.weights_.size(), 0.0f);
}

// A wrong label costs its features' weights; the gold label gains them. The
// sums, weighted by the step, give the average of all models seen (w - sum/step).
void TaggerTrainer::learn(const WordFeatures& features, uint32_t first, uint32_t end, const std::vector<uint8_t>& gold) {
  model_.decode(features, first, end, predicted_, margins_);
  const float step = static_cast<float>(step_);
  for (uint32_t i = 0; i < end - first; ++i) {
    const int prev_gold = i == 0 ? kLabels : gold[i - 1];
    const int prev_predicted = i == 0 ? kLabels : predicted_[i - 1];
    if (gold[i] == predicted_[i] && prev_gold == prev_predicted) continue;
    auto adjust = [&](int previous, int label, float delta) {
      model_.transitions_[previous * kLabels + label] += delta;
      transition_sums_[previous * kLabels + label] += step * delta;
    };
    adjust(prev_gold, gold[i], 1);
    adjust(prev_predicted, predicted_[i], -1);
    if (gold[i] == predicted_[i]) continue;
    for (uint32_t f = features.offsets[first + i]; f < features.offsets[first + i + 1]; ++f) {
      size_t row = size_t{features.hashes[f]} * kLabels;
      model_.weights_[row + gold[i]] += 1;
      weight_sums_[row + gold[i]] += step;
      model_.weights_[row + predicted_[i]] -= 1;
      weight_sums_[row + predicted_[i]] -= step;
    }
  }
  step_ += 1;
}

TaggerModel TaggerTrainer::finish() const {
  const float step = static_cast<float>(step_);
  TaggerModel m;
  m.row_bits_ = model_.row_bits_;
  m.weights_.resize(model_.weights_.size());
  float largest = 0;
  for (size_t i = 0; i < m.weights_.size(); ++i) {
    m.weights_[i] = model_.weights_[i] - weight_sums_[i] / step;
    largest = std::max(largest, std::abs(m.weights_[i]));
  }
  for (size_t i = 0; i < m.transitions_.size(); ++i) m.transitions_[i] = model_.transitions_[i] - transition_sums_[i] / step;
  // Rounded as they will be stored, so a model behaves the same before and after a round trip.
  m.scale_ = largest > 0 ? largest / 32767.0f : 1.0f;
  for (float& v : m.weights_) v = static_cast<float>(std::lround(v / m.scale_)) * m.scale_;
  return m;
}

std::string TaggerModel::serialise() const {
  std::string out(kMagic, sizeof(kMagic));
  put<uint32_t>(out, row_bits_);
  put<uint32_t>(out, kLabels);
  put<float>(out, scale_);
  for (float t : transitions_) put<float>(out, t);
  for (float v : weights_) put<int16_t>(out, static_cast<int16_t>(std::lround(v / scale_)));
  return out;
}

}  // namespace attache::indexer::attribution
