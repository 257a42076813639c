// The grouping of labelled runs into attributions (tagged_attributions.cc
// pairs cues with their sources and turns drafts into attributions;
// content_grouping.cc gives each cue its content). Internal to attribution.
#pragma once

#include <algorithm>
#include <deque>
#include <span>
#include <utility>
#include <vector>

#include "tagged_attributions.h"
#include "tagged_runs.h"

namespace attache::indexer::attribution {

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
    drop_adjuncts_after_closing_attributions();
    add_said_before_inversions();
    add_untagged_clauses();
    extend_contents_cut_in_clause();
    drop_addressees();
    drop_clauses_before_reported_that();
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
  void pair_sources();
  // "Chernomyrdin said “...,” adding that ...": a participle of saying after a comma goes on with
  // the cue before it in the sentence and shares its source, though the tagger gave it another
  // before that cue ("Asked whether he would meet ... Martti Ahtisaari ..., Chernomyrdin said").
  void share_sources_with_saying_participles();

  // "Jens Stoltenberg, said after four hours of talks": a run after the cue that opens with a
  // preposition says when or where, not who.
  bool adjunct_after(const Run& source, const Run& cue) const {
    return source.first > cue.last && opens_clause(w_[source.first]);
  }

  bool set_off_by_comma(const Run& source, const Run& cue) const;

  // "''I am not in an American courtroom,'' said he.": the older inversion, whose pronoun the
  // tagger takes for content.
  void add_inverted_pronouns();

  // "Carson turned the story back on the Post, pointing out that ...": a cue with no source of
  // its own in its sentence is said by the sentence's subject, a name or a pronoun opening it.
  void add_subjects();
  uint32_t after_opening_adverbial(uint32_t first, uint32_t cue) const;

  // A cue inside content whose source is nearer another cue is part of what that
  // one says ("he warned that if the West did not accept Russia's demands ..."):
  // its words join the content. ("He said A, adding that B" keeps two cues.)
  void drop_nested_cues();

  // The content right after a nested cue goes on with the content right before it ("reiterated
  // that ... we will not allow anyone to slam NATO's open door policy closed, and she said"): it
  // belongs where that went, not to the nearest cue.
  using Assigned = std::vector<std::pair<const Run*, Draft*>>;  // content runs and the drafts they went to
  Draft* draft_across_nested_cue(const Run& content, const Assigned& assigned) const;

  bool is_inverted_pronoun(const Run& r) const;

  // The draft whose cue lies nearest the content, of those among `drafts` that `eligible` accepts.
  template <typename Eligible>
  Draft* nearest_cue(const Run& content, std::span<Draft> drafts, Eligible eligible) {
    Draft* best = nullptr;
    for (Draft& d : drafts)
      if (eligible(d) && (!best || gap(*d.cue, content) < gap(*best->cue, content))) best = &d;
    return best;
  }

  // The drafts whose cues end in sentence (or paragraph: `of` says which) `first` or later and
  // begin in `last` or earlier. Drafts are in the order of their cues, so they are a range, found
  // by halving: a long transcript's thousands of cues are not all read for each content.
  template <typename Of>
  std::span<Draft> drafts_within(uint32_t first, uint32_t last, Of of) {
    const auto begin = std::partition_point(drafts_.begin(), drafts_.end(), [&](const Draft& d) { return of(w_[d.cue->last]) < first; });
    const auto end = std::partition_point(begin, drafts_.end(), [&](const Draft& d) { return of(w_[d.cue->first]) <= last; });
    return {begin, end};
  }
  static uint32_t sentence_of(const Word& w) { return w.sentence; }
  static uint32_t paragraph_of(const Word& w) { return w.paragraph; }

  // A quotation is said by a cue of its paragraph, but not by one after it that introduces what
  // follows ("''A,'' he wrote. ''B.'' He added: ''C.''": B is the second half of what he wrote).
  Draft* nearest_cue_in(uint32_t paragraph, const Run& content);
  bool introduces(const Draft& d) const;  // its cue ends with a colon

  // Content outside quotation marks is said in its cue's own sentence, or after a colon that
  // ends the cue's: the nearest cue of those, not of the paragraph. In "Brennan told a Senate
  // hearing on Thursday that the agency had found no link. A married couple also claiming ...",
  // the next sentence's cue is nearer, and taking it left the content with no cue at all.
  Draft* nearest_cue_of_sentence(const Run& content);
  // The turn ("MR PRICE: ...") whose paragraph holds the content, after its colon; or none.
  Draft* turn_of_paragraph(const Run& content);

