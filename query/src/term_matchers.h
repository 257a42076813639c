// The leaf matchers (term_matchers.cc), for build_matcher (matchers.cc).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "matchers.h"

namespace attache::query {

// BM25 grows with the frequency and shrinks with the length: the block's
// largest frequency at its shortest length bounds every document in it.
double block_bound(const storage::PostingCursor& c, double weight, double average_length);

// Matches nothing.
std::unique_ptr<Matcher> make_empty_matcher();
// Every id in [first, last): all documents, or a date range; scores 0.
std::unique_ptr<Matcher> make_range_matcher(uint32_t first, uint32_t last);
// A term's postings, scored by BM25 with the term's weight.
std::unique_ptr<Matcher> make_term_matcher(storage::PostingCursor cursor, const storage::PostingSource& segment,
                                           double weight, double average_length);
// The documents where a stem occurs as itself, not only through the words of
// `variants` (its surface terms): see LiteralStemMatcher.
std::unique_ptr<Matcher> make_literal_stem_matcher(storage::PostingCursor stem,
                                                   std::vector<storage::PostingCursor> variants,
                                                   const storage::PostingSource& segment, double weight,
                                                   double average_length);

}  // namespace attache::query
