// Walking input paths and streaming their articles.
#include "attache/indexer/article_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>

namespace attache::indexer {
namespace fs = std::filesystem;

namespace {

bool has_extension(const fs::path& p, std::initializer_list<const char*> extensions) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const char* e : extensions)
    if (ext == e) return true;
  return false;
}

InputFile make_input(const fs::path& p) {
  InputFile f;
  f.path = p.string();
  f.format = has_extension(p, {".jsonl", ".ndjson"}) ? InputFormat::json_lines : InputFormat::text;
  std::error_code ec;
  f.size = fs::file_size(p, ec);
  if (ec) f.size = 0;
  return f;
}

std::string file_stem(const std::string& path) { return fs::path(path).stem().string(); }
std::string file_name(const std::string& path) { return path == "-" ? "stdin" : fs::path(path).filename().string(); }

void read_json_lines(std::istream& in, const InputFile& input, const ArticleSink& sink) {
  std::string line;
  uint64_t number = 0;
  const std::string display = input.path == "-" ? "<stdin>" : input.path;
  while (std::getline(in, line)) {
    ++number;
    sink.progress(line.size() + 1);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    std::string default_id = file_name(input.path) + ":" + std::to_string(number);
    ParseResult result = parse_json_article(line, display, number, default_id);
    if (auto* article = std::get_if<Article>(&result))
      sink.article(std::move(*article));
    else
      sink.problem(std::move(std::get<InputProblem>(result)));
  }
  if (in.bad()) sink.problem(InputProblem{display, number, SkipReason::unreadable, std::strerror(errno)});
}

}  // namespace

std::vector<InputFile> collect_inputs(const std::vector<std::string>& paths, std::vector<InputProblem>& problems) {
  std::vector<InputFile> inputs;
  for (const std::string& path : paths) {
    if (path == "-") {
      inputs.push_back(InputFile{"-", InputFormat::json_lines, 0});
      continue;
    }
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      problems.push_back(InputProblem{path, 0, SkipReason::unreadable, "no such file or directory"});
      continue;
    }
    if (fs::is_directory(status)) {
      std::vector<fs::path> found;
      fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        std::error_code type_ec;
        if (it->is_regular_file(type_ec) && has_extension(it->path(), {".txt", ".jsonl", ".ndjson"}))
          found.push_back(it->path());
      }
      if (ec) problems.push_back(InputProblem{path, 0, SkipReason::unreadable, ec.message()});
      std::sort(found.begin(), found.end());
      for (const auto& p : found) inputs.push_back(make_input(p));
    } else {
      inputs.push_back(make_input(path));
    }
  }
  return inputs;
}

void read_articles(const InputFile& input, const ArticleSink& sink) {
  if (input.path == "-") {
    read_json_lines(std::cin, input, sink);
    return;
  }
  std::ifstream in(input.path, std::ios::binary);
  if (!in) {
    sink.problem(InputProblem{input.path, 0, SkipReason::unreadable, std::strerror(errno)});
    return;
  }
  if (input.format == InputFormat::json_lines) {
    read_json_lines(in, input, sink);
    return;
  }
  if (input.size > kMaxArticleBytes) {
    sink.progress(input.size);
    sink.problem(InputProblem{input.path, 0, SkipReason::too_large,
                              std::to_string(input.size) + " bytes, the limit is " + std::to_string(kMaxArticleBytes)});
    return;
  }
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) {
    sink.problem(InputProblem{input.path, 0, SkipReason::unreadable, std::strerror(errno)});
    return;
  }
  sink.progress(content.size());
  ParseResult result = parse_text_article(content, input.path, file_stem(input.path));
  if (auto* article = std::get_if<Article>(&result))
    sink.article(std::move(*article));
  else
    sink.problem(std::move(std::get<InputProblem>(result)));
}

}  // namespace attache::indexer
