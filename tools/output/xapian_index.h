// The Xapian half of OpenIndex: what each of its calls does on a Xapian index.
// The one implementation (xapian_index.cc, library attache_output_xapian) links
// Xapian; the lean attache links none and, given a Xapian index, hands the
// command to attache-full instead (tools/attache/xapian_handover.cc).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "open_index.h"

namespace attache::cli {

class XapianIndex {
 public:
  virtual ~XapianIndex() = default;

  virtual FoundArticles search(const query::Query& query, const query::SearchOptions& options) const = 0;
  virtual FoundStatements search_statements(const query::Query& query, const query::SearchOptions& options) const = 0;
  virtual void for_each_ranked_article(const query::Query& query, query::SortOrder sort,
                                       const std::function<bool(const storage::StoredDocument&)>& visit) const = 0;
  virtual void for_each_article(const query::Query* query,
                                const std::function<void(const storage::StoredDocument&)>& visit) const = 0;
  virtual void for_each_statement(
      const query::Query* query,
      const std::function<void(const storage::StoredDocument& article, const storage::StoredStatement&)>& visit)
      const = 0;
  virtual std::vector<query::SpeakerCount> count_speakers(const query::Query* query, query::SpeakerUnit unit,
                                                          const query::SpeakerOptions& options) const = 0;
  virtual std::vector<std::pair<std::string, uint64_t>> count_by_month(const query::Query& query,
                                                                       bool statements) const = 0;
  // Counts by the article's place (place true) or language.
  virtual std::map<std::string, uint64_t> count_by_value(const query::Query& query, bool place,
                                                         bool statements) const = 0;
  virtual uint64_t article_count() const = 0;
  virtual bool find_article(const std::string& id, storage::StoredDocument& out) const = 0;
  virtual std::string explain(const query::Query& query) const = 0;
};

// The Xapian index at path (xapian_backend::is_xapian_index holds).
std::unique_ptr<XapianIndex> open_xapian_index(const std::string& path);

}  // namespace attache::cli
