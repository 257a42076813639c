// attache quotes --index DIR --history: one statement carried by many articles is one group.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "run_attache.h"
#include "temp_dir.h"

using namespace attache::testing;

namespace {

using Json = nlohmann::ordered_json;

void write_article(const std::filesystem::path& dir, const std::string& name, const std::string& date,
                   const std::string& source, const std::string& body) {
  std::ofstream(dir / (name + ".txt")) << "title " << name << "\ndate " << date << "\nsource " << source << "\n\n"
                                       << body << "\n";
}

std::vector<Json> history(const std::string& index, std::vector<std::string> args) {
  args.insert(args.begin(), {"quotes", "--index", index, "--history", "--json", "--limit", "0"});
  Run r = run_attache(args);
  REQUIRE_MESSAGE(r.status == 0, r.err);
  std::vector<Json> groups;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) groups.push_back(Json::parse(line));
  return groups;
}

// Five articles over a month carry one statement of Lavrov's: the wire copy, a rewrite with other
// punctuation, one quoting only its first sentence, two more copies; and an unrelated statement.
struct WireArchive {
  TempDir articles, index;
  WireArchive() {
    const std::string quote =
        "\"We will never accept the expansion of the alliance up to our borders. Our proposals are on the table, "
        "and we expect a written answer within days,\" Russian Foreign Minister Sergei Lavrov told reporters in Moscow.";
    write_article(articles.path(), "wire", "2022-01-14", "Wire Agency",
                  "MOSCOW - Talks ended without agreement. " + quote);
    write_article(articles.path(), "rewrite", "2022-01-15", "Daily Herald",
                  "Diplomacy stalled this week. \"We will NEVER accept the expansion of the alliance up to our borders; "
                  "our proposals are on the table and we expect a written answer within days,\" Russian Foreign "
                  "Minister Sergei Lavrov told reporters in Moscow.");
    write_article(articles.path(), "partial", "2022-01-20", "Evening Post",
                  "\"We will never accept the expansion of the alliance up to our borders. Our proposals are on the "
                  "table,\" Sergei Lavrov told reporters.");
    write_article(articles.path(), "copy1", "2022-02-02", "Wire Agency", "Analysis of the week. " + quote);
    write_article(articles.path(), "copy2", "2022-02-11", "Daily Herald", "A month on. " + quote);
    write_article(articles.path(), "other", "2022-01-16", "Evening Post",
                  "\"The alliance is defensive and its door stays open to every European democracy,\" Secretary "
                  "General Jens Stoltenberg told reporters in Brussels.");
    Run r = run_attache({"index", "--index", index.path().string(), articles.path().string()});
    REQUIRE_MESSAGE(r.status == 0, r.err);
  }
};

}  // namespace

TEST_CASE("quote history: a statement in five articles over a month is one group") {
  WireArchive archive;
  const std::string index = archive.index.path().string();
  auto groups = history(index, {"speaker:lavrov"});
  REQUIRE(groups.size() == 1);
  const Json& g = groups[0];
  CHECK(g["type"] == "quote");
  CHECK(g["speaker"] == "Sergei Lavrov");
  CHECK(g["articles"] == 5);
  CHECK(g["statements"] == 5);
  CHECK(g["sources"] == 3);
  CHECK(g["first_date"] == "2022-01-14");
  CHECK(g["first_article"] == "wire");
  CHECK(g["last_date"] == "2022-02-11");
  CHECK(g["text"].get<std::string>().find("We will never accept") == 0);

  // Ranked by spread, the five-article group comes before the one-article statement.
  auto all = history(index, {});
  REQUIRE(all.size() == 2);
  CHECK(all[0]["articles"] == 5);
  CHECK(all[1]["speaker"] == "Jens Stoltenberg");
  // Who said it first: by first date, limited to one.
  Run first = run_attache({"quotes", "--index", index, "--history", "--json", "--sort", "date", "--limit", "1",
                           "\"written answer\""});
  REQUIRE_MESSAGE(first.status == 0, first.err);
  CHECK(Json::parse(first.out)["first_article"] == "wire");
  // Dates narrow what is grouped.
  auto february = history(index, {"--from", "2022-02"});
  REQUIRE(february.size() == 1);
  CHECK(february[0]["articles"] == 2);
  CHECK(february[0]["first_date"] == "2022-02-02");
}

TEST_CASE("quote history: statements that only share words are not grouped") {
  WireArchive archive;
  // A part that covers less than half of the statement it comes from is a statement of its own.
  std::ofstream(archive.articles.path() / "short.txt")
      << "date 2022-03-01\nsource Other\n\n\"We will never accept the expansion,\" Sergei Lavrov told reporters.\n";
  Run r = run_attache({"index", "--index", archive.index.path().string(), archive.articles.path().string()});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  auto groups = history(archive.index.path().string(), {"speaker:lavrov"});
  CHECK(groups.size() == 2);
}

TEST_CASE("quote history: --history needs --index, and --sort is spread or date") {
  CHECK(run_attache({"quotes", "--history", "corpus"}).status == 2);
  Run r = run_attache({"quotes", "--index", "/nonexistent", "--history", "--sort", "size"});
  CHECK(r.status == 2);
  CHECK(r.err.find("spread or date") != std::string::npos);
}
