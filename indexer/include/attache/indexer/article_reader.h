// Finding input files (files, directories walked recursively, "-" for standard
// input) and reading their articles one by one.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <memory>
#include <string>
#include <vector>

#include "attache/indexer/article.h"

namespace attache::indexer {

// xml is NITF or NewsML-G2, told apart by the root element; by_content is a
// name that does not say (standard input, an unknown extension).
enum class InputFormat { text, json_lines, csv, xml, by_content };

// How to read inputs beyond what their names say.
struct InputOptions {
  // CSV columns named by the user: field (one of kCsvFields) to header name,
  // tried before the common names.
  std::map<std::string, std::string> csv_columns;
};

struct InputFile {
  std::string path;  // as named on the command line or found in a directory; "-" for stdin
  InputFormat format = InputFormat::text;
  uint64_t size = 0;  // bytes on disk (compressed, if it is), 0 for standard input
  std::shared_ptr<const InputOptions> options;
};

// The fields a CSV column may hold, for --csv-column.
inline constexpr const char* kCsvFields[] = {"text", "date", "title", "id", "source", "url", "author", "place", "lang"};

// Expands paths into input files: directories are walked recursively for
// .txt, .jsonl, .ndjson, .csv, .xml and .nitf files, each also compressed as
// .gz or .zst (sorted, so runs are reproducible); a named file is read
// whatever its extension (an unknown one as text, or as JSON Lines or XML when
// it starts with '{' or '<'). Compression is recognised by content.
// Paths that do not exist are reported as problems.
std::vector<InputFile> collect_inputs(const std::vector<std::string>& paths, std::vector<InputProblem>& problems,
                                      const InputOptions& options = {});

struct ArticleSink {
  std::function<void(Article&&)> article;
  std::function<void(InputProblem&&)> problem;
  std::function<void(uint64_t bytes)> progress;  // bytes consumed since the last call
};

// Reads every article of one input, calling the sink for each article or problem.
void read_articles(const InputFile& input, const ArticleSink& sink);

}  // namespace attache::indexer
