// Reading a snippet's tokens. An article on a page is long (thousands of
// words) and its snippet shows a few dozen, so in English the text is not
// tokenized whole: the bytes are scanned for the two letters a matching word
// can open with, only the words there are tokenized and stemmed, and then only
// the regions around the words that match.
#include "snippet_tokens.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "attache/analysis/stemmer.h"
#include "attache/analysis/terms.h"

namespace attache::query {
namespace {

// Which query word (stem, then prefix) a token stands for. Snowball's English
// stemmer changes only a word's ending, never its first letter, so a word is
// stemmed only when its first byte opens one of the query's stems or
// prefixes, and only such words' text is copied by the tokenizer. In another
// language (whose stemmer is not held to that) the query's words are stemmed
// in it, and every word is.
class WordMatcher {
 public:
  WordMatcher(const Query& query, std::string_view language)
      : query_(query), english_(analysis::is_english(language)),
        stemmer_(analysis::thread_stemmer(english_ ? std::string_view() : language)) {
    if (!english_)
      for (const std::string& word : query.highlight_words) stems_in_language_.emplace_back(stemmer_.stem_written(word));
    for (const std::string& term : stems())
      if (!term.empty()) opens_a_stem_[static_cast<unsigned char>(term[0])] = true;
    opens_a_word_ = opens_a_stem_;
    every_word_ = !english_;
    for (const std::string& prefix : query.highlight_prefixes) {
      if (prefix.empty()) every_word_ = true;
      else opens_a_word_[static_cast<unsigned char>(prefix[0])] = true;
    }
    options_.compounds = false;
    if (!every_word_) options_.text_for_first_byte = &opens_a_word_;
  }

  bool english() const { return english_; }
  // Every word may match (another language, an empty prefix): no word can be passed over.
  bool every_word() const { return every_word_; }
  const analysis::TokenizeOptions& tokenize_options() const { return options_; }

  int operator()(std::string_view text, const analysis::Token& token) {
    const std::string& word = token.text;
    const std::vector<std::string>& stems = this->stems();
    int match = -1;
    if (!word.empty() && (!english_ || opens_a_stem_[static_cast<unsigned char>(word[0])])) {
      std::string_view stem = stemmer_.stem(word);
      for (size_t q = 0; q < stems.size(); ++q)
        if (stems[q] == stem) match = static_cast<int>(q);
      // Outside English a word is indexed under the stem of its written form too.
      if (!english_ && match < 0 && !analysis::is_ascii(text.substr(token.begin, token.end - token.begin))) {
        stem = stemmer_.stem_written(analysis::written_form(text, token));
        for (size_t q = 0; q < stems.size(); ++q)
          if (stems[q] == stem) match = static_cast<int>(q);
      }
    }
    for (size_t q = 0; q < query_.highlight_prefixes.size() && match < 0; ++q)
      if (word.compare(0, query_.highlight_prefixes[q].size(), query_.highlight_prefixes[q]) == 0)
        match = static_cast<int>(stems.size() + q);
    return match;
  }

  const std::vector<std::string>& stems() const { return english_ ? query_.highlight_terms : stems_in_language_; }

