// attache export: every match, streamed in index order, as JSON Lines, CSV or
// one text file per article (re-indexable), never cut short.
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <set>

#include "attache/storage/error.h"
#include "cli.h"
#include "export_rows.h"
#include "open_index.h"

namespace attache::cli {

int run_export(const std::vector<std::string>& args) {
  po::options_description options("options");
  po::positional_options_description positional;
  QueryOptions q;
  std::string index_dir, format = "jsonl", out_path;
  options.add_options()
      ("index,i", po::value(&index_dir)->required()->value_name("DIR"), "index directory")
      ("format", po::value(&format)->value_name("FORMAT")->default_value("jsonl"), "jsonl, csv or txt")
      ("out,o", po::value(&out_path)->value_name("PATH"), "output file (jsonl, csv) or directory (txt); default stdout")
      ("statements", "export matching statements instead of articles; implied by speaker:")
      ("unique", "of each group of near-duplicate articles (wire copies, rewrites), only the earliest that matches");
  add_query_options(options, positional, q, false);
  add_min_confidence_option(options, q);
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
  const bool unique = vm.count("unique") > 0;
  if (unique && statements) throw po::error("--unique exports articles; each statement once is attache quotes --history");
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
  if (format == "txt") {
    std::set<std::string> names;
    index.for_each_article(&parsed, [&](const storage::StoredDocument& doc) {
      std::string name = safe_file_name(doc.id);
      for (int n = 2; !names.insert(name).second; ++n) name = safe_file_name(doc.id) + "-" + std::to_string(n);
      auto path = std::filesystem::path(out_path) / (name + ".txt");
      std::ofstream article(path, std::ios::binary | std::ios::trunc);
      article << "id: " << doc.id << "\ndate: " << format_day(doc.date) << "\n";
      if (!doc.title.empty()) article << "title: " << doc.title << "\n";
      if (!doc.source.empty()) article << "source: " << doc.source << "\n";
      if (!doc.url.empty()) article << "url: " << doc.url << "\n";
      if (!doc.author.empty()) article << "author: " << doc.author << "\n";
      if (!doc.place.empty()) article << "place: " << doc.place << "\n";
      if (!doc.language.empty()) article << "lang: " << doc.language << "\n";
      article << "\n" << doc.text << "\n";
      article.close();
      check(article, path.string());
      ++written;
    }, unique);
  } else {
    written = export_rows(index, parsed, statements, format == "csv" ? ExportFormat::csv : ExportFormat::jsonl,
                          [&](std::string_view row) {
                            out->write(row.data(), static_cast<std::streamsize>(row.size()));
                            check(*out, out_path.empty() ? "stdout" : out_path);
                          }, unique);
  }
  out->flush();
  check(*out, out_path.empty() ? "stdout" : out_path);
  std::cerr << "exported " << grouped(written) << (statements ? " statements" : " articles");
  if (!out_path.empty()) std::cerr << " to " << out_path;
  std::cerr << "\n";
  return kOk;
}

}  // namespace attache::cli
