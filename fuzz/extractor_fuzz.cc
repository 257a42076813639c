// The attribution extractor: any text gives statements whose spans lie inside
// it, in text order. Only the public extract_statements() is called.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "attache/indexer/statements.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const auto& s : attache::indexer::extract_statements(text))
    if (s.begin > s.end || s.end > text.size()) std::abort();
  return 0;
}
