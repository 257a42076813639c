// Grouping labelled runs into attributions. A content run belongs to the
// nearest cue of its paragraph (a split quotation's halves to the cue between
// them); a cue's source is the nearest source run of its sentence. A paragraph
// that opens a quotation with no cue of its own continues the attribution
// before it.
#include "tagged_attributions.h"

#include "tagged_runs.h"

#include <algorithm>
#include <cstdlib>
#include <deque>

#include "lexicon.h"

namespace attache::indexer::attribution {
namespace {

// The steps from labelled runs to attributions, in the order run() takes them.
class Grouping {
 public:
  Grouping(const WordStream& stream, std::vector<uint8_t> labels, std::vector<float> margins)
      : stream_(stream), w_(stream.words), labels_(std::move(labels)), margins_(std::move(margins)),
        runs_(runs_of(w_, labels_, margins_)) {
    for (const Run& r : runs_)
      if (r.part == Part::cue) drafts_.push_back({&r});
  }

  std::vector<TaggedAttribution> run() {
    pair_sources();
    add_inverted_pronouns();
    add_subjects();
    drop_nested_cues();
    assign_contents();
    add_said_before_inversions();
    add_untagged_clauses();
    drop_addressees();
    return attributions();
  }

 private:
  struct Draft {
    const Run* cue;
    const Run* source = nullptr;
    std::vector<const Run*> contents;
    bool content_untagged = false;
    bool subject = false;  // its source is the sentence's subject, which the tagger left out
    bool shared = false;   // its source is a nearer cue's too
  };

  // Each cue takes the nearest source of its sentence that no nearer cue took ("The official,
  // who asked not to be named, said": "who" is asked's, "The official" said's); a cue left
  // without one shares the nearest ("He said A, adding that B").
  void pair_sources() {
    struct Pair {
      int gap;
      size_t draft;
      const Run* source;
    };
    std::vector<Pair> pairs;
    for (size_t k = 0; k < drafts_.size(); ++k)
      for (const Run& s : runs_)
        if (s.part == Part::source && w_[s.first].sentence == w_[drafts_[k].cue->first].sentence &&
            !adjunct_after(s, *drafts_[k].cue))
          pairs.push_back({gap(s, *drafts_[k].cue), k, &s});
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
  }

  // "Jens Stoltenberg, said after four hours of talks": a run after the cue that opens with a
  // preposition says when or where, not who.
  bool adjunct_after(const Run& source, const Run& cue) const { return source.first > cue.last && opens_clause(w_[source.first]); }

  bool set_off_by_comma(const Run& source, const Run& cue) const {
    const uint32_t between = source.last < cue.first ? cue.first - 1 : cue.last + 1;
    return w_[between].kind == WordKind::comma || w_[source.last < cue.first ? source.last : source.first].kind == WordKind::comma;
  }

  // "''I am not in an American courtroom,'' said he.": the older inversion, whose pronoun the
  // tagger takes for content.
  void add_inverted_pronouns() {
    for (Draft& d : drafts_) {
      const uint32_t k = d.cue->last + 1;
      if (d.source || k >= w_.size() || !(w_[k].is("he") || w_[k].is("she")) ||
          (k + 1 < w_.size() && w_[k + 1].kind == WordKind::word && w_[k + 1].sentence == w_[k].sentence))
        continue;
      inverted_pronouns_.push_back({Part::source, k, k, 0});
      d.source = &inverted_pronouns_.back();
    }
  }

