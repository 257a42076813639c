// What users see when things go wrong underneath: an index damaged behind
// valid checksums makes every command exit 3 with one line (or answer, when
// the damage is in a part it does not read), a full disk fails the run naming
// the index and keeps what was committed, and a second writer names the first.
#include <doctest/doctest.h>
#include <sys/mount.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <random>
#include <thread>

#include "attache/storage/index_writer.h"
#include "restamp.h"
#include "run_attache.h"
#include "temp_dir.h"

using namespace attache;
using testing::Run;
using testing::run_attache;
using testing::TempDir;

namespace {

const std::string kCorpus = std::string(ATTACHE_SOURCE_DIR) + "/corpus";

size_t lines(const std::string& text) { return static_cast<size_t>(std::count(text.begin(), text.end(), '\n')); }

uint64_t load_u64(const std::vector<uint8_t>& bytes, uint64_t at) {
  uint64_t v;
  std::memcpy(&v, bytes.data() + at, 8);
  return v;
}

struct Damage {
  const char* what;
  std::string file;
  std::function<uint64_t(const std::vector<uint8_t>&)> offset;  // where, in the file's bytes
  std::vector<uint8_t> bytes;
};

}  // namespace

TEST_CASE("every command exits 3 with one line on an index damaged behind valid checksums") {
  const uint32_t huge = 0xfffffff0u;
  auto as_bytes = [](uint32_t v) { return std::vector<uint8_t>{uint8_t(v), uint8_t(v >> 8), uint8_t(v >> 16), uint8_t(v >> 24)}; };
  const std::vector<Damage> damages = {
      {"a date column that overflows", "seg-000001.columns", [](const std::vector<uint8_t>&) { return uint64_t{16 + 12}; }, as_bytes(0x7ffffffe)},
      {"a term dictionary with more blocks than bytes", "seg-000001.terms",
       [](const std::vector<uint8_t>& b) { return testing::body_end(b) - 4; }, as_bytes(huge)},
      {"a store block longer than any block", "seg-000001.store",
       [](const std::vector<uint8_t>& b) { return load_u64(b, testing::body_end(b) - 16) + 16; }, as_bytes(huge)},
      {"statement offsets beyond the data", "seg-000001.statements",
       [](const std::vector<uint8_t>& b) { return testing::body_end(b) - 1; }, {0xff}},
  };
  const std::vector<std::vector<std::string>> commands = {
      {"search", "russia"}, {"search", "speaker:ryabkov"}, {"export", "date:..9999"}, {"kwic", "nato"},
      {"speakers"},         {"stats"},                     {"check"}};
  for (const Damage& damage : damages) {
    TempDir dir;
    const std::string index = (dir / "idx").string();
    REQUIRE(run_attache({"index", "--index", index, kCorpus}).status == 0);
    auto bytes = testing::read_bytes(dir / "idx" / damage.file);
    testing::patch(dir / "idx", damage.file, damage.offset(bytes), damage.bytes.data(), damage.bytes.size());
    int refused = 0;
    for (auto command : commands) {
      command.insert(command.begin() + 1, {"--index", index});
      Run r = run_attache(command);
      INFO(damage.what << ": attache " << command[0] << " " << command.back() << ": " << r.err);
      CHECK((r.status == 0 || r.status == 3));
      if (r.status == 3) {
        ++refused;
        CHECK(lines(r.err) == 1);
        CHECK(r.err.find("index corrupted: " + damage.file) != std::string::npos);
      }
      if (command[0] == "check") CHECK(r.status == 3);
    }
    CHECK(refused >= 2);
  }
}

TEST_CASE("a full disk fails the run naming the index, and keeps what was committed") {
  if (::geteuid() != 0) {
    MESSAGE("skipped: mounting a small tmpfs needs root");
    return;
  }
  TempDir dir;
  const auto disk = dir / "disk";
  std::filesystem::create_directories(disk);
  if (::mount("tmpfs", disk.c_str(), "tmpfs", 0, "size=2m") != 0) {
    MESSAGE("skipped: cannot mount a tmpfs here: " << std::strerror(errno));
    return;
  }
  struct Unmount {
    std::filesystem::path path;
    ~Unmount() { ::umount2(path.c_str(), MNT_DETACH); }
  } unmount{disk};
  const std::string index = (disk / "idx").string();
  REQUIRE(run_attache({"index", "--index", index, kCorpus}).status == 0);

  // About 6 MB of words that compress badly: more than the disk holds.
  std::mt19937_64 rng(4);
  std::string jsonl;
  for (int i = 0; i < 3000; ++i) {
    std::string text;
    for (int w = 0; w < 300; ++w) {
      text += ' ';
      for (int c = 0; c < 5; ++c) text += static_cast<char>('a' + rng() % 26);
    }
    jsonl += "{\"id\":\"big" + std::to_string(i) + "\",\"date\":\"2022-03-01\",\"text\":\"" + text + "\"}\n";
  }
  std::ofstream(dir / "big.jsonl") << jsonl;
  Run full = run_attache({"index", "--index", index, "--quiet", (dir / "big.jsonl").string()});
  CHECK(full.status == 1);
  CHECK(lines(full.err) == 1);
  CHECK(full.err.find("No space left on device") != std::string::npos);
  CHECK(full.err.find(index) != std::string::npos);

  Run check = run_attache({"check", "--index", index});
  CHECK_MESSAGE(check.status == 0, check.err);
  CHECK(check.out.rfind("ok: 12 articles", 0) == 0);
  // The next writer clears the partial segment away.
  CHECK(run_attache({"delete", "--index", index, "003_vienna_osce"}).status == 0);
  CHECK(run_attache({"check", "--index", index}).out.rfind("ok: 11 articles", 0) == 0);
}

TEST_CASE("a second writer names the first one's process at once, or waits with --wait") {
  TempDir dir;
  const std::string index = (dir / "idx").string();
  REQUIRE(run_attache({"index", "--index", index, kCorpus}).status == 0);
  auto holder = storage::IndexWriter::open(index);
  const std::string article = kCorpus + "/001_geneva_followup.txt";

  Run at_once = run_attache({"index", "--index", index, article});
  CHECK(at_once.status == 1);
  CHECK(at_once.err.find("locked by another process (process " + std::to_string(::getpid())) != std::string::npos);
  Run waited = run_attache({"delete", "--index", index, "--wait", "0.3", "003_vienna_osce"});
  CHECK(waited.status == 1);
  CHECK(waited.err.find("after waiting 0.3 s") != std::string::npos);

  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    holder.reset();
  });
  Run after = run_attache({"optimize", "--index", index, "--wait", "30"});
  release.join();
  CHECK_MESSAGE(after.status == 0, after.err);
}
