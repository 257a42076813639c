// Readings of the tagger's source labels before grouping: sources it broke in two or cut at an
// "and", words it took into a source or out of one (tagged_runs.h).
#include <string>

#include "lexicon.h"
#include "noun_phrases.h"
#include "tagged_runs.h"

namespace attache::indexer::attribution {

// "Sen. Kristen Gillibrand (D-NY), a supporter of Hillary Clinton's 2016 bid for the presidency
// told host Chris Cuomo": the tagger left "2016 bid for" out of the source, and the cue took the
// nearer half, "the presidency", as its speaker. Two source runs of one sentence with up to three
// unlabelled words between them, and a cue right after the second, are one source.
void join_broken_sources(const WordStream& stream, std::vector<uint8_t>& labels) {
  const auto& w = stream.words;
  const uint32_t n = static_cast<uint32_t>(labels.size());
  auto unlabelled_words = [&](uint32_t first, uint32_t end) {
    for (uint32_t k = first; k < end; ++k)
      if (labels[k] != O || w[k].kind != WordKind::word || w[k].quote >= 0) return false;
    return true;
  };
  // A description headed by a role in lower case ("A spokesman for the president of Russia").
  auto described = [&](uint32_t first, uint32_t end) {
    for (uint32_t k = first; k < end; ++k)
      if (w[k].kind == WordKind::word && !w[k].capitalized && is_role_noun(lowered(w[k].text))) return true;
    return false;
  };
  uint32_t previous_start = n, previous_end = n;  // the previous source run, n before the first
  for (uint32_t i = 0; i < n; ++i) {
    if (labels[i] != B_SOURCE) continue;
    // "The WHO said": an article the tagger made a source of its own begins the next.
    if (previous_end == i && i == previous_start + 1 && is_article(lowered(w[previous_start].text))) {
      labels[i] = I_SOURCE;
      for (previous_end = i + 1; previous_end < n && labels[previous_end] == I_SOURCE;) ++previous_end;
      i = previous_end - 1;
      continue;
    }
    uint32_t end = i + 1;
    while (end < n && labels[end] == I_SOURCE) ++end;
    // "A spokesman for the president of Russia, [Vladimir Putin,] said": a name in apposition,
    // closed by its comma, that the tagger began as a source of its own.
    // (Only a name after a description: not "Cruz, [the only Republican candidate ...,]".) Its
    // comma may lie inside the run or just after it.
    const bool comma_inside = w[end - 1].kind == WordKind::comma;
    const uint32_t name_end = comma_inside ? end - 1 : end;
    bool name = name_end > i;
    for (uint32_t k = i; k < name_end; ++k) name = name && w[k].kind == WordKind::word && w[k].capitalized;
    const bool comma_closes = comma_inside || (end < n && w[end].kind == WordKind::comma && labels[end] == O);
    const bool apposition = i == previous_end + 1 && w[previous_end].kind == WordKind::comma &&
                            labels[previous_end] == O && comma_closes && name && described(previous_start, previous_end);
    // "Surin Pitsuwan, himself a former Thai foreign minister, said", "the Committee on Eastern
    // European Economic Relations, the lobby group representing them, warned": a description in
    // apposition after a name, the one who speaks.
    // (Closed by its own comma, as an apposition is: "Ali Khamenei, the supreme leader, and a top
    // military commander warned" are two.)
    const bool closed = w[end - 1].kind == WordKind::comma || (end < n && w[end].kind == WordKind::comma);
    const uint32_t description = previous_end < n && previous_end + 1 < i && w[previous_end + 1].is("himself")
                                     ? previous_end + 2
                                     : previous_end + 1;
    const bool described_name = previous_end < n && i == description && w[previous_end].kind == WordKind::comma &&
                                labels[previous_end] == O && w[previous_end - 1].capitalized &&
                                is_article(lowered(w[i].text)) && !w[i].capitalized && closed;
    // "Steve Bell, senior director of ..., and a Republican who headed ..., said": a second
    // description of the one described before, after ", and".
    bool described_before = false;
    for (uint32_t k = previous_start; k < previous_end && previous_end < n; ++k)
      described_before = described_before || w[k].kind == WordKind::comma;
    const bool second_description = described_before && closed && i == previous_end + 2 &&
                                    w[previous_end].kind == WordKind::comma && w[previous_end + 1].is("and") &&
                                    labels[previous_end] == O && labels[previous_end + 1] == O &&
                                    (w[i].is("a") || w[i].is("an"));
    // (The comma closing the run may lie outside it, before the cue.)
    const bool comma_after = end < n && w[end].kind == WordKind::comma;
    const bool unlabelled_comma = comma_after && labels[end] == O;
    const uint32_t after =
        (comma_after && described_name) || (unlabelled_comma && (apposition || second_description)) ? end + 1 : end;
    const bool joined = previous_end < i && i - previous_end <= 3 && w[previous_end].sentence == w[i].sentence &&
                        after < n && part_of(labels[after]) == Part::cue &&
                        (unlabelled_words(previous_end, i) || apposition || described_name || second_description);
    if (joined)
      for (uint32_t k = previous_end; k < after; ++k) labels[k] = I_SOURCE;
    else
      previous_start = i;
    previous_end = end;
    i = end - 1;
  }
}

void join_coordinated_sources(const WordStream& stream, std::vector<uint8_t>& labels) {
  const auto& w = stream.words;
  const uint32_t n = static_cast<uint32_t>(labels.size());
  for (uint32_t i = 2; i < n; ++i) {
    if (labels[i] != B_SOURCE || part_of(labels[i - 1]) == Part::source) continue;
    // "... and Japan said", or "..., China and Iran said" (a list whose "and" the source holds).
    bool joined = w[i - 1].is("and") || w[i - 1].is("&");
    for (uint32_t k = i + 1; !joined && w[i - 1].kind == WordKind::comma && k < n && labels[k] == I_SOURCE; ++k)
      joined = w[k].is("and");
    if (!joined) continue;
    uint32_t opening = stream.sentence_first_word[w[i].sentence];
    // Not a word set off before the subject: "Yesterday,", "Nevertheless,", a dateline "KABUL,".
    if (opening + 2 <= i && w[opening + 1].kind == WordKind::comma &&
        (opens_adverbial(w[opening].text, true) || w[opening].dateline || is_acronym(w[opening].text)))
      opening += 2;
    bool named = false, fits = opening + 1 < i;
    for (uint32_t k = opening; k + 1 < i && fits; ++k) {
      const bool describes = w[k].is("of") || is_article(lowered(w[k].text)) || is_title_modifier(w[k].text);
      const bool listed = w[k].kind == WordKind::comma && k > opening && w[k - 1].capitalized;
      fits = (listed || (w[k].kind == WordKind::word && (w[k].capitalized || describes))) && w[k].quote < 0 &&
             part_of(labels[k]) != Part::cue;
      named = named || w[k].capitalized;
    }
    if (!fits || !named) continue;
    labels[opening] = B_SOURCE;
    for (uint32_t k = opening + 1; k <= i; ++k) labels[k] = I_SOURCE;
  }
}

void mark_relative_subjects(const WordStream& stream, std::vector<uint8_t>& labels) {
  const auto& w = stream.words;
  for (uint32_t k = 0; k + 1 < labels.size(); ++k)
    if (labels[k + 1] == B_CUE && part_of(labels[k]) != Part::source && w[k].quote < 0 &&
        (w[k].is("who") || w[k].is("which")))
      labels[k] = B_SOURCE;
}

void take_institution_nouns_into_sources(const WordStream& stream, std::vector<uint8_t>& labels) {
  const auto& w = stream.words;
  for (uint32_t k = 1; k + 1 < labels.size(); ++k) {
    if (labels[k] != B_CUE || part_of(labels[k - 1]) != Part::source || w[k].capitalized) continue;
    const std::string noun = lowered(w[k].text);
    if (!is_institution_noun(noun) && !(is_document_noun(noun) && labels[k + 1] == I_CUE)) continue;
    labels[k] = I_SOURCE;
    if (labels[k + 1] == I_CUE) labels[k + 1] = B_CUE;
  }
}

void drop_dateline_sources(const WordStream& stream, std::vector<uint8_t>& labels) {
  const auto& w = stream.words;
  for (uint32_t k = 0; k < labels.size(); ++k) {
    if (!w[k].dateline || part_of(labels[k]) != Part::source) continue;
    labels[k] = O;
    if (k + 1 < labels.size() && labels[k + 1] == I_SOURCE && !w[k + 1].dateline) labels[k + 1] = B_SOURCE;
  }
}

void drop_cues_of_a_preposition_after_source(const WordStream& stream, std::vector<uint8_t>& labels) {
  const auto& w = stream.words;
  const uint32_t n = static_cast<uint32_t>(labels.size());
  for (uint32_t i = 1; i + 1 < n; ++i) {
    if (labels[i] != B_CUE || labels[i + 1] == I_CUE || !w[i].is("by") || part_of(labels[i - 1]) != Part::source) continue;
    uint32_t source = i - 1;
    while (source > 0 && labels[source] == I_SOURCE) --source;
    // Inside what someone said, the words go on being what they said.
    const bool inside = source > 0 && (part_of(labels[source - 1]) == Part::content ||
                                       (w[source - 1].kind == WordKind::comma && source > 1 &&
                                        part_of(labels[source - 2]) == Part::content));
    uint32_t end = i + 1;
    while (end < n && part_of(labels[end]) == Part::content && w[end].sentence == w[i].sentence) ++end;
    for (uint32_t k = source; k < end; ++k) labels[k] = inside ? I_CONTENT : O;
    if (inside && labels[source - 1] == O) labels[source - 1] = I_CONTENT;
    i = end - 1;
  }
}

void drop_sources_after_prepositions_in_content(const WordStream& stream, std::vector<uint8_t>& labels) {
  const auto& w = stream.words;
  const uint32_t n = static_cast<uint32_t>(labels.size());
  for (uint32_t i = 2; i < n; ++i) {
    if (labels[i] != B_SOURCE || w[i].capitalized || part_of(labels[i - 1]) != Part::content ||
        part_of(labels[i - 2]) != Part::content || w[i - 1].sentence != w[i].sentence)
      continue;
    // Not "according to" nor "by", after which a source may stand.
    const Word& preposition = w[i - 1];
    if (preposition.kind != WordKind::word || !is_object_preposition(lowered(preposition.text)) ||
        preposition.is("to") || preposition.is("by"))
      continue;
    uint32_t end = i + 1;
    while (end < n && labels[end] == I_SOURCE) ++end;
    if (end >= n || labels[end] != B_CUE) continue;
    // And the cue no verb of that source: a noun ("post"), or a plain form after "a" ("78 percent of
    // voters in a recent poll said" and "activists ... from the GOP nomination say" are the
    // tagger's broken sources, which later readings join).
    const std::string cue = lowered(w[end].text);
    const bool singular = w[i].is("a") || w[i].is("an");
    const bool plain = !cue.ends_with("s") && !cue.ends_with("ed") && !is_plain_cue(w[end].text);
    if (find_cue(cue) && !(singular && plain)) continue;
    for (++end; end < n && labels[end] == I_CUE;) ++end;
    if (end < n && labels[end] == B_CONTENT && w[end].sentence == w[i].sentence) ++end;
    for (uint32_t k = i; k < end; ++k) labels[k] = I_CONTENT;
    i = end - 1;
  }
}

void read_issued_document_subjects(const WordStream& stream, std::vector<uint8_t>& labels) {
  constexpr uint32_t kLongestSubject = 14;
  const auto& w = stream.words;
  for (size_t sentence = 0; sentence + 1 < stream.sentence_first_word.size(); ++sentence) {
    const uint32_t end = stream.sentence_first_word[sentence + 1];
    uint32_t first = stream.sentence_first_word[sentence];
    while (first < end && (w[first].kind != WordKind::word || w[first].dateline)) ++first;
    if (first + 4 >= end || !w[first].capitalized || !is_article(lowered(w[first].text))) continue;
    uint32_t noun = first + 1;  // "A statement", "A joint statement"
    while (noun < first + 3 && !is_document_noun(lowered(w[noun].text))) ++noun;
    if (!is_document_noun(lowered(w[noun].text))) continue;
    const uint32_t participle = noun + 1;
    const Word& issued = w[participle];
    if (participle + 2 >= end || !is_issuing_verb(issued.text) || !w[participle + 1].is("by")) continue;
    // Words only, none the tagger labelled, up to the cue; not a second participle ("released by the
    // ministry and read on state television announced").
    uint32_t cue = participle + 2;
    while (cue < end && cue <= first + kLongestSubject && labels[cue] == O && w[cue].kind == WordKind::word &&
           !w[cue].is("and"))
      ++cue;
    if (cue >= end || cue > first + kLongestSubject || labels[cue] != B_CUE || cue == participle + 2) continue;
    for (uint32_t k = first; k < cue; ++k) labels[k] = k == first ? B_SOURCE : I_SOURCE;
  }
}

void complete_honorific_sources(const WordStream& stream, std::vector<uint8_t>& labels) {
  const auto& w = stream.words;
  for (uint32_t i = 0; i + 1 < w.size(); ++i) {
    int gender = 0;
    // "Lt Gen": a title after a title the tagger took is the source's too.
    if (part_of(labels[i]) == Part::source && labels[i + 1] == O && w[i + 1].kind == WordKind::word &&
        w[i + 1].capitalized && w[i + 1].sentence == w[i].sentence && is_title_word(w[i].text) &&
        is_title_word(w[i + 1].text))
      labels[i + 1] = I_SOURCE;
    if (part_of(labels[i]) != Part::source || part_of(labels[i + 1]) == Part::source) continue;
    // "Lt Gen (retd) Harcharan Panag": a title, a word in brackets, the name.
    const bool bracketed = i + 4 < w.size() && is_title_word(w[i].text) && w[i + 1].kind == WordKind::bracket_open &&
                           w[i + 2].kind == WordKind::word && w[i + 3].kind == WordKind::bracket_close &&
                           w[i + 4].capitalized && w[i + 4].kind == WordKind::word;
    if (!bracketed && !is_honorific(w[i].text, gender)) continue;
    if (bracketed)
      for (uint32_t b = i + 1; b <= i + 3; ++b) labels[b] = I_SOURCE;
    uint32_t k = bracketed ? i + 4 : i + 1;
    while (k < w.size() && w[k].kind == WordKind::word && w[k].capitalized && w[k].sentence == w[i].sentence &&
           w[k].quote == w[i].quote)
      labels[k++] = I_SOURCE;
    // What the name was taken from now opens after it.
    if (k > i + 1 && k < w.size() && labels[k] == I_CONTENT) labels[k] = B_CONTENT;
    if (k > i + 1 && k < w.size() && labels[k] == I_CUE) labels[k] = B_CUE;
    i = k - 1;
  }
}

void complete_article_sources(const WordStream& stream, std::vector<uint8_t>& labels) {
  constexpr uint32_t kLongestPhrase = 8;
  const auto& w = stream.words;
  const uint32_t n = static_cast<uint32_t>(labels.size());
  for (uint32_t i = 1; i + 1 < n; ++i) {
    if (labels[i] != B_SOURCE || part_of(labels[i + 1]) == Part::source || !is_article(lowered(w[i].text)) ||
        part_of(labels[i - 1]) != Part::cue)
      continue;
    uint32_t end = i + 1;
    while (end < n && end <= i + kLongestPhrase && labels[end] == O && w[end].kind == WordKind::word &&
           w[end].sentence == w[i].sentence && w[end].quote < 0)
      ++end;
    if (end == i + 1 || end > i + kLongestPhrase) continue;
    for (uint32_t k = i + 1; k < end; ++k) labels[k] = I_SOURCE;
    i = end - 1;
  }
}

void drop_questions_put_to_subjects(const WordStream& stream, std::vector<uint8_t>& labels) {
  constexpr uint32_t kLongestQuestion = 30;
  const auto& w = stream.words;
  const uint32_t n = static_cast<uint32_t>(labels.size());
  for (uint32_t k = 2; k + 2 < n; ++k) {
    if (!w[k].is("asked") || w[k - 1].kind != WordKind::comma || part_of(labels[k]) != Part::cue || w[k].quote >= 0)
      continue;
    const Word& subject = w[k - 2];
    if (subject.kind != WordKind::word || !(subject.capitalized || is_role_noun(lowered(subject.text)))) continue;
    uint32_t comma = k + 1;
    while (comma < n && comma <= k + kLongestQuestion && w[comma].sentence == w[k].sentence &&
           w[comma].kind != WordKind::comma)
      ++comma;
    if (comma + 1 >= n || w[comma].kind != WordKind::comma || w[comma + 1].kind != WordKind::word ||
        w[comma + 1].capitalized || !find_cue(lowered(w[comma + 1].text)))
      continue;
    // The question set off by commas goes with the subject the tagger read as its source, as an
    // apposition would ("The minister, asked about the talks, said"), so the cue after it is theirs.
    const bool tagged_subject = part_of(labels[k - 2]) == Part::source && labels[comma + 1] == B_CUE;
    for (uint32_t j = k - 1; j < comma; ++j) labels[j] = tagged_subject ? I_SOURCE : O;
    k = comma;
  }
}

void drop_cues_of_circumstances(const WordStream& stream, std::vector<uint8_t>& labels) {
  const auto& w = stream.words;
  const uint32_t n = static_cast<uint32_t>(labels.size());
  for (uint32_t k = 1; k < n; ++k) {
    // The tagger may have read the participle as a cue or left it out ("before flying" with "to
    // Jerusalem" as what was said).
    if ((labels[k] != B_CUE && labels[k] != O) || w[k].kind != WordKind::word || !w[k].text.ends_with("ing") ||
        find_cue(lowered(w[k].text)))
      continue;
    const std::string before = lowered(w[k - 1].text);
    if (before != "before" && before != "after" && before != "while" && before != "without") continue;
    // A cue of saying before it in the sentence, after a quotation's first part.
    bool cue_before = false, first_part = false;
    for (uint32_t j = k - 1; j > 0 && w[j].sentence == w[k].sentence; --j) {
      cue_before = cue_before || (part_of(labels[j]) == Part::cue && find_cue(lowered(w[j].text)));
      first_part = first_part || (cue_before && w[j].kind == WordKind::quote_close);
    }
    cue_before = cue_before && first_part;
    uint32_t end = k + 1;
    while (end < n && (labels[end] == I_CUE || (labels[k] == O && labels[end] == O && w[end].kind == WordKind::word)))
      ++end;
    // What the tagger gave it, up to the quotation's second part ("to Jerusalem, “and I believe
    // ...”"), is the circumstance's too; the quotation is the split one's.
    if (!cue_before || end >= n || labels[end] != B_CONTENT) continue;
    uint32_t quote = end;
    while (quote < n && part_of(labels[quote]) == Part::content && w[quote].kind != WordKind::quote_open &&
           (quote == end || labels[quote] != B_CONTENT))
      ++quote;
    if (quote >= n || w[quote].kind != WordKind::quote_open || part_of(labels[quote]) != Part::content) continue;
    for (uint32_t j = k; j < quote; ++j) labels[j] = O;
    labels[quote] = B_CONTENT;
  }
}

void drop_circumstances_after_cues(const WordStream& stream, std::vector<uint8_t>& labels) {
  const auto& w = stream.words;
  const uint32_t n = static_cast<uint32_t>(labels.size());
  for (uint32_t k = 2; k + 1 < n; ++k) {
    if (!w[k].is("without") || part_of(labels[k]) != Part::content || !w[k + 1].text.ends_with("ing")) continue;
    const uint32_t before = w[k - 1].kind == WordKind::comma ? k - 2 : k - 1;
    const Part attribution = part_of(labels[before]);
    if (attribution != Part::cue && attribution != Part::source) continue;
    // Only the phrase: up to a comma, the sentence's end or the "that" of what was said after it
    // ("said, without providing evidence, that ...", "said without offering evidence that ...").
    uint32_t j = k;
    for (; j < n && part_of(labels[j]) == Part::content && (j == k || labels[j] != B_CONTENT) && w[j].kind == WordKind::word &&
           !w[j].is("that");
         ++j)
      labels[j] = O;
    if (j < n && w[j].kind == WordKind::comma && part_of(labels[j]) == Part::content) labels[j++] = O;
    if (j < n && part_of(labels[j]) == Part::content) labels[j] = B_CONTENT;
  }
}

void end_contents_at_refusals(const WordStream& stream, std::vector<uint8_t>& labels) {
  const auto& w = stream.words;
  const uint32_t n = static_cast<uint32_t>(labels.size());
  auto word = [&](uint32_t k) { return k < n && w[k].kind == WordKind::word; };
  for (uint32_t k = 1; k + 3 < n; ++k) {
    if (!w[k].is("but") || part_of(labels[k]) != Part::content || labels[k] == B_CONTENT || w[k].quote >= 0) continue;
    // "but declined to say", "but refused to be drawn", "but did not elaborate", "but would not say
    // whether": a refusal to speak (not "but refused to disarm", the reported subject's own).
    const bool refused = word(k + 1) && is_refusal(w[k + 1].text) && w[k + 2].is("to") && word(k + 3) &&
                         (withholds(w[k + 3].text) || (w[k + 3].is("be") && k + 4 < n && w[k + 4].is("drawn")));
    const bool withheld = (w[k + 1].is("did") || w[k + 1].is("would")) && w[k + 2].is("not") && word(k + 3) &&
                          withholds(w[k + 3].text);
    if (!refused && !withheld) continue;
    uint32_t first = w[k - 1].kind == WordKind::comma && part_of(labels[k - 1]) == Part::content ? k - 1 : k;
    if (labels[first] == B_CONTENT) continue;
    for (uint32_t j = first; j < n && part_of(labels[j]) == Part::content && (j == first || labels[j] != B_CONTENT); ++j)
      labels[j] = O;
  }
}

}  // namespace attache::indexer::attribution
