// What the tagger sees of each word: the word and its neighbours, its shape,
// the cue lexicon, quotation state, and where it stands relative to the
// sentence's cues and quotations. Each feature is a hash of a template number
// and its values.
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "feature_hash.h"
#include "lexicon.h"
#include "tagger.h"

namespace attache::indexer::attribution {
namespace {

constexpr size_t kTemplates = 30;  // features per word, one of each template below

// Word classes from the lexicons: what a speaker phrase is made of.
enum Class : int { plain, punctuation, pronoun, title, honorific, role, group, institution, determiner };

// A word as the templates see it, its strings hashed once.
struct WordInfo {
  uint64_t lower = 0, shape = 0, suffix = 0;
  uint64_t cue = 0;  // of the cue's base form, 0 if none
  int klass = plain;
  int quote = 0;  // 0 outside, 1 inside, 2 opening mark, 3 closing mark
};

// A word's text as the templates see it: quotation marks are one mark whatever
// the style ("...", ''...'', curly) and a curly apostrophe is a straight one, so that
// what one publisher's typography teaches the tagger holds for every other's.
std::string typographic_text(const Word& w) {
  if (w.kind == WordKind::quote_open) return "\u201c";
  if (w.kind == WordKind::quote_close) return "\u201d";
  constexpr std::string_view kCurly = "\u2019";
  std::string text;
  for (size_t at = 0; at < w.text.size();) {
    const size_t next = std::min(w.text.find(kCurly, at), w.text.size());
    text.append(w.text, at, next - at);
    if (next == w.text.size()) break;
    text += '\'';
    at = next + kCurly.size();
  }
  return text;
}

// Xx, x, X, d and punctuation, runs collapsed: "McCain" -> "XxXx", "U.S." -> "X.X.".
std::string shape_of(const Word& w, const std::string& text) {
  if (w.kind != WordKind::word) return text;
  std::string s;
  for (unsigned char c : text) {
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

WordInfo describe_uncached(const Word& w) {
  WordInfo x;
  const std::string text = typographic_text(w);
  const std::string lower = w.kind == WordKind::word ? lowered(text) : text;
  x.lower = hash_text(lower);
  x.shape = hash_text(shape_of(w, text));
  x.suffix = hash_text(lower.size() > 3 ? std::string_view(lower).substr(lower.size() - 3) : std::string_view(lower));
  if (w.kind == WordKind::word) {
    if (const Cue* cue = find_cue(lower)) x.cue = hash_text(cue->base);
    else if (lower == "according") x.cue = hash_text(lower);
  }
  x.klass = class_of(w, lower);
  return x;
}

// What a word's text says of it depends on nothing else (its capital follows
// from the text), and the words of news repeat: each thread remembers the words
// it described last, one per slot of a table indexed by the text's hash, so a
// word is lowercased, shaped and looked up in the lexicons once rather than at
// every occurrence (a map of every word seen cost a sixth of attribution in
// hashing and chasing its nodes). Punctuation is cheap and its kind depends on
// where it stands, so it is described each time.
WordInfo described(const Word& w) {
  if (w.kind != WordKind::word) return describe_uncached(w);
  struct Slot {
    std::string text;
    WordInfo info;
    bool used = false;
  };
  constexpr size_t kSlots = size_t{1} << 16;
  thread_local std::vector<Slot> slots(kSlots);
  const uint64_t h = hash_text(w.text);
  Slot& slot = slots[(h ^ (h >> 32)) & (kSlots - 1)];
  if (!slot.used || slot.text != w.text) {
    slot.text.assign(w.text);
    slot.info = describe_uncached(w);
    slot.used = true;
  }
  return slot.info;
}

WordInfo describe(const Word& w) {
  WordInfo x = described(w);
  x.quote = w.kind == WordKind::quote_open ? 2 : w.kind == WordKind::quote_close ? 3 : w.quote >= 0 ? 1 : 0;
  return x;
}

// Per sentence: its cue words, whether it holds a quotation, how it ends.
struct SentenceInfo {
  std::vector<uint32_t> cues;
  bool quoted = false;
  bool ends_with_colon = false;
};

}  // namespace

std::vector<Sequence> tagged_sequences(const WordStream& stream) {
  const auto& w = stream.words;
  // A sentence is read when it holds a quotation mark, a colon, a cue or quoted words, or when
  // the sentence before it in its paragraph ends with a colon; runs of such sentences in one
  // paragraph are the sequences.
  std::vector<Sequence> out;
  bool previous_colon = false;
  for (uint32_t i = 0; i < w.size();) {
    uint32_t e = i;
    bool trigger = false, colon = false;
    while (e < w.size() && w[e].sentence == w[i].sentence) {
      const Word& x = w[e];
      if (x.kind != WordKind::word || x.quote >= 0) {
        trigger = trigger || x.kind == WordKind::quote_open || x.kind == WordKind::quote_close ||
                  x.kind == WordKind::colon || x.quote >= 0;
      } else if (!trigger) {
        trigger = described(x).cue != 0;  // a cue of the lexicon, or "according"
      }
      if (x.kind == WordKind::colon) colon = true;
      else if (x.kind != WordKind::terminator && x.kind != WordKind::quote_close) colon = false;
      ++e;
    }
    const bool same_paragraph = !out.empty() && out.back().end == i && w[i].paragraph == w[i - 1].paragraph;
    if (trigger || (previous_colon && i > 0 && w[i].paragraph == w[i - 1].paragraph)) {
      if (same_paragraph) out.back().end = e;
      else out.push_back({i, e});
    }
    previous_colon = colon;
    i = e;
  }
  return out;
}

WordFeatures extract_features(const WordStream& stream, const std::vector<Sequence>& sequences, uint32_t row_bits) {
  const auto& w = stream.words;
  const uint32_t n = static_cast<uint32_t>(w.size());
  const uint64_t mask = (uint64_t{1} << row_bits) - 1;
  WordFeatures out;
  constexpr uint32_t kUnset = UINT32_MAX;
  out.offsets.assign(n + 1, kUnset);
  size_t tagged = 0;
  for (const Sequence& q : sequences) tagged += q.end - q.first;
  out.hashes.resize(tagged * kTemplates);
  uint32_t* next = out.hashes.data();
  std::vector<WordInfo> info;
  std::vector<SentenceInfo> sent;
  const uint64_t edge = hash_text("<edge>");
  const WordInfo kEdge{edge, edge, 0, 0, -1, -1};
  for (const Sequence& q : sequences) {
    info.clear();
    for (uint32_t i = q.first; i < q.end; ++i) info.push_back(describe(w[i]));
    const uint32_t first_sentence = w[q.first].sentence;
    sent.assign(w[q.end - 1].sentence - first_sentence + 1, SentenceInfo{});
    for (uint32_t i = q.first; i < q.end; ++i) {
      SentenceInfo& s = sent[w[i].sentence - first_sentence];
      const WordInfo& x = info[i - q.first];
      if (x.cue && x.quote == 0) s.cues.push_back(i);
      if (x.quote != 0) s.quoted = true;
      if (w[i].kind == WordKind::colon) s.ends_with_colon = true;
      else if (w[i].kind != WordKind::terminator && w[i].kind != WordKind::quote_close) s.ends_with_colon = false;
    }
    auto at = [&](int64_t k) -> const WordInfo& { return k < q.first || k >= q.end ? kEdge : info[k - q.first]; };
    const bool paragraph_opens_quoted = w[q.first].kind == WordKind::quote_open;
    for (uint32_t i = q.first; i < q.end; ++i) {
      out.offsets[i] = static_cast<uint32_t>(next - out.hashes.data());
      auto emit = [&](const Hash& h) { *next++ = static_cast<uint32_t>(h.h & mask); };
      const WordInfo& x = info[i - q.first];
      const WordInfo& p1 = at(int64_t{i} - 1);
      const WordInfo& p2 = at(int64_t{i} - 2);
      const WordInfo& n1 = at(int64_t{i} + 1);
      const WordInfo& n2 = at(int64_t{i} + 2);
      const uint32_t s = w[i].sentence - first_sentence;
      const SentenceInfo& si = sent[s];
      // The nearest cue of the sentence, signed (negative: the cue comes later).
      int cue_distance = 1000;
      uint64_t cue = 0;
      for (uint32_t c : si.cues) {
        int d = static_cast<int>(i) - static_cast<int>(c);
        if (std::abs(d) < std::abs(cue_distance)) {
          cue_distance = d;
          cue = info[c - q.first].cue;
        }
      }
      const int cue_bucket = cue ? bucket(cue_distance) : 99;
      const int cue_side = cue ? (cue_distance > 0) - (cue_distance < 0) : 9;
      const uint32_t sentence_first = std::max(q.first, stream.sentence_first_word[w[i].sentence]);
      const uint32_t sentence_end = std::min(q.end, stream.sentence_first_word[w[i].sentence + 1]);
      const bool first_in_sentence = sentence_first == i;
      const bool previous_colon = s > 0 && sent[s - 1].ends_with_colon;
      const bool previous_cue = s > 0 && !sent[s - 1].cues.empty();
      const int from_start = bucket(static_cast<int>(i - sentence_first));
      const int to_end = bucket(static_cast<int>(sentence_end - i));
      const int cap = w[i].capitalized;
      const uint64_t has_cue = !si.cues.empty();
      auto u = [](int v) { return static_cast<uint64_t>(static_cast<int64_t>(v)); };

      emit(Hash(0));
      emit(Hash(1).add(x.lower));
      emit(Hash(2).add(p1.lower));
      emit(Hash(3).add(n1.lower));
      emit(Hash(4).add(p2.lower));
      emit(Hash(5).add(n2.lower));
      emit(Hash(6).add(p1.lower).add(x.lower));
      emit(Hash(7).add(x.lower).add(n1.lower));
      emit(Hash(8).add(x.shape));
      emit(Hash(9).add(p1.shape).add(x.shape).add(n1.shape));
      emit(Hash(10).add(x.suffix));
      emit(Hash(11).add(x.cue));
      emit(Hash(12).add(u(p1.klass)).add(u(x.klass)).add(u(n1.klass)));
      emit(Hash(13).add(u(p1.quote)).add(u(x.quote)).add(u(n1.quote)));
      emit(Hash(14).add(u(cue_bucket)).add(u(x.quote)));
      emit(Hash(15).add(cue).add(u(cue_side)).add(u(x.quote)));
      emit(Hash(16).add(si.quoted).add(has_cue).add(u(x.quote)));
      emit(Hash(17).add(paragraph_opens_quoted).add(u(x.quote)).add(has_cue));
      emit(Hash(18).add(previous_colon).add(previous_cue).add(u(x.quote)).add(has_cue));
      emit(Hash(19).add(u(from_start)).add(u(to_end)).add(u(x.quote)));
      emit(Hash(20).add(x.lower).add(u(cue_side)));
      emit(Hash(21).add(u(x.klass)).add(u(cue_bucket)));
      emit(Hash(22).add(u(cap)).add(u(cue_bucket)).add(u(x.klass)));
      emit(Hash(23).add(p1.cue).add(x.lower));
      emit(Hash(24).add(x.lower).add(n1.cue));
      emit(Hash(25).add(first_in_sentence).add(x.shape).add(u(x.quote)));
      emit(Hash(26).add(p2.cue).add(p1.lower).add(u(x.klass)));
      emit(Hash(27).add(u(x.klass)).add(n1.lower).add(n2.cue));
      emit(Hash(28).add(n1.cue).add(n2.cue).add(u(x.klass)).add(u(cap)));
      emit(Hash(29).add(p1.cue).add(p2.cue).add(u(x.klass)).add(u(x.quote)));
    }
    out.offsets[q.end] = static_cast<uint32_t>(next - out.hashes.data());
  }
  // Words outside every sequence have no features: their offsets close the gaps.
  if (out.offsets[n] == kUnset) out.offsets[n] = static_cast<uint32_t>(out.hashes.size());
  for (uint32_t i = n; i-- > 0;)
    if (out.offsets[i] == kUnset) out.offsets[i] = out.offsets[i + 1];
  return out;
}

}  // namespace attache::indexer::attribution
