// Grouping labelled runs into attributions: a cue's source is the nearest
// source run of its sentence that no nearer cue took; the drafts become
// attributions with their sources cut down to the source. (A cue's content:
// content_grouping.cc.)
#include "tagged_attributions.h"

#include <algorithm>
#include <unordered_map>

#include "according_to.h"
#include "block_quotations.h"
#include "grouping.h"
#include "lexicon.h"
#include "speaker_names.h"
#include "colon_introductions.h"
#include "framed_attributions.h"
#include "headline_attributions.h"
#include "inner_reports.h"
#include "relative_attributions.h"
#include "self_reports.h"
#include "plain_sentences.h"
#include "transcript_turns.h"

namespace attache::indexer::attribution {

void Grouping::pair_sources() {
  struct Pair {
    int gap;
    size_t draft;
    const Run* source;
  };
  // A source that is a preposition's object before its cue ("Khamenei, in a message in reply to a
  // letter from President Rouhani, wrote") comes after every other of the sentence.
  constexpr int kObject = 1 << 16;
  auto object = [&](const Run& s, const Run& cue) {
    if (s.first == 0 || s.last >= cue.first) return false;
    const Word& before = w_[s.first - 1];
    return before.kind == WordKind::word && labels_[s.first - 1] == O && is_object_preposition(lowered(before.text));
  };
  std::vector<Pair> pairs;
  for (size_t k = 0; k < drafts_.size(); ++k) {
    // The runs of the cue's sentence: runs are in the order of their words, so they are a range.
    const uint32_t sentence = w_[drafts_[k].cue->first].sentence;
    const auto first = std::partition_point(runs_.begin(), runs_.end(), [&](const Run& r) { return w_[r.first].sentence < sentence; });
    for (auto s = first; s != runs_.end() && w_[s->first].sentence == sentence; ++s)
      if (s->part == Part::source && !adjunct_after(*s, *drafts_[k].cue))
        pairs.push_back({gap(*s, *drafts_[k].cue) + (object(*s, *drafts_[k].cue) ? kObject : 0), k, &*s});
  }
  // As near as another but set off by a comma, a source comes second: in "Any interpretation of
  // Mr. Kerry's actions, said Michael Kofman, an expert, would ..." the source is the inversion's.
  std::stable_sort(pairs.begin(), pairs.end(), [&](const Pair& a, const Pair& b) {
    if (a.gap != b.gap) return a.gap < b.gap;
    return !set_off_by_comma(*a.source, *drafts_[a.draft].cue) && set_off_by_comma(*b.source, *drafts_[b.draft].cue);
  });
  std::vector<const Run*> taken;
  for (const Pair& p : pairs)
    if (!drafts_[p.draft].source && std::find(taken.begin(), taken.end(), p.source) == taken.end()) {
      drafts_[p.draft].source = p.source;
      taken.push_back(p.source);
    }
  for (const Pair& p : pairs)
    if (Draft& d = drafts_[p.draft]; d.source == nullptr || (d.shared && p.gap < gap(*d.source, *d.cue))) {
      d.source = p.source;
      d.shared = true;
    }
  share_sources_with_saying_participles();
}

void Grouping::share_sources_with_saying_participles() {
  for (size_t k = 1; k < drafts_.size(); ++k) {
    Draft& d = drafts_[k];
    const Draft& before = drafts_[k - 1];
    const uint32_t cue = d.cue->first;
    if (!before.source || cue < 2 || w_[before.cue->first].sentence != w_[cue].sentence) continue;
    const bool after_comma = w_[cue - 1].kind == WordKind::comma ||
                             (w_[cue - 1].kind == WordKind::quote_close && w_[cue - 2].kind == WordKind::comma);
    if (!after_comma || !goes_on_saying(w_[cue], cue + 1 < w_.size() ? &w_[cue + 1] : nullptr)) continue;
    // Only over a source the tagger gave it before that cue (not "..., with Smith adding"), and
    // only for a subject that speaks ("his attacks on Rubio, saying" is not "his").
    if (!d.source || d.source->first > before.cue->last) continue;
    const std::string subject = lowered(w_[before.source->first].text);
    if (is_possessive_determiner(subject) || subject == "who" || subject == "which" || subject == "that") continue;
    d.source = before.source;
    d.shared = true;
  }
}

bool Grouping::set_off_by_comma(const Run& source, const Run& cue) const {
  const uint32_t between = source.last < cue.first ? cue.first - 1 : cue.last + 1;
  return w_[between].kind == WordKind::comma || w_[source.last < cue.first ? source.last : source.first].kind == WordKind::comma;
}

void Grouping::add_inverted_pronouns() {
  for (Draft& d : drafts_) {
    const uint32_t k = d.cue->last + 1;
    if (d.source || k >= w_.size() || !(w_[k].is("he") || w_[k].is("she")) ||
        (k + 1 < w_.size() && w_[k + 1].kind == WordKind::word && w_[k + 1].sentence == w_[k].sentence))
      continue;
    inverted_pronouns_.push_back({Part::source, k, k, 0});
    d.source = &inverted_pronouns_.back();
  }
}

// "Shortly afterward, McCain said", "Having announced ..., Judge Berman proceeded": the subject
// follows an opening adverbial and its comma; "But Clinton said": it follows the conjunction.
uint32_t Grouping::after_opening_adverbial(uint32_t first, uint32_t cue) const {
  auto opens = [&](uint32_t k) {
    const bool lower_case_next = k + 1 < cue && w_[k + 1].kind == WordKind::word && !w_[k + 1].capitalized;
    return w_[k].kind == WordKind::word && opens_adverbial(w_[k].text, lower_case_next);
  };
  if (const uint32_t after = past_time_phrase(w_, first, cue); after > first) return after;
  if (first >= cue || !opens(first)) return first;
  uint32_t k = first;
  while (k < cue && w_[k].kind != WordKind::comma) ++k;
  if (k + 1 < cue && w_[k + 1].kind == WordKind::word && w_[k + 1].capitalized) return k + 1;
  for (k = first; k < cue && opens(k);) ++k;
  return k;
}

void Grouping::add_subjects() {
  for (Draft& d : drafts_) {
    if (d.source) continue;
    uint32_t first = stream_.sentence_first_word[w_[d.cue->first].sentence];
    while (first < d.cue->first && (w_[first].kind != WordKind::word || w_[first].dateline)) ++first;
    const uint32_t opening = first;
    first = after_opening_adverbial(first, d.cue->first);
    uint32_t last = first;
    const bool pronoun = w_[first].is("He") || w_[first].is("She") || w_[first].is("They");
    // After a time ("Last week the union threatened ..., saying"): a subject in lower case, an article
    // and its noun or a group ("police"), up to its verb.
    const bool after_time = past_time_phrase(w_, opening, d.cue->first) == first && first > opening;
    if (after_time && first + 1 < d.cue->first && !w_[first].capitalized &&
        (is_article(lowered(w_[first].text)) || is_group_noun(w_[first].text) || w_[first].is("police"))) {
      if (is_article(lowered(w_[first].text))) ++last;
      if (w_[last].kind == WordKind::word && last + 1 < d.cue->first && labels_[first] == O) {
        subjects_.push_back({Part::source, first, last, 0});
        d.source = &subjects_.back();
        d.subject = true;
      }
      continue;
    }
    if (!pronoun && (!w_[first].capitalized || find_cue(lowered(w_[first].text)))) continue;
    while (!pronoun && last + 1 < d.cue->first && w_[last + 1].kind == WordKind::word && w_[last + 1].capitalized)
      ++last;
    // "Baghdad radio, in a broadcast ..., said": a body's noun in lower case after its capitals.
    if (!pronoun && last + 1 < d.cue->first && w_[last + 1].kind == WordKind::word && !w_[last + 1].capitalized &&
        (is_institution_word(capitalised(w_[last + 1].text)) || is_publication_word(capitalised(w_[last + 1].text))))
      ++last;
    if (last + 1 >= d.cue->first || labels_[first] != O) continue;
    subjects_.push_back({Part::source, first, last, 0});
    d.source = &subjects_.back();
    d.subject = true;
  }
}

void Grouping::drop_nested_cues() {
  // "said the detention was “illegal and invalid” and demanded the captain's release": a cue of the
  // [second-cue] list after "and" is the speaker's second statement, not a word of the first.
  auto coordinated = [&](const Run& r) {
    const Word& cue = stream_.words[r.first];
    return r.first > 1 && stream_.words[r.first - 1].is("and") && cue.quote < 0 && opens_second_statement(cue.text);
  };
  auto inside_content = [&](const Run& r) {
    return r.first > 0 && r.last + 1 < labels_.size() && part_of(labels_[r.first - 1]) == Part::content &&
           part_of(labels_[r.last + 1]) == Part::content && !coordinated(r);
  };
  std::unordered_map<const Run*, std::vector<const Draft*>> by_source;
  for (const Draft& d : drafts_)
    if (d.source) by_source[d.source].push_back(&d);
  std::vector<Draft> kept;
  for (const Draft& d : drafts_) {
    bool nested = false;
    if (d.source)
      for (const Draft* other : by_source[d.source])
        if (other != &d && gap(*other->cue, *d.source) < gap(*d.cue, *d.source) && inside_content(*d.cue)) nested = true;
    if (nested)
      nested_cues_.push_back(d.cue);
    else
      kept.push_back(d);
  }
  drafts_.swap(kept);
}

bool Grouping::is_inverted_pronoun(const Run& r) const {
  return std::any_of(inverted_pronouns_.begin(), inverted_pronouns_.end(),
                     [&](const Run& p) { return p.first == r.first && p.last == r.last; });
}

std::vector<TaggedAttribution> Grouping::attributions() const {
  std::vector<TaggedAttribution> out;
  for (const Draft& d : drafts_) {
    if (!d.source || d.contents.empty()) continue;
    for (size_t i = 0; i < d.contents.size();) {
      size_t j = i + 1;
      // Parts of one paragraph join, unless another's attribution stands between them (a turn
      // going on after the saying it reports).
      auto joins = [&](const Run& before, const Run& after) {
        return (w_[after.first].paragraph == w_[before.last].paragraph && !another_cue_between(d, before, after)) ||
               (w_[before.last].quote >= 0 && w_[after.first].quote == w_[before.last].quote);
      };
      while (j < d.contents.size() && joins(*d.contents[j - 1], *d.contents[j])) ++j;
      out.push_back(attribution(d, i, j));
      i = j;
    }
  }
  return out;
}

bool Grouping::another_cue_between(const Draft& d, const Run& before, const Run& after) const {
  return std::any_of(drafts_.begin(), drafts_.end(), [&](const Draft& other) {
    return &other != &d && other.source && !other.contents.empty() && other.cue->first > before.last &&
           other.cue->last < after.first;
  });
}

TaggedAttribution Grouping::attribution(const Draft& d, size_t first_content, size_t end_content) const {
  TaggedAttribution a;
  a.source_first = d.source->first;
  a.source_last = d.source->last;
  trim_source(w_, a.source_first, a.source_last);
  a.cue_first = d.cue->first;
  a.cue_last = d.cue->last;
  while (a.cue_first < a.cue_last && names_part_of_time(w_[a.cue_first])) ++a.cue_first;  // "last night accused"
  a.content_first = d.contents[first_content]->first;
  a.content_last = d.contents[end_content - 1]->last;
  end_source_at_comma_after_according_to(a);
  start_content_after_cue(a);
  float content_margin = 0;
  for (size_t k = first_content; k < end_content; ++k) content_margin += d.contents[k]->margin;
  a.source_margin = d.source->margin;
  a.cue_margin = d.cue->margin;
  a.content_margin = content_margin / static_cast<float>(end_content - first_content);
  a.content_untagged = d.content_untagged;
  a.source_subject = d.subject;
  return a;
}

void Grouping::end_source_at_comma_after_according_to(TaggedAttribution& a) const {
  if (a.source_first <= a.cue_last || a.cue_first == a.cue_last || !w_[a.cue_last].is("to") ||
      lowered(w_[a.cue_last - 1].text) != "according" || a.content_first != a.source_last + 1)
    return;
  for (uint32_t k = a.source_first + 1; k < a.source_last; ++k)
    if (w_[k].kind == WordKind::comma) {
      a.content_first = k + 1;
      a.source_last = k - 1;
      return;
    }
}

void Grouping::start_content_after_cue(TaggedAttribution& a) const {
  if (!(a.source_last < a.content_first && a.content_first < a.cue_first && a.cue_last < a.content_last)) return;
  // Only a relative clause right after the source is set off so ("Sanders told the AP that he
  // would not seek a recount, conceding the race" holds what another cue said).
  uint32_t relative = a.source_last + 1;
  if (w_[relative].kind == WordKind::comma) ++relative;
  if (relative > a.content_first || !(w_[relative].is("who") || w_[relative].is("which"))) return;
  for (uint32_t k = a.content_first; k < a.cue_first; ++k)
    if (w_[k].quote >= 0) return;  // a quotation there is part of what was said
  a.content_first = a.cue_last + 1;
}

std::vector<TaggedAttribution> tag_attributions(const WordStream& stream, const Tagger& tagger) {
  std::vector<uint8_t> labels;
  std::vector<float> margins;
  tagger.label(stream, labels, margins);
  join_content_across_number_commas(stream, labels);
  drop_sources_after_prepositions_in_content(stream, labels);
  read_opening_according_to(stream, labels);
  read_closing_according_to(stream, labels);
  read_plain_said_sentences(stream, labels);
  read_plain_closing_attributions(stream, labels);
  join_broken_sources(stream, labels);
  join_coordinated_sources(stream, labels);
  complete_honorific_sources(stream, labels);
  complete_article_sources(stream, labels);
  drop_auxiliary_cues(stream, labels);
  drop_adjectival_cues(stream, labels);
  drop_cues_of_a_preposition_after_source(stream, labels);
  read_reduced_relatives_as_content(stream, labels);
  drop_dateline_sources(stream, labels);
  drop_questions_put_to_subjects(stream, labels);
  drop_cues_of_circumstances(stream, labels);
  join_self_reports(stream, labels);
  read_relative_clause_attributions(stream, labels);
  take_institution_nouns_into_sources(stream, labels);
  read_issued_document_subjects(stream, labels);
  drop_cues_of_objects(stream, labels);
  mark_relative_subjects(stream, labels);
  split_content_at_attributed_quotations(stream, labels);
  split_content_at_saying_participles(stream, labels);
  continue_coordinated_content(stream, labels);
  split_content_at_second_cues(stream, labels);
  extend_contents_cut_inside_clauses(stream, labels);
  drop_occasions_ending_contents(stream, labels);
  read_quoted_as_saying(stream, labels);
  read_sources_after_closing_cues(stream, labels);
  read_transcript_turns(stream, labels);
  read_block_quotations(stream, labels);
  read_as_put_it(stream, labels);
  read_inverted_colon_introductions(stream, labels);
  read_colon_introductions(stream, labels);
  read_colon_framed_quotations(stream, labels);
  read_parenthetical_attributions(stream, labels);
  read_closing_appositive_attributions(stream, labels);
  extend_contents_closed_by_attribution(stream, labels);
  drop_circumstances_after_cues(stream, labels);
  end_contents_at_refusals(stream, labels);
  // A headline gives no statement of the tagger's, nor may its cue take the first paragraph for its
  // content ("Jadhav denied access, FO says" before "ISLAMABAD: ..., the spokesperson said"); its own
  // attribution, whole within it, it gives.
  std::fill(labels.begin(), labels.begin() + headline_end(stream.words), O);
  read_headline_attribution(stream, labels);
  std::vector<TaggedAttribution> attributions = Grouping(stream, std::move(labels), std::move(margins)).run();
  prefer_inner_reports(stream, attributions);
  return attributions;
}

}  // namespace attache::indexer::attribution
