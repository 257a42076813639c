// Paragraphs introduced by a cue and a colon (block_quotations.h).
#include "block_quotations.h"

#include "lexicon.h"
#include "tagger.h"

namespace attache::indexer::attribution {
namespace {

constexpr uint32_t kCueReach = 4;  // words between the cue and the colon: "told reporters in Kyiv:"

// The cue before the colon at `colon`, in its sentence and within reach; 0 if none.
uint32_t cue_before(const std::vector<Word>& w, uint32_t colon) {
  for (uint32_t k = colon; k-- > 0 && colon - k <= kCueReach && w[k].sentence == w[colon].sentence;)
    if (w[k].kind == WordKind::word && find_cue(lowered(w[k].text))) return k;
  return 0;
}

}  // namespace

bool is_block_quotation(const std::vector<Word>& w, uint32_t first) {
  return first > 0 && w[first - 1].kind == WordKind::colon && w[first - 1].paragraph != w[first].paragraph &&
         w[first].kind != WordKind::quote_open && w[first].quote < 0 && cue_before(w, first - 1) > 0;
}

void read_block_quotations(const WordStream& stream, std::vector<uint8_t>& labels) {
  const auto& w = stream.words;
  const uint32_t n = static_cast<uint32_t>(w.size());
  for (uint32_t colon = 1; colon + 1 < n; ++colon) {
    if (w[colon].kind != WordKind::colon || w[colon + 1].paragraph == w[colon].paragraph) continue;
    const uint32_t first = colon + 1;
    if (!is_block_quotation(w, first)) continue;
    uint32_t end = first;
    bool own_attribution = false;  // "Critics said it was too generous, and Jane Smith warned ..."
    for (; end < n && w[end].paragraph == w[first].paragraph; ++end)
      own_attribution = own_attribution || part_of(labels[end]) == Part::source || part_of(labels[end]) == Part::cue;
    if (own_attribution) continue;
    const uint32_t cue = cue_before(w, colon);
    if (part_of(labels[cue]) != Part::cue) labels[cue] = B_CUE;
    // The introducing sentence says nothing itself: what the tagger read as said in it goes.
    for (uint32_t k = stream.sentence_first_word[w[colon].sentence]; k < colon; ++k)
      if (part_of(labels[k]) == Part::content) labels[k] = O;
    for (uint32_t k = first; k < end; ++k) labels[k] = k == first ? B_CONTENT : I_CONTENT;
  }
}

}  // namespace attache::indexer::attribution
