// Parsing one article from a text file or a JSON Lines line, with the reason
// for every rejection.
#include "attache/indexer/article.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <optional>
#include <tuple>

#include "attache/analysis/tokenizer.h"
#include "attache/storage/date.h"
#include "article_fields.h"

namespace attache::indexer {

const char* describe(SkipReason reason) {
  switch (reason) {
    case SkipReason::unreadable: return "unreadable";
    case SkipReason::not_utf8: return "not UTF-8";
    case SkipReason::binary: return "binary data";
    case SkipReason::empty: return "empty";
    case SkipReason::no_date: return "no date";
    case SkipReason::invalid_date: return "invalid date";
    case SkipReason::invalid_json: return "invalid JSON";
    case SkipReason::invalid_field: return "invalid field";
    case SkipReason::too_large: return "too large";
    case SkipReason::invalid_csv: return "invalid CSV";
    case SkipReason::invalid_xml: return "invalid XML";
  }
  return "unknown";
}

std::string format_problem(const InputProblem& p) {
  std::string s = p.file;
  if (p.line) s += ":" + std::to_string(p.line);
  s += ": skipped, ";
  s += describe(p.reason);
  if (!p.detail.empty()) s += ": " + p.detail;
  return s;
}

namespace {

// Line number (1-based) of a byte offset.
uint64_t line_of(std::string_view text, size_t offset) {
  return 1 + static_cast<uint64_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

bool is_stray_control(unsigned char c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f'; }

// Where text stops being text: a NUL, or control characters (other than tab,
// newline, carriage return and form feed) more often than once in 1,000
// bytes. Rarer ones are strays (an escape code pasted from a terminal, a
// vertical tab from a word processor) that blank_stray_controls turns into
// spaces, so one stray byte does not cost a whole article.
std::optional<size_t> binary_byte(std::string_view text) {
  size_t strays = 0, first = text.size();
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0) return i;
    if (is_stray_control(c)) {
      first = std::min(first, i);
      ++strays;
    }
  }
  if (strays * 1000 > text.size()) return first;
  return std::nullopt;
}

// Spaces for stray control bytes, in place: offsets into the text stay valid.
void blank_stray_controls(std::string& text) {
  for (char& ch : text)
    if (is_stray_control(static_cast<unsigned char>(ch))) ch = ' ';
}

std::string_view trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// "key value" or "key: value" for a known key; nothing for any other line.
std::optional<std::pair<std::string, std::string_view>> header_line(std::string_view line) {
  static const char* kKeys[] = {"date", "title", "source", "url", "id", "author", "place", "language", "lang"};
  std::string_view s = line;
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  for (const char* key : kKeys) {
    size_t n = std::char_traits<char>::length(key);
    if (s.size() <= n || !iequals(s.substr(0, n), key)) continue;
    char sep = s[n];
    if (sep != ':' && sep != ' ' && sep != '\t') continue;
    return std::make_pair(std::string(key), trim(s.substr(n + 1)));
  }
  return std::nullopt;
}

// The text with one newline for CR, LF or CRLF and a space for each stray
// control byte, in one pass.
std::string cleaned_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out.push_back(is_stray_control(static_cast<unsigned char>(text[i])) ? ' ' : text[i]);
    }
  }
  return out;
}

// "fr", "FR", "fr-CA", "pt_BR" as "fr", "fr", "fr", "pt": the primary subtag of
// a language tag, lower case. Anything else ("French") is no code: empty, and
// the article is treated as one of unknown language.
std::string language_code(std::string_view value) {
  value = trim(value);
  size_t n = 0;
  while (n < value.size() && std::isalpha(static_cast<unsigned char>(value[n]))) ++n;
  if (n < 2 || n > 3 || (n < value.size() && value[n] != '-' && value[n] != '_')) return {};
  std::string code(value.substr(0, n));
  for (char& ch : code) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return code;
}

