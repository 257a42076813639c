// The noun phrases that may be a statement's speaker, read off the word
// stream: names with their titles ("Russia's Foreign Minister Sergey Lavrov"),
// pronouns, role nouns ("the minister") and collectives ("U.S. officials",
// "the Kremlin").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "words.h"

namespace attache::indexer::attribution {

enum class PhraseType { none, name, pronoun, role, group };

struct Phrase {
  PhraseType type = PhraseType::none;
  uint32_t first = 0, last = 0;  // word indices, inclusive
  std::vector<std::string> titles;
  std::vector<std::string> names;
  int gender = 0;
  std::string role;  // role noun, or the pronoun
};

// "Lavrov's", "officials'".
bool possessive(std::string_view word);
// "New Hampshire", "Puerto Rico": every name a place (an institution such as the Kremlin is not).
bool names_a_place(const Phrase& p);
// "FBI", "CIA", "U.N.": capitals (periods allowed), two to six characters.
bool is_acronym(std::string_view word);
// The word without the mark of an owner ("Russia's", "the Associated Press’"), if it has one.
std::string_view without_owner_mark(std::string_view word);

// Finds noun phrases within the current sentence of a text's word stream.
class NounPhrases {
 public:
  NounPhrases(std::string_view text, const WordStream& stream) : text_(text), stream_(stream), w_(stream.words) {}

  const std::vector<Word>& words() const { return w_; }
  // Phrases are looked for in sentence s, words sentence_first()..sentence_end()-1.
  void set_sentence(uint32_t s) {
    sentence_ = s;
    first_ = stream_.sentence_first_word[s];
    end_ = stream_.sentence_first_word[s + 1];
  }
  uint32_t sentence() const { return sentence_; }
  uint32_t sentence_first() const { return first_; }
  uint32_t sentence_end() const { return end_; }

  std::string span_text(uint32_t a, uint32_t b) const {  // words a..b inclusive, as written
    return std::string(text_.substr(w_[a].begin, w_[b].end - w_[a].begin));
  }
  bool outside_quotes(uint32_t i) const { return w_[i].quote < 0; }
  // Capitalised, an honorific or an initial.
  bool name_like(uint32_t i) const;
  // Is word `title` a title, a rank or a body's word that "of" joins to the name after it?
  bool office_before_of(uint32_t title) const;
  // Does the capitalised run ending at e go on with word e + 1?
  bool joins_right(uint32_t e) const;

  // Splits a capitalised run [a, b] into titles and name, classifying it. An owner's run ends
  // with a possessive ("Former President Bill Clinton's"), read as the name without it.
  Phrase classify_run(uint32_t a, uint32_t b, bool owner = false) const;
  // Whether the capitals opening at word `first` end an office's title as its portfolio
  // ("Director of Operations and Advocacy", "Under-Secretary-General for Political and
  // Peacebuilding Affairs"): after "of", "for" or "and", in a run of capitals and those words
  // (not before word limit) that holds a title or an institution and no given name ("President
  // Emmanuel Macron and Keir Starmer" is two people).
  bool in_portfolio(uint32_t first, uint32_t limit) const;
  // The noun phrase ending at word e (walking left, not before word limit), or none.
  Phrase ending_at(int e, uint32_t limit) const;
  // The noun phrase starting at word b (walking right), for inverted cues.
  Phrase starting_at(uint32_t b) const;

 private:
  bool word(uint32_t i) const { return i < end_ && i >= first_ && w_[i].kind == WordKind::word; }
  bool opener(uint32_t i) const;
  bool particle_chain_starts_name(int i, uint32_t limit) const;
  uint32_t take_titles(uint32_t a, uint32_t b, Phrase& p) const;
  uint32_t person_start(uint32_t k, uint32_t b) const;
  Phrase classify_name(Phrase p, uint32_t a, uint32_t b, uint32_t name_start) const;
  bool written_in_capitals(const Phrase& p, uint32_t name_start) const;
  Phrase group_noun_phrase(int e, uint32_t limit) const;
  Phrase role_noun_phrase(int e, uint32_t limit, const std::string& low, bool institution_noun) const;
  Phrase capitalised_phrase(int e, uint32_t limit) const;
  void extend_with_place(Phrase& p) const;

  std::string_view text_;
  const WordStream& stream_;
  const std::vector<Word>& w_;
  uint32_t sentence_ = 0, first_ = 0, end_ = 0;
};

}  // namespace attache::indexer::attribution
