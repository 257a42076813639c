// Statements extracted from a test's own text, with their spans as text: what
// the attribution tests check.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "attache/indexer/statements.h"

namespace attache::testing {

struct Found {
  std::string speaker, canonical, text, cue;
  indexer::StatementKind kind;
  float confidence;
};

inline std::vector<Found> find(std::string_view text) {
  std::vector<Found> out;
  for (const indexer::Statement& s : indexer::extract_statements(text))
    out.push_back({s.speaker, s.canonical, std::string(text.substr(s.begin, s.end - s.begin)), s.cue, s.kind,
                   s.confidence});
  return out;
}

// The statement whose text holds these words, or nullptr.
inline const Found* saying(const std::vector<Found>& found, std::string_view words) {
  for (const Found& f : found)
    if (f.text.find(words) != std::string::npos) return &f;
  return nullptr;
}

}  // namespace attache::testing
