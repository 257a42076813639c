// The attribution model: a tagger and its calibrator, read from a file or the
// library, and trained from labelled examples.
#include "attache/indexer/attribution_model.h"

#include <cstring>
#include <fstream>
#include <map>
#include <optional>
#include <algorithm>
#include <sstream>

#include "attache/storage/error.h"
#include "extraction.h"
#include "tagger.h"

extern "C" const unsigned char attache_attribution_model[];  // indexer/data/attribution.model (model_data.cc)
extern "C" const unsigned char attache_attribution_model_end[];

namespace attache::indexer {

using namespace attribution;

namespace {

constexpr char kCalibratorMagic[8] = {'A', 'T', 'C', 'A', 'L', 'I', 'B', '1'};

// After the tagger: magic, feature count (u32), threshold (f32), weights (f32).
std::string serialise(const Calibrator& c) {
  std::string out(kCalibratorMagic, sizeof(kCalibratorMagic));
  auto put = [&](const void* v, size_t n) { out.append(static_cast<const char*>(v), n); };
  uint32_t n = static_cast<uint32_t>(c.weights().size());
  float threshold = c.threshold();
  put(&n, 4);
  put(&threshold, 4);
  for (float w : c.weights()) put(&w, 4);
  return out;
}

Calibrator parse_calibrator(std::string_view bytes, const std::string& origin) {
  auto fail = [&](const std::string& why) {
    return Error(ErrorKind::invalid_input, origin + ": not an attribution model: " + why);
  };
  if (bytes.size() < 16 || std::memcmp(bytes.data(), kCalibratorMagic, 8) != 0) throw fail("no calibrator");
  uint32_t n;
  float threshold;
  std::memcpy(&n, bytes.data() + 8, 4);
  std::memcpy(&threshold, bytes.data() + 12, 4);
  if ((bytes.size() - 16) / 4 != n || (bytes.size() - 16) % 4 != 0) throw fail("the calibrator's size is wrong");
  if (n != calibration_features(StatementEvidence{}).size())
    throw fail("its calibrator has " + std::to_string(n) + " features, this attache " +
               std::to_string(calibration_features(StatementEvidence{}).size()));
  std::vector<float> weights(n);
  std::memcpy(weights.data(), bytes.data() + 16, 4 * size_t{n});
  return Calibrator(std::move(weights), threshold);
}

AttributionModel::Impl parse_model(std::string_view bytes, const std::string& origin) {
  size_t used = 0;
  TaggerModel first = TaggerModel::parse(bytes, origin, used);
  bytes.remove_prefix(used);
  std::optional<TaggerModel> second;
  if (TaggerModel::begins(bytes)) {
    second = TaggerModel::parse(bytes, origin, used);
    bytes.remove_prefix(used);
  }
  std::optional<Tagger> tagger;
  try {
    tagger.emplace(std::move(first), std::move(second));
  } catch (const Error& e) {
    throw Error(e.kind(), origin + ": not an attribution model: " + e.what());
  }
  return {std::move(*tagger), parse_calibrator(bytes, origin)};
}

}  // namespace

AttributionModel::AttributionModel(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
AttributionModel::~AttributionModel() = default;
AttributionModel::AttributionModel(AttributionModel&&) noexcept = default;
AttributionModel& AttributionModel::operator=(AttributionModel&&) noexcept = default;

AttributionModel AttributionModel::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorKind::io, path + ": cannot read the attribution model");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return AttributionModel(std::make_unique<Impl>(parse_model(bytes.str(), path)));
}

const AttributionModel& AttributionModel::builtin() {
  static const AttributionModel model(std::make_unique<Impl>(parse_model(
      std::string_view(reinterpret_cast<const char*>(attache_attribution_model),
                       static_cast<size_t>(attache_attribution_model_end - attache_attribution_model)),
      "the built-in attribution model")));
  return model;
}

