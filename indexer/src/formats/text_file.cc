// A text article: one file, read whole (up to the size limit).
#include <algorithm>
#include <filesystem>

#include "formats/format_readers.h"

namespace attache::indexer {

void read_text_file(InputStream& in, const InputFile& input, const ArticleSink& sink) {
  std::string content;
  char chunk[1 << 16];
  while (content.size() <= kMaxArticleBytes && in.stream().read(chunk, sizeof chunk).gcount() > 0)
    content.append(chunk, static_cast<size_t>(in.stream().gcount()));
  sink.progress(in.take_progress());
  if (!in.error().empty()) return;  // read_articles reports it
  if (content.size() > kMaxArticleBytes) {
    sink.problem(InputProblem{display_name(input), 0, SkipReason::too_large,
                              "more than " + std::to_string(kMaxArticleBytes) + " bytes, the limit"});
    return;
  }
  std::string id = std::filesystem::path(input.path).stem().string();
  if (in.compression() != Compression::none) id = std::filesystem::path(id).stem().string();  // "a.txt.gz" is "a"
  ParseResult result = parse_text_article(content, display_name(input), id);
  emit(std::move(result), sink);
}

}  // namespace attache::indexer
