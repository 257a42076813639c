// The JSON objects attache gives programs: hits, statements, speakers,
// concordance lines, facets, summaries and index statistics. The command line
// (--json), the HTTP API (attache serve) and the Python module all build them
// here, so a field added or renamed changes all three at once.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <unordered_map>
#include <vector>

#include "attache/analysis/tokenizer.h"
#include "attache/query/query.h"
#include "attache/query/searcher.h"
#include "attache/query/speakers.h"
#include "attache/storage/date.h"
#include "attache/storage/document.h"

namespace attache::storage {
class IndexSnapshot;
}

namespace attache::cli {

class OpenIndex;
struct Copies;
using Json = nlohmann::ordered_json;

// One object on one line; invalid UTF-8 is replaced rather than thrown on.
std::string json_line(const Json& object);

// An article hit: type, id, date, title, source, url, score, snippet and its
// highlights as code point offsets into the snippet.
Json article_hit_json(const storage::StoredDocument& doc, double score, const query::Query& query);

// The near-duplicates of a collapsed hit: copies (how many other articles),
// original (the id of the group's earliest), copy_sources.
Json copies_json(const Copies& copies);

// A statement as `attache quotes --json` and `export --statements` give it:
// article, date, speaker, canonical, cue, kind, start, end (code points into
// the article text), text, confidence. The article's text comes as its code
// points, counted once for all its statements.
Json statement_json(const std::string& article_id, Day date, const analysis::CodePoints& article_text,
                    const storage::StoredStatement& st);

// The code points of the articles whose statements come one by one (an export):
// each counted once while its statements come. A few are kept, since a backend
// may interleave the statements of several articles (Xapian's, of up to 64).
class ArticleCodePoints {
 public:
  const analysis::CodePoints& of(const storage::StoredDocument& doc);

 private:
  static constexpr size_t kArticles = 128;
  std::unordered_map<std::string, analysis::CodePoints> counted_;  // by article id
};

// A statement hit: type, the statement's fields, score, title, and the
// highlights of the query's words as code point offsets into its text.
Json statement_hit_json(const storage::StoredDocument& doc, const storage::StoredStatement& st, double score,
                        const query::Query& query);
// A page of hits, article or statement hits as the search asks, each as above;
// total is set to the number of matches. /api/search and Python's search.
Json search_hits_json(const OpenIndex& index, const query::Query& query, const query::SearchOptions& options,
                      bool statements, uint64_t& total);
// An article as `export --format jsonl` writes it.
Json article_json(const storage::StoredDocument& doc);
// {"article": article_json, "statements": [statement_json plus group]}: one
// article with who said what in it (/api/article/ID, Index.article in Python).
Json article_with_statements_json(const storage::StoredDocument& doc);

// A row of `attache speakers --json` and of the speaker facet.
Json speaker_json(const query::SpeakerCount& speaker, bool with_variants);

// A concordance line: article, date, left, match, right, start, end.
struct KwicLine {
  std::string article;
  Day date = 0;
  std::string field;  // where the occurrence is: "title" or "text"
  std::string left, match, right;
  size_t start = 0, end = 0;  // code points into that field
};
Json kwic_json(const KwicLine& line);

// The summary after the hits of a search.
struct SearchSummary {
  std::string query;
  uint64_t total = 0;
  size_t offset = 0, returned = 0;
  std::string sort;  // relevance, newest (shown as date) or oldest
  bool statements = false;
};
Json summary_json(const SearchSummary& summary, const Json& facets);

// Counts over every match for the facets named (speaker, month); throws
// std::invalid_argument for another name. collapse: each group of
// near-duplicate articles counted once (in the month of its earliest match).
Json facets_json(const OpenIndex& index, const query::Query& query, const std::vector<std::string>& names,
                 bool statements, bool collapse = false);
bool is_facet_name(const std::string& name);
inline constexpr const char* kFacetNames = "speaker, month, place or lang";

// `attache stats --json`: counts, dates, bits per posting, bytes on disk.
Json stats_json(const storage::IndexSnapshot& snapshot, const std::string& index_dir);

const char* statement_kind_name(uint8_t kind);

}  // namespace attache::cli
