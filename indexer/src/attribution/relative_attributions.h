// Attributions inside a relative clause. Internal to attribution.
#pragma once

#include <cstdint>
#include <vector>

#include "words.h"

namespace attache::indexer::attribution {

// "signed two documents that they said would lead to a peace treaty", "an absence that the White
// House insisted was no snub": a relative pronoun, a source and a cue, and right after the cue the
// clause's own verb ("would", "was"): the source said what the clause says of the noun, from that
// verb to the clause's end.
void read_relative_clause_attributions(const WordStream& stream, std::vector<uint8_t>& labels);

}  // namespace attache::indexer::attribution
