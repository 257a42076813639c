// Attributions that introduce a quotation with a colon where the tagger read none: "Said one
// official: ...", "Mr. Zorin, who holds the presidency, replied: ...". Internal to attribution.
#pragma once

#include <cstdint>
#include <vector>

#include "words.h"

namespace attache::indexer::attribution {

// "Said one official, who asked not to be identified: “Nobody here is talking about a deadline.”":
// a sentence opening with a cue, then who spoke up to a colon, says what the colon opens.
void read_inverted_colon_introductions(const WordStream& stream, std::vector<uint8_t>& labels);

// "Mr. Zorin, who holds the Council presidency this month, replied through an interpreter: “...”":
// a sentence opening with who spoke (and a relative clause about them), then a cue and a colon,
// says the quotation the colon opens, where the tagger read no cue.
void read_colon_introductions(const WordStream& stream, std::vector<uint8_t>& labels);

// "A diplomat from a non-aligned country summed up the mood in the chamber: “Nobody wanted to say
// no.”", "Asked whether the two had made up, a Brazilian official shrugged: “They shook hands.”":
// a speaker described or named, a verb in the past that is no cue of the lexicon and the words
// after it up to a colon, then a quotation ending the sentence, which nothing else attributes, is
// what the speaker said.
void read_colon_framed_quotations(const WordStream& stream, std::vector<uint8_t>& labels);

}  // namespace attache::indexer::attribution
