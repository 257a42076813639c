// The token stream attribution works on: words with their case, punctuation
// and quotation marks kept, each with its byte span and its sentence.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace attache::indexer::attribution {

enum class WordKind {
  word,
  quote_open,
  quote_close,
  comma,
  colon,
  semicolon,
  terminator,  // . ! ? …
  dash,
  bracket_open,
  bracket_close,
  other,
};

struct Word {
  std::string text;
  uint32_t begin = 0, end = 0;
  WordKind kind = WordKind::word;
  bool capitalized = false;
  int quote = -1;          // index of the quotation it lies inside, -1 if none
  uint32_t sentence = 0;
  uint32_t paragraph = 0;
  bool dateline = false;   // part of the dateline opening its paragraph ("WASHINGTON, Dec. 8 (UPI) —")
  bool opens_line = false; // first on its line
  bool is(std::string_view s) const { return kind == WordKind::word && text == s; }
  bool punctuation() const { return kind != WordKind::word; }
};

// A quotation: the text between a pair of double quotation marks. A paragraph
// that ends inside a quotation continues into the next when that one opens
// with a quotation mark; the pieces are then one quotation.
struct Quotation {
  uint32_t first_word = 0;  // the opening mark
  uint32_t last_word = 0;   // the closing mark (or the paragraph's last word when never closed)
  uint32_t begin = 0;       // bytes of the quoted text, marks excluded
  uint32_t end = 0;
  uint32_t word_count = 0;
  uint32_t first_sentence = 0, last_sentence = 0;
};

struct WordStream {
  std::vector<Word> words;
  std::vector<Quotation> quotations;
  std::vector<uint32_t> sentence_first_word;  // per sentence, its first word (size = sentences + 1)
};

WordStream read_words(std::string_view text);

// The end of the article's headline: the first paragraph of several, short and not ended as a
// sentence is ("Pompeo Says North Korea Talks Were 'Productive'"); 0 when there is none. A headline
// repeats what the article reports, in words no one said.
uint32_t headline_end(const std::vector<Word>& words);

// The words of a phrase written with single spaces ("Turkey's foreign minister").
std::vector<std::string> split_words(std::string_view phrase);
// Names as a list is written: "A", "A and B", "A, B and C".
std::string listed(const std::vector<std::string>& names);

// A word with its ASCII letters in lower case, as the lexicon lists it.
std::string lowered(std::string_view word);
// A lower-case word as it would open a sentence, to look it up in lists written that way.
std::string capitalised(std::string word);

// The first of words [from, limit) that is a word, past marks and punctuation; limit when none is.
uint32_t next_word(const std::vector<Word>& words, uint32_t from, uint32_t limit);

}  // namespace attache::indexer::attribution
