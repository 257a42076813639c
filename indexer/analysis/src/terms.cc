// Speaker terms (terms.h): one layout shared by both backends and by the
// statement search that re-analyses text.
#include "attache/analysis/terms.h"

#include "attache/analysis/tokenizer.h"

namespace attache::analysis {

std::vector<std::string> speaker_words(std::string_view name) {
  std::vector<Token> tokens;
  tokenize(name, tokens);
  std::vector<std::string> words;
  for (const Token& t : tokens)
    if (!t.compound) words.push_back(t.text);
  return words;
}

void speaker_terms(std::string_view canonical, std::string_view description,
                   std::vector<std::pair<std::string, uint32_t>>& out) {
  out.clear();
  std::vector<std::string> name = speaker_words(canonical);
  if (name.size() > kSpeakerStride - 2) name.resize(kSpeakerStride - 2);
  out.emplace_back(kSpeakerStart, 0);
  for (const auto& w : name) out.emplace_back(field_term(kSpeakerPrefix, w), static_cast<uint32_t>(out.size()));
  out.emplace_back(kSpeakerEnd, static_cast<uint32_t>(out.size()));
  for (const auto& w : speaker_words(description)) {
    if (out.size() >= kSpeakerStride) break;
    out.emplace_back(field_term(kSpeakerPrefix, w), static_cast<uint32_t>(out.size()));
  }
}

}  // namespace attache::analysis
