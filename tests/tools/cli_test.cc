// End-to-end tests of the attache command: index corpus/, then check exact hit
// sets for phrases, boolean queries and date ranges, the output formats, and
// what users see for bad input, bad options, bad queries and damaged indexes.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "run_attache.h"
#include "temp_dir.h"

using attache::testing::Run;
using attache::testing::run_attache;
using attache::testing::slurp;
using attache::testing::TempDir;
using Json = nlohmann::json;

namespace {

const std::string kCorpus = std::string(ATTACHE_SOURCE_DIR) + "/corpus";

// The corpus indexed once for every test that only reads it.
const std::string& corpus_index() {
  static TempDir dir;
  static std::string path = [] {
    std::string p = (dir / "index").string();
    Run r = run_attache({"index", "--index", p, kCorpus});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    return p;
  }();
  return path;
}

struct Hits {
  std::vector<std::string> ids;
  std::vector<std::string> dates;
  uint64_t total = 0;
  std::set<std::string> set() const { return {ids.begin(), ids.end()}; }
};

Hits search(std::vector<std::string> args) {
  args.insert(args.begin(), {"search", "--index", corpus_index(), "--json", "--limit", "100"});
  Run r = run_attache(args);
  REQUIRE_MESSAGE(r.status == 0, r.err);
  Hits hits;
  std::istringstream lines(r.out);
  std::string line;
  bool summary = false;
  while (std::getline(lines, line)) {
    Json j = Json::parse(line);
    if (j.contains("summary")) {
      hits.total = j["summary"]["total"];
      summary = true;
      continue;
    }
    CHECK(j["type"] == "article");
    for (const char* field : {"id", "date", "title", "score", "snippet", "highlights"}) CHECK(j.contains(field));
    hits.ids.push_back(j["id"]);
    hits.dates.push_back(j["date"]);
  }
  CHECK(summary);
  CHECK(hits.total == hits.ids.size());
  return hits;
}

using Ids = std::set<std::string>;

}  // namespace

TEST_CASE("indexing the corpus reports what it did") {
  TempDir dir;
  Run r = run_attache({"index", "--index", (dir / "idx").string(), kCorpus});
  CHECK(r.status == 0);
  CHECK(r.err.find("indexed 12 articles") != std::string::npos);
  CHECK(r.err.find("skipped 0") != std::string::npos);
  CHECK(r.out.empty());
}

TEST_CASE("index: CSV, NITF, NewsML-G2 and compressed inputs, --csv-column, and compressed standard input") {
  TempDir dir;
  const std::string formats = std::string(ATTACHE_SOURCE_DIR) + "/tests/data/formats";
  Run r = run_attache({"index", "--index", (dir / "idx").string(), formats + "/all-the-news.csv.gz",
                       formats + "/nyt-1816753.xml", formats + "/newsml-message.xml", "--csv-column", "title=title"});
  CHECK(r.status == 0);
  CHECK(r.err.find("indexed 6 articles") != std::string::npos);
  CHECK(r.err.find("skipped 4 (2 no date, 2 invalid CSV)") != std::string::npos);
  CHECK(r.err.find("all-the-news.csv.gz:8: skipped, invalid CSV: 4 fields where the header has 10") != std::string::npos);
  CHECK(run_attache({"search", "--index", (dir / "idx").string(), "id:1816753", "--count"}).out.find("1") == 0);
  CHECK(run_attache({"index", "--index", (dir / "idx").string(), formats, "--csv-column", "colour=x"}).status == 2);

  std::ifstream zst(formats + "/feed.jsonl.zst", std::ios::binary);
  Run piped = run_attache({"index", "--index", (dir / "idx").string(), "-"}, std::string(std::istreambuf_iterator<char>(zst), {}));
  CHECK(piped.err.find("indexed 2 articles") != std::string::npos);
  CHECK(piped.err.find("<stdin>:3: skipped, invalid JSON") != std::string::npos);
}

