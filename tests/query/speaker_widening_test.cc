// speaker: conditions widened from the forms the speakers' names, their
// months (storage/speaker_months.h) and the statement postings give
// (speaker_forms.h; past a budget, every name's) against the same widened
// from every statement entry of the archive
// (Searcher::identities_from_postings(false)): over an index of several
// segments with replaced and deleted articles, and speakers who exercise every
// joining rule, the widened queries, hits, totals and facets must be the same;
// so too over segments written before the months (statements version 4),
// alone or beside newer ones.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>

#include "attache/analysis/terms.h"
#include "attache/indexer/document_analyzer.h"
#include "attache/query/searcher.h"
#include "attache/query/speakers.h"
#include "attache/storage/derived_files.h"
#include "attache/storage/index_writer.h"
#include "identity_file.h"
#include "speakers_file.h"
#include "restamp.h"
#include "temp_dir.h"

using namespace attache;
using namespace attache::query;

namespace {

// Each speaker with the years (from 2014) it speaks in, so that a one-word
// name has a dominant full name in some months and not in others. Today's
// name normaliser keeps no initial and no title before a name; older
// extractors did, so such names (`stored`) are written under a stand-in name
// and given to the statement afterwards, with its speaker terms.
struct Speaker {
  const char* name;
  int first_year, last_year;
  const char* stored = nullptr;
};

const std::vector<Speaker> kSpeakers = {
    {"Ted Cruz", 2015, 2016},          {"Xavier Alpha", 2016, 2016, "Billionaire Ted Cruz"},
    {"Rafael Cruz", 2017, 2017},       {"Cruz", 2014, 2017},             {"Ted", 2016, 2016},
    {"Xavier Beta", 2017, 2017, "R. Cruz"},                              {"Bill Clinton", 2014, 2014},
    {"Hillary Clinton", 2016, 2017},   {"Hillary Rodham Clinton", 2016, 2016},
    {"Xavier Gamma", 2016, 2016, "H. Clinton"},                          {"Clinton", 2014, 2017},
    {"Hillary", 2016, 2016},           {"Sergey Lavrov", 2014, 2014},    {"Sergei Lavrov", 2016, 2017},
    {"Lavrov", 2014, 2017},            {"Sergei Ryabkov", 2015, 2016},   {"Ryabkov", 2016, 2017},
    {"John Smith", 2014, 2017},        {"Jane Smith", 2014, 2017},       {"Xavier Delta", 2015, 2015, "J. Smith"},
    {"Smith", 2014, 2017},             {"John Quincy Adams", 2015, 2015}, {"John Adams", 2015, 2016},
    {"Adams", 2015, 2016},             {"John", 2015, 2015},             {"Officials", 2014, 2017},
    {"Republicans", 2014, 2017},       {"The State Department", 2014, 2017}, {"The Kremlin", 2014, 2017},
    {"Kremlin", 2015, 2016},           {"The Huffington Post", 2016, 2017},
    {"Xavier Epsilon", 2015, 2016, "OFFICIALS"},  // a person's name folding as a group's: its entries are read
    {"The Zeta Ministry", 2014, 2017, "CRUZ"},    // an organisation folding as a person's name
    // "Maria" would join Maria Lopez against Maria Garcia's own statements
    // alone, but not against her identity, with M. Garcia's (speaker_forms.cc, 4).
    {"Maria Lopez", 2016, 2016},       {"Maria Lopez", 2016, 2016},      {"Maria Lopez", 2016, 2016},
    {"Maria Lopez", 2016, 2016},       {"Maria Lopez", 2016, 2016},      {"Maria Garcia", 2016, 2016},
    {"Xavier Eta", 2016, 2016, "M. Garcia"},  {"Xavier Eta", 2016, 2016, "M. Garcia"},
    {"Xavier Eta", 2016, 2016, "M. Garcia"},  {"Maria", 2016, 2016},
    // "Anna" does not join Anna Bell against Anna Karl Ward once Karl Ward,
    // whose longer form that is, counts too.
    {"Anna Bell", 2015, 2015},         {"Anna Bell", 2015, 2015},        {"Anna Bell", 2015, 2015},
    {"Anna Bell", 2015, 2015},         {"Anna Bell", 2015, 2015},        {"Anna Karl Ward", 2015, 2015},
    {"Karl Ward", 2015, 2015},         {"Karl Ward", 2015, 2015},        {"Karl Ward", 2015, 2015},
    {"Karl Ward", 2015, 2015},         {"Anna", 2015, 2015},
};
const std::vector<std::string> kWords = {"talks", "sanctions", "treaty", "border", "troops", "budget", "election",
                                         "bridge", "geneva", "missiles", "allies", "vote", "rally", "campaign"};

std::string sentence(const Speaker& speaker, std::mt19937_64& rng) {
  std::string s = std::string(speaker.name) + (rng() % 2 ? " said that the " : " told reporters that the ");
  for (int w = 0, n = 3 + static_cast<int>(rng() % 6); w < n; ++w) s += kWords[rng() % kWords.size()] + " ";
  return s + "would change.";
}

// Statement k of the analysed article gets the name `canonical`, and the
// speaker terms of its block (FORMAT.md) to match.
void rename_speaker(storage::IndexableDocument& d, uint32_t k, const std::string& canonical) {
  storage::StoredStatement& statement = d.stored.statements[k];
  statement.canonical = canonical;
  const uint32_t first = k * analysis::kSpeakerStride, last = first + analysis::kSpeakerStride;
  for (auto& t : d.terms)
    if (t.term[0] == analysis::kSpeakerPrefix) {
      std::erase_if(t.positions, [&](uint32_t p) { return p >= first && p < last; });
      t.frequency = static_cast<uint32_t>(t.positions.size());
    }
  std::erase_if(d.terms, [](const storage::TermOccurrences& t) { return t.frequency == 0; });
  std::vector<std::pair<std::string, uint32_t>> terms;
  analysis::speaker_terms(canonical, statement.description, terms);
  for (const auto& [term, offset] : terms) {
    auto at = std::find_if(d.terms.begin(), d.terms.end(), [&](const auto& t) { return t.term == term; });
    if (at == d.terms.end()) at = d.terms.insert(d.terms.end(), {term, 0, {}});
    at->positions.insert(std::upper_bound(at->positions.begin(), at->positions.end(), first + offset), first + offset);
    ++at->frequency;
  }
}

storage::IndexableDocument analyse(indexer::DocumentAnalyzer& analyzer, indexer::Article&& a) {
  storage::IndexableDocument d = analyzer.analyze(std::move(a));
  for (uint32_t k = 0; k < d.stored.statements.size(); ++k)
    for (const Speaker& speaker : kSpeakers)
      if (speaker.stored && ("The " + d.stored.statements[k].canonical == speaker.name ||
                             d.stored.statements[k].canonical == speaker.name))
        rename_speaker(d, k, speaker.stored);
  return d;
}

void build(const std::filesystem::path& dir, std::mt19937_64& rng) {
  indexer::DocumentAnalyzer analyzer;
  storage::WriterOptions options;
  options.memory_budget = 48 * 1024;  // several segments
  options.merge_factor = 0;           // kept apart
  auto writer = storage::IndexWriter::open(dir, options);
  const Day start = *parse_date("2014-01-01");
  for (int i = 0; i < 900; ++i) {
    indexer::Article a;
    a.id = "a" + std::to_string(i % 800);  // the last hundred replace earlier articles
    const Speaker& first = kSpeakers[rng() % kSpeakers.size()];
    const int year = first.first_year + static_cast<int>(rng() % (first.last_year - first.first_year + 1));
    a.date = static_cast<Day>(*parse_date(std::to_string(year) + "-01-01") + static_cast<Day>(rng() % 365));
    a.text = sentence(first, rng);
    for (int k = 0, n = static_cast<int>(rng() % 3); k < n; ++k) {
      const Speaker& other = kSpeakers[rng() % kSpeakers.size()];
      if (a.date >= start + 365 * (other.first_year - 2014) && a.date <= start + 365 * (other.last_year - 2013))
        a.text += "\n\n" + sentence(other, rng);
    }
    writer->add(analyse(analyzer, std::move(a)));
    if (i % 97 == 0) writer->remove("a" + std::to_string(rng() % 800));
  }
  writer->commit();
}

// Every speaker: condition the names allow: each whole name, each word alone,
// with a word, in OR and NOT.
std::vector<std::string> queries(const std::vector<SpeakerCount>& rows) {
  std::set<std::string> names;
  for (const auto& row : rows) {
    names.insert(row.name);
    names.insert(row.variants.begin(), row.variants.end());
  }
  std::vector<std::string> out;
  for (const auto& name : names) {
    out.push_back("speaker:\"" + name + "\"");
    for (size_t from = 0, to; from < name.size(); from = to + 1) {
      to = std::min(name.find(' ', from), name.size());
      const std::string word = name.substr(from, to - from);
      out.push_back("speaker:" + word);
      out.push_back("speaker:" + word + " talks");
      out.push_back("speaker:\"" + name + "\" OR (speaker:" + word + " -sanctions)");
    }
  }
  out.push_back("speaker:nobody");
  return out;
}

void same_statements(const StatementResult& a, const StatementResult& b) {
  CHECK(a.total == b.total);
  REQUIRE(a.hits.size() == b.hits.size());
  for (size_t i = 0; i < a.hits.size(); ++i) {
    CAPTURE(i);
    CHECK(a.hits[i].segment == b.hits[i].segment);
    CHECK(a.hits[i].doc == b.hits[i].doc);
    CHECK(a.hits[i].statement == b.hits[i].statement);
    CHECK(a.hits[i].score == b.hits[i].score);
  }
}

void same_articles(const SearchResult& a, const SearchResult& b) {
  CHECK(a.total == b.total);
  REQUIRE(a.hits.size() == b.hits.size());
  for (size_t i = 0; i < a.hits.size(); ++i) {
    CAPTURE(i);
    CHECK(a.hits[i].segment == b.hits[i].segment);
    CHECK(a.hits[i].doc == b.hits[i].doc);
    CHECK(a.hits[i].score == b.hits[i].score);
  }
}

std::vector<std::pair<std::string, uint64_t>> facet(const Searcher& searcher, const Query& query) {
  std::vector<std::pair<std::string, uint64_t>> out;
  for (const auto& row : count_speakers(searcher, &query)) out.emplace_back(row.name, row.statements);
  return out;
}

// Returns how many queries the identities widened. `most_read`: the share of
// the statements the restricted searcher may read before it takes the whole
// archive's identities instead.
size_t compare(const std::shared_ptr<const storage::IndexSnapshot>& snapshot, double most_read) {
  Searcher restricted(snapshot), whole(snapshot);
  restricted.identities_from_postings(true, most_read);
  whole.identities_from_postings(false);
  size_t widened = 0;
  for (const std::string& text : queries(count_speakers(whole, nullptr))) {
    CAPTURE(text);
    const Query query = parse_query(text);
    const std::string tree = restricted.explain(query);
    REQUIRE(tree == whole.explain(query));
    widened += tree.find("identities it names") != std::string::npos;
    for (size_t limit : {3, 1000}) {
      SearchOptions options;
      options.limit = limit;
      same_statements(restricted.search_statements(query, options), whole.search_statements(query, options));
      same_articles(restricted.search(query, options), whole.search(query, options));
    }
    CHECK(restricted.count_by_month(query, true) == whole.count_by_month(query, true));
    // Counting speakers reads the whole archive, whose identities a searcher
    // then uses for every condition: a searcher of its own.
    Searcher counting(snapshot);
    counting.identities_from_postings(true, most_read);
    CHECK(facet(counting, query) == facet(whole, query));
  }
  return widened;
}

}  // namespace

