// A headline's own attribution (headline_attributions.h).
#include "headline_attributions.h"

#include <string>

#include "lexicon.h"
#include "noun_phrases.h"
#include "tagger.h"

namespace attache::indexer::attribution {
namespace {

constexpr uint32_t kLongestSource = 6;  // words naming who spoke in a headline
constexpr uint32_t kShortestContent = 2;

// A cue as headlines write it, in the present ("Says", "Warns", "Tells"), not a participle or a
// noun's plural that takes no object after a possessive ("Trump's claims").
bool headline_cue(const Word& word) {
  if (word.kind != WordKind::word || word.quote >= 0) return false;
  const std::string lower = lowered(word.text);
  return find_cue(lower) && lower.ends_with("s") && !lower.ends_with("ss");
}

// Words [first, end) may name who spoke: words only, opening with a capital, no cue ("Prince tells
// Hong Kong:"), not ending in a possessive ("Trump's claims"), an article or a heading ("Update").
bool names_speaker(const std::vector<Word>& w, uint32_t first, uint32_t end) {
  if (first >= end || end - first > kLongestSource || !w[first].capitalized || is_heading_label(w[first].text) ||
      is_question_label(w[first].text))
    return false;
  for (uint32_t k = first; k < end; ++k)
    if (w[k].kind != WordKind::word || w[k].quote >= 0 || headline_cue(w[k])) return false;
  const std::string last = lowered(w[end - 1].text);
  return !possessive(last) && !is_article(last) && !is_object_preposition(last);
}

uint32_t words_in(const std::vector<Word>& w, uint32_t first, uint32_t end) {
  uint32_t n = 0;
  for (uint32_t k = first; k < end; ++k) n += w[k].kind == WordKind::word;
  return n;
}

void label(std::vector<uint8_t>& labels, uint32_t first, uint32_t end, Label begin, Label inside) {
  for (uint32_t k = first; k < end; ++k) labels[k] = k == first ? begin : inside;
}

// What a cue at `cue` says: the rest of the headline, or the quotation ending it past an addressee
// ("Straw tells UN: ‘This is Iraq’s final opportunity’"; not "demands China apologise for
// 'repugnant' post").
uint32_t content_start(const std::vector<Word>& w, uint32_t cue, uint32_t end) {
  constexpr uint32_t kLongestAddressee = 3;
  for (uint32_t k = cue + 1; k < end; ++k) {
    if (w[k].kind != WordKind::quote_open) continue;
    const bool ends_headline = w[end - 1].kind == WordKind::quote_close || w[end - 1].quote == w[k + 1].quote;
    return ends_headline && k + 1 < end && words_in(w, cue + 1, k) <= kLongestAddressee ? k : cue + 1;
  }
  return cue + 1;
}

}  // namespace

void read_headline_attribution(const WordStream& stream, std::vector<uint8_t>& labels) {
  const auto& w = stream.words;
  const uint32_t headline = headline_end(w);
  uint32_t end = headline;
  while (end > 0 && w[end - 1].kind == WordKind::terminator) --end;
  if (end < 3) return;
  // "Kerry: Talks will go on".
  for (uint32_t colon = 1; colon < end && colon <= kLongestSource; ++colon) {
    if (w[colon].kind != WordKind::colon) continue;
    if (!names_speaker(w, 0, colon) || words_in(w, colon + 1, end) < kShortestContent) break;
    label(labels, 0, colon, B_SOURCE, I_SOURCE);
    labels[colon] = B_CUE;
    label(labels, colon + 1, end, B_CONTENT, I_CONTENT);
    return;
  }
  // "Shultz Says Arms Deal Foundered".
  for (uint32_t cue = 1; cue < end && cue <= kLongestSource; ++cue) {
    if (!headline_cue(w[cue])) continue;
    const uint32_t first = content_start(w, cue, end);
    if (!names_speaker(w, 0, cue) || words_in(w, first, end) < kShortestContent) break;
    label(labels, 0, cue, B_SOURCE, I_SOURCE);
    labels[cue] = B_CUE;
    label(labels, first, end, B_CONTENT, I_CONTENT);
    return;
  }
  // "Boundary pact will be remembered like fall of Berlin Wall, says Modi" / "..., Modi says".
  uint32_t comma = end;
  while (comma > 0 && w[comma - 1].kind != WordKind::comma) --comma;
  if (comma == 0 || words_in(w, 0, comma - 1) < kShortestContent) return;
  const uint32_t after = comma;  // the first word after the comma
  if (after + 1 < end && headline_cue(w[after]) && names_speaker(w, after + 1, end)) {
    labels[after] = B_CUE;
    label(labels, after + 1, end, B_SOURCE, I_SOURCE);
  } else if (after + 1 < end && headline_cue(w[end - 1]) && names_speaker(w, after, end - 1)) {
    label(labels, after, end - 1, B_SOURCE, I_SOURCE);
    labels[end - 1] = B_CUE;
  } else {
    return;
  }
  label(labels, 0, comma - 1, B_CONTENT, I_CONTENT);
}

}  // namespace attache::indexer::attribution
