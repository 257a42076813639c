// An index directory of either backend as the commands see it: the same
// queries, hits, streams and counts, whether attache or Xapian holds the data.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "attache/query/query.h"
#include "attache/query/searcher.h"
#include "attache/query/speakers.h"
#include "attache/storage/document.h"

namespace attache::storage {
class IndexSnapshot;
}
namespace attache::cli {

class XapianIndex;

// The near-duplicates of a hit of a collapsed search: how many other articles
// its group holds, the group's original (its earliest article) and the sources
// of the copies (the first kMaxCopySources, without repeats).
struct Copies {
  static constexpr size_t kMaxCopySources = 20;
  uint64_t count = 0;
  std::string original;
  std::vector<std::string> sources;
};

// The best hits of a search, documents loaded without their statements (a
// page of articles does not show them; find_article gives them).
struct FoundArticles {
  std::vector<std::pair<storage::StoredDocument, double>> hits;  // document, score
  uint64_t total = 0;
  std::vector<Copies> copies;  // with SearchOptions::collapse, one per hit
};
struct FoundStatements {
  struct Hit {
    storage::StoredDocument doc;  // the statement's article
    uint32_t statement;           // index into doc.statements
    double score;
  };
  std::vector<Hit> hits;
  uint64_t total = 0;
  std::vector<Copies> copies;  // collapsed (quote_history.h), one per hit
};

class OpenIndex {
 public:
  // An attache index, a Xapian index directory (or a directory of two stubs
  // over shards) or a Xapian stub file.
  explicit OpenIndex(const std::string& path);
  ~OpenIndex();

  FoundArticles search(const query::Query& query, const query::SearchOptions& options) const;
  FoundStatements search_statements(const query::Query& query, const query::SearchOptions& options) const;
  // Every match in the order asked for, one document loaded at a time, until
  // visit returns false.
  void for_each_ranked_article(const query::Query& query, query::SortOrder sort,
                               const std::function<bool(const storage::StoredDocument&)>& visit) const;
  // Every match in index order (attache: by date; Xapian: as indexed); a null
  // query matches everything.
  // unique: only the first match of each group of near-duplicates (by date on an
  // attache index, its original when the original matches).
  void for_each_article(const query::Query* query,
                        const std::function<void(const storage::StoredDocument&)>& visit, bool unique = false) const;
  void for_each_statement(
      const query::Query* query,
      const std::function<void(const storage::StoredDocument& article, const storage::StoredStatement&)>& visit) const;

  // Statements by identity (query/speakers.h); below options.min_confidence a
  // statement is not counted.
  std::vector<query::SpeakerCount> count_speakers(const query::Query* query, query::SpeakerUnit unit,
                                                  const query::SpeakerOptions& options = {}) const;
  // Matching articles (or statements) by month, "YYYY-MM" ascending.
  std::vector<std::pair<std::string, uint64_t>> count_by_month(const query::Query& query, bool statements) const;
  // Matching articles (or statements) by their article's place or language
  // (field "place" or "lang"); articles without one are not counted.
  std::map<std::string, uint64_t> count_by_value(const query::Query& query, const std::string& field,
                                                 bool statements) const;
  // Groups of near-duplicate articles with a match, by the month of their earliest match.
  std::vector<std::pair<std::string, uint64_t>> count_groups_by_month(const query::Query& query) const;
  uint64_t article_count() const;
  // The attache snapshot; null for a Xapian index.
  const storage::IndexSnapshot* snapshot() const;
  // An attache snapshot answers many threads at once; a Xapian database one.
  bool thread_safe() const { return attache_ != nullptr; }
  // The parsed query and how this backend runs it.
  std::string explain(const query::Query& query) const;
  // The article with this id, with its statements; false if there is none.
  bool find_article(const std::string& id, storage::StoredDocument& out) const;

 private:
  // Near-duplicate groups come from signatures only an attache index stores.
  void require_duplicate_support() const;
  Copies copies_of(size_t segment, uint32_t doc) const;
  // The Xapian backend ranks statements without their confidence: refuse a
  // threshold rather than ignore it.
  void require_confidence_support(const query::Query* query) const;

  std::unique_ptr<query::Searcher> attache_;
  std::unique_ptr<XapianIndex> xapian_;  // xapian_index.h
};

}  // namespace attache::cli
