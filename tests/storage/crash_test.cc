// Crash safety: a child process indexes batches of articles, committing after
// each (and merging as the tiered policy asks), and is killed with SIGKILL at
// random moments. After every kill the index opens, passes a full check, and
// holds exactly the articles of the batches whose commits completed: every
// batch the child reported, possibly plus the one in flight, never a part.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <random>
#include <set>
#include <thread>

#include "attache/storage/index_reader.h"
#include "attache/storage/index_writer.h"
#include "temp_dir.h"

using namespace attache;
using namespace attache::storage;

namespace {

constexpr int kArticlesPerBatch = 150;

std::string article_id(int batch, int i) { return "b" + std::to_string(batch) + "-" + std::to_string(i); }

[[noreturn]] void index_batches_forever(const std::filesystem::path& dir, int first_batch, int report_fd) {
  try {
    WriterOptions options;
    options.merge_factor = 3;
    auto writer = IndexWriter::open(dir, options);
    std::mt19937_64 rng(static_cast<uint64_t>(first_batch));
    for (int batch = first_batch;; ++batch) {
      for (int i = 0; i < kArticlesPerBatch; ++i) {
        IndexableDocument d;
        d.stored.id = article_id(batch, i);
        d.stored.date = static_cast<Day>(19000 + rng() % 365);
        d.stored.text = "batch " + std::to_string(batch) + " article " + std::to_string(i) + std::string(rng() % 800, 'z');
        for (uint32_t p = 0; p < 50; ++p) {
          std::string term = "t" + std::to_string(rng() % 40);
          auto it = std::find_if(d.terms.begin(), d.terms.end(), [&](auto& t) { return t.term == term; });
          if (it == d.terms.end()) it = d.terms.insert(d.terms.end(), TermOccurrences{term, 0, {}});
          ++it->frequency;
          it->positions.push_back(p);
        }
        d.terms.push_back({"Q" + d.stored.id, 1, {}});
        d.length = 50;
        writer->add(std::move(d));
      }
      writer->commit();
      char done = 1;
      if (::write(report_fd, &done, 1) != 1) _exit(3);
    }
  } catch (...) {
    _exit(2);
  }
}

// The batches fully present; fails the test if any batch is partial.
int complete_batches(const IndexSnapshot& snapshot) {
  std::map<int, int> count;
  for (const auto& segment : snapshot.segments())
    for (uint32_t d = 0; d < segment->doc_count(); ++d)
      if (!segment->is_deleted(d)) {
        std::string id = segment->document(d).id;
        ++count[std::stoi(id.substr(1, id.find('-') - 1))];
      }
  int batches = 0;
  for (auto [batch, n] : count) {
    CHECK_MESSAGE(n == kArticlesPerBatch, "batch " << batch << " has " << n << " articles");
    CHECK_MESSAGE(batch == batches + 1, "batch " << batch << " present without batch " << batches + 1);
    batches = batch;
  }
  return batches;
}

}  // namespace

TEST_CASE("SIGKILL at any moment leaves the last completed commit, intact") {
  testing::TempDir dir;
  std::mt19937_64 rng(31337);
  int known = 0;  // batches reported committed so far
  int kills = 0;
  for (int round = 0; round < 32; ++round) {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      ::close(fds[0]);
      index_batches_forever(dir.path(), known + 1, fds[1]);
    }
    ::close(fds[1]);
    // On a loaded machine (sanitizers, two test programs on two cores) a child may not commit
    // within the longest delay, round after round; every fourth round waits for one commit
    // before its delay, so that the index grows however slow the machine is.
    int reported = 0;
    char buffer[64];
    if (round % 4 == 3) reported += static_cast<int>(std::max<ssize_t>(::read(fds[0], buffer, 1), 0));
    std::this_thread::sleep_for(std::chrono::milliseconds(rng() % 400));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) ++kills;
    for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;) reported += static_cast<int>(n);
    ::close(fds[0]);
    CHECK_MESSAGE(!(WIFEXITED(status) && WEXITSTATUS(status) != 0), "child failed with " << WEXITSTATUS(status));

    std::shared_ptr<const IndexSnapshot> snapshot;
    if (known + reported == 0 && !std::filesystem::exists(dir / "MANIFEST")) continue;  // killed before any commit
    REQUIRE_NOTHROW(snapshot = IndexSnapshot::open(dir.path()));
    CHECK_NOTHROW(snapshot->verify());
    int present = complete_batches(*snapshot);
    CHECK(present >= known + reported);
    CHECK(present <= known + reported + 1);
    known = present;
  }
  CHECK(kills >= 30);
  CHECK(known > 3);
  // A writer after all this cleans up and works.
  auto writer = IndexWriter::open(dir.path());
  writer->optimize();
  CHECK_NOTHROW(IndexSnapshot::open(dir.path())->verify());
}
