// attache serve under hostile and concurrent use: huge and deep queries, path
// escapes, bodies, slow clients and a thousand connections at once get clear
// answers (or a closed connection) and never stop the server answering
// others; connections beyond the workers are all served; commits made while
// it runs are seen without a restart.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include <memory>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "raw_http.h"
#include "run_attache.h"
#include "serve_process.h"

using attache::testing::connect_to;
using attache::testing::KeepAliveConnection;
using attache::testing::Run;
using attache::testing::run_attache;
using attache::testing::ServeProcess;
using attache::testing::TempDir;
using Json = nlohmann::json;

namespace {

const std::string kCorpus = std::string(ATTACHE_SOURCE_DIR) + "/corpus";

// Sends raw bytes and reads until the server closes (or timeout_ms passes).
std::string raw_exchange(int port, const std::string& request, int timeout_ms = 5000) {
  int fd = connect_to(port);
  REQUIRE(::send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size()));
  std::string answer;
  pollfd p{fd, POLLIN, 0};
  char buffer[4096];
  while (::poll(&p, 1, timeout_ms) == 1) {
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    answer.append(buffer, static_cast<size_t>(n));
  }
  ::close(fd);
  return answer;
}

int status_of(const std::string& answer) { return answer.size() > 12 ? std::stoi(answer.substr(9, 3)) : 0; }

bool healthy(const ServeProcess& server) {
  auto result = server.client(5).Get("/api/health");
  return result && result->status == 200;
}

std::string index_corpus(const TempDir& dir) {
  std::string index = (dir / "index").string();
  Run r = run_attache({"index", "--index", index, kCorpus});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  return index;
}

}  // namespace

TEST_CASE("serve: huge, deep and malformed requests get clear errors") {
  TempDir dir;
  ServeProcess server(index_corpus(dir));
  auto client = server.client();
  // A query past the parser's limits: 400 with a message, not a long search.
  std::string long_query;
  for (int i = 0; i < 600; ++i) long_query += "word" + std::to_string(i) + "+";
  auto huge = client.Get("/api/search?q=" + long_query);
  REQUIRE(huge);
  CHECK(huge->status == 400);
  CHECK(Json::parse(huge->body)["error"].get<std::string>().find("query") != std::string::npos);
  auto deep = client.Get("/api/search?q=" + std::string(200, '(') + "nato" + std::string(200, ')'));
  REQUIRE(deep);
  CHECK(deep->status == 400);
  // A request line past httplib's limit.
  auto too_long = client.Get("/api/search?q=" + std::string(20000, 'a'));
  REQUIRE(too_long);
  CHECK(too_long->status == 414);

  // Paths that try to leave the page's files, raw so that no client tidies them.
  for (const char* path : {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "/web/../server.cc",
                           "/api/../../etc/passwd", "/index.html/../../etc/passwd"}) {
    CAPTURE(path);
    std::string answer = raw_exchange(server.port(), std::string("GET ") + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    CHECK((status_of(answer) == 404 || status_of(answer) == 400));
    CHECK(answer.find("root:") == std::string::npos);
  }
  // Only GET: a body is refused, other methods are told so.
  auto post = client.Post("/api/search", "q=nato", "application/x-www-form-urlencoded");
  REQUIRE(post);
  CHECK(post->status == 413);
  auto del = client.Delete("/api/article/002_brussels_nato_council");
  REQUIRE(del);
  CHECK(del->status == 405);
  CHECK(status_of(raw_exchange(server.port(), "BREW /coffee HTTP/1.1\r\nHost: x\r\n\r\n")) == 400);
  CHECK(status_of(raw_exchange(server.port(), "garbage\r\n\r\n")) == 400);
  CHECK(healthy(server));
  CHECK(server.stop() == 0);
}

TEST_CASE("serve: slow clients do not stop others, and are cut off") {
  TempDir dir;
  ServeProcess server(index_corpus(dir), {"--timeout", "1", "--threads", "16"});
  // Eight clients that start a request and never finish it.
  std::vector<int> slow;
  for (int i = 0; i < 8; ++i) {
    slow.push_back(connect_to(server.port()));
    ::send(slow.back(), "GET /api/search?q=na", 20, MSG_NOSIGNAL);
  }
  const auto start = std::chrono::steady_clock::now();
  CHECK(healthy(server));
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(900));
  // Past the timeout the server closes them.
  for (int fd : slow) {
    pollfd p{fd, POLLIN, 0};
    REQUIRE(::poll(&p, 1, 5000) == 1);
    char c;
    CHECK(::recv(fd, &c, 1, 0) <= 0);
    ::close(fd);
  }
  CHECK(healthy(server));
}

TEST_CASE("serve: a thousand connections at once are all answered") {
  rlimit limit{};
  ::getrlimit(RLIMIT_NOFILE, &limit);
  limit.rlim_cur = std::min<rlim_t>(limit.rlim_max, 4096);
  ::setrlimit(RLIMIT_NOFILE, &limit);
  REQUIRE(limit.rlim_cur >= 1100);
  TempDir dir;
  ServeProcess server(index_corpus(dir));
  std::vector<int> fds;
  for (int i = 0; i < 1000; ++i) fds.push_back(connect_to(server.port()));
  const std::string request = "GET /api/search?q=nato&limit=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  for (int fd : fds) REQUIRE(::send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size()));
  size_t ok = 0;
  for (int fd : fds) {
    std::string answer;
    char buffer[4096];
    pollfd p{fd, POLLIN, 0};
    while (::poll(&p, 1, 20000) == 1) {
      ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
      if (n <= 0) break;
      answer.append(buffer, static_cast<size_t>(n));
    }
    ok += status_of(answer) == 200 && answer.find("\"total\":") != std::string::npos;
    ::close(fd);
  }
  CHECK(ok == 1000);
  CHECK(healthy(server));
  CHECK(server.stop() == 0);
}

