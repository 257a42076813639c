// attache serve: the server is the program attache-serve, beside this one.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "attache/storage/error.h"
#include "cli.h"

namespace attache::cli {

int exec_serve(const std::vector<std::string>& args) {
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  const std::filesystem::path server = self.parent_path() / "attache-serve";
  if (ec) throw Error(ErrorKind::io, "cannot find this program's directory: " + ec.message());
  std::vector<std::string> strings = {"attache-serve"};
  strings.insert(strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& s : strings) argv.push_back(s.data());
  argv.push_back(nullptr);
  ::execv(server.c_str(), argv.data());
  throw Error(ErrorKind::not_found,
              "cannot run " + server.string() + " (the server, built and installed with attache): " + std::strerror(errno));
}

}  // namespace attache::cli
