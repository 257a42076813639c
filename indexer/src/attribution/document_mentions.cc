// Documents an article mentions, for a later "The document says".
#include "document_mentions.h"

#include <cctype>

#include "lexicon.h"

namespace attache::indexer::attribution {
namespace {

constexpr uint32_t kLongestDescription = 4;  // words before a document's noun that describe it

bool determiner(std::string_view word) {
  return is_article(word) || is_possessive_determiner(word) || word == "this" || word == "that";
}

bool number(const Word& w) { return w.kind == WordKind::word && std::isdigit(static_cast<unsigned char>(w.text.front())); }

}  // namespace

bool is_generic_document_noun(std::string_view noun) { return noun == "text" || noun == "document"; }

void DocumentMentions::note_sentence() {
  for (uint32_t k = phrases_.sentence_first(); k < phrases_.sentence_end(); ++k) {
    constexpr size_t kShortestNoun = 4;  // "memo", "text": the commonest words are shorter
    if (w_[k].kind != WordKind::word || w_[k].text.size() < kShortestNoun || !phrases_.outside_quotes(k)) continue;
    // (Most words are in lower case already: lowering each would cost more than the lookup.)
    const std::string capitalised = w_[k].capitalized ? lowered(w_[k].text) : std::string();
    const std::string_view word = w_[k].capitalized ? std::string_view(capitalised) : std::string_view(w_[k].text);
    if (is_document_noun(word) && !is_generic_document_noun(word)) note(k);
  }
}

void DocumentMentions::note(uint32_t noun) {
  const uint32_t first_word = phrases_.sentence_first();
  DocumentMention m;
  m.noun = lowered(w_[noun].text);
  m.word = noun;
  m.sentence = phrases_.sentence();
  uint32_t first = noun, last = noun;
  const bool numbered = noun + 1 < phrases_.sentence_end() && number(w_[noun + 1]);
  if (w_[noun].capitalized && (noun > first_word || numbered)) {
    // A name: the capitalised words before the noun, and a number after it ("Resolution 929").
    while (first > first_word && w_[first - 1].kind == WordKind::word && w_[first - 1].capitalized &&
           !is_article(lowered(w_[first - 1].text)) && !possessive(w_[first - 1].text))
      --first;
    if (numbered) ++last;
    m.named = first < last;
  } else if (!w_[noun].capitalized) {
    // A description after a determiner ("a new foreign policy concept"); alone, the noun.
    uint32_t k = noun;
    while (k > first_word && noun - k < kLongestDescription && w_[k - 1].kind == WordKind::word &&
           !determiner(lowered(w_[k - 1].text)) && !possessive(w_[k - 1].text))
      --k;
    if (k > first_word && (determiner(lowered(w_[k - 1].text)) || possessive(w_[k - 1].text))) first = k;
    int telling = 0;
    for (uint32_t j = first; j < noun; ++j) telling += !describes_any_document(lowered(w_[j].text));
    m.named = telling >= 2;
    // "the statement" after a joint statement was mentioned is that statement, mentioned again.
    if (first == noun && !mentions_.empty() && mentions_.back().noun == m.noun) {
      mentions_.back().word = noun;
      mentions_.back().sentence = m.sentence;
      mentions_.back().subject = opens_sentence(noun);
      return;
    }
  } else {
    return;  // a capitalised noun opening the sentence, without a number, is no name of its own
  }
  m.canonical = phrases_.span_text(first, last);
  m.subject = opens_sentence(first);
  mentions_.push_back(std::move(m));
}

const DocumentMention* DocumentMentions::referent(std::string_view noun, uint32_t before) const {
  const bool any = is_generic_document_noun(noun);
  for (auto m = mentions_.rbegin(); m != mentions_.rend(); ++m)
    if (m->word < before && (any || m->noun == noun)) return &*m;
  return nullptr;
}

const DocumentMention* DocumentMentions::named_subject_near(uint32_t before) const {
  for (auto m = mentions_.rbegin(); m != mentions_.rend(); ++m)
    if (m->word < before) return m->sentence + 1 >= phrases_.sentence() && m->named && m->subject ? &*m : nullptr;
  return nullptr;
}

// Whether a mention whose words begin at `first` opens its sentence, after an article or not.
bool DocumentMentions::opens_sentence(uint32_t first) const {
  const uint32_t opening = phrases_.sentence_first();
  return first == opening || (first == opening + 1 && is_article(lowered(w_[opening].text)));
}

}  // namespace attache::indexer::attribution
