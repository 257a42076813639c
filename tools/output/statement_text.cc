// A direct statement's quoted parts without the attribution between them (statement_text.h).
#include "statement_text.h"

#include <cctype>

namespace attache::cli {
namespace {

constexpr size_t kLongestAttribution = 200;  // bytes between a closing and an opening mark

// The length of a closing mark at `at` in s, 0 if none: ” and "; ’ and '' only after a comma or
// a sentence's end (an apostrophe inside a word closes nothing).
size_t closing_mark(std::string_view s, size_t at) {
  if (s.substr(at, 3) == "\u201d" || s.substr(at, 1) == "\"") return s[at] == '"' ? 1 : 3;
  if (s.substr(at, 2) == "\u00bb") return 2;
  const bool after_punctuation = at > 0 && std::string_view(",.!?").find(s[at - 1]) != std::string_view::npos;
  if (after_punctuation && s.substr(at, 3) == "\u2019") return 3;
  if (after_punctuation && s.substr(at, 2) == "''") return 2;
  return 0;
}

// The length of an opening mark at `at`, 0 if none: “, ", ‘, ``, and '' before a word.
size_t opening_mark(std::string_view s, size_t at) {
  if (s.substr(at, 3) == "\u201c" || s.substr(at, 3) == "\u2018" || s.substr(at, 3) == "\u201e") return 3;
  if (s.substr(at, 2) == "\u00ab") return 2;
  if (s.substr(at, 2) == "``" || s.substr(at, 2) == "''") return 2;
  return s.substr(at, 1) == "\"" ? 1 : 0;
}

// Whether the text just before `begin` is an opening mark, a space after it as French sets «.
bool opened_by_mark(std::string_view text, size_t begin) {
  if (begin > 0 && text[begin - 1] == ' ') --begin;
  for (size_t length : {1, 2, 3})
    if (begin >= length && opening_mark(text, begin - length) == length) return true;
  return false;
}

bool any_mark(std::string_view s) {
  return s.find('"') != std::string_view::npos || s.find("\u201c") != std::string_view::npos ||
         s.find("\u00ab") != std::string_view::npos || s.find("\u00bb") != std::string_view::npos ||
         s.find("\u201d") != std::string_view::npos || s.find("''") != std::string_view::npos ||
         s.find("``") != std::string_view::npos || s.find("\u2018") != std::string_view::npos;
}

// Joins the part said before the attribution to the part after it: "anyone," and "we are" as
// "anyone, we are"; "understand," and "is that" as "understand is that"; "anyone," and "We are"
// as "anyone. We are", and so "anyone" and "We are" where the comma stood outside the marks
// (not "I met with" and "President Biden", where no comma stood).
void join(std::string& out, std::string_view next, bool comma_outside) {
  while (!out.empty() && out.back() == ' ') out.pop_back();
  const bool capital = !next.empty() && next[0] >= 'A' && next[0] <= 'Z';
  if (!out.empty() && out.back() == ',') {
    if (capital) out.back() = '.';
    else out.pop_back();
  } else if (capital && comma_outside && !out.empty() && std::isalnum(static_cast<unsigned char>(out.back()))) {
    out += '.';
  }
  if (!out.empty()) out += ' ';
}

// "His grudge against America, she said, dates back to 2002": a reported statement's own
// attribution, set off by commas inside it ("she said", "said Mr. Lee on Monday"), is left out.
std::string without_own_attribution(std::string_view s, const storage::StoredStatement& st) {
  constexpr size_t kLongestCircumstance = 40;  // bytes after the attribution: " on Monday"
  if (st.speaker.empty() || st.cue.empty()) return std::string(s);
  for (const std::string& attribution : {", " + st.speaker + " " + st.cue, ", " + st.cue + " " + st.speaker}) {
    const size_t at = s.find(attribution);
    if (at == std::string_view::npos || at == 0) continue;
    const size_t after = s.find(',', at + attribution.size());
    if (after == std::string_view::npos || after + 1 >= s.size() || after - at - attribution.size() > kLongestCircumstance)
      continue;
    std::string out(s.substr(0, at));
    out += ' ';
    size_t resume = after + 1;
    while (resume < s.size() && s[resume] == ' ') ++resume;
    out.append(s.substr(resume));
    return out;
  }
  return std::string(s);
}

}  // namespace

std::string statement_text(std::string_view article_text, const storage::StoredStatement& st) {
  const std::string_view s = article_text.substr(st.begin, st.end - st.begin);
  // Reported or mixed: the words between marks are said too; a direct statement not opened by a
  // mark (a transcript's turn) has no parts to join.
  if (st.kind != 0) return without_own_attribution(s, st);
  if (st.begin == 0 || !opened_by_mark(article_text, st.begin)) return std::string(s);
  std::string out;
  size_t from = 0;
  for (size_t at = 0; at < s.size(); ++at) {
    const size_t close = closing_mark(s, at);
    if (!close) continue;
    // The next opening mark, within reach and with no mark between.
    size_t open_at = at + close;
    while (open_at < s.size() && open_at < at + close + kLongestAttribution && !opening_mark(s, open_at)) ++open_at;
    if (open_at >= s.size() || !opening_mark(s, open_at) || any_mark(s.substr(at + close, open_at - at - close)))
      continue;
    out.append(s.substr(from, at - from));
    size_t resume = open_at + opening_mark(s, open_at);
    while (resume < s.size() && s[resume] == ' ') ++resume;
    join(out, s.substr(resume), s.substr(at + close, 1) == ",");
    from = resume;
    at = resume - 1;
  }
  out.append(s.substr(from));
  return out;
}

}  // namespace attache::cli
