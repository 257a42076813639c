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

namespace {

// Words [first, end) describe who spoke: a name in capitals ("Mr. Lee", "NATO's chief"), or a role
// or group noun after no more than an article and its modifiers, then what it is of or from ("A
// diplomat from a non-aligned country", "a Brazilian official"); not a clause ("The timing of
// Sanders' surge doesn't surprise Republican").
bool describes_speaker(const std::vector<Word>& w, uint32_t first, uint32_t end) {
  constexpr uint32_t kHeadWithin = 4;
  if (first >= end || !(w[first].capitalized || is_article(lowered(w[first].text)))) return false;
  bool capitals = true;
  for (uint32_t k = first; k < end; ++k) {
    if (w[k].kind != WordKind::word || w[k].quote >= 0) return false;
    capitals = capitals && (w[k].capitalized || (k == first && is_article(lowered(w[k].text))));
  }
  if (capitals) return true;
  for (uint32_t k = first; k < end && k < first + kHeadWithin; ++k) {
    const std::string lower = lowered(w[k].text);
    if (is_role_noun(lower) || is_group_noun(lower) || is_group_noun(lower + "s"))  // "official" of "officials"
      return k + 1 == end || is_object_preposition(lowered(w[k + 1].text));
    if (find_cue(lower) || is_auxiliary(lower)) return false;
  }
  return false;
}

}  // namespace

void read_colon_framed_quotations(const WordStream& stream, std::vector<uint8_t>& labels) {
  constexpr uint32_t kLongestSubject = 8, kLongestPredicate = 8;
  const auto& w = stream.words;
  for (size_t sentence = 0; sentence + 1 < stream.sentence_first_word.size(); ++sentence) {
    const uint32_t start = stream.sentence_first_word[sentence], end = stream.sentence_first_word[sentence + 1];
    uint32_t colon = start;
    while (colon < end && w[colon].kind != WordKind::colon && w[colon].quote < 0) ++colon;
    if (colon + 2 >= end || w[colon].kind != WordKind::colon || w[colon + 1].kind != WordKind::quote_open) continue;
    const uint32_t content_end = end_of_opened(w, colon, end);
    if (content_end < end) continue;
    // The subject opens the sentence, or follows a fronted clause's comma ("Asked whether ..., a
    // Brazilian official shrugged:"); the verb is the first past form after it.
    uint32_t first = start;
    for (uint32_t k = start; k < colon; ++k)
      if (w[k].kind == WordKind::comma) first = k + 1;
    first = next_word(w, first, colon);
    if (first < colon && is_opening_conjunction(w[first].text)) first = next_word(w, first + 1, colon);  // "And Mr. Christie gloated:"
    // A past form, not an adjective after an article ("a non-aligned country", "an armed group").
    auto past = [&](uint32_t k) {
      return w[k].kind == WordKind::word && !w[k].capitalized && w[k].text.size() > 3 && w[k].text.ends_with("ed") && !w[k].text.ends_with("eed") &&
             w[k].text.find('-') == std::string::npos && !is_article(lowered(w[k - 1].text));
    };
    uint32_t verb = first + 1;
    while (verb < colon && verb < first + kLongestSubject && !past(verb)) ++verb;
    // A cue of the lexicon is read_colon_introductions'.
    if (verb >= colon || colon - verb > kLongestPredicate || find_cue(lowered(w[verb].text)) ||
        !describes_speaker(w, first, verb))
      continue;
    // Nor is anyone named as speaking inside the quotation (the tagger's cues there are its words).
    bool sourced = false;
    for (uint32_t k = colon + 1; k < content_end; ++k) sourced = sourced || part_of(labels[k]) == Part::source;
    if (sourced) continue;
    bool words_only = true;  // from the verb to the colon
    for (uint32_t k = verb; k < colon; ++k) words_only = words_only && w[k].kind == WordKind::word;
    if (!words_only) continue;
    for (uint32_t k = start; k < first; ++k) labels[k] = O;  // the fronted clause's words ("Asked whether")
    for (uint32_t k = first; k < verb; ++k) labels[k] = k == first ? B_SOURCE : I_SOURCE;
    for (uint32_t k = verb; k < colon; ++k) labels[k] = k == verb ? B_CUE : I_CUE;
    label_content(labels, colon + 1, content_end);
  }
}

}  // namespace attache::indexer::attribution
