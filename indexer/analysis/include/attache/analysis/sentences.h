// Sentence boundaries in article text, aware of titles (Mr., Dr.), initials
// (Sergei A. Ryabkov), acronyms (U.S.) and quotation marks.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace attache::analysis {

struct Sentence {
  uint32_t begin = 0;  // byte span, trimmed of surrounding white space
  uint32_t end = 0;
  bool starts_paragraph = false;
};

std::vector<Sentence> split_sentences(std::string_view text);

}  // namespace attache::analysis