TEST_CASE("phrases") {
  CHECK(search({"\"open door policy\""}).set() == Ids{"000_acfc8dae91c10f02", "002_brussels_nato_council"});
  CHECK(search({"\"military-technical\""}).set() == Ids{"000_acfc8dae91c10f02", "002_brussels_nato_council"});
  CHECK(search({"\"door to diplomacy\""}).set() == Ids{"001_geneva_followup"});
  CHECK(search({"\"Russia’s demands\""}).set() == Ids{"000_acfc8dae91c10f02"});
  CHECK(search({"\"sanctions before\""}).set() == Ids{"005_blinken_kyiv_visit"});
}

TEST_CASE("boolean queries") {
  CHECK(search({"sanctions OR guarantees"}).set() ==
        Ids{"000_acfc8dae91c10f02", "004_lavrov_press_conference", "005_blinken_kyiv_visit", "006_eu_sanctions_package",
            "008_beijing_position"});
  CHECK(search({"kuleba AND (blinken OR lavrov)"}).set() == Ids{"005_blinken_kyiv_visit", "articles.jsonl:3"});
  CHECK(search({"lavrov -antalya"}).set() == Ids{"004_lavrov_press_conference"});
  CHECK(search({"lavrov", "NOT", "antalya"}).set() == Ids{"004_lavrov_press_conference"});
  CHECK(search({"title:lavrov"}).set() == Ids{"004_lavrov_press_conference", "articles.jsonl:3"});
  CHECK(search({"id:jsonl-macron-moscow"}).set() == Ids{"jsonl-macron-moscow"});
  CHECK(search({"negotiat*"}).set() == Ids{"000_acfc8dae91c10f02", "002_brussels_nato_council"});
  CHECK(search({"U.S. 100,000"}).set() == Ids{"000_acfc8dae91c10f02", "005_blinken_kyiv_visit"});
}

TEST_CASE("date ranges, in the query or as options, and date order") {
  CHECK(search({"ukraine date:2022-01-13..2022-01-14"}).set() ==
        Ids{"002_brussels_nato_council", "004_lavrov_press_conference"});
  CHECK(search({"date:2022-01-13"}).set() == Ids{"002_brussels_nato_council", "003_vienna_osce"});  // 18:45+01:00 is still the 13th
  CHECK(search({"date:..2021"}).set() == Ids{"008_beijing_position"});
  CHECK(search({"date:2022-03.."}).set() == Ids{"007_un_general_assembly_vote", "articles.jsonl:3"});
  Hits feb = search({"russia", "--from", "2022-02", "--to", "2022-02", "--sort", "date"});
  CHECK(feb.ids == std::vector<std::string>{"006_eu_sanctions_package", "jsonl-munich-conference", "jsonl-macron-moscow"});
  Hits oldest = search({"nato", "--sort", "oldest"});
  CHECK(std::is_sorted(oldest.dates.begin(), oldest.dates.end()));
  Hits newest = search({"nato", "--sort", "date"});
  CHECK(std::is_sorted(newest.dates.rbegin(), newest.dates.rend()));
  CHECK(newest.set() == oldest.set());
}

TEST_CASE("limit, offset and count") {
  Hits all = search({"russia"});
  Run r = run_attache({"search", "--index", corpus_index(), "russia", "--count"});
  CHECK(r.out == std::to_string(all.total) + "\n");
  Run page = run_attache({"search", "--index", corpus_index(), "russia", "--json", "--limit", "2", "--offset", "1"});
  std::istringstream lines(page.out);
  std::string line;
  std::vector<std::string> ids;
  while (std::getline(lines, line)) {
    Json j = Json::parse(line);
    if (j.contains("summary"))
      CHECK(j["summary"]["total"] == all.total);
    else
      ids.push_back(j["id"]);
  }
  CHECK(ids == std::vector<std::string>{all.ids[1], all.ids[2]});
}

