// Loading the compiled-in reporting-cue list.
#include "lexicon.h"

#include <sstream>
#include <unordered_map>

namespace attache::indexer::attribution {

extern const char* const kReportingVerbsText;  // generated from indexer/data/reporting_verbs.txt

namespace {

struct Lexicon {
  // Looked up by string_view without building a string: find_cue runs for every word.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, Cue, Hash, std::equal_to<>> forms;
  Lexicon() {
    std::istringstream in(kReportingVerbsText);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::istringstream words(line);
      Cue cue;
      std::string form;
      while (words >> form) {
        if (cue.base.empty()) cue.base = form;
        forms.emplace(form, cue);
      }
    }
  }
};

const Lexicon& lexicon() {
  static const Lexicon instance;
  return instance;
}

}  // namespace

const Cue* find_cue(std::string_view word) {
  auto it = lexicon().forms.find(word);
  return it == lexicon().forms.end() ? nullptr : &it->second;
}

}  // namespace attache::indexer::attribution
