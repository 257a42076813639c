// The HTTP server around the API: limits, timeouts, a bounded thread pool,
// GET only, static files by name only (see server.h).
#include "server.h"

#include <sys/resource.h>
#include <sys/socket.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "api.h"
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

}  // namespace

struct Server::Impl {
  explicit Impl(const ServeOptions& o) : options(o), index(o.index_path) {}
  ServeOptions options;
  LiveIndex index;
  httplib::Server http;
  int listen_socket = -1;
  int port = 0;
};

Server::Server(const ServeOptions& options) : impl_(std::make_unique<Impl>(options)) {
  raise_descriptor_limit();
  httplib::Server& http = impl_->http;
  const size_t threads = std::max<size_t>(1, options.threads);
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_read_timeout(options.timeout_seconds, 0);
  http.set_write_timeout(options.timeout_seconds, 0);
  // An idle keep-alive connection holds a worker: let it go soon.
  http.set_keep_alive_timeout(2);
  http.set_keep_alive_max_count(1000);
  // A response goes out in two writes (headers, then body): with Nagle's
  // algorithm the second waited for the client's delayed ACK, 40 ms, so a
  // keep-alive connection served 22 pages a second whatever they cost.
  http.set_tcp_nodelay(true);
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
  int* listen_socket = &impl_->listen_socket;
  http.set_socket_options([listen_socket](int sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    *listen_socket = sock;
  });
  impl_->port = options.port == 0 ? http.bind_to_any_port(options.host) : options.port;
  if (impl_->port <= 0 || (options.port != 0 && !http.bind_to_port(options.host, options.port)))
    throw Error(ErrorKind::io, "cannot listen on " + options.host + ":" + std::to_string(options.port) +
                                   " (in use, or not an address of this machine?)");
  // httplib listens with a backlog of 5: a burst of connections would be
  // refused and retried seconds later. Listening again raises the backlog.
  if (impl_->listen_socket >= 0) ::listen(impl_->listen_socket, SOMAXCONN);
}

Server::~Server() = default;

int Server::port() const { return impl_->port; }

std::string Server::url() const {
  const std::string& host = impl_->options.host;
  const bool v6 = host.find(':') != std::string::npos;
  return "http://" + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(impl_->port) + "/";
}

void Server::run() { impl_->http.listen_after_bind(); }

void Server::stop() { impl_->http.stop(); }

}  // namespace attache::serve
