// What each sentence mentions that a later attribution may stand for: a document a body issued
// ("The statement also says"), a document an attribution names, and someone described opening a
// sentence ("One council diplomat summed up the day."): source_speakers.h.
#include <algorithm>
#include <cstdint>
#include <string>

#include "lexicon.h"
#include "source_speakers.h"
#include "speaker_names.h"

namespace attache::indexer::attribution {

// "The ministry said in a statement", "A joint statement from the two leaders said", "issued a
// statement saying": the word of the document an attribution names in its source, its cue, or as
// "in a statement" or "a statement" right after its cue (not one of what was said: "said the report
// was a forgery"); none when it names none or a definite one of before.
uint32_t SourceSpeakers::document_named(const TaggedAttribution& t) const {
  constexpr uint32_t kNone = UINT32_MAX;
  if (definite_document(t.source_first, t.source_last)) return kNone;
  auto document = [&](uint32_t k) {
    return k < w_.size() && w_[k].kind == WordKind::word && !w_[k].capitalized && is_document_noun(w_[k].text);
  };
  for (uint32_t k = std::min(t.source_first, t.cue_first); k <= std::max(t.source_last, t.cue_last); ++k)
    if (document(k)) return k;
  // "According to the Pyongyang Joint Declaration": a document named in capitals, which a later
  // "the document" stands for.
  if (w_[t.source_last].capitalized && is_document_noun(lowered(w_[t.source_last].text))) return t.source_last;
  // "In a brief statement issued around noon, the Ministry of External Affairs said": a document in
  // a phrase opening the sentence.
  constexpr uint32_t kLongestOpening = 8;
  const uint32_t sentence_first = phrases_.sentence_first();
  if (w_[sentence_first].is("In") && t.source_first > sentence_first)
    for (uint32_t k = sentence_first + 1; k < t.source_first && k < sentence_first + kLongestOpening && w_[k].kind == WordKind::word; ++k)
      if (document(k)) return k;
  uint32_t k = t.cue_last + 1;
  if (k < w_.size() && w_[k].is("in")) ++k;
  if (k >= w_.size() || !(w_[k].is("a") || w_[k].is("an"))) return kNone;
  for (++k; k < w_.size() && k <= t.cue_last + 5 && w_[k].kind == WordKind::word && !w_[k].capitalized; ++k)
    if (document(k)) return k;
  return kNone;
}

// "Overnight the United Nations Security Council issued its first formal statement on the crisis.
// It says ... The statement also says ...": a body that issued a document in a sentence of no
// attribution is its author, for a later "the statement" or "it".
void SourceSpeakers::note_mentions() {
  documents_.note_sentence();
  bodies_.note_sentence();
  note_described_subject();
  constexpr uint32_t kDocumentWithin = 5;
  const uint32_t first = phrases_.sentence_first(), end = phrases_.sentence_end();
  for (uint32_t verb = first + 1; verb < end; ++verb) {
    if (w_[verb].kind != WordKind::word || w_[verb].capitalized || !is_issuing_verb(w_[verb].text) || !phrases_.outside_quotes(verb))
      continue;
    uint32_t document = verb + 1;
    while (document < end && document <= verb + kDocumentWithin && w_[document].kind == WordKind::word &&
           !(is_document_noun(w_[document].text) && !w_[document].capitalized))
      ++document;
    if (document >= end || document > verb + kDocumentWithin || w_[document].kind != WordKind::word) continue;
    const Phrase issuer = phrases_.ending_at(static_cast<int>(verb - 1), first);
    if (issuer.type != PhraseType::group && issuer.type != PhraseType::name && issuer.type != PhraseType::role) continue;
    const Speaker author = people_.resolve(issuer);
    if (author.canonical.empty()) continue;
    document_author_ = author;
    document_word_ = document;
    if (author.group) people_.note_described_body(author.canonical);  // "It says": not a person's
    return;
  }
}

// Whether the document noun at `word` (of a document issued before) is the one the definite
// document of words first..last means: the same noun ("the text" and "the document" say any), not
// written again in between ("Hours later, the Kremlin issued a statement of its own. The statement
// said" is the Kremlin's).
bool SourceSpeakers::same_document(uint32_t word, uint32_t first, uint32_t last) const {
  const std::string noun = lowered(w_[word].text), definite = lowered(w_[last].text);
  if (definite != noun && definite != "text" && definite != "document") return false;
  for (uint32_t k = word + 1; k < first; ++k)
    if (w_[k].kind == WordKind::word && lowered(w_[k].text) == noun) return false;
  return true;
}

// "The statement", "the joint communique", "That document": a document written about before (not "the leaders'
// communique", which says whose it is).
bool SourceSpeakers::definite_document(uint32_t first, uint32_t last) const {
  constexpr uint32_t kLongest = 3;
  const bool determiner = w_[first].is("the") || w_[first].is("The") || w_[first].is("That") || w_[first].is("This");
  if (last - first + 1 > kLongest || last == first || !determiner) return false;
  for (uint32_t k = first + 1; k < last; ++k)
    if (w_[k].kind != WordKind::word || w_[k].capitalized || possessive(w_[k].text)) return false;
  return !w_[last].capitalized && is_document_noun(w_[last].text);
}

// "One council diplomat summed up the day more simply. “...,” he said.": someone described, not
// named, opening a sentence of no attribution ("A senior official shrugged."), is whom a "he" or
// "she" of the next sentence stands for, as a described speaker is. The description is a few
// lower-case words up to a role noun, and a verb of the past follows it.
void SourceSpeakers::note_described_subject() {
  constexpr uint32_t kLongestDescription = 5;
  const uint32_t first = phrases_.sentence_first(), end = phrases_.sentence_end();
  const std::string opening = lowered(w_[first].text);
  if (!w_[first].capitalized || (opening != "a" && opening != "an" && opening != "one" && opening != "another")) return;
  uint32_t head = first + 1;
  while (head < end && head < first + kLongestDescription && w_[head].kind == WordKind::word && !w_[head].capitalized &&
         !is_role_noun(lowered(w_[head].text)))
    ++head;
  const uint32_t verb = head + 1;
  if (verb >= end || w_[head].capitalized || !is_role_noun(lowered(w_[head].text)) || w_[verb].kind != WordKind::word ||
      w_[verb].capitalized || !w_[verb].text.ends_with("ed") || find_cue(lowered(w_[verb].text)))
    return;
  people_.note_described_speaker(description_text(first, head));
}

}  // namespace attache::indexer::attribution
