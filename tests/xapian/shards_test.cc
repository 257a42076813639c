// An archive split into Xapian shards by year, each shard's articles and
// statements served by its own xapian-tcpsrv and joined by a directory of two
// stubs, answers every command as one database holding everything does: the
// same hits, scores (statistics across all shards), statements, speakers,
// facets, concordance lines and exports. Also: a shard added by a stub swap,
// a year moved to another server.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "attache/storage/date.h"
#include "attache/storage/error.h"
#include "attache/xapian/shards.h"
#include "run_attache.h"
#include "serve_process.h"
#include "server_processes.h"
#include "temp_dir.h"

using namespace attache;
using Json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kYears = {"2021", "2022", "2023"};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// What must agree between two runs of a command: the lines as a multiset
// (documents tied on score or date may come in either order: each database
// breaks ties by its own document numbers), and the order of what ranks them
// (scores; with --sort, dates then scores).
struct Output {
  std::vector<std::string> sorted_lines;
  std::vector<std::string> ranking;
  bool operator==(const Output&) const = default;
};

Output normalise(const std::string& text, bool by_date) {
  Output out;
  for (const std::string& line : lines_of(text)) {
    Json j = Json::parse(line, nullptr, false);
    out.sorted_lines.push_back(j.is_discarded() ? line : j.dump());  // CSV as it is; JSON with its keys in order
    if (j.is_object() && j.contains("score"))
      out.ranking.push_back((by_date ? j["date"].dump() + " " : "") + j["score"].dump());
  }
  std::sort(out.sorted_lines.begin(), out.sorted_lines.end());
  return out;
}

testing::Run attache_on(const fs::path& index, std::vector<std::string> args) {
  args.insert(args.begin() + 1, {"--index", index.string()});
  return testing::run_attache(args);
}

void check_same_answers(const fs::path& single, const fs::path& stub, const std::vector<std::string>& args) {
  std::string command;
  for (const auto& a : args) command += a + " ";
  CAPTURE(command);
  testing::Run one = attache_on(single, args), shards = attache_on(stub, args);
  CAPTURE(shards.err);
  REQUIRE(one.status == 0);
  REQUIRE(shards.status == 0);
  CHECK(!one.out.empty());
  const bool by_date = std::find(args.begin(), args.end(), "--sort") != args.end();
  CHECK(normalise(one.out, by_date) == normalise(shards.out, by_date));
}

// The stub pair of a set of shards: DIR/articles and DIR/statements, one
// "remote" line a shard each.
void write_stubs(const fs::path& dir, const std::vector<std::pair<uint16_t, uint16_t>>& ports) {
  fs::create_directories(dir);
  std::ofstream articles(dir / "articles"), statements(dir / "statements");
  for (const auto& [a, s] : ports) {
    articles << "remote 127.0.0.1:" << a << "\n";
    statements << "remote 127.0.0.1:" << s << "\n";
  }
}

// Serves one shard's two databases; the ports of its articles and statements.
std::pair<uint16_t, uint16_t> serve_shard(testing::ServerProcesses& servers, const fs::path& shard,
                                          std::vector<pid_t>* pids = nullptr) {
  std::pair<uint16_t, uint16_t> ports;
  for (auto [db, port] : {std::pair{"articles", &ports.first}, std::pair{"statements", &ports.second}}) {
    pid_t pid = 0;
    *port = servers.start_listening(
        [&, db = db](uint16_t p) {
          return std::vector<std::string>{"xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1",
                                          "--port",        std::to_string(p), (shard / db).string()};
        },
        &pid);
    if (pids) pids->push_back(pid);
  }
  return ports;
}

// Articles with statements from attache-gen (its corpus learned from corpus/).
std::string generate(const fs::path& file, int count, int seed, int start_year, int years) {
  const std::string command = std::string(ATTACHE_GEN) + " --learn " + ATTACHE_SOURCE_DIR + "/corpus --count " +
                              std::to_string(count) + " --seed " + std::to_string(seed) + " --start-year " +
                              std::to_string(start_year) + " --years " + std::to_string(years) +
                              " --speakers 25 --min-words 60 --max-words 160 > " + testing::shell_quote(file.string());
  REQUIRE(std::system(command.c_str()) == 0);
  return file.string();
}

// attache serve's answer to a search, as the lines of attache search --json.
std::string served_search(const testing::ServeProcess& server, const std::string& query) {
  auto response = server.client().Get("/api/search?limit=1000&q=" + httplib::detail::encode_query_param(query));
  REQUIRE(response);
  REQUIRE(response->status == 200);
  Json page = Json::parse(response->body);
  std::string lines;
  for (const auto& hit : page["hits"]) lines += hit.dump() + "\n";
  return lines + Json{{"summary", page["summary"]}}.dump() + "\n";
}

