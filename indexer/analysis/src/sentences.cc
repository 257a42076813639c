// Rule-based sentence splitting: a terminator, optional closing quotes, white
// space and a capital start a new sentence, unless the period belongs to a
// title, an initial or an abbreviation.
#include "attache/analysis/sentences.h"

#include <utf8proc.h>

#include <algorithm>
#include <string>
#include <unordered_set>

namespace attache::analysis {
namespace {

// Periods after these never end a sentence: a name follows.
const std::unordered_set<std::string_view> kTitles = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Capt", "Adm", "Cmdr",
    "Maj", "Pres", "Rev", "Fr", "Hon", "Amb", "Sec", "Mme", "Mlle", "M", "St", "Messrs", "Mt", "Ft", "No",
    "Nos", "Gens", "Reps", "Sens", "Supt", "Insp", "Cpl", "Pvt", "Brig", "Dep", "Atty",
    // as transcripts write their speakers' labels: "MR. KIRBY:", "MS. JEAN-PIERRE:"
    "MR", "MRS", "MS", "DR", "SEN", "REP", "GOV", "GEN", "AMB", "SEC", "PROF"};

// Periods after these end a sentence only when a typical sentence opening follows.
const std::unordered_set<std::string_view> kAbbreviations = {
    "Inc", "Corp", "Ltd", "Co", "Jr", "Sr", "etc", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "vs", "approx", "Dept", "Univ", "Bros", "est", "Ave", "Blvd", "Nos",
    "al", "cf", "ca", "op", "pp", "Vol", "vol", "ed", "eds", "Fig", "fig"};

// Words that commonly open a sentence, used where a period is ambiguous.
const std::unordered_set<std::string_view> kSentenceOpeners = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "Or", "So", "Yet", "In",
    "On", "At", "For", "This", "That", "These", "Those", "There", "His", "Her", "Their", "Its", "Our", "As",
    "If", "When", "While", "After", "Before", "Since", "Although", "Though", "What", "Who", "Why", "How",
    "Where", "Still", "Meanwhile", "However", "Now", "Then", "Some", "Many", "Most", "All", "Both", "Each",
    "Not", "To", "From", "By", "With", "Officials", "Mr", "Mrs", "Ms", "Dr", "Such", "Under", "Over", "One",
    "Two", "Earlier", "Later", "Last", "Next", "According", "During", "Despite", "Instead", "Even", "Only"};

struct Decoded {
  int32_t cp;
  size_t length;
};

Decoded decode_at(std::string_view s, size_t i) {
  const unsigned char byte = static_cast<unsigned char>(s[i]);
  if (byte < 0x80) return {byte, 1};  // most of news: no call into utf8proc
  utf8proc_int32_t cp;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                            static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  if (n <= 0) return {-1, 1};
  return {cp, static_cast<size_t>(n)};
}

bool is_space(int32_t cp) { return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xa0 || cp == 0x2009 || cp == 0x202f; }
bool is_closing(int32_t cp) { return cp == '"' || cp == '\'' || cp == 0x2019 || cp == 0x201d || cp == ')' || cp == ']' || cp == 0xbb; }
bool is_opening(int32_t cp) { return cp == '"' || cp == '\'' || cp == 0x2018 || cp == 0x201c || cp == '(' || cp == '[' || cp == 0xab; }
bool is_terminator(int32_t cp) { return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026; }

