// Sources described, not named (anonymous_sources.h).
#include "anonymous_sources.h"

#include <vector>

#include "lexicon.h"
#include "words.h"

namespace attache::indexer::attribution {
namespace {

// The noun a description is about: its first role, group or people noun ("person" of "person
// familiar with the matter", "official" of "senior State Department official").
std::string head_of(const std::vector<std::string>& words) {
  for (const std::string& word : words) {
    const std::string lower = lowered(word);
    if (is_role_noun(lower) || is_group_noun(lower) || names_people(lower) || lower == "source") return lower;
  }
  return {};
}

}  // namespace

std::string AnonymousSources::recall_or_note(const std::string& canonical, bool definite) {
  std::vector<std::string> words = split_words(canonical);
  if (!words.empty() && is_article(lowered(words.front()))) words.erase(words.begin());
  const std::string head = head_of(words);
  if (head.empty()) return canonical;
  if (words.size() == 1) {
    if (!definite) return canonical;
    const auto described = by_head_.find(head);
    return described != by_head_.end() ? described->second : canonical;
  }
  by_head_[head] = canonical;
  return canonical;
}

}  // namespace attache::indexer::attribution
