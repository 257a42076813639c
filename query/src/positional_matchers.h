// Phrase and NEAR matchers (positional_matchers.cc), for build_matcher (matchers.cc).
#pragma once

#include <memory>

#include "matchers.h"

namespace attache::query {

// Documents holding the node's terms at its offsets; an empty matcher when a
// term is missing or has no positions, or (options.word_pairs, in a segment
// holding word pairs) a pair of its words is. options.two_phase: positions
// are checked by matches(), not while iterating.
std::unique_ptr<Matcher> make_phrase_matcher(const QueryNode& node, const storage::PostingSource& segment,
                                             ScoringContext& scoring, const MatcherOptions& options);
// Documents where the node's children (words or phrases) lie within its distance.
std::unique_ptr<Matcher> make_near_matcher(const QueryNode& node, const storage::PostingSource& segment,
                                           ScoringContext& scoring, bool two_phase);

}  // namespace attache::query
