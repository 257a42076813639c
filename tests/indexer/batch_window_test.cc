// The indexing pipeline's bound (indexer/src/batch_window.h): while the writer
// is held up by one slow batch, the reader may not run more than the window's
// batches ahead, so the batches waiting to be written stay bounded in memory.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "batch_window.h"

using attache::indexer::BatchWindow;
using namespace std::chrono_literals;

TEST_CASE("the reader waits once it is a window ahead of the writer, and goes on when a batch is written") {
  BatchWindow window(3);
  for (uint64_t s = 0; s < 3; ++s) CHECK(window.wait_for_room(s));  // batches 0-2 fit before anything is written
  std::atomic<bool> passed{false};
  std::thread reader([&] { passed = window.wait_for_room(3); });
  std::this_thread::sleep_for(100ms);
  CHECK_FALSE(passed.load());  // batch 3 waits while batch 0 is not written
  window.written(1);
  reader.join();
  CHECK(passed.load());
}

TEST_CASE("a stopped pipeline releases a waiting reader, which then stops") {
  BatchWindow window(1);
  CHECK(window.wait_for_room(0));
  std::atomic<int> result{-1};
  std::thread reader([&] { result = window.wait_for_room(5) ? 1 : 0; });
  std::this_thread::sleep_for(50ms);
  CHECK(result.load() == -1);
  window.stop();
  reader.join();
  CHECK(result.load() == 0);
}
