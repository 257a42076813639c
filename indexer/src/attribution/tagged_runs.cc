// Runs of labels, the source within a source run, and readings of the cue and content labels
// before grouping: cues that are no cues, content the tagger cut (the source labels:
// tagged_sources.cc; "according to": according_to.cc).
#include "tagged_runs.h"

#include <algorithm>

#include "lexicon.h"
#include "noun_phrases.h"

namespace attache::indexer::attribution {

// A run's margin is the mean over its words: whether a colon or a quotation mark
// belongs to the cue or the content is a matter of annotation, not of evidence.
std::vector<Run> runs_of(const std::vector<Word>& w, const std::vector<uint8_t>& labels, const std::vector<float>& margins) {
  std::vector<Run> runs;
  for (uint32_t i = 0; i < labels.size();) {
    Part part = part_of(labels[i]);
    uint32_t e = i + 1;
    while (e < labels.size() && part_of(labels[e]) == part && labels[e] != B_SOURCE && labels[e] != B_CUE &&
           labels[e] != B_CONTENT)
      ++e;
    if (part != Part::none) {
      float sum = 0, all = 0;
      uint32_t words = 0;
      for (uint32_t k = i; k < e; ++k) {
        all += margins[k];
        if (w[k].kind == WordKind::word) sum += margins[k], ++words;
      }
      runs.push_back({part, i, e - 1, words ? sum / static_cast<float>(words) : all / static_cast<float>(e - i)});
    }
    i = e;
  }
  return runs;
}

int gap(const Run& a, const Run& b) {
  if (a.last < b.first) return static_cast<int>(b.first - a.last);
  if (b.last < a.first) return static_cast<int>(a.first - b.last);
  return 0;
}

bool opens_clause(const Word& word) { return word.kind == WordKind::word && opens_adjunct(word.text); }

// "Mr. Rubio defiantly said", "Melissa Cronin of Gawker then wrote": an adverb
// between the subject and its verb is not part of the source.
bool adverb_before_verb(const Word& word) {
  return word.kind == WordKind::word && !word.capitalized && is_adverb_before_verb(word.text);
}

bool names_part_of_time(const Word& word) { return word.kind == WordKind::word && is_time_period(word.text); }

// The source within a source run: without the words around it that belong to
// the clause, the cue or a dateline.
void trim_source(const std::vector<Word>& w, uint32_t& first, uint32_t& last) {
  // "quoted a senior official as saying": the "as" belongs to the cue; in "became a delegate and
  // said", the conjunction; in "Putin, who has increasingly described", the auxiliary. (A relative
  // pronoun stays: the extractor reads its antecedent.)
  while (last > first &&
         (w[last].kind != WordKind::word || joins_source_to_cue(w[last].text) || adverb_before_verb(w[last])))
    --last;
  // "President Kennedy Monday night ordered": a day after a name is when, not who (not "the Mail on
  // Sunday", nor "the Kremlin's Sunday statement").
  // So is "this evening" ("Cairo Radio this evening said").
  const uint32_t day = names_part_of_time(w[last]) && last > first ? last - 1 : last;
  const bool this_time = day < last && (w[day].is("this") || w[day].is("last") || w[day].is("yesterday"));
  if (day > first && (is_day_word(w[day].text) || this_time) && w[day - 1].capitalized && !possessive(w[day - 1].text))
    last = day - 1;
  // "David Cameron last night accused": the tagger took "last" in and "night" into the cue.
  const bool when = w[last].is("last") || w[last].is("late") || w[last].is("early") || w[last].is("earlier");
  if (when && last > first && w[last - 1].capitalized && !possessive(w[last - 1].text)) --last;
  // "Sen. Pat Toomey (R-Pa.": a bracket the run leaves open is not the source's.
  for (uint32_t k = last; k > first; --k) {
    if (w[k].kind == WordKind::bracket_close) break;
    if (w[k].kind == WordKind::bracket_open) {
      last = k - 1;
      break;
    }
  }
  // "until Haley said", "to Iowans said": a preposition or conjunction opening the run is not the source's.
  while (first < last && opens_clause(w[first])) ++first;
  // "Zarif was quoted by the ISNA news agency as saying": the source ends before its verb.
  for (uint32_t k = first + 1; k < last; ++k)
    if ((w[k].is("was") || w[k].is("were") || w[k].is("is") || w[k].is("are")) &&
        (w[k + 1].is("quoted") || w[k + 1].is("cited"))) {
      last = k - 1;
      break;
    }
  // A dateline is not part of the source ("MOSCOW — Russia's foreign minister, ...").
  while (first < last && w[first].dateline) ++first;
}

namespace {

// The end of the run that opens at i with label begin, or 0 when none opens there.
uint32_t run_from(const std::vector<uint8_t>& labels, uint32_t i, Label begin, Label inside) {
  if (i >= labels.size() || labels[i] != begin) return 0;
  for (++i; i < labels.size() && labels[i] == inside;) ++i;
  return i;
}

}  // namespace

void split_content_at_attributed_quotations(const WordStream& stream, std::vector<uint8_t>& labels) {
  const auto& w = stream.words;
  const uint32_t n = static_cast<uint32_t>(labels.size());
  for (const Quotation& q : stream.quotations) {
    if (labels[q.first_word] != I_CONTENT || w[q.last_word].kind != WordKind::quote_close ||
        part_of(labels[q.last_word]) != Part::content)
      continue;
    uint32_t k = q.last_word + 1;
    while (k < n && w[k].kind == WordKind::comma) ++k;
    if (k >= n || w[k].paragraph != w[q.last_word].paragraph) continue;
    // "Xi said China would address North Korea's “reasonable concerns”, according to CCTV": the
    // channel of the whole report, not the source of its quotation alone.
    if (w[k].is("according")) continue;
    const uint32_t after_source = run_from(labels, k, B_SOURCE, I_SOURCE);
    const uint32_t after_cue = run_from(labels, k, B_CUE, I_CUE);
    if ((after_source && run_from(labels, after_source, B_CUE, I_CUE)) ||
        (after_cue && run_from(labels, after_cue, B_SOURCE, I_SOURCE)))
      labels[q.first_word] = B_CONTENT;
  }
}

void drop_auxiliary_cues(const WordStream& stream, std::vector<uint8_t>& labels) {
  const auto& w = stream.words;
  const uint32_t n = static_cast<uint32_t>(labels.size());
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t end = run_from(labels, i, B_CUE, I_CUE);
    if (!end) continue;
    bool auxiliary = true;
    for (uint32_t k = i; k < end && auxiliary; ++k)
      auxiliary = w[k].kind == WordKind::word && is_auxiliary(lowered(w[k].text));
    if (auxiliary)
      for (uint32_t k = i; k < end; ++k) labels[k] = O;
    i = end - 1;
  }
}

