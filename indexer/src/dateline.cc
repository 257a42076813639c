// The dateline rule (dateline.h): capitals, optional parts after commas, an
// optional agency in parentheses, a dash. Read by code points, so Cyrillic or
// accented capitals ("MOSCÚ", "МОСКВА") are capitals too.
#include "attache/indexer/dateline.h"

#include <utf8proc.h>

#include <algorithm>
#include <vector>

namespace attache::indexer {
namespace {

constexpr size_t kMaxPlaceWords = 4;
constexpr size_t kMaxParts = 3;
constexpr size_t kMaxPartBytes = 40;
constexpr size_t kMaxAgencyBytes = 40;

// Reads code points of text from `at`.
struct Cursor {
  std::string_view text;
  size_t at = 0;

  utf8proc_int32_t peek(size_t* length = nullptr) const {
    if (at >= text.size()) return -1;
    utf8proc_int32_t cp = -1;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + at),
                                          static_cast<utf8proc_ssize_t>(text.size() - at), &cp);
    if (n <= 0) return -1;
    if (length) *length = static_cast<size_t>(n);
    return cp;
  }
  utf8proc_int32_t take() {
    size_t n = 0;
    utf8proc_int32_t cp = peek(&n);
    at += n;
    return cp;
  }
  bool take_if(utf8proc_int32_t wanted) {
    if (peek() != wanted) return false;
    take();
    return true;
  }
  void skip_spaces() {
    while (peek() == ' ' || peek() == '\t' || peek() == 0xA0) take();
  }
};

bool is_letter(utf8proc_int32_t cp) {
  if (cp < 0) return false;
  auto c = utf8proc_category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}
bool is_lower(utf8proc_int32_t cp) { return cp >= 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LL; }
bool is_digit(utf8proc_int32_t cp) { return cp >= '0' && cp <= '9'; }
bool is_dash(utf8proc_int32_t cp) { return cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == 0x2015 || cp == 0x2012; }
bool word_inner(utf8proc_int32_t cp) { return cp == '.' || cp == '\'' || cp == 0x2019 || cp == '-'; }

// One word in capitals ("GENEVA", "U.N.", "PORT-AU-PRINCE"); false, with the
// cursor where it was, when the word holds a lower-case letter or no letter.
bool capital_word(Cursor& c) {
  Cursor probe = c;
  size_t letters = 0;
  while (true) {
    utf8proc_int32_t cp = probe.peek();
    if (is_letter(cp)) {
      if (is_lower(cp)) return false;
      ++letters;
    } else if (!(word_inner(cp) && letters > 0)) {
      break;
    }
    // A hyphen with a space after it is the dateline's dash, not part of the word.
    if (cp == '-') {
      Cursor next = probe;
      next.take();
      if (!is_letter(next.peek())) break;
    }
    probe.take();
  }
  if (letters == 0) return false;
  c = probe;
  return true;
}

// A part after a comma ("Jan. 11", "March 3", "Ukraine", "11 января"): letters,
// digits, dots and spaces up to the next comma, parenthesis or dash.
bool dateline_part(Cursor& c) {
  Cursor probe = c;
  utf8proc_int32_t first = probe.peek();
  if (!(is_digit(first) || (is_letter(first) && !is_lower(first)))) return false;
  const size_t start = probe.at;
  while (true) {
    utf8proc_int32_t cp = probe.peek();
    if (!(is_letter(cp) || is_digit(cp) || cp == '.' || cp == ' ')) break;
    probe.take();
  }
  if (probe.at - start > kMaxPartBytes) return false;
  while (probe.at > start && probe.text[probe.at - 1] == ' ') --probe.at;
  c = probe;
  return true;
}

// "(Reuters)", "(AP)".
bool agency(Cursor& c) {
  Cursor probe = c;
  if (!probe.take_if('(')) return false;
  const size_t start = probe.at;
  while (probe.peek() >= 0 && probe.peek() != ')' && probe.peek() != '\n') probe.take();
  if (!probe.take_if(')') || probe.at - start - 1 > kMaxAgencyBytes || probe.at - start < 2) return false;
  c = probe;
  return true;
}

// "/TASS/".
bool slashed_agency(Cursor& c) {
  Cursor probe = c;
  if (!probe.take_if('/')) return false;
  const size_t start = probe.at;
  while (probe.peek() >= 0 && probe.peek() != '/' && probe.peek() != '\n' && probe.peek() != ' ') probe.take();
  if (!probe.take_if('/') || probe.at - start - 1 > kMaxAgencyBytes || probe.at - start < 2) return false;
  c = probe;
  return true;
}

// One word in title case ("York", "McAllen", "Port-au-Prince"), as a web copy of a wire story
// writes the place before its agency ("New York (AFP) –").
bool title_word(Cursor& c) {
  Cursor probe = c;
  if (!is_letter(probe.peek()) || is_lower(probe.peek())) return false;
  probe.take();
  while (is_letter(probe.peek()) || (word_inner(probe.peek()) && probe.peek() != '.')) {
    if (probe.peek() == '-') {
      Cursor next = probe;
      next.take();
      if (!is_letter(next.peek())) break;
    }
    probe.take();
  }
  c = probe;
  return true;
}

