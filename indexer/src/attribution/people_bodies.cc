// Offices and bodies among the people of an article: which body a lower-case noun or an
// acronym names, which name is an office of a place, which place word is someone's surname.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "acronyms.h"
#include "lexicon.h"
#include "people.h"
#include "speaker_names.h"

namespace attache::indexer::attribution {

// A body is written in capitals when it is first named and in lower case later, so the lower-case
// words must name it and nothing else: every one among its name's ("the ministry" for "Russia's
// Ministry of Defence", "the foreign ministry" for "the Saudi Foreign Ministry").
const std::string* People::named_institution(uint32_t first, uint32_t last) const {
  if (first == 0 || first > last || last >= w_.size() || !(w_[first - 1].is("the") || w_[first - 1].is("The"))) return nullptr;
  for (uint32_t k = first; k <= last; ++k)
    if (w_[k].kind != WordKind::word || phrases_.name_like(k)) return nullptr;
  // A body's noun ("the agency"), not a person's ("the official" after "the official news agency Tass").
  if (!is_institution_word(capitalised(w_[last].text))) return nullptr;
  for (auto named = named_institutions_.rbegin(); named != named_institutions_.rend(); ++named) {
    const std::vector<std::string> words = split_words(named->words);
    bool all = true;
    for (uint32_t k = first; k <= last && all; ++k)
      all = std::find(words.begin(), words.end(), lowered(w_[k].text)) != words.end();
    if (all) return &named->canonical;
  }
  return nullptr;
}

void People::note_institution(const std::string& canonical, std::string_view written) {
  named_institutions_.push_back({canonical, lowered(written)});
}

// "The Foreign Minister of Ukraine", "the King of Jordan": a name phrase that is an office of a
// place, whoever the article introduced in it, not a person named Ukraine; the office as a role.
// A place's first words may have gone to the titles as nationalities ("the King of Saudi Arabia",
// "the President of South Korea").
std::optional<Phrase> People::office_of_place(const Phrase& p) const {
  uint32_t name_first = p.last + 1 - static_cast<uint32_t>(p.names.size());
  while (name_first > p.first + 2 && w_[name_first - 1].capitalized && is_place_word(w_[name_first - 1].text)) --name_first;
  if (name_first < p.first + 2 || !w_[name_first - 1].is("of")) return std::nullopt;
  const std::string& title = w_[name_first - 2].text;
  const bool rank = rank_gender(title) != 0;
  // (A rank's place is one word: "the Duke of Edinburgh", not "Duke of Edinburgh Prince Philip".)
  if (!(names_a_place(p) || (rank && p.names.size() == 1)) || !phrases_.office_before_of(name_first - 2)) return std::nullopt;
  return Phrase{PhraseType::role, p.first, name_first - 2, {}, {}, 0, lowered(title)};
}

// "The IAEA said" after "the International Atomic Energy Agency": one body.
std::optional<std::string> People::body_of_acronym(const Phrase& p) const {
  if (p.type != PhraseType::name && p.type != PhraseType::group) return std::nullopt;
  const uint32_t first = p.first < p.last && is_article(lowered(w_[p.first].text)) ? p.first + 1 : p.first;
  if (first != p.last || !is_acronym(w_[first].text)) return std::nullopt;
  const auto named = acronym_expansion(w_, first);
  if (!named) return std::nullopt;
  return std::string(without_owner_mark(phrases_.span_text(named->first, named->second)));  // "the Associated Press’ analysis"
}

// The person named in full whose surname is this word of a place or a group, if the given name
// shows a person ("Mark Cuban", "Steve Israel"; not "Congressional Republicans" nor "New Hampshire",
// which a sentence's capitals may have made a person of).
Person* People::surname_of_someone(const std::string& word) {
  Person* named = find_person(word);
  if (!named || named->first.empty()) return nullptr;
  const std::string first_name = named->first.substr(0, named->first.find(' '));
  if (is_place_word(first_name) || (is_party_word(word) && !given_name_gender(first_name))) return nullptr;
  return named;
}

}  // namespace attache::indexer::attribution