void drop_adjectival_cues(const WordStream& stream, std::vector<uint8_t>& labels) {
  const auto& w = stream.words;
  const uint32_t n = static_cast<uint32_t>(labels.size());
  for (uint32_t i = 1; i < n; ++i) {
    const uint32_t end = run_from(labels, i, B_CUE, I_CUE);
    if (!end) continue;
    const std::string word = lowered(w[i].text);
    const bool participle = word.ends_with("ed") || word.ends_with("en");
    if (end == i + 1 && participle && w[i - 1].kind == WordKind::word && is_article(lowered(w[i - 1].text)))
      labels[i] = O;
    i = end - 1;
  }
}

void read_reduced_relatives_as_content(const WordStream& stream, std::vector<uint8_t>& labels) {
  constexpr uint32_t kVerbWithin = 10;
  const auto& w = stream.words;
  const uint32_t n = static_cast<uint32_t>(labels.size());
  for (uint32_t i = 1; i < n; ++i) {
    if (labels[i] != B_SOURCE) continue;
    const uint32_t cue = run_from(labels, i, B_SOURCE, I_SOURCE);
    const uint32_t after_cue = run_from(labels, cue, B_CUE, I_CUE);
    if (!after_cue || !lowered(w[cue].text).ends_with("ed") || w[cue].capitalized) continue;
    // A participle qualified at once by when or where ("announced on 3 July"), not a verb taking
    // its own clause ("Russia claimed the referendum was legitimate").
    if (cue + 1 >= n || !(is_object_preposition(w[cue + 1].text) || says_when_or_where(w[cue + 1].text))) continue;
    // Inside what another cue says: right after it, or after unquoted content of its own (after a
    // quotation, "“...,” the Secretary said" is one).
    const Part before = part_of(labels[i - 1]);
    const bool after_content = before == Part::content && w[i - 1].kind == WordKind::word && w[i - 1].quote < 0;
    if (!after_content && before != Part::cue) continue;
    // The participle's clause goes on to the sentence's own verb, with no "that" of its own.
    uint32_t verb = after_cue;
    while (verb < n && verb < after_cue + kVerbWithin && w[verb].sentence == w[cue].sentence && !w[verb].is("that") &&
           !(w[verb].kind == WordKind::word && (is_form_of_be(w[verb].text) || is_auxiliary(w[verb].text)) &&
             !is_subject_pronoun(lowered(w[verb - 1].text))))
      ++verb;
    if (verb >= n || verb >= after_cue + kVerbWithin || w[verb].sentence != w[cue].sentence || w[verb].is("that")) continue;
    uint32_t end = verb;
    while (end < n && part_of(labels[end]) == Part::content && labels[end] != B_CONTENT) ++end;
    for (uint32_t k = i; k < end; ++k) labels[k] = k == i && before == Part::cue ? B_CONTENT : I_CONTENT;
    i = end - 1;
  }
}