TEST_CASE("output for people: date, title or first words, id, snippet; plain when piped") {
  Run r = run_attache({"search", "--index", corpus_index(), "\"open door policy\""});
  CHECK(r.status == 0);
  CHECK(r.out.find("1. 2022-01-13  NATO and Russia Meet in Brussels for the First Time in Two Years") != std::string::npos);
  CHECK(r.out.find("id 002_brussels_nato_council") != std::string::npos);
  CHECK(r.out.find("2. 2022-01-11  GENEVA The United States and Russia emerged") != std::string::npos);
  CHECK(r.out.find("open door policy") != std::string::npos);
  CHECK(r.out.find("\x1b[") == std::string::npos);
  CHECK(r.out.find("2 matching articles") != std::string::npos);
  Run bold = run_attache({"search", "--index", corpus_index(), "ryabkov", "--color", "always"});
  CHECK(bold.out.find("\x1b[1mRyabkov\x1b[0m") != std::string::npos);
}

TEST_CASE("stats and check") {
  Run r = run_attache({"stats", "--index", corpus_index(), "--json"});
  REQUIRE(r.status == 0);
  Json j = Json::parse(r.out);
  CHECK(j["articles"] == 12);
  CHECK(j["segments"] == 1);
  CHECK(j["first_date"] == "2021-12-15");
  CHECK(j["bytes"].contains("postings"));
  CHECK(run_attache({"stats", "--index", corpus_index()}).out.find("articles     12") != std::string::npos);
  Run check = run_attache({"check", "--index", corpus_index()});
  CHECK(check.status == 0);
  CHECK(check.out.rfind("ok: 12 articles", 0) == 0);
}

TEST_CASE("index --word-pairs: the same phrase hits, pairs in every segment, kept by a later run without it") {
  TempDir dir;
  const std::string paired = (dir / "paired").string(), plain = corpus_index();
  REQUIRE(run_attache({"index", "-q", "--index", paired, "--word-pairs", kCorpus}).status == 0);
  for (const char* phrase : {"\"open door policy\"", "\"of the\"", "\"the alliance\" nato", "\"in the\" -russia"}) {
    CAPTURE(phrase);
    Run a = run_attache({"search", "--index", paired, "--limit", "20", phrase});
    Run b = run_attache({"search", "--index", plain, "--limit", "20", phrase});
    CHECK(a.status == 0);
    CHECK(a.out.find("matching article") != std::string::npos);
    CHECK(a.out == b.out);
  }
  CHECK(Json::parse(run_attache({"stats", "--index", plain, "--json"}).out)["segments_with_word_pairs"] == 0);
  std::ofstream(dir / "more.txt") << "date 2022-04-01\n\nThe state of the talks.\n";
  REQUIRE(run_attache({"index", "-q", "--index", paired, (dir / "more.txt").string()}).status == 0);
  Run stats = run_attache({"stats", "--index", paired});
  CHECK(stats.out.find("13 in 2 segment(s); word pairs in every segment") != std::string::npos);
  CHECK(run_attache({"index", "--index", (dir / "x").string(), "--backend", "xapian", "--word-pairs", kCorpus}).status == 2);
}

TEST_CASE("a damaged index is reported as corruption with exit status 3") {
  TempDir dir;
  std::string index = (dir / "idx").string();
  REQUIRE(run_attache({"index", "--index", index, kCorpus}).status == 0);
  auto path = dir / "idx" / "seg-000001.positions";
  std::string bytes = slurp(path);
  bytes[bytes.size() / 2] ^= 0x20;
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  Run r = run_attache({"check", "--index", index});
  CHECK(r.status == 3);
  CHECK(r.err.find("index corrupted: seg-000001.positions: checksum mismatch") != std::string::npos);
}