TEST_CASE("speaker: conditions widen from the statement postings as from the whole archive") {
  std::mt19937_64 rng(6);
  testing::TempDir dir;
  build(dir.path(), rng);
  auto snapshot = storage::IndexSnapshot::open(dir.path());
  REQUIRE(snapshot->segments().size() > 2);
  size_t deleted = 0;
  for (const auto& segment : snapshot->segments()) deleted += segment->deleted_count();
  REQUIRE(deleted > 0);
  for (const auto& segment : snapshot->segments()) REQUIRE(segment->speaker_months());
  // The rules at work, as the whole archive decides them.
  Searcher whole(snapshot);
  whole.identities_from_postings(false);
  auto widened = [&](const std::string& query) { return whole.explain(parse_query(query)); };
  const std::string ted = widened("speaker:\"ted cruz\"");
  CHECK(ted.find("speaker=\"cruz\"") != std::string::npos);  // some months
  CHECK(ted.find("DATES") != std::string::npos);
  CHECK(ted.find("speaker=\"ted\"") != std::string::npos);                   // a first name
  CHECK(widened("speaker:\"rafael cruz\"").find("speaker=\"r cruz\"") != std::string::npos);  // an initial
  CHECK(widened("speaker:\"john smith\"").find("speaker=\"j smith\"") == std::string::npos);  // two J. Smiths
  CHECK(widened("speaker:billionaire").find("speaker=\"ted cruz\"") != std::string::npos);  // a longer form
  CHECK(widened("speaker:\"hillary clinton\"").find("speaker=\"hillary rodham clinton\"") != std::string::npos);
  CHECK(widened("speaker:\"sergei lavrov\"").find("speaker=\"sergey lavrov\"") != std::string::npos);
  CHECK(widened("speaker:\"john adams\"").find("speaker=\"john quincy adams\"") != std::string::npos);
  CHECK(widened("speaker:lopez").find("speaker=\"maria\"") == std::string::npos);  // M. Garcia's months too
  CHECK(widened("speaker:bell").find("speaker=\"anna\"") == std::string::npos);    // Karl Ward's too
  bool cruz_alone = false, cruz_organisation = false;  // "Cruz" is its own in other months
  for (const auto& row : count_speakers(whole, nullptr)) {
    cruz_alone |= row.name == "Cruz" && row.kind == SpeakerKind::person;
    cruz_organisation |= row.name == "CRUZ" && row.kind == SpeakerKind::organisation;
  }
  CHECK(cruz_alone);
  CHECK(cruz_organisation);
  CHECK(compare(snapshot, 1e6) > 20);  // never past the budget
  CHECK(compare(snapshot, 0.05) > 20);  // some conditions within it, then every name
  CHECK(compare(snapshot, 0) > 20);     // every name from the first condition
  storage::IndexWriter::open(dir.path())->optimize();
  CHECK(compare(storage::IndexSnapshot::open(dir.path()), 1e6) > 20);
}

