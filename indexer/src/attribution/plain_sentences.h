// Sentences of the plainest forms of reported speech, read whole where the tagger missed them:
// a subject, "said" and a clause; and a clause, a comma and "said" with its speaker.
#pragma once

#include <cstdint>
#include <vector>

#include "words.h"

namespace attache::indexer::attribution {

// "Foreign Minister Sergei Lavrov said Russia would respond to any provocation", "Smith told
// reporters the summit was cancelled": a sentence that opens with a short subject ending in a
// name or a role, then "said" (or "told reporters"), and says the rest without quotation marks, is
// an attribution where the tagger labelled no content after the cue, or took a word inside the
// clause for a cue of its own ("would respond").
void read_plain_said_sentences(const WordStream& stream, std::vector<uint8_t>& labels);
// "The airport is now in rebel hands, said the official.", "..., a military official said on
// condition of anonymity.": a sentence of an unquoted clause of three words or more, a comma, and
// "said" with a short speaker phrase on either side of it (and after it at most an adjunct of when,
// where or how) is an attribution where the tagger did not read it so.
void read_plain_closing_attributions(const WordStream& stream, std::vector<uint8_t>& labels);
// "... “seems to have arrived intent on grandstanding,” adding that the talks would proceed": a
// participle of saying after a comma, inside content the tagger ran on, opens a second statement
// of the same speaker.
void split_content_at_saying_participles(const WordStream& stream, std::vector<uint8_t>& labels);
// "Zakharova said Prague had expelled 18 diplomats, and that Moscow had responded", "Straw said the
// French position was “extraordinary” and risked sending Saddam Hussein a signal": a second clause
// or predicate joined by "and" to what was said goes on saying it, whatever the tagger read in it
// ("that" as a source, "a signal" as a cue).
void continue_coordinated_content(const WordStream& stream, std::vector<uint8_t>& labels);
// "said the detention was “illegal and invalid” and demanded the captain's immediate release": a
// cue of the [second-cue] list after "and", inside content the tagger ran on from a cue in the
// past, opens a second statement of the same speaker.
void split_content_at_second_cues(const WordStream& stream, std::vector<uint8_t>& labels);

}  // namespace attache::indexer::attribution