TEST_CASE("bad input is reported line by line, the rest is indexed, --strict fails the run") {
  TempDir dir;
  std::filesystem::create_directories(dir / "in");
  std::ofstream(dir / "in" / "good.txt") << "date 2022-01-11\n\nGood article about NATO.\n";
  std::ofstream(dir / "in" / "undated.txt") << "No header at all.\n";
  std::ofstream(dir / "in" / "feed.jsonl") << "{\"date\":\"2022-01-12\",\"text\":\"fine\"}\n{\"date\":\n";
  std::string index = (dir / "idx").string();
  Run r = run_attache({"index", "--index", index, (dir / "in").string()});
  CHECK(r.status == 0);
  CHECK(r.err.find("undated.txt: skipped, no date: no 'date YYYY-MM-DD' header line\n") != std::string::npos);
  CHECK(r.err.find("feed.jsonl:2: skipped, invalid JSON") != std::string::npos);
  CHECK(r.err.find("indexed 2 articles") != std::string::npos);
  CHECK(r.err.find("skipped 2 (1 no date, 1 invalid JSON)") != std::string::npos);
  Run strict = run_attache({"index", "--index", index, "--strict", (dir / "in").string()});
  CHECK(strict.status == 1);
  Run missing = run_attache({"index", "--index", index, (dir / "nowhere").string()});
  CHECK(missing.err.find("nowhere: skipped, unreadable: no such file or directory") != std::string::npos);
}

TEST_CASE("JSON Lines on standard input") {
  TempDir dir;
  std::string index = (dir / "idx").string();
  Run r = run_attache({"index", "--index", index, "-"},
                  "{\"id\":\"s1\",\"date\":\"2022-05-01\",\"text\":\"Piped article on the Black Sea.\"}\n");
  CHECK(r.status == 0);
  Run s = run_attache({"search", "--index", index, "\"black sea\"", "--json"});
  CHECK(s.out.find("\"id\":\"s1\"") != std::string::npos);
}

TEST_CASE("usage errors are one line with exit status 2; a missing index is one line with status 1") {
  Run unknown = run_attache({"search", "--index", corpus_index(), "--bogus", "x"});
  CHECK(unknown.status == 2);
  CHECK(std::count(unknown.err.begin(), unknown.err.end(), '\n') == 1);
  CHECK(unknown.err.find("unrecognised option '--bogus'") != std::string::npos);
  Run noindex = run_attache({"search", "--index", "/nonexistent/attache-index", "nato"});
  CHECK(noindex.status == 1);
  CHECK(std::count(noindex.err.begin(), noindex.err.end(), '\n') == 1);
  CHECK(noindex.err.find("no index here") != std::string::npos);
  Run bad = run_attache({"search", "--index", corpus_index(), "(nato OR"});
  CHECK(bad.status == 2);
  CHECK(bad.err.find("invalid query: OR needs something to search for on its right\n  (nato OR\n        ^") !=
        std::string::npos);
  CHECK(run_attache({"frobnicate"}).status == 2);
  CHECK(run_attache({"search", "--index", corpus_index(), "nato", "--sort", "size"}).status == 2);
  CHECK(run_attache({"search", "--index", corpus_index(), "nato", "--from", "2022-13"}).status == 2);
}

TEST_CASE("every command has help with examples") {
  for (const char* command : {"index", "search", "stats", "check", "quotes", "speakers", "kwic", "export", "delete", "optimize"}) {
    Run r = run_attache({command, "--help"});
    CHECK_MESSAGE(r.status == 0, command);
    CHECK_MESSAGE(r.out.find("examples:") != std::string::npos, command);
    if (std::string(command) != "quotes") CHECK_MESSAGE(r.out.find("--index") != std::string::npos, command);
  }
  Run top = run_attache({"--help"});
  CHECK(top.status == 0);
  CHECK(top.out.find("search") != std::string::npos);
}

TEST_CASE("--explain shows the parsed query") {
  Run r = run_attache({"search", "--index", corpus_index(), "--explain", "\"open door\" -russia"});
  CHECK(r.out.find("AND_NOT\n  PHRASE open@0 door@1") != std::string::npos);
  CHECK(r.out.find("term door: in 4 articles") != std::string::npos);
}

