// "Turkey's foreign minister says his country is working to arrange a meeting. Mevlut Cavusoglu
// told reporters ...": wire copy describes a speaker first and names them in the next sentence;
// the description's statements are the named person's (speaker_names.h).
#include <algorithm>
#include <cctype>
#include <string>

#include "lexicon.h"
#include "person_roles.h"
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

// Whether the article names `canonical` by its last word, as a word, before byte `before`.
bool named_before(std::string_view text, const std::string& canonical, size_t before) {
  const std::string surname = canonical.substr(canonical.rfind(' ') + 1);
  const std::string_view head = text.substr(0, std::min(before, text.size()));
  auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80); };
  for (size_t at = head.find(surname); at != std::string_view::npos; at = head.find(surname, at + 1)) {
    const size_t end = at + surname.size();
    if ((at == 0 || !letter(head[at - 1])) && (end >= head.size() || !letter(head[end]))) return true;
  }
  return false;
}

// Whether two speaker phrases name different nations ("Israel's ..." and "Iranian ...").
bool other_nations(std::string_view described, std::string_view named) {
  int a = 0, b = 0;
  for (const std::string& word : split_words(described))
    if (!a) a = nation_of_word(word);
  for (const std::string& word : split_words(named))
    if (!b) b = nation_of_word(word);
  return a && b && a != b;
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
    // The same role ("Mayor Igor Kolykhaev" after "The mayor of ..."), or, in the wire's running
    // copy ("Turkey's foreign minister says ... Mevlut Cavusoglu told"), the name alone right after
    // a lead in the present. Not another nation's ("Iranian Foreign Minister Hossein
    // Amir-Abdollahian" after "Israel's foreign minister").
    const std::string named_role = role_in(named.speaker);
    const bool bare_name = named.speaker == named.canonical && described.cue == "says";
    if (named_role != role && !(named_role.empty() && bare_name)) continue;
    if (other_nations(described.speaker, named.speaker)) continue;
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
