// The hash behind StringTable: XXH3, fast on the short strings words are.
#include "attache/storage/string_table.h"

#include <xxhash.h>

namespace attache::storage {

uint64_t hash_bytes(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

}  // namespace attache::storage
