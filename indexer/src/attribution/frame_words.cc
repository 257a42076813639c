// Words and labels the frame readers share (frame_words.h).
#include "frame_words.h"

#include <string>

#include "lexicon.h"
#include "tagger.h"

namespace attache::indexer::attribution {

// Labels [first, end) as one content run.
void label_content(std::vector<uint8_t>& labels, uint32_t first, uint32_t end) {
  for (uint32_t k = first; k < end; ++k) labels[k] = k == first ? B_CONTENT : I_CONTENT;
}

// Whether [first, end) holds no source or cue of another attribution.
bool unattributed(const std::vector<uint8_t>& labels, uint32_t first, uint32_t end) {
  for (uint32_t k = first; k < end; ++k)
    if (part_of(labels[k]) == Part::source || part_of(labels[k]) == Part::cue) return false;
  return true;
}

// Where what a colon at `colon` opens ends: the quotation it opens, else its sentence.
uint32_t end_of_opened(const std::vector<Word>& w, uint32_t colon, uint32_t sentence_end) {
  uint32_t k = colon + 1;
  if (k >= w.size() || w[k].kind != WordKind::quote_open) return sentence_end;
  if (k + 1 >= w.size() || w[k + 1].quote < 0) return sentence_end;  // an empty quotation
  const int quote = w[k + 1].quote;
  while (k < w.size() && w[k].paragraph == w[colon].paragraph &&
         (w[k].quote == quote || w[k].kind == WordKind::quote_open || w[k].kind == WordKind::terminator))
    ++k;
  while (k < w.size() && w[k].kind == WordKind::quote_close) ++k;
  return k;
}

// "Said", "Added", "Wrote": a verb that says, not one that asks ("Asked the reason ...").
bool says_itself(const Word& word) {
  const Cue* cue = find_cue(lowered(word.text));
  return cue && (cue->base == "say" || cue->base == "add" || cue->base == "write");
}

// Words [first, end) name who spoke: "one official", "Mr. Smith", "the minister"; not "Tuesday".
bool names_speaker(const std::vector<Word>& w, uint32_t first, uint32_t end) {
  if (first >= end) return false;
  const Word& head = w[end - 1];
  const std::string lower = lowered(head.text);
  const bool opens = w[first].capitalized || is_article(lowered(w[first].text)) || opens_counted_phrase(w[first].text);
  const bool named = head.capitalized && !is_day_word(head.text) && !is_month(head.text);
  // (A document speaks too: "..., the statement said, ...".)
  return opens && (named || is_role_noun(lower) || is_group_noun(lower) || names_people(lower) || is_document_noun(lower));
}

}  // namespace attache::indexer::attribution
