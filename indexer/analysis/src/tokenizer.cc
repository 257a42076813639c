// Tokenizer: one pass over code points, words grown across inner apostrophes,
// decimal points, digit-group commas and hyphens; folding through utf8proc.
#include "attache/analysis/tokenizer.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>

#include "ascii_folding.h"

namespace attache::analysis {
namespace {

bool starts_code_point(char c) { return (static_cast<unsigned char>(c) & 0xc0) != 0x80; }

enum class CharClass { separator, word, ideograph, apostrophe, hyphen, period, comma };

struct CodePoint {
  int32_t value = -1;
  uint32_t length = 1;  // bytes
};

CodePoint decode(std::string_view text, size_t at) {
  unsigned char c = static_cast<unsigned char>(text[at]);
  if (c < 0x80) return {c, 1};
  utf8proc_int32_t cp;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + at),
                            static_cast<utf8proc_ssize_t>(text.size() - at), &cp);
  if (n <= 0) return {-1, 1};  // invalid byte: a separator
  return {cp, static_cast<uint32_t>(n)};
}

bool is_ideograph(int32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) ||
         (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x2ffff);
}

CharClass classify(int32_t cp) {
  if (cp < 0x80) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')) return CharClass::word;
    switch (cp) {
      case '\'': return CharClass::apostrophe;
      case '-': return CharClass::hyphen;
      case '.': return CharClass::period;
      case ',': return CharClass::comma;
      default: return CharClass::separator;
    }
  }
  if (cp == 0x2019 || cp == 0x02bc) return CharClass::apostrophe;
  if (cp == 0x2010 || cp == 0x2011) return CharClass::hyphen;
  if (cp < 0) return CharClass::separator;
  if (is_ideograph(cp)) return CharClass::ideograph;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return CharClass::word;
    default:
      return CharClass::separator;
  }
}

bool is_letter(int32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  auto cat = utf8proc_category(cp);
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

bool is_digit(int32_t cp) { return cp >= '0' && cp <= '9'; }

bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }


void lower_ascii(std::string& s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
}

class Scanner {
 public:
  Scanner(std::string_view text, std::vector<Token>& out, const TokenizeOptions& options, uint32_t position)
      : text_(text), out_(out), options_(options), position_(position) {}

  uint32_t run() {
    size_t i = 0;
    while (i < text_.size()) {
      const unsigned char byte = static_cast<unsigned char>(text_[i]);
      if (byte < 0x80 && !is_ascii_alnum(static_cast<char>(byte))) {  // ASCII space and punctuation
        ++i;
        continue;
      }
      if (byte < 0x80) {
        const size_t end = plain_ascii_word_end(i);
        if (end != npos_) {
          emit_plain_ascii(i, end);
          i = end;
          continue;
        }
      }
      CodePoint cp = decode(text_, i);
      CharClass cls = classify(cp.value);
      if (cls == CharClass::ideograph) {
        emit(std::string(text_.substr(i, cp.length)), i, i + cp.length, false);
        i += cp.length;
      } else if (cls == CharClass::word && !is_mark(cp.value)) {
        i = acronym(i);
        if (i == npos_) i = word(last_start_);
      } else {
        i += cp.length;
      }
    }
    return position_;
  }

 private:
  static constexpr size_t npos_ = static_cast<size_t>(-1);

  static bool is_mark(int32_t cp) {
    if (cp < 0x80) return false;
    auto cat = utf8proc_category(cp);
    return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC || cat == UTF8PROC_CATEGORY_ME;
  }

  CharClass class_at(size_t at) const { return at < text_.size() ? classify(decode(text_, at).value) : CharClass::separator; }
  int32_t value_at(size_t at) const { return at < text_.size() ? decode(text_, at).value : -1; }

  // Most words of news are a run of ASCII letters and digits ended by a space
  // or by punctuation that cannot join the word: such a word is one token, its
  // bytes lowered, and needs neither acronym() nor word(). Returns the run's
  // end, or npos_ when what follows could make it more (an apostrophe, a
  // hyphen, a period or comma after a digit, a period after a single letter,
  // a non-ASCII byte), for word() and acronym() to decide.
  size_t plain_ascii_word_end(size_t start) const {
    size_t end = start + 1;
    while (end < text_.size() && is_ascii_alnum(text_[end])) ++end;
    if (end == text_.size()) return end;
    const char next = text_[end];
    if (static_cast<unsigned char>(next) >= 0x80 || next == '\'' || next == '-') return npos_;
    if (next == '.' && (end - start == 1 || is_digit(static_cast<unsigned char>(text_[end - 1])))) return npos_;
    if (next == ',' && is_digit(static_cast<unsigned char>(text_[end - 1]))) return npos_;
    return end;
  }

