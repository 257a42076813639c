// Building the fuzz targets' small index from corpus/.
#include "small_index.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <variant>

#include "attache/indexer/article.h"
#include "attache/indexer/document_analyzer.h"
#include "attache/storage/index_writer.h"

namespace attache::fuzz {
namespace {

const std::filesystem::path& root() {
  // Never destroyed: static destructors run before this exit handler.
  static const std::filesystem::path* dir = [] {
    std::filesystem::path base = std::filesystem::exists("/dev/shm") ? "/dev/shm" : std::filesystem::temp_directory_path();
    auto* path = new std::filesystem::path(base / ("attache-fuzz-" + std::to_string(::getpid())));
    std::filesystem::create_directories(*path);
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(root(), ec);
    });
    return path;
  }();
  return *dir;
}

void build(const std::filesystem::path& dir) {
  storage::WriterOptions options;
  options.merge_factor = 0;
  auto writer = storage::IndexWriter::open(dir, options);
  indexer::DocumentAnalyzer analyzer;
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(ATTACHE_SOURCE_DIR) / "corpus")) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto parsed = indexer::parse_text_article(content, entry.path().string(), entry.path().stem().string());
    if (auto* article = std::get_if<indexer::Article>(&parsed)) writer->add(analyzer.analyze(std::move(*article)));
    if (++count == 6) writer->commit();  // a second segment
  }
  writer->commit();
  writer->remove("001_geneva_followup");  // a deletions file
  writer->commit();
}

}  // namespace

const std::filesystem::path& small_index() {
  static const std::filesystem::path dir = [] {
    auto path = root() / "index";
    build(path);
    return path;
  }();
  return dir;
}

std::filesystem::path scratch_directory(const char* name) {
  auto path = root() / name;
  std::filesystem::create_directories(path);
  return path;
}

}  // namespace attache::fuzz
