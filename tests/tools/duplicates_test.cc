// Near-duplicate articles: search --collapse, export --unique, groups across commits and deletions.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "run_attache.h"
#include "temp_dir.h"

using namespace attache::testing;

namespace {

using Json = nlohmann::ordered_json;

const char* const kParagraphs[] = {
    "Foreign ministers of the alliance met in Vilnius on Tuesday to weigh a request from Finland for closer "
    "cooperation on air defence, as talks with Moscow on a new security arrangement remained stalled.",
    "The ministers agreed to send a team of experts to Helsinki next month to study how radar stations along the "
    "border could share their data with the alliance's command centre in Germany.",
    "Diplomats said the decision had been prepared for weeks and that no member had raised objections during the "
    "closed session, which lasted a little over three hours.",
    "The Finnish foreign minister told reporters after the meeting that his government welcomed the outcome and "
    "expected the first joint exercises to take place before the winter.",
    "Russia's foreign ministry said in a statement that it regarded the plan as a provocation and would draw its "
    "own conclusions, without saying what measures it had in mind.",
    "Analysts in Tallinn and Riga noted that the Baltic states had long pressed for such a step and that the "
    "timing reflected growing worry about incidents in the airspace over the Baltic Sea.",
    "The alliance's secretary general is expected to present the details of the arrangement at a summit in "
    "Brussels in June, where leaders will also discuss spending on defence.",
    "Officials cautioned that the cost of the new radar links had not yet been settled and that parliaments in "
    "several member states would have to approve the money before any work could begin.",
};

std::string story(size_t skip = SIZE_MAX, const std::string& lead = "") {
  std::string text = lead;
  for (size_t i = 0; i < std::size(kParagraphs); ++i)
    if (i != skip) text += (text.empty() ? "" : "\n\n") + std::string(kParagraphs[i]);
  return text;
}

void write_article(const std::filesystem::path& dir, const std::string& id, const std::string& date,
                   const std::string& source, const std::string& title, const std::string& body) {
  std::ofstream(dir / (id + ".txt")) << "id " << id << "\ntitle " << title << "\ndate " << date << "\nsource " << source
                                     << "\n\n" << body << "\n";
}

std::vector<Json> json_lines(const Run& r) {
  REQUIRE_MESSAGE(r.status == 0, r.err);
  std::vector<Json> out;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    Json j = Json::parse(line);
    if (!j.contains("summary")) out.push_back(j);
  }
  return out;
}

// A wire story, three rewrites (another headline; a paragraph cut; an update added on top) and an
// unrelated article on the same topic.
struct Archive {
  TempDir articles, index;
  Archive() {
    write_article(articles.path(), "wire", "2023-04-04", "Wire Agency", "Alliance to study Finnish air defence", story());
    write_article(articles.path(), "headline", "2023-04-05", "Daily Herald", "Vilnius: ministers back radar plan", story());
    write_article(articles.path(), "cut", "2023-04-06", "Evening Post", "Air defence plan advances", story(4));
    write_article(articles.path(), "update", "2023-04-07", "Morning Star", "Radar plan: Moscow protests",
                  story(SIZE_MAX, "UPDATE: Moscow summoned the Finnish ambassador on Wednesday over the plan."));
    write_article(articles.path(), "other", "2023-04-05", "Evening Post", "A summer of exercises over the Baltic",
                  "Air forces of the alliance will hold their largest exercise over the Baltic Sea this summer, "
                  "officials in Brussels said, with radar stations in Finland and the Baltic states linked for the "
                  "first time.\n\nThe exercise, planned for June, will test how quickly the command centre in Germany "
                  "can share data on aircraft approaching the border, and ministers are expected to review the "
                  "results at their autumn meeting.");
    index_articles();
  }
  void index_articles() {
    Run r = run_attache({"index", "--index", index.path().string(), articles.path().string()});
    REQUIRE_MESSAGE(r.status == 0, r.err);
  }
  std::vector<Json> search(std::vector<std::string> args) {
    args.insert(args.begin(), {"search", "--index", index.path().string(), "--json", "--limit", "20"});
    return json_lines(run_attache(args));
  }
};

}  // namespace