  // "Carson turned the story back on the Post, pointing out that ...": a cue with no source of
  // its own in its sentence is said by the sentence's subject, a name or a pronoun opening it.
  void add_subjects() {
    for (Draft& d : drafts_) {
      if (d.source) continue;
      uint32_t first = stream_.sentence_first_word[w_[d.cue->first].sentence];
      while (first < d.cue->first && w_[first].kind != WordKind::word) ++first;
      uint32_t last = first;
      const bool pronoun = w_[first].is("He") || w_[first].is("She") || w_[first].is("They");
      if (!pronoun && (!w_[first].capitalized || find_cue(lowered(w_[first].text)))) continue;
      while (!pronoun && last + 1 < d.cue->first && w_[last + 1].kind == WordKind::word && w_[last + 1].capitalized)
        ++last;
      if (last + 1 >= d.cue->first || labels_[first] != O) continue;
      subjects_.push_back({Part::source, first, last, 0});
      d.source = &subjects_.back();
      d.subject = true;
    }
  }

  // A cue inside content whose source is nearer another cue is part of what that
  // one says ("he warned that if the West did not accept Russia's demands ..."):
  // its words join the content. ("He said A, adding that B" keeps two cues.)
  void drop_nested_cues() {
    auto inside_content = [&](const Run& r) {
      return r.first > 0 && r.last + 1 < labels_.size() && part_of(labels_[r.first - 1]) == Part::content &&
             part_of(labels_[r.last + 1]) == Part::content;
    };
    std::vector<Draft> kept;
    for (const Draft& d : drafts_) {
      bool nested = false;
      for (const Draft& other : drafts_)
        if (&other != &d && d.source && other.source == d.source &&
            gap(*other.cue, *d.source) < gap(*d.cue, *d.source) && inside_content(*d.cue))
          nested = true;
      if (nested)
        nested_cues_.push_back(d.cue);
      else
        kept.push_back(d);
    }
    drafts_.swap(kept);
  }

  // The content right after a nested cue goes on with the content right before it ("reiterated
  // that ... we will not allow anyone to slam NATO's open door policy closed, and she said"): it
  // belongs where that went, not to the nearest cue.
  using Assigned = std::vector<std::pair<const Run*, Draft*>>;  // content runs and the drafts they went to
  Draft* draft_across_nested_cue(const Run& content, const Assigned& assigned) const {
    for (const Run* nested : nested_cues_)
      if (nested->last + 1 == content.first)
        for (const auto& [before, draft] : assigned)
          if (before->last + 1 == nested->first) return draft;
    return nullptr;
  }

  bool is_inverted_pronoun(const Run& r) const {
    return std::any_of(inverted_pronouns_.begin(), inverted_pronouns_.end(),
                       [&](const Run& p) { return p.first == r.first && p.last == r.last; });
  }

  Draft* nearest_cue_in(uint32_t paragraph, const Run& content) {
    Draft* best = nullptr;
    for (Draft& d : drafts_)
      if (w_[d.cue->first].paragraph == paragraph && (!best || gap(*d.cue, content) < gap(*best->cue, content)))
        best = &d;
    return best;
  }

  // Content outside quotation marks is said in its cue's own sentence, or after a colon that
  // ends the cue's: the nearest cue of those, not of the paragraph. In "Brennan told a Senate
  // hearing on Thursday that the agency had found no link. A married couple also claiming ...",
  // the next sentence's cue is nearer, and taking it left the content with no cue at all.
  Draft* nearest_cue_of_sentence(const Run& content) {
    const uint32_t sentence = w_[content.first].sentence;
    const bool after_colon = content.first > 0 && w_[content.first - 1].kind == WordKind::colon;
    Draft* best = nullptr;
    for (Draft& d : drafts_) {
      const uint32_t cue_sentence = w_[d.cue->first].sentence;
      if ((cue_sentence == sentence || (after_colon && w_[d.cue->last].sentence + 1 == sentence)) &&
          (!best || gap(*d.cue, content) < gap(*best->cue, content)))
        best = &d;
    }
    return best;
  }

