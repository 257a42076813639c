// Runs the attache command as a user would, capturing its exit status, output
// and errors (for the end-to-end tests of the command line and the server).
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "temp_dir.h"

namespace attache::testing {

struct Run {
  int status;
  std::string out, err;
};

inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline Run run_attache(const std::vector<std::string>& args, const std::string& stdin_text = "") {
  static TempDir scratch;
  std::string cmd = shell_quote(ATTACHE_BINARY);
  for (const auto& a : args) cmd += " " + shell_quote(a);
  std::ofstream(scratch / "in", std::ios::binary) << stdin_text;
  cmd += " <" + shell_quote((scratch / "in").string()) + " >" + shell_quote((scratch / "out").string()) + " 2>" +
         shell_quote((scratch / "err").string());
  int raw = std::system(cmd.c_str());
  return Run{WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, slurp(scratch / "out"), slurp(scratch / "err")};
}

}  // namespace attache::testing