void drop_cues_of_objects(const WordStream& stream, std::vector<uint8_t>& labels) {
  const auto& w = stream.words;
  const uint32_t n = static_cast<uint32_t>(labels.size());
  for (uint32_t i = 1; i < n; ++i) {
    if (labels[i] != B_SOURCE) continue;
    uint32_t cue = i + 1;
    while (cue < n && labels[cue] == I_SOURCE) ++cue;
    const Word& before = w[i - 1];
    if (cue >= n || labels[cue] != B_CUE || !w[cue].is("to") || cue - i > 3 || before.kind != WordKind::word ||
        before.capitalized || before.sentence != w[cue].sentence || opens_counted_phrase(lowered(before.text)))
      continue;
    uint32_t end = cue + 1;
    while (end < n && labels[end] == I_CUE) ++end;
    while (end < n && (labels[end] == B_CONTENT || labels[end] == I_CONTENT) && w[end].sentence == w[cue].sentence) ++end;
    for (uint32_t k = i; k < end; ++k) labels[k] = O;
    i = end - 1;
  }
}

void read_quoted_as_saying(const WordStream& stream, std::vector<uint8_t>& labels) {
  const auto& w = stream.words;
  const uint32_t n = static_cast<uint32_t>(labels.size());
  for (uint32_t i = 0; i + 1 < n; ++i) {
    const uint32_t first = run_from(labels, i, B_CUE, I_CUE);
    if (!first || !(w[first - 1].is("quoted") || w[first - 1].is("cited")) || labels[first] != B_CONTENT) continue;
    for (uint32_t k = first + 1; k + 1 < n && k <= first + 12 && labels[k] == I_CONTENT && w[k].kind == WordKind::word;
         ++k) {
      const Cue* cue = find_cue(lowered(w[k + 1].text));
      if (!w[k].is("as") || !cue || !w[k + 1].text.ends_with("ing")) continue;
      labels[first] = B_SOURCE;
      for (uint32_t j = first + 1; j < k; ++j) labels[j] = I_SOURCE;
      labels[k] = B_CUE;
      labels[k + 1] = I_CUE;
      if (k + 2 < n && labels[k + 2] == I_CONTENT) labels[k + 2] = B_CONTENT;
      break;
    }
  }
}

namespace {

// Whether a phrase opening at word k can name who spoke: a name or a title, or a noun phrase that
// opens with an article or a count ("the agency", "another New Hampshire Republican", "one global
// index"); not a pronoun, which add_inverted_pronouns reads, nor a day ("said Tuesday").
bool opens_speaker_phrase(const Word& word) {
  if (word.kind != WordKind::word) return false;
  if (word.capitalized) return !is_never_a_name(word.text);
  return opens_counted_phrase(lowered(word.text));
}

}  // namespace

