// The input formats: byte 0 picks how the rest is read (CSV, NITF or NewsML-G2
// XML, by content, JSON Lines), and whatever the bytes (compressed or not: gzip
// and zstd are recognised by their first bytes) each record gives an article
// with a valid date and text, or a problem naming the reason. attache::Error is
// what a stream too damaged to go on may throw; nothing else may escape.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "attache/indexer/article_reader.h"
#include "attache/storage/date.h"
#include "attache/storage/error.h"

using namespace attache;

namespace {

// One file, rewritten for each input: the readers take a path.
const std::string& input_path() {
  static const std::string path = [] {
    char name[] = "/tmp/attache-fuzz-formats-XXXXXX";
    const int fd = mkstemp(name);
    if (fd < 0) std::abort();
    close(fd);
    return std::string(name);
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const indexer::InputFormat kFormats[] = {indexer::InputFormat::csv, indexer::InputFormat::xml,
                                                 indexer::InputFormat::by_content, indexer::InputFormat::json_lines};
  FILE* f = std::fopen(input_path().c_str(), "wb");
  if (!f) std::abort();
  if (size > 1 && std::fwrite(data + 1, 1, size - 1, f) != size - 1) std::abort();
  std::fclose(f);
  indexer::InputFile input;
  input.path = input_path();
  input.format = kFormats[data[0] % 4];
  input.size = size - 1;
  input.options = std::make_shared<indexer::InputOptions>();
  indexer::ArticleSink sink;
  sink.article = [](indexer::Article&& a) {
    if (a.date < kMinDay || a.date > kMaxDay || a.text.empty()) std::abort();
  };
  sink.problem = [](indexer::InputProblem&&) {};
  sink.progress = [](uint64_t) {};
  try {
    indexer::read_articles(input, sink);
  } catch (const Error&) {
  }
  return 0;
}
