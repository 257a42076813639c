// "According to X": the source of a sentence it opens or closes (according_to.h).
#include "according_to.h"

#include "lexicon.h"
#include "tagger.h"

namespace attache::indexer::attribution {

// "According to Senate filings, he has a net worth estimated at $100,000": a sentence that
// opens with "according to" names its source up to the comma and says the rest, as PolNeAR
// reads it; the tagger's cues inside ("the schedule published Thursday", "estimated") are
// not attributions of their own. A "said" or "told" with its own source after the comma is.
void read_opening_according_to(const WordStream& stream, std::vector<uint8_t>& labels) {
  const auto& w = stream.words;
  for (size_t sentence = 0; sentence + 1 < stream.sentence_first_word.size(); ++sentence) {
    const uint32_t end = stream.sentence_first_word[sentence + 1];
    const uint32_t i = next_word(w, stream.sentence_first_word[sentence], end);
    if (i + 3 >= end || !w[i].is("According") || !w[i + 1].is("to")) continue;
    uint32_t comma = i + 2;
    while (comma < end && w[comma].kind != WordKind::comma && w[comma].quote < 0 && comma < i + 24) ++comma;
    if (comma >= end || w[comma].kind != WordKind::comma || comma == i + 2) continue;
    uint32_t last = end;
    while (last > comma + 1 && w[last - 1].kind != WordKind::word && w[last - 1].kind != WordKind::quote_close) --last;
    bool own_attribution = false, own_source = false;
    for (uint32_t k = comma + 1; k < last; ++k) {
      own_source = own_source || part_of(labels[k]) == Part::source;
      const Cue* cue = part_of(labels[k]) == Part::cue ? find_cue(lowered(w[k].text)) : nullptr;
      own_attribution = own_attribution || (cue && (cue->base == "say" || cue->base == "tell"));
    }
    if (own_attribution && own_source) continue;
    labels[i] = B_CUE;
    labels[i + 1] = I_CUE;
    for (uint32_t k = i + 2; k < comma; ++k) labels[k] = k == i + 2 ? B_SOURCE : I_SOURCE;
    labels[comma] = O;
    for (uint32_t k = comma + 1; k < last; ++k) labels[k] = k == comma + 1 ? B_CONTENT : I_CONTENT;
  }
}

namespace {

// Where the clause a closing "according to" at `according` says opens: after ", while" or ",
// whereas" (the clause before is another's), else at the sentence's first word.
uint32_t closing_clause_start(const std::vector<Word>& w, uint32_t sentence_first, uint32_t according) {
  for (uint32_t k = according - 1; k > sentence_first + 1; --k)
    if ((w[k].is("while") || w[k].is("whereas")) && w[k - 1].kind == WordKind::comma) return k + 1;
  uint32_t first = next_word(w, sentence_first, according);
  while (first < according && w[first].dateline) ++first;
  return first;
}

}  // namespace

void read_closing_according_to(const WordStream& stream, std::vector<uint8_t>& labels) {
  constexpr uint32_t kLongestSource = 12;
  const auto& w = stream.words;
  for (size_t sentence = 0; sentence + 1 < stream.sentence_first_word.size(); ++sentence) {
    const uint32_t sentence_first = stream.sentence_first_word[sentence], end = stream.sentence_first_word[sentence + 1];
    uint32_t last = end;  // one past the source's last word
    while (last > sentence_first && w[last - 1].kind != WordKind::word) --last;
    uint32_t according = 0;
    for (uint32_t k = sentence_first + 4; k + 2 < last; ++k)
      if (w[k].is("according") && w[k + 1].is("to")) according = k;
    if (according == 0 || w[according - 1].kind != WordKind::comma || last - according - 2 > kLongestSource) continue;
    // The source runs to the sentence's end in words only, whatever the tagger took them for.
    bool plain_source = true;
    for (uint32_t k = according + 2; k < last; ++k) plain_source = plain_source && w[k].kind == WordKind::word && w[k].quote < 0;
    const uint32_t first = closing_clause_start(w, sentence_first, according);
    const uint32_t comma = according - 1;
    // A clause with no attribution of its own and no quotation, which the tagger did not already
    // give this cue as its content.
    bool own_clause = plain_source && first + 2 < comma;
    for (uint32_t k = first; k < comma && own_clause; ++k)
      own_clause = part_of(labels[k]) != Part::source && w[k].quote < 0 && w[k].kind != WordKind::quote_open;
    if (!own_clause || (labels[first] == B_CONTENT && labels[according] == B_CUE)) continue;
    // ", while" is neither statement's, whatever the tagger gave it.
    if (first > sentence_first + 2 && (w[first - 1].is("while") || w[first - 1].is("whereas")))
      labels[first - 2] = labels[first - 1] = O;
    for (uint32_t k = first; k < comma; ++k) labels[k] = k == first ? B_CONTENT : I_CONTENT;
    labels[comma] = O;
    labels[according] = B_CUE;
    labels[according + 1] = I_CUE;
    for (uint32_t k = according + 2; k < last; ++k) labels[k] = k == according + 2 ? B_SOURCE : I_SOURCE;
  }
}

}  // namespace attache::indexer::attribution
