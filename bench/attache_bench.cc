// attache-bench: attache and Xapian side by side on one corpus, in one run,
// on one machine: build time, peak memory, index size, and query latency per
// query class, each row with the ratio Xapian / attache. Prints Markdown.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "attache/analysis/stemmer.h"
#include "attache/analysis/tokenizer.h"
#include "attache/query/searcher.h"
#include "attache/query/speakers.h"
#include "attache/storage/index_reader.h"
#include "attache/xapian/xapian_backend.h"
#include "json_output.h"
#include "statement_sizes.h"

namespace fs = std::filesystem;
using namespace attache;
using Clock = std::chrono::steady_clock;

namespace {

struct Run {
  double seconds = 0;
  long peak_kib = 0;
  long peak_anonymous_kib = 0;  // sampled: resident memory not backed by a file
  int status = 0;
};

// RssAnon of a running process, in KiB (0 once it is gone). Mapped index
// files count in the peak resident size but are page cache, dropped under
// pressure; anonymous memory is what the buffers really take.
long anonymous_kib(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("RssAnon:", 0) == 0) return std::stol(line.substr(8));
  return 0;
}

// Runs a command, waiting for it; its wall time and peak resident memory.
Run run(const std::vector<std::string>& argv) {
  auto start = Clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, STDOUT_FILENO);
    execvp(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  long peak_anonymous = 0;
  while (wait4(pid, &status, WNOHANG, &usage) == 0) {
    peak_anonymous = std::max(peak_anonymous, anonymous_kib(pid));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return {std::chrono::duration<double>(Clock::now() - start).count(), usage.ru_maxrss, peak_anonymous,
          WEXITSTATUS(status)};
}

uint64_t directory_bytes(const fs::path& dir) {
  uint64_t total = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().filename() != "LOCK" && e.path().filename() != "flintlock") total += e.file_size();
  return total;
}

// Drops an index's files from the page cache (posix_fadvise DONTNEED needs no
// privilege, unlike /proc/sys/vm/drop_caches). Pages a process still maps stay,
// so every searcher over the directory must be closed first.
void evict(const fs::path& dir) {
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    int fd = ::open(e.path().c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) continue;
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    ::close(fd);
  }
}

struct Latency {
  double p50 = 0, p99 = 0;
};

Latency percentiles(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) { return ms.empty() ? 0 : ms[std::min(ms.size() - 1, static_cast<size_t>(q * ms.size()))]; };
  return {at(0.5), at(0.99)};
}

struct QueryClass {
  std::string name;
  std::vector<std::string> queries;
  query::SortOrder sort = query::SortOrder::relevance;
  // page: what `attache serve` does for /api/search?limit=10, minus HTTP: the
  // ten best hits with an exact total, their documents, each hit's JSON object
  // with its snippet. Xapian's page is its own search and document fetch, with
  // attache's snippet and JSON code.
  enum class Kind { top10, count, statements, facet, page, page_query } kind = Kind::top10;

  // The top ten only, as Xapian's get_mset(0, 10) gives by default.
  query::SearchOptions top10() const {
    query::SearchOptions o;
    o.limit = 10;
    o.sort = sort;
    o.exact_total = false;
    return o;
  }
  void run(const query::Searcher& searcher, const query::Query& q) const {
    switch (kind) {
      case Kind::top10: searcher.search(q, top10()); break;
      case Kind::count: searcher.count(q); break;
      case Kind::statements: searcher.search_statements(q, top10()); break;
      case Kind::facet: query::count_speakers(searcher, &q, query::SpeakerUnit::statements); break;
      case Kind::page_query: searcher.search(q, query::SearchOptions{}); break;
      case Kind::page: {
        query::SearchResult result = searcher.search(q, query::SearchOptions{});
        std::vector<storage::StoredDocument> documents = searcher.documents(result.hits, false);
        for (size_t i = 0; i < documents.size(); ++i) cli::article_hit_json(documents[i], result.hits[i].score, q);
        break;
      }
    }
  }
  void run(const xapian_backend::XapianSearcher& xapian, const query::Query& q) const {
    switch (kind) {
      case Kind::top10: xapian.search(q, top10(), false); break;
      case Kind::count: xapian.search(q, query::SearchOptions{0, 0, query::SortOrder::relevance}, true); break;
      case Kind::statements: xapian.search_statements(q, top10()); break;
      case Kind::facet: xapian.speaker_counts(q); break;
      case Kind::page_query: xapian.search(q, query::SearchOptions{}, true); break;
      case Kind::page:
        for (const auto& hit : xapian.search(q, query::SearchOptions{}, true).hits)
          cli::article_hit_json(xapian.document(hit.docid), hit.score, q);
        break;
    }
  }
};

