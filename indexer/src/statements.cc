// The helpers of the public statement type.
#include "attache/indexer/statements.h"

namespace attache::indexer {

const char* to_string(StatementKind kind) {
  switch (kind) {
    case StatementKind::direct: return "direct";
    case StatementKind::reported: return "reported";
    case StatementKind::mixed: return "mixed";
  }
  return "reported";
}

uint32_t char_offset(std::string_view text, uint32_t byte_offset) {
  uint32_t count = 0;
  for (uint32_t i = 0; i < byte_offset && i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xc0) != 0x80) ++count;
  return count;
}

}  // namespace attache::indexer
