// A client connection for httplib: reads served from our buffer first, waits
// bounded by the read and write timeouts (see connection_stream.h).
#include "connection_stream.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace attache::serve {
namespace {

// httplib refuses a request line past 8 KiB and a header line past 8 KiB; a
// head past this many bytes is answered (as an error) rather than waited for.
constexpr size_t kLongestHead = 64 * 1024;
constexpr size_t kReceiveChunk = 4096;

// recv or send, retried when a signal interrupted it.
template <typename Call>
ssize_t retrying(Call call) {
  ssize_t n;
  do n = call();
  while (n < 0 && errno == EINTR);
  return n;
}

bool would_block() { return errno == EAGAIN || errno == EWOULDBLOCK; }

void numeric_address(const sockaddr_storage& address, socklen_t length, std::string& ip, int& port) {
  char host[NI_MAXHOST], service[NI_MAXSERV];
  if (::getnameinfo(reinterpret_cast<const sockaddr*>(&address), length, host, sizeof host, service, sizeof service,
                    NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
    ip = host;
    port = std::atoi(service);
  }
}

}  // namespace

ConnectionStream::ConnectionStream(int socket, int read_timeout_ms, int write_timeout_ms)
    : socket_(socket), read_timeout_ms_(read_timeout_ms), write_timeout_ms_(write_timeout_ms) {}

ConnectionStream::~ConnectionStream() {
  ::shutdown(socket_, SHUT_RDWR);
  ::close(socket_);
}

bool ConnectionStream::has_whole_head() const {
  return buffer_.size() - read_at_ >= kLongestHead || buffer_.find("\r\n\r\n", read_at_) != std::string::npos;
}

ConnectionStream::Received ConnectionStream::receive() {
  if (has_whole_head()) return Received::whole_head;
  buffer_.erase(0, read_at_);
  read_at_ = 0;
  char chunk[kReceiveChunk];
  const ssize_t n = retrying([&] { return ::recv(socket_, chunk, sizeof chunk, 0); });
  if (n == 0 || (n < 0 && !would_block())) return Received::closed;
  if (n > 0) buffer_.append(chunk, static_cast<size_t>(n));
  if (has_whole_head()) return Received::whole_head;
  return buffer_.empty() ? Received::nothing_yet : Received::part_of_a_head;
}

bool ConnectionStream::wait_for(short events, int timeout_ms) const {
  pollfd p{socket_, events, 0};
  int ready;
  do ready = ::poll(&p, 1, timeout_ms);
  while (ready < 0 && errno == EINTR);
  return ready == 1 && (p.revents & (events | POLLHUP | POLLERR)) != 0;
}

bool ConnectionStream::is_readable() const { return has_buffered_bytes() || wait_for(POLLIN, read_timeout_ms_); }

// Writable, and the client has not closed its end (httplib's test too: a
// streamed export stops when nobody reads it).
bool ConnectionStream::is_writable() const {
  if (!wait_for(POLLOUT, write_timeout_ms_)) return false;
  char byte;
  const ssize_t n = retrying([&] { return ::recv(socket_, &byte, 1, MSG_PEEK | MSG_DONTWAIT); });
  return n > 0 || (n < 0 && would_block());
}

ssize_t ConnectionStream::read(char* ptr, size_t size) {
  if (!has_buffered_bytes()) {
    buffer_.clear();
    read_at_ = 0;
    if (!wait_for(POLLIN, read_timeout_ms_)) return -1;
    char chunk[kReceiveChunk];
    const ssize_t n = retrying([&] { return ::recv(socket_, chunk, sizeof chunk, 0); });
    if (n < 0 && would_block()) return -1;  // woken with nothing to read: as a timeout
    if (n <= 0) return n;
    buffer_.assign(chunk, static_cast<size_t>(n));
  }
  const size_t n = std::min(size, buffer_.size() - read_at_);
  std::memcpy(ptr, buffer_.data() + read_at_, n);
  read_at_ += n;
  return static_cast<ssize_t>(n);
}

ssize_t ConnectionStream::write(const char* ptr, size_t size) {
  if (!wait_for(POLLOUT, write_timeout_ms_)) return -1;
  const ssize_t n = retrying([&] { return ::send(socket_, ptr, size, MSG_NOSIGNAL); });
  if (n < 0 && would_block()) return 0;  // httplib calls again, which waits again
  return n;
}

void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (::getpeername(socket_, reinterpret_cast<sockaddr*>(&address), &length) == 0)
    numeric_address(address, length, ip, port);
}

void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (::getsockname(socket_, reinterpret_cast<sockaddr*>(&address), &length) == 0)
    numeric_address(address, length, ip, port);
}

}  // namespace attache::serve
