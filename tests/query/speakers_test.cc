// Speaker identity across the archive (query/speakers.h): articles written for
// these tests, indexed through the real indexer, then counted and searched.
#include <doctest/doctest.h>

#include <map>

#include "attache/indexer/document_analyzer.h"
#include "attache/query/searcher.h"
#include "attache/query/speakers.h"
#include "attache/storage/index_writer.h"
#include "temp_dir.h"

using namespace attache;
using namespace attache::query;

namespace {

struct Written {
  const char* date;
  const char* text;
};

void add(const std::filesystem::path& dir, const std::vector<Written>& articles, const std::string& prefix) {
  indexer::DocumentAnalyzer analyzer;
  auto writer = storage::IndexWriter::open(dir);
  int n = 0;
  for (const auto& w : articles) {
    indexer::Article a;
    a.id = prefix + std::to_string(n++);
    a.date = *parse_date(w.date);
    a.text = w.text;
    writer->add(analyzer.analyze(std::move(a)));
  }
  writer->commit();
}

Searcher open(const std::filesystem::path& dir) { return Searcher(storage::IndexSnapshot::open(dir)); }

std::map<std::string, SpeakerCount> rows(const Searcher& s, const Query* q = nullptr) {
  std::map<std::string, SpeakerCount> out;
  for (auto& c : count_speakers(s, q)) out[c.name] = c;
  return out;
}

uint64_t statements(const Searcher& s, const std::string& query) {
  return s.search_statements(parse_query(query), SearchOptions{}).total;
}

const std::vector<Written> kArchive = {
    // 2016: Ted Cruz dominates "Cruz"; Rafael Cruz speaks too.
    {"2016-02-01", "Texas Sen. Ted Cruz said the deal was dead."},
    {"2016-03-01", "Ted Cruz said the vote would be close."},
    {"2016-03-02", "Ted Cruz said the rally was large."},
    {"2016-04-01", "Ted Cruz said he would stay in the race."},
    {"2016-04-02", "Rafael Cruz said his son would win."},
    {"2016-05-01", "Cruz said the plan had failed."},
    // Clinton: Bill in 1998, Hillary in 2016.
    {"1998-01-01", "Bill Clinton said the budget was balanced."},
    {"1998-02-01", "Bill Clinton said the talks went well."},
    {"1998-03-01", "Clinton said the economy was strong."},
    {"2016-06-01", "Hillary Clinton said the campaign was ready."},
    {"2016-06-02", "Hillary Rodham Clinton said the election mattered."},
    {"2016-06-03", "Clinton said the polls were wrong."},
    // Smith: no full name dominates.
    {"2020-01-01", "John Smith said the bridge would open."},
    {"2020-01-02", "Jane Smith said the bridge would close."},
    {"2020-01-03", "Smith said the bridge was safe."},
    // Transliterations of one name.
    {"2022-01-10", "Sergey Lavrov said talks would go on."},
    {"2022-01-11", "Sergei Lavrov said the talks would resume in Geneva."},
    // A publication.
    {"2016-07-01", "The Huffington Post reported that the race was tight."},
};

}  // namespace

TEST_CASE("a bare surname joins the full name dominating it in the year around; titles become descriptions") {
  testing::TempDir dir;
  add(dir.path(), kArchive, "a");
  auto s = open(dir.path());
  auto r = rows(s);
  REQUIRE(r.count("Ted Cruz"));
  CHECK(r["Ted Cruz"].statements == 5);  // four by full name, the bare "Cruz" of May 2016
  CHECK(r["Ted Cruz"].kind == SpeakerKind::person);
  CHECK(r["Ted Cruz"].descriptions == std::vector<std::string>{"Texas Sen."});
  CHECK(r.count("Cruz") == 0);
  CHECK(r.count("Texas Sen. Ted Cruz") == 0);
  CHECK(r["Rafael Cruz"].statements == 1);
  // speaker: finds the identity, however the statement wrote the name.
  CHECK(statements(s, "speaker:\"ted cruz\"") == 5);
  CHECK(statements(s, "speaker:\"ted cruz\" failed") == 1);
  CHECK(statements(s, "speaker:\"rafael cruz\"") == 1);
  // The description is searchable.
  CHECK(statements(s, "speaker:texas") == 1);
}

TEST_CASE("a surname shared by two people in different years goes to the one of its year") {
  testing::TempDir dir;
  add(dir.path(), kArchive, "a");
  auto s = open(dir.path());
  auto r = rows(s);
  CHECK(r["Bill Clinton"].statements == 3);
  CHECK(r["Hillary Clinton"].statements == 3);  // with "Hillary Rodham Clinton" and the 2016 "Clinton"
  CHECK(r.count("Hillary Rodham Clinton") == 0);
  CHECK(r.count("Clinton") == 0);
  CHECK(statements(s, "speaker:\"bill clinton\" economy") == 1);
  CHECK(statements(s, "speaker:\"bill clinton\" polls") == 0);
  CHECK(statements(s, "speaker:\"hillary clinton\" polls") == 1);
  CHECK(statements(s, "speaker:\"hillary clinton\"") == 3);
  // Article searches see the same identities.
  CHECK(s.count(parse_query("speaker:\"bill clinton\"")) == 3);
}

TEST_CASE("a surname no full name dominates stays its own row") {
  testing::TempDir dir;
  add(dir.path(), kArchive, "a");
  auto s = open(dir.path());
  auto r = rows(s);
  CHECK(r["Smith"].statements == 1);
  CHECK(r["John Smith"].statements == 1);
  CHECK(r["Jane Smith"].statements == 1);
  CHECK(statements(s, "speaker:\"john smith\"") == 1);
}

TEST_CASE("name variants and kinds") {
  testing::TempDir dir;
  add(dir.path(), kArchive, "a");
  auto s = open(dir.path());
  auto r = rows(s);
  CHECK(r.count("Sergey Lavrov") + r.count("Sergei Lavrov") == 1);
  CHECK(statements(s, "speaker:\"sergei lavrov\"") == 2);
  REQUIRE(r.count("Huffington Post"));
  CHECK(r["Huffington Post"].kind == SpeakerKind::publication);
}

TEST_CASE("identities are recomputed as the archive grows") {
  testing::TempDir dir;
  add(dir.path(), {{"2016-04-02", "Rafael Cruz said his son would win."},
                   {"2016-05-01", "Cruz said the plan had failed."}},
      "first");
  CHECK(rows(open(dir.path()))["Rafael Cruz"].statements == 2);  // the only Cruz in full then
  add(dir.path(), {{"2016-02-01", "Texas Sen. Ted Cruz said the deal was dead."},
                   {"2016-03-01", "Ted Cruz said the vote would be close."},
                   {"2016-03-02", "Ted Cruz said the rally was large."},
                   {"2016-04-01", "Ted Cruz said he would stay in the race."}},
      "second");
  auto s = open(dir.path());
  auto r = rows(s);
  CHECK(r["Rafael Cruz"].statements == 1);
  CHECK(r["Ted Cruz"].statements == 5);
  CHECK(statements(s, "speaker:\"ted cruz\" failed") == 1);
}

TEST_CASE("confidence below the option is not counted") {
  testing::TempDir dir;
  add(dir.path(), kArchive, "a");
  auto s = open(dir.path());
  SpeakerOptions strict;
  strict.min_confidence = 1.01;
  CHECK(count_speakers(s, nullptr, SpeakerUnit::statements, strict).empty());
}