// More connections than workers: a worker serves a request, not a
// connection, so connections that stay open (idle, or busy with a request now
// and then) never keep another's request waiting. A server that gives a
// worker to a connection for its keep-alive life fails both tests.
TEST_CASE("serve: idle keep-alive connections do not keep a new one waiting") {
  TempDir dir;
  ServeProcess server(index_corpus(dir), {"--threads", "2"});
  // As many open, idle keep-alive connections as there are workers.
  KeepAliveConnection first(server.port()), second(server.port());
  REQUIRE(first.get("/api/health", 10000) == 200);
  REQUIRE(second.get("/api/health", 10000) == 200);
  // A third is answered at once, not when an idle one's keep-alive timeout
  // (seconds) frees a worker: the bound is generous for a loaded machine.
  KeepAliveConnection third(server.port());
  CHECK(third.get("/api/search?q=nato&limit=1", 1000) == 200);
  // The idle ones were kept open, and answer again.
  CHECK(first.get("/api/health", 10000) == 200);
  CHECK(second.get("/api/health", 10000) == 200);
}

TEST_CASE("serve: more busy keep-alive connections than workers are all answered") {
  TempDir dir;
  ServeProcess server(index_corpus(dir), {"--threads", "2"});
  // Eight connections, each asking for a page every 50 ms for 3 s: never idle
  // long enough for a keep-alive timeout to free a worker.
  constexpr int kConnections = 8;
  std::vector<std::unique_ptr<KeepAliveConnection>> connections;
  for (int i = 0; i < kConnections; ++i) connections.push_back(std::make_unique<KeepAliveConnection>(server.port()));
  std::vector<int> answered(kConnections, 0), failed(kConnections, 0);
  const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(3);
  std::vector<std::thread> clients;
  for (int i = 0; i < kConnections; ++i)
    clients.emplace_back([&, i] {
      while (std::chrono::steady_clock::now() < end && failed[i] == 0) {
        (connections[i]->get("/api/search?q=nato&limit=3", 2500) == 200 ? answered[i] : failed[i])++;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    });
  for (auto& client : clients) client.join();
  for (int i = 0; i < kConnections; ++i) {
    CAPTURE(i);
    CHECK(failed[i] == 0);
    CHECK(answered[i] >= 3);
  }
}

TEST_CASE("serve: requests sent ahead on one connection are answered in order") {
  TempDir dir;
  ServeProcess server(index_corpus(dir), {"--threads", "2"});
  // Three requests in one write: the connection loop queues the second and
  // third (already whole in its buffer) instead of waiting for the socket.
  const std::string answer = raw_exchange(server.port(),
                                          "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n"
                                          "GET /api/nothing HTTP/1.1\r\nHost: x\r\n\r\n"
                                          "GET /api/search?q=nato&limit=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const size_t first = answer.find("HTTP/1.1 200"), second = answer.find("HTTP/1.1 404"),
               third = answer.find("HTTP/1.1 200", first + 1);
  CHECK(first == 0);
  CHECK(second != std::string::npos);
  CHECK(third != std::string::npos);
  CHECK((first < second && second < third));
  CHECK(answer.find("\"total\":") > third);
}

TEST_CASE("serve: commits while it runs are seen without a restart") {
  TempDir dir;
  const std::string index = index_corpus(dir);
  ServeProcess server(index);
  auto client = server.client();
  auto count = [&](const std::string& q) {
    auto r = client.Get("/api/search?limit=0&q=" + q);
    REQUIRE(r);
    REQUIRE(r->status == 200);
    return Json::parse(r->body)["summary"]["total"].get<int>();
  };
  CHECK(count("zanzibar") == 0);
  Run add = run_attache({"index", "--index", index, "-"},
                        "{\"id\":\"wire/new 1?\",\"date\":\"2022-04-01\",\"title\":\"Zanzibar talks\",\"text\":\"Talks in Zanzibar "
                        "opened on Friday. \\\"We are hopeful,\\\" the envoy said.\"}\n");
  REQUIRE_MESSAGE(add.status == 0, add.err);
  CHECK(count("zanzibar") == 1);
  // Any id, escaped in the path (a slash, a space, a question mark).
  auto article = client.Get("/api/article/wire%2Fnew%201%3F");
  REQUIRE(article);
  CHECK(article->status == 200);
  CHECK(Json::parse(article->body)["article"]["id"] == "wire/new 1?");
  REQUIRE(run_attache({"delete", "--index", index, "wire/new 1?"}).status == 0);
  CHECK(count("zanzibar") == 0);
  REQUIRE(run_attache({"optimize", "--index", index}).status == 0);
  CHECK(count("nato") > 0);
  auto health = client.Get("/api/health");
  REQUIRE(health);
  CHECK(Json::parse(health->body)["snapshots_reopened"].get<int>() >= 2);
}
