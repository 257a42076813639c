// Reopening the snapshot after a commit (see live_index.h).
#include "live_index.h"

#include <sys/stat.h>

#include <filesystem>
#include <iostream>

#include "attache/storage/error.h"

namespace attache::serve {
namespace {

std::string stat_stamp(const std::filesystem::path& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) return "-";
  return std::to_string(st.st_ino) + ":" + std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec);
}

}  // namespace

LiveIndex::LiveIndex(std::string path) : path_(std::move(path)) {
  stamp_ = disk_stamp();
  current_ = std::make_shared<const cli::OpenIndex>(path_);
}

std::string LiveIndex::disk_stamp() const {
  const std::filesystem::path dir(path_);
  // A Xapian stub file: itself (replaced by rename to change the shards).
  std::error_code ec;
  if (std::filesystem::is_regular_file(dir, ec)) return stat_stamp(dir);
  // attache: MANIFEST; Xapian: each database's version file. Not the
  // directory: files appear in it while a commit is still being written.
  std::string stamp = stat_stamp(dir / "MANIFEST") + "|" + stat_stamp(dir / "articles" / "iamglass") + "|" +
                      stat_stamp(dir / "statements" / "iamglass");
  // A directory of stubs (over shards): the stubs, replaced by rename.
  for (const char* stub : {"articles", "statements"})
    if (std::filesystem::is_regular_file(dir / stub, ec)) stamp.append("|").append(stat_stamp(dir / stub));
  return stamp;
}

LiveIndex::Lease LiveIndex::acquire() {
  std::shared_ptr<const cli::OpenIndex> index;
  {
    std::lock_guard lock(mutex_);
    std::string stamp = disk_stamp();
    if (stamp != stamp_) {
      // Opening under the lock: concurrent requests wait for the one reopening
      // rather than each opening the same snapshot.
      try {
        current_ = std::make_shared<const cli::OpenIndex>(path_);
        stamp_ = std::move(stamp);
        ++reopened_;
      } catch (const Error& e) {
        // A commit half seen (or a damaged one): keep answering from the last
        // good snapshot and try again on the next request.
        std::cerr << "attache serve: keeping the previous snapshot: " << e.what() << "\n";
      }
    }
    index = current_;
  }
  Lease lease{std::move(index), {}};
  if (!lease.index->thread_safe()) lease.exclusive = std::unique_lock(xapian_readers_);
  return lease;
}

uint64_t LiveIndex::reopened() const {
  std::lock_guard lock(mutex_);
  return reopened_;
}

}  // namespace attache::serve
