// A headline's own attribution, which the tagger does not read. Internal to attribution.
#pragma once

#include <cstdint>
#include <vector>

#include "words.h"

namespace attache::indexer::attribution {

// "Shultz Says Arms Deal Foundered on 'Star Wars'", "Kerry: Talks will go on", "Boundary pact will
// be remembered like fall of Berlin Wall, says Modi": a headline that opens with who spoke and a
// cue, names them before a colon, or closes with them after a comma, says the rest of it. Nothing
// for a headline of another shape ("Talks on Iran resume"), whose words stay unlabelled.
void read_headline_attribution(const WordStream& stream, std::vector<uint8_t>& labels);

// Whether word k lies in a live blog's heading: a paragraph opening with a time and a dash ("9:41 pm
// — Abbas: ...").
bool in_time_stamped_heading(const std::vector<Word>& w, uint32_t k);

}  // namespace attache::indexer::attribution
