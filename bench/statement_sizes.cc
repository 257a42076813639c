#include "statement_sizes.h"

#include <cstdio>
#include <string>

#include "attache/storage/statement_index.h"

namespace attache::bench {

void print_statement_sizes(const storage::IndexSnapshot& snapshot, const std::filesystem::path& dir,
                           uint64_t text_bytes, std::ostream& out) {
  uint64_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".statements") files += entry.file_size();
  struct Part {
    const char* name;
    uint64_t terms = 0, postings = 0, positions = 0;
  } parts[] = {{"words inside statements"}, {"speaker words (P)"}, {"speakers' exact names (P=)"}};
  for (const auto& segment : snapshot.segments()) {
    const storage::StatementIndex* index = segment->statement_index();
    if (!index) continue;
    index->scan_terms("", [&](std::string_view term, const storage::TermInfo& info) {
      Part& p = term.starts_with(storage::kSpeakerNamePrefix) ? parts[2]
                : term[0] == storage::kSpeakerTermPrefix     ? parts[1]
                                                              : parts[0];
      ++p.terms;
      p.postings += info.postings_length;
      p.positions += info.positions_length;
      return true;
    });
  }
  auto mb = [&](uint64_t bytes) {
    char s[64];
    std::snprintf(s, sizeof s, "%.1f (%.3f)", bytes / 1e6, text_bytes ? double(bytes) / double(text_bytes) : 0.0);
    return std::string(s);
  };
  out << "| .statements, MB (of the text) | terms | postings | positions |\n|---|---|---|---|\n";
  uint64_t indexed = 0;
  for (const Part& p : parts) {
    out << "| " << p.name << " | " << p.terms << " | " << mb(p.postings) << " | " << mb(p.positions) << " |\n";
    indexed += p.postings + p.positions;
  }
  out << "| everything else (statements, tables, columns, dictionaries) |  | " << mb(files - indexed) << " |  |\n";
  out << "| all .statements files |  | " << mb(files) << " |  |\n\n";
}

}  // namespace attache::bench
