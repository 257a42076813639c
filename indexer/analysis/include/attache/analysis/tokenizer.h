// Unicode tokenizing for indexing and querying alike: words and numbers of any
// script, case- and accent-folded, each with its byte span and position.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace attache::analysis {

struct Token {
  std::string text;     // folded: lower case, no accents, straight apostrophes, no possessive 's
  uint32_t begin = 0;   // byte span in the analysed text
  uint32_t end = 0;
  uint32_t position = 0;
  // The joined form of a hyphenated word ("militarytechnical"), sharing the
  // position of its first part; the parts are tokens of their own.
  bool compound = false;
};

// Tokens longer than this many bytes (URLs, base64, runs of digits) are dropped.
inline constexpr size_t kMaxTokenBytes = 64;

// Appends the tokens of valid UTF-8 text to out; positions start at first_position.
// Returns the position after the last token.
//  - apostrophes (' ’ ʼ) inside a word are kept as ', a final 's is dropped;
//  - hyphenated words give their parts and, as a compound, the parts joined;
//  - U.S., U.K. and e.g. become us, uk, eg; 100,000 becomes 100000; 3.5 stays;
//  - Han and kana characters are one token each (those scripts do not space words).
uint32_t tokenize(std::string_view text, std::vector<Token>& out, uint32_t first_position = 0);

// What a reader that looks at few of the words asks of tokenize (a snippet
// stems only the words that can match the query).
struct TokenizeOptions {
  bool compounds = true;  // the joined forms of hyphenated words
  // When set, a plain ASCII word (letters and digits, neither joined to nor
  // split from anything: most words of news) whose lower-cased first byte is
  // not marked gets an empty text, saving the copy; its span and position are
  // as ever. Every other token has its text.
  const std::array<bool, 256>* text_for_first_byte = nullptr;
};
uint32_t tokenize(std::string_view text, std::vector<Token>& out, const TokenizeOptions& options,
                  uint32_t first_position = 0);

// Case and accent folding of one word (NFKC, case fold, marks removed), with a
// fast path for ASCII.
std::string fold(std::string_view word);

// True if every byte is ASCII.
bool is_ascii(std::string_view s);

// Case folding of one word that keeps its accents and marks (NFKC, case fold):
// what a language's stemmer reads before the word is folded (stemmer.h).
std::string lower_keeping_accents(std::string_view word);

// A token as `text` writes it, when folding that span gives the token, else the
// token's folded text (a possessive, "U.S.", a joined hyphenated word, any ASCII
// word): what Stemmer::stem_written reads.
std::string_view written_form(std::string_view text, const Token& token);

// True if the text is valid UTF-8.
bool is_valid_utf8(std::string_view text, size_t* error_offset = nullptr);

// A byte offset of UTF-8 text as an offset in code points (what JSON consumers
// index strings by).
uint32_t char_offset(std::string_view text, uint32_t byte_offset);

// The same for many offsets into one text: one pass over it, then each offset
// in time bounded by a block (an article of thousands of statements is not
// read again for each). The text must outlive it.
class CodePoints {
 public:
  explicit CodePoints(std::string_view text);
  uint32_t offset(uint32_t byte_offset) const;
  std::string_view text() const { return text_; }

 private:
  static constexpr uint32_t kBlock = 64;
  std::string_view text_;
  std::vector<uint32_t> before_block_;  // code points before each block of kBlock bytes
};

}  // namespace attache::analysis