bool is_lower(int32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

bool is_letter(int32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  auto cat = utf8proc_category(cp);
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

class Splitter {
 public:
  explicit Splitter(std::string_view text) : text_(text) {}

  std::vector<Sentence> run() {
    size_t i = 0;
    size_t start = 0;
    bool paragraph_start = true;
    while (i < text_.size()) {
      // A blank line ends the paragraph, and with it any sentence.
      if (text_[i] == '\n') {
        size_t j = i + 1;
        while (j < text_.size() && (text_[j] == ' ' || text_[j] == '\t' || text_[j] == '\r')) ++j;
        if (j < text_.size() && text_[j] == '\n') {
          add(start, i, paragraph_start);
          paragraph_start = true;
          while (j < text_.size() && is_space(static_cast<unsigned char>(text_[j]))) ++j;
          start = i = j;
          continue;
        }
      }
      const unsigned char byte = static_cast<unsigned char>(text_[i]);
      if (byte < 0x80 && byte != '.' && byte != '!' && byte != '?') {  // no terminator: the common case
        ++i;
        continue;
      }
      Decoded d = decode_at(text_, i);
      if (!is_terminator(d.cp)) {
        i += d.length;
        continue;
      }
      size_t end = i;
      bool single_period = d.cp == '.';
      int terminators = 0;
      while (end < text_.size()) {
        Decoded t = decode_at(text_, end);
        if (!is_terminator(t.cp)) break;
        ++terminators;
        end += t.length;
      }
      if (terminators > 1) single_period = false;
      bool closed = false;
      while (end < text_.size()) {
        Decoded c = decode_at(text_, end);
        if (!is_closing(c.cp)) break;
        closed = true;
        end += c.length;
      }
      if (boundary(i, end, single_period && !closed)) {
        if (add(start, end, paragraph_start)) paragraph_start = false;
        start = end;
      }
      i = end;
    }
    add(start, text_.size(), paragraph_start);
    return std::move(sentences_);
  }

 private:
  // Is there a sentence boundary after the terminator at `at`, whose
  // punctuation (with closing quotes) ends at `end`?
  bool boundary(size_t at, size_t end, bool bare_period) const {
    if (end >= text_.size()) return false;  // the text's end closes it anyway
    if (!is_space(decode_at(text_, end).cp)) return false;
    size_t next = end;
    while (next < text_.size() && is_space(decode_at(text_, next).cp)) next += decode_at(text_, next).length;
    if (next >= text_.size()) return false;
    size_t word_at = next;
    while (word_at < text_.size() && is_opening(decode_at(text_, word_at).cp)) word_at += decode_at(text_, word_at).length;
    if (word_at < text_.size() && is_lower(decode_at(text_, word_at).cp)) return false;
    if (!bare_period) return true;

    std::string_view before = word_before(at);
    std::string_view after = word_after(word_at);
    if (kTitles.count(before)) return false;
    bool initial = before.size() == 1 && before[0] >= 'A' && before[0] <= 'Z';
    bool acronym = before.size() >= 1 && at >= before.size() + 1 && text_[at - before.size() - 1] == '.';
    bool abbreviation = kAbbreviations.count(before) > 0;
    if (initial || acronym || abbreviation) return kSentenceOpeners.count(after) > 0;
    return true;
  }

  // The run of letters ending just before `at`.
  std::string_view word_before(size_t at) const {
    size_t begin = at;
    while (begin > 0) {
      size_t b = begin - 1;
      while (b > 0 && (static_cast<unsigned char>(text_[b]) & 0xc0) == 0x80) --b;
      if (!is_letter(decode_at(text_, b).cp)) break;
      begin = b;
    }
    return text_.substr(begin, at - begin);
  }

  std::string_view word_after(size_t at) const {
    size_t end = at;
    while (end < text_.size()) {
      Decoded d = decode_at(text_, end);
      if (!is_letter(d.cp)) break;
      end += d.length;
    }
    return text_.substr(at, end - at);
  }

  bool add(size_t begin, size_t end, bool paragraph_start) {
    while (begin < end && is_space(static_cast<unsigned char>(text_[begin]))) ++begin;
    while (end > begin && is_space(static_cast<unsigned char>(text_[end - 1]))) --end;
    if (begin >= end) return false;
    // Stray punctuation (". ." in sloppy copy) belongs to the sentence before.
    bool has_word = false;
    for (size_t i = begin; i < end && !has_word; i += decode_at(text_, i).length) {
      int32_t cp = decode_at(text_, i).cp;
      has_word = is_letter(cp) || (cp >= '0' && cp <= '9') || (cp >= 0x80 && utf8proc_category(cp) == UTF8PROC_CATEGORY_ND);
    }
    if (!has_word) {
      if (!paragraph_start && !sentences_.empty()) sentences_.back().end = static_cast<uint32_t>(end);
      return false;
    }
    sentences_.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end), paragraph_start});
    return true;
  }

  std::string_view text_;
  std::vector<Sentence> sentences_;
};

// Where the blank line of a '\n' at `at` ends (after its second '\n'), or 0
// when the '\n' opens no blank line. The splitter's own test, as in run().
size_t blank_line_end(std::string_view text, size_t at) {
  size_t j = at + 1;
  while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
  return j < text.size() && text[j] == '\n' ? j + 1 : 0;
}

}  // namespace

std::vector<Sentence> split_sentences(std::string_view text) { return Splitter(text).run(); }

std::vector<Sentence> split_sentences_within(std::string_view text, size_t begin, size_t end) {
  // From the last blank line wholly before `begin` (or the text's start) to the
  // end of the first blank line at or after `end` (or the text's end). A slice
  // that starts with a blank line leaves the splitter as the whole text does
  // after it; one that ends with a blank line closes its last sentence as the
  // blank line does in the whole text.
  end = std::min(end, text.size());
  begin = std::min(begin, end);
  size_t first = 0;
  for (size_t k = begin; k-- > 0;)
    if (text[k] == '\n' && blank_line_end(text, k) != 0 && blank_line_end(text, k) <= begin) {
      first = k;
      break;
    }
  size_t last = text.size();
  for (size_t k = end; k < text.size(); ++k)
    if (text[k] == '\n' && blank_line_end(text, k) != 0) {
      last = blank_line_end(text, k);
      break;
    }
  std::vector<Sentence> sentences = Splitter(text.substr(first, last - first)).run();
  for (Sentence& s : sentences) {
    s.begin += static_cast<uint32_t>(first);
    s.end += static_cast<uint32_t>(first);
  }
  return sentences;
}

}  // namespace attache::analysis
