// Programs built beside attache that run in its place: attache-serve for
// `attache serve`, attache-full for what the lean attache does not link.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "attache/storage/error.h"
#include "cli.h"

namespace attache::cli {
namespace {

std::vector<std::string>& kept_command_line() {
  static std::vector<std::string> command_line;
  return command_line;
}

[[noreturn]] void exec_beside(const std::string& program, const std::vector<std::string>& args) {
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) throw Error(ErrorKind::io, "cannot find this program's directory: " + ec.message());
  const std::filesystem::path path = self.parent_path() / program;
  std::vector<std::string> strings = {program};
  strings.insert(strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& s : strings) argv.push_back(s.data());
  argv.push_back(nullptr);
  std::cout.flush();
  ::execv(path.c_str(), argv.data());
  throw Error(ErrorKind::not_found,
              "cannot run " + path.string() + " (built and installed with attache): " + std::strerror(errno));
}

}  // namespace

void keep_command_line(std::vector<std::string> command_line) { kept_command_line() = std::move(command_line); }

void hand_over() { exec_beside("attache-full", kept_command_line()); }

int hand_over_command(const std::vector<std::string>&) { hand_over(); }

int exec_serve(const std::vector<std::string>& args) { exec_beside("attache-serve", args); }

}  // namespace attache::cli
