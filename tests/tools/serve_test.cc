// attache serve's JSON API against the command line: every endpoint answers
// what the CLI prints for the same query (the same objects, from the same
// serialisation), and errors come back as JSON with the right status.
#include <doctest/doctest.h>

#include <codecvt>
#include <locale>
#include <nlohmann/json.hpp>
#include <sstream>

#include "run_attache.h"
#include "serve_process.h"

using attache::testing::Run;
using attache::testing::run_attache;
using attache::testing::ServeProcess;
using attache::testing::TempDir;
using Json = nlohmann::ordered_json;

namespace {

const std::string kCorpus = std::string(ATTACHE_SOURCE_DIR) + "/corpus";

struct Fixture {
  TempDir dir;
  std::string index = (dir / "index").string();
  std::unique_ptr<ServeProcess> server;
  Fixture() {
    Run r = run_attache({"index", "--index", index, kCorpus});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    server = std::make_unique<ServeProcess>(index);
  }
};

Fixture& shared() {
  static Fixture fixture;
  return fixture;
}

std::string encode(const std::string& s) {
  std::string out;
  const char* hex = "0123456789ABCDEF";
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

struct Answer {
  int status = 0;
  Json body;
  std::string raw;
  httplib::Headers headers;
};

Answer get(const std::string& path) {
  auto result = shared().server->client().Get(path);
  REQUIRE_MESSAGE(result, "no answer to " << path);
  Answer a{result->status, {}, result->body, result->headers};
  if (result->get_header_value("Content-Type").find("application/json") == 0) a.body = Json::parse(result->body);
  return a;
}

// The CLI's JSON Lines: every line but a trailing summary, and the summary.
std::pair<Json, Json> cli_lines(std::vector<std::string> args) {
  Run r = run_attache(args);
  REQUIRE_MESSAGE(r.status == 0, r.err);
  Json lines = Json::array(), summary;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) {
    Json j = Json::parse(line);
    if (j.contains("summary"))
      summary = j["summary"];
    else
      lines.push_back(j);
  }
  return {lines, summary};
}

}  // namespace

