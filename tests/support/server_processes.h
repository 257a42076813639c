// Servers a test starts (xapian-tcpsrv, xapian-replicate-server): each in a
// process group of its own, killed with its group when the test ends, also
// when a REQUIRE fails; and killed by the kernel if the test process dies
// (a ctest timeout's SIGKILL runs no destructor).
#pragma once

#include <doctest/doctest.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <functional>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace attache::testing {

// A port nothing listens on now (the kernel's choice for port 0), never one
// handed out before in this process: two servers started one after the other
// must not be given the same port before the first has bound it.
inline uint16_t free_port() {
  static std::set<uint16_t> handed_out;
  for (;;) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    ::close(fd);
    if (handed_out.insert(ntohs(addr.sin_port)).second) return ntohs(addr.sin_port);
  }
}

// Whether something accepts connections on 127.0.0.1:port within ten
// seconds; false as soon as the process `server` (if given) has exited.
inline bool wait_until_listening(uint16_t port, pid_t server = 0) {
  for (int attempt = 0; attempt < 200; ++attempt) {
    if (server > 0 && ::waitpid(server, nullptr, WNOHANG) == server) return false;
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(port);
    bool up = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    if (up) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

class ServerProcesses {
 public:
  ServerProcesses() = default;
  ServerProcesses(const ServerProcesses&) = delete;
  ServerProcesses& operator=(const ServerProcesses&) = delete;
  ~ServerProcesses() {
    while (!groups_.empty()) stop(groups_.back());
  }

  // Starts argv[0] (looked up in PATH), its output discarded: a server
  // holding the test's output open keeps ctest waiting.
  pid_t start(const std::vector<std::string>& args) {
    const pid_t parent = ::getpid();
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      ::setpgid(0, 0);
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (::getppid() != parent) ::_exit(127);  // the test died before prctl
      int devnull = ::open("/dev/null", O_RDWR);
      ::dup2(devnull, STDOUT_FILENO);
      ::dup2(devnull, STDERR_FILENO);
      std::vector<char*> argv;
      for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      ::execvp(argv[0], argv.data());
      ::_exit(127);
    }
    ::setpgid(pid, pid);  // also from here, so the group exists before any kill
    groups_.push_back(pid);
    return pid;
  }

  // Starts the server args_for(port) on a free port and returns the port once
  // it listens there. A port is free when chosen, not held: should another
  // process bind it first, the server exits and is started on another port.
  uint16_t start_listening(const std::function<std::vector<std::string>(uint16_t)>& args_for,
                           pid_t* started = nullptr) {
    for (int attempt = 0; attempt < 5; ++attempt) {
      const uint16_t port = free_port();
      const pid_t pid = start(args_for(port));
      if (wait_until_listening(port, pid)) {
        if (started) *started = pid;
        return port;
      }
      stop(pid);
    }
    FAIL("no server of " << args_for(0)[0] << " came to listen on any of five ports");
    return 0;
  }

  // Kills the server and whatever it forked (xapian-tcpsrv forks a child per
  // connection).
  void stop(pid_t pid) {
    ::kill(-pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    std::erase(groups_, pid);
  }

 private:
  std::vector<pid_t> groups_;
};

}  // namespace attache::testing
