// `attache serve` started for a test on a free port: its URL read from the
// first line it prints, stopped (SIGTERM, then SIGKILL) when the test ends.
#pragma once

#include <doctest/doctest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

namespace attache::testing {

class ServeProcess {
 public:
  explicit ServeProcess(const std::string& index, std::vector<std::string> extra = {}) {
    int out[2];
    REQUIRE(::pipe(out) == 0);
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      ::dup2(out[1], STDOUT_FILENO);
      ::close(out[0]);
      ::close(out[1]);
      std::vector<std::string> args = {ATTACHE_BINARY, "serve", "--index", index, "--listen", "127.0.0.1:0"};
      args.insert(args.end(), extra.begin(), extra.end());
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    ::close(out[1]);
    // "attache serve: DIR at http://127.0.0.1:PORT/  (Ctrl-C stops)"
    std::string line;
    char c;
    while (::read(out[0], &c, 1) == 1 && c != '\n') line += c;
    ::close(out[0]);
    const size_t at = line.find("http://127.0.0.1:");
    REQUIRE_MESSAGE(at != std::string::npos, "attache serve printed: " << line);
    port_ = std::stoi(line.substr(at + 17));
  }
  ~ServeProcess() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  int port() const { return port_; }
  httplib::Client client(int timeout_seconds = 30) const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(timeout_seconds, 0);
    return c;
  }
  // SIGTERM, as Ctrl-C would: the server must stop promptly with status 0.
  int stop() {
    ::kill(pid_, SIGTERM);
    int status = 0;
    for (int i = 0; i < 100; ++i) {
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return -2;  // still running after 5 s
  }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace attache::testing
