#include "word_lists.h"

#include <sstream>

namespace attache::indexer::attribution {

std::map<std::string, std::vector<std::string>> read_word_lists(std::string_view text) {
  std::map<std::string, std::vector<std::string>> lists;
  std::istringstream in{std::string(text)};
  std::string line, word, section;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (line.front() == '[' && line.back() == ']') {
      section = line.substr(1, line.size() - 2);
      continue;
    }
    std::istringstream words(line);
    while (words >> word) lists[section].push_back(word);
  }
  return lists;
}

}  // namespace attache::indexer::attribution