InputProblem problem(const std::string& file, uint64_t line, SkipReason reason, std::string detail) {
  return InputProblem{file, line, reason, std::move(detail)};
}

// Shared checks on raw bytes: size, binary, UTF-8. `line` 0 means a whole file.
std::optional<InputProblem> check_bytes(std::string_view raw, const std::string& file, uint64_t line) {
  if (raw.size() > kMaxArticleBytes)
    return problem(file, line, SkipReason::too_large, std::to_string(raw.size()) + " bytes, the limit is " +
                                                          std::to_string(kMaxArticleBytes));
  if (auto at = binary_byte(raw)) {
    uint64_t where = line ? line : line_of(raw, *at);
    return problem(file, where, SkipReason::binary, "control byte 0x" + [&] {
      char buf[8];
      std::snprintf(buf, sizeof buf, "%02x", static_cast<unsigned char>(raw[*at]));
      return std::string(buf);
    }() + " at byte " + std::to_string(*at));
  }
  size_t bad = 0;
  if (!analysis::is_valid_utf8(raw, &bad)) {
    uint64_t where = line ? line : line_of(raw, bad);
    return problem(file, where, SkipReason::not_utf8, "invalid byte sequence at byte " + std::to_string(bad));
  }
  return std::nullopt;
}

std::optional<InputProblem> set_date(Article& a, std::string_view value, const std::string& file, uint64_t line) {
  auto day = parse_date(trim(value));
  if (!day)
    return problem(file, line, SkipReason::invalid_date,
                   "'" + std::string(trim(value).substr(0, 40)) + "' is not YYYY-MM-DD or an ISO 8601 timestamp");
  a.date = *day;
  return std::nullopt;
}

}  // namespace

