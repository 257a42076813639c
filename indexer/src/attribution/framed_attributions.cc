// Attributions in fixed frames (framed_attributions.h).
#include "framed_attributions.h"

#include <string>

#include "frame_words.h"
#include "lexicon.h"
#include "tagger.h"

namespace attache::indexer::attribution {
namespace {

constexpr uint32_t kLongestSource = 8;  // words between "as" and "put it"

// A plain verb of saying, which a parenthetical attribution is made of ("he said", "she added").
bool parenthetical_cue(const Word& word) {
  const Cue* cue = word.kind == WordKind::word && word.quote < 0 ? find_cue(lowered(word.text)) : nullptr;
  if (!cue) return false;
  for (const char* base : {"say", "add", "insist", "argue", "note", "explain", "warn", "recall", "write", "stress"})
    if (cue->base == base) return true;
  return false;
}

// Whether the words after the cue at `cue` may tell when, where or to whom it was said ("on
// Monday", "told reporters", "later") or who reports in turn ("says his research shows"): not the
// opening of what was said ("Reeves wrote that the title, history and text of the law showed").
bool circumstance_after(const std::vector<Word>& w, uint32_t cue) {
  const std::string next = lowered(w[cue + 1].text);
  return (!is_article(next) && next != "that") || takes_addressee(lowered(w[cue].text));
}

// Words [first, end) are the whole attribution: a pronoun or a speaker's phrase and a plain cue, in
// either order, then at most a few words of when or where ("on Monday", "in an interview").
bool whole_attribution(const std::vector<Word>& w, uint32_t first, uint32_t end) {
  constexpr uint32_t kLongestSpeaker = 5, kLongestCircumstance = 4;
  if (first >= end || w[first].quote >= 0) return false;
  uint32_t cue = first;
  while (cue < end && cue < first + kLongestSpeaker + 1 && !parenthetical_cue(w[cue])) ++cue;
  if (cue >= end || !parenthetical_cue(w[cue])) return false;
  const std::string lower = lowered(w[first].text);
  if (cue > first) {  // "he said", "the minister said"
    const bool pronoun = cue == first + 1 && is_speaker_pronoun(lower);
    if (!pronoun && !names_speaker(w, first, cue)) return false;
    // Not "In his ruling, Reeves said the title, history ...": what follows the cue is a circumstance.
    return end - cue - 1 <= kLongestCircumstance && (cue + 1 == end || circumstance_after(w, cue));
  }
  // "said the minister", "said Mr. Lee on Monday"
  uint32_t source_end = cue + 1;
  while (source_end < end && source_end <= cue + kLongestSpeaker && w[source_end].kind == WordKind::word &&
         !says_when_or_where(w[source_end].text))
    ++source_end;
  return names_speaker(w, cue + 1, source_end) && end - source_end <= kLongestCircumstance;
}

// A word that opens a clause's subject: an article, a possessive or a pronoun that is no speaker's
// own ("his country's actions", "the mission", "Robert Serry", "it").
bool opens_subject(const Word& word) {
  if (word.kind != WordKind::word || word.quote >= 0) return false;
  const std::string lower = lowered(word.text);
  return is_article(lower) || lower == "his" || lower == "her" || lower == "its" || lower == "their" ||
         lower == "our" || lower == "it" || lower == "they" || lower == "we" ||
         (word.capitalized && !find_cue(lower));
}

// Words [first, end) may be what was said around a parenthetical attribution: no quotation and no
// cue of the lexicon.
// `quoted_inside`: a few words quoted after the part's opening words are allowed ("..., the
// statement said, would take “all necessary measures” in reply"). A cue word used as a noun after
// "in", "a" or "the" ("in reply to") is no cue.
bool plain_said(const std::vector<Word>& w, uint32_t first, uint32_t end, bool quoted_inside = false) {
  constexpr uint32_t kOpeningWords = 2;
  for (uint32_t k = first; k < end; ++k) {
    const bool mark = w[k].quote >= 0 || w[k].kind == WordKind::quote_open || w[k].kind == WordKind::quote_close;
    if (mark && !(quoted_inside && k >= first + kOpeningWords)) return false;
    const bool noun = k > first && (w[k - 1].is("in") || is_article(lowered(w[k - 1].text)));
    if (w[k].kind == WordKind::word && w[k].quote < 0 && !noun && find_cue(lowered(w[k].text))) return false;
  }
  return true;
}

// No source or cue among words [first, end) but a cue the tagger took where its word is a noun
// after "in" ("in reply to", "in response to").
bool cues_only_of_nouns(const std::vector<Word>& w, const std::vector<uint8_t>& labels, uint32_t first, uint32_t end) {
  for (uint32_t k = first; k < end; ++k) {
    const Part part = part_of(labels[k]);
    if (part == Part::source) return false;
    if (part != Part::cue || (k > first && part_of(labels[k - 1]) == Part::cue)) continue;
    const bool in_noun = w[k].is("in") || (k > first && w[k - 1].is("in"));  // the run opens at "in" or after it
    if (!in_noun) return false;
  }
  return true;
}

}  // namespace

void read_parenthetical_attributions(const WordStream& stream, std::vector<uint8_t>& labels) {
  constexpr uint32_t kLongestOpening = 25;  // words of what was said before the attribution
  const auto& w = stream.words;
  for (size_t sentence = 0; sentence + 1 < stream.sentence_first_word.size(); ++sentence) {
    const uint32_t first = stream.sentence_first_word[sentence], end = stream.sentence_first_word[sentence + 1];
    uint32_t open = first;
    while (open < end && open <= first + kLongestOpening && w[open].kind != WordKind::comma) ++open;
    if (open >= end || open == first || w[open].kind != WordKind::comma) continue;
    uint32_t close = open + 1;
    while (close < end && close <= open + 12 && w[close].kind == WordKind::word) ++close;
    if (close >= end || w[close].kind != WordKind::comma || !whole_attribution(w, open + 1, close)) continue;
    uint32_t last = end;
    while (last > close + 1 && w[last - 1].kind != WordKind::word) --last;
    // A quotation opened in what follows keeps its closing mark ("to “prevent them from falling
    // into the wrong hands.”").
    int open_quotes = 0;
    for (uint32_t k = close + 1; k < last; ++k)
      open_quotes += (w[k].kind == WordKind::quote_open) - (w[k].kind == WordKind::quote_close);
    for (uint32_t k = last; open_quotes > 0 && k < end && w[k].kind != WordKind::word; ++k)
      if (w[k].kind == WordKind::quote_close) last = k + 1, --open_quotes;
    // "..., a senior official said, as fighting spread": a clause joined after the attribution is
    // the reporter's.
    if (last < close + 3) continue;
    const std::string next = lowered(w[close + 1].text);
    // "..., he continued, and his country's actions were lawful": a clause with a subject of its own
    // after "and" goes on with what was said; "..., he said, and left" is the reporter's.
    const bool said_on = (next == "and" || next == "but") && close + 2 < last && opens_subject(w[close + 2]);
    if ((joins_clause(next) && !said_on) || opens_adjunct(next) || !plain_said(w, first, open) ||
        !plain_said(w, close + 1, last, /*quoted_inside=*/true) || !cues_only_of_nouns(w, labels, close + 1, last))
      continue;
    for (uint32_t k = first; k < end; ++k) labels[k] = O;
    label_content(labels, first, open);
    uint32_t cue = open + 1;
    while (!parenthetical_cue(w[cue])) ++cue;
    labels[cue] = B_CUE;
    if (cue > open + 1) {
      for (uint32_t k = open + 1; k < cue; ++k) labels[k] = k == open + 1 ? B_SOURCE : I_SOURCE;
    } else {
      uint32_t source_end = cue + 1;
      while (source_end < close && !says_when_or_where(w[source_end].text)) ++source_end;
      for (uint32_t k = cue + 1; k < source_end; ++k) labels[k] = k == cue + 1 ? B_SOURCE : I_SOURCE;
    }
    label_content(labels, close + 1, last);
  }
}

namespace {

// Words [first, end) are a name written in capitals ("Dr Anwar Gargash", "Mr Francis Pym").
bool capitalised_name(const std::vector<Word>& w, uint32_t first, uint32_t end) {
  constexpr uint32_t kLongestName = 5;
  if (first >= end || end - first > kLongestName) return false;
  for (uint32_t k = first; k < end; ++k)
    if (w[k].kind != WordKind::word || w[k].quote >= 0 || !w[k].capitalized || is_speaker_pronoun(lowered(w[k].text)) ||
        is_article(lowered(w[k].text)) || is_day_word(w[k].text) || is_month(w[k].text))
      return false;
  return true;
}

// Words [first, end) are an apposition: a few words outside quotations with no comma and no cue
// ("Minister of State for Foreign Affairs", "the Foreign Secretary", "a spokesman for the ministry").
bool apposition(const std::vector<Word>& w, uint32_t first, uint32_t end) {
  constexpr uint32_t kLongestApposition = 12;
  if (first >= end || end - first > kLongestApposition) return false;
  for (uint32_t k = first; k < end; ++k)
    if (w[k].kind != WordKind::word || w[k].quote >= 0 || (!w[k].capitalized && find_cue(lowered(w[k].text))))
      return false;
  return true;
}

// Words [cue + 1, last) after a closing cue say only to whom, when or where: "told the Commons",
// "said on Saturday", "told reporters in Geneva yesterday"; not what was said ("insists the
// guerrillas will keep their word").
bool closing_tail(const std::vector<Word>& w, uint32_t cue, uint32_t last) {
  constexpr uint32_t kLongestAddressee = 3, kLongestCircumstance = 5;
  auto circumstance = [&](uint32_t k) { return says_when_or_where(w[k].text) || is_day_word(w[k].text); };
  uint32_t k = cue + 1;
  if (w[cue].is("told")) {
    while (k < last && k <= cue + kLongestAddressee && !circumstance(k)) ++k;
    if (k == cue + 1 || (k < last && !circumstance(k))) return false;
  }
  return k == last || (circumstance(k) && last - k <= kLongestCircumstance);
}

}  // namespace

void read_closing_appositive_attributions(const WordStream& stream, std::vector<uint8_t>& labels) {
  constexpr uint32_t kLongestTail = 8;  // after the cue: "on Saturday", "the Commons yesterday"
  constexpr uint32_t kShortestContent = 4;
  const auto& w = stream.words;
  for (size_t sentence = 0; sentence + 1 < stream.sentence_first_word.size(); ++sentence) {
    const uint32_t end = stream.sentence_first_word[sentence + 1];
    uint32_t first = stream.sentence_first_word[sentence];
    while (first < end && (w[first].dateline || w[first].kind != WordKind::word)) ++first;
    uint32_t last = end;  // past the sentence's last word
    while (last > first && w[last - 1].kind != WordKind::word) --last;
    if (last <= first || w[last - 1].quote >= 0 || w[first].quote >= 0) continue;
    // The cue, then a few words of when, where or to whom.
    uint32_t cue = last - 1;
    while (cue > first && last - cue <= kLongestTail + 1 && w[cue].kind == WordKind::word &&
           !(parenthetical_cue(w[cue]) || w[cue].is("told")))
      --cue;
    if (!(parenthetical_cue(w[cue]) || w[cue].is("told")) || !closing_tail(w, cue, last)) continue;
    // ", NAME, APPOSITION, cue": three commas back from the cue.
    if (cue < first + 2) continue;
    const uint32_t before_cue = cue - 1;
    if (w[before_cue].kind != WordKind::comma) continue;
    uint32_t after_name = before_cue - 1;
    while (after_name > first && w[after_name].kind == WordKind::word) --after_name;
    if (w[after_name].kind != WordKind::comma || !apposition(w, after_name + 1, before_cue)) continue;
    uint32_t before_name = after_name - 1;
    while (before_name > first && w[before_name].kind == WordKind::word) --before_name;
    if (w[before_name].kind != WordKind::comma || !capitalised_name(w, before_name + 1, after_name) ||
        before_name < first + kShortestContent)
      continue;
    // Unless the tagger read it so itself.
    bool agrees = labels[cue] == B_CUE && labels[before_name + 1] == B_SOURCE && labels[first] == B_CONTENT;
    for (uint32_t k = first + 1; k < before_name && agrees; ++k) agrees = labels[k] == I_CONTENT;
    if (agrees) continue;
    for (uint32_t k = first; k < end; ++k) labels[k] = O;
    label_content(labels, first, before_name);
    for (uint32_t k = before_name + 1; k < before_cue; ++k) labels[k] = k == before_name + 1 ? B_SOURCE : I_SOURCE;
    labels[cue] = B_CUE;
  }
}

void extend_contents_closed_by_attribution(const WordStream& stream, std::vector<uint8_t>& labels) {
  const auto& w = stream.words;
  for (size_t sentence = 0; sentence + 1 < stream.sentence_first_word.size(); ++sentence) {
    const uint32_t end = stream.sentence_first_word[sentence + 1];
    uint32_t first = stream.sentence_first_word[sentence];
    while (first < end && (w[first].dateline || w[first].kind != WordKind::word)) ++first;
    uint32_t last = end;
    while (last > first && w[last - 1].kind != WordKind::word) --last;
    if (last <= first || w[first].quote >= 0) continue;
    // The attribution closing the sentence: a source and a cue after its last comma, and before
    // that comma, the content the tagger gave them.
    uint32_t comma = last;
    while (comma > first && w[comma - 1].kind != WordKind::comma) --comma;
    if (comma <= first + 1) continue;
    --comma;
    bool source = false, cue = false, other = false;
    for (uint32_t k = comma + 1; k < last; ++k) {
      source = source || part_of(labels[k]) == Part::source;
      cue = cue || part_of(labels[k]) == Part::cue;
      other = other || part_of(labels[k]) == Part::content || w[k].quote >= 0;
    }
    if (!source || !cue || other || part_of(labels[comma - 1]) != Part::content) continue;
    uint32_t content = comma - 1;
    while (content > first && labels[content] == I_CONTENT) --content;
    if (labels[content] != B_CONTENT || content == first) continue;
    // Before the content: nothing quoted and no word of saying (the tagger's attributions there,
    // "Blinken will travel", have cues no lexicon holds).
    bool plain = true;
    for (uint32_t k = first; k < content && plain; ++k)
      plain = w[k].quote < 0 && w[k].kind != WordKind::quote_open && w[k].kind != WordKind::colon &&
              !(w[k].kind == WordKind::word && find_cue(lowered(w[k].text)));
    if (plain) label_content(labels, first, comma);
  }
}

// "as he put it", "as one official described them": a frame whose object is what was said.
bool is_put_it(const std::vector<Word>& w, uint32_t first, uint32_t last) {
  const bool put = w[first].is("put") || w[first].is("puts");
  const bool described = w[first].is("described") || w[first].is("describes");
  return last == first + 1 && (put || described) && (w[last].is("it") || (described && w[last].is("them")));
}

// "as Mr. Lavrov put it on Tuesday, ...": when or where the frame's saying was, up to its comma
// (a few words opening with a preposition or a time); the frame's end when there is none.
uint32_t after_frame_circumstance(const std::vector<Word>& w, uint32_t after, uint32_t sentence_end) {
  constexpr uint32_t kLongestCircumstance = 6;
  if (after >= sentence_end || w[after].kind != WordKind::word || w[after].capitalized) return after;
  const std::string first = lowered(w[after].text);
  if (!(says_when_or_where(first) || is_day_word(first) || first == "last" || first == "earlier" || first == "recently"))
    return after;
  // A time or an occasion of saying ("on Tuesday", "last week", "in 1946", "in an interview"), not
  // a literal "put it on the table".
  uint32_t k = after;
  bool when = false;
  for (; k < sentence_end && k < after + kLongestCircumstance && w[k].kind == WordKind::word; ++k) {
    const std::string lower = lowered(w[k].text);
    when = when || is_day_word(w[k].text) || is_day_word(lower) || is_month(w[k].text) || is_time_period(lower) ||
           is_speaking_occasion(lower) || (!lower.empty() && lower[0] >= '0' && lower[0] <= '9');
  }
  return when && k < sentence_end && (w[k].kind == WordKind::comma || w[k].kind == WordKind::colon) ? k : after;
}

void read_as_put_it(const WordStream& stream, std::vector<uint8_t>& labels) {
  const auto& w = stream.words;
  const uint32_t n = static_cast<uint32_t>(w.size());
  for (uint32_t put = 2; put + 1 < n; ++put) {
    if (!is_put_it(w, put, put + 1) || w[put].quote >= 0) continue;
    const uint32_t sentence_first = stream.sentence_first_word[w[put].sentence];
    const uint32_t sentence_end = stream.sentence_first_word[w[put].sentence + 1];
    uint32_t as = put - 1;
    while (as > sentence_first && put - as <= kLongestSource && w[as].kind == WordKind::word && !w[as].is("as") &&
           !w[as].is("As"))
      --as;
    if (!(w[as].is("as") || w[as].is("As")) || as + 1 >= put) continue;
    const uint32_t after = after_frame_circumstance(w, put + 2, sentence_end);
    // "put it" ends its clause ("as he put it," / ":" / "."), not "puts it to a vote".
    if (after < sentence_end && w[after].kind == WordKind::word) continue;
    const bool colon = after < sentence_end && w[after].kind == WordKind::colon;
    // What the sentence says before the frame, up to its comma; and after it, past its comma.
    uint32_t before_end = as;
    while (before_end > sentence_first && w[before_end - 1].kind == WordKind::comma) --before_end;
    const uint32_t after_first = after < sentence_end && w[after].kind == WordKind::comma ? after + 1 : after;
    const uint32_t after_end = colon ? end_of_opened(w, after, sentence_end) : sentence_end;
    const bool before = !colon && before_end > sentence_first && unattributed(labels, sentence_first, before_end);
    const bool rest = after_first < after_end && (colon || w[after].kind == WordKind::comma) &&
                      unattributed(labels, colon ? after + 1 : after_first, after_end);
    if (!before && !rest) continue;
    for (uint32_t k = before ? sentence_first : as; k < after; ++k) labels[k] = O;
    if (rest)
      for (uint32_t k = after; k < after_end; ++k) labels[k] = O;
    for (uint32_t k = as + 1; k < put; ++k) labels[k] = k == as + 1 ? B_SOURCE : I_SOURCE;
    labels[put] = B_CUE;
    labels[put + 1] = I_CUE;
    if (before) label_content(labels, sentence_first, before_end);
    if (rest) label_content(labels, colon ? after + 1 : after_first, after_end);
  }
}

}  // namespace attache::indexer::attribution
