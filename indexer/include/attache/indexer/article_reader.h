// Finding input files (files, directories walked recursively, "-" for standard
// input) and reading their articles one by one.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "attache/indexer/article.h"

namespace attache::indexer {

enum class InputFormat { text, json_lines };

struct InputFile {
  std::string path;  // as named on the command line or found in a directory; "-" for stdin
  InputFormat format = InputFormat::text;
  uint64_t size = 0;  // bytes, 0 for standard input
};

// Expands paths into input files: directories are walked recursively for .txt
// and .jsonl files (sorted, so runs are reproducible); a named file is read
// whatever its extension (.jsonl and .ndjson as JSON Lines, anything else as
// text). Paths that do not exist are reported as problems.
std::vector<InputFile> collect_inputs(const std::vector<std::string>& paths, std::vector<InputProblem>& problems);

struct ArticleSink {
  std::function<void(Article&&)> article;
  std::function<void(InputProblem&&)> problem;
  std::function<void(uint64_t bytes)> progress;  // bytes consumed since the last call
};

// Reads every article of one input, calling the sink for each article or problem.
void read_articles(const InputFile& input, const ArticleSink& sink);

}  // namespace attache::indexer
