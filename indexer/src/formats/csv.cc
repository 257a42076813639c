// CSV with a header row (RFC 4180: quoted fields may hold commas, doubled
// quotes and newlines; CRLF or LF line ends), one article a row. Columns are
// found by common names or named with --csv-column.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <vector>

#include "article_fields.h"
#include "formats/format_readers.h"

namespace attache::indexer {
namespace {

// The header names each field is looked for under, in order (any case).
struct FieldNames {
  const char* field;
  std::vector<std::string> names;
};
const std::vector<FieldNames>& common_names() {
  static const std::vector<FieldNames> names = {
      {"text", {"text", "content", "body", "article"}},
      {"date", {"date", "published", "publish_date", "pubdate"}},
      {"title", {"title", "headline"}},
      {"id", {"id"}},
      {"source", {"source", "publication"}},
      {"url", {"url"}},
      {"author", {"author", "authors", "byline"}},
      {"place", {"place", "dateline"}},
      {"lang", {"lang", "language"}},
  };
  return names;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string trimmed(const std::string& s) {
  size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// Reads RFC 4180 records one at a time.
class RecordReader {
 public:
  explicit RecordReader(std::streambuf& in) : in_(in) {}

  struct Record {
    std::vector<std::string> fields;
    uint64_t line = 0;   // where it starts
    std::string error;   // why it breaks the grammar, if it does
    bool too_large = false;
  };

  // The next record that is not a blank line; false at the end of the input.
  bool next(Record& record) {
    do {
      if (!read(record)) return false;
    } while (record.fields.size() == 1 && record.fields[0].empty() && record.error.empty());
    return true;
  }

 private:
  static constexpr int kEof = std::char_traits<char>::eof();

  bool read(Record& r) {
    r.fields.assign(1, std::string());
    r.error.clear();
    r.too_large = false;
    r.line = line_;
    size_t bytes = 0;
    int c = in_.sgetc();
    if (c == kEof) return false;
    bool quoted = false, after_quote = false, at_field_start = true;
    for (;;) {
      c = in_.sbumpc();
      if (c == kEof) {
        if (quoted) r.error = "a quoted field opened on line " + std::to_string(r.line) + " is never closed";
        return true;
      }
      char ch = static_cast<char>(c);
      if (ch == '\n') ++line_;
      if (quoted) {
        if (ch == '"') {
          if (in_.sgetc() == '"') {
            in_.sbumpc();
          } else {
            quoted = false;
            after_quote = true;
            continue;
          }
        }
      } else if (ch == ',') {
        r.fields.emplace_back();
        after_quote = false;
        at_field_start = true;
        continue;
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r' && in_.sgetc() == '\n') {
          in_.sbumpc();
          ++line_;
        }
        return true;
      } else if (ch == '"' && at_field_start) {
        quoted = true;
        at_field_start = false;
        continue;
      } else if (after_quote && r.error.empty()) {
        // Built by appending: GCC 12 warns (-Wrestrict, a false positive) on "'" + std::string(1, ch).
        r.error.assign(1, '\'').append(1, ch).append("' after a closing quote on line ").append(std::to_string(line_));
      }
      at_field_start = false;
      if (++bytes > kMaxArticleBytes) {
        r.too_large = true;
        continue;
      }
      r.fields.back().push_back(ch);
    }
  }

  std::streambuf& in_;
  uint64_t line_ = 1;
};

// Which column holds each field (-1: none), or why the header will not do.
struct ColumnMap {
  std::vector<int> column;  // by index into common_names()
  std::string problem;
};

ColumnMap map_columns(std::vector<std::string> header, const InputOptions& options) {
  if (!header.empty() && header[0].rfind("\xEF\xBB\xBF", 0) == 0) header[0].erase(0, 3);
  for (auto& name : header) name = lower(trimmed(name));
  auto find = [&](const std::string& name) {
    auto it = std::find(header.begin(), header.end(), lower(name));
    return it == header.end() ? -1 : static_cast<int>(it - header.begin());
  };
  ColumnMap map;
  for (const FieldNames& field : common_names()) {
    int column = -1;
    if (auto named = options.csv_columns.find(field.field); named != options.csv_columns.end()) {
      column = find(named->second);
      if (column < 0) {
        map.problem = "the header has no column '" + named->second + "' (from --csv-column " + field.field + "=" +
                      named->second + ")";
        return map;
      }
    }
    for (const std::string& name : field.names)
      if (column < 0) column = find(name);
    map.column.push_back(column);
  }
  for (size_t f : {0, 1})
    if (map.column[f] < 0) {
      const FieldNames& field = common_names()[f];
      std::string names;
      for (const auto& name : field.names) names += (names.empty() ? "" : ", ") + name;
      map.problem = std::string("the header names no ") + field.field + " column (looked for " + names +
                    "; name one with --csv-column " + field.field + "=NAME)";
      return map;
    }
  return map;
}

}  // namespace

void read_csv(InputStream& in, const InputFile& input, const ArticleSink& sink) {
  const std::string display = display_name(input);
  RecordReader reader(*in.stream().rdbuf());
  RecordReader::Record record;
  if (!reader.next(record)) {
    sink.problem(InputProblem{display, 0, SkipReason::empty, "no header row"});
    return;
  }
  ColumnMap columns = map_columns(record.fields, *input.options);
  if (!columns.problem.empty()) {
    sink.problem(InputProblem{display, 1, SkipReason::invalid_csv, columns.problem});
    return;
  }
  const std::vector<std::string> header = record.fields;
  const size_t width = header.size();
  const std::string id_prefix = input.path == "-" ? "stdin" : std::filesystem::path(input.path).filename().string();
  while (reader.next(record)) {
    sink.progress(in.take_progress());
    if (record.too_large) {
      sink.problem(InputProblem{display, record.line, SkipReason::too_large,
                                "a row of more than " + std::to_string(kMaxArticleBytes) + " bytes"});
      continue;
    }
    if (record.error.empty() && record.fields.size() != width)
      record.error = std::to_string(record.fields.size()) + " fields where the header has " + std::to_string(width);
    if (!record.error.empty()) {
      sink.problem(InputProblem{display, record.line, SkipReason::invalid_csv, record.error});
      continue;
    }
    RecordFields fields;
    std::string* targets[] = {&fields.text,   &fields.date,   &fields.title, &fields.id,      &fields.source,
                              &fields.url,    &fields.author, &fields.place, &fields.language};
    for (size_t f = 0; f < columns.column.size(); ++f)
      if (columns.column[f] >= 0) *targets[f] = std::move(record.fields[static_cast<size_t>(columns.column[f])]);
    auto column_name = [&](size_t f) { return "column '" + trimmed(header[static_cast<size_t>(columns.column[f])]) + "'"; };
    ParseResult result =
        article_from_record(std::move(fields), RecordOrigin{display, record.line, id_prefix + ":" + std::to_string(record.line)},
                            column_name(1), column_name(0));
    emit(std::move(result), sink);
  }
}

}  // namespace attache::indexer