void read_sources_after_closing_cues(const WordStream& stream, std::vector<uint8_t>& labels) {
  const auto& w = stream.words;
  const uint32_t n = static_cast<uint32_t>(labels.size());
  for (uint32_t i = 2; i < n; ++i) {
    const uint32_t end = run_from(labels, i, B_CUE, I_CUE);
    if (!end) continue;
    const uint32_t cue_first = i;
    i = end - 1;
    // What was said ends just before the cue: a quotation closed there, or content that opens the
    // sentence and a comma. (In "The official, who asked not to be named, said Washington would
    // table a proposal", the content before the comma is asked's, and what follows is said's.)
    const bool comma = w[cue_first - 1].kind == WordKind::comma;
    const uint32_t said_last = comma ? cue_first - 2 : cue_first - 1;
    if (part_of(labels[said_last]) != Part::content) continue;
    const bool according_to = w[cue_first].is("according") && end == cue_first + 2 && w[cue_first + 1].is("to");
    if (w[said_last].kind != WordKind::quote_close) {
      uint32_t said_first = said_last;
      while (said_first > 0 && labels[said_first] == I_CONTENT) --said_first;
      const uint32_t opening = next_word(w, stream.sentence_first_word[w[cue_first].sentence], said_first);
      if (!comma || labels[said_first] != B_CONTENT || said_first != opening) continue;
    }
    const std::string cue = lowered(w[cue_first].text);
    const bool reads = is_reading_verb(cue) && w[said_last].kind == WordKind::quote_close;
    if (!according_to && !reads && !find_cue(cue)) continue;
    // After "according to", the noun phrase to the comma or the end is the source whatever the
    // tagger made of its words ("according to [one] global index").
    uint32_t stop = end;
    while (stop < n && w[stop].kind == WordKind::word && w[stop].quote < 0 && w[stop].sentence == w[end].sentence &&
           (according_to || part_of(labels[stop]) != Part::source) && part_of(labels[stop]) != Part::cue && stop < end + 12)
      ++stop;
    const bool phrase_ends = stop < n && (w[stop].kind == WordKind::comma || w[stop].kind == WordKind::terminator);
    if (stop == end || !phrase_ends || !opens_speaker_phrase(w[end])) continue;
    for (uint32_t k = end; k < stop; ++k) labels[k] = k == end ? B_SOURCE : I_SOURCE;
    i = stop - 1;
  }
}

void join_content_across_number_commas(const WordStream& stream, std::vector<uint8_t>& labels) {
  const auto& w = stream.words;
  auto digit = [](const Word& x, bool last) {
    const char c = last ? x.text.back() : x.text.front();
    return x.kind == WordKind::word && c >= '0' && c <= '9';
  };
  for (uint32_t k = 1; k + 1 < w.size(); ++k) {
    if (w[k].kind != WordKind::comma || w[k - 1].end != w[k].begin || w[k].end != w[k + 1].begin ||
        !digit(w[k - 1], true) || !digit(w[k + 1], false) || part_of(labels[k - 1]) != Part::content || labels[k] != O)
      continue;
    for (uint32_t j = k; j < w.size() && labels[j] == O && w[j].sentence == w[k].sentence; ++j) {
      if (j > k + 1 && (w[j].kind == WordKind::comma || w[j].kind == WordKind::terminator)) break;
      labels[j] = I_CONTENT;
    }
  }
}

