// Deriving a document's word pairs from its plain terms' positions, so that a
// pair is indexed exactly when its two terms occur one right after the other.
#include "attache/storage/word_pairs.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace attache::storage {
namespace {

// The most frequent English function words, as their stems (each is its own
// stem; tests/query/word_pairs_test.cc holds the stemmer to that). Short on
// purpose: every word added multiplies the pairs indexed.
constexpr std::array<std::string_view, 24> kStopwords = {
    "a",  "and", "are", "as",  "at", "be",   "by",  "for",  "from", "has", "have", "in",
    "is", "it",  "not", "of",  "on", "our",  "that", "the", "this", "to",  "was",  "with"};

bool is_plain(const TermOccurrences& t) {
  return !t.term.empty() && !t.positions.empty() && !(t.term[0] >= 'A' && t.term[0] <= 'Z');
}

}  // namespace

bool is_pair_stopword(std::string_view term) {
  static_assert(std::is_sorted(kStopwords.begin(), kStopwords.end()));
  return std::binary_search(kStopwords.begin(), kStopwords.end(), term);
}

bool indexes_word_pair(std::string_view first, std::string_view second) {
  auto plain = [](std::string_view t) { return !t.empty() && !(t[0] >= 'A' && t[0] <= 'Z'); };
  return plain(first) && plain(second) && (is_pair_stopword(first) || is_pair_stopword(second));
}

std::string word_pair_term(std::string_view first, std::string_view second) {
  std::string term;
  term.reserve(2 + first.size() + second.size());
  term += kWordPairPrefix;
  term += first;
  term += ' ';
  term += second;
  return term;
}

void add_word_pairs(const std::vector<TermOccurrences>& terms, std::vector<TermOccurrences>& out) {
  // Every occurrence of a plain term as (position, term), in position order;
  // a position may hold several terms (a hyphenated word's parts joined, or
  // a folded word's own stem), and each pairs with each of the next.
  std::vector<bool> stopword(terms.size(), false);
  std::vector<uint64_t> occurrences;
  for (uint32_t i = 0; i < terms.size(); ++i) {
    if (!is_plain(terms[i])) continue;
    stopword[i] = is_pair_stopword(terms[i].term);
    for (uint32_t p : terms[i].positions) occurrences.push_back(uint64_t{p} << 32 | i);
  }
  std::sort(occurrences.begin(), occurrences.end());
  std::vector<uint64_t> pairs;  // first term << 32 | second term
  for (size_t a = 0; a < occurrences.size();) {
    const uint32_t position = static_cast<uint32_t>(occurrences[a] >> 32);
    size_t next = a;
    while (next < occurrences.size() && occurrences[next] >> 32 == position) ++next;
    for (size_t b = next; b < occurrences.size() && occurrences[b] >> 32 == uint64_t{position} + 1; ++b)
      for (size_t k = a; k < next; ++k) {
        const uint32_t first = static_cast<uint32_t>(occurrences[k]), second = static_cast<uint32_t>(occurrences[b]);
        if (stopword[first] || stopword[second]) pairs.push_back(uint64_t{first} << 32 | second);
      }
    a = next;
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  for (uint64_t pair : pairs)
    out.push_back({word_pair_term(terms[pair >> 32].term, terms[static_cast<uint32_t>(pair)].term), 1, {}});
}

}  // namespace attache::storage
