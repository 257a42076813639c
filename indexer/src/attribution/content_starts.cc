// Where what was said begins after its cue (content_starts.h).
#include "content_starts.h"

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
  const bool object = medium || takes_addressee(lowered(w[t.cue_last].text)) ||
                      takes_addressee(lowered(w[t.content_first - 1].text));
  const bool adjunct = says_when_or_where(w[t.content_first].text);
  if (!object && !adjunct) {
    const uint32_t that = that_after_when(w, t.content_first);
    return that && that < t.content_last ? that : t.content_first;
  }
  const uint32_t reach = object ? 12 : 20;
  for (uint32_t k = t.content_first; k < t.content_last && k < t.content_first + reach; ++k) {
    if (w[k].quote >= 0 || (w[k].kind != WordKind::word && (object || w[k].kind != WordKind::comma)))
      return t.content_first;
    if (w[k].is("that")) return k;
  }
  return t.content_first;
}

}  // namespace attache::indexer::attribution
