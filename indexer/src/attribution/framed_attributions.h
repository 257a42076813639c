// Attributions in fixed frames the tagger does not read: "as one diplomat put it", "Said one
// official: ...". Internal to attribution.
#pragma once

#include <cstdint>
#include <vector>

#include "words.h"

namespace attache::indexer::attribution {

// "As one ambassador put it: “There is unanimity ...”", "the gesture was meant, as one official
// traveling with him put it, to show resolve", "..., as Mr. Lee puts it.": between "as" and "put
// it" is who spoke; what was said is the sentence around the frame or, after a colon, what the
// colon opens.
void read_as_put_it(const WordStream& stream, std::vector<uint8_t>& labels);

// "His grudge against America, he said, dates back to 2002", "The talks, said the minister, had
// been useful": an attribution set off by commas inside the sentence it reports, which says all of
// the sentence around it.
void read_parenthetical_attributions(const WordStream& stream, std::vector<uint8_t>& labels);

// "Qatar must heed the demands or face a “divorce”, Dr Anwar Gargash, Minister of State for Foreign
// Affairs, said on Saturday.": a sentence closed by a name, its apposition and a cue says all of
// the sentence before the name, where the tagger did not read that cue (the apposition keeps it far
// from what was said).
void read_closing_appositive_attributions(const WordStream& stream, std::vector<uint8_t>& labels);

// "Antony Blinken will travel to Belgium, Poland, Moldova and the Baltic states to coordinate the
// response, the State Department said Wednesday.": a content closed by its attribution at the end of
// the sentence, which the tagger began after a comma, begins with the sentence when the words before
// it hold no quotation, cue or other attribution.
void extend_contents_closed_by_attribution(const WordStream& stream, std::vector<uint8_t>& labels);

// Whether the cue [first, last] is such a frame's "put it": a cue of saying, as "said" is.
bool is_put_it(const std::vector<Word>& w, uint32_t first, uint32_t last);

}  // namespace attache::indexer::attribution
