// Turns of a transcript or an interview (transcript_turns.h).
#include "transcript_turns.h"

#include <set>
#include <string>

#include "attache/indexer/dateline.h"
#include "lexicon.h"
#include "tagger.h"

namespace attache::indexer::attribution {
namespace {

constexpr uint32_t kLongestLabel = 4;
constexpr size_t kFewestTurns = 2;
constexpr uint32_t kFewestWords = 6;

struct Turn {
  uint32_t first = 0, colon = 0, end = 0;  // label [first, colon), content (colon, end)
};

// The labelled paragraph opening at word `first`, if it is one: capitalised words, a colon and
// words of the same paragraph after it.
bool read_turn(const std::vector<Word>& w, uint32_t first, Turn& turn) {
  uint32_t k = first;
  while (k < w.size() && k < first + kLongestLabel && w[k].kind == WordKind::word && w[k].capitalized &&
         w[k].quote < 0 && !w[k].dateline)
    ++k;
  if (k == first || k >= w.size() || w[k].kind != WordKind::colon || w[k].paragraph != w[first].paragraph) return false;
  uint32_t end = k + 1;
  while (end < w.size() && w[end].paragraph == w[first].paragraph) ++end;
  turn = {first, k, end};
  return end > k + 1;
}

// Whether a labelled paragraph says something: six words or more on the label's line, most of
// them in lower case, and no further label among them (not a list of names, a headline, a heading
// over its paragraph nor a form: "Iowa: Tim Albrecht, Brad Anderson, ...", "UN: PEACEKEEPERS
// PAYING ...", "Sanders: Win in a walk.", "Name: Gabrielle Hatcher Age: 27").
bool says_something(const std::vector<Word>& w, const Turn& turn) {
  uint32_t words = 0, capitalised = 0;
  for (uint32_t k = turn.colon + 1; k < turn.end && !w[k].opens_line; ++k) {
    if (w[k].kind == WordKind::colon && w[k - 1].capitalized) return false;
    if (w[k].kind != WordKind::word) continue;
    ++words;
    capitalised += w[k].capitalized;
  }
  return words >= kFewestWords && 2 * capitalised <= words;
}

// Whether the source at word k is someone else's, followed by a cue of saying ("Moon has said",
// not "We remain deeply concerned" nor the speaker's own "I wouldn't call it a failure") before `end`.
bool speech_follows(const std::vector<Word>& w, const std::vector<uint8_t>& labels, uint32_t k, uint32_t end) {
  if (w[k].is("I") || w[k].is("We") || w[k].is("we")) return false;
  while (k < end && part_of(labels[k]) == Part::source) ++k;
  for (; k < end && part_of(labels[k]) == Part::cue; ++k)
    if (w[k].kind == WordKind::word && find_cue(lowered(w[k].text))) return true;
  return false;
}

bool has_label(const std::vector<Word>& w, const Turn& turn, bool (*is_label)(std::string_view)) {
  for (uint32_t k = turn.first; k < turn.colon; ++k)
    if (is_label(w[k].text)) return true;
  return false;
}

std::string label_text(const std::vector<Word>& w, const Turn& turn) {
  std::string text;
  for (uint32_t k = turn.first; k < turn.colon; ++k) text.append(w[k].text).push_back(' ');
  return text;
}

// Whether labelled paragraphs make a transcript: two or more that are no headings, and someone
// asked or a label heard twice. Headings over single paragraphs ("Context: ...", "Background:
// ...") are set out the same way, but none of them comes back.
bool is_transcript(const std::vector<Word>& w, const std::vector<Turn>& labelled) {
  size_t counted = 0;
  bool questions = false, repeated = false;
  std::set<std::string> seen;
  for (const Turn& turn : labelled) {
    if (has_label(w, turn, is_heading_label)) continue;
    ++counted;
    questions = questions || has_label(w, turn, is_question_label);
    repeated = repeated || !seen.insert(label_text(w, turn)).second;
  }
  return counted >= kFewestTurns && (questions || repeated);
}

}  // namespace

void read_transcript_turns(const WordStream& stream, std::vector<uint8_t>& labels) {
  const auto& w = stream.words;
  std::vector<Turn> labelled;
  for (uint32_t k = 0; k < w.size(); ++k) {
    if (k > 0 && w[k].paragraph == w[k - 1].paragraph) continue;
    Turn turn;
    if (read_turn(w, k, turn)) labelled.push_back(turn);
  }
  if (!is_transcript(w, labelled)) return;
  for (const Turn& t : labelled) {
    if (has_label(w, t, is_question_label) || has_label(w, t, is_heading_label) || !says_something(w, t)) continue;
    for (uint32_t k = t.first; k < t.colon; ++k) labels[k] = k == t.first ? B_SOURCE : I_SOURCE;
    labels[t.colon] = B_CUE;
    // What the speaker says runs to the paragraph's end, or to an attribution inside it ("I said
    // ..."), which the tagger read and which stays its own.
    uint32_t end = t.colon + 1;
    while (end < t.end && !(part_of(labels[end]) == Part::source && speech_follows(w, labels, end, t.end))) ++end;
    // "There are no plans, and we have said so": the conjunction joins the two.
    if (end < t.end) {
      while (end > t.colon + 1 && w[end - 1].kind == WordKind::word && joins_clause(lowered(w[end - 1].text))) --end;
      while (end > t.colon + 1 && w[end - 1].kind == WordKind::comma) --end;
    }
    for (uint32_t k = t.colon + 1; k < end; ++k) labels[k] = k == t.colon + 1 ? B_CONTENT : I_CONTENT;
  }
}

bool is_turn(const std::vector<Word>& w, uint32_t source_first, uint32_t source_last, uint32_t cue_first,
             uint32_t cue_last) {
  return cue_first == cue_last && w[cue_first].kind == WordKind::colon && source_last + 1 == cue_first &&
         (source_first == 0 || w[source_first - 1].paragraph != w[source_first].paragraph);
}

void read_labels_in_capitals(std::vector<Word>& words) {
  for (uint32_t k = 0; k < words.size(); ++k) {
    if (k > 0 && words[k].paragraph == words[k - 1].paragraph) continue;
    Turn turn;
    if (!read_turn(words, k, turn)) continue;
    bool capitals = true;
    for (uint32_t j = turn.first; j < turn.colon && capitals; ++j)
      for (char c : words[j].text) capitals = capitals && !(c >= 'a' && c <= 'z');
    // A label of one short word is an acronym ("US:", "UN:"), not a name.
    if (!capitals || (turn.colon == turn.first + 1 && words[turn.first].text.size() <= 3)) continue;
    for (uint32_t j = turn.first; j < turn.colon; ++j) {
      if (words[j].text.size() < 2 || is_question_label(words[j].text) || is_heading_label(words[j].text)) continue;
      words[j].text = title_case(words[j].text);
    }
  }
}

}  // namespace attache::indexer::attribution
