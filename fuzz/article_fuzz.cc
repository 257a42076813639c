// The article parser: any bytes as a text article and as a JSON Lines record
// give an article or a reason to skip it, and an article has a valid date.
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <variant>

#include "attache/indexer/article.h"
#include "attache/storage/date.h"

using namespace attache;

namespace {

void check(const indexer::ParseResult& result) {
  if (const auto* article = std::get_if<indexer::Article>(&result)) {
    if (article->date < kMinDay || article->date > kMaxDay || article->text.empty()) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  check(indexer::parse_text_article(input, "fuzz.txt", "fuzz"));
  check(indexer::parse_json_article(input, "fuzz.jsonl", 1, "fuzz.jsonl:1"));
  return 0;
}
