// The rules' word lists, read from the data files compiled in
// (indexer/data/speaker_words.txt, attribution_words.txt): sections that open
// with "[name]", words separated by spaces, lines starting with # ignored.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace attache::indexer::attribution {

// Each section's words in file order, by section name without the brackets.
// Words before the first section belong to the section "".
std::map<std::string, std::vector<std::string>> read_word_lists(std::string_view text);

// Sets and maps of words looked up by string_view without building a string: the rules ask
// about every word of an article.
struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};
using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;
template <typename Value>
using WordMap = std::unordered_map<std::string, Value, WordHash, std::equal_to<>>;

}  // namespace attache::indexer::attribution
