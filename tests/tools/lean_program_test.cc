// attache is lean: it links storage and query only, and runs attache-full from
// its own directory for index and quotes and for a Xapian index (tools/CMakeLists.txt).
// The commands' answers through it are the other tests' business; these check
// what it loads and that a missing attache-full is reported.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>

#include "run_attache.h"
#include "temp_dir.h"

using namespace attache::testing;

namespace {

// The shared objects a program asks the dynamic loader for (none when static).
std::string needed_libraries(const std::string& program) {
  TempDir dir;
  const std::string cmd = "readelf -d " + shell_quote(program) + " > " + shell_quote((dir / "out").string());
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::string needed;
  std::istringstream lines(slurp(dir / "out"));
  for (std::string line; std::getline(lines, line);)
    if (line.find("(NEEDED)") != std::string::npos) needed += line + "\n";
  return needed;
}

Run run_alone(const std::string& args) {
  TempDir dir;
  const auto alone = dir / "attache";
  std::filesystem::copy_file(ATTACHE_BINARY, alone);
  std::filesystem::permissions(alone, std::filesystem::perms::owner_all);
  const std::string cmd = shell_quote(alone.string()) + " " + args + " >" + shell_quote((dir / "out").string()) +
                          " 2>" + shell_quote((dir / "err").string());
  const int raw = std::system(cmd.c_str());
  REQUIRE(WIFEXITED(raw));
  return {WEXITSTATUS(raw), slurp(dir / "out"), slurp(dir / "err")};
}

}  // namespace

TEST_CASE("attache loads neither Xapian nor the indexer's libraries") {
  const std::string needed = needed_libraries(ATTACHE_BINARY);
  CAPTURE(needed);
  for (const char* library : {"xapian", "xml2", "icu", "cld2", "libz.", "httplib", "ssl"})
    CHECK(needed.find(library) == std::string::npos);
  // The same check can fail: attache-full, beside it, links them.
  const auto full = std::filesystem::path(ATTACHE_BINARY).parent_path() / "attache-full";
  CHECK(needed_libraries(full.string()).find("xapian") != std::string::npos);
}

TEST_CASE("attache without attache-full beside it says so for the commands it hands over") {
  TempDir index;
  const Run indexing = run_alone("index --index " + shell_quote((index / "i").string()) + " -");
  CHECK(indexing.status == 1);
  CHECK(indexing.err.find("attache-full") != std::string::npos);
  // A directory holding a Xapian database's marker file is a Xapian index.
  std::filesystem::create_directories(index / "x" / "articles");
  std::ofstream(index / "x" / "articles" / "iamglass") << "";
  const Run search = run_alone("search --index " + shell_quote((index / "x").string()) + " treaty");
  CHECK(search.status == 1);
  CHECK(search.err.find("attache search: cannot run") != std::string::npos);
  CHECK(search.err.find("attache-full") != std::string::npos);
  // What it answers itself needs nothing beside it.
  CHECK(run_alone("--version").out == "attache 0.1.0\n");
}