ParseResult parse_text_article(std::string_view content, const std::string& file, const std::string& default_id) {
  if (content.size() >= 3 && content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
  if (auto p = check_bytes(content, file, 0)) return *p;
  std::string text = cleaned_text(content);
  if (trim(text).empty()) return problem(file, 0, SkipReason::empty, "the file holds no text");

  Article article;
  article.id = default_id;
  bool has_date = false;
  size_t at = 0;
  uint64_t line_number = 0;
  bool in_header = false;
  size_t body_start = 0;
  while (at <= text.size()) {
    size_t eol = text.find('\n', at);
    if (eol == std::string::npos) eol = text.size();
    std::string_view line(text.data() + at, eol - at);
    ++line_number;
    if (trim(line).empty()) {
      if (in_header) break;  // header lines are contiguous; a blank line ends them
      at = eol + 1;
      body_start = at;
      continue;
    }
    auto header = header_line(line);
    if (!header) break;
    in_header = true;
    auto& [key, value] = *header;
    if (key == "date") {
      if (auto p = set_date(article, value, file, line_number)) return *p;
      has_date = true;
    } else if (key == "title") {
      article.title = value;
    } else if (key == "source") {
      article.source = value;
    } else if (key == "url") {
      article.url = value;
    } else if (key == "id" && !value.empty()) {
      article.id = value;
    } else if (key == "author") {
      article.author = value;
    } else if (key == "place") {
      article.place = value;
    } else if (key == "language" || key == "lang") {
      article.language = language_code(value);
    }
    at = eol + 1;
    body_start = std::min(at, text.size());
  }
  if (!has_date) return problem(file, 0, SkipReason::no_date, "no 'date YYYY-MM-DD' header line");
  std::string_view body = trim(std::string_view(text).substr(std::min(body_start, text.size())));
  if (body.empty()) return problem(file, 0, SkipReason::empty, "no text after the header");
  article.text = body;
  return article;
}

namespace {

// nlohmann's message without its prefix ("[json.exception.parse_error.101]
// parse error at line 1, column 5: "), shortened.
std::string json_reason(const nlohmann::json::exception& e) {
  std::string what = e.what();
  size_t colon = what.find(": ");
  return (colon == std::string::npos ? what : what.substr(colon + 2)).substr(0, 160);
}

}  // namespace

ParseResult parse_json_article(std::string_view line, const std::string& file, uint64_t line_number,
                               const std::string& default_id) {
  if (auto p = check_bytes(line, file, line_number)) return *p;
  // A stray control byte inside a string is not JSON; a space is. Copied only then: every line
  // of a feed passes here.
  std::string blanked;
  if (std::any_of(line.begin(), line.end(), [](char ch) { return is_stray_control(static_cast<unsigned char>(ch)); })) {
    blanked = line;
    blank_stray_controls(blanked);
    line = blanked;
  }
  nlohmann::json record;
  try {
    record = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& e) {
    return problem(file, line_number, SkipReason::invalid_json,
                   "at byte " + std::to_string(e.byte) + ": " + json_reason(e));
  } catch (const nlohmann::json::exception& e) {  // a number beyond a double (found by fuzzing)
    return problem(file, line_number, SkipReason::invalid_json, json_reason(e));
  }
  if (!record.is_object()) return problem(file, line_number, SkipReason::invalid_json, "the line is not a JSON object");

  RecordFields fields;
  auto string_field = [&](const char* name, std::string& out) -> std::optional<InputProblem> {
    auto it = record.find(name);
    if (it == record.end() || it->is_null()) return std::nullopt;
    if (it->is_string()) {
      out = it->get<std::string>();
    } else if (it->is_number_integer() && std::string(name) == "id") {
      out = it->dump();
    } else {
      return problem(file, line_number, SkipReason::invalid_field, std::string("field '") + name + "' is not a string");
    }
    return std::nullopt;
  };
  for (auto [name, target] : {std::pair{"id", &fields.id}, std::pair{"date", &fields.date},
                              std::pair{"title", &fields.title}, std::pair{"source", &fields.source},
                              std::pair{"url", &fields.url}, std::pair{"text", &fields.text},
                              std::pair{"author", &fields.author}, std::pair{"place", &fields.place},
                              std::pair{"lang", &fields.language}, std::pair{"language", &fields.language}}) {
    if (auto p = string_field(name, *target)) return *p;
  }
  auto text = record.find("text");
  if ((text == record.end() || text->is_null()) && !fields.date.empty())  // a missing date is reported first
    return problem(file, line_number, SkipReason::invalid_field, "missing field 'text'");
  return article_from_record(std::move(fields), RecordOrigin{file, line_number, default_id}, "field 'date'",
                             "field 'text'");
}

ParseResult article_from_record(RecordFields&& fields, const RecordOrigin& origin, std::string_view date_name,
                                std::string_view text_name) {
  const std::string& file = origin.file;
  const uint64_t line = origin.line;
  if (trim(fields.date).empty())
    return problem(file, line, SkipReason::no_date, "missing " + std::string(date_name));
  Article article;
  if (auto p = set_date(article, fields.date, file, line)) return *p;
  // Escapes can smuggle control bytes in. The text is judged by how many it
  // holds; a short field by a NUL alone, since one stray byte in a title
  // would otherwise count as dense.
  if (auto p = check_bytes(fields.text, file, line)) return *p;
  article.text = std::string(trim(cleaned_text(fields.text)));
  if (article.text.empty()) return problem(file, line, SkipReason::empty, std::string(text_name) + " is empty");
  article.id = trim(fields.id);
  article.title = trim(fields.title);
  article.source = trim(fields.source);
  article.url = trim(fields.url);
  article.author = trim(fields.author);
  article.place = trim(fields.place);
  article.language = language_code(fields.language);
  if (article.id.empty()) article.id = origin.default_id;
  for (std::string* field : {&article.title, &article.source, &article.url, &article.id, &article.author, &article.place}) {
    blank_stray_controls(*field);
    if (auto p = check_bytes(*field, file, line)) return *p;
  }
  return article;
}

}  // namespace attache::indexer