void drop_occasions_ending_contents(const WordStream& stream, std::vector<uint8_t>& labels) {
  constexpr uint32_t kLongestOccasion = 4;  // "in a televised interview", then names and times
  const auto& w = stream.words;
  const uint32_t n = static_cast<uint32_t>(labels.size());
  // Only these occasions: "in a speech" or "in an address" may be what was said about one.
  auto occasion = [&](uint32_t k) {
    return w[k].is("interview") || w[k].is("statement") || w[k].is("post") || w[k].is("tweet");
  };
  for (uint32_t k = 4; k + 1 < n; ++k) {
    if (!w[k].is("in") || part_of(labels[k]) != Part::content || labels[k] == B_CONTENT || w[k].quote >= 0) continue;
    uint32_t noun = k + 1;
    while (noun < n && noun <= k + kLongestOccasion && w[noun].kind == WordKind::word && !w[noun].capitalized &&
           !occasion(noun))
      ++noun;
    if (noun >= n || noun > k + kLongestOccasion || w[noun].kind != WordKind::word || !occasion(noun)) continue;
    // To the content's end only names, times and their prepositions ("with CBS News on Sunday").
    uint32_t end = noun + 1;
    while (end < n && labels[end] == I_CONTENT && w[end].kind == WordKind::word &&
           (w[end].capitalized || is_object_preposition(lowered(w[end].text)) || says_when_or_where(w[end].text) ||
            is_article(lowered(w[end].text))))
      ++end;
    if (end < n && labels[end] == I_CONTENT && w[end].kind == WordKind::word) continue;
    // With the "and" that joined it ("in a speech in Iowa and in an interview with ...").
    const uint32_t from = (w[k - 1].is("and") || w[k - 1].is("or")) && labels[k - 1] == I_CONTENT ? k - 1 : k;
    for (uint32_t j = from; j < end; ++j) labels[j] = O;
  }
}

void extend_contents_cut_inside_clauses(const WordStream& stream, std::vector<uint8_t>& labels) {
  const auto& w = stream.words;
  const uint32_t n = static_cast<uint32_t>(labels.size());
  // Also where the circumstance of the saying begins: "in an interview with CBS News", "in a series of
  // posts", "on Sunday".
  auto circumstance = [&](uint32_t j) {
    if (!says_when_or_where(w[j].text) || j + 1 >= n) return false;
    uint32_t noun = j + 1;
    if (is_day_word(w[noun].text)) return true;
    if (is_article(lowered(w[noun].text))) ++noun;
    for (uint32_t k = noun; k < n && k <= noun + 3 && w[k].kind == WordKind::word; ++k)
      if (is_speaking_occasion(lowered(w[k].text)) || is_document_noun(lowered(w[k].text))) return true;
    return false;
  };
  auto ends_clause = [&](uint32_t j) {
    const Word& word = w[j];
    const std::string lower = lowered(word.text);
    return word.kind != WordKind::word || joins_clause(lower) || lower == "or" || is_subordinator(capitalised(lower)) ||
           circumstance(j);
  };
  for (uint32_t k = 0; k + 1 < n; ++k) {
    if (part_of(labels[k]) != Part::content || labels[k + 1] != O || w[k].kind != WordKind::word ||
        w[k + 1].sentence != w[k].sentence || w[k].quote != w[k + 1].quote)
      continue;
    // Not a fragment of a word or two ("praised Matthew Boyle on Monday"), which says nothing;
    // unless it is a clause's subject right after a cue, its verb next ("says Russia maintains").
    uint32_t start = k, words = 0;
    while (start > 0 && labels[start] == I_CONTENT) --start;
    for (uint32_t j = start; j <= k; ++j) words += w[j].kind == WordKind::word;
    const std::string next = lowered(w[k + 1].text);
    const bool subject = start > 0 && part_of(labels[start - 1]) == Part::cue &&
                         (w[start - 1].is("says") || w[start - 1].is("said")) && w[start].capitalized &&
                         w[k + 1].kind == WordKind::word && !w[k + 1].capitalized && !says_when_or_where(next) &&
                         !is_object_preposition(next) && !is_article(next) && !joins_clause(next) &&
                         (next.ends_with("s") || next.ends_with("ed") || is_auxiliary(next) || is_cue_modal(next));
    if (words < 3 && !subject) continue;
    uint32_t end = k + 1;
    while (end < n && labels[end] == O && w[end].sentence == w[k].sentence && !ends_clause(end)) ++end;
    // Only to the clause's end: a mark, a conjunction or relative word, or another attribution.
    if (end < n && w[end].sentence == w[k].sentence && labels[end] != O && !ends_clause(end)) continue;
    for (uint32_t j = k + 1; j < end; ++j) labels[j] = I_CONTENT;
    k = end;
  }
}

}  // namespace attache::indexer::attribution
