// Derived files: what a reader keeps beside a committed state is read back
// whole by the next reader of that state only; a damaged one, or one whose
// writing failed, is as if there were none; and the writer removes those of
// states a commit replaced.
#include <doctest/doctest.h>

#include <fstream>

#include "attache/storage/derived_files.h"
#include "attache/storage/index_reader.h"
#include "attache/storage/index_writer.h"
#include "io.h"
#include "temp_dir.h"

using namespace attache;
using namespace attache::storage;
namespace fs = std::filesystem;

namespace {

void commit_article(const fs::path& dir, const std::string& id) {
  auto writer = IndexWriter::open(dir);
  IndexableDocument d;
  d.stored.id = id;
  d.stored.date = 19000;
  d.stored.text = "word " + id;
  d.length = 2;
  d.terms.push_back({"word", 1, {0}});
  d.terms.push_back({"Q" + id, 1, {}});
  writer->add(std::move(d));
  writer->commit();
}

std::vector<std::string> derived_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& item : fs::directory_iterator(dir))
    if (item.path().filename().string().starts_with("derived-")) names.push_back(item.path().filename().string());
  return names;
}

}  // namespace

TEST_CASE("a derived file is read back by readers of the state it was derived from, and only by them") {
  testing::TempDir dir;
  commit_article(dir.path(), "a");
  auto first = IndexSnapshot::open(dir.path());
  CHECK(!read_derived(*first, "identities"));
  const std::string body("bytes\0of any kind", 17);
  REQUIRE(write_derived(*first, "identities", body));
  CHECK(read_derived(*IndexSnapshot::open(dir.path()), "identities") == body);
  CHECK(!read_derived(*first, "other"));

  commit_article(dir.path(), "b");  // a new state: the old file is stale, and removed
  auto second = IndexSnapshot::open(dir.path());
  CHECK(second->manifest_checksum() != first->manifest_checksum());
  CHECK(!read_derived(*second, "identities"));
  CHECK(derived_in(dir.path()).empty());
}

TEST_CASE("a damaged derived file, or one whose writing failed, is as if there were none") {
  testing::TempDir dir;
  commit_article(dir.path(), "a");
  auto snapshot = IndexSnapshot::open(dir.path());
  REQUIRE(write_derived(*snapshot, "identities", std::string(100000, 'x')));
  const auto names = derived_in(dir.path());
  REQUIRE(names.size() == 1);
  {
    std::fstream f(dir.path() / names[0], std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(70000);
    f.put('y');
  }
  CHECK(!read_derived(*snapshot, "identities"));

  fs::remove(dir.path() / names[0]);
  io::set_fault_hook([](io::Call call, const fs::path&) { return call == io::Call::write ? ENOSPC : 0; });
  const bool written = write_derived(*snapshot, "identities", "body");
  io::set_fault_hook(nullptr);
  CHECK(!written);
  CHECK(derived_in(dir.path()).empty());  // nor is a partial file left behind
  CHECK(!read_derived(*snapshot, "identities"));
}
