// The servers the shard tests start get ports of their own: CI of 4fea50f
// failed when a shard's articles and statements servers were given one port
// (the second chosen before the first had bound it), so the second server
// exited and the stub's statements line reached an articles database.
#include <doctest/doctest.h>

#include <set>

#include "attache/xapian/xapian_backend.h"
#include "server_processes.h"
#include "temp_dir.h"

using namespace attache;

TEST_CASE("free ports handed out one after the other are all different") {
  std::set<uint16_t> seen;
  for (int k = 0; k < 3000; ++k) CHECK(seen.insert(testing::free_port()).second);
}

TEST_CASE("a server that exits before it listens is started again on another port") {
  // The first command line ignores its port and asks for one this test holds,
  // as another process taking the port first would: xapian-tcpsrv exits.
  const int held = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(held, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  REQUIRE(::listen(held, 1) == 0);
  socklen_t len = sizeof addr;
  ::getsockname(held, reinterpret_cast<sockaddr*>(&addr), &len);
  const std::string held_port = std::to_string(ntohs(addr.sin_port));

  testing::TempDir dir;
  xapian_backend::XapianWriter::open(dir / "x")->commit();
  testing::ServerProcesses servers;
  std::vector<uint16_t> asked;
  const uint16_t port = servers.start_listening([&](uint16_t p) {
    asked.push_back(p);
    const std::string bind_to = asked.size() == 1 ? held_port : std::to_string(p);
    return std::vector<std::string>{"xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1",
                                    "--port",        bind_to,  (dir / "x" / "articles").string()};
  });
  ::close(held);
  REQUIRE(asked.size() == 2);
  CHECK(port == asked[1]);
  CHECK(testing::wait_until_listening(port));
}