TEST_CASE("serve: /api/search gives the hits and summary of attache search --json") {
  const std::string& index = shared().index;
  struct Case {
    std::string q, extra_api;
    std::vector<std::string> extra_cli;
  };
  const std::vector<Case> cases = {
      {"nato", "", {}},
      {"\"open door\"", "&limit=3&offset=1", {"--limit", "3", "--offset", "1"}},
      {"sanctions OR guarantees", "&sort=newest&facet=month&facet=speaker",
       {"--sort", "newest", "--facet", "month", "--facet", "speaker"}},
      {"ukraine", "&from=2022-01&to=2022-01-20&sort=oldest", {"--from", "2022-01", "--to", "2022-01-20", "--sort", "oldest"}},
      {"speaker:ryabkov", "&limit=20", {"--limit", "20"}},
      {"nato", "&statements=true&facet=speaker", {"--statements", "--facet", "speaker"}},
      {"talks", "&facet=place&facet=lang", {"--facet", "place", "--facet", "lang"}},
      {"speaker:sherman", "&min_confidence=0.9&limit=50", {"--min-confidence", "0.9", "--limit", "50"}},
      {"negotiat*", "&limit=0", {"--limit", "0"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.q);
    Answer a = get("/api/search?q=" + encode(c.q) + c.extra_api);
    REQUIRE(a.status == 200);
    std::vector<std::string> args = {"search", "--index", index, "--json", c.q};
    args.insert(args.end(), c.extra_cli.begin(), c.extra_cli.end());
    auto [hits, summary] = cli_lines(args);
    CHECK(a.body["hits"] == hits);
    CHECK(a.body["summary"] == summary);
  }
}

// Regression: a statement hit's highlights were offsets into a snippet of the
// statement (white space collapsed, possibly starting at a later sentence),
// not into its "text".
TEST_CASE("serve: a statement hit's highlights index into its text") {
  Answer a = get("/api/search?q=" + encode("\"open door\" OR nato") + "&statements=true&limit=100");
  REQUIRE(a.status == 200);
  size_t marks = 0;
  for (const auto& hit : a.body["hits"]) {
    std::u32string text;
    for (char32_t c : std::wstring_convert<std::codecvt_utf8<char32_t>, char32_t>().from_bytes(hit["text"].get<std::string>()))
      text += c;
    for (const auto& span : hit["highlights"]) {
      std::u32string word = text.substr(span[0].get<size_t>(), span[1].get<size_t>() - span[0].get<size_t>());
      std::string lower;
      for (char32_t c : word) lower += static_cast<char>(std::tolower(static_cast<int>(c)));
      CAPTURE(lower);
      // The whole token is marked, a possessive too ("NATO's").
      CHECK((lower == "open" || lower == "door" || lower.rfind("nato", 0) == 0));
      ++marks;
    }
  }
  CHECK(marks > 5);
}

TEST_CASE("serve: a minimum confidence narrows statements in the API as on the command line") {
  Answer all = get("/api/search?q=" + encode("speaker:sherman") + "&limit=0");
  Answer confident = get("/api/search?q=" + encode("speaker:sherman") + "&limit=0&min_confidence=0.9");
  REQUIRE(all.status == 200);
  REQUIRE(confident.status == 200);
  CHECK(confident.body["summary"]["total"].get<int>() < all.body["summary"]["total"].get<int>());
  Answer above = get("/api/search?q=nato&statements=1&limit=1000&min_confidence=0.9");
  for (const auto& hit : above.body["hits"]) CHECK(hit["confidence"].get<double>() >= 0.9);
}

TEST_CASE("serve: /api/article/ID gives the article as export does, and its statements") {
  const std::string id = "002_brussels_nato_council";
  Answer a = get("/api/article/" + id);
  REQUIRE(a.status == 200);
  auto [articles, _] = cli_lines({"export", "--index", shared().index, "id:" + id});
  REQUIRE(articles.size() == 1);
  CHECK(a.body["article"] == articles[0]);
  auto [statements, __] = cli_lines({"export", "--index", shared().index, "--statements", "id:" + id});
  REQUIRE(a.body["statements"].size() == statements.size());
  REQUIRE(!statements.empty());
  for (size_t i = 0; i < statements.size(); ++i) {
    Json s = a.body["statements"][i];
    CHECK(s.contains("group"));
    s.erase("group");
    CHECK(s == statements[i]);
  }
  CHECK(get("/api/article/no_such_article").status == 404);
  CHECK(get("/api/article/no_such_article").body["error"].get<std::string>().find("no_such_article") != std::string::npos);
}

TEST_CASE("serve: /api/speakers, /api/kwic and /api/stats equal the commands") {
  const std::string& index = shared().index;
  Answer speakers = get("/api/speakers?limit=5");
  auto [rows, summary] = cli_lines({"speakers", "--index", index, "--json", "--limit", "5"});
  CHECK(speakers.body["speakers"] == rows);
  CHECK(speakers.body["summary"] == summary);
  Answer by_query = get("/api/speakers?q=sanctions");
  auto [query_rows, query_summary] = cli_lines({"speakers", "--index", index, "--json", "sanctions"});
  CHECK(by_query.body["speakers"] == query_rows);
  CHECK(by_query.body["summary"] == query_summary);

  Answer kwic = get("/api/kwic?q=" + encode("\"open door\"") + "&width=30&limit=7");
  auto [lines, no_summary] = cli_lines({"kwic", "--index", index, "--json", "--width", "30", "--limit", "7", "\"open door\""});
  CHECK(kwic.body["lines"] == lines);
  CHECK(kwic.body["summary"]["returned"] == lines.size());

  Answer stats = get("/api/stats");
  Run cli = run_attache({"stats", "--index", index, "--json"});
  REQUIRE(cli.status == 0);
  CHECK(stats.body == Json::parse(cli.out));
  Answer health = get("/api/health");
  CHECK(health.status == 200);
  CHECK(health.body["status"] == "ok");
  CHECK(health.body["articles"] == 12);
}

TEST_CASE("serve: collapse=1 gives attache search --collapse") {
  const std::string& index = shared().index;
  Answer collapsed = get("/api/search?q=nato&collapse=1&limit=5");
  auto [hits, summary] = cli_lines({"search", "--index", index, "--json", "--limit", "5", "--collapse", "nato"});
  CHECK(collapsed.body["hits"] == hits);
  CHECK(collapsed.body["summary"]["total"] == summary["total"]);
  CHECK(collapsed.body["hits"][0].contains("copies"));
  Answer statements = get("/api/search?q=nato&collapse=1&statements=1&limit=5");
  CHECK(statements.body["hits"] ==
        cli_lines({"search", "--index", index, "--json", "--limit", "5", "--collapse", "--statements", "nato"}).first);
  Answer unique = get("/api/export?q=nato&unique=true");
  REQUIRE(unique.status == 200);
  Run cli = run_attache({"export", "--index", index, "--unique", "nato"});
  REQUIRE(cli.status == 0);
  CHECK(unique.raw == cli.out);
  CHECK(get("/api/export?q=nato&unique=true&statements=true").status == 400);
}

TEST_CASE("serve: /api/quotes equals attache quotes --history") {
  const std::string& index = shared().index;
  Answer all = get("/api/quotes?limit=0");
  CHECK(all.status == 200);
  CHECK(all.body["quotes"] == cli_lines({"quotes", "--index", index, "--history", "--json", "--limit", "0"}).first);
  Answer first = get("/api/quotes?q=" + encode("\"open door\"") + "&sort=date&limit=1&from=2022-01");
  CHECK(first.body["quotes"] == cli_lines({"quotes", "--index", index, "--history", "--json", "--sort", "date",
                                           "--limit", "1", "--from", "2022-01", "\"open door\""}).first);
  CHECK(first.body["summary"]["returned"] == 1);
  CHECK(get("/api/quotes?sort=size").status == 400);
  CHECK(get("/api/quotes?q=" + encode("(nato")).status == 400);
}

TEST_CASE("serve: /api/export streams what attache export writes, as a download") {
  const std::string& index = shared().index;
  for (const std::string format : {"jsonl", "csv"})
    for (const bool statements : {false, true}) {
      CAPTURE(format);
      CAPTURE(statements);
      Answer a = get("/api/export?q=nato&format=" + format + (statements ? "&statements=true" : ""));
      REQUIRE(a.status == 200);
      std::vector<std::string> args = {"export", "--index", index, "--format", format, "nato"};
      if (statements) args.push_back("--statements");
      Run cli = run_attache(args);
      REQUIRE(cli.status == 0);
      CHECK(a.raw == cli.out);
      CHECK(a.raw.size() > 1000);
      auto header = [&](const char* name) {
        auto it = a.headers.find(name);
        return it == a.headers.end() ? std::string() : it->second;
      };
      CHECK(header("Transfer-Encoding") == "chunked");
      CHECK(header("Content-Disposition").find("attachment; filename=\"attache-") == 0);
    }
}

TEST_CASE("serve: errors are JSON with a status: malformed queries, bad parameters, unknown paths") {
  Answer malformed = get("/api/search?q=" + encode("nato AND (ukraine"));
  CHECK(malformed.status == 400);
  Run cli = run_attache({"search", "--index", shared().index, "nato AND (ukraine"});
  CHECK(cli.status == 2);
  const std::string message = malformed.body["error"];
  CHECK(cli.err.find(message) != std::string::npos);
  CHECK(malformed.body["position"] == 9);  // characters, where the caret points
  CHECK(get("/api/search?q=" + encode("Ryabkov’s \"(")).body["position"] == 10);

  CHECK(get("/api/search").status == 400);                       // no q
  CHECK(get("/api/search?q=nato&limit=-1").status == 400);
  CHECK(get("/api/search?q=nato&limit=1001").status == 413);     // a page holds at most 1,000
  CHECK(get("/api/search?q=nato&offset=1e30").status == 400);
  CHECK(get("/api/search?q=nato&offset=99999999999999999999999").status == 400);
  CHECK(get("/api/search?q=nato&sort=sideways").status == 400);
  CHECK(get("/api/search?q=nato&from=yesterday").status == 400);
  CHECK(get("/api/search?q=nato&min_confidence=2").status == 400);
  CHECK(get("/api/search?q=nato&facet=colour").status == 400);
  CHECK(get("/api/search?q=nato&q=russia").status == 400);
  Answer unknown = get("/api/search?q=nato&colour=blue");
  CHECK(unknown.status == 400);
  CHECK(unknown.body["error"].get<std::string>().find("colour") != std::string::npos);
  CHECK(get("/api/kwic?q=nato&width=100000").status == 413);
  CHECK(get("/api/export?q=nato&format=xml").status == 400);
  CHECK(get("/api/nothing").status == 404);
  CHECK(get("/nothing.html").status == 404);
  CHECK(get("/").status == 200);
  CHECK(get("/app.js").status == 200);
}
