// Words and labels the readers of fixed frames share (framed_attributions.cc,
// colon_introductions.cc). Internal to attribution.
#pragma once

#include <cstdint>
#include <vector>

#include "words.h"

namespace attache::indexer::attribution {

// Labels [first, end) as one content run.
void label_content(std::vector<uint8_t>& labels, uint32_t first, uint32_t end);
// Whether [first, end) holds no source or cue of another attribution.
bool unattributed(const std::vector<uint8_t>& labels, uint32_t first, uint32_t end);
// Where what a colon at `colon` opens ends: the quotation it opens, else its sentence.
uint32_t end_of_opened(const std::vector<Word>& w, uint32_t colon, uint32_t sentence_end);
// "Said", "Added", "Wrote": a verb that says, not one that asks ("Asked the reason ...").
bool says_itself(const Word& word);
// Words [first, end) name who spoke: "one official", "Mr. Smith", "the minister"; not "Tuesday".
bool names_speaker(const std::vector<Word>& w, uint32_t first, uint32_t end);

}  // namespace attache::indexer::attribution
