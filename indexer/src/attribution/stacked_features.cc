// What the second tagger sees besides a word's own features: the labels the
// first tagger gave around it. One label transition carries nothing beyond the
// next word, so the first pass cannot use what it found a clause or a sentence
// away; the second reads each word in the light of the first's attributions: a
// quotation beside a cue, a sentence after one that introduced a quotation, a
// noun phrase a clause before a cue.
#include <algorithm>
#include <cstdlib>

#include "feature_hash.h"
#include "tagger.h"

namespace attache::indexer::attribution {
namespace {

constexpr uint8_t kEdge = kLabels;  // the label of a word beyond the sequence
constexpr uint32_t kStackedFeatures = 12;

int quote_state(const Word& w) {
  return w.kind == WordKind::quote_open ? 2 : w.kind == WordKind::quote_close ? 3 : w.quote >= 0 ? 1 : 0;
}

uint64_t lower_hash(const Word& w) { return hash_lowered(w.text); }

// What the first tagger found in each sentence: bit 0 a cue, bit 1 a source, bit 2 content.
std::vector<uint8_t> sentence_parts(const WordStream& stream, const std::vector<uint8_t>& first) {
  std::vector<uint8_t> parts(stream.sentence_first_word.size(), 0);
  for (size_t i = 0; i < stream.words.size(); ++i) {
    const Part p = part_of(first[i]);
    if (p != Part::none) parts[stream.words[i].sentence] |= uint8_t{1} << (static_cast<int>(p) - 1);
  }
  return parts;
}

// Per quotation: how much of it the first tagger took for content (0 none, 1 under half,
// 2 half or more, 3 all), and whether a cue stands within four words before (bit 2) or
// after it (bit 3).
std::vector<uint8_t> quotation_parts(const WordStream& stream, const std::vector<uint8_t>& first) {
  const auto& w = stream.words;
  std::vector<uint8_t> out;
  out.reserve(stream.quotations.size());
  for (const Quotation& q : stream.quotations) {
    uint32_t inside = 0, content = 0;
    for (uint32_t k = q.first_word + 1; k < q.last_word && k < w.size(); ++k, ++inside)
      content += part_of(first[k]) == Part::content;
    uint8_t v = content == 0 ? 0 : content == inside ? 3 : 2 * content >= inside ? 2 : 1;
    auto cue_at = [&](int64_t k) {
      return k >= 0 && k < static_cast<int64_t>(w.size()) && w[k].paragraph == w[q.first_word].paragraph &&
             part_of(first[k]) == Part::cue;
    };
    for (int64_t d = 1; d <= 4; ++d) {
      if (cue_at(int64_t{q.first_word} - d)) v |= 4;
      if (cue_at(int64_t{q.last_word} + d)) v |= 8;
    }
    out.push_back(v);
  }
  return out;
}

// For each word of [first, end), the nearest word before and after it (within the range) whose
// first label is of part p, or -1.
void nearest_of(const std::vector<uint8_t>& labels, uint32_t first, uint32_t end, Part p, std::vector<int64_t>& before,
                std::vector<int64_t>& after) {
  before.assign(end - first, -1);
  after.assign(end - first, -1);
  int64_t last = -1;
  for (uint32_t i = first; i < end; ++i) {
    before[i - first] = last;
    if (part_of(labels[i]) == p) last = i;
  }
  last = -1;
  for (uint32_t i = end; i-- > first;) {
    after[i - first] = last;
    if (part_of(labels[i]) == p) last = i;
  }
}

// The signed distance from i to the nearer of two words (-1: none), 1000 when there is none.
int nearer(int64_t i, int64_t before, int64_t after) {
  if (before < 0 && after < 0) return 1000;
  if (after < 0 || (before >= 0 && i - before <= after - i)) return static_cast<int>(i - before);
  return static_cast<int>(i - after);
}

}  // namespace

WordFeatures stack_features(const WordStream& stream, const std::vector<Sequence>& sequences,
                            const std::vector<uint8_t>& first, uint32_t row_bits) {
  const auto& w = stream.words;
  const uint32_t n = static_cast<uint32_t>(w.size());
  const uint64_t mask = (uint64_t{1} << row_bits) - 1;
  const std::vector<uint8_t> sentences = sentence_parts(stream, first);
  const std::vector<uint8_t> quotations = quotation_parts(stream, first);
  WordFeatures out;
  out.offsets.assign(n + 1, 0);
  out.hashes.reserve(size_t{kStackedFeatures} * n);
  std::vector<int64_t> cue_before, cue_after, source_before, source_after;
  uint32_t next_word = 0;
  for (const Sequence& q : sequences) {
    for (; next_word < q.first; ++next_word) out.offsets[next_word] = static_cast<uint32_t>(out.hashes.size());
    nearest_of(first, q.first, q.end, Part::cue, cue_before, cue_after);
    nearest_of(first, q.first, q.end, Part::source, source_before, source_after);
    auto label = [&](int64_t k) { return k < q.first || k >= q.end ? kEdge : first[k]; };
    auto paragraph_sentence = [&](int64_t k) -> uint64_t {  // parts of the sentence of word k, 8 beyond the sequence
      return k < q.first || k >= q.end ? 8 : sentences[w[k].sentence];
    };
    for (uint32_t i = q.first; i < q.end; ++i, ++next_word) {
      out.offsets[i] = static_cast<uint32_t>(out.hashes.size());
      auto emit = [&](const Hash& h) { out.hashes.push_back(static_cast<uint32_t>(h.h & mask)); };
      const uint64_t l = first[i], quote = static_cast<uint64_t>(quote_state(w[i]));
      const uint64_t part = static_cast<uint64_t>(part_of(first[i]));
      const uint32_t s = w[i].sentence;
      const int64_t sentence_before = int64_t{stream.sentence_first_word[s]} - 1;
      const int64_t sentence_after = stream.sentence_first_word[s + 1];
      const int cue = nearer(i, cue_before[i - q.first], cue_after[i - q.first]);
      const int source = nearer(i, source_before[i - q.first], source_after[i - q.first]);
      const int64_t cue_word = cue == 1000 ? -1 : int64_t{i} - cue;
      const bool cue_in_sentence = cue_word >= 0 && w[cue_word].sentence == s;
      const bool source_in_sentence = source != 1000 && w[int64_t{i} - source].sentence == s;
      const uint64_t quotation = w[i].quote >= 0 ? quotations[w[i].quote] : 16;
      auto u = [](int v) { return static_cast<uint64_t>(static_cast<int64_t>(v)); };
      emit(Hash(40).add(l).add(quote));
      emit(Hash(41).add(label(int64_t{i} - 1)).add(l).add(label(int64_t{i} + 1)));
      emit(Hash(42).add(label(int64_t{i} - 2)).add(label(int64_t{i} - 1)).add(l));
      emit(Hash(43).add(l).add(label(int64_t{i} + 1)).add(label(int64_t{i} + 2)));
      emit(Hash(44).add(sentences[s]).add(quote).add(part));
      emit(Hash(45).add(paragraph_sentence(sentence_before)).add(paragraph_sentence(sentence_after)).add(quote));
      emit(Hash(46).add(u(cue == 1000 ? 99 : bucket(cue))).add(cue_in_sentence).add(quote));
      emit(Hash(47).add(u(source == 1000 ? 99 : bucket(source))).add(source_in_sentence).add(part));
      emit(Hash(48).add(quotation).add(quote).add(part));
      emit(Hash(49).add(cue_word < 0 ? 0 : lower_hash(w[cue_word])).add(u(cue == 1000 ? 9 : (cue > 0) - (cue < 0))).add(part));
      // What the first found in the next paragraph's first sentence, when this is the last of its
      // paragraph (a paragraph that opens a quotation after "X continued:"): sequences end with
      // their paragraph, and neither the neighbours' labels nor feature 45 see past it.
      const bool last_of_paragraph = sentence_after < n && w[sentence_after].paragraph != w[i].paragraph;
      emit(Hash(51).add(last_of_paragraph ? sentences[w[sentence_after].sentence] : 16).add(part).add(quote));
      emit(Hash(50).add(w[i].kind == WordKind::word ? lower_hash(w[i]) : quote).add(label(int64_t{i} - 1)).add(label(int64_t{i} + 1)));
    }
  }
  for (; next_word <= n; ++next_word) out.offsets[next_word] = static_cast<uint32_t>(out.hashes.size());
  return out;
}

}  // namespace attache::indexer::attribution