const std::set<std::string> kStopwords = {"the", "of", "and", "to", "a", "in", "that", "is", "for", "it", "as",
                                          "with", "was", "on", "be", "by", "this", "are", "we", "our", "has"};

// Deterministic queries drawn from the corpus itself.
std::vector<QueryClass> make_queries(const storage::IndexSnapshot& snapshot, size_t per_class, uint64_t seed) {
  std::mt19937_64 rng(seed);
  analysis::Stemmer stemmer;
  const auto& segments = snapshot.segments();
  const double n = static_cast<double>(snapshot.stored_doc_count());
  auto random_doc = [&]() {
    const auto& s = segments[rng() % segments.size()];
    return s->document(static_cast<uint32_t>(rng() % s->doc_count()));
  };
  std::vector<std::string> mid, frequent;
  std::vector<std::vector<std::string>> bigrams, stop_trigrams;
  std::vector<std::pair<std::string, std::string>> speaker_words, statement_bigrams;
  std::set<std::string> seen;
  for (int d = 0; d < 400; ++d) {
    storage::StoredDocument doc = random_doc();
    std::vector<analysis::Token> tokens;
    analysis::tokenize(doc.text, tokens);
    std::erase_if(tokens, [](const analysis::Token& t) { return t.compound; });
    for (size_t i = 0; i < tokens.size(); ++i) {
      const std::string& w = tokens[i].text;
      if (w.size() < 4 || kStopwords.count(w) || !seen.insert(w).second) continue;
      double df = snapshot.doc_frequency(std::string(stemmer.stem(w))) / n;
      if (df > 0.01 && df < 0.2) mid.push_back(w);
      if (df >= 0.2 && df < 0.6) frequent.push_back(w);
    }
    for (int k = 0; k < 3 && tokens.size() > 3; ++k) {
      size_t i = rng() % (tokens.size() - 3);
      if (tokens[i + 1].position == tokens[i].position + 1) bigrams.push_back({tokens[i].text, tokens[i + 1].text});
      bool stop = kStopwords.count(tokens[i].text) || kStopwords.count(tokens[i + 1].text) || kStopwords.count(tokens[i + 2].text);
      if (stop && tokens[i + 2].position == tokens[i].position + 2)
        stop_trigrams.push_back({tokens[i].text, tokens[i + 1].text, tokens[i + 2].text});
    }
    for (const auto& st : doc.statements) {
      if (st.group || st.canonical.empty()) continue;
      std::vector<analysis::Token> words;
      analysis::tokenize(std::string_view(doc.text).substr(st.begin, st.end - st.begin), words);
      std::erase_if(words, [](const analysis::Token& t) { return t.compound; });
      // Two words in a row from the statement's middle, taken without a draw so
      // that the other classes keep their queries.
      const size_t middle = words.size() / 2;
      if (middle > 0 && words[middle].position == words[middle - 1].position + 1)
        statement_bigrams.push_back({words[middle - 1].text, words[middle].text});
      std::erase_if(words, [](const analysis::Token& t) { return t.text.size() < 5 || kStopwords.count(t.text); });
      std::string surname = st.canonical.substr(st.canonical.rfind(' ') + 1);
      if (!words.empty()) speaker_words.emplace_back(surname, words[rng() % words.size()].text);
    }
  }
  auto pick = [&](const auto& v) { return v[rng() % v.size()]; };
  Day first = kMaxDay, last = kMinDay;
  for (const auto& s : segments) {
    first = std::min(first, s->min_date());
    last = std::max(last, s->max_date());
  }
  std::vector<QueryClass> classes = {{"term"}, {"AND"}, {"OR"}, {"phrase, 2 words"}, {"phrase, 3 words with stopwords"},
                                     {"NEAR/5"}, {"speaker with a word"}, {"date range with a word"},
                                     {"newest-first top-10"}, {"exact count"}, {"facet by speaker"},
                                     {"(the date-range words, no range)"}, {"(the speaker words, any speaker)"},
                                     {"page of 10 hits with snippets"}, {"(the page's query alone, exact total)"},
                                     {"phrase inside statements"}};
  std::mt19937_64 statement_rng(seed + 1);  // its own draws: the classes above keep their queries
  for (size_t i = 0; i < per_class; ++i) {
    classes[0].queries.push_back(pick(mid));
    classes[1].queries.push_back(pick(mid) + " " + pick(frequent));
    classes[2].queries.push_back(pick(mid) + " OR " + pick(mid));
    auto b = pick(bigrams);
    classes[3].queries.push_back("\"" + b[0] + " " + b[1] + "\"");
    auto t = pick(stop_trigrams);
    classes[4].queries.push_back("\"" + t[0] + " " + t[1] + " " + t[2] + "\"");
    classes[5].queries.push_back(pick(mid) + " NEAR/5 " + pick(frequent));
    auto sw = pick(speaker_words);
    classes[6].queries.push_back("speaker:" + sw.first + " " + sw.second);
    classes[12].queries.push_back(sw.second);
    Day from = first + static_cast<Day>(rng() % std::max<Day>(1, last - first - 365));
    std::string dated_word = pick(mid);
    classes[7].queries.push_back(dated_word + " date:" + format_day(from) + ".." + format_day(from + 365));
    classes[11].queries.push_back(dated_word);
    classes[8].queries.push_back(pick(frequent));
    classes[9].queries.push_back(pick(mid) + " OR " + pick(frequent));
    classes[10].queries.push_back(pick(mid));
    if (!statement_bigrams.empty()) {
      const auto& pair = statement_bigrams[statement_rng() % statement_bigrams.size()];
      classes[15].queries.push_back("\"" + pair.first + " " + pair.second + "\"");
    }
  }
  // The page's words are the term class's, so the rows compare.
  classes[13].queries = classes[14].queries = classes[0].queries;
  classes[13].kind = QueryClass::Kind::page;
  classes[14].kind = QueryClass::Kind::page_query;
  classes[6].kind = QueryClass::Kind::statements;
  classes[8].sort = query::SortOrder::newest;
  classes[9].kind = QueryClass::Kind::count;
  classes[10].kind = QueryClass::Kind::facet;
  // The last two rows are the filtered classes without their filter: what a
  // date or speaker filter costs is the ratio of the rows.
  classes[12].kind = QueryClass::Kind::statements;
  classes[15].kind = QueryClass::Kind::statements;
  return classes;
}

