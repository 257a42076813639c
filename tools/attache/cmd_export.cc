// attache export: every match, streamed in index order, as JSON Lines, CSV or
// one text file per article (re-indexable), never cut short.
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <set>

#include "attache/indexer/statements.h"
#include "attache/storage/error.h"
#include "cli.h"
#include "open_index.h"

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

// A file name from an id: letters, digits, dot, dash and underscore kept.
std::string safe_name(const std::string& id) {
  std::string name;
  for (char c : id) name += (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_') ? c : '_';
  if (name.empty() || name[0] == '.') name = "article" + name;
  return name.substr(0, 120);
}

const char* kKinds[] = {"direct", "reported", "mixed"};

}  // namespace

int run_export(const std::vector<std::string>& args) {
  po::options_description options("options");
  po::positional_options_description positional;
  QueryOptions q;
  std::string index_dir, format = "jsonl", out_path;
  options.add_options()
      ("index,i", po::value(&index_dir)->required()->value_name("DIR"), "index directory")
      ("format", po::value(&format)->value_name("FORMAT")->default_value("jsonl"), "jsonl, csv or txt")
      ("out,o", po::value(&out_path)->value_name("PATH"), "output file (jsonl, csv) or directory (txt); default stdout")
      ("statements", "export matching statements instead of articles; implied by speaker:");
  add_query_options(options, positional, q, false);
  po::variables_map vm;
  if (!parse("export", args, options, positional, vm, "--index DIR QUERY --format jsonl|csv|txt [--out PATH]",
             "  attache export --index news-index 'sanctions date:2022' > sanctions-2022.jsonl\n"
             "  attache export --index news-index nato --format csv --out nato.csv\n"
             "  attache export --index news-index 'speaker:ryabkov' --format csv --out ryabkov.csv\n"
             "  attache export --index news-index '\"open door\"' --format txt --out open-door/   # re-indexable\n"))
    return kOk;
  if (q.words.empty()) throw po::error("no query given (to export everything, use date:..9999)");
  if (format != "jsonl" && format != "csv" && format != "txt") throw po::error("--format must be jsonl, csv or txt");
  const std::string text = join_words(q.words);
  query::Query parsed;
  try {
    parsed = build_query(text, vm, q);
  } catch (const query::QueryError& e) {
    std::cerr << "attache export: " << query::format_query_error(text, e) << "\n";
    return kUsage;
  }
  const bool statements = parsed.mentions_speaker || vm.count("statements");
  if (format == "txt" && statements) throw po::error("--format txt writes articles; use jsonl or csv for statements");
  if (format == "txt" && out_path.empty()) throw po::error("--format txt needs --out DIRECTORY");
  OpenIndex index(index_dir);

  std::ofstream file;
  std::ostream* out = &std::cout;
  if (!out_path.empty() && format != "txt") {
    file.open(out_path, std::ios::binary | std::ios::trunc);
    if (!file) throw Error(ErrorKind::io, out_path + ": cannot create: " + std::strerror(errno));
    out = &file;
  }
  if (format == "txt") std::filesystem::create_directories(out_path);
  auto check = [&](std::ostream& stream, const std::string& where) {
    if (!stream) throw Error(ErrorKind::io, where + ": write failed: " + std::strerror(errno));
  };

  uint64_t written = 0;
  if (statements) {
    if (format == "csv")
      *out << csv_row({"article", "date", "speaker", "canonical", "cue", "kind", "start", "end", "text", "confidence"});
    index.for_each_statement(&parsed, [&](const storage::StoredDocument& doc, const storage::StoredStatement& st) {
      std::string statement_text = doc.text.substr(st.begin, st.end - st.begin);
      uint32_t start = indexer::char_offset(doc.text, st.begin), end = indexer::char_offset(doc.text, st.end);
      if (format == "csv") {
        char confidence[16];
        std::snprintf(confidence, sizeof confidence, "%.2f", st.confidence / 100.0);
        *out << csv_row({doc.id, format_day(doc.date), st.speaker, st.canonical, st.cue, kKinds[st.kind],
                         std::to_string(start), std::to_string(end), statement_text, confidence});
      } else {
        Json line = {{"article", doc.id}, {"date", format_day(doc.date)}, {"speaker", st.speaker},
                     {"canonical", st.canonical}, {"cue", st.cue}, {"kind", kKinds[st.kind]},
                     {"start", start}, {"end", end}, {"text", statement_text},
                     {"confidence", st.confidence / 100.0}};
        *out << line.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
      }
      check(*out, out_path.empty() ? "stdout" : out_path);
      ++written;
    });
  } else {
    if (format == "csv") *out << csv_row({"id", "date", "title", "source", "url", "text"});
    std::set<std::string> names;
    index.for_each_article(&parsed, [&](const storage::StoredDocument& doc) {
      if (format == "csv") {
        *out << csv_row({doc.id, format_day(doc.date), doc.title, doc.source, doc.url, doc.text});
        check(*out, out_path.empty() ? "stdout" : out_path);
      } else if (format == "jsonl") {
        Json line = {{"id", doc.id}, {"date", format_day(doc.date)}, {"title", doc.title},
                     {"source", doc.source}, {"url", doc.url}, {"text", doc.text}};
        *out << line.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
        check(*out, out_path.empty() ? "stdout" : out_path);
      } else {
        std::string name = safe_name(doc.id);
        for (int n = 2; !names.insert(name).second; ++n) name = safe_name(doc.id) + "-" + std::to_string(n);
        auto path = std::filesystem::path(out_path) / (name + ".txt");
        std::ofstream article(path, std::ios::binary | std::ios::trunc);
        article << "id: " << doc.id << "\ndate: " << format_day(doc.date) << "\n";
        if (!doc.title.empty()) article << "title: " << doc.title << "\n";
        if (!doc.source.empty()) article << "source: " << doc.source << "\n";
        if (!doc.url.empty()) article << "url: " << doc.url << "\n";
        article << "\n" << doc.text << "\n";
        article.close();
        check(article, path.string());
      }
      ++written;
    });
  }
  out->flush();
  check(*out, out_path.empty() ? "stdout" : out_path);
  std::cerr << "exported " << grouped(written) << (statements ? " statements" : " articles");
  if (!out_path.empty()) std::cerr << " to " << out_path;
  std::cerr << "\n";
  return kOk;
}

}  // namespace attache::cli
