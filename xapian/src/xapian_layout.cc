#include "attache/xapian/xapian_layout.h"

namespace attache::xapian_backend {

namespace fs = std::filesystem;

bool is_xapian_index(const fs::path& path) {
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) return true;  // a stub listing article shards
  // A stub of article shards beside one of statement shards, or a database
  // (a replica keeps its current copy behind a stub named XAPIANDB).
  const fs::path articles = path / "articles";
  return fs::is_regular_file(articles, ec) || fs::exists(articles / "iamglass", ec) ||
         fs::exists(articles / "iamchert", ec) || fs::exists(articles / "XAPIANDB", ec);
}

}  // namespace attache::xapian_backend