  // "... especially fundraising: “There's a ton of it,” he said.": a quotation followed at once
  // by a source and its cue ("he said", "said Mr. Kampelman") is theirs, whatever cue stands
  // nearer before it.
  Draft* closing_attribution(const Run& content) {
    uint32_t k = content.last + 1;
    while (k < w_.size() && (w_[k].kind == WordKind::quote_close || w_[k].kind == WordKind::comma)) ++k;
    if (k >= w_.size() || w_[k].paragraph != w_[content.last].paragraph) return nullptr;
    for (Draft& d : drafts_) {
      if (!d.source || d.subject) continue;
      const bool source_first = d.source->first < d.cue->first;
      const Run& opening = source_first ? *d.source : *d.cue;
      const Run& closing = source_first ? *d.cue : *d.source;
      if (opening.first == k && closing.first == opening.last + 1) return &d;
    }
    return nullptr;
  }

  // A content run belongs to the nearest cue of its paragraph; a quotation over several
  // paragraphs is attributed once, before or after.
  void assign_contents() {
    Assigned assigned;
    for (const Run& c : runs_) {
      if (c.part != Part::content || is_inverted_pronoun(c)) continue;
      const uint32_t paragraph = w_[c.first].paragraph;
      const bool in_quotes = w_[c.first].quote >= 0 || w_[c.first].kind == WordKind::quote_open;
      Draft* best = in_quotes ? closing_attribution(c) : draft_across_nested_cue(c, assigned);
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
      if (best) {
        best->contents.push_back(&c);
        assigned.push_back({&c, best});
      }
    }
  }