TEST_CASE("speaker: conditions widen alike over segments written before the speakers' months") {
  std::mt19937_64 rng(7);
  testing::TempDir dir;
  build(dir.path(), rng);
  std::vector<std::string> files;
  const auto written = storage::IndexSnapshot::open(dir.path());
  for (const auto& segment : written->segments()) files.push_back(segment->name() + ".statements");
  REQUIRE(files.size() > 2);
  // Every other segment as version 4 wrote it: the months of the others, the
  // statement postings of these.
  for (size_t i = 0; i < files.size(); i += 2) testing::as_statements_version_4(dir.path(), files[i]);
  auto mixed = storage::IndexSnapshot::open(dir.path());
  for (size_t i = 0; i < files.size(); ++i) REQUIRE((mixed->segments()[i]->speaker_months() == nullptr) == (i % 2 == 0));
  mixed->verify();
  CHECK(compare(mixed, 1e6) > 20);
  CHECK(compare(mixed, 0) > 20);
  for (size_t i = 1; i < files.size(); i += 2) testing::as_statements_version_4(dir.path(), files[i]);
  auto old = storage::IndexSnapshot::open(dir.path());
  for (const auto& segment : old->segments()) REQUIRE(segment->speaker_months() == nullptr);
  CHECK(compare(old, 0) > 20);
  // Merging writes the months again.
  storage::IndexWriter::open(dir.path())->optimize();
  auto merged = storage::IndexSnapshot::open(dir.path());
  REQUIRE(merged->segments().size() == 1);
  REQUIRE(merged->segments()[0]->speaker_months());
  CHECK(compare(merged, 0) > 20);
}

