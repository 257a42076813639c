// What a paragraph ending "she said:" introduces: the next paragraph, set out as a block without
// quotation marks (live blogs, posts quoted whole, speeches). Internal to attribution.
#pragma once

#include <cstdint>
#include <vector>

#include "words.h"

namespace attache::indexer::attribution {

// A paragraph whose last sentence ends in a cue and a colon ("In a post on X, Sybiha wrote:",
// "Speaking to reporters on her way in, she said:") says nothing before the colon: the next
// paragraph, when no quotation mark opens it (a quoted one is read already), is what was said.
void read_block_quotations(const WordStream& stream, std::vector<uint8_t>& labels);

// Whether the content opening at word `first` is such a paragraph: words of their speaker's own,
// as a quotation's are.
bool is_block_quotation(const std::vector<Word>& w, uint32_t first);

}  // namespace attache::indexer::attribution
