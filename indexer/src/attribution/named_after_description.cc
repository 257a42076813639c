// "Turkey's foreign minister says his country is working to arrange a meeting. Mevlut Cavusoglu
// told reporters ...": wire copy describes a speaker first and names them in the next sentence;
// the description's statements are the named person's (speaker_names.h).
#include <string>

#include "lexicon.h"
#include "speaker_names.h"
#include "words.h"

namespace attache::indexer::attribution {
namespace {

constexpr size_t kLongestGap = 400;  // bytes between the described statement and the named one

// The role noun a speaker phrase holds ("minister" of "Turkey's foreign minister"), or "".
std::string role_in(std::string_view written) {
  for (const std::string& word : split_words(written)) {
    const std::string lower = lowered(word);
    if (is_role_noun(lower)) return lower;
  }
  return {};
}

// Whether the article names `canonical` by its last word before byte `before`.
bool named_before(std::string_view text, const std::string& canonical, size_t before) {
  const std::string surname = canonical.substr(canonical.rfind(' ') + 1);
  return text.substr(0, before).find(surname) != std::string_view::npos;
}

}  // namespace

void name_described_speakers(std::string_view text, std::vector<Statement>& statements) {
  for (size_t i = 0; i + 1 < statements.size(); ++i) {
    Statement& described = statements[i];
    if (described.speaker_kind == SpeakerKind::person || described.canonical.empty() ||
        described.canonical.find(" and ") != std::string::npos)
      continue;
    // One office described ("Turkey's foreign minister", "The mayor of Kherson"), not a source kept
    // anonymous ("A senior official said ... John Smith said" are two people).
    const std::string role = role_in(described.speaker);
    const bool definite = described.speaker.starts_with("The ") || described.speaker.find("'s ") != std::string::npos ||
                          described.speaker.find("\u2019s ") != std::string::npos;
    if (role.empty() || !definite) continue;
    // The next statement, a person named in full for the first time, in the same paragraph.
    size_t k = i + 1;
    while (k < statements.size() && statements[k].canonical == described.canonical) ++k;
    if (k == statements.size()) continue;
    const Statement& named = statements[k];
    if (named.speaker_kind != SpeakerKind::person || named.canonical.find(' ') == std::string::npos ||
        named.begin < described.end || named.begin - described.end > kLongestGap)
      continue;
    const std::string_view between = text.substr(described.end, named.begin - described.end);
    if (between.find("\n\n") != std::string_view::npos || named_before(text, named.canonical, described.begin)) continue;
    // The same role, or none said ("Mayor Igor Kolykhaev" after "The mayor of ...").
    const std::string named_role = role_in(named.speaker);
    if (!named_role.empty() && named_role != role) continue;
    const std::string old = described.canonical;
    std::string description = described.speaker;
    if (description.starts_with("The ") || description.starts_with("the ")) description.erase(0, 4);
    for (size_t j = i; j < k; ++j) {
      if (statements[j].canonical != old) continue;
      statements[j].canonical = named.canonical;
      statements[j].speaker_kind = SpeakerKind::person;
      statements[j].group = false;
      statements[j].description = description;
    }
  }
}

}  // namespace attache::indexer::attribution
