// What a speaker says of themselves after "that". Internal to attribution.
#pragma once

#include <cstdint>
#include <vector>

#include "words.h"

namespace attache::indexer::attribution {

// "Boutros-Ghali, who has backed the French offer, said in a statement that he welcomed any
// initiative that could “stop the killing”": a pronoun and a cue just after the "that" of a plain
// cue ("said", "told reporters") that has no content of its own are what was said, the speaker
// speaking of themselves, not a second attribution that leaves the first with nothing.
void join_self_reports(const WordStream& stream, std::vector<uint8_t>& labels);

}  // namespace attache::indexer::attribution
