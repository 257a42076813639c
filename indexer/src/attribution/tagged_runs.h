// Runs of the tagger's labels (a source, a cue or content, word to word), and
// a reading of labels that the grouping (tagged_attributions.cc) starts from.
#pragma once

#include <cstdint>
#include <vector>

#include "tagger.h"
#include "words.h"

namespace attache::indexer::attribution {

struct Run {
  Part part;
  uint32_t first, last;
  float margin;  // mean over the run's words
};

// The runs of one part each, in order.
std::vector<Run> runs_of(const std::vector<Word>& w, const std::vector<uint8_t>& labels, const std::vector<float>& margins);

// A preposition or conjunction that opens a clause or an adjunct ("until", "after", "in").
bool opens_clause(const Word& word);
// Cuts a source run [first, last] down to the source: "as", "and", "but" closing it, a
// preposition or conjunction opening it, "was quoted ..." and a dateline go.
void trim_source(const std::vector<Word>& w, uint32_t& first, uint32_t& last);
// Words between two runs (0 when they overlap).
int gap(const Run& a, const Run& b);

// Relabels sentences that open with "According to X,": X the source, the rest content.
void read_opening_according_to(const WordStream& stream, std::vector<uint8_t>& labels);
// Joins two source runs the tagger split around a few unlabelled words before a cue.
void join_broken_sources(const WordStream& stream, std::vector<uint8_t>& labels);

}  // namespace attache::indexer::attribution