TEST_CASE("who said what: speaker searches return statements") {
  auto statements = [](std::vector<std::string> args) {
    args.insert(args.begin(), {"search", "--index", corpus_index(), "--json", "--limit", "100"});
    Run r = run_attache(args);
    REQUIRE_MESSAGE(r.status == 0, r.err);
    std::vector<Json> hits;
    std::istringstream lines(r.out);
    std::string line;
    while (std::getline(lines, line)) {
      Json j = Json::parse(line);
      if (!j.contains("summary")) hits.push_back(j);
    }
    return hits;
  };
  auto ryabkov_nato = statements({"speaker:ryabkov nato"});
  REQUIRE(ryabkov_nato.size() == 2);
  for (const auto& h : ryabkov_nato) {
    CHECK(h["type"] == "statement");
    CHECK(h["canonical"] == "Sergei Ryabkov");
    CHECK(h["article"] == "000_acfc8dae91c10f02");
    for (const char* field : {"date", "speaker", "cue", "kind", "start", "end", "text", "confidence", "score"})
      CHECK(h.contains(field));
  }
  CHECK(ryabkov_nato[0]["text"].get<std::string>().find("NATO") != std::string::npos);
  CHECK(statements({"speaker:\"wendy sherman\"", "date:2022-01-12"}).size() == 3);  // a split quotation is one
  CHECK(statements({"speaker:lavrov", "date:2022-03"}).size() == 2);
  CHECK(statements({"speaker:kremlin"}).empty());
  auto nato = statements({"nato", "--statements"});
  // Nine, Putin "described NATO's eastward expansion as an existential threat" among them, whose
  // confidence sits at the threshold with the built-in one-pass model (0.53 before the session-7
  // retraining, 0.48 after, 0.51 after the session-16 one; a two-pass model gives it 0.89).
  CHECK((nato.size() == 8 || nato.size() == 9));
  // "... reiterated that the United States could never ... because we will not allow anyone to slam
  // NATO's open door policy closed, and she said ...": the words after the nested cue are Sherman's
  // reiterated statement, not a statement of their own nor the start of what "she said".
  int open_door = 0;
  for (const auto& h : nato)
    if (h["text"].get<std::string>().find("open door policy closed") != std::string::npos) {
      ++open_door;
      CHECK(h["canonical"] == "Wendy Sherman");
      CHECK(h["cue"] == "reiterated");
    }
  CHECK(open_door == 1);
  Run count = run_attache({"search", "--index", corpus_index(), "speaker:ryabkov", "--count"});
  CHECK(count.out == "13\n");  // with "We felt that the US side took ... seriously, Ryabkov said"
}

TEST_CASE("speakers: one row per person across articles") {
  Run r = run_attache({"speakers", "--index", corpus_index(), "--json", "--limit", "0", "--min-confidence", "0"});
  REQUIRE(r.status == 0);
  std::map<std::string, Json> rows;
  std::istringstream lines(r.out);
  std::string line;
  while (std::getline(lines, line)) {
    Json j = Json::parse(line);
    if (!j.contains("summary")) rows[j["speaker"]] = j;
  }
  CHECK(rows.at("Sergei Ryabkov")["statements"] == 13);
  CHECK(rows.at("Wendy Sherman")["articles"] == 2);
  CHECK(rows.at("US officials")["group"] == true);  // with "U.S. officials"
  CHECK(rows.at("US officials")["kind"] == "group");
  CHECK(rows.at("State Department")["kind"] == "organisation");
  CHECK(rows.at("Sergei Ryabkov")["kind"] == "person");
  CHECK(rows.count("Ryabkov") == 0);
  // By default only confident statements count; --kind keeps one kind.
  Run confident = run_attache({"speakers", "--index", corpus_index(), "--json", "--limit", "0"});
  Json summary;
  for (std::istringstream in(confident.out); std::getline(in, line);) summary = Json::parse(line);
  CHECK(summary["summary"]["statements"] < 98);
  CHECK(summary["summary"]["min_confidence"] == 0.8);
  Run people = run_attache({"speakers", "--index", corpus_index(), "--kind", "person", "--min-confidence", "0"});
  CHECK(people.out.find("Sergei Ryabkov") != std::string::npos);
  CHECK(people.out.find("officials") == std::string::npos);
  CHECK(run_attache({"speakers", "--index", corpus_index(), "--kind", "planet"}).status == 2);
  Run nato = run_attache({"speakers", "--index", corpus_index(), "nato"});
  CHECK(nato.out.find("Jens Stoltenberg") != std::string::npos);
}

