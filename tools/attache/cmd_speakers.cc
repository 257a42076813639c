// attache speakers: who speaks most, overall or in the statements a query matches.
#include <cstdio>
#include <iostream>

#include "attache/query/speakers.h"
#include "cli.h"
#include "json_output.h"
#include "open_index.h"

namespace attache::cli {

int run_speakers(const std::vector<std::string>& args) {
  po::options_description options("options");
  std::string index_dir;
  std::vector<std::string> words;
  size_t limit = 50;
  double min_confidence = 0.8;
  std::string kind_name;
  options.add_options()
      ("index,i", po::value(&index_dir)->required()->value_name("DIR"), "index directory")
      ("limit,n", po::value(&limit)->value_name("N")->default_value(50), "speakers to list (0: all)")
      ("min-confidence", po::value(&min_confidence)->value_name("C")->default_value(0.8, "0.8"),
       "count only statements of confidence C or more (0..1; 0 counts all)")
      ("kind", po::value(&kind_name)->value_name("KIND"),
       "only speakers of this kind: person, group, organisation, publication")
      ("copies", "count the statements of every copy of a near-duplicate article (wire copies, rewrites); by "
                 "default a story carried many times counts once")
      ("json", "one JSON object a speaker, then a summary line")
      ("query", po::value(&words)->value_name("QUERY"), "count only statements matching QUERY");
  po::positional_options_description positional;
  positional.add("query", -1);
  po::variables_map vm;
  if (!parse("speakers", args, options, positional, vm, "--index DIR [QUERY]",
             "  attache speakers --index news-index\n"
             "  attache speakers --index news-index nato date:2022-01..2022-03\n"
             "  attache speakers --index news-index '\"open door\"' --json\n"
             "  attache speakers --index news-index --kind person --min-confidence 0\n"))
    return kOk;
  if (min_confidence < 0 || min_confidence > 1) throw po::error("--min-confidence takes a number from 0 to 1");
  query::SpeakerKind kind{};
  if (!kind_name.empty() && !query::parse_speaker_kind(kind_name, kind))
    throw po::error("--kind takes person, group, organisation or publication, not '" + kind_name + "'");
  OpenIndex index(index_dir);
  std::string text;
  for (const auto& w : words) text += (text.empty() ? "" : " ") + w;
  query::Query parsed;
  if (!text.empty()) {
    try {
      parsed = query::parse_query(text);
    } catch (const query::QueryError& e) {
      std::cerr << "attache speakers: " << query::format_query_error(text, e) << "\n";
      return kUsage;
    }
  }
  query::SpeakerOptions counting;
  counting.min_confidence = min_confidence;
  counting.count_copies = vm.count("copies") > 0;
  auto speakers = index.count_speakers(text.empty() ? nullptr : &parsed, query::SpeakerUnit::statements, counting);
  if (!kind_name.empty())
    std::erase_if(speakers, [&](const query::SpeakerCount& s) { return s.kind != kind; });
  uint64_t statements = 0;
  for (const auto& s : speakers) statements += s.statements;
  size_t shown = limit == 0 ? speakers.size() : std::min(limit, speakers.size());
  if (vm.count("json")) {
    for (size_t i = 0; i < shown; ++i) {
      std::cout << json_line(speaker_json(speakers[i], true)) << "\n";
    }
    std::cout << Json{{"summary", {{"speakers", speakers.size()}, {"statements", statements}, {"query", text},
                                   {"min_confidence", min_confidence}}}}.dump()
              << "\n";
    return kOk;
  }
  for (size_t i = 0; i < shown; ++i) {
    const auto& s = speakers[i];
    char counts[64];
    std::snprintf(counts, sizeof counts, "%6llu statements in %4llu articles  ",
                  static_cast<unsigned long long>(s.statements), static_cast<unsigned long long>(s.articles));
    std::cout << counts << s.name;
    if (s.kind != query::SpeakerKind::person) std::cout << " (" << query::to_string(s.kind) << ")";
    // A few of each: the JSON lists all.
    for (size_t d = 0; d < s.descriptions.size() && d < 3; ++d) std::cout << (d ? "; " : "  - ") << s.descriptions[d];
    if (!s.variants.empty()) {
      std::cout << "  [also:";
      for (size_t v = 0; v < s.variants.size() && v < 4; ++v) std::cout << (v ? ", " : " ") << s.variants[v];
      if (s.variants.size() > 4) std::cout << ", ...";
      std::cout << "]";
    }
    std::cout << "\n";
  }
  std::cout << grouped(speakers.size()) << " speakers, " << grouped(statements) << " statements\n";
  return kOk;
}

}  // namespace attache::cli
