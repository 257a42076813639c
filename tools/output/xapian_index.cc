// OpenIndex on a Xapian index (xapian_index.h): the answers read from the
// Xapian backend, counts and facets from its stored articles.
#include "xapian_index.h"

#include "attache/storage/date.h"
#include "attache/storage/error.h"
#include "attache/xapian/xapian_backend.h"

namespace attache::cli {
namespace {

class XapianBackedIndex final : public XapianIndex {
 public:
  explicit XapianBackedIndex(std::unique_ptr<xapian_backend::XapianSearcher> searcher)
      : xapian_(std::move(searcher)) {}

  FoundArticles search(const query::Query& query, const query::SearchOptions& options) const override {
    FoundArticles found;
    auto result = xapian_->search(query, options);
    found.total = result.total;
    for (const auto& hit : result.hits) found.hits.emplace_back(xapian_->document(hit.docid), hit.score);
    return found;
  }

  FoundStatements search_statements(const query::Query& query, const query::SearchOptions& options) const override {
    FoundStatements found;
    auto result = xapian_->search_statements(query, options);
    found.total = result.total;
    for (const auto& hit : result.hits) {
      auto [article, index] = xapian_->statement_origin(hit.docid);
      found.hits.push_back({xapian_->document_by_id(article), index, hit.score});
    }
    return found;
  }

  void for_each_ranked_article(const query::Query& query, query::SortOrder sort,
                               const std::function<bool(const storage::StoredDocument&)>& visit) const override {
    query::SearchOptions all;
    all.sort = sort;
    all.limit = xapian_->doc_count();
    for (const auto& hit : xapian_->search(query, all).hits)
      if (!visit(xapian_->document(hit.docid))) return;
  }

  void for_each_article(const query::Query* query,
                        const std::function<void(const storage::StoredDocument&)>& visit) const override {
    xapian_->for_each_article(query, [&](uint32_t docid, Day) { visit(xapian_->document(docid)); });
  }

  void for_each_statement(
      const query::Query* query,
      const std::function<void(const storage::StoredDocument& article, const storage::StoredStatement&)>& visit)
      const override {
    xapian_->for_each_statement(query, [&](uint32_t, const storage::StoredDocument& article, uint32_t index) {
      visit(article, article.statements[index]);
    });
  }

  std::vector<query::SpeakerCount> count_speakers(const query::Query* query, query::SpeakerUnit unit,
                                                  const query::SpeakerOptions& options) const override {
    query::SpeakerTally tally;
    auto add = [&](const storage::StoredStatement& st, uint32_t docid, Day date) {
      if (options.counts(st)) tally.add(st, docid, date);
    };
    if (query && unit == query::SpeakerUnit::statements) {
      xapian_->for_each_statement(query, [&](uint32_t article_docid, const storage::StoredDocument& article,
                                             uint32_t index) { add(article.statements[index], article_docid, article.date); });
    } else {
      xapian_->for_each_article(query, [&](uint32_t docid, Day date) {
        for (const auto& st : xapian_->document(docid).statements) add(st, docid, date);
      });
    }
    return tally.counts(&xapian_->archive_speakers());
  }

  std::vector<std::pair<std::string, uint64_t>> count_by_month(const query::Query& query,
                                                               bool statements) const override {
    std::map<std::string, uint64_t> months;
    auto month = [](Day day) { return format_day(day).substr(0, 7); };
    if (statements)
      xapian_->for_each_statement(&query, [&](uint32_t, const storage::StoredDocument& article, uint32_t) {
        ++months[month(article.date)];
      });
    else
      xapian_->for_each_article(&query, [&](uint32_t, Day date) { ++months[month(date)]; });
    return {months.begin(), months.end()};
  }

  // From the stored articles: the reference the attache index's term counts are checked against.
  std::map<std::string, uint64_t> count_by_value(const query::Query& query, bool place,
                                                 bool statements) const override {
    std::map<std::string, uint64_t> counts;
    auto add = [&](const storage::StoredDocument& article) {
      const std::string& value = place ? article.place : article.language;
      if (!value.empty()) ++counts[value];
    };
    if (statements)
      xapian_->for_each_statement(&query,
                                  [&](uint32_t, const storage::StoredDocument& article, uint32_t) { add(article); });
    else
      xapian_->for_each_article(&query, [&](uint32_t docid, Day) { add(xapian_->document(docid)); });
    return counts;
  }

  uint64_t article_count() const override { return xapian_->doc_count(); }

  bool find_article(const std::string& id, storage::StoredDocument& out) const override {
    try {
      out = xapian_->document_by_id(id);
      return true;
    } catch (const Error& e) {
      if (e.kind() == ErrorKind::not_found) return false;
      throw;
    }
  }

  std::string explain(const query::Query& query) const override {
    return "xapian query: " + xapian_->describe(query);
  }

 private:
  std::unique_ptr<xapian_backend::XapianSearcher> xapian_;
};

}  // namespace

std::unique_ptr<XapianIndex> open_xapian_index(const std::string& path) {
  return std::make_unique<XapianBackedIndex>(xapian_backend::XapianSearcher::open(path));
}

}  // namespace attache::cli
