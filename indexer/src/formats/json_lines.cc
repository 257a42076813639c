// JSON Lines: one article a line.
#include <filesystem>

#include "formats/format_readers.h"

namespace attache::indexer {

void read_json_lines(InputStream& in, const InputFile& input, const ArticleSink& sink) {
  std::string line;
  uint64_t number = 0;
  const std::string display = display_name(input);
  const std::string id_prefix = input.path == "-" ? "stdin" : std::filesystem::path(input.path).filename().string();
  while (std::getline(in.stream(), line)) {
    ++number;
    sink.progress(in.take_progress());
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    ParseResult result = parse_json_article(line, display, number, id_prefix + ":" + std::to_string(number));
    emit(std::move(result), sink);
  }
}

}  // namespace attache::indexer
