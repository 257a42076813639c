// Attributions introducing a quotation with a colon (colon_introductions.h).
#include "colon_introductions.h"

#include <string>

#include "frame_words.h"
#include "lexicon.h"
#include "tagger.h"

namespace attache::indexer::attribution {

void read_inverted_colon_introductions(const WordStream& stream, std::vector<uint8_t>& labels) {
  constexpr uint32_t kLongestIntroduction = 14;  // the speaker and a relative clause about them
  const auto& w = stream.words;
  for (size_t sentence = 0; sentence + 1 < stream.sentence_first_word.size(); ++sentence) {
    const uint32_t end = stream.sentence_first_word[sentence + 1];
    const uint32_t cue = next_word(w, stream.sentence_first_word[sentence], end);
    if (cue + 2 >= end || !w[cue].capitalized || w[cue].quote >= 0 || !says_itself(w[cue])) continue;
    uint32_t colon = cue + 1;
    while (colon < end && colon <= cue + kLongestIntroduction && w[colon].kind != WordKind::colon &&
           w[colon].quote < 0 && w[colon].kind != WordKind::quote_open)
      ++colon;
    if (colon >= end || w[colon].kind != WordKind::colon) continue;
    uint32_t source_end = cue + 1;
    while (source_end < colon && w[source_end].kind == WordKind::word) ++source_end;
    if (!names_speaker(w, cue + 1, source_end)) continue;
    const uint32_t content_end = end_of_opened(w, colon, end);
    if (colon + 1 >= content_end || !unattributed(labels, colon + 1, content_end)) continue;
    for (uint32_t k = cue; k < content_end; ++k) labels[k] = O;
    labels[cue] = B_CUE;
    for (uint32_t k = cue + 1; k < source_end; ++k) labels[k] = k == cue + 1 ? B_SOURCE : I_SOURCE;
    label_content(labels, colon + 1, content_end);
  }
}

namespace {

// Where the cue of "Mr. Zorin, who holds the presidency, replied" may stand: after the subject
// opening the sentence and, set off by commas, a relative clause about it; 0 when the sentence does
// not open so. The subject ends at `subject_end`.
uint32_t after_subject(const std::vector<Word>& w, uint32_t first, uint32_t end, uint32_t& subject_end) {
  constexpr uint32_t kLongestClause = 14;
  subject_end = first;
  while (subject_end < end && w[subject_end].kind == WordKind::word && w[subject_end].quote < 0 &&
         !find_cue(lowered(w[subject_end].text)))
    ++subject_end;
  if (subject_end >= end || !names_speaker(w, first, subject_end)) return 0;
  if (w[subject_end].kind != WordKind::comma) return subject_end;
  if (subject_end + 1 >= end || !(w[subject_end + 1].is("who") || w[subject_end + 1].is("which"))) return 0;
  uint32_t close = subject_end + 2;
  while (close < end && close <= subject_end + kLongestClause && w[close].kind != WordKind::comma &&
         w[close].quote < 0 && w[close].kind == WordKind::word)
    ++close;
  return close < end && w[close].kind == WordKind::comma ? close + 1 : 0;
}

}  // namespace

void read_colon_introductions(const WordStream& stream, std::vector<uint8_t>& labels) {
  constexpr uint32_t kCueReach = 4;  // words between the cue and the colon: "answered through an interpreter:"
  const auto& w = stream.words;
  for (size_t sentence = 0; sentence + 1 < stream.sentence_first_word.size(); ++sentence) {
    const uint32_t end = stream.sentence_first_word[sentence + 1];
    const uint32_t first = next_word(w, stream.sentence_first_word[sentence], end);
    uint32_t subject_end = first;
    const uint32_t cue = after_subject(w, first, end, subject_end);
    if (cue == 0 || cue + 1 >= end || w[cue].kind != WordKind::word || w[cue].capitalized ||
        !find_cue(lowered(w[cue].text)))
      continue;
    uint32_t colon = cue + 1;
    while (colon < end && colon <= cue + kCueReach && w[colon].kind == WordKind::word && w[colon].quote < 0) ++colon;
    if (colon + 1 >= end || w[colon].kind != WordKind::colon || w[colon + 1].kind != WordKind::quote_open) continue;
    const uint32_t content_end = end_of_opened(w, colon, end);
    // Unless the tagger read it so itself; the quotation must hold no attribution.
    bool agrees = labels[first] == B_SOURCE && labels[cue] == B_CUE;
    for (uint32_t k = first + 1; k < cue && agrees; ++k)
      agrees = k < subject_end ? labels[k] == I_SOURCE : part_of(labels[k]) != Part::source;
    if (agrees || colon + 2 >= content_end || !unattributed(labels, colon + 1, content_end)) continue;
    for (uint32_t k = first; k < content_end; ++k) labels[k] = O;
    for (uint32_t k = first; k < subject_end; ++k) labels[k] = k == first ? B_SOURCE : I_SOURCE;
    for (uint32_t k = cue; k < colon; ++k) labels[k] = k == cue ? B_CUE : I_CUE;
    label_content(labels, colon + 1, content_end);
  }
}

}  // namespace attache::indexer::attribution
