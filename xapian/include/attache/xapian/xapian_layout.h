// Which directories hold a Xapian index: a question the lean attache asks
// without loading Xapian (tools/attache, ARCHITECTURE.md).
#pragma once

#include <filesystem>

namespace attache::xapian_backend {

// An index directory written by this backend (DIR/articles and
// DIR/statements are Xapian databases, or stub files listing shards), or a
// Xapian stub file listing article shards.
bool is_xapian_index(const std::filesystem::path& path);

}  // namespace attache::xapian_backend
