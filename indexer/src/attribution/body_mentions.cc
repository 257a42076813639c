// Bodies an article names, for a later "the station said".
#include "body_mentions.h"

#include <algorithm>

#include "lexicon.h"
#include "speaker_names.h"

namespace attache::indexer::attribution {
namespace {

bool capital_word(const Word& w) { return w.kind == WordKind::word && w.capitalized; }

bool joins_name(const Word& w) { return w.is("of") || w.is("for") || w.is("and"); }

}  // namespace

void BodyMentions::note_sentence() {
  const uint32_t first = phrases_.sentence_first(), end = phrases_.sentence_end();
  for (uint32_t k = first; k < end; ++k) {
    if (!capital_word(w_[k]) || !phrases_.outside_quotes(k)) continue;
    if (!is_body_name_word(w_[k].text) && !is_publication_name_word(w_[k].text)) continue;
    uint32_t a = k, b = k;
    while (a > first && capital_word(w_[a - 1]) && !is_article(lowered(w_[a - 1].text)) && !possessive(w_[a - 1].text)) --a;
    for (;;) {
      if (b + 1 < end && capital_word(w_[b + 1]) && !possessive(w_[b].text)) ++b;
      else if (b + 2 < end && joins_name(w_[b + 1]) && capital_word(w_[b + 2])) b += 2;
      else break;
    }
    // A lone capital opening the sentence says nothing of a name, unless it is a publication's.
    if (a == b && a == first && !is_publication_name_word(w_[a].text)) continue;
    BodyMention m;
    m.word = a;
    for (uint32_t j = a; j <= b; ++j) m.words.push_back(w_[j].text);
    m.canonical = phrases_.span_text(a, b);
    mentions_.push_back(std::move(m));
    k = b;
  }
}

const BodyMention* BodyMentions::described_by(const std::vector<std::string>& modifiers, std::string_view noun,
                                              uint32_t before) const {
  for (auto m = mentions_.rbegin(); m != mentions_.rend(); ++m) {
    if (m->word >= before) continue;
    // Each word before the noun says what any such body is, or is a word of the name ("the law
    // enforcement agency" is no news agency).
    auto in_name = [&](const std::string& modifier) {
      return std::any_of(m->words.begin(), m->words.end(), [&](const std::string& w) { return lowered(w) == modifier; });
    };
    if (!std::all_of(modifiers.begin(), modifiers.end(), [&](const std::string& x) { return describes_any_body(x) || in_name(x); }))
      continue;
    for (const std::string& word : m->words)
      if (body_noun_describes(noun, word) || (is_publication_noun(noun) && is_publication_name_word(word))) return &*m;
  }
  return nullptr;
}

}  // namespace attache::indexer::attribution