TEST_CASE("every name's identities kept beside the snapshot are what the next searcher widens by") {
  std::mt19937_64 rng(6);
  testing::TempDir dir;
  build(dir.path(), rng);
  auto snapshot = storage::IndexSnapshot::open(dir.path());
  Searcher whole(snapshot);
  whole.identities_from_postings(false);
  const auto names = count_speakers(whole, nullptr);
  auto kept = [&] { return storage::read_derived(*storage::IndexSnapshot::open(dir.path()), identity::identities_file_name()); };
  // A new searcher of a snapshot opened again, as a new process would.
  auto next_searcher = [&] {
    auto searcher = std::make_unique<Searcher>(storage::IndexSnapshot::open(dir.path()));
    searcher->identities_from_postings(true, 1e6);
    return searcher;
  };
  auto answers_as_decided = [&] {
    auto next = next_searcher();
    for (const std::string& text : queries(names)) {
      CAPTURE(text);
      REQUIRE(next->explain(parse_query(text)) == whole.explain(parse_query(text)));
    }
  };
  CHECK(!kept());
  {
    Searcher counting(snapshot);  // counting speakers decides every name's identities, and keeps them
    counting.identities_from_postings(true, 1e6);
    count_speakers(counting, nullptr);
  }
  const auto body = kept();
  REQUIRE(body);
  answers_as_decided();
  // What the file says is what widens: kept identities of no one widen nothing.
  REQUIRE(storage::write_derived(*snapshot, identity::identities_file_name(), identity::encode_resolution({})));
  const std::string ted = "speaker:\"ted cruz\"";
  CHECK(next_searcher()->explain(parse_query(ted)).find("speaker=\"cruz\"") == std::string::npos);
  // A damaged file is decided again.
  REQUIRE(storage::write_derived(*snapshot, identity::identities_file_name(), body->substr(0, body->size() / 2)));
  CHECK(next_searcher()->explain(parse_query(ted)).find("speaker=\"cruz\"") != std::string::npos);
  answers_as_decided();
}