// "(AFP)", "(Reuters)": an agency, in capitals or one of the agencies that write their name in
// title case; not a party and state ("(R-Texas)", "(D)"), a place ("(London)") or a caption's
// "(centre)" after a name.
bool agency_name(Cursor& c) {
  static constexpr std::string_view kTitleCaseAgencies[] = {"Reuters", "Reuter", "Xinhua", "Bloomberg", "Sputnik",
                                                            "Kyodo",   "Yonhap", "Anadolu", "Interfax", "Bernama",
                                                            "Antara",  "Tass",   "Efe",     "Ansa"};
  Cursor probe = c;
  if (!agency(probe)) return false;
  const std::string_view inside = c.text.substr(c.at + 1, probe.at - c.at - 2);
  const bool capitals = inside.size() >= 2 && std::all_of(inside.begin(), inside.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
  if (!capitals && std::find(std::begin(kTitleCaseAgencies), std::end(kTitleCaseAgencies), inside) == std::end(kTitleCaseAgencies))
    return false;
  c = probe;
  return true;
}

// "New York (AFP) –": a place in title case is a dateline only with an agency after it.
std::optional<std::string> title_case_place_before_agency(Cursor& c) {
  Cursor probe = c;
  const size_t start = probe.at;
  size_t words = 0, end = start;
  while (words < kMaxPlaceWords) {
    Cursor next = probe;
    if (words > 0 && !next.take_if(' ')) break;
    if (!title_word(next)) break;
    probe = next;
    end = probe.at;
    ++words;
  }
  if (words == 0) return std::nullopt;
  for (size_t parts = 0; parts < kMaxParts; ++parts) {
    Cursor part = probe;
    if (!part.take_if(',')) break;
    part.skip_spaces();
    if (!dateline_part(part)) break;
    probe = part;
  }
  Cursor agency_at = probe;
  agency_at.skip_spaces();
  if (!agency_name(agency_at)) return std::nullopt;
  c.at = end;
  return std::string(c.text.substr(start, end - start));
}

// The place's words; the cursor after the last.
std::optional<std::string> place_words(Cursor& c) {
  const size_t start = c.at;
  size_t words = 0, end = start;
  while (words < kMaxPlaceWords) {
    Cursor probe = c;
    if (words > 0 && !probe.take_if(' ')) break;
    if (!capital_word(probe)) break;
    c = probe;
    end = c.at;
    ++words;
  }
  if (words == 0) return std::nullopt;
  std::string place = title_case(c.text.substr(start, end - start));
  // "WASHINGTON." is Washington; "U.N." keeps its dots.
  if (place.size() > 1 && place.back() == '.' && place.find('.') == place.size() - 1) place.pop_back();
  if (place.size() < 2) return std::nullopt;
  return place;
}

// "EXCLUSIVE:", "UPDATE:": a newsroom's label set out as a colon dateline is, in title case,
// one of these; a place is not.
bool newsroom_label(std::string_view place) {
  static constexpr std::string_view kLabels[] = {"Exclusive", "Breaking", "Update", "Updated", "Analysis", "Opinion",
                                                 "Comment", "Editorial", "Live", "Watch", "Read", "Note", "Correction",
                                                 "Factbox", "Explainer", "Interview", "Review", "Video", "Photos"};
  return std::find(std::begin(kLabels), std::end(kLabels), place) != std::end(kLabels);
}

// "NEW DELHI: External Affairs Minister ...": the colon dateline opening the paragraph at `at`,
// which must read as a sentence (eight words or more, ending as sentences end), not a headline.
std::optional<Dateline> colon_dateline_at(std::string_view text, size_t at) {
  Cursor c{text, at};
  const size_t begin = c.at;
  std::optional<std::string> place = place_words(c);
  const size_t place_end = c.at;
  if (!place || newsroom_label(*place) || !c.take_if(':') || !c.take_if(' ')) return std::nullopt;
  const size_t end = c.at;
  if (const utf8proc_int32_t first = c.peek(); !is_letter(first) || is_lower(first)) return std::nullopt;
  std::string_view paragraph = text.substr(end, text.find('\n', end) - end);
  while (!paragraph.empty() && (paragraph.back() == ' ' || paragraph.back() == '\r')) paragraph.remove_suffix(1);
  const bool ends_sentence = paragraph.ends_with('.') || paragraph.ends_with('"') || paragraph.ends_with("\u201d");
  if (!ends_sentence || std::count(paragraph.begin(), paragraph.end(), ' ') < 7) return std::nullopt;
  return Dateline{std::move(*place), begin, end, place_end};
}

// The start of each paragraph of text, its leading blanks skipped.
std::vector<size_t> paragraph_starts(std::string_view text) {
  std::vector<size_t> starts;
  for (size_t at = 0; at < text.size();) {
    while (at < text.size() && (text[at] == ' ' || text[at] == '\n' || text[at] == '\t')) ++at;
    if (at < text.size()) starts.push_back(at);
    at = text.find('\n', at);
  }
  return starts;
}

}  // namespace

