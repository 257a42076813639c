// Word pairs (common-grams): every two plain terms at consecutive positions of
// which one is a frequent function word ("of the", "the union") is also indexed
// as one term, without positions, so that a phrase holding a stopword is first
// narrowed to the articles holding its pairs (storage/FORMAT.md, "Word pairs").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "attache/storage/document.h"

namespace attache::storage {

// Pair terms begin with this letter, which no folded word holds.
inline constexpr char kWordPairPrefix = 'B';

// Is `term` a plain term (a stem, no field prefix) of the stopword list?
bool is_pair_stopword(std::string_view term);
// Are two plain terms, the first right before the second, indexed as a pair?
bool indexes_word_pair(std::string_view first, std::string_view second);
// The pair's term: the prefix, the first term, a space, the second.
std::string word_pair_term(std::string_view first, std::string_view second);

// The pair terms of a document whose terms are `terms` (each pair once, with
// frequency 1 and no positions), appended to `out`.
void add_word_pairs(const std::vector<TermOccurrences>& terms, std::vector<TermOccurrences>& out);

}  // namespace attache::storage
