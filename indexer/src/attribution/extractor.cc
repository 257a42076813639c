// From the tagger's attributions to candidate statements. The tagger
// (tagger*.cc, tagged_attributions.cc) finds each statement's source, cue and
// content. Here, sentence by sentence, the people of the article are followed
// (people.cc) and each source is resolved to its speaker (source_speakers.cc);
// a statement's text is cut down to what was said, and the evidence the
// calibrator (calibrator.cc) scores it by is gathered.
#include <algorithm>
#include <cctype>

#include "attache/indexer/statements.h"
#include "block_quotations.h"
#include "content_starts.h"
#include "framed_attributions.h"
#include "headline_attributions.h"
#include "extraction.h"
#include "lexicon.h"
#include "noun_phrases.h"
#include "people.h"
#include "source_speakers.h"
#include "speaker_names.h"
#include "tagged_attributions.h"
#include "transcript_turns.h"
#include "words.h"

namespace attache::indexer::attribution {
namespace {

// The number the calibrator knows a cue verb by (kCalibratedCues).
int calibrated_cue(std::string_view base) {
  return static_cast<int>(std::find_if(std::begin(kCalibratedCues), std::end(kCalibratedCues),
                                       [&](const char* c) { return std::string_view(c) == base; }) -
                          std::begin(kCalibratedCues));
}

class Extractor {
 public:
  Extractor(std::string_view text, const Tagger& tagger)
      : text_(text),
        stream_(read_words(text)),
        w_(stream_.words),
        tagged_(tag_attributions(stream_, tagger)),
        phrases_(text, stream_),
        people_(phrases_),
        speakers_(phrases_, people_) {}

  std::vector<Candidate> run() {
    const uint32_t sentence_count = static_cast<uint32_t>(stream_.sentence_first_word.size()) - 1;
    // A headline's attribution names whom the article names in full only later ("Shultz Says Arms
    // Deal Foundered"): it is read after the article.
    // So are a live blog's headings ("9:41 pm — Abbas: ..." before "President Mahmoud Abbas says").
    const uint32_t headline = headline_end(w_);
    std::vector<bool> heading(tagged_.size());
    for (size_t i = 0; i < tagged_.size(); ++i)
      heading[i] = tagged_[i].cue_first < headline || in_time_stamped_heading(w_, tagged_[i].cue_first);
    for (uint32_t s = 0; s < sentence_count; ++s) {
      phrases_.set_sentence(s);
      if (phrases_.sentence_first() >= phrases_.sentence_end()) continue;
      people_.note_names();
      speakers_.note_mentions();
      for (; next_tagged_ < tagged_.size() && w_[tagged_[next_tagged_].cue_first].sentence <= phrases_.sentence(); ++next_tagged_)
        if (!heading[next_tagged_]) add_tagged(tagged_[next_tagged_]);
    }
    for (size_t i = 0; i < tagged_.size(); ++i)
      if (heading[i]) {
        phrases_.set_sentence(w_[tagged_[i].cue_first].sentence);
        add_tagged(tagged_[i]);
      }
    std::vector<Candidate> out;
    for (size_t i = 0; i < out_.size(); ++i) out.push_back({std::move(out_[i]), evidence_[i]});
    std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) { return a.statement.begin < b.statement.begin; });
    return out;
  }