TEST_CASE("quotes: extraction without an index, exactly the documented fields") {
  Run r = run_attache({"quotes", "--json", kCorpus + "/004_lavrov_press_conference.txt"});
  REQUIRE(r.status == 0);
  std::istringstream lines(r.out);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    auto j = nlohmann::ordered_json::parse(line);
    std::vector<std::string> keys;
    for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
    CHECK(keys == std::vector<std::string>{"article", "date", "speaker", "canonical", "cue", "kind", "start", "end",
                                           "text", "confidence", "speaker_kind", "description"});
    ++n;
  }
  CHECK(n == 8);
  Run people = run_attache({"quotes", kCorpus + "/004_lavrov_press_conference.txt"});
  CHECK(people.out.find("Sergey Lavrov") != std::string::npos);
}

TEST_CASE("NEAR, facets by month and speaker") {
  CHECK(search({"ryabkov NEAR/3 reporters"}).set() == Ids{"000_acfc8dae91c10f02"});
  CHECK(search({"sherman NEAR/2 reporters"}).set() == Ids{"000_acfc8dae91c10f02", "001_geneva_followup"});
  Run r = run_attache({"search", "--index", corpus_index(), "sanctions", "--facet", "month", "--facet", "speaker",
                       "--json", "--count"});
  REQUIRE(r.status == 0);
  Json summary = Json::parse(r.out)["summary"];
  CHECK(summary["facets"]["month"] == Json{{"2022-01", 2}, {"2022-02", 1}});
  CHECK(summary["facets"]["speaker"][0]["speaker"] == "Sergei Ryabkov");
  Run text = run_attache({"search", "--index", corpus_index(), "sanctions", "--facet", "month"});
  CHECK(text.out.find("by month:\n  2022-01  2\n  2022-02  1\n") != std::string::npos);
  CHECK(run_attache({"search", "--index", corpus_index(), "x", "--facet", "colour"}).status == 2);
}

TEST_CASE("places from datelines: shown in hits, filtered by place:, counted by --facet place, exported") {
  CHECK(search({"place:brussels"}).set() == Ids{"002_brussels_nato_council", "006_eu_sanctions_package"});
  CHECK(search({"place:\"united nations\""}).set() == Ids{"007_un_general_assembly_vote"});
  Run hit = run_attache({"search", "--index", corpus_index(), "place:kyiv", "--json"});
  REQUIRE(hit.status == 0);
  Json first = Json::parse(hit.out.substr(0, hit.out.find('\n')));
  CHECK(first["place"] == "Kyiv");  // "KYIV, Ukraine —"
  CHECK(first.contains("author"));
  CHECK(first.contains("lang"));
  Run r = run_attache({"search", "--index", corpus_index(), "sanctions", "--facet", "place", "--json", "--count"});
  REQUIRE(r.status == 0);
  Json places = Json::parse(r.out)["summary"]["facets"]["place"];
  CHECK(places["Brussels"] == 1);
  CHECK(places.size() >= 2);
  Run text = run_attache({"search", "--index", corpus_index(), "place:brussels", "--facet", "place"});
  CHECK(text.out.find("by place:\n  2  Brussels\n") != std::string::npos);
  CHECK(text.out.find(" · Brussels") != std::string::npos);  // the hit line
  Run exported = run_attache({"export", "--index", corpus_index(), "place:vienna"});
  CHECK(Json::parse(exported.out.substr(0, exported.out.find('\n')))["place"] == "Vienna");
  // No dateline is a speaker.
  Run speakers = run_attache({"speakers", "--index", corpus_index(), "--json", "--min-confidence", "0"});
  for (const char* place : {"WASHINGTON", "BRUSSELS", "VIENNA", "MOSCOW", "KYIV", "UNITED NATIONS", "BEIJING"})
    CHECK(speakers.out.find(std::string("\"") + place + "\"") == std::string::npos);
}

