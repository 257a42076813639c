// A headline's own attribution (headline_attributions.h).
#include "headline_attributions.h"

#include <algorithm>
#include <string>

#include "lexicon.h"
#include "noun_phrases.h"
#include "speaker_names.h"
#include "tagger.h"

namespace attache::indexer::attribution {
namespace {

constexpr uint32_t kLongestSource = 6;  // words naming who spoke in a headline
constexpr uint32_t kShortestContent = 2;

// A cue as headlines write it, in the present ("Says", "Warns", "Tells"): a verb whose form in "-s"
// is no noun's plural ("Claims", "Comments", "Remarks", "Reports" are).
bool headline_cue(const Word& word) {
  static constexpr std::string_view kVerbs[] = {
      "say", "tell", "warn", "urge", "insist", "vow", "assert", "deny", "admit", "accuse", "demand", "call",
      "slam", "blast", "praise", "pledge", "promise", "argue", "confirm", "announce", "declare", "stress", "reject",
      "criticize", "welcome", "dismiss", "condemn", "predict", "reaffirm", "threaten", "caution", "assure"};
  if (word.kind != WordKind::word || word.quote >= 0) return false;
  const std::string lower = lowered(word.text);
  const Cue* cue = lower.ends_with("s") && !lower.ends_with("ss") ? find_cue(lower) : nullptr;
  return cue && std::find(std::begin(kVerbs), std::end(kVerbs), cue->base) != std::end(kVerbs);
}

// Words [first, end) may name who spoke: words only, opening with a capital or ending with a group
// ("say 19 leaders", "say officials"), no cue ("Prince tells Hong Kong:") or relative pronoun ("Man
// Who Says"), not ending in a possessive ("Trump's claims"), an article or a heading ("Update",
// "Analysis").
bool may_name_speaker(const std::vector<Word>& w, uint32_t first, uint32_t end) {
  if (first >= end || end - first > kLongestSource || is_heading_label(w[first].text) || is_question_label(w[first].text))
    return false;
  if (!w[first].capitalized && !is_group_noun(lowered(w[end - 1].text))) return false;
  for (uint32_t k = first; k < end; ++k)
    if (w[k].kind != WordKind::word || w[k].quote >= 0 || headline_cue(w[k]) || w[k].is("Who") || w[k].is("That") ||
        w[k].is("who") || w[k].is("that"))
      return false;
  const std::string last = lowered(w[end - 1].text);
  return !possessive(last) && !is_article(last) && !is_object_preposition(last);
}

uint32_t words_in(const std::vector<Word>& w, uint32_t first, uint32_t end) {
  uint32_t n = 0;
  for (uint32_t k = first; k < end; ++k) n += w[k].kind == WordKind::word;
  return n;
}

// Where what was said opens in words [begin, end): after the last colon of a label before it
// ("Gambia: No agreement yet ...", "Cease-fire call by 64 votes to 5: ‘Grave error,’ ..."), else at begin.
uint32_t after_label_colon(const std::vector<Word>& w, uint32_t begin, uint32_t end) {
  uint32_t said = begin;
  for (uint32_t k = begin; k < end; ++k)
    if (w[k].kind == WordKind::colon) said = k + 1;
  return said;
}

void label(std::vector<uint8_t>& labels, uint32_t first, uint32_t end, Label begin, Label inside) {
  for (uint32_t k = first; k < end; ++k) labels[k] = k == first ? begin : inside;
}

// What a cue at `cue` says: the rest of the headline, or the quotation ending it past an addressee
// ("Straw tells UN: ‘This is Iraq’s final opportunity’"; not "demands China apologise for
// 'repugnant' post").
uint32_t content_start(const std::vector<Word>& w, uint32_t cue, uint32_t end) {
  constexpr uint32_t kLongestAddressee = 3;
  // "Carter Tells Begin That Peace Is Near": whom it was told, then what.
  // "PM tells Commons: UN should check Cuba": whom (in capitals), a colon, then what (not "Smith
  // tells of horror: ...").
  if (w[cue].is("Tells") || w[cue].is("tells") || w[cue].is("Told") || w[cue].is("told"))
    for (uint32_t k = cue + 2; k < end && k <= cue + 1 + kLongestAddressee; ++k) {
      if (w[k].kind == WordKind::colon && k + 1 < end && w[k + 1].kind != WordKind::quote_open && w[cue + 1].capitalized)
        return k + 1;
      if (w[k].kind != WordKind::word) break;
      if (w[k].is("That") || w[k].is("that")) return k + 1;
    }
  for (uint32_t k = cue + 1; k < end; ++k) {
    if (w[k].kind != WordKind::quote_open) continue;
    if (k + 1 >= end) return cue + 1;
    const bool ends_headline = w[end - 1].kind == WordKind::quote_close || w[end - 1].quote == w[k + 1].quote;
    return ends_headline && words_in(w, cue + 1, k) <= kLongestAddressee ? k : cue + 1;
  }
  return cue + 1;
}

// Where a headline's speaker may open before word `at`: its start, or after the comma of a
// fronted clause ("As Cairo clashes erupt, State Department tells Egypt: ...").
uint32_t speaker_start(const std::vector<Word>& w, uint32_t begin, uint32_t at) {
  uint32_t start = begin;
  for (uint32_t k = begin; k < at; ++k)
    if (w[k].kind == WordKind::comma || w[k].kind == WordKind::colon) start = k + 1;  // "Iraq: Saddam Says"
  return start;
}

// Words [first, end) name a place or a nation ("Iraq:", "Middle East:"), which heads a story, not a
// speaker of it.
bool names_place(const std::vector<Word>& w, uint32_t first, uint32_t end) {
  for (uint32_t k = first; k < end; ++k)
    if (!is_place_word(w[k].text) && !nation_of(w[k].text)) return false;
  return true;
}

// Words [first, end) in capitals but for "of": a name before a colon ("Prince Faisal:"), not a
// label ("Live updates:").
bool capitalised(const std::vector<Word>& w, uint32_t first, uint32_t end) {
  for (uint32_t k = first; k < end; ++k)
    if (!w[k].capitalized && !w[k].is("of")) return false;
  return true;
}

// "Kerry: Talks will go on".
bool read_named_before_colon(const std::vector<Word>& w, uint32_t begin, uint32_t end, std::vector<uint8_t>& labels) {
  for (uint32_t colon = begin + 1; colon < end; ++colon) {
    if (w[colon].kind != WordKind::colon) continue;
    const uint32_t first = speaker_start(w, begin, colon);
    // "Sadat to Knesset: ‘We Welcome You Among Us’", "Haig back in BA: ‘Time is running out’": whom
    // it was said to or where, in capitals after "to", "in" or "at" ("back in").
    uint32_t source_end = colon;
    for (uint32_t k = first + 1; k + 1 < colon; ++k)
      if ((w[k].is("to") || w[k].is("in") || w[k].is("at")) && w[k + 1].capitalized && capitalised(w, k + 1, colon))
        source_end = k > first + 1 && w[k - 1].is("back") ? k - 1 : k;
    // "Arab ministers:": capitals, or capitals before a group.
    const bool named = capitalised(w, first, source_end) ||
                       (source_end > first + 1 && capitalised(w, first, source_end - 1) &&
                        is_group_noun(lowered(w[source_end - 1].text)));
    if (source_end - first > kLongestSource || !may_name_speaker(w, first, source_end) || !named ||
        names_place(w, first, source_end) || words_in(w, colon + 1, end) < kShortestContent)
      return false;
    label(labels, first, source_end, B_SOURCE, I_SOURCE);
    labels[colon] = B_CUE;
    label(labels, colon + 1, end, B_CONTENT, I_CONTENT);
    return true;
  }
  return false;
}

// "Australia to toughen Zimbabwe sanctions: Smith", "Gambia: No agreement yet with Jammeh –
// Sirleaf": a name in capitals alone after the last colon or dash, as British, Indian, Australian
// and African papers close a headline (what was said opens after a label's colon before it), the
// name one who speaks in the article.
bool read_named_after_colon(const std::vector<Word>& w, uint32_t begin, uint32_t end, std::vector<uint8_t>& labels) {
  constexpr uint32_t kLongestName = 3, kShortestClaim = 3;  // not "Day one: Trump"
  auto separates = [&](uint32_t k) { return w[k].kind == WordKind::colon || w[k].kind == WordKind::dash; };
  uint32_t colon = end;
  while (colon > begin && !separates(colon - 1)) --colon;
  if (colon == begin) return false;
  const uint32_t first = colon--;
  const uint32_t said = after_label_colon(w, begin, colon);
  // The name is one who speaks in the article ("– Sirleaf", then "Sirleaf told reporters"), not a
  // part of a series ("– Part Two") or the subject of a feature ("The best films of 2016: Moonlight").
  constexpr uint32_t kCueWithin = 4;
  bool named_below = false;
  for (uint32_t k = end; k < w.size() && !named_below; ++k)
    if (w[k].text == w[end - 1].text)
      for (uint32_t j = k + 1; j < w.size() && j <= k + kCueWithin && !named_below; ++j)
        named_below = w[j].kind == WordKind::word && !w[j].capitalized && w[j].quote < 0 && find_cue(lowered(w[j].text));
  if (first >= end || end - first > kLongestName || !capitalised(w, first, end) || !may_name_speaker(w, first, end) ||
      names_place(w, first, end) || words_in(w, said, colon) < kShortestClaim || !named_below)
    return false;
  label(labels, said, colon, B_CONTENT, I_CONTENT);
  labels[colon] = B_CUE;
  label(labels, first, end, B_SOURCE, I_SOURCE);
  return true;
}

// "Shultz Says Arms Deal Foundered", "Straw tells UN: ‘...’".
bool read_opening_cue(const std::vector<Word>& w, uint32_t begin, uint32_t end, std::vector<uint8_t>& labels) {
  for (uint32_t cue = begin + 1; cue < end; ++cue) {
    if (!headline_cue(w[cue])) continue;
    const uint32_t first = speaker_start(w, begin, cue), said = content_start(w, cue, end);
    if (cue - first > kLongestSource || !may_name_speaker(w, first, cue) || words_in(w, said, end) < kShortestContent)
      return false;
    label(labels, first, cue, B_SOURCE, I_SOURCE);
    labels[cue] = B_CUE;
    label(labels, said, end, B_CONTENT, I_CONTENT);
    return true;
  }
  return false;
}

// "Boundary pact will be remembered, says Modi", "..., Modi says", "No foreign peacekeepers,
// Habibie tells Howard" (whom it was told to in capitals after the cue).
void read_closing_attribution(const std::vector<Word>& w, uint32_t begin, uint32_t end, std::vector<uint8_t>& labels) {
  constexpr uint32_t kLongestAddressee = 3;
  uint32_t after = end;  // the first word after the last comma (and a quotation it closes)
  while (after > begin && w[after - 1].kind != WordKind::comma) --after;
  if (after == begin) return;
  const uint32_t comma = after - 1;
  while (after < end && w[after].kind == WordKind::quote_close) ++after;
  const uint32_t said = after_label_colon(w, begin, comma);
  if (after + 1 >= end || words_in(w, said, comma) < kShortestContent) return;
  auto cue_word = [&](uint32_t k) { return headline_cue(w[k]) || (w[k].quote < 0 && (w[k].is("say") || w[k].is("Say"))); };
  uint32_t cue = after;
  while (cue < end && !cue_word(cue)) ++cue;
  if (cue == end) return;
  if (cue == after && may_name_speaker(w, after + 1, end)) {
    labels[cue] = B_CUE;
    label(labels, after + 1, end, B_SOURCE, I_SOURCE);
  } else if (cue > after && may_name_speaker(w, after, cue) && end - cue - 1 <= kLongestAddressee &&
             capitalised(w, cue + 1, end)) {
    label(labels, after, cue, B_SOURCE, I_SOURCE);
    label(labels, cue, end, B_CUE, I_CUE);
  } else {
    return;
  }
  label(labels, said, comma, B_CONTENT, I_CONTENT);
}

// Reads a heading's words [begin, end) by the four shapes.
void read_heading(const std::vector<Word>& w, uint32_t begin, uint32_t end, std::vector<uint8_t>& labels) {
  if (end < begin + 3 || read_opening_cue(w, begin, end, labels) || read_named_before_colon(w, begin, end, labels) ||
      read_named_after_colon(w, begin, end, labels))
    return;
  read_closing_attribution(w, begin, end, labels);
}

// After the time stamp and dash opening a live blog's entry ("9:41 pm — Abbas: ..."), or 0 when
// the paragraph at `first` opens otherwise.
uint32_t after_time_stamp(const std::vector<Word>& w, uint32_t first) {
  constexpr uint32_t kLongestStamp = 5;  // "9", ":", "41", "pm" or "9:41 p.m."
  uint32_t k = first;
  bool digits = false;
  while (k < w.size() && k < first + kLongestStamp && w[k].paragraph == w[first].paragraph) {
    const std::string lower = lowered(w[k].text);
    const bool number = !lower.empty() && lower[0] >= '0' && lower[0] <= '9';
    if (!(number || w[k].kind == WordKind::colon || lower == "am" || lower == "pm" || lower == "a.m." || lower == "p.m."))
      break;
    digits = digits || number;
    ++k;
  }
  return digits && k > first && k < w.size() && w[k].kind == WordKind::dash ? k + 1 : 0;
}

}  // namespace

bool in_time_stamped_heading(const std::vector<Word>& w, uint32_t k) {
  uint32_t first = k;
  while (first > 0 && w[first - 1].paragraph == w[k].paragraph) --first;
  return w[k].paragraph > 0 && after_time_stamp(w, first) > 0;
}

void read_headline_attribution(const WordStream& stream, std::vector<uint8_t>& labels) {
  constexpr uint32_t kLongestHeading = 25;
  const auto& w = stream.words;
  // A headline of two clauses ("Begin and Sadat Sign Accords at White House; Carter Calls Pact 'a
  // Historic Achievement'") is two headings.
  if (const uint32_t headline = headline_end(w)) {
    uint32_t clause = 0;
    for (uint32_t k = 0; k <= headline; ++k)
      if (k == headline || w[k].kind == WordKind::semicolon) {
        read_heading(w, clause, k, labels);
        clause = k + 1;
      }
  }
  // A live blog's entries open with a heading after their time ("9:41 pm — Abbas: Only an end to
  // occupation will bring peace"): a paragraph of no sentence's end.
  for (uint32_t first = 0; first < w.size();) {
    uint32_t end = first;
    bool sentence_end = false;
    while (end < w.size() && w[end].paragraph == w[first].paragraph) sentence_end |= w[end++].kind == WordKind::terminator;
    const uint32_t begin = w[first].paragraph > 0 ? after_time_stamp(w, first) : 0;
    if (begin > 0 && !sentence_end && words_in(w, begin, end) <= kLongestHeading) {
      for (uint32_t k = first; k < end; ++k) labels[k] = O;
      read_heading(w, begin, end, labels);
    }
    first = end;
  }
}

}  // namespace attache::indexer::attribution