 private:
  // A tagger's attribution of the current sentence.
  void add_tagged(const TaggedAttribution& t) {
    StatementEvidence e;
    const StatementKind kind = content_kind(t, e);
    e.kind = static_cast<int>(kind);
    describe(t, e);
    // A statement says something: fragments of one or two words are tagging errors, unless
    // they are a whole quotation ("''No,'' she said") or end where the clause does and name
    // something ("46 percent said yes.", "Sanders called him divisive and"; not "noted, which").
    // After a cue that ends at a preposition they are a topic ("asked about the vote", "wrote
    // to investors"). Neither they nor passive cues touch who spoke last, whom later pronouns follow.
    const bool fragment = e.content_words == 0 ||
                          (e.content_words < 3 && kind != StatementKind::direct &&
                           (e.cue_preposition || !ends_clause(t.content_last) ||
                            !names_something(t.content_first, t.content_last)));
    if (passive_cue(t) || fragment || !is_speech_act(kind, e) || asks_anonymity(t) || question_to_source(t))
      return;
    const TaggedAttribution spoke = with_quoted_source(t);
    Speaker speaker = speakers_.speaker_of(spoke, e);
    // "Quote: “...”" alone: the words of whoever spoke last.
    if (quote_heading(spoke.source_first) && spoke.source_first == spoke.source_last && !out_.empty()) {
      speaker.written = out_.back().speaker;
      speaker.canonical = out_.back().canonical;
      speaker.group = out_.back().group;
    }
    e.speaker_unnamed = !has_capital(speaker.canonical);
    if (e.speaker == 0 && speakers_.word_taken_for_speaker(spoke.source_first, spoke.source_last)) return;
    if (e.speaker == 2 && speakers_.adverb_taken_for_name(spoke.source_first, spoke.source_last)) return;
    // A statement's text is what was said: the marks around a whole quotation and
    // the complementiser before a clause are not part of it.
    uint32_t content_first = content_start(w_, t);
    // "Senator Birmingham, who has been unable to reach ... since January, said Y": reported content
    // run over its own source and cue, which no comma sets off as a parenthesis ("The economy, he
    // said, will grow", "The talks, as one official described them, were"), is what follows the
    // cue. A relative opening it is what was said of ("which he said would mean jobs").
    const auto set_off = [&](uint32_t k) { return w_[k - 1].kind == WordKind::comma || (w_[k - 1].is("as") && w_[k - 2].kind == WordKind::comma); };
    if (kind == StatementKind::reported && content_first + 1 < t.source_first && t.source_last < t.cue_first &&
        t.cue_last < t.content_last && !set_off(t.source_first))
      content_first = t.cue_last + 1;
    while (content_first < t.content_last && w_[content_first].dateline) ++content_first;  // "MOSCOW (Reuters) -"
    if (content_first < t.content_last && (w_[content_first].is("that") || w_[content_first].is("That"))) ++content_first;
    uint32_t begin = w_[content_first].begin, end = w_[t.content_last].end;
    // Mixed text keeps its marks ("the agreement “changes nothing”", "“substantial progress” had
    // been made"); a quotation after "that" is whole ("told reporters that “diplomacy works”").
    const bool whole = one_quotation(content_first, t.content_last);
    const StatementKind said = whole ? StatementKind::direct : kind;
    const bool direct = said == StatementKind::direct && content_first < t.content_last;
    if (direct && w_[content_first].kind == WordKind::quote_open) begin = w_[content_first].end;
    if (direct && w_[t.content_last].kind == WordKind::quote_close) end = w_[t.content_last].begin;
    if (add(speaker, phrases_.span_text(t.cue_first, t.cue_last), begin, end, said)) {
      evidence_.push_back(e);
      name_the_lead(w_[t.cue_first].paragraph);
    }
  }

  // Whether word k opens a clause of reported speech: "that", or a participle going on to say
  // something ("adding the talks would go on"; not "speaking to reporters", nor "in a brief
  // appearance").
  bool opens_reported_clause(uint32_t k) const {
    return w_[k].is("that") || goes_on_saying(w_[k], k + 1 < w_.size() ? &w_[k + 1] : nullptr);
  }

  // Direct when all the content's words are quoted, mixed when some are;
  // counts them into e.
  StatementKind content_kind(const TaggedAttribution& t, StatementEvidence& e) const {
    bool quoted = false, unquoted = false;
    const uint32_t attribution_first = std::min(t.source_first, t.cue_first);
    uint32_t attribution_last = std::max(t.source_last, t.cue_last);
    // In a split quotation the attribution runs on to the second part ("“A,” Peskov told reporters
    // on Thursday. “B.”"): whom it was said to, and when, do not make it mixed either.
    // What it goes on to report unquoted ("adding that B", "adding the talks would go on") does.
    if (t.content_first < attribution_first && attribution_last < t.content_last)
      while (attribution_last < t.content_last && w_[attribution_last + 1].quote < 0 &&
             w_[attribution_last + 1].kind != WordKind::quote_open && !opens_reported_clause(attribution_last + 1))
        ++attribution_last;
    for (uint32_t i = t.content_first; i <= t.content_last; ++i) {
      // The words of the attribution inside a split quotation do not make it mixed.
      if (w_[i].kind != WordKind::word || (i >= attribution_first && i <= attribution_last)) continue;
      e.content_words += 1;
      (w_[i].quote >= 0 ? quoted : unquoted) = true;
    }
    if (is_turn(w_, t.source_first, t.source_last, t.cue_first, t.cue_last) || is_block_quotation(w_, t.content_first))
      return StatementKind::direct;
    return quoted && !unquoted ? StatementKind::direct : quoted ? StatementKind::mixed : StatementKind::reported;
  }

