// Transcripts and interviews set out as turns: "MR PRICE: The Secretary will travel to Brussels.",
// "Lavrov: We see no reason for optimism." Each turn is its speaker's statement.
#pragma once

#include <cstdint>
#include <vector>

#include "words.h"

namespace attache::indexer::attribution {

// A paragraph that opens with a label and a colon, in an article where labels come back or
// questions are asked, is a turn: the name in the label is its source ("MR PRICE", "Emily
// Thornberry (Islington South) (Lab)", "STEVE INSKEEP, HOST", "The Secretary of State (Jeremy
// Hunt)"), the colon its cue and the rest of the paragraph, up to an attribution the tagger read
// inside it, its content. Labels that name no one ([question-label] "Q:", "A:"; [heading-label]
// "Note:") make no turn, nor do lists and headlines set out so ("Iowa: Tim Albrecht, ...").
void read_transcript_turns(const WordStream& stream, std::vector<uint8_t>& labels);

// Whether the attribution of source [source_first, source_last] and cue [cue_first, cue_last] is a
// turn: its words are the speaker's own, as a quotation's are.
bool is_turn(const std::vector<Word>& w, uint32_t source_first, uint32_t source_last, uint32_t cue_first,
             uint32_t cue_last);

// "MR PRICE:", "SECRETARY BLINKEN:": a labelled paragraph's label in capitals is read as the name it is ("Mr
// Price"), so that it finds the person the article named; its bytes stay as written.
void read_labels_in_capitals(std::vector<Word>& words);

}  // namespace attache::indexer::attribution
