// Articles as read from input files, and the reasons an input is skipped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "attache/storage/document.h"

namespace attache::indexer {

using Article = storage::StoredDocument;

enum class SkipReason {
  unreadable,     // the file could not be read
  not_utf8,       // bytes that are not UTF-8
  binary,         // NUL bytes or control characters: not text
  empty,          // nothing, or no text after the header
  no_date,        // no date at all
  invalid_date,   // a date that is not YYYY-MM-DD or ISO 8601
  invalid_json,   // a JSON Lines line that does not parse
  invalid_field,  // a JSON field missing or of the wrong type
  too_large,      // beyond the size limit for one article
  invalid_csv,    // a CSV row that breaks RFC 4180 or does not fit the header
  invalid_xml,    // XML that is not well-formed, or not NITF or NewsML-G2
};
inline constexpr int kSkipReasonCount = 11;

const char* describe(SkipReason reason);

// Why one file or line was skipped, to be shown as "FILE:LINE: reason: detail".
struct InputProblem {
  std::string file;
  uint64_t line = 0;  // 0 when the problem concerns the whole file
  SkipReason reason = SkipReason::unreadable;
  std::string detail;
};

std::string format_problem(const InputProblem& problem);

// One article per text file; a file larger than this is skipped as too large.
inline constexpr size_t kMaxArticleBytes = 64 << 20;

using ParseResult = std::variant<Article, InputProblem>;

// A text article: optional header lines ("date 2022-01-11", "Title: ..."; keys
// date, title, source, url, id), then the body. The id defaults to default_id.
ParseResult parse_text_article(std::string_view content, const std::string& file, const std::string& default_id);

// One JSON Lines record {"id","date","title","source","url","text"}; the id
// defaults to default_id.
ParseResult parse_json_article(std::string_view line, const std::string& file, uint64_t line_number,
                               const std::string& default_id);

}  // namespace attache::indexer
