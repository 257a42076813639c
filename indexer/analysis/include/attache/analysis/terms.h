// How index terms are named. Plain terms are stems of body and title words, with
// positions; field terms start with one upper-case ASCII letter, which folded
// words never contain (storage/FORMAT.md lists them).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace attache::analysis {

inline constexpr char kSurfacePrefix = 'W';  // a word as written (folded), when it differs from its stem
inline constexpr char kTitlePrefix = 'T';    // stem of a title word, with positions within the title
inline constexpr char kSourcePrefix = 'S';   // folded word of the source, with positions within it
inline constexpr char kIdPrefix = 'Q';       // the article id, exactly as given
inline constexpr char kSpeakerPrefix = 'P';  // folded word of a statement's canonical speaker
inline constexpr char kAuthorPrefix = 'A';    // folded word of the author, with positions within it
inline constexpr char kPlacePrefix = 'L';     // folded word of the place, with positions within it
inline constexpr char kLanguagePrefix = 'G';  // the language code ("Gfr")
// The place as stored, whole ("L=United Nations"): what the place facet counts.
// '=' never begins a folded word, so these never meet the place words.
inline constexpr std::string_view kPlaceValuePrefix = "L=";

// Plain terms of English (and of articles whose language is not known) are
// bare stems; those of another language carry its code: "fr:negoci". A folded
// word never holds ':', so the languages' stems never meet.
inline bool is_english(std::string_view language) { return language.empty() || language == "en"; }
inline std::string stem_term(std::string_view language, std::string_view stem) {
  if (is_english(language)) return std::string(stem);
  std::string t(language);
  t += ':';
  t.append(stem);
  return t;
}

inline std::string field_term(char prefix, std::string_view word) {
  std::string t(1, prefix);
  t.append(word);
  return t;
}

// Speaker words of statement k of an article sit at positions k * stride,
// k * stride + 1, ...: a phrase of speaker words stays within one statement,
// and a position tells which statement it belongs to.
inline constexpr uint32_t kSpeakerStride = 32;

// A statement's speaker terms, at offsets from its first speaker position: a
// start mark, the folded words of the canonical name, an end mark, then the
// folded words of the description ("Texas Sen."), all within the stride. The
// marks let a query ask for one name exactly ("P[ Pcruz P]" is "Cruz" and not
// "Maria Cruz"); a phrase of words never spans a mark, so it never runs from
// the name into the description.
inline constexpr std::string_view kSpeakerStart = "P[";
inline constexpr std::string_view kSpeakerEnd = "P]";
void speaker_terms(std::string_view canonical, std::string_view description,
                   std::vector<std::pair<std::string, uint32_t>>& out);
// The folded words of a name, as speaker_terms indexes them (no "P").
std::vector<std::string> speaker_words(std::string_view name);

// Title words sit in the plain term space after the body, this far apart, so a
// phrase cannot run from the body into the title.
inline constexpr uint32_t kTitlePositionGap = 100;

}  // namespace attache::analysis