TEST_CASE("kwic: one aligned line per occurrence") {
  Run r = run_attache({"kwic", "--index", corpus_index(), "\"open door\"", "--width", "20"});
  REQUIRE(r.status == 0);
  std::istringstream lines(r.out);
  std::string line;
  std::vector<std::string> all;
  while (std::getline(lines, line)) all.push_back(line);
  REQUIRE(all.size() == 2);
  for (const auto& l : all) {  // date, two spaces, 20 columns of context: the match starts in the same column
    std::string before = l.substr(0, l.find("  open door  "));
    CHECK(std::count_if(before.begin(), before.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xc0) != 0x80; }) == 32);
  }
  Run json = run_attache({"kwic", "--index", corpus_index(), "kuleba", "--json", "--limit", "0"});
  std::istringstream jl(json.out);
  int n = 0, in_titles = 0;
  while (std::getline(jl, line)) {
    Json j = Json::parse(line);
    CHECK(j["match"] == "Kuleba");
    in_titles += j["field"] == "title";
    ++n;
  }
  CHECK(n == 6);  // five in texts, one in a title
  CHECK(in_titles == 1);
}

TEST_CASE("kwic: a match in a title has its line, with offsets into the title") {
  // "sombre" occurs only in a title: the article is a hit, and its concordance line says where.
  Run json = run_attache({"kwic", "--index", corpus_index(), "sombre", "--json", "--limit", "0", "--width", "80"});
  REQUIRE(json.status == 0);
  std::istringstream jl(json.out);
  std::string line;
  std::getline(jl, line);
  Json j = Json::parse(line);
  CHECK(j["field"] == "title");
  CHECK(j["match"] == "sombre");
  CHECK(j["left"] == "Vienna talks at the OSCE end the week of diplomacy on a ");
  CHECK(j["start"] == 56);
  CHECK(j["right"] == " note");
}

TEST_CASE("export: every match as JSON Lines, CSV, or text files that index again") {
  TempDir dir;
  Run jsonl = run_attache({"export", "--index", corpus_index(), "russia"});
  REQUIRE(jsonl.status == 0);
  CHECK(std::count(jsonl.out.begin(), jsonl.out.end(), '\n') == 12);
  CHECK(jsonl.err == "exported 12 articles\n");
  Run csv = run_attache({"export", "--index", corpus_index(), "lavrov", "--format", "csv", "--out", (dir / "l.csv").string()});
  REQUIRE(csv.status == 0);
  std::string content = slurp(dir / "l.csv");
  CHECK(content.rfind("id,date,title,source,url,author,place,lang,text\r\n", 0) == 0);
  CHECK(content.find("004_lavrov_press_conference,2022-01-14,Lavrov says Russia's patience is running out,") !=
        std::string::npos);
  Run statements = run_attache({"export", "--index", corpus_index(), "speaker:lavrov", "--format", "csv"});
  CHECK(statements.out.rfind("article,date,speaker,canonical,cue,kind,start,end,text,confidence\r\n", 0) == 0);
  CHECK(statements.err == "exported 8 statements\n");
  Run txt = run_attache({"export", "--index", corpus_index(), "kuleba", "--format", "txt", "--out", (dir / "k").string()});
  REQUIRE(txt.status == 0);
  Run again = run_attache({"index", "--index", (dir / "k-index").string(), (dir / "k").string()});
  CHECK(again.err.find("indexed 2 articles") != std::string::npos);
  Run same = run_attache({"search", "--index", (dir / "k-index").string(), "kuleba", "--json"});
  CHECK(same.out.find("\"id\":\"articles.jsonl:3\"") != std::string::npos);
  CHECK(same.out.find("\"date\":\"2022-03-10\"") != std::string::npos);
  CHECK(run_attache({"export", "--index", corpus_index(), "x", "--format", "txt"}).status == 2);
}

