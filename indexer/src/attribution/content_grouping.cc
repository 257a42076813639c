// A cue's content: each content run goes to the nearest cue of its paragraph
// (a split quotation's halves to the cue between them; unquoted content to a
// cue of its own sentence), a paragraph that opens a quotation with no cue of
// its own continues the attribution before it, and clauses the tagger left out
// are taken in.
#include <algorithm>
#include <cctype>

#include "grouping.h"
#include "lexicon.h"
#include "transcript_turns.h"

namespace attache::indexer::attribution {

Grouping::Draft* Grouping::draft_across_nested_cue(const Run& content, const Assigned& assigned) const {
  for (const Run* nested : nested_cues_)
    if (nested->last + 1 == content.first)
      for (const auto& [before, draft] : assigned)
        if (before->last + 1 == nested->first) return draft;
  return nullptr;
}

Grouping::Draft* Grouping::nearest_cue_in(uint32_t paragraph, const Run& content) {
  Draft* best = nearest_cue(content, drafts_within(paragraph, paragraph, paragraph_of), [&](const Draft& d) {
    return w_[d.cue->first].paragraph == paragraph && !(d.cue->first > content.last && introduces(d));
  });
  // '"...," Gen. Clay told correspondents, according to the Associated Press. "The Russians ..."':
  // the one who reported the saying before is not whom the next quotation is by; the speaker is.
  // Only after a quotation of theirs: reported speech before "according to" is the report's whole.
  auto quoted = [&](const Draft& d) {
    return !d.contents.empty() &&
           (w_[d.contents.front()->first].quote >= 0 || w_[d.contents.front()->first].kind == WordKind::quote_open);
  };
  if (best && best->cue->first < content.first && w_[best->cue->first].is("according"))
    for (Draft& d : drafts_)
      if (&d != best && d.source && d.cue->first < best->cue->first && quoted(d) &&
          w_[d.cue->first].sentence == w_[best->cue->first].sentence)
        return &d;
  return best;
}

bool Grouping::introduces(const Draft& d) const {
  const uint32_t last = d.cue->last;
  return w_[last].kind == WordKind::colon || (last + 1 < w_.size() && w_[last + 1].kind == WordKind::colon);
}

Grouping::Draft* Grouping::nearest_cue_of_sentence(const Run& content) {
  const uint32_t sentence = w_[content.first].sentence;
  const bool after_colon = content.first > 0 && w_[content.first - 1].kind == WordKind::colon;
  auto of_sentence = [&](const Draft& d) {
    return w_[d.cue->first].sentence == sentence || (after_colon && w_[d.cue->last].sentence + 1 == sentence);
  };
  // "Macron announced on Sunday, September 24, that France would withdraw ..., bowing to ...": a
  // clause opened by "that" is what the cue before it says, however near a cue after it stands.
  // (Only where no run stands between them: "tunnels that are no longer usable" is no clause of
  // the cue before "tunnels".)
  const std::span<Draft> near = drafts_within(after_colon && sentence > 0 ? sentence - 1 : sentence, sentence, sentence_of);
  Draft* nearest = nearest_cue(content, near, of_sentence);
  if (!nearest || nearest->cue->first < content.last || !w_[content.first].is("that")) return nearest;
  Draft* before = nearest_cue(content, near, [&](const Draft& d) { return of_sentence(d) && d.cue->last < content.first; });
  if (!before) return nearest;
  for (uint32_t k = before->cue->last + 1; k < content.first; ++k)
    if (labels_[k] != O) return nearest;
  return before;
}

uint32_t Grouping::after_closing_marks(const Run& content) const {
  uint32_t k = content.last + 1;
  while (k < w_.size() && (w_[k].kind == WordKind::quote_close || w_[k].kind == WordKind::comma)) ++k;
  return k;
}

bool Grouping::ends_sentence(const Run& content) const {
  const uint32_t k = after_closing_marks(content);
  return k >= w_.size() || w_[k].sentence != w_[content.last].sentence;
}

Grouping::Draft* Grouping::closing_attribution(const Run& content) {
  const uint32_t k = after_closing_marks(content);
  if (k >= w_.size() || w_[k].paragraph != w_[content.last].paragraph) return nullptr;
  const bool quotation_ends_sentence = ends_sentence(content);
  for (Draft& d : drafts_) {
    if (!d.source || d.subject || introduces(d)) continue;
    const bool source_first = d.source->first < d.cue->first;
    const Run& opening = source_first ? *d.source : *d.cue;
    const Run& closing = source_first ? *d.cue : *d.source;
    if (opening.first != k || closing.first != opening.last + 1) continue;
    // '"We will respond." She added that the embassy would stay open': after a quotation that
    // ends its sentence, a source and cue going on to say something of their own introduce that;
    // '"... remain." He refused to answer questions': one that holds an infinitive is a deed.
    if (quotation_ends_sentence && (says_more(closing) || infinitive_in(*d.cue))) continue;
    // "Moon responded, “I will visit soon,” according to the spokesman": the one who reports is
    // not the one the quotation's own cue names before it.
    if (w_[d.cue->first].is("according") && introducing_cue(content)) continue;
    return &d;
  }
  return nullptr;
}

Grouping::Draft* Grouping::introducing_cue(const Run& content) {
  const uint32_t k = content.first;
  if (k < 2 || (w_[k - 1].kind != WordKind::comma && w_[k - 1].kind != WordKind::colon)) return nullptr;
  for (Draft& d : drafts_)
    if (d.source && d.cue->last + 2 == k) return &d;
  return nullptr;
}

bool Grouping::closing_according_to(const Run& content) const {
  const uint32_t k = after_closing_marks(content);
  return k < w_.size() && w_[k].is("according");
}

bool Grouping::infinitive_in(const Run& cue) const {
  for (uint32_t k = cue.first; k <= cue.last; ++k)
    if (w_[k].is("to")) return true;
  return false;
}

bool Grouping::says_more(const Run& attribution_end) const {
  // Past the cue's addressee and when and where: "Lavrov told Al Jazeera in an interview Wednesday that".
  constexpr uint32_t kReach = 10;
  const uint32_t next = attribution_end.last + 1;
  if (next >= w_.size() || w_[next].sentence != w_[attribution_end.last].sentence) return false;
  if (w_[next].is("that") || w_[next].kind == WordKind::colon) return true;
  for (uint32_t k = next; k < w_.size() && k <= next + kReach && w_[k].sentence == w_[next].sentence &&
                          w_[k].kind == WordKind::word;
       ++k) {
    if (w_[k].is("that") || part_of(labels_[k]) == Part::content) return true;
    if (labels_[k] != O) break;
  }
  for (const Run& r : runs_)
    if (r.part == Part::content && r.first >= next && r.first <= next + 1) return true;
  return false;
}

void Grouping::assign_contents() {
  Assigned assigned;
  for (const Run& c : runs_) {
    if (c.part != Part::content || is_inverted_pronoun(c)) continue;
    const uint32_t paragraph = w_[c.first].paragraph;
    const bool in_quotes = w_[c.first].quote >= 0 || w_[c.first].kind == WordKind::quote_open;
    Draft* best = in_quotes ? closing_attribution(c) : draft_across_nested_cue(c, assigned);
    if (!best && in_quotes && closing_according_to(c)) best = introducing_cue(c);
    // A quotation that ends a sentence with a cue in it is that cue's ("told reporters that
    // progress had been made but that \"some issues remain.\" He refused to answer questions").
    if (!best && in_quotes && ends_sentence(c)) best = nearest_cue_of_sentence(c);
    if (!best) best = in_quotes ? nearest_cue_in(paragraph, c) : nearest_cue_of_sentence(c);
    const int quote = w_[c.last].quote;
    if (!best && quote >= 0 && c.last + 1 < w_.size() && w_[c.last + 1].paragraph == paragraph + 1 &&
        w_[c.last + 1].quote == quote)
      best = nearest_cue_in(paragraph + 1, c);
    const bool quoted = w_[c.first].quote >= 0 || w_[c.first].kind == WordKind::quote_open;
    if (!best && paragraph > 0 && quoted) best = nearest_cue_in(paragraph - 1, c);
    // Content outside quotation marks is said in the cue's own sentence, or in the one a colon opens.
    if (best && !quoted && w_[c.first].sentence != w_[best->cue->first].sentence) {
      const uint32_t after_cue = w_[best->cue->last].sentence + 1;
      const bool after_colon =
          w_[c.first].sentence == after_cue && c.first > 0 && w_[c.first - 1].kind == WordKind::colon;
      if (!after_colon) best = nullptr;
    }
    // "MR PRICE: ... the Secretary told me ... . We will keep talking.": after another's
    // attribution inside a turn, the turn's speaker goes on.
    if (!best && !quoted) best = turn_of_paragraph(c);
    if (best) {
      best->contents.push_back(&c);
      assigned.push_back({&c, best});
    }
  }
}

Grouping::Draft* Grouping::turn_of_paragraph(const Run& content) {
  for (Draft& d : drafts_)
    if (d.source && d.cue->first < content.first && w_[d.cue->first].paragraph == w_[content.first].paragraph &&
        is_turn(w_, d.source->first, d.source->last, d.cue->first, d.cue->last))
      return &d;
  return nullptr;
}

void Grouping::drop_adjuncts_after_closing_attributions() {
  for (Draft& d : drafts_) {
    drop_adjunct_after_quotation(d);
    if (!d.source || d.contents.size() != 1) continue;
    const uint32_t lead = std::min(d.source->first, d.cue->first);
    const uint32_t tail = std::max(d.source->last, d.cue->last);
    const uint32_t start = stream_.sentence_first_word[w_[lead].sentence];
    const Run& content = *d.contents.front();
    if (lead < start + 4 || w_[lead - 1].kind != WordKind::comma || content.first <= tail) continue;
    // The relative pronoun may follow an apposition the tagger left out of the source ("said Anna
    // Berg, the head of the Vienna Institute, which ...").
    bool apposition = content.first <= tail + 12;
    for (uint32_t k = tail + 1; k < content.first && apposition; ++k)
      apposition = labels_[k] == O && w_[k].quote < 0 && w_[k].sentence == w_[tail].sentence;
    const bool relative = apposition && w_[content.first - 1].kind == WordKind::comma &&
                          (w_[content.first].is("which") || w_[content.first].is("who"));
    // "..., a senior military official said, as fighting spread to the suburbs": a clause joined by
    // a conjunction after the attribution's comma says when or why, as a preposition does.
    // The conjunction may lie outside the run, and an addressee before the comma ("diplomats told
    // Reuters, while ...").
    const uint32_t opener = opens_clause(w_[content.first]) ? content.first : content.first - 1;
    const bool conjunction =
        opener > tail + 1 && opener <= tail + 4 && w_[opener - 1].kind == WordKind::comma && opens_clause(w_[opener]);
    const bool preposition =
        (content.first == tail + 1 && says_when_or_where(w_[content.first].text)) || conjunction;
    if ((relative || preposition) && adjunct_content(content)) d.contents.clear();
  }
}

// "“... we must rise to it,” she said, to applause from most of the chamber": after a quotation
// and its attribution, unquoted words opening with a preposition or a conjunction say how or when,
// not what.
void Grouping::drop_adjunct_after_quotation(Draft& d) const {
  if (!d.source || d.contents.size() < 2) return;
  const uint32_t lead = std::min(d.source->first, d.cue->first);
  const uint32_t tail = std::max(d.source->last, d.cue->last);
  const Run& quotation = *d.contents[d.contents.size() - 2];
  const Run& after = *d.contents.back();
  const bool quoted_before = quotation.last < lead && (w_[quotation.last].quote >= 0 || w_[quotation.last].kind == WordKind::quote_close);
  const bool unquoted_after = after.first > tail && w_[after.first].quote < 0 && w_[after.first].kind == WordKind::word;
  if (quoted_before && unquoted_after && w_[after.first - 1].kind == WordKind::comma && opens_clause(w_[after.first]) &&
      adjunct_content(after))
    d.contents.pop_back();
}

bool Grouping::adjunct_content(const Run& content) const {
  constexpr uint32_t longest = 10;
  if (content.last - content.first >= longest) return false;
  for (uint32_t k = content.first; k <= content.last; ++k)
    if (w_[k].is("that") || w_[k].quote >= 0 || w_[k].kind == WordKind::quote_open) return false;
  const uint32_t after = content.last + 1;
  return after >= w_.size() || w_[after].sentence != w_[content.last].sentence || w_[after].punctuation();
}

void Grouping::add_said_before_inversions() {
  for (Draft& d : drafts_) {
    if (!d.source || d.source->first < d.cue->first || d.contents.empty() || d.contents.front()->first < d.cue->first)
      continue;
    const uint32_t cue = d.cue->first;
    const uint32_t first = next_word(w_, stream_.sentence_first_word[w_[cue].sentence], cue);
    if (cue < first + 3 || w_[cue - 1].kind != WordKind::comma) continue;
    bool free = true;
    for (uint32_t k = first; k + 1 < cue && free; ++k) {
      const Part part = part_of(labels_[k]);
      free = part == Part::none || (part == Part::source && !source_taken_at(k));
    }
    if (!free) continue;
    untagged_.push_back({Part::content, first, cue - 2, 0});
    d.contents.insert(d.contents.begin(), &untagged_.back());
  }
}

bool Grouping::source_taken_at(uint32_t k) const {
  return std::any_of(drafts_.begin(), drafts_.end(),
                     [&](const Draft& o) { return o.source && o.source->first <= k && k <= o.source->last; });
}

void Grouping::add_untagged_clauses() {
  std::vector<const Run*> given_way;  // cues whose attribution became part of a clause
  for (Draft& d : drafts_) {
    if (!d.source || !d.contents.empty()) continue;
    uint32_t lead = std::min(d.source->first, d.cue->first);
    const uint32_t start = stream_.sentence_first_word[w_[lead].sentence];
    // "..., as The New York Times reported.": the clause before "as" is what was reported.
    if (lead > start + 5 && w_[lead - 1].is("as") && w_[lead - 2].kind == WordKind::comma) --lead;
    if (lead < start + 4 || w_[lead - 1].kind != WordKind::comma) continue;
    // "Sir Alan Duncan, the Minister, answered.": a source set off by commas just before its cue is
    // an apposition of the words before, the subject, not what was said.
    if (d.source->last + 2 == d.cue->first && w_[d.source->last + 1].kind == WordKind::comma) continue;
    std::vector<const Run*> inner;
    for (const Draft& other : drafts_)
      if (other.cue->first >= start && other.cue->last + 1 < lead) inner.push_back(other.cue);
    if (!inner.empty() && !names_someone(*d.source)) continue;
    bool plain = true;
    float margin = 0;
    for (uint32_t k = start; k + 1 < lead; ++k) {
      plain = plain && w_[k].quote < 0 && w_[k].kind != WordKind::quote_open &&
              (labels_[k] == O || (!inner.empty() && inside_drafts_of(inner, k, start, lead)));
      margin -= margins_[k];
    }
    if (!plain) continue;
    untagged_.push_back({Part::content, start, lead - 2, margin / static_cast<float>(lead - 1 - start)});
    d.contents.push_back(&untagged_.back());
    d.content_untagged = true;
    given_way.insert(given_way.end(), inner.begin(), inner.end());
  }
  std::erase_if(drafts_, [&](const Draft& d) {
    return std::find(given_way.begin(), given_way.end(), d.cue) != given_way.end();
  });
}

bool Grouping::names_someone(const Run& source) const {
  const Word& first = w_[source.first];
  const std::string opening = lowered(first.text);
  if (is_article(opening) || is_quantifier(opening) ||
      (!opening.empty() && std::isdigit(static_cast<unsigned char>(opening[0]))))
    return true;
  // "federal officials", "three television networks": a word of the phrase names who.
  for (uint32_t k = source.first; k <= source.last; ++k) {
    const std::string word = lowered(w_[k].text);
    if (w_[k].capitalized || is_group_noun(word) || is_role_noun(word)) return true;
  }
  return false;
}

bool Grouping::inside_drafts_of(const std::vector<const Run*>& cues, uint32_t k, uint32_t start, uint32_t lead) const {
  auto within = [&](const Run* r) { return r && r->first >= start && r->last < lead && r->first <= k && k <= r->last; };
  for (const Draft& d : drafts_) {
    if (std::find(cues.begin(), cues.end(), d.cue) == cues.end()) continue;
    if (within(d.cue) || within(d.source)) return true;
    for (const Run* c : d.contents)
      if (within(c)) return true;
  }
  return false;
}

void Grouping::extend_contents_cut_in_clause() {
  for (Draft& d : drafts_) {
    if (d.contents.empty()) continue;
    const Run& content = *d.contents.back();
    if (content.first <= d.cue->last || quoted_run(&content)) continue;
    // Only a clause opened by "that", or right after "said" ("The document says Russia maintains
    // a negative attitude"): a run after other cues may be their object ("praised X").
    const Cue* cue = find_cue(lowered(w_[d.cue->last].text));
    const bool after_say = cue && cue->base == "say" && content.first == d.cue->last + 1;
    if (!w_[content.first].is("that") && !w_[content.first - 1].is("that") && !after_say) continue;
    uint32_t end = content.last;
    // A clause of reason goes on with what was said; a clause of time or a second one is the sentence's.
    auto goes_on = [&](uint32_t k) {
      return k < w_.size() && w_[k].kind == WordKind::word && labels_[k] == O && w_[k].quote < 0 &&
             w_[k].sentence == w_[content.last].sentence && !says_when_or_where(w_[k].text) &&
             (!joins_clause(lowered(w_[k].text)) || opens_reason(w_[k].text));
    };
    while (goes_on(end + 1)) ++end;
    const bool clause_ends = end + 1 >= w_.size() || w_[end + 1].punctuation() || w_[end + 1].sentence != w_[end].sentence;
    if (end == content.last || !clause_ends) continue;
    untagged_.push_back({Part::content, content.first, end, content.margin});
    d.contents.back() = &untagged_.back();
  }
}

void Grouping::drop_clauses_before_reported_that() {
  for (Draft& d : drafts_) {
    if (d.contents.size() < 2 || !d.source) continue;
    const Run& after = *d.contents.back();
    const uint32_t lead = std::min(d.source->first, d.cue->first);
    const bool reported_that = after.first > d.cue->last && !quoted_run(&after) &&
                               (w_[after.first].is("that") || w_[after.first - 1].is("that"));
    if (!reported_that) continue;
    // So are words between the cue and ", that": when and where it was said ("said Thursday during
    // taping of a town hall in Buffalo, New York, that ...").
    const uint32_t that = w_[after.first].is("that") ? after.first : after.first - 1;
    const bool circumstance_before = that > 0 && w_[that - 1].kind == WordKind::comma;
    // (Not the first of a list of clauses: "said Britain would not back down, that the talks were
    // over and that the embassy would close".)
    bool listed = false;
    for (uint32_t k = that + 1; k + 1 <= after.last && !listed; ++k) listed = w_[k].is("and") && w_[k + 1].is("that");
    std::erase_if(d.contents, [&](const Run* r) {
      const bool before_lead = r->last < lead;
      const bool between = circumstance_before && !listed && r->first > d.cue->last && r->last < that && r != &after;
      return (before_lead || between) && !quoted_run(r) && w_[r->first].sentence == w_[lead].sentence;
    });
  }
}

void Grouping::drop_addressees() {
  for (Draft& d : drafts_) {
    if (std::none_of(d.contents.begin(), d.contents.end(), [&](const Run* r) { return quoted_run(r); })) continue;
    const Cue* cue = find_cue(lowered(w_[d.cue->last].text));
    if (!cue || cue->base != "tell") continue;
    std::erase_if(d.contents, [&](const Run* r) {
      return !quoted_run(r) && r->first > d.cue->last && w_[r->first].sentence == w_[d.cue->last].sentence &&
             !w_[r->first].is("that");
    });
  }
}

}  // namespace attache::indexer::attribution
