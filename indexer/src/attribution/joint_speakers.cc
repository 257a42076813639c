// Speakers who speak together ("Merkel and Macron said", "Russia, China and Iran said"):
// source_speakers.h.
#include <algorithm>
#include <string>
#include <vector>

#include "lexicon.h"
#include "source_speakers.h"
#include "speaker_names.h"

namespace attache::indexer::attribution {

// A person named, a role, a place or a body, each of which may speak with others; not the capitals
// of a title ("for Political and Peacebuilding Affairs").
bool SourceSpeakers::may_speak_with_others(const Phrase& p) {
  const std::string& last = w_[p.last].text;
  const bool named = p.type == PhraseType::name && (p.names.size() > 1 || !p.titles.empty() || names_a_place(p) ||
                                                    people_.knows_in_full(p.names.back()));
  if (named || (p.type == PhraseType::role && is_role_noun(lowered(last)))) return true;
  // A body with its article ("the Pentagon"), not the capitals of a portfolio ("International
  // Relations and Cooperation Minister Naledi Pandor").
  const bool with_article =
      is_article(lowered(w_[p.first].text)) || (p.first > 0 && is_article(lowered(w_[p.first - 1].text)));
  const bool body = is_institution_word(last) && with_article;
  return p.type == PhraseType::group &&
         (names_a_place(p) || ends_state_name(last) || ends_body_name(last) || body || is_acronym(last));
}

// "Trump, Netanyahu and ...": the speakers before the "and" at `joint`, set apart by commas; none
// when a part is not one who may speak with others. Each speaker opens its part, after no more than
// titles ("The head of Cuban diplomacy paid tribute to Fidel Castro and to President Raul Castro,
// and pointed out"; "Ryan Crocker, who served under George Bush and Barack Obama").
std::vector<Phrase> SourceSpeakers::speakers_before(uint32_t first, uint32_t joint) {
  std::vector<Phrase> speakers;
  for (uint32_t a = first; a < joint;) {
    uint32_t b = a;
    while (b + 1 < joint && w_[b + 1].kind != WordKind::comma) ++b;
    const Phrase speaker = source_head(a, b);
    if (speaker.last != b || !may_speak_with_others(speaker)) return {};
    for (uint32_t k = a; k < speaker.first; ++k) {  // titles only ("Critics of President Joe Biden" is no one's title)
      const std::string& word = w_[k].text;
      const bool title = w_[k].capitalized ? is_title_word(word) || is_nationality(word) || is_place_word(word)
                                           : article_at(k) || w_[k].is("of") || is_title_modifier(word);
      if (!title) return {};
    }
    speakers.push_back(speaker);
    a = b + 2;
  }
  return speakers;
}

// "Merkel and Macron said", "A statement from Egypt and Israel said", "Russia, China and Iran said":
// the speakers before "and", set apart by commas, speak with the one after it. Each must be one who
// may speak with others ("Ryabkov and other officials" is Ryabkov's) and open its part of the source
// (not "Ryan Crocker, who served under George Bush and Barack Obama").
void SourceSpeakers::join_coordinated_speaker(const TaggedAttribution& t, const Phrase& head, Speaker& s) {
  if (s.canonical.empty()) return;
  const auto author = document_author(t.source_first, t.source_last);
  const uint32_t first = author ? author->first : t.source_first, end = author ? author->second : t.source_last;
  uint32_t joint = first;
  while (joint < end && !(w_[joint].is("and") || w_[joint].is("&"))) {
    if (w_[joint].kind != WordKind::word && w_[joint].kind != WordKind::comma) return;
    ++joint;
  }
  if (joint >= end || joint == first) return;
  // The head resolved is the last speaker, or, in a list ("Russia, China and Iran"), the first.
  const bool head_last = head.first > joint;
  const Phrase last = head_last ? head : source_head(joint + 1, end);
  if (last.type == PhraseType::none || !may_speak_with_others(last)) return;
  for (uint32_t k = joint + 1; k < last.first; ++k)
    if (w_[k].kind != WordKind::word) return;  // "Political and Peacebuilding Affairs, Rosemary DiCarlo"
  const std::vector<Phrase> others = speakers_before(first, joint);  // before anyone is resolved as speaking
  if (others.empty()) return;
  // "St Vincent and the Grenadines Prime Minister Ralph Gonsalves": capitals before the title of the
  // one after "and", and no one known before it, are a country's name holding the "and".
  bool capitals = false, capitals_before_title = false;
  for (uint32_t k = joint + 1; k <= last.last && !capitals_before_title; ++k) {
    if (is_title_word(w_[k].text)) {
      capitals_before_title = capitals;
      if (!capitals) break;
    }
    capitals = capitals || (w_[k].capitalized && !is_nationality(w_[k].text));
  }
  const Phrase& before = others[0];
  if (capitals_before_title && others.size() == 1 && before.titles.empty() &&
      !(before.type == PhraseType::name && people_.knows_in_full(before.names.back())))
    return;
  const std::string last_name = head_last ? s.canonical : people_.resolve(last).canonical;
  if (last_name.empty()) return;
  std::vector<std::string> names;
  for (const Phrase& other : others) {
    const Speaker speaker = people_.resolve(other);
    if (speaker.canonical.empty()) return;
    if (speaker.canonical != last_name && std::find(names.begin(), names.end(), speaker.canonical) == names.end())
      names.push_back(speaker.canonical);
  }
  if (names.empty()) return;
  names.push_back(last_name);
  s.canonical = listed(names);
  s.group = true;
}

}  // namespace attache::indexer::attribution