  // The tagger's confidence, the cue and how the parts lie, for the calibrator.
  void describe(const TaggedAttribution& t, StatementEvidence& e) const {
    e.source_margin = t.source_margin;
    e.cue_margin = t.cue_margin;
    e.content_margin = t.content_margin;
    e.source_words = t.source_last - t.source_first + 1;
    e.cue_words = t.cue_last - t.cue_first + 1;
    for (uint32_t i = t.cue_first; i <= t.cue_last; ++i) {
      const std::string word = lowered(w_[i].text);
      const Cue* cue = find_cue(word);
      const std::string_view base = cue ? std::string_view(cue->base) : word == "according" ? "accord" : "";
      for (int c = 0; c < static_cast<int>(std::size(kCalibratedCues)); ++c)
        if (base == kCalibratedCues[c]) e.cue_base = c;
      e.lexicon_cue = e.lexicon_cue || cue;
      e.said = e.said || (cue && cue->base == "say");
      e.cue_modal = e.cue_modal || is_cue_modal(word);
    }
    // A turn ("Lavrov: We see no reason ...") is read as what it stands for, "Lavrov said: ...",
    // and so is a block after a cue and a colon, and "as one diplomat put it".
    if (is_turn(w_, t.source_first, t.source_last, t.cue_first, t.cue_last) || is_block_quotation(w_, t.content_first) ||
        is_put_it(w_, t.cue_first, t.cue_last)) {
      e.cue_base = calibrated_cue("say");
      e.lexicon_cue = e.said = true;
    }
    e.cue_preposition = is_cue_preposition(lowered(w_[t.cue_last].text));
    e.content_infinitive = w_[t.content_first].is("to");
    uint32_t opening = t.content_first;
    while (opening < t.content_last && w_[opening].kind != WordKind::word) ++opening;
    e.content_question = opens_question(lowered(w_[opening].text));
    e.source_capitalized = w_[t.source_first].capitalized;
    for (uint32_t i = t.source_first; i <= t.source_last; ++i)
      e.source_digit = e.source_digit || std::any_of(w_[i].text.begin(), w_[i].text.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
                       lowered(w_[i].text) == "percent";
    e.inverted = t.source_first > t.cue_last;
    e.source_cue_gap = e.inverted ? t.source_first - t.cue_last - 1 : t.source_last < t.cue_first ? t.cue_first - t.source_last - 1 : 0;
    e.content_before = t.content_first < t.cue_first;
    e.content_after = t.content_last > t.cue_last;
    e.continuation = w_[t.content_first].paragraph != w_[t.cue_first].paragraph;
    e.content_untagged = t.content_untagged;
    e.source_subject = t.source_subject;
    // "He continued:" and the quotation after it, in this paragraph or the next.
    for (uint32_t i = t.cue_last; i < t.content_first && i <= t.cue_last + 1; ++i)
      e.colon = e.colon || w_[i].kind == WordKind::colon;
    // A headline's "...: Smith" or "... – Sirleaf", the mark alone its cue.
    const WordKind mark = w_[t.cue_first].kind;
    e.colon = e.colon || (t.cue_first == t.cue_last && (mark == WordKind::colon || mark == WordKind::dash) &&
                          w_[t.cue_first].paragraph == 0);
  }

  // Whether the clause ends after word k: at a comma, a semicolon, the sentence's end or a
  // closing mark, at "and", or at the end of the text. A content cut short by the tagger ("called
  // an", "noted that") goes on after it, and so does one before a quotation or a colon ("said
  // Randolph “would ...”").
  bool ends_clause(uint32_t k) const {
    if (k + 1 >= w_.size()) return true;
    const WordKind next = w_[k + 1].kind;
    return next == WordKind::comma || next == WordKind::semicolon || next == WordKind::terminator ||
           next == WordKind::quote_close || next == WordKind::bracket_close || w_[k + 1].is("and");
  }

  // Whether words [first, last] hold a word that is neither a pronoun nor "that".
  bool names_something(uint32_t first, uint32_t last) const {
    for (uint32_t k = first; k <= last; ++k)
      if (w_[k].kind == WordKind::word && !is_pronoun_or_relative(lowered(w_[k].text)) && !w_[k].is("that")) return true;
    return false;
  }

  // "Quote: “...”" (as Ukrainska Pravda sets out what someone said): a heading opening its
  // paragraph, not a speaker.
  bool quote_heading(uint32_t k) const {
    return w_[k].is("Quote") && (k == 0 || w_[k - 1].paragraph != w_[k].paragraph) && k + 1 < w_.size() &&
           w_[k + 1].kind == WordKind::colon;
  }

  // "Interfax quoted Deputy Foreign Minister Sergei Ryabkov as saying ...", "The minister was cited
  // by TASS as saying ...": the one quoted spoke, not the agency that quoted him, wherever the
  // tagger drew the line between source and cue.
  TaggedAttribution with_quoted_source(TaggedAttribution t) const {
    const uint32_t last = std::max(t.source_last, t.cue_last);
    // "cited by" may stand before a source the tagger found in its by-phrase.
    uint32_t q = std::min(t.source_first, t.cue_first);
    for (int back = 0; back < 2 && q > 0 && w_[q - 1].sentence == w_[q].sentence; ++back) --q;
    while (q < last && !is_quoting_verb(lowered(w_[q].text))) ++q;
    uint32_t as = q + 1;
    while (as <= last && as < q + 10 && w_[as].kind == WordKind::word && !w_[as].is("as")) ++as;
    if (q >= last || as > last || !w_[as].is("as") || as == q + 1) return t;
    if (!w_[q + 1].is("by")) {
      t.source_first = q + 1;
      t.source_last = as - 1;
      return t;
    }
    // Passive: the subject before "was" spoke, and "by TASS" says where.
    if (q < 2 || !is_form_of_be(lowered(w_[q - 1].text))) return t;
    uint32_t subject_end = q - 1;  // one past the subject
    // "Ali Larijani, the new secretary of Iran's Supreme National Security Council, was quoted": the
    // name before its apposition.
    constexpr uint32_t kLongestApposition = 16;
    if (w_[q - 2].kind == WordKind::comma) {
      uint32_t c = q - 2;
      while (c > 0 && c + kLongestApposition > q && w_[c - 1].kind == WordKind::word) --c;
      if (c == 0 || w_[c - 1].kind != WordKind::comma || w_[c - 1].sentence != w_[q].sentence) return t;
      subject_end = c - 1;
    }
    uint32_t subject = subject_end;
    while (subject > 0 && subject + 7 > subject_end && w_[subject - 1].kind == WordKind::word &&
           w_[subject - 1].sentence == w_[q].sentence)
      --subject;
    const bool longer = subject > 0 && w_[subject - 1].kind == WordKind::word && w_[subject - 1].sentence == w_[q].sentence;
    if (subject == subject_end || longer) return t;  // no subject, or one longer than a name and its title
    t.source_first = subject;
    t.source_last = subject_end - 1;
    return t;
  }

  // "who asked not to be identified because ...", "requested to remain anonymous": a request
  // for anonymity, in reported speech, is no statement.
  bool asks_anonymity(const TaggedAttribution& t) const {
    if (t.content_first <= t.cue_last || !(w_[t.content_first].is("not") || w_[t.content_first].is("to"))) return false;
    for (uint32_t k = t.content_first + 1; k <= t.content_last && k < t.content_first + 4; ++k) {
      if (w_[k].kind != WordKind::word || w_[k].quote >= 0) return false;
      if (is_anonymity_word(lowered(w_[k].text))) return true;
    }
    return false;
  }

  // Whether words [first, last] are one quotation and its marks.
  bool one_quotation(uint32_t first, uint32_t last) const {
    if (last <= first + 1 || w_[first].kind != WordKind::quote_open || w_[last].kind != WordKind::quote_close) return false;
    const int quote = w_[first + 1].quote;
    for (uint32_t k = first + 1; k < last; ++k)
      if (w_[k].quote != quote || quote < 0) return false;
    return true;
  }

  // "Ned, can you say whether the Secretary will travel?", "Can he confirm that ...?", "Will the
  // Foreign Secretary tell the House why ...?": a question asks someone to say something; it is no
  // statement of theirs.
  bool question_to_source(const TaggedAttribution& t) const {
    const bool you = t.source_first == t.source_last && lowered(w_[t.source_first].text) == "you";
    const bool inverted =
        t.source_last < t.cue_first && asked_after_auxiliary(w_, t.source_first, phrases_.sentence_first());
    if (!you && !inverted) return false;
    for (uint32_t k = t.cue_last + 1; k < w_.size() && w_[k].sentence == w_[t.cue_first].sentence; ++k)
      if (w_[k].kind == WordKind::terminator) return w_[k].text == "?";
    return false;
  }

  // "Mr. Scholz was asked whether ...": the subject of a passive cue is its
  // addressee or its topic, not its speaker; but one who "was quoted" or "was cited"
  // (as saying) is the one who spoke.
  bool passive_cue(const TaggedAttribution& t) const {
    if (t.source_last >= t.cue_first || t.cue_first == 0) return false;
    // "was asked", and with an adverb between: "was once asked", "was not asked", the adverb
    // inside the cue or before it.
    uint32_t from = t.cue_first - 1;
    while (from > t.source_last + 1 && is_passive_adverb(lowered(w_[from].text))) --from;
    for (uint32_t i = from; i < t.cue_last; ++i) {
      if (!is_form_of_be(lowered(w_[i].text))) continue;
      uint32_t v = i + 1;
      while (v < t.cue_last && (is_passive_adverb(lowered(w_[v].text)) || v < t.cue_first)) ++v;
      const std::string verb = lowered(w_[v].text);
      if (is_quoting_verb(verb)) return false;
      // "The talks were said to have lasted ...": hearsay about the subject, said by no one named.
      if (verb.size() > 2 && (verb.compare(verb.size() - 2, 2, "ed") == 0 || verb == "told" || verb == "said"))
        return true;
    }
    return false;
  }

  // "ANKARA (AA) - ..., Turkey's foreign minister said on Wednesday. / “...,” Mevlut Cavusoglu told
  // private broadcaster Haberturk.": wire copy describes the speaker of its lead and names him in
  // the next paragraph. The lead's role, unresolved, is the person first named as the next
  // statement's speaker, who holds it from then on: a nation's office, given to one introduced in no
  // role and of no other nation, named neither before the lead nor beside a counterpart in it.
  void name_the_lead(uint32_t paragraph) {
    if (out_.size() == 1) lead_paragraph_ = paragraph;
    if (out_.size() != 2 || !out_[0].group || out_[1].group || out_[1].canonical.empty() || paragraph <= lead_paragraph_)
      return;
    // The article's first paragraph (after its headline); a definite role, not an anonymous source
    // ("a diplomat", "one official").
    const uint32_t headline = headline_end(w_);
    const uint32_t first_paragraph = headline < w_.size() ? w_[headline].paragraph : 0;
    const std::string& written = out_[0].speaker;
    const size_t space = written.rfind(' ');
    const std::string opening = lowered(written.substr(0, written.find(' ')));
    if (lead_paragraph_ != first_paragraph || (opens_counted_phrase(opening) && opening != "the") ||
        !is_role_noun(lowered(written.substr(space == std::string::npos ? 0 : space + 1))))
      return;
    // "..., the Russian foreign minister said after meeting his U.S. counterpart": two people.
    for (uint32_t k = 0; k < w_.size() && w_[k].paragraph <= lead_paragraph_; ++k)
      if (w_[k].paragraph == lead_paragraph_ && (w_[k].is("counterpart") || w_[k].is("counterparts"))) return;
    const std::string& name = out_[1].canonical;
    const std::string surname = name.substr(name.rfind(' ') + 1);
    const size_t first_named = text_.find(surname, headline < w_.size() ? w_[headline].begin : 0);
    if (first_named < out_[0].end || !people_.take_role(name, written)) return;
    out_[0].canonical = name;
    out_[0].group = false;
  }

  bool add(const Speaker& speaker, const std::string& cue, uint32_t begin, uint32_t end, StatementKind kind) {
    // Trim spaces, a leading comma ("said that, in his view, ...") and trailing commas, colons and
    // sentence-final periods.
    while (begin < end && (text_[begin] == ' ' || text_[begin] == '\n' || text_[begin] == ',')) ++begin;
    while (end > begin && (text_[end - 1] == ' ' || text_[end - 1] == '\n' || text_[end - 1] == ',' ||
                           text_[end - 1] == ':' || text_[end - 1] == ';' || text_[end - 1] == '.'))
      --end;
    if (end <= begin) return false;
    for (const Statement& s : out_)
      if (begin < s.end && s.begin < end) return false;  // already covered
    Statement st;
    st.speaker = speaker.written;
    st.canonical = speaker.canonical;
    st.cue = cue;
    st.kind = kind;
    st.begin = begin;
    st.end = end;
    st.group = speaker.group;
    out_.push_back(std::move(st));
    return true;
  }

  std::string_view text_;
  WordStream stream_;
  const std::vector<Word>& w_;
  std::vector<TaggedAttribution> tagged_;
  NounPhrases phrases_;
  People people_;
  SourceSpeakers speakers_;
  size_t next_tagged_ = 0;
  std::vector<StatementEvidence> evidence_;  // of out_[i]
  std::vector<Statement> out_;
  uint32_t lead_paragraph_ = 0;  // of the first statement
};

}  // namespace

bool is_speech_act(StatementKind kind, const StatementEvidence& e) {
  static const int kAccordingTo = calibrated_cue("accord");
  return kind != StatementKind::reported || e.lexicon_cue || e.cue_base == kAccordingTo || e.colon;
}

std::vector<Candidate> extract_candidates(std::string_view text, const Tagger& tagger) {
  return Extractor(text, tagger).run();
}

}  // namespace attache::indexer::attribution