std::string title_case(std::string_view capitals) {
  std::string out;
  out.reserve(capitals.size());
  Cursor c{capitals, 0};
  bool after_letter = false;
  while (c.at < capitals.size()) {
    const size_t from = c.at;
    utf8proc_int32_t cp = c.take();
    if (cp < 0) {  // not UTF-8: keep the byte as it is
      out.push_back(capitals[from]);
      c.at = from + 1;
      after_letter = false;
      continue;
    }
    const bool letter = is_letter(cp);
    if (letter && after_letter) cp = utf8proc_tolower(cp);
    utf8proc_uint8_t buf[4];
    utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
    after_letter = letter;
  }
  return out;
}

std::optional<Dateline> find_dateline(std::string_view text) {
  Cursor c{text, 0};
  while (c.peek() == ' ' || c.peek() == '\n' || c.peek() == '\t') c.take();
  const size_t begin = c.at;
  std::optional<std::string> place = place_words(c);
  if (!place) place = title_case_place_before_agency(c);
  if (!place) return std::nullopt;
  const size_t place_end = c.at;
  for (size_t parts = 0; parts < kMaxParts; ++parts) {
    Cursor probe = c;
    if (!probe.take_if(',')) break;
    probe.skip_spaces();
    if (!dateline_part(probe)) break;
    c = probe;
  }
  {
    Cursor probe = c;
    probe.skip_spaces();
    if (agency(probe)) c = probe;
  }
  // "GENEVA, January 21. /TASS/.": the agency between slashes ends it, as TASS writes it.
  if (Cursor probe = c; (probe.take_if('.'), probe.skip_spaces(), slashed_agency(probe))) {
    probe.take_if('.');
    return Dateline{std::move(*place), begin, probe.at, place_end};
  }
  c.skip_spaces();
  // "ABU DHABI // Qatar must ...": two slashes, as The National sets it.
  if (Cursor probe = c; probe.take_if('/') && probe.take_if('/') && (probe.peek() == ' ' || probe.peek() == 0xA0))
    return Dateline{std::move(*place), begin, probe.at, place_end};
  if (!is_dash(c.peek())) return std::nullopt;
  size_t dashes = 0;
  bool em_dash = false;
  for (; is_dash(c.peek()); ++dashes) em_dash = c.take() == 0x2014 || em_dash;  // "--" as typed for a dash
  // A hyphen or an en dash is followed by a space or the end ("GENEVA-BASED", "U.S.–RUSSIA
  // talks" are no datelines); an em dash, or two hyphens, may run into the first word, as old
  // newspapers set it ("PLAINS, Ga., Sept. 23—Jimmy Carter said").
  utf8proc_int32_t after = c.peek();
  const bool spaced = after < 0 || after == ' ' || after == '\n' || after == '\t' || after == 0xA0;
  Cursor second = c;
  second.take();
  const bool runs_into_word = (em_dash || dashes > 1) && is_letter(after) && !is_lower(after) &&
                              is_lower(second.peek());  // "TRUMP—KIM SUMMIT" is a headline

  if (!spaced && !runs_into_word) return std::nullopt;
  return Dateline{std::move(*place), begin, c.at, place_end};
}

std::optional<Dateline> find_colon_dateline(std::string_view article_text) {
  const std::vector<size_t> starts = paragraph_starts(article_text);
  std::optional<Dateline> found;
  size_t labelled = 0;
  for (size_t p = 0; p < starts.size(); ++p) {
    Cursor line{article_text, starts[p]};
    if (!place_words(line) || line.peek() != ':') continue;
    ++labelled;
    if (p < 2 && !found) found = colon_dateline_at(article_text, starts[p]);
  }
  // Other paragraphs opening with capitals and a colon make them all a transcript's speakers.
  return labelled == 1 ? found : std::nullopt;
}

std::string author_from_byline(std::string_view byline) {
  Cursor c{byline, 0};
  c.skip_spaces();
  if (byline.size() >= c.at + 3 && (byline[c.at] == 'B' || byline[c.at] == 'b') &&
      (byline[c.at + 1] == 'y' || byline[c.at + 1] == 'Y') && byline[c.at + 2] == ' ')
    c.at += 3;
  c.skip_spaces();
  std::string_view name = byline.substr(c.at);
  while (!name.empty() && (name.back() == ' ' || name.back() == '\n')) name.remove_suffix(1);
  bool any_lower = false;
  for (Cursor n{name, 0}; n.at < name.size();) {
    utf8proc_int32_t cp = n.take();
    if (cp < 0) break;
    any_lower = any_lower || is_lower(cp);
  }
  return any_lower ? std::string(name) : title_case(name);
}

std::string dateline_place(std::string_view dateline) {
  Cursor c{dateline, 0};
  c.skip_spaces();
  std::optional<std::string> place = place_words(c);
  return place ? *place : std::string();
}

}  // namespace attache::indexer
