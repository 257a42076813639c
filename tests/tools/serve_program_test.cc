// `attache serve` runs the program attache-serve from attache's own directory,
// so that no other command loads the server's libraries: the same options and
// answers through either name, and a clear error when it is missing.
#include <doctest/doctest.h>

#include <filesystem>

#include "run_attache.h"
#include "temp_dir.h"

using namespace attache::testing;

TEST_CASE("attache serve is the attache-serve program, found beside attache") {
  const Run help = run_attache({"serve", "--help"});
  CHECK(help.status == 0);
  CHECK(help.out.find("usage: attache serve --index DIR") != std::string::npos);
  const Run no_index = run_attache({"serve", "--index", "/nonexistent/index"});
  CHECK(no_index.status == 1);
  CHECK(no_index.err.find("attache serve: /nonexistent/index: no index here") != std::string::npos);
}

TEST_CASE("attache without attache-serve beside it says so") {
  TempDir dir;
  const auto alone = dir / "attache";
  std::filesystem::copy_file(ATTACHE_BINARY, alone);
  std::filesystem::permissions(alone, std::filesystem::perms::owner_all);
  const std::string cmd = shell_quote(alone.string()) + " serve --index /nonexistent/index 2>" +
                          shell_quote((dir / "err").string());
  const int raw = std::system(cmd.c_str());
  CHECK(WIFEXITED(raw));
  CHECK(WEXITSTATUS(raw) == 1);
  CHECK(slurp(dir / "err").find("attache-serve") != std::string::npos);
}
