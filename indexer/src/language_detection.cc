// CLD2 (Debian's libcld2): Chrome's compact language detector. Chosen over
// libexttextcat for speed: on 1-2 KiB of news text it takes 60-100 µs of CPU
// an article against 5.5 ms (ARCHITECTURE.md).
#include "language_detection.h"

#include <algorithm>
#include <cstdio>  // compact_lang_det.h uses FILE without including it

#include <cld2/public/compact_lang_det.h>

namespace attache::indexer {

std::string detect_language(std::string_view text) {
  if (text.size() < kMinDetectionBytes) return {};
  size_t n = std::min(text.size(), kDetectionBytes);
  while (n < text.size() && n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;  // a whole character
  bool reliable = false;
  const CLD2::Language language = CLD2::DetectLanguage(text.data(), static_cast<int>(n), true, &reliable);
  if (!reliable || language == CLD2::UNKNOWN_LANGUAGE) return {};
  std::string code = CLD2::LanguageCode(language);
  // CLD2's codes are ISO 639-1 where one exists; a few carry a region or
  // script ("zh-Hant", "sr-ME"): the language is the part before it.
  if (size_t dash = code.find('-'); dash != std::string::npos) code.resize(dash);
  return code;
}

}  // namespace attache::indexer
