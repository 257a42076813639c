// Turns of a transcript or an interview (transcript_turns.h).
#include "transcript_turns.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <string>

#include "attache/indexer/dateline.h"
#include "lexicon.h"
#include "noun_phrases.h"
#include "tagger.h"

namespace attache::indexer::attribution {
namespace {

constexpr uint32_t kLongestName = 4;    // words of a speaker named by the label
constexpr uint32_t kLongestLabel = 24;  // tokens before the colon, descriptions in brackets included
constexpr size_t kFewestTurns = 2;
constexpr uint32_t kFewestWords = 6;

// A labelled paragraph: label [first, colon) naming the speaker [speaker_first, speaker_end),
// content (colon, end).
struct Turn {
  uint32_t first = 0, colon = 0, end = 0;
  uint32_t speaker_first = 0, speaker_end = 0;
};

// A word of a speaker's label; not an owner's ("MICHEL'S PLEA:" is a kicker over its paragraph).
bool label_word(const Word& w) {
  return w.kind == WordKind::word && w.quote < 0 && !w.dateline && !possessive(lowered(w.text)) &&
         (w.capitalized || is_title_word(w.text) || is_particle(w.text));
}

// The capitalised words of [from, to), if that is all there is and no more than a name's length.
bool names_someone(const std::vector<Word>& w, uint32_t from, uint32_t to) {
  if (from >= to || to - from > kLongestName) return false;
  for (uint32_t k = from; k < to; ++k)
    if (!label_word(w[k])) return false;
  return w[from].capitalized;
}

// Where the speaker stands in a label: its head, the words before a comma or bracket ("MR PRICE",
// "Emily Thornberry (Islington South and Finsbury) (Lab)", "STEVE INSKEEP, HOST"), or the name in
// brackets after an office ("The Secretary of State for Foreign and Commonwealth Affairs (Jeremy
// Hunt)", "The Minister of State, Foreign and Commonwealth Office (Sir Alan Duncan)").
bool find_speaker(const std::vector<Word>& w, Turn& turn) {
  uint32_t head_end = turn.first;
  while (head_end < turn.colon && w[head_end].kind == WordKind::word) ++head_end;
  uint32_t open = head_end;
  while (open < turn.colon && w[open].kind != WordKind::bracket_open) ++open;
  uint32_t close = open;
  while (close < turn.colon && w[close].kind != WordKind::bracket_close) ++close;
  const bool office = w[turn.first].is("The") || !names_someone(w, turn.first, head_end);
  if (office && close < turn.colon && names_someone(w, open + 1, close)) {
    turn.speaker_first = open + 1, turn.speaker_end = close;
    return true;
  }
  turn.speaker_first = turn.first, turn.speaker_end = head_end;
  return names_someone(w, turn.first, head_end);
}

// The labelled paragraph opening at word `first`, if it is one: a label of capitalised words (a
// list number before it, descriptions in brackets or after a comma in it), a colon, and words of
// the same paragraph after it.
bool read_turn(const std::vector<Word>& w, uint32_t first, Turn& turn) {
  const uint32_t paragraph = w[first].paragraph;
  // "1. Tulip Siddiq (Hampstead and Kilburn) (Lab): ...", as Hansard numbers its questions.
  if (first + 2 < w.size() && std::all_of(w[first].text.begin(), w[first].text.end(), [](unsigned char c) { return std::isdigit(c); }) &&
      w[first + 1].kind == WordKind::terminator)
    first += 2;
  uint32_t k = first, depth = 0;
  for (; k < w.size() && k < first + kLongestLabel && w[k].paragraph == paragraph; ++k) {
    const WordKind kind = w[k].kind;
    if (kind == WordKind::bracket_open) ++depth;
    else if (kind == WordKind::bracket_close && depth > 0) --depth;
    else if (depth > 0) continue;  // "(spoke in Russian)"
    else if (kind == WordKind::colon || !(label_word(w[k]) || kind == WordKind::comma)) break;
  }
  if (k == first || k >= w.size() || w[k].kind != WordKind::colon || w[k].paragraph != paragraph || depth > 0)
    return false;
  uint32_t end = k + 1;
  while (end < w.size() && w[end].paragraph == paragraph) ++end;
  turn = {first, k, end, 0, 0};
  return end > k + 1 && find_speaker(w, turn);
}

bool lower_case(const Word& w) { return w.kind == WordKind::word && !w.capitalized; }

// Whether a labelled paragraph says something: six words or more on the label's line, most of
// them in lower case, and no further label among them (not a list of names, a headline, a heading
// over its paragraph nor a form: "Iowa: Tim Albrecht, Brad Anderson, ...", "UN: PEACEKEEPERS
// PAYING ...", "Sanders: Win in a walk.", "Name: Gabrielle Hatcher Age: 27").
bool says_something(const std::vector<Word>& w, const Turn& turn) {
  uint32_t words = 0, capitalised = 0;
  for (uint32_t k = turn.colon + 1; k < turn.end && !w[k].opens_line; ++k) {
    if (w[k].kind == WordKind::colon && w[k - 1].capitalized && k + 1 < turn.end && !lower_case(w[k + 1]))
      return false;
    if (w[k].kind != WordKind::word) continue;
    ++words;
    capitalised += w[k].capitalized;
  }
  return words >= kFewestWords && 2 * capitalised <= words;
}

// Whether the source [first, end) names another than the turn's speaker ("Secretary Blinken",
// "President Moon", "Lavrov", "he", "Russia"), not a body the speaker may speak for, which the
// article names with "the" or as an institution ("the United States is announcing", "the
// government has decided", "the Department").
bool names_another_person(const std::vector<Word>& w, uint32_t first, uint32_t end) {
  bool article = first > 0 && w[first - 1].kind == WordKind::word && is_article(lowered(w[first - 1].text));
  bool named = false;
  for (uint32_t k = first; k < end; ++k) {
    if (w[k].kind != WordKind::word) continue;
    const std::string lower = lowered(w[k].text);
    if (lower == "he" || lower == "she" || is_role_noun(lower) || is_personal_title(w[k].text)) return true;
    article = article || is_article(lower);
    named = named || (w[k].capitalized && !is_article(lower) && !is_institution_word(w[k].text));
  }
  return named && !article;
}

// Whether the turn ending at `end` asks something: its last mark is a question mark.
bool asks(const std::vector<Word>& w, uint32_t end) {
  while (end > 0 && w[end - 1].kind != WordKind::word) {
    if (w[end - 1].kind == WordKind::terminator) return w[end - 1].text == "?";
    --end;
  }
  return false;
}

uint32_t first_of_sentence(const std::vector<Word>& w, uint32_t k) {
  while (k > 0 && w[k - 1].sentence == w[k].sentence) --k;
  return k;
}

// Whether the source at word k is another's, followed by a cue of saying before `end`: "Moon has
// said", not "We remain deeply concerned" nor the speaker's own "I wouldn't call it a failure"; in
// an answer, not a body the speaker may speak for ("Today the United States is announcing"), which
// in a question is another's ("The leadership in Tehran says ... How do you respond?").
bool speech_follows(const std::vector<Word>& w, const std::vector<uint8_t>& labels, uint32_t k, uint32_t end) {
  // "Can he confirm that ...?": the one asked, not another's saying.
  if (w[k].kind == WordKind::word && (is_first_person(w[k].text) || asked_after_auxiliary(w, k, first_of_sentence(w, k))))
    return false;
  const uint32_t source = k;
  while (k < end && part_of(labels[k]) == Part::source) ++k;
  if (!asks(w, end) && !names_another_person(w, source, k)) return false;
  for (; k < end && part_of(labels[k]) == Part::cue; ++k)
    if (w[k].kind == WordKind::word && find_cue(lowered(w[k].text))) return true;
  return false;
}

// The first source in [from, end) of another person's attribution, or end.
uint32_t inner_attribution(const std::vector<Word>& w, const std::vector<uint8_t>& labels, uint32_t from, uint32_t end) {
  while (from < end && !(labels[from] == B_SOURCE && speech_follows(w, labels, from, end))) ++from;
  return from;
}

// Where the speaker's own words before an attribution at `inner` (turn_end when none) end: "There
// are no plans, and the Secretary has said so": the conjunction and the comma join the two.
uint32_t before_joining_words(const std::vector<Word>& w, uint32_t from, uint32_t inner, uint32_t turn_end) {
  constexpr uint32_t kLongestLeadIn = 2;
  if (inner >= turn_end) return inner;
  uint32_t end = inner;
  // "As President Trump told me", "Today the Secretary said": a lead-in of a word or two opening
  // the sentence is the attribution's.
  uint32_t opening = inner;
  while (opening > from && w[opening - 1].sentence == w[inner].sentence) --opening;
  // So is a fronted clause ("When Kuleba was in Berlin, he said to me").
  const bool fronted = is_subordinator(w[opening].text) && w[inner - 1].kind == WordKind::comma;
  if (inner - opening <= kLongestLeadIn || fronted) end = opening;
  while (end > from && w[end - 1].kind == WordKind::word && joins_clause(lowered(w[end - 1].text))) --end;
  while (end > from && w[end - 1].kind == WordKind::comma) --end;
  return end;
}

// The first word of the sentence after the attribution at `inner` and what it says, or end.
uint32_t past_attribution(const std::vector<Word>& w, const std::vector<uint8_t>& labels, uint32_t inner, uint32_t end) {
  uint32_t k = inner;
  while (k < end && part_of(labels[k]) != Part::none) ++k;
  const uint32_t sentence = w[k > inner ? k - 1 : k].sentence;
  while (k < end && (w[k].sentence == sentence || w[k].kind != WordKind::word)) ++k;
  return k;
}

bool has_label(const std::vector<Word>& w, const Turn& turn, bool (*is_label)(std::string_view)) {
  for (uint32_t k = turn.first; k < turn.colon; ++k)
    if (is_label(w[k].text)) return true;
  return false;
}

// The speaker's last word, by which a label heard again is known ("STEVE INSKEEP, HOST" and
// "INSKEEP", "Jeremy Hunt" and "Mr Hunt").
std::string label_key(const std::vector<Word>& w, const Turn& turn) { return lowered(w[turn.speaker_end - 1].text); }

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
    repeated = repeated || !seen.insert(label_key(w, turn)).second;
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
    // A source the tagger read on over the label ("STEVE INSKEEP, HOST: Secretary of State Mike
    // Pompeo left Pyongyang this weekend saying ...") starts after it.
    if (labels[t.colon + 1] == I_SOURCE) labels[t.colon + 1] = B_SOURCE;
    for (uint32_t k = t.first; k <= t.colon; ++k) labels[k] = O;
    // What the speaker says runs to the paragraph's end, or to another person's attribution inside
    // it ("President Moon has said ..."), which the tagger read and which stays its own.
    uint32_t inner = inner_attribution(w, labels, t.colon + 1, t.end);
    const uint32_t end = before_joining_words(w, t.colon + 1, inner, t.end);
    if (end == t.colon + 1 && inner >= t.end) continue;  // the label is all the speaker's own
    for (uint32_t k = t.first; k < t.colon; ++k)
      labels[k] = k == t.speaker_first ? B_SOURCE : k > t.speaker_first && k < t.speaker_end ? I_SOURCE : O;
    labels[t.colon] = B_CUE;
    for (uint32_t k = t.colon + 1; k < end; ++k) labels[k] = k == t.colon + 1 ? B_CONTENT : I_CONTENT;
    // The sentences after that attribution are the speaker's again ("... he said to me: “Every day
    // we wait, we pay in lives.” I can't simply wave that away."): content the grouping gives the turn.
    while (inner < t.end) {
      const uint32_t from = past_attribution(w, labels, inner, t.end);
      inner = inner_attribution(w, labels, from, t.end);
      const uint32_t to = before_joining_words(w, from, inner, t.end);
      for (uint32_t k = from; k < to; ++k) labels[k] = k == from ? B_CONTENT : I_CONTENT;
    }
  }
}

