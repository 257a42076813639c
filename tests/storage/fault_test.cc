// Fault injection through the storage I/O seam (storage/src/io.h): every
// open, write, fsync, close, rename, removal and map of an indexing run, a
// deletion, a merge and an optimize is made to fail in turn. Each time the
// operation reports an error naming the index, and afterwards the index
// opens, checks, holds exactly the articles of its last commit, and takes
// the next writer.
#include <doctest/doctest.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <functional>
#include <mutex>
#include <set>
#include <thread>

#include "attache/storage/error.h"
#include "attache/storage/index_reader.h"
#include "attache/storage/index_writer.h"
#include "io.h"
#include "temp_dir.h"

using namespace attache;
using namespace attache::storage;
namespace fs = std::filesystem;

namespace {

IndexableDocument document(const std::string& id, int day) {
  IndexableDocument d;
  d.stored.id = id;
  d.stored.date = 19000 + day;
  d.stored.text = "article " + id + " about the talks";
  d.length = 3;
  d.terms.push_back({"talks", 1, {2}});
  d.terms.push_back({"Q" + id, 1, {}});
  d.terms.push_back({"w" + std::to_string(day % 7), 2, {0, 1}});
  return d;
}

void add_batch(IndexWriter& writer, const std::string& prefix, int count) {
  for (int i = 0; i < count; ++i) writer.add(document(prefix + std::to_string(i), i));
}

std::set<std::string> live_ids(const fs::path& dir) {
  std::set<std::string> ids;
  auto snapshot = IndexSnapshot::open(dir);
  for (const auto& segment : snapshot->segments())
    segment->scan_documents(0, segment->doc_count(), [&](uint32_t doc, StoredDocument&& d) {
      if (!segment->is_deleted(doc)) ids.insert(d.id);
    });
  return ids;
}

// Counts every I/O call; fails call number fail_at (1-based) with EIO, or
// ENOSPC when it is a write.
struct FaultPlan {
  uint64_t fail_at = 0;
  std::atomic<uint64_t> calls{0};
  std::mutex mutex;
  std::vector<io::Call> log;  // the calls in order (store thread interleaved)
  io::Call failed = io::Call::open;