  // "Any interpretation of Mr. Kerry's actions, said Michael Kofman, an expert, would read this as
  // ...": the words that open the sentence before an inverted cue and its comma open what was said,
  // as the halves of a split quotation do, whether the tagger left them out or took them for a
  // source that no cue kept.
  void add_said_before_inversions() {
    for (Draft& d : drafts_) {
      if (!d.source || d.source->first < d.cue->first || d.contents.empty() || d.contents.front()->first < d.cue->first)
        continue;
      const uint32_t cue = d.cue->first;
      uint32_t first = stream_.sentence_first_word[w_[cue].sentence];
      while (first < cue && w_[first].kind != WordKind::word) ++first;
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

  bool source_taken_at(uint32_t k) const {
    return std::any_of(drafts_.begin(), drafts_.end(),
                       [&](const Draft& o) { return o.source && o.source->first <= k && k <= o.source->last; });
  }

  // "The cuts will help exporters, E. M. Martin, an assistant secretary of state, told members of
  // the council": a source and a cue whose content the tagger missed, after a clause and a comma
  // that open the sentence. The clause is what was said; the calibrator knows it was not tagged.
  // A cue inside that clause is part of what was said ("Russia will respond to any expansion of
  // NATO, Deputy Foreign Minister Sergei Ryabkov told TASS"): its attribution gives way.
  void add_untagged_clauses() {
    std::vector<const Run*> given_way;  // cues whose attribution became part of a clause
    for (Draft& d : drafts_) {
      if (!d.source || !d.contents.empty()) continue;
      const uint32_t lead = std::min(d.source->first, d.cue->first);
      const uint32_t start = stream_.sentence_first_word[w_[lead].sentence];
      if (lead < start + 4 || w_[lead - 1].kind != WordKind::comma) continue;
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

  // Inner attributions give way only to a source that names someone ("Deputy Foreign Minister
  // Sergei Ryabkov", "US officials", "the ministry"): in "Dmitri Trenin ... said the Kremlin
  // wanted guarantees on paper, not promises", "not promises" is no closing attribution.
  bool names_someone(const Run& source) const {
    const Word& first = w_[source.first];
    const std::string word = lowered(first.text);
    return first.capitalized || word == "the" || word == "a" || word == "an" || is_group_noun(word);
  }

  // Is word k part of the source, cue or content of an attribution whose cue is one of `cues`,
  // all of it within words [start, lead)?
  bool inside_drafts_of(const std::vector<const Run*>& cues, uint32_t k, uint32_t start, uint32_t lead) const {
    auto within = [&](const Run* r) { return r && r->first >= start && r->last < lead && r->first <= k && k <= r->last; };
    for (const Draft& d : drafts_) {
      if (std::find(cues.begin(), cues.end(), d.cue) == cues.end()) continue;
      if (within(d.cue) || within(d.source)) return true;
      for (const Run* c : d.contents)
        if (within(c)) return true;
    }
    return false;
  }

  bool quoted_run(const Run* r) const { return w_[r->first].quote >= 0 || w_[r->first].kind == WordKind::quote_open; }

  // "''This is a beginning,'' Mr. Kampelman told reporters outside the mission": beside a
  // quotation, unquoted words after "told" in its sentence are whom it was said to, or where.
  void drop_addressees() {
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

  // Contents in one paragraph are one statement (a split quotation and the cue inside it), and so
  // are the pieces of one quotation over several.
  std::vector<TaggedAttribution> attributions() const {
    std::vector<TaggedAttribution> out;
    for (const Draft& d : drafts_) {
      if (!d.source || d.contents.empty()) continue;
      for (size_t i = 0; i < d.contents.size();) {
        size_t j = i + 1;
        auto joins = [&](const Run& before, const Run& after) {
          return w_[after.first].paragraph == w_[before.last].paragraph ||
                 (w_[before.last].quote >= 0 && w_[after.first].quote == w_[before.last].quote);
        };
        while (j < d.contents.size() && joins(*d.contents[j - 1], *d.contents[j])) ++j;
        out.push_back(attribution(d, i, j));
        i = j;
      }
    }
    return out;
  }

  TaggedAttribution attribution(const Draft& d, size_t first_content, size_t end_content) const {
    TaggedAttribution a;
    a.source_first = d.source->first;
    a.source_last = d.source->last;
    trim_source(w_, a.source_first, a.source_last);
    a.cue_first = d.cue->first;
    a.cue_last = d.cue->last;
    a.content_first = d.contents[first_content]->first;
    a.content_last = d.contents[end_content - 1]->last;
    end_source_at_comma_after_according_to(a);
    float content_margin = 0;
    for (size_t k = first_content; k < end_content; ++k) content_margin += d.contents[k]->margin;
    a.source_margin = d.source->margin;
    a.cue_margin = d.cue->margin;
    a.content_margin = content_margin / static_cast<float>(end_content - first_content);
    a.content_untagged = d.content_untagged;
    a.source_subject = d.subject;
    return a;
  }

  // "According to the State Department, the ambassador will return": the source of "according
  // to" ends at its comma, and the words after it begin what was said.
  void end_source_at_comma_after_according_to(TaggedAttribution& a) const {
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

  const WordStream& stream_;
  const std::vector<Word>& w_;
  const std::vector<uint8_t> labels_;
  const std::vector<float> margins_;
  const std::vector<Run> runs_;
  std::vector<Draft> drafts_;
  std::vector<const Run*> nested_cues_;  // cues dropped as nested in content
  // Runs made here rather than by the tagger; a deque keeps the drafts' pointers to them valid.
  std::deque<Run> inverted_pronouns_, subjects_, untagged_;
};

}  // namespace

std::vector<TaggedAttribution> tag_attributions(const WordStream& stream, const TaggerModel& model) {
  const auto& w = stream.words;
  std::vector<uint8_t> labels(w.size(), O);
  std::vector<float> margins(w.size(), 0);
  std::vector<uint8_t> part_labels;
  std::vector<float> part_margins;
  const std::vector<Sequence> sequences = tagged_sequences(stream);
  WordFeatures features = extract_features(stream, sequences, model.row_bits());
  for (const Sequence& s : sequences) {
    model.decode(features, s.first, s.end, part_labels, part_margins);
    std::copy(part_labels.begin(), part_labels.end(), labels.begin() + s.first);
    std::copy(part_margins.begin(), part_margins.end(), margins.begin() + s.first);
  }
  read_opening_according_to(stream, labels);
  join_broken_sources(stream, labels);
  return Grouping(stream, std::move(labels), std::move(margins)).run();
}

}  // namespace attache::indexer::attribution