bool is_turn(const std::vector<Word>& w, uint32_t source_first, uint32_t source_last, uint32_t cue_first,
             uint32_t cue_last) {
  if (cue_first != cue_last || w[cue_first].kind != WordKind::colon || source_last >= cue_first) return false;
  uint32_t first = source_first;
  while (first > 0 && w[first - 1].paragraph == w[source_first].paragraph) --first;
  Turn turn;
  return read_turn(w, first, turn) && turn.colon == cue_first && turn.speaker_first == source_first;
}

void read_labels_in_capitals(std::vector<Word>& words) {
  for (uint32_t k = 0; k < words.size(); ++k) {
    if (k > 0 && words[k].paragraph == words[k - 1].paragraph) continue;
    Turn turn;
    if (!read_turn(words, k, turn)) continue;
    bool capitals = true;
    for (uint32_t j = turn.speaker_first; j < turn.speaker_end && capitals; ++j)
      for (char c : words[j].text) capitals = capitals && !(c >= 'a' && c <= 'z');
    // A label of one short word is an acronym ("US:", "UN:"), not a name.
    const bool acronym = turn.speaker_end == turn.speaker_first + 1 && words[turn.speaker_first].text.size() <= 3;
    if (!capitals || acronym) continue;
    for (uint32_t j = turn.speaker_first; j < turn.speaker_end; ++j) {
      if (words[j].text.size() < 2 || is_question_label(words[j].text) || is_heading_label(words[j].text)) continue;
      words[j].text = title_case(words[j].text);
    }
  }
}

}  // namespace attache::indexer::attribution