 private:
  const Query& query_;
  bool english_;
  analysis::Stemmer& stemmer_;
  std::vector<std::string> stems_in_language_;
  std::array<bool, 256> opens_a_stem_{}, opens_a_word_{};
  bool every_word_ = false;
  analysis::TokenizeOptions options_;
};

// For the tokens only counted and placed: no text at all, no compounds.
constexpr std::array<bool, 256> kNoText{};
constexpr analysis::TokenizeOptions kSpansOnly{false, &kNoText};

bool is_ascii_alnum(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// No token holds this byte, and the tokenizer looks neither back past it nor
// on across it: tokenizing from the byte after one, or up to one, gives the
// tokens the whole text gives there (ASCII space and punctuation but the
// apostrophe, hyphen, period and comma, which can join a word).
bool is_hard_separator(unsigned char c) {
  return c < 0x80 && !is_ascii_alnum(c) && c != '\'' && c != '-' && c != '.' && c != ',';
}

// The first two lower-case letters a matching English word can open with
// (second 0: any), from the stems and prefixes. A stem keeps its word's first
// letter and its second, but for a y that became i ("dying", "die"); a test
// holds Snowball to that.
struct Opening {
  unsigned char first, second;
};

std::vector<Opening> openings(const std::vector<std::string>& stems, const std::vector<std::string>& prefixes) {
  std::vector<Opening> out;
  for (const auto* words : {&stems, &prefixes})
    for (const std::string& word : *words)
      if (!word.empty() && static_cast<unsigned char>(word[0]) < 0x80)
        out.push_back({static_cast<unsigned char>(word[0]), word.size() > 1 ? static_cast<unsigned char>(word[1]) : uint8_t{0}});
  return out;
}

// A byte that may begin a matching word's token (lower-cased bytes compared;
// a word's token is lower-cased ASCII when its chunk is ASCII): no ASCII
// letter or digit before it (a token that begins with an ASCII byte never
// follows one), and its first two letters are an opening's, or the second is
// not a letter or digit (it may fold away: "U.S.", "1,000"); or any non-ASCII
// byte, whose chunk is read.
bool may_open(std::string_view text, size_t at, const std::vector<Opening>& opens) {
  const auto c = static_cast<unsigned char>(text[at]);
  if (c >= 0x80) return true;
  if (at > 0 && is_ascii_alnum(static_cast<unsigned char>(text[at - 1]))) return false;
  const auto next = at + 1 < text.size() ? static_cast<unsigned char>(text[at + 1]) : uint8_t{' '};
  const unsigned char lower = c | 0x20, next_lower = next | 0x20;
  for (const Opening& o : opens)
    if (lower == o.first && (o.second == 0 || next_lower == o.second || (o.second == 'i' && next_lower == 'y') ||
                             !is_ascii_alnum(next)))
      return true;
  return false;
}

// The first byte from `at` that may_open, or text.size(). Sixteen bytes at a
// time are tested together (GCC vector extensions), for a superset of what
// may_open accepts; a block with a hit is looked at byte by byte.
size_t next_opening(std::string_view text, size_t at, const std::vector<Opening>& opens) {
  using Bytes = unsigned char __attribute__((vector_size(16)));
  using Mask = signed char __attribute__((vector_size(16)));
  auto alnum = [](Bytes bytes) {
    const Bytes lower = bytes | 0x20;
    return static_cast<Mask>(((lower - 'a') <= 25) | ((bytes - '0') <= 9));
  };
  if (at == 0) {  // a block reads the byte before it
    if (!text.empty() && may_open(text, 0, opens)) return 0;
    at = 1;
  }
  while (at + 17 <= text.size()) {
    Bytes before, here, next;
    std::memcpy(&before, text.data() + at - 1, 16);
    std::memcpy(&here, text.data() + at, 16);
    std::memcpy(&next, text.data() + at + 1, 16);
    const Bytes lower = here | 0x20, next_lower = next | 0x20;
    const Mask opens_word = ~alnum(before), next_alnum = alnum(next);
    Mask hit = Mask{};
    for (const Opening& o : opens) {
      const Mask second = o.second == 0 ? Mask{} - 1 : (next_lower == o.second) | (next_lower == 'y') | ~next_alnum;
      hit |= (lower == o.first) & second;
    }
    hit = (hit & opens_word) | (here >= 0x80);
    uint64_t halves[2];
    std::memcpy(halves, &hit, 16);
    if (halves[0] | halves[1])
      for (size_t i = at; i < at + 16; ++i)
        if (may_open(text, i, opens)) return i;
    at += 16;
  }
  for (; at < text.size(); ++at)
    if (may_open(text, at, opens)) return at;
  return text.size();
}

// Tokens of text[begin, end) (both at hard separators or the text's ends),
// appended to out with spans in the whole text.
void tokenize_part(std::string_view text, size_t begin, size_t end, const analysis::TokenizeOptions& options,
                   std::vector<analysis::Token>& out) {
  const size_t first = out.size();
  analysis::tokenize(text.substr(begin, end - begin), out, options);
  for (size_t i = first; i < out.size(); ++i) {
    out[i].begin += static_cast<uint32_t>(begin);
    out[i].end += static_cast<uint32_t>(begin);
  }
}

// The start of the part holding byte `at`: just after the hard separator
// before it (not before `floor`), or the text's start.
size_t part_begin(std::string_view text, size_t at, size_t floor) {
  while (at > floor && !is_hard_separator(static_cast<unsigned char>(text[at - 1]))) --at;
  return at;
}
size_t part_end(std::string_view text, size_t at) {
  while (at < text.size() && !is_hard_separator(static_cast<unsigned char>(text[at]))) ++at;
  return at;
}

struct Found {
  uint32_t begin;
  int word;
};

// The matching words, found by tokenizing only the parts that may hold one.
std::vector<Found> find_matches(std::string_view text, WordMatcher& matcher, const std::vector<Opening>& opens) {
  std::vector<Found> found;
  thread_local std::vector<analysis::Token> part;
  size_t done = 0;
  for (size_t at = next_opening(text, 0, opens); at < text.size(); at = next_opening(text, done, opens)) {
    const size_t begin = part_begin(text, at, done);
    done = part_end(text, at + 1);
    part.clear();
    tokenize_part(text, begin, done, matcher.tokenize_options(), part);
    for (const analysis::Token& token : part)
      if (const int word = matcher(text, token); word >= 0) found.push_back({token.begin, word});
  }
  return found;
}

// Byte ranges around the matches, `bytes_per_token` times the tokens each
// must reach before and after it, grown to hard separators and merged where
// they touch.
std::vector<std::pair<size_t, size_t>> ranges_around(std::string_view text, const std::vector<Found>& found,
                                                     const SnippetReach& reach, size_t bytes_per_token) {
  const size_t before = bytes_per_token * reach.before, after = bytes_per_token * reach.after;
  std::vector<std::pair<size_t, size_t>> ranges;
  for (const Found& f : found) {
    const size_t begin = part_begin(text, f.begin > before ? f.begin - before : 0, 0);
    const size_t end = part_end(text, std::min(text.size(), size_t{f.begin} + after));
    if (!ranges.empty() && begin <= ranges.back().second + 1) ranges.back().second = std::max(ranges.back().second, end);
    else ranges.emplace_back(begin, end);
  }
  return ranges;
}

// Tokenizes the ranges into out.tokens and marks the matches; false when a
// match has fewer tokens than it must reach on a side within its range (that
// does not end the text).
bool read_ranges(std::string_view text, const std::vector<std::pair<size_t, size_t>>& ranges,
                 const std::vector<Found>& found, const SnippetReach& reach, SnippetTokens& out) {
  size_t f = 0;
  for (const auto& [begin, end] : ranges) {
    const size_t first = out.tokens.size();
    tokenize_part(text, begin, end, kSpansOnly, out.tokens);
    out.match.resize(out.tokens.size(), -1);
    for (size_t i = first; i < out.tokens.size() && f < found.size(); ++i) {
      if (out.tokens[i].begin != found[f].begin) continue;
      if ((begin > 0 && i - first < reach.before) || (end < text.size() && out.tokens.size() - i <= reach.after))
        return false;
      out.match[i] = found[f++].word;
      out.matched.push_back(i);
    }
  }
  return f == found.size();
}

void clear(SnippetTokens& out) {
  out.tokens.clear();
  out.match.clear();
  out.matched.clear();
}

void read_whole_text(std::string_view text, WordMatcher& matcher, SnippetTokens& out) {
  analysis::tokenize(text, out.tokens, matcher.tokenize_options());
  out.match.resize(out.tokens.size(), -1);
  for (size_t i = 0; i < out.tokens.size(); ++i) {
    out.match[i] = matcher(text, out.tokens[i]);
    if (out.match[i] >= 0) out.matched.push_back(i);
  }
}

}  // namespace

void read_snippet_tokens(std::string_view text, const Query& query, std::string_view language,
                         SnippetReading reading, const SnippetReach& reach, SnippetTokens& out) {
  clear(out);
  WordMatcher matcher(query, language);
  if (reading == SnippetReading::whole_text || !matcher.english() || matcher.every_word()) {
    read_whole_text(text, matcher, out);
    return;
  }
  const std::vector<Found> found = find_matches(text, matcher, openings(matcher.stems(), query.highlight_prefixes));
  // A word of news with its space takes about 6 bytes: try 8 a token, four
  // times more whenever punctuation or long words leave too few; once the
  // regions would reach the whole text, it is read whole.
  const size_t most = found.empty() ? reach.opening : std::max(reach.before, reach.after);
  for (size_t bytes_per_token = 8; bytes_per_token * most < text.size(); bytes_per_token *= 4) {
    clear(out);
    if (found.empty()) {
      tokenize_part(text, 0, part_end(text, bytes_per_token * reach.opening), kSpansOnly, out.tokens);
      if (out.tokens.size() >= reach.opening) {
        out.match.assign(out.tokens.size(), -1);
        return;
      }
    } else if (read_ranges(text, ranges_around(text, found, reach, bytes_per_token), found, reach, out)) {
      return;
    }
  }
  clear(out);
  read_whole_text(text, matcher, out);
}

}  // namespace attache::query
