// Who gets a worker (internal to attache_server): one thread watches the
// listening socket and every open connection (epoll); a connection gets a
// worker only once the whole head of a request has arrived, for that one
// request, and goes back to being watched afterwards. Idle keep-alive
// connections and slow clients hold no worker, and ready connections are
// served in the order their requests arrived, one request at a time, so none
// waits behind another's keep-alive.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "connection_stream.h"

namespace attache::serve {

struct ConnectionLimits {
  size_t workers = 4;                // requests answered at once
  int read_timeout_ms = 10000;       // from a request's first byte to its whole head
  int write_timeout_ms = 10000;      // each write of an answer
  int idle_timeout_ms = 5000;        // a connection with no request under way
  size_t requests_per_connection = 1000;
};

// Answers one request read from the stream (httplib::Server::process_request):
// false when the connection failed; connection_closed when the client asked
// to close it; close_connection tells the client it will be closed.
using AnswerOneRequest = std::function<bool(httplib::Stream&, bool close_connection, bool& connection_closed)>;

class ConnectionLoop {
 public:
  // Takes the listening socket (bound and listening) and closes it at the end.
  ConnectionLoop(int listening_socket, const ConnectionLimits& limits, AnswerOneRequest answer);
  ~ConnectionLoop();
  ConnectionLoop(const ConnectionLoop&) = delete;
  ConnectionLoop& operator=(const ConnectionLoop&) = delete;

  // Serves until stop(); requests under way are finished, then every
  // connection is closed.
  void run();
  // From any thread, before or during run().
  void stop();

 private:
  using Clock = std::chrono::steady_clock;
  struct Connection {
    explicit Connection(int socket, const ConnectionLimits& limits);
    ConnectionStream stream;
    Clock::time_point deadline;
    bool with_worker = false;
    size_t requests = 0;
  };

  void accept_connections();
  void on_readable(Connection* connection);
  void serve_one_request(Connection* connection);
  // Back to being watched, closed if still waiting at the deadline.
  void watch(Connection* connection, Clock::time_point deadline);
  void close_connection(Connection* connection);
  void close_expired_connections();
  void pause_accepting(bool paused);

  int listening_socket_;
  int epoll_;
  int wake_;  // eventfd: stop() wakes the loop
  ConnectionLimits limits_;
  AnswerOneRequest answer_;
  std::atomic<bool> stopping_{false};
  bool accept_paused_ = false;
  std::unique_ptr<httplib::ThreadPool> workers_;
  std::mutex mutex_;  // guards connections_ and each connection's deadline and with_worker
  std::unordered_map<Connection*, std::unique_ptr<Connection>> connections_;
};

}  // namespace attache::serve
