// The table of ascii_folding.h. Only lower-case letters are listed: folding
// runs after utf8proc's case fold, which turns Ł into ł, Ø into ø and İ into
// i plus a mark that mark stripping removes. Letters that NFKC already
// resolves (ĳ, ſ, ǆ) are not listed; NFKC turns ŀ into l·, so the middle dot
// is folded away.
#include "ascii_folding.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

namespace attache::analysis {
namespace {

struct Folding {
  char32_t letter;
  const char* ascii;
};

// Sorted by code point, for binary search.
constexpr Folding kFoldings[] = {
    {U'\u00b7', ""},    // · in ŀ (l·) after NFKC
    {U'\u00df', "ss"},  // ß (case folding gives ss already; kept for words folded without it)
    {U'\u00e6', "ae"},  // æ
    {U'\u00f0', "d"},   // ð
    {U'\u00f8', "o"},   // ø
    {U'\u00fe', "th"},  // þ
    {U'\u0111', "d"},   // đ
    {U'\u0127', "h"},   // ħ
    {U'\u0131', "i"},   // ı dotless i
    {U'\u0138', "q"},   // ĸ kra
    {U'\u0142', "l"},   // ł
    {U'\u014b', "n"},   // ŋ
    {U'\u0153', "oe"},  // œ
    {U'\u0167', "t"},   // ŧ
    {U'\u0180', "b"},   // ƀ
    {U'\u0183', "b"},   // ƃ
    {U'\u0188', "c"},   // ƈ
    {U'\u018c', "d"},   // ƌ
    {U'\u0192', "f"},   // ƒ
    {U'\u0195', "hv"},  // ƕ
    {U'\u0199', "k"},   // ƙ
    {U'\u019a', "l"},   // ƚ
    {U'\u019e', "n"},   // ƞ
    {U'\u01a3', "oi"},  // ƣ
    {U'\u01a5', "p"},   // ƥ
    {U'\u01ab', "t"},   // ƫ
    {U'\u01ad', "t"},   // ƭ
    {U'\u01b4', "y"},   // ƴ
    {U'\u01b6', "z"},   // ƶ
    {U'\u01dd', "e"},   // ǝ
    {U'\u01e5', "g"},   // ǥ
    {U'\u0221', "d"},   // ȡ
    {U'\u0225', "z"},   // ȥ
    {U'\u0234', "l"},   // ȴ
    {U'\u0235', "n"},   // ȵ
    {U'\u0236', "t"},   // ȶ
    {U'\u0237', "j"},   // ȷ
    {U'\u0238', "db"},  // ȸ
    {U'\u0239', "qp"},  // ȹ
    {U'\u023c', "c"},   // ȼ
    {U'\u023f', "s"},   // ȿ
    {U'\u0240', "z"},   // ɀ
    {U'\u0247', "e"},   // ɇ
    {U'\u0249', "j"},   // ɉ
    {U'\u024b', "q"},   // ɋ
    {U'\u024d', "r"},   // ɍ
    {U'\u024f', "y"},   // ɏ
    {U'\u0253', "b"},   // ɓ
    {U'\u0254', "o"},   // ɔ
    {U'\u0256', "d"},   // ɖ
    {U'\u0257', "d"},   // ɗ
    {U'\u0259', "e"},   // ə schwa (Azerbaijani)
    {U'\u025b', "e"},   // ɛ
    {U'\u0260', "g"},   // ɠ
    {U'\u0261', "g"},   // ɡ
    {U'\u0266', "h"},   // ɦ
    {U'\u0268', "i"},   // ɨ
    {U'\u026b', "l"},   // ɫ
    {U'\u026d', "l"},   // ɭ
    {U'\u026f', "m"},   // ɯ
    {U'\u0271', "m"},   // ɱ
    {U'\u0272', "n"},   // ɲ
    {U'\u0273', "n"},   // ɳ
    {U'\u0275', "o"},   // ɵ
    {U'\u027d', "r"},   // ɽ
    {U'\u0282', "s"},   // ʂ
    {U'\u0288', "t"},   // ʈ
    {U'\u0289', "u"},   // ʉ
    {U'\u028b', "v"},   // ʋ
    {U'\u028c', "v"},   // ʌ
    {U'\u0290', "z"},   // ʐ
    {U'\u0291', "z"},   // ʑ
    {U'\u02a0', "q"},   // ʠ
    {U'\u2c65', "a"},   // ⱥ
    {U'\u2c66', "t"},   // ⱦ
};

constexpr bool sorted() {
  for (size_t i = 1; i < std::size(kFoldings); ++i)
    if (kFoldings[i - 1].letter >= kFoldings[i].letter) return false;
  return true;
}
static_assert(sorted(), "kFoldings must be sorted by code point");

// The code point of a two- or three-byte UTF-8 sequence at s[i] (the word is
// valid UTF-8), or 0 for anything else.
char32_t decode(const std::string& s, size_t i, size_t& length) {
  auto byte = [&](size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k])); };
  char32_t c = byte(0);
  if ((c & 0xe0) == 0xc0 && i + 1 < s.size()) {
    length = 2;
    return ((c & 0x1f) << 6) | (byte(1) & 0x3f);
  }
  if ((c & 0xf0) == 0xe0 && i + 2 < s.size()) {
    length = 3;
    return ((c & 0x0f) << 12) | ((byte(1) & 0x3f) << 6) | (byte(2) & 0x3f);
  }
  length = (c & 0xf8) == 0xf0 ? 4 : 1;
  return 0;
}

}  // namespace

void fold_undecomposed_letters(std::string& word) {
  // The table's letters are led in UTF-8 by 0xc2 (U+0080..) to 0xca (..U+02BF), or 0xe2 (ⱥ ⱦ).
  auto may_fold = [](char c) {
    auto b = static_cast<unsigned char>(c);
    return (b >= 0xc2 && b <= 0xca) || b == 0xe2;
  };
  size_t i = 0;
  while (i < word.size() && !may_fold(word[i])) ++i;
  if (i == word.size()) return;
  std::string out = word.substr(0, i);
  while (i < word.size()) {
    size_t length = 1;
    char32_t cp = decode(word, i, length);
    auto it = std::lower_bound(std::begin(kFoldings), std::end(kFoldings), cp,
                               [](const Folding& f, char32_t c) { return f.letter < c; });
    if (cp && it != std::end(kFoldings) && it->letter == cp)
      out += it->ascii;
    else
      out.append(word, i, length);
    i += length;
  }
  word = std::move(out);
}

}  // namespace attache::analysis