  // emit() of a plain ASCII word, lowered in the token's own string (when the
  // caller wants its text).
  void emit_plain_ascii(size_t begin, size_t end) {
    const uint32_t position = position_++;
    if (end - begin > kMaxTokenBytes) return;  // the position stays used
    Token& token = out_.emplace_back();
    if (wants_text(text_[begin])) {
      token.text.assign(text_.data() + begin, end - begin);
      lower_ascii(token.text);
    }
    token.begin = static_cast<uint32_t>(begin);
    token.end = static_cast<uint32_t>(end);
    token.position = position;
  }

  bool wants_text(char first) const {
    if (!options_.text_for_first_byte) return true;
    const char lower = first >= 'A' && first <= 'Z' ? static_cast<char>(first - 'A' + 'a') : first;
    return (*options_.text_for_first_byte)[static_cast<unsigned char>(lower)];
  }

  // "U.S." and "e.g.": single letters each followed by a period. Returns the
  // end of the acronym, or npos_ (with last_start_ set) when there is none.
  size_t acronym(size_t start) {
    last_start_ = start;
    std::string letters;
    size_t at = start;
    int count = 0;
    while (at < text_.size()) {
      CodePoint cp = decode(text_, at);
      size_t after = at + cp.length;
      if (!is_letter(cp.value) || after >= text_.size() || text_[after] != '.') break;
      letters.append(text_.substr(at, cp.length));
      ++count;
      at = after + 1;
    }
    if (count < 2) return npos_;
    emit(fold(letters), start, at, false);
    return at;
  }

  // A word from `start`: segments split by hyphens, each grown across inner
  // apostrophes, decimal points and digit-group commas.
  size_t word(size_t start) {
    std::vector<Segment>& segments = segments_;  // kept between words: no allocation per word
    segments.clear();
    size_t i = start;
    Segment seg{{}, i, i};
    int32_t previous = -1;
    while (i < text_.size()) {
      // Most of news is ASCII: a run of ASCII letters and digits is taken whole.
      if (is_ascii_alnum(text_[i])) {
        size_t end = i + 1;
        while (end < text_.size() && is_ascii_alnum(text_[end])) ++end;
        seg.raw.append(text_.substr(i, end - i));
        previous = static_cast<unsigned char>(text_[end - 1]);
        i = end;
        continue;
      }
      CodePoint cp = decode(text_, i);
      CharClass cls = classify(cp.value);
      if (cls == CharClass::word) {
        seg.raw.append(text_.substr(i, cp.length));
        previous = cp.value;
        i += cp.length;
        continue;
      }
      if (cls == CharClass::separator || cls == CharClass::ideograph) break;  // the common case: no look ahead
      size_t next_at = i + cp.length;
      int32_t next = value_at(next_at);
      bool next_is_word = next_at < text_.size() && class_at(next_at) == CharClass::word && !is_mark(next);
      if (cls == CharClass::apostrophe && next_is_word && is_letter(next) && previous >= 0) {
        seg.raw.push_back('\'');
      } else if (cls == CharClass::period && is_digit(previous) && is_digit(next)) {
        seg.raw.push_back('.');
      } else if (cls == CharClass::comma && is_digit(previous) && digit_group_follows(next_at)) {
        // 100,000: the comma is dropped
      } else if (cls == CharClass::hyphen && previous >= 0 && next_is_word) {
        seg.end = i;
        segments.push_back(std::move(seg));
        seg = Segment{{}, next_at, next_at};
      } else {
        break;
      }
      previous = -1;
      i = next_at;
    }
    seg.end = i;
    segments.push_back(std::move(seg));

    std::string joined;
    for (size_t s = 0; s < segments.size(); ++s) {
      std::string folded = folded_segment(segments[s].raw);
      if (folded.size() >= 2 && folded.compare(folded.size() - 2, 2, "'s") == 0) folded.resize(folded.size() - 2);
      if (segments.size() > 1 && options_.compounds) joined += folded;
      emit(std::move(folded), segments[s].begin, segments[s].end, false);
    }
    if (segments.size() > 1 && options_.compounds) {
      // The compound shares the first part's position: insert it after that part.
      uint32_t first_position = position_ - static_cast<uint32_t>(segments.size());
      Token compound{std::move(joined), static_cast<uint32_t>(segments.front().begin),
                     static_cast<uint32_t>(segments.back().end), first_position, true};
      if (compound.text.size() <= kMaxTokenBytes) {
        size_t first_index = out_.size();
        while (first_index > 0 && out_[first_index - 1].position > first_position) --first_index;
        out_.insert(out_.begin() + static_cast<std::ptrdiff_t>(first_index), std::move(compound));
      }
    }
    return i;
  }

