// Names, descriptions and kinds of speakers (speaker_names.h). The word lists
// are indexer/data/speaker_words.txt, compiled in.
#include "speaker_names.h"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "lexicon.h"
#include "word_lists.h"
#include "words.h"

namespace attache::indexer::attribution {

extern const char* const kSpeakerWordsText;

namespace {

enum List {
  kTitle, kParty, kPlace, kStray, kSuffix, kParticle, kOrganisation, kPublicationHead, kPublication, kHonorific,
  kConnector, kLists
};

std::string lower(std::string_view w) {
  std::string s(w);
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// "Sen." and "Sen" alike.
std::string key(std::string_view w) {
  while (w.size() > 1 && w.back() == '.') w.remove_suffix(1);
  return lower(w);
}

bool is_acronym(std::string_view w) {
  int letters = 0;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

class Words {
 public:
  Words() {
    static const std::map<std::string, List> sections = {
        {"title", kTitle},       {"party", kParty},       {"place", kPlace},
        {"stray", kStray},       {"suffix", kSuffix},     {"particle", kParticle},
        {"organisation", kOrganisation}, {"publication-head", kPublicationHead},
        {"publication", kPublication},   {"honorific", kHonorific},   {"connector", kConnector}};
    for (const auto& [name, words] : read_word_lists(kSpeakerWordsText))
      if (auto s = sections.find(name); s != sections.end())
        for (const std::string& word : words) lists_[s->second].insert(key(word));
  }
  // An acronym is not the word it spells ("US" is not "us").
  bool in(List list, std::string_view w) const {
    return lists_[list].count(key(w)) != 0 && (list != kStray || !is_acronym(w));
  }

 private:
  std::unordered_set<std::string> lists_[kLists];
};

const Words& words() {
  static const Words w;
  return w;
}

bool starts_upper(std::string_view w) {
  if (w.empty()) return false;
  unsigned char c = static_cast<unsigned char>(w[0]);
  return (c >= 'A' && c <= 'Z') || c >= 0x80;  // a letter of another script counts as a capital
}

}  // namespace

bool has_capital(std::string_view phrase) {
  return std::any_of(phrase.begin(), phrase.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return (b >= 'A' && b <= 'Z') || b >= 0x80;
  });
}

namespace {

// "Angeles-area", "Florida-based": a place turned into an adjective.
bool is_hyphenated_adjective(std::string_view w) {
  size_t dash = w.rfind('-');
  return dash != std::string_view::npos && dash + 1 < w.size() && w[dash + 1] >= 'a' && w[dash + 1] <= 'z';
}

bool is_possessive(std::string_view w) {
  return w.ends_with("'s") || w.ends_with("\xE2\x80\x99s") || w.ends_with("s'") || w.ends_with("s\xE2\x80\x99");
}

bool is_descriptor(std::string_view w) {
  const Words& l = words();
  return l.in(kTitle, w) || l.in(kParty, w);
}

bool is_honorific_word(std::string_view w) { return words().in(kHonorific, w); }

// "Entrusting", "Speaking": a capitalised participle opens a sentence, not a name.
// "Entrusting"; not "Downing" of "Downing Street", an institution's word.
bool is_participle(std::string_view w) { return w.size() >= 6 && w.ends_with("ing") && !is_institution_word(w); }

bool is_initial(std::string_view w) { return w.size() == 2 && w[0] >= 'A' && w[0] <= 'Z' && w[1] == '.'; }

// "al-Mutairi", "el-Sisi": a particle joined to the capitalised name by a hyphen.
bool hyphenated_particle_name(std::string_view w) {
  const size_t dash = w.find('-');
  return dash != std::string_view::npos && dash + 1 < w.size() && words().in(kParticle, w.substr(0, dash)) &&
         starts_upper(w.substr(dash + 1));
}

// A word that may be part of a person's name.
bool name_like(std::string_view w) {
  const Words& l = words();
  if (is_initial(w) || hyphenated_particle_name(w)) return true;
  return starts_upper(w) && !is_acronym(w) && !is_possessive(w) && !is_hyphenated_adjective(w) &&
         !l.in(kStray, w) && !is_descriptor(w);
}

std::vector<std::string_view> split(std::string_view phrase) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < phrase.size()) {
    while (i < phrase.size() && phrase[i] == ' ') ++i;
    size_t j = i;
    while (j < phrase.size() && phrase[j] != ' ') ++j;
    std::string_view w = phrase.substr(i, j - i);
    while (!w.empty() && (w.back() == ',' || w.back() == ';' || w.back() == ':')) w.remove_suffix(1);
    if (!w.empty()) out.push_back(w);
    i = j;
  }
  return out;
}

std::string join(const std::vector<std::string_view>& w, size_t from, size_t to) {
  std::string s;
  for (size_t i = from; i < to; ++i) (s += s.empty() ? "" : " ") += w[i];
  return s;
}

// Where the person's name starts, scanning back from the last word; w.size()
// when the phrase ends in no name.
size_t name_start(const std::vector<std::string_view>& w) {
  const Words& l = words();
  size_t start = w.size(), collected = 0;
  for (size_t i = w.size(); i-- > 0;) {
    std::string_view word = w[i];
    const bool last = collected == 0;
    if (last && l.in(kSuffix, word) && i + 1 == w.size()) {
      start = i;
      continue;
    }
    if (l.in(kParticle, word) && !last && !starts_upper(word)) {
      start = i;
      continue;
    }
    bool take = name_like(word);
    // A surname that is also a title or a common word ("Steve King",
    // "Theresa May") when a name word comes before it.
    if (!take && last && starts_upper(word) && !is_acronym(word) && !is_possessive(word) && i > 0 &&
        name_like(w[i - 1]))
      take = true;
    if (take && collected >= 2 && l.in(kPlace, word)) take = false;
    if (!take) break;
    start = i;
    ++collected;
  }
  // A particle in lower case opens no name ("de Mistura" is Mistura's); in capitals it is the
  // name's first word ("Le Duc Tho", "De Gaulle").
  while (start < w.size() && ((l.in(kParticle, w[start]) && !starts_upper(w[start])) || l.in(kSuffix, w[start]))) ++start;
  return collected ? start : w.size();
}

bool is_publication(const std::vector<std::string_view>& w, bool group) {
  const Words& l = words();
  for (std::string_view word : w)
    if (l.in(kPublication, word)) return true;
  if (!l.in(kPublicationHead, w.back())) return false;
  return group || w.size() == 1 || starts_upper(w.front());
}

bool mentions_organisation(const std::vector<std::string_view>& w) {
  const Words& l = words();
  for (std::string_view word : w)
    if (l.in(kOrganisation, word)) return true;
  return w.size() == 1 && (is_acronym(w[0]) || l.in(kPlace, w[0]));
}

bool plural(std::string_view w) { return w.size() > 3 && w.back() == 's' && !w.ends_with("ss"); }

}  // namespace

