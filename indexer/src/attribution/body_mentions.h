// Bodies an article names, with or without an attribution ("Radio Budapest broadcast Nagy's appeal",
// "suspended Mali from the Economic Community of West African States"), so that a later "the station
// said" or "the regional bloc said" is that body. Internal to attribution; SourceSpeakers notes each
// sentence and asks.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "noun_phrases.h"

namespace attache::indexer::attribution {

struct BodyMention {
  std::string canonical;           // "Radio Budapest", "Economic Community of West African States"
  std::vector<std::string> words;  // of its name, as written
  uint32_t word = 0;               // its first word's index
};

class BodyMentions {
 public:
  explicit BodyMentions(const NounPhrases& phrases) : phrases_(phrases), w_(phrases.words()) {}

  // Notes the bodies named outside quotations in the phrases' current sentence: a run of capitalised
  // words holding a word of [body-noun-name] ("Forces", "Community"), or a publication's name.
  void note_sentence();
  // The latest body named before word `before` that the lower-case noun ("station") and the words
  // before it ("regional", lower case) describe.
  const BodyMention* described_by(const std::vector<std::string>& modifiers, std::string_view noun, uint32_t before) const;

 private:
  const NounPhrases& phrases_;
  const std::vector<Word>& w_;
  std::vector<BodyMention> mentions_;
};

}  // namespace attache::indexer::attribution
