// Attributions inside a relative clause (relative_attributions.h).
#include "relative_attributions.h"

#include <algorithm>
#include <string>

#include "lexicon.h"
#include "tagger.h"

namespace attache::indexer::attribution {
namespace {

constexpr uint32_t kLongestSource = 4;  // "he", "officials", "the White House"
constexpr uint32_t kSubjectReach = 4;   // a relative pronoun this near its sentence's start is its subject's

// The clause's own verb after the cue: an auxiliary, a modal or a form of "be" ("would", "was").
bool clause_verb(const Word& word) {
  if (word.kind != WordKind::word || word.capitalized) return false;
  const std::string lower = lowered(word.text);
  return is_auxiliary(lower) || is_form_of_be(lower) || (is_cue_modal(lower) && lower != "to");
}

// Words [first, end) may be who spoke: "he" or "she", or a phrase of words without a cue ending
// in a name or a noun of people; not "they" or "it", which stand here for no one the article named
// alone ("Begin and Sadat signed documents that they said would ...").
bool may_be_source(const std::vector<Word>& w, uint32_t first, uint32_t end) {
  if (end == first + 1 && (w[first].is("he") || w[first].is("she"))) return true;
  for (uint32_t k = first; k < end; ++k)
    if (w[k].kind != WordKind::word || find_cue(lowered(w[k].text)) || is_auxiliary(lowered(w[k].text))) return false;
  const std::string head = lowered(w[end - 1].text);
  return w[end - 1].capitalized || is_group_noun(head) || is_role_noun(head) || names_people(head);
}

bool clause_end(const Word& word) {
  return word.kind == WordKind::comma || word.kind == WordKind::terminator || word.kind == WordKind::semicolon ||
         word.kind == WordKind::dash || word.kind == WordKind::colon || word.kind == WordKind::bracket_open;
}

}  // namespace

void read_relative_clause_attributions(const WordStream& stream, std::vector<uint8_t>& labels) {
  const auto& w = stream.words;
  for (uint32_t relative = 1; relative + 3 < w.size(); ++relative) {
    if (!(w[relative].is("that") || w[relative].is("which")) || w[relative].quote >= 0) continue;
    // After a noun, not a cue's "that" ("said that they would").
    const Word& noun = w[relative - 1];
    if (noun.kind != WordKind::word || find_cue(lowered(noun.text)) || part_of(labels[relative - 1]) == Part::cue) continue;
    uint32_t cue = relative + 1;
    while (cue < w.size() && cue <= relative + kLongestSource && w[cue].kind == WordKind::word &&
           !find_cue(lowered(w[cue].text)))
      ++cue;
    // A verb that takes a clause ("said", "insisted"): not one whose object is the noun itself ("The
    // proposal that Iran rejected would have allowed"), nor one that only goes on ("continues to").
    static constexpr std::string_view kClauseCues[] = {"say", "tell", "insist", "claim", "argue", "warn",
                                                       "predict", "promise", "estimate", "contend", "maintain"};
    const Cue* said = cue + 1 < w.size() ? find_cue(lowered(w[cue].text)) : nullptr;
    if (!said || std::find(std::begin(kClauseCues), std::end(kClauseCues), said->base) == std::end(kClauseCues) ||
        cue == relative + 1 || !may_be_source(w, relative + 1, cue) || !clause_verb(w[cue + 1]))
      continue;
    // The noun is no sentence's subject ("A plan that officials said would fail was adopted": the
    // clause has no end before the main verb) and stands in no other attribution's words ("Britain
    // said that it would veto any resolution that France says will fail").
    const uint32_t sentence_first = stream.sentence_first_word[w[relative].sentence];
    if (relative < sentence_first + kSubjectReach) continue;
    bool cue_before = false;
    for (uint32_t k = sentence_first; k < relative && !cue_before; ++k) cue_before = part_of(labels[k]) == Part::cue;
    if (cue_before) continue;
    uint32_t end = cue + 1;
    while (end < w.size() && w[end].sentence == w[cue].sentence && !clause_end(w[end]) && w[end].quote < 0) ++end;
    if (end < cue + 3) continue;
    bool free = true;  // no other attribution's source or cue in what the clause says
    for (uint32_t k = cue + 1; k < end && free; ++k)
      free = part_of(labels[k]) != Part::source && part_of(labels[k]) != Part::cue;
    if (!free) continue;
    // What the tagger read as this cue's content before the noun is the noun's sentence, not what
    // was said.
    for (uint32_t k = relative; k > sentence_first && part_of(labels[k - 1]) == Part::content; --k) labels[k - 1] = O;
    labels[relative] = O;
    for (uint32_t k = relative + 1; k < cue; ++k) labels[k] = k == relative + 1 ? B_SOURCE : I_SOURCE;
    labels[cue] = B_CUE;
    for (uint32_t k = cue + 1; k < end; ++k) labels[k] = k == cue + 1 ? B_CONTENT : I_CONTENT;
  }
}

}  // namespace attache::indexer::attribution
