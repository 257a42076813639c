// Where a tagged source stands in its sentence (source_speakers.h): inside a fronted adverbial,
// a prepositional phrase or a relative clause, or in place of an adverb or an object, where the
// sentence's subject is the one who speaks.
#include "source_speakers.h"

#include <algorithm>

#include "lexicon.h"
#include "speaker_names.h"

namespace attache::indexer::attribution {

// "Earlier, National Security Adviser Dr Moeed Yusuf", "In Islamabad, Foreign Office spokesperson
// Mumtaz Zahra Baloch", "Addressing the Commons, the Prime Minister": an adverbial the tagger took
// into a source, up to its comma, is not who spoke; the words after the comma are.
uint32_t SourceSpeakers::after_fronted_adverbial(uint32_t first, uint32_t last) const {
  // The opener opens the sentence, and the tagger's source may start after it ("In [Islamabad,
  // Foreign Office spokesperson Mumtaz Zahra Baloch] said", "Speaking for [the European Union,
  // the representative of Spain] said").
  // A participle's phrase runs longer ("Speaking at a joint news conference with his Azerbaijani
  // counterpart Jeyhun Bayramov in the capital Baku, Cavusoglu noted"), and so does a clause of time.
  constexpr uint32_t kLongestOpening = 8, kLongestParticipialOpening = 32;
  const uint32_t opening = next_word(w_, phrases_.sentence_first(), first + 1);
  if (opening > first) return first;
  const Word& opener = w_[opening];
  // "Speaking at ...", not "King Abdullah II of ...".
  const bool participle = opener.text.ends_with("ing") && opening + 1 < w_.size() && w_[opening + 1].kind == WordKind::word &&
                          !w_[opening + 1].capitalized;
  // "Two months after the coup that toppled [President Mohamed Bazoum, Emmanuel Macron] announced":
  // a time measured before or after something.
  bool measured_time = false;
  for (uint32_t k = opening + 1; k < first && k <= opening + 3 && !measured_time; ++k)
    measured_time = w_[k].is("after") || w_[k].is("before") || w_[k].is("since");
  const uint32_t longest = participle || measured_time ? kLongestParticipialOpening : kLongestOpening;
  if (first > opening + longest) return first;
  if (!opener.capitalized || !(opens_adverbial(opener.text, false) || participle || measured_time)) return first;
  // "In Beijing, Zhu Fenglian, spokeswoman for ..., told": the opening ended before the source.
  for (uint32_t k = opening; k < first; ++k)
    if (w_[k].kind == WordKind::comma) return first;
  for (uint32_t k = first + 1; k < last && k < opening + longest; ++k)
    if (w_[k].kind == WordKind::comma) {
      const uint32_t next = next_word(w_, k + 1, last + 1);
      return next <= last ? next : first;
    }
  // "At Camp David the president said": without a comma, the place's capitals end where the
  // subject's article or pronoun begins.
  if (first == opening && says_when_or_where(lowered(opener.text))) {
    uint32_t k = opening + 1;
    while (k < last && w_[k].kind == WordKind::word && w_[k].capitalized) ++k;
    if (k > opening + 1 && k < last && (article_at(k) || is_subject_pronoun(lowered(w_[k].text)))) return k;
  }
  return first;
}

// "Leaders gathered at the Munich Security Conference warned", "Powell's office, when contacted by
// Reuters, said": a source tagged inside a place phrase, or a participle's agent, is not the one
// speaking; the clause's subject is.
bool SourceSpeakers::inside_prepositional_phrase(uint32_t source_first) const {
  const uint32_t sentence_first = phrases_.sentence_first();
  uint32_t k = source_first;
  // "in Columbus, Ohio": a place may name its state after a comma, a state that ends the name (not
  // "..., Chinese Foreign Ministry spokesperson Zhao Lijian said").
  auto state_after_comma = [&](uint32_t at) {
    return w_[at - 1].kind == WordKind::comma && is_place_word(w_[at].text) && at - 1 > sentence_first &&
           w_[at - 2].capitalized && !(at + 1 < w_.size() && w_[at + 1].capitalized);
  };
  while (k > sentence_first && (w_[k - 1].capitalized || state_after_comma(k))) --k;
  if (k > sentence_first && (w_[k - 1].is("the") || w_[k - 1].is("a"))) --k;
  if (k <= sentence_first + 1) return false;
  // "Powell's office, when contacted by Reuters, said": the agent of a participle is not the subject.
  const bool agent = w_[k - 1].is("by") && w_[k - 2].kind == WordKind::word && w_[k - 2].text.ends_with("ed") &&
                     w_[k - 2].sentence == w_[k].sentence;
  // "The former president, speaking to reporters in New York, said": nor is its addressee.
  const bool addressee = w_[k - 1].is("to") && w_[k - 2].kind == WordKind::word && w_[k - 2].text.ends_with("ing") &&
                         !w_[k - 2].is("according") && w_[k - 2].sentence == w_[k].sentence;
  // "Quote from Kuleba:" (Ukrainska Pravda's heading for what someone said) names its source.
  const bool quote_heading = w_[k - 1].is("from") && w_[k - 2].is("Quote") && k - 2 == sentence_first;
  return agent || addressee || w_[k - 1].is("at") || w_[k - 1].is("in") || (w_[k - 1].is("from") && !quote_heading) ||
         w_[k - 1].is("on");
}

namespace {
// Words first..end-1 are a subject and nothing more ("Mr Putin", "Baghdad radio", "The Russian
// foreign minister"): no preposition, number or past form, which a clause of its own holds ("Prices
// rose by 9 percent in the year to April"); or a predicate joined by "and" ("He then turned and").
bool names_only(const std::vector<Word>& w, uint32_t first, uint32_t end) {
  constexpr uint32_t kLongestSubject = 8;
  if (first >= end) return false;
  if (w[end - 1].is("and") || w[end - 1].is("but")) return true;
  if (end - first > kLongestSubject) return false;
  for (uint32_t k = first; k < end; ++k) {
    const std::string lower = lowered(w[k].text);
    const bool number = std::any_of(lower.begin(), lower.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (w[k].kind != WordKind::word || number || (lower != "of" && (is_object_preposition(lower) || says_when_or_where(lower))) ||
        (!w[k].capitalized && lower.ends_with("ed")))
      return false;
  }
  return true;
}

// A preposition opening a phrase of when or where, never a clause ("while" and "after" may).
bool opens_circumstance(const Word& word) {
  return word.is("in") || word.is("on") || word.is("at") || word.is("during") || word.is("upon") || word.is("aboard") ||
         word.is("with");
}
}  // namespace

// "Fumio Kishida, speaking at a news conference with his counterpart, Yun Byung-se, said",
// "Mr. Wilson, on his return to the Place des Etats-Unis, told",
// "Mogherini, reading a joint statement with Zarif, called": a source inside a participial phrase
// set off by commas after the subject is someone the phrase mentions; the subject speaks. Returns
// the comma that closes the subject, or 0. So is a pronoun, the subject of a clause inside the
// phrase ("Milosevic, smiling broadly as he left the ceremony, told").
uint32_t SourceSpeakers::comma_before_participial_phrase(uint32_t source_first, uint32_t source_last,
                                                         uint32_t cue_first) const {
  constexpr uint32_t kLongestPhrase = 16, kLongestClause = 8;
  const uint32_t sentence_first = phrases_.sentence_first();
  if (source_last + 1 >= w_.size()) return 0;
  bool closed = w_[source_last + 1].kind == WordKind::comma;
  if (!closed && source_first == source_last && is_subject_pronoun(lowered(w_[source_first].text)) &&
      cue_first > source_last + 2 && cue_first < source_last + kLongestClause && w_[cue_first - 1].kind == WordKind::comma) {
    closed = true;
    for (uint32_t k = source_last + 1; k + 1 < cue_first && closed; ++k) closed = w_[k].kind == WordKind::word;
  }
  if (!closed) return 0;
  // From the source's first word on: the tagger may have taken the phrase itself for the source
  // ("Kim, standing beside Moon, said").
  for (uint32_t k = source_first + 1; k > sentence_first + 1 && k + kLongestPhrase > source_first;) {
    --k;
    const Word& word = w_[k];
    // A few quoted words inside the phrase are a name it gives ("The final communique, issued as
    // the “Riyadh Declaration” and read out by X, said"); any other quotation mark ends it.
    if (word.kind == WordKind::quote_close) {
      constexpr uint32_t kLongestQuotedName = 6;
      uint32_t open = k;
      while (open > sentence_first + 1 && open + kLongestQuotedName > k && w_[open].kind != WordKind::quote_open &&
             w_[open].kind != WordKind::comma)
        --open;
      if (w_[open].kind != WordKind::quote_open) return 0;
      k = open;
      continue;
    }
    if (word.kind == WordKind::quote_open) return 0;
    if (word.kind != WordKind::word || word.capitalized) continue;
    if (find_cue(lowered(word.text)) && !word.text.ends_with("ing")) return 0;
    // Not after a fronted adverbial ("In Tokyo on Monday, speaking at a news conference, Kishida"),
    // whose comma closes no subject.
    const uint32_t opening = next_word(w_, sentence_first, k);
    // "Mr Putin, in a 45-minute address to both houses of parliament, said": so is a phrase of when
    // or where after a subject alone ("Prices rose in April, with the governor, Andrew Bailey,
    // warning" has its own subject in the phrase).
    const bool participle = (word.text.size() >= 5 && word.text.ends_with("ing") && !word.is("according") &&
                             !word.is("including")) ||
                            (opens_circumstance(word) && w_[k - 1].kind == WordKind::comma &&
                             names_only(w_, opening, k - 1));
    // "Wolfgang Schaeuble, long regarded as the toughest of the hardliners on Greece, told": a past
    // participle, an adverb before it or not, opens such a phrase after the comma too.
    // A source opening with an adjective in -ed is a description ("an accomplished, experienced
    // member of the establishment, Hillary Clinton, argue"), unless its agent follows ("The new
    // concept, signed by Medvedev, says": the tagger took the participle in).
    const bool agent_follows = k + 1 < w_.size() && w_[k + 1].is("by");
    const bool past_participle = (k < source_first || agent_follows) && word.text.size() >= 5 && word.text.ends_with("ed") &&
                                 (w_[k - 1].kind == WordKind::comma ||
                                  (k >= sentence_first + 2 && w_[k - 1].kind == WordKind::word && !w_[k - 1].capitalized &&
                                   w_[k - 2].kind == WordKind::comma));
    const uint32_t comma = w_[k - 1].kind == WordKind::comma ? k - 1 : k - 2;
    const bool lower_case_next = opening + 1 < k && !w_[opening + 1].capitalized;
    if (participle || past_participle) {
      // "Gorbachev, speaking at a news conference before flying back to Moscow, said": a participle
      // inside the phrase ("flying") is not where it opens.
      if (participle && w_[k - 1].kind != WordKind::comma) continue;
      return w_[comma].kind == WordKind::comma && comma > sentence_first && !opens_adverbial(w_[opening].text, lower_case_next)
                 ? comma
                 : 0;
    }
  }
  return 0;
}

// "Mrs. Helen Frank, president of the Parents Association, which has 12,000 members, said": a
// source inside a relative clause between commas belongs to that clause; the sentence's subject speaks.
bool SourceSpeakers::inside_relative_clause(uint32_t source_first) const {
  const uint32_t sentence_first = phrases_.sentence_first();
  if (is_subject_pronoun(lowered(w_[source_first].text))) return false;  // a pronoun in the clause still says who
  for (uint32_t k = source_first + 1; k > sentence_first + 1;) {
    --k;
    // "..., who has been unable to reach his counterpart, Zhong Shan, since January, said": the
    // comma before the source opens its apposition inside the clause.
    if (w_[k].kind == WordKind::comma && k + 1 == source_first) continue;
    if (w_[k].kind == WordKind::comma) return false;
    if (w_[k].kind != WordKind::word) continue;
    if (w_[k].is("which") || w_[k].is("who") || w_[k].is("whose")) return w_[k - 1].kind == WordKind::comma;
  }
  return false;
}

// "Massie used to support Rand Paul, but now said", "Clinton, after the scandal broke, initially
// said": a source that is one lower-case word of the [stray] list or an adverb, neither a pronoun
// nor a relative, is a word the tagger took in; the sentence's subject speaks, as it does for a place.
bool SourceSpeakers::adverb_source(const TaggedAttribution& t) const {
  const std::string& word = w_[t.source_first].text;
  if (t.source_first != t.source_last || word.empty()) return false;
  // "..., who has been unable to reach his counterpart since January, said": a month or a day is no
  // one, unless someone the article names bears it ("May").
  if (w_[t.source_first].capitalized)
    return (is_month(word) || is_day_word(word)) && !people_.knows_in_full(word) && t.source_first > phrases_.sentence_first();
  // "Xi, who was greeted by Kim and his wife ..., said": an owner without what it owns, in a
  // relative clause, is no one.
  if (is_possessive_determiner(word) && word != "my" && word != "our") return inside_relative_clause(t.source_first);
  // Pronouns, relatives and quantifiers ("some have argued", "others say") speak for themselves.
  if (speaks_for_itself(word) || is_quantifier(word)) return false;
  return is_stray_word(capitalised(word)) || is_adverb_before_verb(word);
}

// "Emanuel fired Garry F. McCarthy, acknowledging ...", "Cruz made a pitch to New York voters,
// saying ...": a participle after a comma is said by the subject of the clause it follows, not by
// the object the tagger took for its source (a source after a lower-case word of the predicate).
// Not when the sentence opens with an adverbial ("Alongside BLM, ..."), whose subject is later.
bool SourceSpeakers::object_before_participle(const TaggedAttribution& t) const {
  if (t.source_last >= t.cue_first || t.cue_first == 0 || w_[t.cue_first - 1].kind != WordKind::comma) return false;
  const std::string& cue = w_[t.cue_first].text;
  if (w_[t.cue_first].capitalized || cue.size() < 5 || !cue.ends_with("ing")) return false;
  const uint32_t subject = subject_start(t.source_first);
  const bool lower_case_next = w_[subject + 1].kind == WordKind::word && !w_[subject + 1].capitalized;
  if (t.source_first <= subject || opens_adverbial(w_[subject].text, lower_case_next)) return false;
  // "..., with the central bank's governor, Andrew Bailey, warning that ...": the participle's own
  // subject, after "with", speaks.
  constexpr uint32_t kLongestWithPhrase = 8;
  for (uint32_t k = t.source_first; k > subject + 1 && k + kLongestWithPhrase > t.source_first;) {
    --k;
    if (w_[k].is("with") && w_[k - 1].kind == WordKind::comma) return false;
  }
  const Word& before = w_[t.source_first - 1];
  return before.kind == WordKind::word && !before.capitalized && !joins_clause(before.text) &&
         !speaks_for_itself(lowered(w_[t.source_first].text));
}

// Where the subject of a source's clause opens: the sentence's first word, or, when the sentence
// opens with a quotation, the first after it ("“...,” Trump, the GOP frontrunner, said"); after
// a time phrase opening it ("Last week Iran rejected ...").
uint32_t SourceSpeakers::subject_start(uint32_t source_first) const {
  uint32_t first = phrases_.sentence_first();
  // "BEIRUT: Prime Minister Fouad Siniora said": the dateline is no subject.
  if (w_[first].dateline) {
    while (first < source_first && w_[first].dateline) ++first;
    first = next_word(w_, first, source_first);
  }
  if (w_[first].kind != WordKind::quote_open) return past_time_phrase(w_, first, source_first);
  uint32_t start = first;
  while (start < source_first && w_[start].kind != WordKind::quote_close) ++start;
  return next_word(w_, start, source_first);
}

}  // namespace attache::indexer::attribution