// The names of the archive's most quoted people.
std::vector<std::string> top_people(const fs::path& index, size_t count) {
  testing::Run run = attache_on(index, {"speakers", "--json", "--kind", "person", "--limit", std::to_string(count)});
  REQUIRE(run.status == 0);
  std::vector<std::string> names;
  for (const std::string& line : lines_of(run.out)) {
    Json j = Json::parse(line);
    if (j.contains("speaker")) names.push_back(j["speaker"]);
  }
  return names;
}

}  // namespace

TEST_CASE("every command over a stub of year shards behind xapian-tcpsrv answers like one database") {
  testing::TempDir dir;
  const std::string all = generate(dir / "all.jsonl", 120, 17, 2021, 3);
  REQUIRE(testing::run_attache({"index", "-q", "--backend", "xapian", "--index", (dir / "single").string(), all})
              .status == 0);
  testing::Run split = testing::run_attache({"index", "--backend", "xapian", "--index", (dir / "shards").string(),
                                             "--shard-by", "year", all});
  REQUIRE(split.status == 0);
  CHECK(split.err.find("by shard: 2021: ") != std::string::npos);

  testing::ServerProcesses servers;
  std::vector<std::pair<uint16_t, uint16_t>> ports;
  std::vector<pid_t> first_year_servers;
  for (const auto& year : kYears)
    ports.push_back(serve_shard(servers, dir / "shards" / year, year == kYears[0] ? &first_year_servers : nullptr));
  write_stubs(dir / "stub", ports);
  const fs::path single = dir / "single", stub = dir / "stub";

  const auto people = top_people(single, 2);
  REQUIRE(people.size() == 2);
  CHECK(top_people(stub, 2) == people);
  const std::string speaker = "speaker:\"" + people[0] + "\"";
  const std::vector<std::vector<std::string>> commands = {
      {"search", "--json", "--limit", "1000", "nato"},
      {"search", "--json", "--limit", "1000", "russia OR sanctions"},
      {"search", "--json", "--limit", "1000", "\"foreign minister\" date:2022"},
      {"search", "--json", "--limit", "1000", "--sort", "newest", "talks -ukraine"},
      {"search", "--json", "--limit", "1000", speaker},
      {"search", "--json", "--limit", "1000", "speaker:\"" + people[1] + "\" OR " + speaker},
      {"search", "--json", "--limit", "1000", "--statements", "nato"},
      {"search", "--json", "--limit", "1000", "--statements", "--sort", "oldest", "russia date:2022.."},
      {"search", "--json", "--count", "--facet", "speaker", "--facet", "month", "nato"},
      {"search", "--json", "--count", "--facet", "speaker", "--facet", "month", "--statements", "russia"},
      {"speakers", "--json", "--limit", "100"},
      {"speakers", "--json", "--limit", "100", "nato"},
      {"kwic", "--json", "--limit", "0", "sanctions"},
      {"kwic", "--json", "--limit", "0", speaker + " russia"},
      {"export", "nato"},
      {"export", "--format", "csv", "russia"},
      {"export", speaker},
      {"export", "--statements", "--format", "csv", "nato"},
  };
  for (const auto& command : commands) check_same_answers(single, stub, command);

  // attache serve opens the stubs like any index, through a link swapped below.
  fs::create_directory_symlink(dir / "stub", dir / "current");
  testing::ServeProcess server((dir / "current").string());
  CHECK(normalise(served_search(server, speaker), false) ==
        normalise(attache_on(stub, {"search", "--json", "--limit", "1000", speaker}).out, false));

  {  // a shard added by swapping the stubs; a year moved to another server
    const std::string more = generate(dir / "2024.jsonl", 30, 18, 2024, 1);
    REQUIRE(testing::run_attache({"index", "-q", "--backend", "xapian", "--index", single.string(), more}).status == 0);
    REQUIRE(testing::run_attache({"index", "-q", "--backend", "xapian", "--index", (dir / "shards").string(),
                                  "--shard-by", "year", "--shard", "2024", more})
                .status == 0);
    ports.push_back(serve_shard(servers, dir / "shards" / "2024"));
    // The stubs are a directory reached through a symbolic link: the new
    // pair is written beside the old and the link renamed over.
    write_stubs(dir / "stubs-2", ports);
    fs::create_directory_symlink(dir / "stubs-2", dir / "current.new");
    fs::rename(dir / "current.new", dir / "current");
    check_same_answers(single, dir / "current", {"search", "--json", "--limit", "1000", speaker});
    check_same_answers(single, dir / "current", {"speakers", "--json", "--limit", "100"});
    CHECK(normalise(served_search(server, speaker), false) ==
          normalise(attache_on(single, {"search", "--json", "--limit", "1000", speaker}).out, false));

    // 2021 moves: a copy served elsewhere, the stubs swapped, the old server stopped.
    fs::create_directories(dir / "elsewhere");
    fs::copy(dir / "shards" / "2021", dir / "elsewhere" / "2021", fs::copy_options::recursive);
    ports[0] = serve_shard(servers, dir / "elsewhere" / "2021");
    write_stubs(dir / "stubs-3", ports);
    fs::create_directory_symlink(dir / "stubs-3", dir / "current.new");
    fs::rename(dir / "current.new", dir / "current");
    for (pid_t pid : first_year_servers) servers.stop(pid);
    fs::remove_all(dir / "shards" / "2021");
    check_same_answers(single, dir / "current", {"search", "--json", "--limit", "1000", "--statements", "nato"});
    check_same_answers(single, dir / "current", {"export", "date:2021"});
  }
}

