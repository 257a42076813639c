// How far the pipeline's reader may run ahead of its writer.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace attache::indexer {

// Lets the reader start batch s only once batch s - limit is written: while
// one slow batch holds up the writer, the batches analysed after it wait in
// memory, and this bounds how many.
class BatchWindow {
 public:
  explicit BatchWindow(uint64_t limit) : limit_(limit) {}
  // False once the pipeline stops.
  bool wait_for_room(uint64_t sequence) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return stopped_ || sequence < written_ + limit_; });
    return !stopped_;
  }
  void written(uint64_t count) {
    std::lock_guard lock(mutex_);
    written_ = count;
    room_.notify_all();
  }
  void stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    room_.notify_all();
  }

 private:
  const uint64_t limit_;
  std::mutex mutex_;
  std::condition_variable room_;
  uint64_t written_ = 0;
  bool stopped_ = false;
};

}  // namespace attache::indexer
