// attache serve: an HTTP/1.1 server over one index, answering the JSON API
// (api.h) and serving the search page compiled into the binary.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

namespace attache::serve {

// Workers by default: twice the machine's cores. A worker answers one request
// at a time and mostly computes, but may wait on a slow reader or on a Xapian
// database's turn (BENCHMARKS.md: 2, 4, 8 and 16 workers on 2 cores).
size_t default_worker_count();

struct ServeOptions {
  std::string index_path;
  std::string host = "127.0.0.1";
  int port = 8080;           // 0: any free port (port() says which)
  size_t threads = default_worker_count();  // requests answered at once; more wait their turn
  int timeout_seconds = 10;  // reading a request, writing an answer
  std::string web_dir;       // serve the page's files from here instead (development)
};

class Server {
 public:
  // Opens the index and binds the port; throws attache::Error.
  explicit Server(const ServeOptions& options);
  ~Server();
  int port() const;
  std::string url() const;
  // Serves until stop() (from another thread or a signal watcher).
  void run();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The page's files (index.html, app.js, style.css) as compiled in.
struct WebFile {
  const char* name;
  const char* content_type;
  const unsigned char* data;
  size_t size;
};
const WebFile* find_web_file(const std::string& name);

}  // namespace attache::serve
