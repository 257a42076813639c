// The HTTP server around the API: limits, timeouts, GET only, static files by
// name only (see server.h); connections are served by connection_loop.h.
#include "server.h"

#include <sys/resource.h>
#include <sys/socket.h>

#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "api.h"
#include "connection_loop.h"
#include "attache/storage/error.h"

namespace attache::serve {
namespace {

// Only the page's own files, looked up by exact name: a path from the URL is
// never joined to a directory, so nothing outside the page can be reached.
void serve_page_file(const httplib::Request& request, httplib::Response& response, const std::string& web_dir) {
  std::string name = request.matches[1];
  if (name.empty()) name = "index.html";
  const WebFile* file = find_web_file(name);
  if (!file) {
    answer_error(response, 404, "no such page");
    return;
  }
  if (web_dir.empty()) {
    response.set_content(reinterpret_cast<const char*>(file->data), file->size, file->content_type);
  } else {
    std::ifstream in(web_dir + "/" + file->name, std::ios::binary);
    std::stringstream body;
    body << in.rdbuf();
    response.set_content(body.str(), file->content_type);
  }
  response.set_header("Cache-Control", "no-cache");
}

// More descriptors than the default 1,024 for many connections at once.
void raise_descriptor_limit() {
  struct rlimit limit {};
  if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &limit);
  }
}

// httplib parses, routes and answers a request; which connection is served
// when is ours (connection_loop.h), through the one request-sized step httplib
// offers its subclasses.
class RoutingServer final : public httplib::Server {
 public:
  bool answer_one_request(httplib::Stream& stream, bool close_connection, bool& connection_closed) {
    return process_request(stream, close_connection, connection_closed, nullptr);
  }
  // The socket bind_to_port made; the connection loop owns it.
  int listening_socket() const { return svr_sock_; }
  // httplib streams a chunked answer while this socket is valid: stopping
  // ends answers under way (an export) instead of waiting for them.
  void end_streams() { svr_sock_ = INVALID_SOCKET; }
};

ConnectionLimits limits_of(const ServeOptions& options) {
  ConnectionLimits limits;
  limits.workers = std::max<size_t>(1, options.threads);
  limits.read_timeout_ms = limits.write_timeout_ms = options.timeout_seconds * 1000;
  return limits;
}

}  // namespace

struct Server::Impl {
  explicit Impl(const ServeOptions& o) : options(o), index(o.index_path) {}
  ServeOptions options;
  LiveIndex index;
  RoutingServer http;
  std::unique_ptr<ConnectionLoop> connections;
  int port = 0;
};

Server::Server(const ServeOptions& options) : impl_(std::make_unique<Impl>(options)) {
  raise_descriptor_limit();
  RoutingServer& http = impl_->http;
  const ConnectionLimits limits = limits_of(options);
  // What httplib reads and writes itself (a request body, an answer) and the
  // Keep-Alive header it sends: the connection loop's limits.
  http.set_read_timeout(options.timeout_seconds, 0);
  http.set_write_timeout(options.timeout_seconds, 0);
  http.set_keep_alive_timeout(limits.idle_timeout_ms / 1000);
  http.set_keep_alive_max_count(limits.requests_per_connection);
  // GET only: no request carries a body.
  http.set_payload_max_length(0);
  http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                            {"Content-Security-Policy", "default-src 'self'; img-src 'self' data:"},
                            {"Referrer-Policy", "no-referrer"}});
  add_api_routes(http, impl_->index);
  http.Get("/api/.*", [](const httplib::Request&, httplib::Response& response) {
    answer_error(response, 404, "no such endpoint (see /api/health, /api/search, /api/article/ID, /api/speakers, "
                                "/api/kwic, /api/quotes, /api/export, /api/stats)");
  });
  const std::string web_dir = options.web_dir;
  http.Get("/([A-Za-z0-9_.-]*)", [web_dir](const httplib::Request& request, httplib::Response& response) {
    serve_page_file(request, response, web_dir);
  });
  auto refuse = [](const httplib::Request&, httplib::Response& response) {
    response.set_header("Allow", "GET, HEAD");
    answer_error(response, 405, "only GET: nothing on this server changes the index");
  };
  http.Post(".*", refuse);
  http.Put(".*", refuse);
  http.Patch(".*", refuse);
  http.Delete(".*", refuse);
  http.Options(".*", refuse);
  http.set_error_handler([](const httplib::Request&, httplib::Response& response) {
    // Statuses httplib sets itself (bad request line, 404 of an unknown path,
    // 413 of a body, 414 of a long URI) still answer in JSON.
    if (!response.body.empty()) return;
    switch (response.status) {
      case 404: answer_error(response, 404, "no such page"); break;
      case 413: answer_error(response, 413, "request bodies are refused: this server answers GET only"); break;
      case 414: answer_error(response, 414, "the request line is too long"); break;
      default: answer_error(response, response.status, "malformed request"); break;
    }
  });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr error) {
    std::string message = "internal error";
    try {
      std::rethrow_exception(error);
    } catch (const std::exception& e) {
      message += std::string(": ") + e.what();
    } catch (...) {
    }
    std::cerr << "attache serve: " << message << "\n";
    answer_error(response, 500, message);
  });
  http.set_socket_options([](int sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  impl_->port = options.port == 0 ? http.bind_to_any_port(options.host) : options.port;
  if (impl_->port <= 0 || (options.port != 0 && !http.bind_to_port(options.host, options.port)))
    throw Error(ErrorKind::io, "cannot listen on " + options.host + ":" + std::to_string(options.port) +
                                   " (in use, or not an address of this machine?)");
  const int listening_socket = http.listening_socket();
  // httplib listens with a backlog of 5: a burst of connections would be
  // refused and retried seconds later. Listening again raises the backlog.
  ::listen(listening_socket, SOMAXCONN);
  impl_->connections = std::make_unique<ConnectionLoop>(
      listening_socket, limits, [&http](httplib::Stream& stream, bool close_connection, bool& connection_closed) {
        return http.answer_one_request(stream, close_connection, connection_closed);
      });
}

Server::~Server() = default;

size_t default_worker_count() { return 2 * std::max(1u, std::thread::hardware_concurrency()); }

int Server::port() const { return impl_->port; }

std::string Server::url() const {
  const std::string& host = impl_->options.host;
  const bool v6 = host.find(':') != std::string::npos;
  return "http://" + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(impl_->port) + "/";
}

void Server::run() { impl_->connections->run(); }

void Server::stop() {
  impl_->http.end_streams();
  impl_->connections->stop();
}

}  // namespace attache::serve
