// Attributions framed by "according to", opening or closing a sentence, read whatever labels the
// tagger gave their words. Internal to attribution.
#pragma once

#include <cstdint>
#include <vector>

#include "words.h"

namespace attache::indexer::attribution {

// Relabels sentences that open with "According to X,": X the source, the rest content.
void read_opening_according_to(const WordStream& stream, std::vector<uint8_t>& labels);
// "The movement is now expected to call off the rally, according to a source close to its
// leadership.": a closing "according to X" with no content of its own says the clause before it.
void read_closing_according_to(const WordStream& stream, std::vector<uint8_t>& labels);

}  // namespace attache::indexer::attribution