  // fold(), lowering an ASCII segment where it lies rather than copying it.
  static std::string folded_segment(std::string& raw) {
    if (!is_ascii(raw)) return fold(raw);
    lower_ascii(raw);
    return std::move(raw);
  }

  // Exactly three digits, then something that is not a digit.
  bool digit_group_follows(size_t at) const {
    for (int k = 0; k < 3; ++k)
      if (at + k >= text_.size() || !is_digit(static_cast<unsigned char>(text_[at + k]))) return false;
    return at + 3 >= text_.size() || !is_digit(static_cast<unsigned char>(text_[at + 3]));
  }

  void emit(std::string folded, size_t begin, size_t end, bool compound) {
    uint32_t position = position_++;
    if (folded.empty() || folded.size() > kMaxTokenBytes) return;  // the position stays used
    out_.push_back(Token{std::move(folded), static_cast<uint32_t>(begin), static_cast<uint32_t>(end), position, compound});
  }

  struct Segment {
    std::string raw;
    size_t begin, end;
  };

  std::string_view text_;
  std::vector<Token>& out_;
  const TokenizeOptions& options_;
  uint32_t position_;
  size_t last_start_ = 0;
  std::vector<Segment> segments_;
};

}  // namespace

uint32_t tokenize(std::string_view text, std::vector<Token>& out, uint32_t first_position) {
  return tokenize(text, out, TokenizeOptions{}, first_position);
}

uint32_t tokenize(std::string_view text, std::vector<Token>& out, const TokenizeOptions& options,
                  uint32_t first_position) {
  return Scanner(text, out, options, first_position).run();
}

namespace {
// NFKC and case folding through utf8proc, with `extra` options; the word
// itself when utf8proc refuses it.
std::string case_folded(std::string_view word, int extra) {
  utf8proc_uint8_t* mapped = nullptr;
  auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(word.data()), static_cast<utf8proc_ssize_t>(word.size()),
                        &mapped,
                        static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                                       UTF8PROC_CASEFOLD | UTF8PROC_IGNORE | extra));
  if (n < 0) return std::string(word);
  std::string s(reinterpret_cast<char*>(mapped), static_cast<size_t>(n));
  std::free(mapped);
  return s;
}
}  // namespace

std::string lower_keeping_accents(std::string_view word) {
  if (is_ascii(word)) {
    std::string s(word);
    lower_ascii(s);
    return s;
  }
  return case_folded(word, 0);
}

std::string fold(std::string_view word) {
  if (is_ascii(word)) {
    std::string s(word);
    lower_ascii(s);
    return s;
  }
  std::string s = case_folded(word, UTF8PROC_STRIPMARK);
  fold_undecomposed_letters(s);
  // Typographic apostrophes that folding may leave become the ASCII one.
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xe2 && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x99) {
      out.push_back('\'');
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string_view written_form(std::string_view text, const Token& token) {
  std::string_view span = text.substr(token.begin, token.end - token.begin);
  // An ASCII word has no accents for a stemmer to read: its folded form stems alike.
  if (is_ascii(span)) return token.text;
  return fold(span) == token.text ? span : std::string_view(token.text);
}

bool is_valid_utf8(std::string_view text, size_t* error_offset) {
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    utf8proc_int32_t cp;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                              static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (n <= 0) {
      if (error_offset) *error_offset = i;
      return false;
    }
    i += static_cast<size_t>(n);
  }
  return true;
}

uint32_t char_offset(std::string_view text, uint32_t byte_offset) {
  uint32_t count = 0;
  for (uint32_t i = 0; i < byte_offset && i < text.size(); ++i) count += starts_code_point(text[i]);
  return count;
}

CodePoints::CodePoints(std::string_view text) : text_(text) {
  before_block_.reserve(text.size() / kBlock + 1);
  uint32_t count = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i % kBlock == 0) before_block_.push_back(count);
    count += starts_code_point(text[i]);
  }
}

uint32_t CodePoints::offset(uint32_t byte_offset) const {
  const uint32_t end = static_cast<uint32_t>(std::min<size_t>(byte_offset, text_.size()));
  if (end == 0) return 0;
  const uint32_t block = (end - 1) / kBlock;
  uint32_t count = before_block_[block];
  for (uint32_t i = block * kBlock; i < end; ++i) count += starts_code_point(text_[i]);
  return count;
}

}  // namespace attache::analysis