  // "... especially fundraising: “There's a ton of it,” he said.": a quotation followed at once
  // by a source and its cue ("he said", "said Mr. Kampelman") is theirs, whatever cue stands
  // nearer before it, unless that cue introduces what follows ("He added:").
  Draft* closing_attribution(const Run& content);
  // The draft whose cue, with a source, ends just before the content but for a comma or colon.
  Draft* introducing_cue(const Run& content);
  // Whether "according to" follows the quotation.
  bool closing_according_to(const Run& content) const;
  // Whether a cue holds "to" ("refused to answer", "declined to say").
  bool infinitive_in(const Run& cue) const;
  // Whether an attribution ending with this run goes on, in its sentence, to what it says.
  bool says_more(const Run& attribution_end) const;
  // The first word after this content's closing marks and commas.
  uint32_t after_closing_marks(const Run& content) const;
  // Whether the sentence ends with this content (and its closing marks).
  bool ends_sentence(const Run& content) const;

  // A content run belongs to the nearest cue of its paragraph; a quotation over several
  // paragraphs is attributed once, before or after.
  void assign_contents();

  // "Many black voters found it offensive, journalist Martha Raddatz said in posing the question.",
  // "..., said Rita Katz, the director of SITE, which tracks terrorists' communications.": after an
  // attribution that closes a clause and its comma, a short run that opens with a preposition, or
  // with a relative pronoun after a comma, says how or qualifies the source; it is not what was
  // said (the clause before is, add_untagged_clauses). A run holding "that" or a quotation is.
  void drop_adjuncts_after_closing_attributions();
  void drop_adjunct_after_quotation(Draft& d) const;
  bool adjunct_content(const Run& content) const;

  // "Any interpretation of Mr. Kerry's actions, said Michael Kofman, an expert, would read this as
  // ...": the words that open the sentence before an inverted cue and its comma open what was said,
  // as the halves of a split quotation do, whether the tagger left them out or took them for a
  // source that no cue kept.
  void add_said_before_inversions();

  bool source_taken_at(uint32_t k) const;

  // "The cuts will help exporters, E. M. Martin, an assistant secretary of state, told members of
  // the council": a source and a cue whose content the tagger missed, after a clause and a comma
  // that open the sentence (or a comma and "as": "..., as The New York Times reported"). The clause
  // is what was said; the calibrator knows it was not tagged.
  // A cue inside that clause is part of what was said ("Russia will respond to any expansion of
  // NATO, Deputy Foreign Minister Sergei Ryabkov told TASS"): its attribution gives way.
  void add_untagged_clauses();

  // "The official, who asked not to be named, told reporters that Soviet negotiators had dropped
  // their demands": the tagger's content after its cue and "that" may stop inside its clause. It goes on over
  // the unlabelled, unquoted words after it when they run to the clause's end, unless a word of
  // when or where, or one joining a clause, stands among them ("... during a speech in Iowa"):
  // those say where or when it was said, or begin another clause.
  void extend_contents_cut_in_clause();

  // Inner attributions give way only to a source that names someone ("Deputy Foreign Minister
  // Sergei Ryabkov", "federal officials", "three television networks", "the ministry"): in
  // "Dmitri Trenin ... said the Kremlin wanted guarantees on paper, not promises", "not promises"
  // is no closing attribution.
  bool names_someone(const Run& source) const;

  // Is word k part of the source, cue or content of an attribution whose cue is one of `cues`,
  // all of it within words [start, lead)?
  bool inside_drafts_of(const std::vector<const Run*>& cues, uint32_t k, uint32_t start, uint32_t lead) const;

  bool quoted_run(const Run* r) const { return w_[r->first].quote >= 0 || w_[r->first].kind == WordKind::quote_open; }

  // "''This is a beginning,'' Mr. Kampelman told reporters outside the mission": beside a
  // quotation, unquoted words after "told" in its sentence are whom it was said to, or where.
  void drop_addressees();

  // "Yet as Russia massed troops on its border, Ryabkov told reporters that we had no intention
  // ...": where what was said follows the cue and its "that", an unquoted run before the source is
  // the sentence's adjunct, not a first half of what was said (as a split quotation's is).
  void drop_clauses_before_reported_that();

  // Contents in one paragraph are one statement (a split quotation and the cue inside it), and so
  // are the pieces of one quotation over several.
  std::vector<TaggedAttribution> attributions() const;
  // Whether a cue of another draft with a source and content stands between two contents of d.
  bool another_cue_between(const Draft& d, const Run& before, const Run& after) const;

  TaggedAttribution attribution(const Draft& d, size_t first_content, size_t end_content) const;

  // "According to the State Department, the ambassador will return": the source of "according
  // to" ends at its comma, and the words after it begin what was said.
  void end_source_at_comma_after_according_to(TaggedAttribution& a) const;

  // "A senior official, who spoke on condition of anonymity because he was not authorised to
  // discuss the talks, said the negotiations had stalled": a relative clause between a source and
  // its cue describes the source; what was said begins after the cue.
  void start_content_after_cue(TaggedAttribution& a) const;

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

}  // namespace attache::indexer::attribution
