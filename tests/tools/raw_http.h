// HTTP over a plain socket, for tests that need to control the connection
// itself (keep it open, leave it idle, send half a request), which a client
// library hides.
#pragma once

#include <doctest/doctest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>

namespace attache::testing {

inline int connect_to(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  return fd;
}

// One keep-alive connection: requests one after another, each answer read
// whole (by its Content-Length) and the connection left open. get() asserts
// nothing, so that threads may call it.
class KeepAliveConnection {
 public:
  explicit KeepAliveConnection(int port) : fd_(connect_to(port)) {}
  ~KeepAliveConnection() { ::close(fd_); }
  KeepAliveConnection(const KeepAliveConnection&) = delete;
  KeepAliveConnection& operator=(const KeepAliveConnection&) = delete;

  // The answer's status, or 0 if the whole answer (with a Content-Length)
  // did not come within timeout_ms.
  int get(const std::string& path, int timeout_ms) {
    const std::string request = "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n";
    if (::send(fd_, request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size())) return 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    std::string answer;
    size_t head_end;
    while ((head_end = answer.find("\r\n\r\n")) == std::string::npos)
      if (!receive(answer, deadline)) return 0;
    const size_t length_at = answer.find("Content-Length: ");
    if (length_at == std::string::npos || length_at > head_end) return 0;
    const size_t length = std::stoul(answer.substr(length_at + 16));
    while (answer.size() < head_end + 4 + length)
      if (!receive(answer, deadline)) return 0;
    return std::stoi(answer.substr(9, 3));
  }

 private:
  bool receive(std::string& answer, std::chrono::steady_clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    pollfd p{fd_, POLLIN, 0};
    if (left.count() <= 0 || ::poll(&p, 1, static_cast<int>(left.count())) != 1) return false;
    char buffer[4096];
    const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
    if (n <= 0) return false;
    answer.append(buffer, static_cast<size_t>(n));
    return true;
  }

  int fd_;
};

}  // namespace attache::testing
