// The rules' word lists, read from the data files compiled in
// (indexer/data/speaker_words.txt, attribution_words.txt): sections that open
// with "[name]", words separated by spaces, lines starting with # ignored.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace attache::indexer::attribution {

// Each section's words in file order, by section name without the brackets.
// Words before the first section belong to the section "".
std::map<std::string, std::vector<std::string>> read_word_lists(std::string_view text);

}  // namespace attache::indexer::attribution
