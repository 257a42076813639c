// What the tagger sees of each word: the word and its neighbours, its shape,
// the cue lexicon, quotation state, and where it stands relative to the
// sentence's cues and quotations. Each feature is a hash of a template number
// and its values.
#include <algorithm>
#include <cctype>

#include "lexicon.h"
#include "tagger.h"

namespace attache::indexer::attribution {
namespace {

struct Hash {
  uint64_t h = 1469598103934665603ull;
  Hash& add(std::string_view s) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    h = (h ^ 0xff) * 1099511628211ull;  // separator
    return *this;
  }
  Hash& add(int v) {
    for (int i = 0; i < 4; ++i) h = (h ^ static_cast<unsigned char>(v >> (8 * i))) * 1099511628211ull;
    return *this;
  }
};

// Word classes from the lexicons: what a speaker phrase is made of.
enum Class : int { plain, punctuation, pronoun, title, honorific, role, group, institution, determiner };

struct WordInfo {
  std::string lower;
  std::string shape;
  std::string suffix;
  std::string cue;  // the cue's base form, or empty
  int klass = plain;
  int quote = 0;  // 0 outside, 1 inside, 2 opening mark, 3 closing mark
};

std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Xx, x, X, d and punctuation, runs collapsed: "McCain" -> "XxXx", "U.S." -> "X.X.".
std::string shape_of(const Word& w) {
  if (w.kind != WordKind::word) return w.text;
  std::string s;
  for (unsigned char c : w.text) {
    char k = std::isupper(c) ? 'X' : std::islower(c) ? 'x' : std::isdigit(c) ? 'd' : c >= 0x80 ? 'x' : static_cast<char>(c);
    if (s.empty() || s.back() != k) s += k;
  }
  return s;
}

int class_of(const Word& w, const std::string& lower) {
  if (w.kind != WordKind::word) return punctuation;
  static const std::string_view kPronouns[] = {"he", "she", "they", "i", "we", "it", "you", "who"};
  for (auto p : kPronouns)
    if (lower == p) return pronoun;
  if (lower == "the" || lower == "a" || lower == "an") return determiner;
  int gender = 0;
  if (is_honorific(w.text, gender)) return honorific;
  if (is_group_noun(lower)) return group;
  if (is_role_noun(lower)) return role;
  if (w.capitalized && is_institution_word(w.text)) return institution;
  if (w.capitalized && is_title_word(w.text)) return title;
  return plain;
}

int bucket(int distance) {
  int d = distance < 0 ? -distance : distance;
  int b = d <= 3 ? d : d <= 6 ? 4 : d <= 10 ? 5 : d <= 20 ? 6 : 7;
  return distance < 0 ? -b : b;
}

std::vector<WordInfo> describe(const WordStream& stream) {
  std::vector<WordInfo> info(stream.words.size());
  for (size_t i = 0; i < info.size(); ++i) {
    const Word& w = stream.words[i];
    WordInfo& x = info[i];
    x.lower = w.kind == WordKind::word ? lowered(w.text) : w.text;
    x.shape = shape_of(w);
    x.suffix = x.lower.size() > 3 ? x.lower.substr(x.lower.size() - 3) : x.lower;
    if (w.kind == WordKind::word) {
      if (const Cue* cue = find_cue(x.lower)) x.cue = cue->base;
      else if (x.lower == "according") x.cue = "according";
    }
    x.klass = class_of(w, x.lower);
    x.quote = w.kind == WordKind::quote_open ? 2 : w.kind == WordKind::quote_close ? 3 : w.quote >= 0 ? 1 : 0;
  }
  return info;
}

// Per sentence: its cue words, whether it holds a quotation, how it ends.
struct SentenceInfo {
  std::vector<uint32_t> cues;
  bool quoted = false;
  bool ends_with_colon = false;
};

}  // namespace

std::vector<Sequence> tagged_sequences(const WordStream& stream) {
  std::vector<Sequence> out;
  const auto& w = stream.words;
  for (uint32_t i = 0; i < w.size();) {
    uint32_t e = i;
    bool trigger = false;
    while (e < w.size() && w[e].paragraph == w[i].paragraph) {
      const Word& x = w[e];
      if (x.kind == WordKind::quote_open || x.kind == WordKind::quote_close || x.kind == WordKind::colon) trigger = true;
      if (!trigger && x.kind == WordKind::word) {
        std::string l = lowered(x.text);
        trigger = find_cue(l) != nullptr || l == "according";
      }
      ++e;
    }
    if (trigger) out.push_back({i, e});
    i = e;
  }
  return out;
}

