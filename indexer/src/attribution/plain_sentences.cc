// Sentences of the plainest forms of reported speech (plain_sentences.h).
#include "plain_sentences.h"

#include <string>
#include <string_view>

#include "lexicon.h"
#include "tagged_runs.h"
#include "tagger.h"

namespace attache::indexer::attribution {
namespace {

bool says_or_tells(const Word& w) { return w.kind == WordKind::word && is_plain_cue(w.text); }
bool names_a_day(const Word& w) { return w.kind == WordKind::word && is_day_word(w.text); }

bool opens_adjunct(const Word& word) {
  const std::string lower = lowered(word.text);
  return word.kind != WordKind::word || says_when_or_where(lower) || is_object_preposition(lower) || lower.ends_with("ly") ||
         lower == "early" || lower == "late" || lower == "earlier" || lower == "later";
}

// The comma closing a name of capitals set off by the comma at `comma` ("Israel's ambassador,
// Gideon Rafael, told"), or 0.
uint32_t name_in_apposition(const std::vector<Word>& w, uint32_t comma, uint32_t end) {
  constexpr uint32_t kLongestName = 5;
  if (comma >= end || w[comma].kind != WordKind::comma) return 0;
  uint32_t close = comma + 1;
  while (close < end && close <= comma + kLongestName && w[close].kind == WordKind::word && w[close].capitalized) ++close;
  const bool named = close > comma + 2 && close + 1 < end && w[close].kind == WordKind::comma;
  return named ? close : 0;
}

// The comma closing a participial phrase set off by the comma at `comma` ("The 40-page document,
// posted on the Kremlin's web site on Tuesday, says"), or 0: it opens with a participle in lower
// case and holds no quotation and no verb of saying.
uint32_t participial_phrase_end(const std::vector<Word>& w, uint32_t comma, uint32_t end) {
  constexpr uint32_t kLongestPhrase = 40;
  if (comma + 2 >= end || w[comma].kind != WordKind::comma) return 0;
  const Word& participle = w[comma + 1];
  if (participle.kind != WordKind::word || participle.capitalized || participle.text.size() < 5 ||
      !(participle.text.ends_with("ed") || participle.text.ends_with("ing")) || says_or_tells(participle))
    return 0;
  // The comma before the cue; the phrase may list names with commas of its own ("The joint statement,
  // issued after talks between Lavrov, Kerry and Ashton, says").
  uint32_t first_comma = 0;
  for (uint32_t k = comma + 2; k < end && k <= comma + kLongestPhrase; ++k) {
    if (w[k].kind == WordKind::comma) {
      if (k + 1 < end && says_or_tells(w[k + 1])) return k;
      if (!first_comma) first_comma = k;
    }
    if (w[k].quote >= 0 || w[k].kind == WordKind::quote_open || says_or_tells(w[k])) break;
  }
  return first_comma && first_comma + 1 < end ? first_comma : 0;
}

// Where the clause of "told the council his government would ..." opens after its addressee (a
// noun after "the", or "reporters"), or 0: the clause opens with a subject and has a modal or an
// auxiliary within its first words ("told the council the plan had failed", not "told the council
// about the plan").
uint32_t after_addressee(const std::vector<Word>& w, uint32_t addressee, uint32_t end) {
  constexpr uint32_t kLongestAddressee = 3, kVerbWithin = 6;
  uint32_t clause = addressee;
  if (w[addressee].is("reporters") || w[addressee].is("journalists")) {
    return addressee + 1;
  } else if (w[addressee].is("the")) {
    clause = addressee + 1;
    while (clause < end && clause <= addressee + kLongestAddressee && w[clause].kind == WordKind::word &&
           !w[clause].capitalized && !is_article(w[clause].text) && !is_possessive_determiner(w[clause].text))
      ++clause;
    if (clause == addressee + 1 || clause >= end) return 0;
  } else {
    return 0;
  }
  const Word& subject = w[clause];
  if (subject.kind != WordKind::word || !(is_article(lowered(subject.text)) || is_possessive_determiner(lowered(subject.text)) ||
                                          is_subject_pronoun(lowered(subject.text)) || subject.capitalized))
    return 0;
  for (uint32_t k = clause + 1; k < end && k <= clause + kVerbWithin && w[k].kind == WordKind::word; ++k)
    if (is_cue_modal(w[k].text) || is_auxiliary(w[k].text)) return clause;
  return 0;
}

// Words first..end-1 name a speaker: words only (and an acronym in brackets after a name: "the
// Ministry of External Affairs (MEA)"), no verb of their own, opening with a capital, an article or
// a count ("the official", "one of the people"; not "he would welcome Cruz", "Britain would stand
// by its allies" nor "cited reports that Mateen") and ending with a name, a role, a group or a
// document.
bool speaker_phrase(const std::vector<Word>& w, uint32_t first, uint32_t end) {
  if (end >= first + 4 && w[end - 1].kind == WordKind::bracket_close && w[end - 3].kind == WordKind::bracket_open &&
      w[end - 2].kind == WordKind::word && w[end - 2].capitalized)
    end -= 3;
  for (uint32_t k = first; k < end; ++k) {
    const std::string word = lowered(w[k].text);
    if (w[k].kind != WordKind::word || w[k].quote >= 0 || is_auxiliary(word) || is_form_of_be(word) ||
        is_cue_modal(word))
      return false;
  }
  const Word& head = w[end - 1];
  const std::string lower = lowered(head.text);
  const bool opens = (w[first].capitalized && !is_never_a_name(w[first].text)) || opens_counted_phrase(w[first].text) ||
                     (first + 1 == end && is_group_noun(lower));
  // (A document speaks too: "The document says ...".)
  return opens && ((head.capitalized && !is_never_a_name(head.text)) || is_role_noun(lower) || is_group_noun(lower) ||
                   names_people(lower) || is_document_noun(lower));
}

// A cue that closes a sentence of reported speech: "said", "says", and the past of the lexicon's
// other cues ("..., Foreign Ministry spokesperson Hua Chunying announced.").
bool closing_cue(const Word& w) {
  if (w.is("said") || w.is("says")) return true;
  return w.kind == WordKind::word && !w.capitalized && w.text.ends_with("ed") && find_cue(w.text);
}

// The participle of saying after a comma in words first..end-1 ("..., adding that ...", "...,
// warning ..."), or end when there is none.
uint32_t participle_of_saying(const std::vector<Word>& w, uint32_t first, uint32_t end) {
  for (uint32_t k = first + 1; k + 1 < end; ++k)
    if (w[k - 1].kind == WordKind::comma && goes_on_saying(w[k], &w[k + 1])) return k;
  return end;
}

// "Asked about reports that ..., Geng said ...", "After the talks in Geneva, the minister said":
// where a sentence opens with an adverbial clause, its subject comes after the clause's comma
// (outside quotation marks); else it opens at first.
uint32_t after_fronted_clause(const std::vector<Word>& w, uint32_t first, uint32_t end) {
  constexpr uint32_t kLongestClause = 30;
  if (first >= end) return first;
  const bool lower_case_next = first + 1 < end && w[first + 1].kind == WordKind::word && !w[first + 1].capitalized;
  if (!opens_adverbial(w[first].text, lower_case_next)) return first;
  for (uint32_t k = first + 1; k < end && k <= first + kLongestClause; ++k) {
    if (w[k].quote >= 0 || w[k].kind == WordKind::quote_open || w[k].kind == WordKind::quote_close) continue;
    if (w[k].kind == WordKind::comma) return next_word(w, k + 1, end);
    if (says_or_tells(w[k])) return first;  // "When Obama said ..." is the clause's own
  }
  return first;
}

// Whether the source run at `source` is followed by a cue run opening with a verb of saying (not
// "a signal").
bool cue_of_saying_after(const std::vector<Word>& w, const std::vector<uint8_t>& labels, uint32_t source) {
  uint32_t k = source;
  while (k < w.size() && part_of(labels[k]) == Part::source) ++k;
  return k < w.size() && labels[k] == B_CUE && w[k].kind == WordKind::word && find_cue(lowered(w[k].text)) &&
         !is_article(lowered(w[k - 1].text));
}

// The form of a verb, as far as its ending shows it.
enum class VerbForm { past, participle, third_person, plain };
VerbForm verb_form(const Word& word) {
  const std::string lower = lowered(word.text);
  if (lower.ends_with("ed") || lower == "said" || lower == "told" || lower == "wrote" || lower == "spoke" ||
      lower == "thought" || lower == "knew" || lower == "felt")
    return VerbForm::past;
  if (lower.ends_with("ing")) return VerbForm::participle;
  if (lower.ends_with("s") && !lower.ends_with("ss")) return VerbForm::third_person;
  return VerbForm::plain;
}

// "..., saying that they violate UN rules and threaten regional peace": a verb in its plain form
// the tagger read as a cue after "and" inside what was said, where the cue of what was said is a
// past or a participle, is a verb of what was said (a speaker who goes on speaking keeps the form
// of the first cue: "said ... and warned", "saying ... and adding").
bool content_verb_after_and(const std::vector<Word>& w, const std::vector<uint8_t>& labels, uint32_t k) {
  const Word& next = w[k + 1];
  if (labels[k + 1] != B_CUE || next.capitalized || next.kind != WordKind::word) return false;
  // The cue of the content run the "and" follows ("warned that ... using gas ... and urged": not
  // "using", which the tagger may have read as a cue inside it).
  uint32_t cue = w[k - 1].kind == WordKind::comma ? k - 1 : k;
  while (cue > 0 && part_of(labels[cue - 1]) == Part::content) --cue;
  while (cue > 0 && w[cue - 1].sentence == w[k].sentence && part_of(labels[cue - 1]) != Part::cue) --cue;
  if (cue == 0 || part_of(labels[cue - 1]) != Part::cue) return false;
  uint32_t first = cue - 1;
  while (first > 0 && labels[first] == I_CUE) --first;
  // Its verb: "said" of "said in a statement", "warned" of "also warned".
  while (first < cue && !find_cue(lowered(w[first].text))) ++first;
  if (first == cue || verb_form(next) != VerbForm::plain || is_auxiliary(lowered(next.text))) return false;
  const VerbForm form = verb_form(w[first]);
  return form == VerbForm::past || form == VerbForm::participle;
}

// Whether words first..end-1 after a cue open what was said ("said in a speech that ...").
bool opens_what_was_said(const std::vector<Word>& w, uint32_t first, uint32_t end) {
  for (uint32_t k = first; k < end; ++k)
    if (w[k].is("that")) return true;
  return false;
}

// One past the last word of the sentence that ends at `end` (its closing punctuation left out).
uint32_t past_last_word(const std::vector<Word>& w, uint32_t first, uint32_t end) {
  while (end > first && w[end - 1].kind != WordKind::word) --end;
  return end;
}

bool unquoted(const std::vector<Word>& w, uint32_t first, uint32_t end) {
  for (uint32_t k = first; k < end; ++k)
    if (w[k].quote >= 0 || w[k].kind == WordKind::quote_open || w[k].kind == WordKind::quote_close) return false;
  return true;
}

}  // namespace

void read_plain_closing_attributions(const WordStream& stream, std::vector<uint8_t>& labels) {
  const auto& w = stream.words;
  constexpr uint32_t kLongestSpeaker = 6, kLongestAdjunct = 8;
  for (size_t sentence = 0; sentence + 1 < stream.sentence_first_word.size(); ++sentence) {
    const uint32_t end = stream.sentence_first_word[sentence + 1];
    uint32_t first = next_word(w, stream.sentence_first_word[sentence], end);
    while (first < end && (w[first].dateline || w[first].kind != WordKind::word)) ++first;  // "BEIJING (Xinhua) --"
    // "In a statement, the White House said on Monday it would ...": the clause before the comma
    // is an adjunct, not what was said.
    if (first >= end || opens_clause(w[first])) continue;
    const uint32_t last = past_last_word(w, first, end);
    uint32_t after_comma = last;
    while (after_comma > first && w[after_comma - 1].kind != WordKind::comma) --after_comma;
    // ", said Anna Berg, the head of the Vienna Institute, which ...": an inverted cue right after
    // an earlier comma, its source's apposition after it.
    // (Not when the sentence goes on after the apposition: "..., said Anna Lindqvist, an analyst at
    // ..., would take them as a retreat".)
    auto describes = [&](uint32_t k) {
      return k < last && w[k].kind == WordKind::word &&
             (is_article(lowered(w[k].text)) || w[k].is("which") || w[k].is("who") || w[k].is("whose"));
    };
    for (uint32_t k = after_comma, commas = 0; k > first + 4 && commas < 3 && describes(after_comma); --k) {
      if (w[k - 1].kind != WordKind::comma) continue;
      ++commas;
      if (k < last && closing_cue(w[k]) && w[k].quote < 0) {
        bool appositions = true;
        for (uint32_t j = k + 1; j < last; ++j)
          if (w[j].kind == WordKind::comma) appositions = appositions && describes(j + 1);
        if (appositions) after_comma = k;
        break;
      }
    }
    if (after_comma < first + 4) continue;  // three words and a comma at least
    // "... stand by Azerbaijan “both on the field and at the table,” Cavusoglu said": the comma
    // inside the closing mark, which closes what was said.
    if (after_comma < last && w[after_comma].kind == WordKind::quote_close) ++after_comma;
    const uint32_t content_end = w[after_comma - 1].kind == WordKind::quote_close ? after_comma : after_comma - 1;
    uint32_t cue = after_comma;
    while (cue < last && !closing_cue(w[cue])) ++cue;
    // What was said may quote words ("China hopes the summit will send “a strong signal”, ...
    // spokesperson Wang Wenbin said"), but a quotation opening it is the tagger's to read.
    const bool opens_quoted = w[first].quote >= 0 || !unquoted(w, first, first + 1);
    if (opens_quoted || cue >= last) continue;
    // ", said the official." or ", a military official said on condition of anonymity."
    const bool inverted = cue == after_comma;
    const uint32_t source_first = inverted ? cue + 1 : after_comma;
    // After an inverted cue the source ends at its apposition's comma ("said Anna Berg, the head of
    // the Vienna Institute, which tracks export controls").
    uint32_t source_end = inverted ? source_first : cue;
    while (inverted && source_end < last && w[source_end].kind != WordKind::comma) ++source_end;
    // The source's apposition, opening with an article, up to a relative clause or a quotation
    // (", said Sergei Lavrov, who added that ..." has none).
    uint32_t apposition_end = source_end;
    if (source_end + 1 < last && is_article(lowered(w[source_end + 1].text)))
      while (apposition_end < last && w[apposition_end].quote < 0 && w[apposition_end].kind != WordKind::quote_open &&
             !(w[apposition_end].kind == WordKind::comma && apposition_end > source_end &&
               !is_article(lowered(w[apposition_end + 1].text))))
        ++apposition_end;
    if (!inverted && cue + 1 < last &&
        (!says_when_or_where(w[cue + 1].text) || last - cue - 1 > kLongestAdjunct ||
         opens_what_was_said(w, cue + 1, last)))
      continue;
    if (source_end <= source_first || source_end - source_first > kLongestSpeaker) continue;
    const std::string source = lowered(w[source_first].text);
    const bool pronoun = source_end == source_first + 1 && is_speaker_pronoun(source);
    if (!pronoun && !speaker_phrase(w, source_first, source_end)) continue;
    // The tagger's reading stands, but what was said runs to the comma before the source:
    // "Consultations must be based on mutual respect, and China will never give in, he added". (A
    // pronoun's sentence is the tagger's to read, but for that.)
    const bool tagged = part_of(labels[first]) == Part::content && part_of(labels[cue]) == Part::cue &&
                        part_of(labels[source_first]) == Part::source;
    const bool another_inside = std::any_of(labels.begin() + first, labels.begin() + content_end, [](uint8_t l) {
      return part_of(l) == Part::source || part_of(l) == Part::cue;
    });
    if ((tagged && another_inside) || (pronoun && !tagged)) continue;
    // A relative clause after the source keeps the tagger's reading where it found a cue in it ("...,
    // said Sergei Lavrov, who added that the West had miscalculated").
    bool own_cue_after = false;
    for (uint32_t k = apposition_end; inverted && k < last && w[k].quote < 0 && w[k].kind != WordKind::quote_open &&
                                      w[k].kind != WordKind::terminator;
         ++k)
      own_cue_after = own_cue_after || (part_of(labels[k]) == Part::cue && w[k].kind == WordKind::word &&
                                        find_cue(lowered(w[k].text)) && !is_auxiliary(lowered(w[k].text)));
    for (uint32_t k = first; k < (own_cue_after ? apposition_end : last); ++k) labels[k] = O;
    for (uint32_t k = first; k < content_end; ++k) labels[k] = k == first ? B_CONTENT : I_CONTENT;
    labels[cue] = B_CUE;
    // (A relative clause with no cue of its own stays the source's, as the tagger may have read it.)
    const uint32_t labelled_end = inverted ? (own_cue_after ? apposition_end : last) : source_end;
    for (uint32_t k = source_first; k < labelled_end; ++k) labels[k] = k == source_first ? B_SOURCE : I_SOURCE;
  }
}

void read_plain_said_sentences(const WordStream& stream, std::vector<uint8_t>& labels) {
  const auto& w = stream.words;
  constexpr uint32_t kLongestSubject = 6;
  for (size_t sentence = 0; sentence + 1 < stream.sentence_first_word.size(); ++sentence) {
    const uint32_t end = stream.sentence_first_word[sentence + 1];
    uint32_t first = next_word(w, stream.sentence_first_word[sentence], end);
    while (first < end && (w[first].dateline || w[first].kind != WordKind::word)) ++first;
    if (first + 1 < end && is_opening_conjunction(w[first].text) && w[first + 1].capitalized) ++first;
    const uint32_t fronted = first;
    first = after_fronted_clause(w, first, end);
    if (first >= end || !w[first].capitalized || w[first].quote >= 0) continue;
    uint32_t cue = first;
    while (cue < end && cue <= first + kLongestSubject && w[cue].kind == WordKind::word &&
           (labels[cue] == O || part_of(labels[cue]) == Part::source) && !says_or_tells(w[cue]))
      ++cue;
    // "Israel's ambassador, Gideon Rafael, told": a name in apposition after the description.
    const uint32_t description_end = cue;
    const uint32_t named = cue > first ? name_in_apposition(w, cue, end) : 0;
    if (named) cue = named + 1;
    // A document described by a participial phrase ("The 40-page document, posted on ..., says").
    const uint32_t described = !named && cue > first && cue < end && is_document_noun(lowered(w[cue - 1].text))
                                   ? participial_phrase_end(w, cue, end)
                                   : 0;
    if (described) cue = described + 1;
    if (cue == first || cue >= end || !says_or_tells(w[cue]) || part_of(labels[cue]) == Part::content ||
        part_of(labels[cue]) == Part::source)
      continue;
    // "When Obama said ...", "What Obama said ...": a clause, not a subject.
    const bool pronoun = cue == first + 1 && is_subject_pronoun(lowered(w[first].text));
    if (opens_clause(w[first]) || !(pronoun || speaker_phrase(w, first, description_end))) continue;
    uint32_t content = cue + 1;
    if (w[cue].is("told") || w[cue].is("tells")) {
      content = content < end ? after_addressee(w, content, end) : 0;
      if (content == 0) continue;
    }
    if (content < end && names_a_day(w[content])) ++content;
    else if (content + 1 < end && w[content].is("on") && names_a_day(w[content + 1])) content += 2;
    // After a subject in apposition, what the tagger reads with an adjunct ("said in a statement:",
    // "said early Friday that") stays its reading.
    if (named && content < end && opens_adjunct(w[content])) continue;
    uint32_t last = past_last_word(w, content, end);
    // Another "said" inside is another attribution: what this one says ends at the comma before
    // it ("Smith said the plan would fail, but Jones said it would succeed").
    for (uint32_t k = content; k < last; ++k)
      if (says_or_tells(w[k])) {
        while (k > content && w[k].kind != WordKind::comma) --k;
        last = k;
        break;
      }
    // So does a participle of saying after a comma ("..., adding that the talks would proceed"),
    // a second statement of the same speaker.
    const uint32_t participle = participle_of_saying(w, content, last);
    // Content the tagger labelled after the cue, with no cue of its own inside, is its reading; so
    // is a second cue after "and", "but" or a comma ("... and repeated that ...", "..., but he
    // indicated that ..."): a second statement, not a word inside the first.
    bool labelled = false, inner_cue = false, joined = false;
    for (uint32_t k = content; k < last; ++k) {
      labelled = labelled || part_of(labels[k]) == Part::content;
      if (part_of(labels[k]) == Part::cue && !inner_cue) inner_cue = !joined;
      joined = joined || w[k].kind == WordKind::comma || joins_clause(lowered(w[k].text));
    }
    // Quoted words inside are part of it ("said the Soviet note offered “nothing new” and ..."); a
    // quotation opening it is the tagger's to read.
    const uint32_t opening = next_word(w, content, last);
    // The tagger read what the described document says: the subject is its source, and names in the
    // phrase describing it ("issued after talks between Lavrov, Kerry and Ashton") are no sources.
    if (described && labelled && !inner_cue && labels[cue] == B_CUE) {
      for (uint32_t k = first; k < description_end; ++k) labels[k] = k == first ? B_SOURCE : I_SOURCE;
      for (uint32_t k = description_end; k < cue; ++k) labels[k] = O;
      continue;
    }
    if (last < content + 3 || opening >= last || !unquoted(w, content, opening + 1) || (labelled && !inner_cue)) continue;
    for (uint32_t k = fronted; k < first; ++k) labels[k] = O;
    for (uint32_t k = first; k < cue; ++k) labels[k] = k == first ? B_SOURCE : I_SOURCE;
    labels[cue] = B_CUE;
    for (uint32_t k = cue + 1; k < content; ++k) labels[k] = O;
    const uint32_t said_end = participle < last ? participle - 1 : last;
    for (uint32_t k = content; k < said_end; ++k) labels[k] = k == content ? B_CONTENT : I_CONTENT;
    if (participle + 1 < last) {
      labels[participle - 1] = O;
      labels[participle] = B_CUE;
      for (uint32_t k = participle + 1; k < last; ++k) labels[k] = k == participle + 1 ? B_CONTENT : I_CONTENT;
    }
  }
}

void split_content_at_saying_participles(const WordStream& stream, std::vector<uint8_t>& labels) {
  const std::vector<Word>& w = stream.words;
  for (uint32_t k = 2; k + 1 < w.size(); ++k) {
    const Part part = part_of(labels[k]);
    if ((part != Part::content && part != Part::cue) || part_of(labels[k - 1]) != Part::content) continue;
    if (w[k].quote >= 0 || !goes_on_saying(w[k], &w[k + 1])) continue;
    const uint32_t comma = w[k - 1].kind == WordKind::quote_close ? k - 2 : k - 1;
    if (w[comma].kind != WordKind::comma) continue;
    // The mark before it ends the first statement, or the participle would read as a cue nested in it.
    labels[k - 1] = O;
    labels[k] = B_CUE;
    for (uint32_t j = k + 1; j < w.size() && part_of(labels[j]) == Part::content && (j == k + 1 || labels[j] != B_CONTENT); ++j)
      labels[j] = j == k + 1 ? B_CONTENT : I_CONTENT;
  }
}

void continue_coordinated_content(const WordStream& stream, std::vector<uint8_t>& labels) {
  const std::vector<Word>& w = stream.words;
  const uint32_t n = static_cast<uint32_t>(w.size());
  for (uint32_t k = 1; k + 2 < n; ++k) {
    if (!w[k].is("and") || labels[k] != O) continue;
    const uint32_t before = w[k - 1].kind == WordKind::comma && k >= 2 ? k - 2 : k - 1;
    if (part_of(labels[before]) != Part::content || w[before].sentence != w[k].sentence) continue;
    const Word& next = w[k + 1];
    // "..., and that Moscow had responded", "and that the report was wrong": what opens the clause
    // shows "that" is no demonstrative ("and that claim was rejected"). "... and risked sending
    // Saddam Hussein a signal": only where the tagger read a verb as a source with no verb of
    // saying for its cue (not "and unnamed officials said").
    const Word& opener = w[k + 2];
    const bool second_clause = next.is("that") && opener.kind == WordKind::word &&
                               (opener.capitalized || is_article(lowered(opener.text)) ||
                                is_subject_pronoun(lowered(opener.text)) || opener.is("there"));
    const bool second_predicate = labels[k + 1] == B_SOURCE && !next.capitalized && next.text.ends_with("ed") &&
                                  !cue_of_saying_after(w, labels, k + 1);
    if (!second_clause && !second_predicate && !content_verb_after_and(w, labels, k)) continue;
    uint32_t end = k;
    while (end < n && w[end].sentence == w[k].sentence && w[end].kind != WordKind::terminator) ++end;
    for (uint32_t j = before + 1; j < end; ++j) labels[j] = I_CONTENT;
    k = end;
  }
}

void split_content_at_second_cues(const WordStream& stream, std::vector<uint8_t>& labels) {
  constexpr uint32_t kShortestContent = 2;  // words after the second cue
  const std::vector<Word>& w = stream.words;
  const uint32_t n = static_cast<uint32_t>(w.size());
  for (uint32_t k = 1; k + kShortestContent + 1 < n; ++k) {
    const Word& cue = w[k + 1];
    if (!w[k].is("and") || labels[k] != I_CONTENT || labels[k + 1] != I_CONTENT || cue.quote >= 0 ||
        !opens_second_statement(cue.text))
      continue;
    // The first statement's cue, before its content in this sentence, is in the past.
    uint32_t first = k;
    while (first > 0 && labels[first] == I_CONTENT) --first;
    if (labels[first] != B_CONTENT || first == 0 || part_of(labels[first - 1]) != Part::cue ||
        w[first - 1].sentence != w[k].sentence || verb_form(w[first - 1]) != VerbForm::past)
      continue;
    uint32_t end = k + 2;
    while (end < n && labels[end] == I_CONTENT) ++end;
    if (end - (k + 2) < kShortestContent) continue;
    labels[k] = O;
    labels[k + 1] = B_CUE;
    labels[k + 2] = B_CONTENT;
    k = end - 1;
  }
}

}  // namespace attache::indexer::attribution
