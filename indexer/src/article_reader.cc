// Walking input paths, telling their formats apart and streaming their articles.
#include "attache/indexer/article_reader.h"

#include <algorithm>
#include <cctype>

#include "attache/storage/error.h"
#include "formats/format_readers.h"

namespace attache::indexer {
namespace fs = std::filesystem;

namespace {

std::string lower_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

// The extension that names the format: "a.csv.gz" is ".csv".
std::string format_extension(const fs::path& p) {
  std::string ext = lower_extension(p);
  if (ext == ".gz" || ext == ".zst") return lower_extension(p.stem());
  return ext;
}

std::optional<InputFormat> format_of_extension(const std::string& ext) {
  if (ext == ".txt") return InputFormat::text;
  if (ext == ".jsonl" || ext == ".ndjson") return InputFormat::json_lines;
  if (ext == ".csv") return InputFormat::csv;
  if (ext == ".xml" || ext == ".nitf") return InputFormat::xml;
  return std::nullopt;
}

InputFile make_input(const fs::path& p, const std::shared_ptr<const InputOptions>& options) {
  InputFile f;
  f.path = p.string();
  f.format = format_of_extension(format_extension(p)).value_or(InputFormat::by_content);
  std::error_code ec;
  f.size = fs::file_size(p, ec);
  if (ec) f.size = 0;
  f.options = options;
  return f;
}

// For an input whose name does not say: '{' starts JSON Lines, '<' XML;
// anything else is a text article (standard input: JSON Lines, as always).
InputFormat sniff_format(std::istream& in, const InputFile& input) {
  while (in && std::isspace(in.peek())) in.get();
  int first = in.peek();
  if (first == '{') return InputFormat::json_lines;
  if (first == '<') return InputFormat::xml;
  return input.path == "-" ? InputFormat::json_lines : InputFormat::text;
}

}  // namespace

std::string display_name(const InputFile& input) { return input.path == "-" ? "<stdin>" : input.path; }

void emit(ParseResult&& result, const ArticleSink& sink) {
  if (auto* article = std::get_if<Article>(&result))
    sink.article(std::move(*article));
  else
    sink.problem(std::move(std::get<InputProblem>(result)));
}

std::vector<InputFile> collect_inputs(const std::vector<std::string>& paths, std::vector<InputProblem>& problems,
                                      const InputOptions& options) {
  auto shared_options = std::make_shared<const InputOptions>(options);
  std::vector<InputFile> inputs;
  for (const std::string& path : paths) {
    if (path == "-") {
      inputs.push_back(InputFile{"-", InputFormat::by_content, 0, shared_options});
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
        if (it->is_regular_file(type_ec) && format_of_extension(format_extension(it->path())))
          found.push_back(it->path());
      }
      if (ec) problems.push_back(InputProblem{path, 0, SkipReason::unreadable, ec.message()});
      std::sort(found.begin(), found.end());
      for (const auto& p : found) inputs.push_back(make_input(p, shared_options));
    } else {
      inputs.push_back(make_input(path, shared_options));
    }
  }
  return inputs;
}

void read_articles(const InputFile& input, const ArticleSink& sink) {
  std::unique_ptr<InputStream> in;
  try {
    in = InputStream::open(input.path);
  } catch (const Error& e) {
    sink.problem(InputProblem{display_name(input), 0, SkipReason::unreadable, e.what()});
    return;
  }
  InputFormat format = input.format == InputFormat::by_content ? sniff_format(in->stream(), input) : input.format;
  switch (format) {
    case InputFormat::json_lines: read_json_lines(*in, input, sink); break;
    case InputFormat::csv: read_csv(*in, input, sink); break;
    case InputFormat::xml: read_xml(*in, input, sink); break;
    case InputFormat::text:
    case InputFormat::by_content: read_text_file(*in, input, sink); break;
  }
  sink.progress(in->take_progress());
  if (!in->error().empty())
    sink.problem(InputProblem{display_name(input), 0, SkipReason::unreadable, "reading stopped: " + in->error()});
}

}  // namespace attache::indexer
