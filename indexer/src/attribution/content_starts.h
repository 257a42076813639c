// Where what was said begins after its cue: past the cue's object and a phrase of when, where or
// to whom it was said, at the "that" which opens it. Internal to attribution.
#pragma once

#include <cstdint>
#include <vector>

#include "tagged_attributions.h"
#include "words.h"

namespace attache::indexer::attribution {

// The first word of what attribution t says: its content's first word, or the "that" after "said
// in an interview with the BBC", "told a party congress", "said earlier this week".
uint32_t content_start(const std::vector<Word>& w, const TaggedAttribution& t);

}  // namespace attache::indexer::attribution
