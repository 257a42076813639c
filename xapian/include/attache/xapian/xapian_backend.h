// Xapian as a second backend: the same analysis written to a Xapian database,
// and the same query language answered from it. No Xapian type appears here.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "attache/indexer/indexing.h"
#include "attache/query/query.h"
#include "attache/query/searcher.h"
#include "attache/query/speakers.h"
#include "attache/storage/document.h"
#include "attache/xapian/xapian_layout.h"

namespace attache::xapian_backend {

// Writes articles (and, as documents of their own, their statements) with
// attache's terms, positions and lengths, the date in value slot 0.
class XapianWriter final : public indexer::DocumentSink {
 public:
  static std::unique_ptr<XapianWriter> open(const std::filesystem::path& dir);
  ~XapianWriter() override;
  void add(storage::IndexableDocument&& document) override;
  void commit() override;

 private:
  struct Impl;
  explicit XapianWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

struct XapianHit {
  uint32_t docid = 0;
  double score = 0;
  Day date = 0;
};

struct XapianResult {
  std::vector<XapianHit> hits;
  uint64_t total = 0;
};

class XapianSearcher {
 public:
  // DIR of this backend (its two databases, or two stubs over shards), or a
  // stub file (article shards only). A symbolic link DIR is resolved once.
  static std::unique_ptr<XapianSearcher> open(const std::filesystem::path& path);
  ~XapianSearcher();

  // Articles; with exact_total the count is exact, otherwise Xapian's estimate.
  XapianResult search(const query::Query& query, const query::SearchOptions& options, bool exact_total = true) const;
  // Statements (needs DIR/statements).
  XapianResult search_statements(const query::Query& query, const query::SearchOptions& options) const;
  // Every matching article, in docid (insertion) order, with its date; null
  // query: every article.
  void for_each_article(const query::Query* query, const std::function<void(uint32_t docid, Day date)>& visit) const;
  // Every matching statement (needs DIR/statements), with its article, in
  // statement docid order; null query: every statement.
  void for_each_statement(
      const query::Query* query,
      const std::function<void(uint32_t article_docid, const storage::StoredDocument& article, uint32_t statement)>&
          visit) const;
  storage::StoredDocument document(uint32_t docid) const;
  storage::StoredDocument document_by_id(const std::string& id) const;
  // The statement document's article and statement index.
  std::pair<std::string, uint32_t> statement_origin(uint32_t docid) const;
  uint64_t doc_count() const;
  // Statements matching the query, counted by canonical speaker (a
  // ValueCountMatchSpy), most first.
  std::vector<std::pair<std::string, uint64_t>> speaker_counts(const query::Query& query) const;
  // Every statement by speaker: the identities speaker: conditions and
  // speaker counts use (query::Searcher::archive_speakers).
  const query::SpeakerTally& archive_speakers() const;
  // How the query maps onto Xapian's operators.
  std::string describe(const query::Query& query) const;

 private:
  struct Impl;
  explicit XapianSearcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace attache::xapian_backend
