// The connection loop (see connection_loop.h). A connection is owned by one
// thread at a time: the loop's while it is watched (EPOLLONESHOT: its event
// fires once, then it is disarmed), a worker's from the moment its request is
// whole until it is watched again or closed.
#include "connection_loop.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

#include "attache/storage/error.h"

namespace attache::serve {
namespace {

constexpr int kSweepEveryMs = 100;  // how late a deadline may be noticed
constexpr int kAcceptsAtOnce = 256;
constexpr int kEventsAtOnce = 64;

bool control(int epoll, int operation, int socket, uint32_t events, void* data) {
  epoll_event event{};
  event.events = events;
  event.data.ptr = data;
  return ::epoll_ctl(epoll, operation, socket, &event) == 0;
}

}  // namespace

ConnectionLoop::Connection::Connection(int socket, const ConnectionLimits& limits)
    : stream(socket, limits.read_timeout_ms, limits.write_timeout_ms),
      deadline(Clock::now() + std::chrono::milliseconds(limits.idle_timeout_ms)) {}

ConnectionLoop::ConnectionLoop(int listening_socket, const ConnectionLimits& limits, AnswerOneRequest answer)
    : listening_socket_(listening_socket),
      epoll_(::epoll_create1(EPOLL_CLOEXEC)),
      wake_(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)),
      limits_(limits),
      answer_(std::move(answer)) {
  if (epoll_ < 0 || wake_ < 0) throw_io("epoll", "setting up the connection loop");
  const int flags = ::fcntl(listening_socket_, F_GETFL);
  if (flags < 0 || ::fcntl(listening_socket_, F_SETFL, flags | O_NONBLOCK) != 0)
    throw_io("listening socket", "making it non-blocking");
  if (!control(epoll_, EPOLL_CTL_ADD, listening_socket_, EPOLLIN, &listening_socket_) ||
      !control(epoll_, EPOLL_CTL_ADD, wake_, EPOLLIN, &wake_))
    throw_io("epoll", "watching the listening socket");
}

ConnectionLoop::~ConnectionLoop() {
  connections_.clear();
  ::close(wake_);
  ::close(epoll_);
  ::close(listening_socket_);
}

void ConnectionLoop::stop() {
  stopping_ = true;
  const uint64_t one = 1;
  [[maybe_unused]] ssize_t written = ::write(wake_, &one, sizeof one);
}

void ConnectionLoop::run() {
  workers_ = std::make_unique<httplib::ThreadPool>(limits_.workers);
  epoll_event events[kEventsAtOnce];
  auto next_sweep = Clock::now();
  int failure = 0;
  while (!stopping_) {
    const int ready = ::epoll_wait(epoll_, events, kEventsAtOnce, kSweepEveryMs);
    if (ready < 0 && errno != EINTR) {
      failure = errno;
      break;
    }
    for (int i = 0; i < ready; ++i) {
      void* source = events[i].data.ptr;
      if (source == &listening_socket_)
        accept_connections();
      else if (source != &wake_)
        on_readable(static_cast<Connection*>(source));
    }
    if (Clock::now() >= next_sweep) {
      close_expired_connections();
      if (accept_paused_) pause_accepting(false);
      next_sweep = Clock::now() + std::chrono::milliseconds(kSweepEveryMs);
    }
  }
  workers_->shutdown();  // the requests under way and queued are answered, with Connection: close
  {
    std::lock_guard lock(mutex_);
    connections_.clear();
  }
  if (failure != 0) {
    errno = failure;
    throw_io("epoll", "waiting for connections");
  }
}

void ConnectionLoop::accept_connections() {
  for (int i = 0; i < kAcceptsAtOnce; ++i) {
    const int socket = ::accept4(listening_socket_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (socket < 0) {
      if (errno == EINTR || errno == ECONNABORTED) continue;
      // Out of descriptors or memory: stop accepting until the next sweep
      // instead of waking for the same pending connection again and again.
      if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) pause_accepting(true);
      return;
    }
    // A response goes out in two writes (headers, then body): with Nagle's
    // algorithm the second waited for the client's delayed ACK, 40 ms.
    const int yes = 1;
    ::setsockopt(socket, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    auto connection = std::make_unique<Connection>(socket, limits_);
    std::lock_guard lock(mutex_);
    if (control(epoll_, EPOLL_CTL_ADD, socket, EPOLLIN | EPOLLONESHOT, connection.get()))
      connections_.emplace(connection.get(), std::move(connection));
  }
}

void ConnectionLoop::on_readable(Connection* connection) {
  bool head_started;
  {
    // The lock orders what follows after the last worker's use of the
    // connection (it let go in watch(), under the lock).
    std::lock_guard lock(mutex_);
    head_started = connection->stream.has_buffered_bytes();
  }
  switch (connection->stream.receive()) {
    case ConnectionStream::Received::closed:
      close_connection(connection);
      return;
    case ConnectionStream::Received::whole_head: {
      std::lock_guard lock(mutex_);
      connection->with_worker = true;
    }
      workers_->enqueue([this, connection] { serve_one_request(connection); });
      return;
    case ConnectionStream::Received::part_of_a_head:
      // The read timeout runs from a request's first byte to its whole head:
      // a client sending a byte now and then cannot keep a connection forever.
      watch(connection, head_started ? connection->deadline
                                     : Clock::now() + std::chrono::milliseconds(limits_.read_timeout_ms));
      return;
    case ConnectionStream::Received::nothing_yet:
      watch(connection, connection->deadline);
      return;
  }
}

void ConnectionLoop::serve_one_request(Connection* connection) {
  const bool last = ++connection->requests >= limits_.requests_per_connection || stopping_;
  bool closed_by_client = false;
  const bool answered = answer_(connection->stream, last, closed_by_client);
  if (!answered || closed_by_client || last) {
    close_connection(connection);
  } else if (connection->stream.has_whole_head()) {
    // A pipelined request: behind the connections already waiting.
    workers_->enqueue([this, connection] { serve_one_request(connection); });
  } else {
    const int timeout_ms = connection->stream.has_buffered_bytes() ? limits_.read_timeout_ms : limits_.idle_timeout_ms;
    watch(connection, Clock::now() + std::chrono::milliseconds(timeout_ms));
  }
}

void ConnectionLoop::watch(Connection* connection, Clock::time_point deadline) {
  std::lock_guard lock(mutex_);
  connection->deadline = deadline;
  connection->with_worker = false;
  if (!control(epoll_, EPOLL_CTL_MOD, connection->stream.socket(), EPOLLIN | EPOLLONESHOT, connection))
    connections_.erase(connection);
}

void ConnectionLoop::close_connection(Connection* connection) {
  std::lock_guard lock(mutex_);
  connections_.erase(connection);  // closing the socket takes it out of the epoll set
}

void ConnectionLoop::close_expired_connections() {
  const auto now = Clock::now();
  std::lock_guard lock(mutex_);
  for (auto it = connections_.begin(); it != connections_.end();) {
    const Connection& connection = *it->second;
    if (!connection.with_worker && connection.deadline <= now)
      it = connections_.erase(it);
    else
      ++it;
  }
}

void ConnectionLoop::pause_accepting(bool paused) {
  const uint32_t events = paused ? 0u : uint32_t{EPOLLIN};
  if (control(epoll_, EPOLL_CTL_MOD, listening_socket_, events, &listening_socket_))
    accept_paused_ = paused;
}

}  // namespace attache::serve
