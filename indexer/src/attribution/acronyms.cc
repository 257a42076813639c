#include "acronyms.h"

#include <string>
#include <string_view>

#include "lexicon.h"
#include "noun_phrases.h"

namespace attache::indexer::attribution {
namespace {

// Lower-case words inside a body's name ("Organization of the Petroleum Exporting Countries",
// "Médecins Sans Frontières" has none).
bool inside_name(const Word& w) {
  return w.is("of") || w.is("the") || w.is("for") || w.is("and") || w.is("on") || w.is("de") || w.is("in");
}

// A capitalised word of a name: not an acronym, nor a word that opens sentences ("The", "After",
// "Under", "Every": "After Parliament voted" spells no AP).
bool capital_word(const Word& w) {
  return w.kind == WordKind::word && w.capitalized && !is_acronym(w.text) && !is_sentence_opener(w.text) &&
         !opens_adverbial(w.text, true) && !is_quantifier(lowered(w.text));
}

std::string letters_of(std::string_view acronym) {
  std::string letters;
  for (char c : acronym)
    if (c >= 'A' && c <= 'Z') letters.push_back(c);
  return letters;
}

// The name ending at word `last` just before "(ACRONYM)": capitals and the words inside a name,
// back to the first capital; at least two capitals.
std::optional<std::pair<uint32_t, uint32_t>> name_before(const std::vector<Word>& w, uint32_t last) {
  // Here an acronym may be part of the name ("the UN High Commissioner for Refugees (UNHCR)").
  auto name_word = [&](const Word& x) { return x.kind == WordKind::word && x.capitalized && !x.is("The"); };
  if (!name_word(w[last])) return std::nullopt;
  uint32_t first = last, capitals = 1;
  for (uint32_t k = last; k > 0 && (name_word(w[k - 1]) || inside_name(w[k - 1])) && w[k - 1].sentence == w[last].sentence; --k)
    if (name_word(w[k - 1])) {
      first = k - 1;
      ++capitals;
    }
  if (capitals < 2) return std::nullopt;
  return std::pair{first, last};
}

// Whether the capitals from word `first` on spell `letters`, each word giving its first letter;
// the last word of the name when they do.
std::optional<uint32_t> spelled_from(const std::vector<Word>& w, uint32_t first, const std::string& letters) {
  uint32_t k = first;
  for (size_t letter = 0; letter < letters.size(); ++letter) {
    while (letter > 0 && k < w.size() && inside_name(w[k])) ++k;
    if (k >= w.size() || !capital_word(w[k]) || w[k].text[0] != letters[letter] || w[k].sentence != w[first].sentence)
      return std::nullopt;
    ++k;
  }
  return k - 1;
}

}  // namespace

std::optional<std::pair<uint32_t, uint32_t>> acronym_expansion(const std::vector<Word>& w, uint32_t at) {
  const std::string& acronym = w[at].text;
  const std::string letters = letters_of(acronym);
  // "PM" and "MP" are titles, not bodies, though "the Prime Minister" spells them.
  if (letters.size() < 2 || is_title_word(acronym) || !office_of_abbreviation(acronym).empty()) return std::nullopt;
  for (uint32_t k = 1; k + 2 < w.size(); ++k)
    if (w[k].kind == WordKind::bracket_open && w[k + 1].is(acronym) && w[k + 2].kind == WordKind::bracket_close)
      if (const auto named = name_before(w, k - 1)) return named;
  for (uint32_t k = 0; k < w.size(); ++k) {
    if (!capital_word(w[k]) || w[k].text[0] != letters[0] || (k > 0 && capital_word(w[k - 1]))) continue;
    // Not from a sentence's first word, whose capital says nothing ("Every Union member voted").
    const bool opens_sentence = k == 0 || w[k - 1].sentence != w[k].sentence;
    if (opens_sentence) continue;
    // "FDR" is a person's initials, not a body's.
    const std::optional<uint32_t> last = given_name_gender(w[k].text) ? std::nullopt : spelled_from(w, k, letters);
    if (last && !(*last + 1 < w.size() && capital_word(w[*last + 1]))) return std::pair{k, *last};
  }
  return std::nullopt;
}

}  // namespace attache::indexer::attribution
