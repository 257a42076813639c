// Where what was said begins after its cue (content_starts.h).
#include "content_starts.h"

#include <algorithm>
#include <string>

#include "lexicon.h"

namespace attache::indexer::attribution {
namespace {

// Where "that" stands after a phrase of when something was said that opens the content at k
// ("earlier this week that", "Thursday that", "last month that"), or 0: only time words before
// it, and a "that" that is no determiner ("later that day") nor relative ("March was so bad that").
uint32_t that_after_when(const std::vector<Word>& w, uint32_t k) {
  auto period = [&](uint32_t i) { return i < w.size() && is_time_period(lowered(w[i].text)); };
  const std::string lower = lowered(w[k].text);
  uint32_t that = k + 1;
  if (lower == "earlier" || lower == "later") {
    if (that < w.size() && (w[that].is("this") || w[that].is("last")) && period(that + 1)) that += 2;
  } else if ((lower == "last" || lower == "this") && period(k + 1)) {
    that = k + 2;
  } else if (!is_day_word(w[k].text) && !is_month(w[k].text)) {
    return 0;
  }
  return that + 1 < w.size() && w[that].is("that") && !period(that + 1) ? that : 0;
}

// "asked the minister whether the talks would resume": the question opens at "whether", "if" or a
// question word ("asked officials how ties would fare") after whom it was put to (a few words, no
// mark, no "to": "asked her to call him if possible" is a request, all of it; nor "about": "asked
// Mrs. Clinton about women who said" is a question about them; nor after "asked that").
// "whether", "how", "what", "why": a word that opens a question wherever it stands.
bool opens_question_anywhere(const Word& word) {
  return word.is("whether") || word.is("how") || word.is("what") || word.is("why");
}

uint32_t question_start(const std::vector<Word>& w, uint32_t first, uint32_t last) {
  constexpr uint32_t kLongestAddressee = 8;
  // A question's word ("whether", "how", "what", "why"), or "if" before its clause's subject ("if he
  // would"; not "if necessary"); not "when" and "where", which open circumstances as often.
  auto opens_question = [&](uint32_t k) {
    if (!(opens_question_anywhere(w[k]) || w[k].is("if")) || k + 1 >= last) return false;
    if (!w[k].is("if")) return true;
    const Word& next = w[k + 1];
    std::string lower = lowered(next.text);
    lower = lower.substr(0, std::min(lower.find('\''), lower.find("\xe2\x80\x99")));  // "he’s": "he"
    return next.kind == WordKind::word && (next.capitalized || is_article(lower) || is_subject_pronoun(lower) ||
                                           is_possessive_determiner(lower) || lower == "there" || lower == "it");
  };
  if (opens_question(first) || (first > 0 && w[first - 1].is("that"))) return first;
  for (uint32_t k = first + 1; k < last && k <= first + kLongestAddressee; ++k) {
    if (w[k].quote >= 0 || w[k].kind != WordKind::word || w[k].is("to") || w[k].is("that") || w[k].is("about") ||
        w[k].is("for"))
      return first;
    if (opens_question(k)) return k;
  }
  return first;
}

}  // namespace

// "said in an interview with the BBC that the alliance ...", "told a party congress that the
// Soviet Union ...", "said Thursday during a town hall in Buffalo, New York, that states ...":
// after a cue that ends with a preposition of whom or where it was said, or that takes an
// addressee, or before content that opens with when or where, that comes before the "that"
// which opens what was said. (Not "called for assurances that ...": what was called for is the
// assurances.)
// Not when the source stands between the cue and the content ("According to officials in
// London, the government shares that view"): the cue's object is the source.
uint32_t content_start(const std::vector<Word>& w, const TaggedAttribution& t) {
  if (t.content_first <= t.cue_last) return t.content_first;
  if (t.source_first > t.cue_last && t.source_last < t.content_first) return t.content_first;
  // The preposition may end the cue or stand just before the content, outside both.
  // So does a cue that names its medium or occasion ("said in a statement issued later in the
  // evening that", "wrote on her Telegram channel that", "said on condition of anonymity that").
  // (Not "called on fellow leaders to ensure that ...": whom one calls on is asked, and what
  // follows "to" is what they are asked.)
  bool medium = false, calls_on = false;
  for (uint32_t k = t.cue_first; k <= t.cue_last; ++k) {
    const Cue* cue = find_cue(lowered(w[k].text));
    calls_on = calls_on || (cue && cue->base == "call");
    medium = medium || (k > t.cue_first && (w[k].is("in") || w[k].is("on") || w[k].is("at")));
  }
  medium = medium && !calls_on;
  // (The tagger may take words of the addressee into the cue: "told a luncheon of".)
  bool addressed = takes_addressee(lowered(w[t.content_first - 1].text));
  for (uint32_t k = t.cue_first; k <= t.cue_last; ++k)
    addressed = addressed || (takes_addressee(lowered(w[k].text)) && !is_object_preposition(lowered(w[k].text)) &&
                              !says_when_or_where(w[k].text));
  const bool object = medium || addressed;
  // "asked the minister whether the talks would resume": whom a question was put to is no part of it.
  const bool question = w[t.cue_last].is("asked") || w[t.cue_last].is("asks") || w[t.cue_last].is("asking");
  // (A day may open it: "said Thursday during taping of a town hall in Buffalo, New York, that".)
  const uint32_t first = t.content_first;
  const bool adjunct = says_when_or_where(w[first].text) ||
                       (is_day_word(w[first].text) && first + 1 < t.content_last && says_when_or_where(w[first + 1].text));
  if (question) return question_start(w, t.content_first, t.content_last);
  if (!object && !adjunct) {
    const uint32_t that = that_after_when(w, t.content_first);
    return that && that < t.content_last ? that : t.content_first;
  }
  const uint32_t reach = object ? 12 : 20;
  for (uint32_t k = t.content_first; k < t.content_last && k < t.content_first + reach; ++k) {
    if (w[k].quote >= 0 || (w[k].kind != WordKind::word && (object || w[k].kind != WordKind::comma)))
      return t.content_first;
    // "told them how tough it is ... and that ...": a question opens what was said before any "that".
    if (opens_question_anywhere(w[k])) return t.content_first;
    if (w[k].is("that")) return k;
  }
  return t.content_first;
}

}  // namespace attache::indexer::attribution
