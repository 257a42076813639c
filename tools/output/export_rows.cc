// JSON Lines and CSV rows of articles and statements (see export_rows.h).
#include "export_rows.h"

#include <cctype>
#include <cstdio>
#include <vector>

#include "json_output.h"
#include "open_index.h"
#include "statement_text.h"

namespace attache::cli {
namespace {

std::string csv_field(const std::string& s) {
  bool quote = s.find_first_of(",\"\n\r") != std::string::npos;
  if (!quote) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_row(const std::vector<std::string>& fields) {
  std::string row;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) row += ',';
    row += csv_field(fields[i]);
  }
  return row + "\r\n";
}

}  // namespace

std::string safe_file_name(const std::string& id) {
  std::string name;
  for (char c : id) name += (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_') ? c : '_';
  if (name.empty() || name[0] == '.') name = "article" + name;
  return name.substr(0, 120);
}

uint64_t export_rows(const OpenIndex& index, const query::Query& query, bool statements, ExportFormat format,
                     const std::function<void(std::string_view)>& write, bool unique) {
  const bool csv = format == ExportFormat::csv;
  uint64_t written = 0;
  if (statements) {
    ArticleCodePoints code_points;
    if (csv) write(csv_row({"article", "date", "speaker", "canonical", "cue", "kind", "start", "end", "text", "confidence"}));
    index.for_each_statement(&query, [&](const storage::StoredDocument& doc, const storage::StoredStatement& st) {
      if (csv) {
        char confidence[16];
        std::snprintf(confidence, sizeof confidence, "%.2f", st.confidence / 100.0);
        write(csv_row({doc.id, format_day(doc.date), st.speaker, st.canonical, st.cue, statement_kind_name(st.kind),
                       std::to_string(code_points.of(doc).offset(st.begin)),
                       std::to_string(code_points.of(doc).offset(st.end)),
                       statement_text(doc.text, st), confidence}));
      } else {
        write(json_line(statement_json(doc.id, doc.date, code_points.of(doc), st)) + "\n");
      }
      ++written;
    });
    return written;
  }
  if (csv) write(csv_row({"id", "date", "title", "source", "url", "author", "place", "lang", "text"}));
  index.for_each_article(&query, [&](const storage::StoredDocument& doc) {
    if (csv)
      write(csv_row({doc.id, format_day(doc.date), doc.title, doc.source, doc.url, doc.author, doc.place, doc.language,
                     doc.text}));
    else
      write(json_line(article_json(doc)) + "\n");
    ++written;
  }, unique);
  return written;
}

}  // namespace attache::cli
