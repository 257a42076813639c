// One client connection as httplib reads and writes it (internal to
// attache_server): a non-blocking socket with its own read buffer, so that the
// connection loop (connection_loop.h) can gather a request's head without a
// worker, and bytes a client sent ahead (a pipelined request) survive from one
// request to the next.
#pragma once

#include <httplib.h>

#include <string>

namespace attache::serve {

class ConnectionStream final : public httplib::Stream {
 public:
  // Takes the socket (non-blocking) and closes it when destroyed.
  ConnectionStream(int socket, int read_timeout_ms, int write_timeout_ms);
  ~ConnectionStream() override;
  ConnectionStream(const ConnectionStream&) = delete;
  ConnectionStream& operator=(const ConnectionStream&) = delete;

  enum class Received { nothing_yet, part_of_a_head, whole_head, closed };
  // Reads what the socket holds now, without waiting, and says whether the
  // buffer holds the whole head of a request. A head longer than any httplib
  // accepts counts as whole, so that httplib answers it (414, 400).
  Received receive();
  // Whether the buffer already holds the whole head of the next request.
  bool has_whole_head() const;
  bool has_buffered_bytes() const { return read_at_ < buffer_.size(); }

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  int socket() const override { return socket_; }

 private:
  // Waits up to timeout_ms for the socket to be readable (POLLIN) or writable.
  bool wait_for(short events, int timeout_ms) const;

  int socket_;
  int read_timeout_ms_;
  int write_timeout_ms_;
  std::string buffer_;  // received, not yet read by httplib from read_at_ on
  size_t read_at_ = 0;
};

}  // namespace attache::serve