WordFeatures extract_features(const WordStream& stream, uint32_t row_bits) {
  const auto& w = stream.words;
  const std::vector<WordInfo> info = describe(stream);
  const uint32_t n = static_cast<uint32_t>(w.size());
  const uint32_t sentences = static_cast<uint32_t>(stream.sentence_first_word.size()) - 1;
  std::vector<SentenceInfo> sent(sentences + 1);
  for (uint32_t i = 0; i < n; ++i) {
    SentenceInfo& s = sent[w[i].sentence];
    if (!info[i].cue.empty() && info[i].quote == 0) s.cues.push_back(i);
    if (info[i].quote != 0) s.quoted = true;
    if (w[i].kind == WordKind::colon) s.ends_with_colon = true;
    else if (w[i].kind != WordKind::terminator && w[i].kind != WordKind::quote_close) s.ends_with_colon = false;
  }
  static const WordInfo kEdge{"<edge>", "<edge>", "", "", -1, -1};
  auto at = [&](int64_t k) -> const WordInfo& { return k < 0 || k >= n ? kEdge : info[k]; };
  const uint64_t mask = (uint64_t{1} << row_bits) - 1;

  WordFeatures out;
  bool paragraph_opens_quoted = false;
  out.offsets.reserve(n + 1);
  out.hashes.reserve(size_t{n} * 32);
  for (uint32_t i = 0; i < n; ++i) {
    out.offsets.push_back(static_cast<uint32_t>(out.hashes.size()));
    auto emit = [&](const Hash& h) { out.hashes.push_back(static_cast<uint32_t>((h.h ^ (h.h >> 29)) & mask)); };
    const WordInfo& x = info[i];
    const WordInfo& p1 = at(int64_t{i} - 1);
    const WordInfo& p2 = at(int64_t{i} - 2);
    const WordInfo& n1 = at(int64_t{i} + 1);
    const WordInfo& n2 = at(int64_t{i} + 2);
    const uint32_t s = w[i].sentence;
    const SentenceInfo& si = sent[s];
    // The nearest cue of the sentence, signed (negative: the cue comes later).
    int cue_distance = 1000;
    const std::string* cue = nullptr;
    for (uint32_t c : si.cues) {
      int d = static_cast<int>(i) - static_cast<int>(c);
      if (std::abs(d) < std::abs(cue_distance)) {
        cue_distance = d;
        cue = &info[c].cue;
      }
    }
    const int cue_bucket = cue ? bucket(cue_distance) : 99;
    const int cue_side = cue ? (cue_distance > 0) - (cue_distance < 0) : 9;
    const bool first_in_sentence = stream.sentence_first_word[s] == i;
    const bool previous_colon = s > 0 && sent[s - 1].ends_with_colon;
    const bool previous_cue = s > 0 && !sent[s - 1].cues.empty();
    const uint32_t sentence_end = stream.sentence_first_word[s + 1];
    const int from_start = bucket(static_cast<int>(i - stream.sentence_first_word[s]));
    const int to_end = bucket(static_cast<int>(sentence_end - i));
    if (i == 0 || w[i - 1].paragraph != w[i].paragraph) paragraph_opens_quoted = w[i].kind == WordKind::quote_open;
    const int cap = w[i].capitalized;

    emit(Hash().add(0));
    emit(Hash().add(1).add(x.lower));
    emit(Hash().add(2).add(p1.lower));
    emit(Hash().add(3).add(n1.lower));
    emit(Hash().add(4).add(p2.lower));
    emit(Hash().add(5).add(n2.lower));
    emit(Hash().add(6).add(p1.lower).add(x.lower));
    emit(Hash().add(7).add(x.lower).add(n1.lower));
    emit(Hash().add(8).add(x.shape));
    emit(Hash().add(9).add(p1.shape).add(x.shape).add(n1.shape));
    emit(Hash().add(10).add(x.suffix));
    emit(Hash().add(11).add(x.cue));
    emit(Hash().add(12).add(p1.klass).add(x.klass).add(n1.klass));
    emit(Hash().add(13).add(p1.quote).add(x.quote).add(n1.quote));
    emit(Hash().add(14).add(cue_bucket).add(x.quote));
    emit(Hash().add(15).add(cue ? *cue : "").add(cue_side).add(x.quote));
    emit(Hash().add(16).add(si.quoted).add(!si.cues.empty()).add(x.quote));
    emit(Hash().add(17).add(paragraph_opens_quoted).add(x.quote).add(!si.cues.empty()));
    emit(Hash().add(18).add(previous_colon).add(previous_cue).add(x.quote).add(!si.cues.empty()));
    emit(Hash().add(19).add(from_start).add(to_end).add(x.quote));
    emit(Hash().add(20).add(x.lower).add(cue_side));
    emit(Hash().add(21).add(x.klass).add(cue_bucket));
    emit(Hash().add(22).add(cap).add(cue_bucket).add(x.klass));
    emit(Hash().add(23).add(p1.cue).add(x.lower));
    emit(Hash().add(24).add(x.lower).add(n1.cue));
    emit(Hash().add(25).add(first_in_sentence).add(x.shape).add(x.quote));
    emit(Hash().add(26).add(p2.cue).add(p1.lower).add(x.klass));
    emit(Hash().add(27).add(x.klass).add(n1.lower).add(n2.cue));
    emit(Hash().add(28).add(n1.cue).add(n2.cue).add(x.klass).add(cap));
    emit(Hash().add(29).add(p1.cue).add(p2.cue).add(x.klass).add(x.quote));
  }
  out.offsets.push_back(static_cast<uint32_t>(out.hashes.size()));
  return out;
}

}  // namespace attache::indexer::attribution
