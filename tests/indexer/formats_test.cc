// Each input format reads its sample in tests/data/formats/ with the right
// dates, titles, ids and text, and skips a damaged record naming file, line
// and reason; compressed inputs are read as streams.
#include <doctest/doctest.h>

#include <fstream>

#include "attache/indexer/article_reader.h"
#include "attache/storage/date.h"
#include "temp_dir.h"

using namespace attache;
using namespace attache::indexer;

namespace {

const std::string kData = std::string(ATTACHE_SOURCE_DIR) + "/tests/data/formats/";

struct Read {
  std::vector<Article> articles;
  std::vector<InputProblem> problems;
  uint64_t progress = 0;
};

Read read_path(const std::string& path, const InputOptions& options = {}) {
  Read r;
  auto inputs = collect_inputs({path}, r.problems, options);
  ArticleSink sink;
  sink.article = [&](Article&& a) { r.articles.push_back(std::move(a)); };
  sink.problem = [&](InputProblem&& p) { r.problems.push_back(std::move(p)); };
  sink.progress = [&](uint64_t n) { r.progress += n; };
  for (const auto& input : inputs) read_articles(input, sink);
  return r;
}

void write(const std::filesystem::path& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

bool has_problem(const Read& r, uint64_t line, SkipReason reason, const std::string& detail_part) {
  for (const auto& p : r.problems)
    if (p.line == line && p.reason == reason && p.detail.find(detail_part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("CSV: columns by common names, quoted fields with newlines, bad rows skipped with their line") {
  for (const char* name : {"all-the-news.csv", "all-the-news.csv.gz"}) {
    CAPTURE(name);
    Read r = read_path(kData + name);
    REQUIRE(r.articles.size() == 3);
    const Article& a = r.articles[0];
    CHECK(a.id == "17283");
    CHECK(format_day(a.date) == "2022-01-11");
    CHECK(a.title == "Lavrov: \"No progress\" on NATO guarantees");
    CHECK(a.source == "Reuters");
    CHECK(a.url == "https://example.com/17283");
    CHECK(a.text ==
          "MOSCOW, Jan. 11 (Reuters) - Russia's foreign minister said there was no progress.\n\n\"We are disappointed,\" "
          "he told reporters, adding that talks would go on.");
    CHECK(r.articles[2].title == "Kemal Aydın in Ankara");
    CHECK(a.author == "Maria Tsvetkova");  // the "author" column
    CHECK(a.place.empty());                // the dateline's place is the analyser's to find
    REQUIRE(r.problems.size() == 3);
    CHECK(has_problem(r, 6, SkipReason::no_date, "column 'date'"));
    CHECK(has_problem(r, 7, SkipReason::invalid_csv, "after a closing quote"));
    CHECK(has_problem(r, 8, SkipReason::invalid_csv, "4 fields where the header has 10"));
    CHECK(r.problems[0].file == kData + name);
  }
}

TEST_CASE("CSV: --csv-column names a column; a header without text or date is refused once") {
  testing::TempDir dir;
  write(dir / "dump.csv", "Body Text;x,when,headline\r\n\"Talks, at last\",2022-03-01,\"T\"\r\n\"open \"\"quote,2022-03-02,T2");
  InputOptions options;
  options.csv_columns["text"] = "body text;x";
  options.csv_columns["date"] = "When";
  Read r = read_path((dir / "dump.csv").string(), options);
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].text == "Talks, at last");
  CHECK(r.articles[0].id == "dump.csv:2");  // file and line, as JSON Lines
  CHECK(has_problem(r, 3, SkipReason::invalid_csv, "opened on line 3 is never closed"));

  Read no_text = read_path((dir / "dump.csv").string());
  REQUIRE(no_text.problems.size() == 1);
  CHECK(no_text.problems[0].line == 1);
  CHECK(no_text.problems[0].detail.find("no text column (looked for text, content, body, article") != std::string::npos);

  options.csv_columns["url"] = "link";
  Read missing = read_path((dir / "dump.csv").string(), options);
  REQUIRE(missing.problems.size() == 1);
  CHECK(missing.problems[0].detail == "the header has no column 'link' (from --csv-column url=link)");
}

TEST_CASE("NITF: date, headline, id, source, url and the full text's paragraphs") {
  Read r = read_path(kData + "nyt-1816753.xml");
  REQUIRE(r.problems.empty());
  REQUIRE(r.articles.size() == 1);
  const Article& a = r.articles[0];
  CHECK(a.id == "1816753");
  CHECK(format_day(a.date) == "2007-01-11");
  CHECK(a.title == "Envoys Meet in Geneva, but Reach No Accord on Arms");
  CHECK(a.source == "The New York Times");
  CHECK(a.url == "http://query.nytimes.com/gst/fullpage.html?res=1816753");
  CHECK(a.text ==
        "American and Russian envoys met here on Wednesday for a second round of talks on arms control.\n\n"
        "''We have made progress,'' said one diplomat & adviser.");
  CHECK(a.author == "Steven Erlanger");  // "By STEVEN ERLANGER", the print byline
  CHECK(a.place == "Geneva");            // <dateline>GENEVA, Jan. 10</dateline>

  Read lead = read_path(kData + "nyt-lead-only.xml");
  REQUIRE(lead.articles.size() == 1);
  CHECK(lead.articles[0].id == "nyt-lead-only");
  CHECK(format_day(lead.articles[0].date) == "2007-01-12");  // from the publication_* meta
  CHECK(lead.articles[0].title == "Briefly: Talks Resume");
  CHECK(lead.articles[0].text == "Talks on the treaty resume in Vienna next week.");

  Read broken = read_path(kData + "nyt-broken.xml");
  CHECK(broken.articles.empty());
  REQUIRE(broken.problems.size() == 1);
  CHECK(broken.problems[0].reason == SkipReason::invalid_xml);
  CHECK(broken.problems[0].line == 4);
  CHECK(broken.problems[0].detail == "Opening and ending tag mismatch: p line 4 and block");
}

TEST_CASE("NewsML-G2: a news item, and a news message of several, one skipped") {
  Read item = read_path(kData + "newsml-item.xml");
  REQUIRE(item.problems.empty());
  REQUIRE(item.articles.size() == 1);
  const Article& a = item.articles[0];
  CHECK(a.id == "urn:newsml:example.com:20220112:geneva-talks");
  CHECK(format_day(a.date) == "2022-01-13");  // contentCreated, in UTC
  CHECK(a.title == "NATO and Russia talk in Brussels");
  CHECK(a.source == "Example Wire");
  CHECK(a.text == "BRUSSELS — The NATO-Russia Council met for the first time since 2019.\n\n"
                  "Diplomats called the meeting frank.");
  CHECK(a.author == "Jane Doe");  // <creator><name>
  CHECK(a.place == "Brussels");   // <located><name>
  CHECK(a.language == "en");      // <language tag>

  Read message = read_path(kData + "newsml-message.xml");
  REQUIRE(message.articles.size() == 2);
  CHECK(message.articles[0].id == "urn:newsml:example.com:20220113:osce");
  CHECK(message.articles[0].source == "Example Wire");
  CHECK(format_day(message.articles[0].date) == "2022-01-13");
  CHECK(message.articles[0].text == "The OSCE Permanent Council met in Vienna.");
  CHECK(message.articles[1].source == "EXW");
  CHECK(message.articles[1].text == "First paragraph.\n\nSecond paragraph.");
  REQUIRE(message.problems.size() == 1);
  CHECK(message.problems[0].line == 20);
  CHECK(message.problems[0].reason == SkipReason::no_date);
}

TEST_CASE("XML: no file or network is read for an entity or a DTD; undeclared entities do not fail an article") {
  testing::TempDir dir;
  write(dir / "xxe.xml",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE nitf [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
        "<nitf><head><pubdata date.publication=\"20070111T000000\"/></head>"
        "<body><body.content><block class=\"full_text\"><p>Before &secret; after.</p></block></body.content></body></nitf>");
  Read xxe = read_path((dir / "xxe.xml").string());
  REQUIRE(xxe.articles.size() == 1);
  CHECK(xxe.articles[0].text == "Before after.");

  write(dir / "nbsp.xml",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE nitf SYSTEM \"http://www.nitf.org/IPTC/NITF/3.3/specification/dtd/nitf-3-3.dtd\">\n"
        "<nitf><head><pubdata date.publication=\"20070111T000000\"/></head>"
        "<body><body.content><block class=\"full_text\"><p>A&nbsp;B</p></block></body.content></body></nitf>");
  Read nbsp = read_path((dir / "nbsp.xml").string());
  REQUIRE(nbsp.articles.size() == 1);
  CHECK(nbsp.articles[0].text == "AB");  // what the unread DTD would have declared is left out
}

TEST_CASE("XML that is neither format is refused; an unknown extension is told by its content") {
  testing::TempDir dir;
  write(dir / "rss.xml", "<rss><channel/></rss>");
  Read rss = read_path((dir / "rss.xml").string());
  REQUIRE(rss.problems.size() == 1);
  CHECK(rss.problems[0].detail.find("root element <rss>") != std::string::npos);

  std::ifstream nitf(kData + "nyt-lead-only.xml");
  write(dir / "article.dat", std::string(std::istreambuf_iterator<char>(nitf), {}));
  write(dir / "feed.dat", "\n{\"date\":\"2022-01-01\",\"text\":\"json\"}\n");
  CHECK(read_path((dir / "article.dat").string()).articles.at(0).title == "Briefly: Talks Resume");
  CHECK(read_path((dir / "feed.dat").string()).articles.at(0).text == "json");
}

TEST_CASE("compressed JSON Lines and CSV are streamed; progress counts the bytes on disk") {
  Read r = read_path(kData + "feed.jsonl.zst");
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[0].id == "z1");
  CHECK(r.articles[1].id == "z2");
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].line == 3);
  CHECK(r.progress == std::filesystem::file_size(kData + "feed.jsonl.zst"));

  testing::TempDir dir;
  std::ifstream gz(kData + "all-the-news.csv.gz", std::ios::binary);
  std::string bytes(std::istreambuf_iterator<char>(gz), {});
  write(dir / "cut.csv.gz", bytes.substr(0, bytes.size() - 30));
  Read cut = read_path((dir / "cut.csv.gz").string());
  CHECK(cut.articles.size() >= 1);
  CHECK(has_problem(cut, 0, SkipReason::unreadable, "truncated"));

  // A directory walk finds compressed inputs by the extension before .gz/.zst.
  std::filesystem::copy_file(kData + "feed.jsonl.zst", dir / "feed.jsonl.zst");
  write(dir / "notes.md.gz", "x");
  Read walked = read_path(dir.path().string());
  CHECK(walked.articles.size() == 2 + cut.articles.size());
}
