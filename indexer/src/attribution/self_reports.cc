// What a speaker says of themselves after "that" (self_reports.h).
#include "self_reports.h"

#include "lexicon.h"
#include "tagger.h"

namespace attache::indexer::attribution {

void join_self_reports(const WordStream& stream, std::vector<uint8_t>& labels) {
  constexpr uint32_t kLongestAdjunct = 6;  // words between the cue and "that": "in a statement on Monday"
  const auto& w = stream.words;
  for (uint32_t that = 1; that + 3 < w.size(); ++that) {
    const uint32_t pronoun = that + 1;
    // "that" unlabelled, or a content of its own (the tagger's).
    if (!w[that].is("that") || (labels[that] != O && labels[that] != B_CONTENT) || labels[pronoun] != B_SOURCE ||
        !is_subject_pronoun(lowered(w[pronoun].text)) || part_of(labels[pronoun + 1]) != Part::cue)
      continue;
    // The plain cue before "that", past its addressee or circumstance, with nothing labelled between.
    uint32_t after_cue = that;
    while (after_cue > 0 && that - after_cue < kLongestAdjunct && labels[after_cue - 1] == O &&
           w[after_cue - 1].kind == WordKind::word && w[after_cue - 1].sentence == w[that].sentence)
      --after_cue;
    if (after_cue == 0 || part_of(labels[after_cue - 1]) != Part::cue) continue;
    uint32_t cue = after_cue - 1;
    while (cue > 0 && labels[cue] == I_CUE) --cue;
    if (!is_plain_cue(lowered(w[cue].text))) continue;
    // The second cue's content, right after it.
    uint32_t end = pronoun + 1;
    while (end < w.size() && part_of(labels[end]) == Part::cue) ++end;
    if (end >= w.size() || labels[end] != B_CONTENT) continue;
    for (++end; end < w.size() && labels[end] == I_CONTENT; ++end) {
    }
    for (uint32_t k = that; k < end; ++k) labels[k] = k == that ? B_CONTENT : I_CONTENT;
  }
}

}  // namespace attache::indexer::attribution