TEST_CASE("a replica kept by xapian-replicate answers like its master after new articles are added") {
  testing::TempDir dir;
  // Changesets let a replica catch up by the changes alone rather than a copy
  // of the whole database (README.md: replicas).
  ::setenv("XAPIAN_MAX_CHANGESETS", "10", 1);
  const fs::path master = dir / "master" / "news", replica = dir / "replica";
  fs::create_directories(replica);
  auto index = [&](const std::string& input) {
    REQUIRE(testing::run_attache({"index", "-q", "--backend", "xapian", "--index", master.string(), input}).status == 0);
  };
  index(generate(dir / "first.jsonl", 60, 21, 2021, 2));

  testing::ServerProcesses servers;
  const uint16_t port = servers.start_listening([&](uint16_t p) {
    return std::vector<std::string>{"xapian-replicate-server", "--interface", "127.0.0.1", "--port",
                                    std::to_string(p), (dir / "master").string()};
  });
  auto replicate = [&] {
    for (const char* db : {"articles", "statements"}) {
      const std::string command = "xapian-replicate --host 127.0.0.1 --port " + std::to_string(port) +
                                  " --master news/" + db + " --one-shot " +
                                  testing::shell_quote((replica / db).string()) + " >/dev/null 2>&1";
      REQUIRE(std::system(command.c_str()) == 0);
    }
  };
  const std::vector<std::vector<std::string>> commands = {
      {"search", "--json", "--limit", "1000", "nato OR russia"},
      {"search", "--json", "--limit", "1000", "--statements", "sanctions"},
      {"speakers", "--json", "--limit", "100"},
      {"export", "date:2023"},
  };
  replicate();
  for (size_t k = 0; k + 1 < commands.size(); ++k) check_same_answers(master, replica, commands[k]);

  index(generate(dir / "more.jsonl", 20, 22, 2023, 1));
  testing::Run stale = attache_on(replica, {"export", "date:2023"});
  CHECK(stale.out.empty());
  replicate();
  for (const auto& command : commands) check_same_answers(master, replica, command);
  ::unsetenv("XAPIAN_MAX_CHANGESETS");
}

TEST_CASE("shard rules: a year, or a hash of the id that never changes; anything else refused") {
  using xapian_backend::ShardRule;
  storage::StoredDocument article;
  article.id = "gen-17-280";
  article.date = *parse_date("2022-11-12");
  CHECK(ShardRule::parse("year").shard_of(article) == "2022");
  // FNV-1a of the id (checked against an independent implementation): these
  // values must hold in every release, or ids would change shards.
  CHECK(ShardRule::parse("hash:8").shard_of(article) == "3");
  CHECK(ShardRule::parse("hash:1000").shard_of(article) == "843");
  CHECK(ShardRule::parse("hash:8").names("7"));
  CHECK_FALSE(ShardRule::parse("hash:8").names("8"));
  CHECK_FALSE(ShardRule::parse("hash:8").names("07"));
  CHECK(ShardRule::parse("year").names("2021"));
  CHECK_FALSE(ShardRule::parse("year").names("twenty"));
  for (const char* bad : {"hash:0", "hash:", "hash:x", "month", ""}) CHECK_THROWS_AS(ShardRule::parse(bad), Error);

  testing::TempDir dir;
  const std::string index = (dir / "x").string(), input = std::string(ATTACHE_SOURCE_DIR) + "/corpus";
  testing::Run no_rule = testing::run_attache({"index", "--backend", "xapian", "--index", index, "--shard", "1", input});
  CHECK(no_rule.status == 2);
  CHECK(no_rule.err.find("--shard needs --shard-by") != std::string::npos);
  testing::Run attache_format = testing::run_attache({"index", "--index", index, "--shard-by", "year", input});
  CHECK(attache_format.status == 2);
  testing::Run unknown = testing::run_attache(
      {"index", "--backend", "xapian", "--index", index, "--shard-by", "hash:4", "--shard", "4", input});
  CHECK(unknown.status != 0);
  CHECK(unknown.err.find("shard '4' is none") != std::string::npos);
  testing::Run one = testing::run_attache(
      {"index", "--backend", "xapian", "--index", index, "--shard-by", "year", "--shard", "2022", input});
  CHECK(one.status == 0);
  CHECK(one.err.find("by shard: 2022: 11; 1 of other shards passed over") != std::string::npos);
  CHECK(!fs::exists(dir / "x" / "2021"));
}