TEST_CASE("the whole archive's speakers, kept beside the snapshot, are listed by the next searcher as counted") {
  std::mt19937_64 rng(6);
  testing::TempDir dir;
  build(dir.path(), rng);
  auto fresh = [&] { return std::make_unique<Searcher>(storage::IndexSnapshot::open(dir.path())); };
  Searcher entries(storage::IndexSnapshot::open(dir.path()));
  entries.identities_from_postings(false);  // counts every time, from every statement's entry
  SpeakerOptions confident;
  confident.min_confidence = 0.8;
  auto rows = [](const std::vector<SpeakerCount>& counts) {
    std::vector<std::string> out;
    for (const auto& c : counts) {
      std::string row = c.name + " " + std::to_string(c.statements) + " " + std::to_string(c.articles);
      for (const auto& v : c.variants) row += " | " + v;
      out.push_back(row);
    }
    return out;
  };
  const auto expected = rows(count_speakers(entries, nullptr, SpeakerUnit::statements, confident));
  REQUIRE(expected.size() > 10);
  auto snapshot = storage::IndexSnapshot::open(dir.path());
  CHECK(!storage::read_derived(*snapshot, speakers_file_name(confident)));
  CHECK(rows(count_speakers(*fresh(), nullptr, SpeakerUnit::statements, confident)) == expected);
  REQUIRE(storage::read_derived(*snapshot, speakers_file_name(confident)));
  CHECK(!storage::read_derived(*snapshot, speakers_file_name({})));  // one file for each way of counting
  CHECK(rows(count_speakers(*fresh(), nullptr, SpeakerUnit::statements, confident)) == expected);
  // What the file says is what is listed; a damaged one is counted again.
  SpeakerCount someone;
  someone.name = "Someone";
  REQUIRE(storage::write_derived(*snapshot, speakers_file_name(confident), encode_speaker_counts({someone})));
  CHECK(rows(count_speakers(*fresh(), nullptr, SpeakerUnit::statements, confident)) ==
        std::vector<std::string>{"Someone 0 0"});
  REQUIRE(storage::write_derived(*snapshot, speakers_file_name(confident), "damaged"));
  CHECK(rows(count_speakers(*fresh(), nullptr, SpeakerUnit::statements, confident)) == expected);
}