TEST_CASE("near-duplicates: a wire story and three rewrites are one group, an article on the same topic is not") {
  Archive archive;
  auto all = archive.search({"radar"});
  CHECK(all.size() == 5);
  auto collapsed = archive.search({"radar", "--collapse", "--sort", "oldest"});
  REQUIRE(collapsed.size() == 2);
  const Json& wire = collapsed[0]["id"] == "wire" ? collapsed[0] : collapsed[1];
  const Json& other = collapsed[0]["id"] == "wire" ? collapsed[1] : collapsed[0];
  CHECK(wire["id"] == "wire");
  CHECK(wire["copies"] == 3);
  CHECK(wire["original"] == "wire");
  CHECK(wire["copy_sources"] == Json::array({"Daily Herald", "Evening Post", "Morning Star"}));
  CHECK(other["id"] == "other");
  CHECK(other["copies"] == 0);
  // Counts either way.
  Run count = run_attache({"search", "--index", archive.index.path().string(), "radar", "--count"});
  CHECK(count.out == "5\n");
  Run groups = run_attache({"search", "--index", archive.index.path().string(), "radar", "--count", "--collapse"});
  CHECK(groups.out == "2\n");
  // Facets either way: months count articles, or groups in the month of their earliest match.
  auto month_total = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {"search", "--index", archive.index.path().string(), "radar", "--json",
                                     "--facet", "month"};
    args.insert(args.end(), extra.begin(), extra.end());
    Run r = run_attache(args);
    REQUIRE_MESSAGE(r.status == 0, r.err);
    int total = 0;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);)
      if (Json j = Json::parse(line); j.contains("summary"))
        for (const auto& [month, n] : j["summary"]["facets"]["month"].items()) total += n.get<int>();
    return total;
  };
  CHECK(month_total({}) == 5);
  CHECK(month_total({"--collapse"}) == 2);
  // export --unique: each group's original only.
  auto unique = json_lines(run_attache({"export", "--index", archive.index.path().string(), "--unique", "radar"}));
  std::set<std::string> ids;
  for (const Json& a : unique) ids.insert(a["id"].get<std::string>());
  CHECK(ids == std::set<std::string>{"wire", "other"});
}

TEST_CASE("near-duplicates: groups hold across commits, and deleting the original makes the next copy the original") {
  Archive archive;
  // A fourth copy arrives in a later commit (another segment).
  write_article(archive.articles.path(), "late", "2023-04-09", "Weekly Review", "Radar deal", story(6));
  archive.index_articles();
  auto collapsed = archive.search({"radar", "--collapse", "--sort", "oldest"});
  REQUIRE(collapsed.size() == 2);
  CHECK(collapsed[0]["copies"] == 4);
  Run deleted = run_attache({"delete", "--index", archive.index.path().string(), "wire"});
  REQUIRE_MESSAGE(deleted.status == 0, deleted.err);
  collapsed = archive.search({"radar", "--collapse", "--sort", "oldest"});
  REQUIRE(collapsed.size() == 2);
  const Json& first = collapsed[0]["copies"] == 3 ? collapsed[0] : collapsed[1];
  CHECK(first["copies"] == 3);
  CHECK(first["original"] == "headline");  // the earliest left
  Run optimized = run_attache({"optimize", "--index", archive.index.path().string()});
  REQUIRE_MESSAGE(optimized.status == 0, optimized.err);
  CHECK(archive.search({"radar", "--collapse"}).size() == 2);
}

TEST_CASE("near-duplicates: --statements --collapse gives each statement once, with where else it appeared") {
  Archive archive;
  auto all = archive.search({"provocation", "--statements"});
  auto collapsed = archive.search({"provocation", "--statements", "--collapse"});
  REQUIRE(!collapsed.empty());
  CHECK(collapsed.size() < all.size());
  std::set<std::string> texts;
  for (const Json& h : collapsed) CHECK(texts.insert(h["text"].get<std::string>()).second);
  const Json& carried = collapsed[0];
  CHECK(carried["copies"].get<int>() >= 2);
  CHECK(carried["original"] == "wire");
  Run groups = run_attache({"search", "--index", archive.index.path().string(), "provocation", "--statements", "--count",
                            "--collapse"});
  CHECK(groups.out == std::to_string(collapsed.size()) + "\n");
}

TEST_CASE("near-duplicates: the speakers listing counts a story carried many times once, unless asked") {
  Archive archive;
  auto statements_of_ministry = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {"speakers", "--index", archive.index.path().string(), "--json",
                                     "--min-confidence", "0", "--limit", "0"};
    args.insert(args.end(), extra.begin(), extra.end());
    for (const Json& row : json_lines(run_attache(args)))
      if (row["speaker"].get<std::string>().find("foreign ministry") != std::string::npos) return row["statements"].get<int>();
    return 0;
  };
  // The ministry's statement is in the wire story, the new headline and the update (the cut lost it).
  const int once = statements_of_ministry({});
  CHECK(once > 0);
  CHECK(statements_of_ministry({"--copies"}) == 3 * once);
}