bool is_stray_word(std::string_view word) { return words().in(kStray, word); }
bool is_place_word(std::string_view word) { return words().in(kPlace, word); }
bool is_party_word(std::string_view word) { return words().in(kParty, word); }
bool is_name_suffix(std::string_view word) { return words().in(kSuffix, word); }
bool is_publication_word(std::string_view word) {
  return words().in(kPublication, word) || words().in(kOrganisation, word) || words().in(kPublicationHead, word);
}

bool is_publication_name_word(std::string_view word) {
  return words().in(kPublication, word) || words().in(kPublicationHead, word);
}

bool CommonWords::is_common(std::string_view word) const {
  if (word.empty()) return false;
  auto same = [](char a, char b) { return (a >= 'A' && a <= 'Z' ? a - 'A' + 'a' : a) == (b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b); };
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c & 0x80); };
  size_t lower_case = 0, capitalised = 0;
  for (auto at = text_.begin(); (at = std::search(at, text_.end(), word.begin(), word.end(), same)) != text_.end(); ++at) {
    const size_t begin = static_cast<size_t>(at - text_.begin()), end = begin + word.size();
    if ((begin > 0 && letter(text_[begin - 1])) || (end < text_.size() && letter(text_[end]))) continue;
    if (text_[begin] >= 'a' && text_[begin] <= 'z') {
      ++lower_case;
      continue;
    }
    size_t p = begin;  // capitalised: counted only inside a sentence
    while (p > 0 && (text_[p - 1] == ' ' || text_[p - 1] == '\t')) --p;
    const bool opens_sentence = p == 0 || std::string_view(".!?\"\n:(").find(text_[p - 1]) != std::string_view::npos ||
                                (p >= 3 && static_cast<unsigned char>(text_[p - 3]) == 0xE2);  // curly quote, dash
    if (!opens_sentence) ++capitalised;
  }
  return lower_case > capitalised;
}