TEST_CASE("delete and optimize") {
  TempDir dir;
  std::string index = (dir / "idx").string();
  REQUIRE(run_attache({"index", "--index", index, kCorpus}).status == 0);
  Run del = run_attache({"delete", "--index", index, "003_vienna_osce", "no-such-id"});
  CHECK(del.status == 1);
  CHECK(del.err == "deleted 1 article; not found: no-such-id\n");
  CHECK(run_attache({"search", "--index", index, "osce", "--count"}).out == "0\n");
  REQUIRE(run_attache({"index", "--index", index, kCorpus + "/001_geneva_followup.txt"}).status == 0);
  CHECK(run_attache({"search", "--index", index, "id:001_geneva_followup", "--count"}).out == "1\n");
  Run opt = run_attache({"optimize", "--index", index});
  CHECK(opt.err.find("into 1; 11 articles") != std::string::npos);
  CHECK(run_attache({"check", "--index", index}).status == 0);
}

namespace {

// Output lines in sorted order: the two backends number articles differently
// (attache by date, Xapian as indexed), so streams agree as sets.
std::vector<std::string> sorted_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::sort(lines.begin(), lines.end());
  return lines;
}

}  // namespace

TEST_CASE("a Xapian index answers search, speakers, kwic and export like an attache index") {
  TempDir dir;
  const std::string xapian = (dir / "xapian").string();
  Run built = run_attache({"index", "--backend", "xapian", "--index", xapian, kCorpus});
  REQUIRE_MESSAGE(built.status == 0, built.err);
  auto both = [&](std::vector<std::string> args) {
    std::vector<std::string> on_xapian = args;
    args.insert(args.begin() + 1, {"--index", corpus_index()});
    on_xapian.insert(on_xapian.begin() + 1, {"--index", xapian});
    Run a = run_attache(args), x = run_attache(on_xapian);
    CHECK_MESSAGE(a.status == 0, a.err);
    CHECK_MESSAGE(x.status == 0, x.err);
    CHECK(a.err == x.err);
    return std::pair{a.out, x.out};
  };
  for (std::vector<std::string> args : {
           std::vector<std::string>{"speakers", "--json", "--limit", "0"},
           {"speakers", "nato", "--json", "--limit", "0"},
           {"kwic", "\"open door\" OR kuleba", "--json", "--limit", "0"},
           {"export", "russia"},
           {"export", "speaker:lavrov", "--format", "csv"},
           {"export", "sanctions", "--statements"},
           {"search", "sanctions", "--facet", "month", "--facet", "speaker", "--count", "--json"},
           {"search", "speaker:sherman nato", "--facet", "month", "--facet", "speaker", "--count", "--json"},
       }) {
    CAPTURE(args[0] + " " + args[1]);
    auto [on_attache, on_xapian] = both(args);
    CHECK(!on_attache.empty());
    if (args[0] == "search") {
      // Speakers with equal counts may come in either order.
      Json a = Json::parse(on_attache)["summary"], x = Json::parse(on_xapian)["summary"];
      CHECK(a["total"] == x["total"]);
      CHECK(a["facets"]["month"] == x["facets"]["month"]);
      std::set<std::string> sa, sx;
      for (const auto& s : a["facets"]["speaker"]) sa.insert(s.dump());
      for (const auto& s : x["facets"]["speaker"]) sx.insert(s.dump());
      CHECK(sa == sx);
    } else {
      CHECK(sorted_lines(on_attache) == sorted_lines(on_xapian));
    }
  }
}