  explicit FaultPlan(uint64_t failing) : fail_at(failing) {
    io::set_fault_hook([this](io::Call call, const fs::path&) {
      uint64_t n = ++calls;
      {
        std::lock_guard lock(mutex);
        log.push_back(call);
      }
      if (n != fail_at) return 0;
      failed = call;
      return call == io::Call::write ? ENOSPC : EIO;
    });
  }
  ~FaultPlan() { io::set_fault_hook(nullptr); }
};

struct Operation {
  const char* name;
  std::function<void(const fs::path&)> prepare;  // the committed state before
  std::function<void(const fs::path&)> run;
};

// Walks the failing call over every I/O call of `op`.
void walk(const Operation& op) {
  testing::TempDir base, reference;
  op.prepare(base.path());
  const std::set<std::string> before = live_ids(base.path());
  fs::copy(base.path(), reference.path(), fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  uint64_t total = 0, commit_call = 0;
  {
    FaultPlan counting(0);
    op.run(reference.path());
    total = counting.calls;
    for (size_t i = 0; i < counting.log.size() && !commit_call; ++i)
      if (counting.log[i] == io::Call::rename) commit_call = i + 1;
  }
  const std::set<std::string> after = live_ids(reference.path());
  REQUIRE(commit_call > 0);
  MESSAGE(std::string(op.name) << ": " << total << " I/O calls, the commit is call " << commit_call);
  CHECK(total > 20);
  for (uint64_t n = 1; n <= total; ++n) {
    testing::TempDir dir;
    fs::copy(base.path(), dir.path(), fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    std::string error;
    io::Call failed;
    {
      FaultPlan plan(n);
      try {
        op.run(dir.path());
      } catch (const Error& e) {
        error = e.what();
        CHECK_MESSAGE(e.kind() == ErrorKind::io, op.name << " call " << n << ": " << error);
      }
      failed = plan.failed;
    }
    INFO(std::string(op.name) << ": call " << n << " (" << std::string(io::to_string(failed)) << ") failed: " << error);
    // Leftovers are removed by the next writer; only a failed removal of one
    // is not an error of the operation.
    if (failed != io::Call::remove) {
      CHECK_FALSE(error.empty());
      CHECK(error.find(dir.path().string()) != std::string::npos);
      if (failed == io::Call::write) CHECK(error.find("No space left") != std::string::npos);
    }
    CHECK_NOTHROW(IndexSnapshot::open(dir.path())->verify());
    // A failure after the manifest's rename leaves the new commit in place.
    CHECK(live_ids(dir.path()) == (error.empty() || n > commit_call ? after : before));
    CHECK_NOTHROW(IndexWriter::open(dir.path())->commit());
    CHECK_NOTHROW(IndexSnapshot::open(dir.path())->verify());
  }
}

WriterOptions merging() {
  WriterOptions options;
  options.merge_factor = 2;  // the second segment merges with the first
  return options;
}

}  // namespace

TEST_CASE("every I/O call of an indexing run and its merge may fail; the index keeps its last commit") {
  walk({"index",
        [](const fs::path& dir) {
          auto writer = IndexWriter::open(dir, merging());
          add_batch(*writer, "a", 30);
          writer->commit();
        },
        [](const fs::path& dir) {
          auto writer = IndexWriter::open(dir, merging());
          add_batch(*writer, "b", 30);
          writer->commit();
        }});
}

TEST_CASE("every I/O call of a deletion may fail; the index keeps its last commit") {
  walk({"delete",
        [](const fs::path& dir) {
          auto writer = IndexWriter::open(dir);
          add_batch(*writer, "a", 30);
          writer->commit();
        },
        [](const fs::path& dir) {
          auto writer = IndexWriter::open(dir);
          writer->remove("a3");
          writer->remove("a7");
          writer->commit();
        }});
}

TEST_CASE("every I/O call of an optimize may fail; the index keeps its last commit") {
  walk({"optimize",
        [](const fs::path& dir) {
          WriterOptions options;
          options.merge_factor = 0;
          for (const char* prefix : {"a", "b", "c"}) {
            auto writer = IndexWriter::open(dir, options);
            add_batch(*writer, prefix, 20);
            writer->remove("a1");
            writer->commit();
          }
        },
        [](const fs::path& dir) { IndexWriter::open(dir)->optimize(); }});
}

TEST_CASE("a reader racing a busy writer's commits is not told the index is corrupted") {
  // Each time the reader opens a segment file, a commit replaces the manifest
  // and the file is gone: after three such races opening reported corruption.
  testing::TempDir dir;
  {
    auto writer = IndexWriter::open(dir.path());
    add_batch(*writer, "a", 5);
    writer->commit();
  }
  int races = 6;
  bool committing = false;
  io::set_fault_hook([&](io::Call call, const fs::path& path) {
    if (committing || call != io::Call::open || races == 0 || path.filename().string().rfind("seg-", 0) != 0)
      return 0;
    --races;
    committing = true;
    auto writer = IndexWriter::open(dir.path());
    writer->add(document("r" + std::to_string(races), 1));
    writer->commit();
    committing = false;
    return ENOENT;
  });
  std::shared_ptr<const IndexSnapshot> snapshot;
  CHECK_NOTHROW(snapshot = IndexSnapshot::open(dir.path()));
  io::set_fault_hook(nullptr);
  CHECK(races == 0);
  REQUIRE(snapshot);
  CHECK(snapshot->doc_count() == 11);
}

TEST_CASE("a second writer waits for the first with a wait time") {
  // Refused at once without one: segment_test.
  testing::TempDir dir;
  auto first = IndexWriter::open(dir.path());
  WriterOptions waiting;
  waiting.lock_wait_seconds = 0.2;
  try {
    IndexWriter::open(dir.path(), waiting);
    FAIL("second writer opened");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::locked);
    CHECK(std::string(e.what()).find("after waiting 0.2 s") != std::string::npos);
  }
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    first.reset();
  });
  waiting.lock_wait_seconds = 30;
  CHECK_NOTHROW(IndexWriter::open(dir.path(), waiting));
  release.join();
}