// "Her American counterpart, Under Secretary of State Wendy Sherman": the part between commas
// that ends with the name, or with the part before it when the name stands alone ("Iran's
// foreign minister, Mohammad Javad Zarif").
std::string naming_clause(std::string_view written, std::string_view name) {
  std::vector<std::string_view> parts;
  for (size_t at = 0;;) {
    const size_t comma = written.find(',', at);
    std::string_view part = written.substr(at, comma == std::string_view::npos ? std::string_view::npos : comma - at);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    parts.push_back(part);
    if (comma == std::string_view::npos) break;
    at = comma + 1;
  }
  for (size_t k = parts.size(); k-- > 0;) {
    if (!parts[k].ends_with(name.substr(name.rfind(' ') == std::string_view::npos ? 0 : name.rfind(' ') + 1))) continue;
    if (parts[k] == name && k > 0) return std::string(parts[k - 1]) + " " + std::string(parts[k]);
    return std::string(parts[k]);
  }
  return std::string(written);
}

SpeakerName analyse_speaker(std::string_view phrase, bool group, const CommonWords& common) {
  const Words& l = words();
  std::vector<std::string_view> w = split(phrase);
  size_t first = 0;  // words before it are no part of the speaker ("To", "Does", "the")
  // A capitalised word the article otherwise writes in lower case opened the
  // sentence ("Year Barack Obama"), unless what is left would be a single word.
  // A participle opening three words or more did too ("Entrusting Donald Trump").
  // "Under" opens "Under Secretary of State", a title, not the sentence.
  auto stray = [&](size_t i) { return l.in(kStray, w[i]) && !(is_descriptor(w[i]) && i + 1 < w.size() && is_descriptor(w[i + 1])); };
  // A description opens with the noun it is about ("Officials of the West Berlin police"); a
  // capitalised role is a title ("Secretary of State").
  auto head_noun = [&](size_t i) {
    const std::string word = lower(w[i]);
    return group && (is_group_noun(word) || is_group_noun(word + "s") || (is_role_noun(word) && !starts_upper(w[i])));
  };
  while (first + 1 < w.size() && !head_noun(first) && (stray(first) || (!starts_upper(w[first]) && !group) ||
                                  (first + 2 < w.size() && starts_upper(w[first]) &&
                                   (common.is_common(w[first]) || is_participle(w[first])))))
    ++first;
  w.erase(w.begin(), w.begin() + static_cast<std::ptrdiff_t>(first));
  SpeakerName out;
  if (w.empty()) return out;
  out.name = join(w, 0, w.size());
  if (is_publication(w, group)) {
    out.kind = SpeakerKind::publication;
    return out;
  }
  const size_t start = group ? w.size() : name_start(w);
  if (start == w.size()) {  // no name: a collective, an office, an institution, someone unnamed
    // "a senior Administration official" is someone in an organisation, not the organisation.
    out.kind = mentions_organisation(w) && !is_role_noun(lower(w.back())) ? SpeakerKind::organisation : SpeakerKind::group;
    return out;
  }
  const std::string_view last = w.back();
  if (l.in(kOrganisation, last)) {
    out.kind = SpeakerKind::organisation;
    return out;
  }
  if (w.size() == 1) {
    if (is_acronym(last) || l.in(kPlace, last) || l.in(kStray, last)) {
      out.kind = l.in(kPlace, last) && plural(last) ? SpeakerKind::group : SpeakerKind::organisation;
      if (l.in(kStray, last)) out.kind = SpeakerKind::group;
      return out;
    }
    if (common.is_common(last)) {
      out.kind = SpeakerKind::group;
      return out;
    }
  }
  out.name = join(w, start, w.size());
  // The description is what stands before the name, if it describes: mostly
  // titles, parties and places, no stray word but "of", "for", "and" inside.
  // Otherwise the phrase ran over from the sentence (a headline).
  // Two plain capitalised words in a row are a headline's ("China Take Care Of North Korea").
  // An honorific is no description ("the Manhattan-made Mr. Trump"), nor is a plural party
  // ("Democrats Hillary Clinton and Bernie Sanders").
  // An honorific inside is another person's ("Mr. Rubio and Senator Ted Cruz").
  size_t end = start;
  while (end > 0 && (is_honorific_word(w[end - 1]) || key(w[end - 1]) == "dr")) --end;
  size_t descriptors = 0, plain_run = 0;
  bool describes = end > 0;
  for (size_t i = 0; i < end; ++i) {
    const bool connector = i > 0 && l.in(kConnector, w[i]);
    if ((stray(i) && !connector) || is_honorific_word(w[i])) describes = false;
    const bool descriptor = is_descriptor(w[i]) || l.in(kPlace, w[i]) || is_hyphenated_adjective(w[i]);
    descriptors += descriptor;
    plain_run = descriptor || connector || l.in(kOrganisation, w[i]) || is_acronym(w[i]) ? 0 : plain_run + 1;
    if (plain_run >= 2) describes = false;
  }
  if (end == 1 && l.in(kParty, w[0]) && plural(w[0])) describes = false;
  describes = describes && 2 * descriptors >= end;
  if (describes) out.description = join(w, 0, end);
  return out;
}

}  // namespace attache::indexer::attribution

