// Sayings reported by someone who reports them (inner_reports.h).
#include "inner_reports.h"

#include <algorithm>

#include "lexicon.h"

namespace attache::indexer::attribution {
namespace {

constexpr uint32_t kLongestSpeaker = 8;    // "Chinese President Xi Jinping", "the country's foreign minister"
constexpr uint32_t kLongestAddressee = 4;  // "told fellow leaders that", "told the state broadcaster that"
constexpr uint32_t kShortestSaying = 3;

enum class Report { none, channel, passed_on };

Report reports(const std::vector<Word>& w, const TaggedAttribution& t) {
  const Word& cue = w[t.cue_first];
  if (cue.is("according") || cue.is("reported") || cue.is("reports")) return Report::channel;
  // "North Korea told the Japanese side that five are alive, a Japanese government official said":
  // one unnamed, closing the sentence, passes on what another told someone (not "The government
  // said ..., a Western diplomat said", the diplomat's account).
  const bool closing = t.content_last < t.source_first && t.source_first < t.cue_first;
  if (!closing || !(cue.is("said") || cue.is("says"))) return Report::none;
  for (uint32_t k = t.source_first; k <= t.source_last; ++k)
    if (w[k].kind == WordKind::word && w[k].capitalized && k > t.source_first && !is_nationality(w[k].text))
      return Report::none;
  const std::string head = lowered(w[t.source_last].text);
  return is_role_noun(head) || is_group_noun(head) || names_people(head) ? Report::passed_on : Report::none;
}

// The saying that opens t's content: a speaker of words alone, opening with a capital or "the",
// then a plain cue outside quotation marks; what it says after "that" (or right after "said").
bool inner_saying(const std::vector<Word>& w, const TaggedAttribution& t, TaggedAttribution& inner) {
  const uint32_t first = t.content_first;
  const std::string opening = lowered(w[first].text);
  // "What Romney has said privately ... is a different story": a clause, not a speaker.
  const bool clause = opening.starts_with("wh") || opening == "how" || opening == "if" || opening == "as";
  if (w[first].quote >= 0 || clause || !(w[first].capitalized || w[first].is("the"))) return false;
  // The speaker's words: not across a relative pronoun ("The talks that the minister said").
  uint32_t cue = first;
  while (cue <= t.content_last && cue < first + kLongestSpeaker && w[cue].kind == WordKind::word &&
         !is_plain_cue(lowered(w[cue].text)) && !w[cue].is("that") && !w[cue].is("who") && !w[cue].is("which"))
    ++cue;
  if (cue == first || cue > t.content_last || w[cue].quote >= 0 || !is_plain_cue(lowered(w[cue].text))) return false;
  // "The minister was said to have resigned": hearsay, no one's saying.
  if (is_form_of_be(lowered(w[cue - 1].text))) return false;
  // One saying alone: "Officials said ..., but Mr. Kerry told reporters that ..." is two, which the
  // report gives together.
  for (uint32_t k = cue + 1; k <= t.content_last; ++k)
    if (w[k].kind == WordKind::word && w[k].quote < 0 && is_plain_cue(lowered(w[k].text))) return false;
  // "About 40 rabbis have said": the auxiliary is the cue's.
  uint32_t source_end = cue;
  while (source_end > first + 1 && is_auxiliary(lowered(w[source_end - 1].text))) --source_end;
  uint32_t start = cue + 1;
  const bool told = w[cue].is("told") || w[cue].is("tells");
  while (start <= t.content_last && start < cue + 1 + kLongestAddressee && told && w[start].kind == WordKind::word &&
         !w[start].is("that"))
    ++start;
  // The content opens at "that", which the statement's text leaves out.
  const bool that = start <= t.content_last && w[start].is("that");
  if (!that && told) return false;  // "told X" without "that": whom it was told to, not what
  uint32_t words = 0;
  for (uint32_t k = that ? start + 1 : start; k <= t.content_last; ++k) words += w[k].kind == WordKind::word;
  if (words < kShortestSaying) return false;
  inner = t;
  inner.source_first = first;
  inner.source_last = source_end - 1;
  inner.cue_first = inner.cue_last = cue;
  inner.content_first = start;
  inner.content_untagged = false;
  inner.source_subject = false;
  return true;
}

}  // namespace

void prefer_inner_reports(const WordStream& stream, std::vector<TaggedAttribution>& attributions) {
  const auto& w = stream.words;
  for (TaggedAttribution& t : attributions) {
    TaggedAttribution saying;
    const Report report = reports(w, t);
    if (report == Report::none || !inner_saying(w, t, saying)) continue;
    if (report == Report::passed_on && !(w[saying.cue_first].is("told") || w[saying.cue_first].is("tells"))) continue;
    t = saying;
  }
  std::stable_sort(attributions.begin(), attributions.end(),
                   [](const TaggedAttribution& a, const TaggedAttribution& b) { return a.cue_first < b.cue_first; });
}

}  // namespace attache::indexer::attribution