std::string fixed(double v, int d) {
  char b[32];
  std::snprintf(b, sizeof b, "%.*f", d, v);
  return b;
}

std::string ratio(double theirs, double ours) { return ours > 0 ? fixed(theirs / ours, 1) + "×" : "—"; }

}  // namespace

int main(int argc, char** argv) {
  std::string corpus, work, attache_binary = "attache", label = "corpus";
  size_t per_class = 100, cold_per_class = 20;
  bool skip_build = false, attache_only = false, cpu_time = false;
  bool statement_spans = false;  // statement queries through the spans, not the statement postings (before/after)
  bool word_pairs = false;       // the attache index built with attache index --word-pairs
  std::string show_class;  // run only this class, printing each query with its times to stderr
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (a == "--corpus") corpus = value();
    else if (a == "--work") work = value();
    else if (a == "--attache") attache_binary = value();
    else if (a == "--label") label = value();
    else if (a == "--queries") per_class = std::stoul(value());
    else if (a == "--cold") cold_per_class = std::stoul(value());
    else if (a == "--skip-build") skip_build = true;
    else if (a == "--attache-only") attache_only = true;
    else if (a == "--cpu-time") cpu_time = true;
    else if (a == "--statement-spans") statement_spans = true;
    else if (a == "--word-pairs") word_pairs = true;
    else if (a == "--show") show_class = value();
    else {
      std::cerr << "usage: attache-bench --corpus FILE.jsonl --work DIR [--attache PATH] [--label NAME] [--queries N] "
                   "[--skip-build] [--attache-only] [--show CLASS] [--cold N] [--cpu-time] [--statement-spans] [--word-pairs]\n";
      return 2;
    }
  }
  if (corpus.empty() || work.empty()) {
    std::cerr << "attache-bench: --corpus and --work are required (see bench/README.md)\n";
    return 2;
  }
  const fs::path dir = work, ours_dir = dir / "attache", theirs_dir = dir / "xapian", compact_dir = dir / "xapian-compact";
  Run ours_build, theirs_build, compact;
  if (!skip_build) {
    fs::remove_all(ours_dir);
    fs::remove_all(theirs_dir);
    fs::remove_all(compact_dir);
    fs::create_directories(dir);
    std::vector<std::string> build = {attache_binary, "index", "-q", "--index", ours_dir.string(), corpus};
    if (word_pairs) build.insert(build.begin() + 2, "--word-pairs");
    ours_build = run(build);
    if (!attache_only) {
      theirs_build = run({attache_binary, "index", "-q", "--backend", "xapian", "--index", theirs_dir.string(), corpus});
      fs::create_directories(compact_dir);
      Run a = run({"xapian-compact", (theirs_dir / "articles").string(), (compact_dir / "articles").string()});
      Run b = run({"xapian-compact", (theirs_dir / "statements").string(), (compact_dir / "statements").string()});
      compact = {a.seconds + b.seconds, std::max(a.peak_kib, b.peak_kib),
                 std::max(a.peak_anonymous_kib, b.peak_anonymous_kib), a.status | b.status};
    }
    if (ours_build.status || theirs_build.status || compact.status) {
      std::cerr << "attache-bench: a build failed\n";
      return 1;
    }
  }
  auto snapshot = storage::IndexSnapshot::open(ours_dir);
  uint64_t text_bytes = 0;
  for (const auto& s : snapshot->segments()) text_bytes += s->text_bytes();
  const uint64_t articles = snapshot->doc_count();

  std::cout << "## " << label << ": " << articles << " articles, " << fixed(text_bytes / 1e6, 1) << " MB of text\n\n";
  // One table row: attache's figure, then (with Xapian) Xapian's and the ratio.
  auto row = [&](const std::string& name, const std::string& ours, const std::string& theirs, const std::string& r) {
    std::cout << "| " << name << " | " << ours;
    if (!attache_only) std::cout << " | " << theirs << " | " << r;
    std::cout << " |\n";
  };
  std::cout << (attache_only ? "| build | attache |\n|---|---|\n" : "| build | attache | Xapian | Xapian / attache |\n|---|---|---|---|\n");
  if (!skip_build) {
    row("time (s)", fixed(ours_build.seconds, 1),
        fixed(theirs_build.seconds, 1) + " (+ " + fixed(compact.seconds, 1) + " compact)",
        ratio(theirs_build.seconds, ours_build.seconds));
    row("articles/s", fixed(articles / ours_build.seconds, 0), fixed(articles / theirs_build.seconds, 0),
        "attache " + ratio(theirs_build.seconds, ours_build.seconds) + " faster");
    row("MB/s", fixed(text_bytes / 1e6 / ours_build.seconds, 1), fixed(text_bytes / 1e6 / theirs_build.seconds, 1), "");
    row("peak resident memory (MB)", fixed(ours_build.peak_kib / 1024.0, 0), fixed(theirs_build.peak_kib / 1024.0, 0),
        ratio(theirs_build.peak_kib, ours_build.peak_kib));
    row("peak anonymous memory (MB)", fixed(ours_build.peak_anonymous_kib / 1024.0, 0),
        fixed(theirs_build.peak_anonymous_kib / 1024.0, 0), ratio(theirs_build.peak_anonymous_kib, ours_build.peak_anonymous_kib));
  }
  const uint64_t ours_bytes = directory_bytes(ours_dir);
  const uint64_t theirs_bytes = attache_only ? 0 : directory_bytes(compact_dir);
  const uint64_t theirs_articles_bytes = attache_only ? 0 : directory_bytes(compact_dir / "articles");
  row("index size (MB)", fixed(ours_bytes / 1e6, 1),
      fixed(theirs_bytes / 1e6, 1) + " (compacted; articles alone " + fixed(theirs_articles_bytes / 1e6, 1) + ")",
      ratio(theirs_bytes, ours_bytes));
  row("index / text", fixed(double(ours_bytes) / text_bytes, 3), fixed(double(theirs_bytes) / text_bytes, 3), "");
  std::cout << "\n";
  bench::print_statement_sizes(*snapshot, ours_dir, text_bytes, std::cout);

  auto searcher = std::make_unique<query::Searcher>(snapshot);
  searcher->use_statement_postings(!statement_spans);
  std::unique_ptr<xapian_backend::XapianSearcher> xapian;
  if (!attache_only) xapian = xapian_backend::XapianSearcher::open(compact_dir);
  auto classes = make_queries(*snapshot, per_class, 7);
  std::vector<std::vector<query::Query>> parsed(classes.size());
  for (size_t i = 0; i < classes.size(); ++i)
    for (const auto& text : classes[i].queries) parsed[i].push_back(query::parse_query(text));
  auto shown = [&](const QueryClass& c) { return show_class.empty() || c.name == show_class; };
  auto header = [&](const std::string& what) {
    std::cout << "| " << what << " | attache p50 / p99 ms"
              << (attache_only ? " |\n|---|---|\n" : " | Xapian p50 / p99 ms | Xapian / attache (p50) |\n|---|---|---|---|\n");
  };
  auto latency_row = [&](const QueryClass& c, const std::vector<double>& ours_ms, const std::vector<double>& theirs_ms) {
    Latency o = percentiles(ours_ms), x = percentiles(theirs_ms);
    row(c.name, fixed(o.p50, 3) + " / " + fixed(o.p99, 3), fixed(x.p50, 3) + " / " + fixed(x.p99, 3), ratio(x.p50, o.p50));
  };
  auto elapsed_ms = [](Clock::time_point since) { return std::chrono::duration<double, std::milli>(Clock::now() - since).count(); };
  // On a shared machine a query's wall time is mostly its wait for a core;
  // --cpu-time measures warm queries by the thread's own CPU time (both engines
  // run in this thread). Cold queries wait for the disk, so they stay wall time.
  auto thread_cpu_ms = [] {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
  };

  header("query class, warm (" + std::to_string(per_class) + " queries each)");
  for (size_t i = 0; i < classes.size(); ++i) {
    const QueryClass& c = classes[i];
    if (!shown(c)) continue;
    std::vector<double> ours_ms, theirs_ms;
    auto measure = [&](const auto& engine, std::vector<double>& ms) {
      for (const auto& q : parsed[i]) c.run(engine, q);  // warm
      for (const auto& q : parsed[i]) {
        const auto t = Clock::now();
        const double cpu = thread_cpu_ms();
        c.run(engine, q);
        ms.push_back(cpu_time ? thread_cpu_ms() - cpu : elapsed_ms(t));
      }
    };
    measure(*searcher, ours_ms);
    if (!attache_only) measure(*xapian, theirs_ms);
    if (c.name == show_class)
      for (size_t k = 0; k < c.queries.size(); ++k)
        std::cerr << fixed(ours_ms[k], 3) << " ms  " << (attache_only ? "" : fixed(theirs_ms[k], 3) + " ms  ")
                  << c.queries[k] << "\n";
    latency_row(c, ours_ms, theirs_ms);
  }
  std::cout << "\nWarm: each query run once untimed, then timed" << (cpu_time ? " by the thread's CPU time" : "") << ".\n";

  if (cold_per_class > 0) {
    // Cold: the index's files dropped from the page cache, then the index
    // opened and the query run; the time covers both, as a first search does.
    searcher.reset();
    snapshot.reset();
    xapian.reset();
    std::cout << "\n";
    header("query class, cold (" + std::to_string(cold_per_class) + " queries each; open + query)");
    for (size_t i = 0; i < classes.size(); ++i) {
      const QueryClass& c = classes[i];
      if (!shown(c)) continue;
      std::vector<double> ours_ms, theirs_ms;
      for (size_t k = 0; k < std::min(cold_per_class, parsed[i].size()); ++k) {
        evict(ours_dir);
        auto t = Clock::now();
        query::Searcher cold(storage::IndexSnapshot::open(ours_dir));
        cold.use_statement_postings(!statement_spans);
        c.run(cold, parsed[i][k]);
        ours_ms.push_back(elapsed_ms(t));
        if (attache_only) continue;
        evict(compact_dir);
        t = Clock::now();
        c.run(*xapian_backend::XapianSearcher::open(compact_dir), parsed[i][k]);
        theirs_ms.push_back(elapsed_ms(t));
      }
      latency_row(c, ours_ms, theirs_ms);
    }
    std::cout << "\nCold: the index's files evicted from the page cache (posix_fadvise DONTNEED) before each query.\n";
  }
  return 0;
}