namespace attache::indexer {
namespace {

// "Benjamin Netanyahu and Abu Dhabi Crown Prince Sheikh Mohammed bin Zayed", people speaking
// together: each named as a person alone is ("Benjamin Netanyahu and Mohammed bin Zayed"); a list
// is set apart by commas before its "and". Any other group stays as it is ("Bosnia and
// Herzegovina", "Department of Health and Human Services").
attribution::SpeakerName analyse_speakers(const std::string& canonical, bool group,
                                          const attribution::CommonWords& common) {
  attribution::SpeakerName whole = attribution::analyse_speaker(canonical, group, common);
  const size_t joint = canonical.rfind(" and ");
  if (!group || joint == std::string::npos) return whole;
  std::vector<std::string> parts;
  for (size_t a = 0; a < joint;) {
    const size_t comma = std::min(canonical.find(", ", a), joint);
    parts.push_back(canonical.substr(a, comma - a));
    a = comma + 2;
  }
  parts.push_back(canonical.substr(joint + 5));
  // Names and titles only: "Critics of President Joe Biden and Vice President Kamala Harris" is
  // a group described, not two people.
  for (const std::string& part : parts)
    for (const std::string& word : attribution::split_words(part))
      if (!word.empty() && !(word[0] >= 'A' && word[0] <= 'Z') && !attribution::is_particle(word)) return whole;
  std::vector<std::string> names;
  for (const std::string& part : parts) {
    const auto one = attribution::analyse_speaker(part, false, common);
    if (one.kind != SpeakerKind::person || one.name.find(" and ") != std::string::npos) {
      if (parts.size() > 2) whole.name = canonical;  // "Russia, China and Iran" keeps its commas
      return whole;
    }
    names.push_back(one.name);
  }
  whole.name = attribution::listed(names);
  return whole;
}

}  // namespace

void normalise_speakers(std::string_view text, std::vector<Statement>& statements) {
  attribution::CommonWords common(text);
  std::map<std::string, attribution::SpeakerName> seen;          // canonical as resolved -> analysis
  std::map<std::string, attribution::SpeakerName> seen_written;  // speaker as written -> analysis
  for (Statement& s : statements) {
    if (s.canonical.empty()) continue;
    auto it = seen.find(s.canonical);
    if (it == seen.end()) it = seen.emplace(s.canonical, analyse_speakers(s.canonical, s.group, common)).first;
    s.canonical = it->second.name;
    s.description = it->second.description;
    s.speaker_kind = it->second.kind;
    s.group = s.speaker_kind != SpeakerKind::person;
    // The extractor resolved "Secretary of State John Kerry" to John Kerry; what it wrote before
    // the name describes him.
    if (s.speaker_kind == SpeakerKind::person && s.description.empty() && s.speaker != s.canonical) {
      const std::string phrase = attribution::naming_clause(s.speaker, s.canonical);
      auto written = seen_written.find(phrase);
      if (written == seen_written.end())
        written = seen_written.emplace(phrase, attribution::analyse_speaker(phrase, false, common)).first;
      if (written->second.name == s.canonical) s.description = written->second.description;
    }
  }
  attribution::name_described_speakers(text, statements);
  // Within the article, a person's description holds for all their statements.
  // (Surnames were resolved by the extractor, which knows when a bare surname is
  // someone else: "Mrs. Geraghty" beside Mr. John Geraghty, "President Kennedy"
  // beside "First Lady Jacqueline Kennedy".)
  std::map<std::string, std::string> description;
  for (const Statement& s : statements)
    if (s.speaker_kind == SpeakerKind::person && !s.description.empty()) description.emplace(s.canonical, s.description);
  for (Statement& s : statements)
    if (s.speaker_kind == SpeakerKind::person && s.description.empty())
      if (auto d = description.find(s.canonical); d != description.end()) s.description = d->second;
}

}  // namespace attache::indexer