namespace {

// One label per word: content first, then cues and sources over it (an
// attribution nested in another's content keeps its own parts).
std::vector<uint8_t> gold_labels(const WordStream& stream, const std::vector<LabelledAttribution>& attributions) {
  const auto& w = stream.words;
  std::vector<uint8_t> labels(w.size(), O);
  auto paint = [&](const ByteSpans& spans, Label begin, Label inside) {
    for (const auto& [a, b] : spans) {
      bool first = true;
      for (size_t i = 0; i < w.size(); ++i) {
        if (w[i].end <= a || w[i].begin >= b) continue;
        labels[i] = first ? begin : inside;
        first = false;
      }
    }
  };
  for (const auto& at : attributions) paint(at.content, B_CONTENT, I_CONTENT);
  for (const auto& at : attributions) paint(at.cue, B_CUE, I_CUE);
  for (const auto& at : attributions) paint(at.source, B_SOURCE, I_SOURCE);
  return labels;
}

struct Prepared {
  WordStream stream;
  std::vector<Sequence> sequences;
  WordFeatures features;
  // The second tagger's features and the emissions and transitions it corrects, from a first
  // tagger not trained on the example's group.
  WordFeatures stacked;
  Emissions first_emissions;
  Transitions first_transitions{};
  std::vector<uint8_t> gold;
};

Prepared prepare(const AttributionExample& e, uint32_t row_bits, TrainingReport& report) {
  Prepared p;
  p.stream = read_words(e.text);
  p.sequences = tagged_sequences(p.stream);
  p.features = extract_features(p.stream, p.sequences, row_bits);
  p.gold = gold_labels(p.stream, e.attributions);
  std::vector<bool> tagged(p.stream.words.size(), false);
  for (const Sequence& s : p.sequences)
    for (uint32_t i = s.first; i < s.end; ++i) tagged[i] = true;
  for (size_t i = 0; i < p.stream.words.size(); ++i) {
    const bool content = part_of(p.gold[i]) == Part::content;
    report.words += 1;
    report.tagged_words += tagged[i];
    report.content_words += content;
    report.content_words_tagged += content && tagged[i];
  }
  return p;
}

// A tagger trained on the features (the first pass's or the second's) of the examples include() admits.
template <typename Include>
TaggerModel train_tagger(const std::vector<Prepared>& prepared, WordFeatures Prepared::*features,
                         const TrainingOptions& options, Include include) {
  const bool stacked = features == &Prepared::stacked;
  TaggerTrainer trainer(options.row_bits, stacked);
  std::vector<size_t> order;
  for (size_t i = 0; i < prepared.size(); ++i)
    if (include(i)) order.push_back(i);
  uint64_t state = options.seed * 6364136223846793005ull + 1442695040888963407ull;
  std::vector<uint8_t> gold;
  for (uint32_t epoch = 0; epoch < options.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) {  // Fisher-Yates with a fixed generator: the same order everywhere
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      std::swap(order[i - 1], order[(state >> 33) % i]);
    }
    for (size_t k : order)
      for (const Sequence& s : prepared[k].sequences) {
        gold.assign(prepared[k].gold.begin() + s.first, prepared[k].gold.begin() + s.end);
        if (stacked)
          trainer.learn(prepared[k].stacked, s.first, s.end, gold, prepared[k].first_emissions,
                        prepared[k].first_transitions);
        else
          trainer.learn(prepared[k].features, s.first, s.end, gold);
      }
  }
  return trainer.finish();
}

using Groups = std::map<std::string, std::vector<size_t>>;

// The first taggers, each trained without one group, and the second pass's features of every
// example from the labels the first tagger not trained on its group gives it: a second tagger
// learns from first labels as wrong as they will be on unseen text.
std::map<std::string, TaggerModel> first_taggers_without_each(std::vector<Prepared>& prepared, const Groups& groups,
                                                              const TrainingOptions& options) {
  std::map<std::string, TaggerModel> out;
  std::vector<uint8_t> labels;
  std::vector<float> margins;
  for (const auto& [group, members] : groups) {
    const std::vector<size_t>& held_out = members;
    TaggerModel first = train_tagger(prepared, &Prepared::features, options, [&](size_t i) {
      return !std::binary_search(held_out.begin(), held_out.end(), i);
    });
    if (options.stacked)
      for (size_t i : members) {
        Prepared& p = prepared[i];
        first_pass(first, p.features, p.sequences, p.first_emissions, labels, margins);
        p.first_transitions = first.transitions();
        p.stacked = stack_features(p.stream, p.sequences, labels, options.row_bits);
      }
    out.emplace(group, std::move(first));
  }
  return out;
}

}  // namespace

std::string train_attribution_model(const std::vector<AttributionExample>& examples, const TrainingOptions& options,
                                    const StatementJudge& judge, TrainingReport& report) {
  std::vector<Prepared> prepared;
  prepared.reserve(examples.size());
  for (const AttributionExample& e : examples) prepared.push_back(prepare(e, options.row_bits, report));
  Groups groups;
  for (size_t i = 0; i < examples.size(); ++i) groups[examples[i].group].push_back(i);
  // Stacking and calibration both need groups to hold out; with one group there is neither.
  TrainingOptions effective = options;
  effective.stacked = options.stacked && groups.size() > 1;
  std::map<std::string, TaggerModel> firsts;
  if (groups.size() > 1) firsts = first_taggers_without_each(prepared, groups, effective);
  auto second_tagger = [&](auto include) -> std::optional<TaggerModel> {
    if (!effective.stacked) return std::nullopt;
    return train_tagger(prepared, &Prepared::stacked, effective, include);
  };
  std::vector<std::vector<float>> features;
  std::vector<bool> right;
  for (auto& [group, first] : firsts) {
    const std::vector<size_t>& held_out = groups[group];
    const Tagger tagger(std::move(first), second_tagger([&](size_t i) {
      return !std::binary_search(held_out.begin(), held_out.end(), i);
    }));
    for (size_t i : held_out)
      for (const Candidate& c : extract_candidates(examples[i].text, tagger)) {
        features.push_back(calibration_features(c.evidence));
        right.push_back(judge(i, c.statement));
        report.calibration_statements += 1;
        report.calibration_right += right.back();
      }
  }
  const auto all = [](size_t) { return true; };
  std::string out = train_tagger(prepared, &Prepared::features, effective, all).serialise();
  if (std::optional<TaggerModel> second = second_tagger(all)) out += second->serialise();
  return out + serialise(Calibrator::fit(features, right, options.threshold));
}

std::vector<Statement> extract_statements(std::string_view text, const AttributionModel& model) {
  const AttributionModel::Impl& m = model.impl();
  std::vector<Statement> out;
  for (Candidate& c : extract_candidates(text, m.tagger)) {
    c.statement.confidence = m.calibrator.probability(c.evidence);
    if (c.statement.confidence >= m.calibrator.threshold()) out.push_back(std::move(c.statement));
  }
  normalise_speakers(text, out);
  return out;
}

std::vector<Statement> extract_statements(std::string_view text) {
  return extract_statements(text, AttributionModel::builtin());
}

}  // namespace attache::indexer
