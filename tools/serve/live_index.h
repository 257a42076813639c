// The index a server answers from, kept current: when a commit (index,
// delete, optimize) replaces the manifest, the next request opens the new
// snapshot; requests already running keep the one they started with.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "open_index.h"

namespace attache::serve {

class LiveIndex {
 public:
  // Opens the index now (throws attache::Error if it cannot be opened).
  explicit LiveIndex(std::string path);

  // What one request reads from: the snapshot current when it began. Xapian
  // databases are not safe to share between threads, so a lease on one also
  // holds the lock that serialises its readers.
  struct Lease {
    std::shared_ptr<const cli::OpenIndex> index;
    std::unique_lock<std::mutex> exclusive;
  };
  Lease acquire();

  const std::string& path() const { return path_; }
  // How many times a changed manifest was opened (for tests and logs).
  uint64_t reopened() const;

 private:
  // Identifies the committed state on disk: the manifest file's inode, size
  // and modification time (a commit renames a new manifest into place).
  std::string disk_stamp() const;

  const std::string path_;
  mutable std::mutex mutex_;  // guards current_, stamp_, reopened_
  std::shared_ptr<const cli::OpenIndex> current_;
  std::string stamp_;
  uint64_t reopened_ = 0;
  std::mutex xapian_readers_;
};

}  // namespace attache::serve
