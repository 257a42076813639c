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

// The sentences of the paragraphs of text that overlap bytes [begin, end),
// exactly as split_sentences(text) gives them: a blank line starts the splitter
// afresh, so each paragraph can be split alone (a snippet needs sentence starts
// only around its matches, not over the whole article).
std::vector<Sentence> split_sentences_within(std::string_view text, size_t begin, size_t end);

}  // namespace attache::analysis
