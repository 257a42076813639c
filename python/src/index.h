// attache.Index: an open index read from Python. Every call releases the GIL
// while it reads, and one Index serves many threads at once (an attache
// snapshot is immutable; a Xapian database takes one call at a time).
#pragma once

#include <pybind11/pybind11.h>

#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "open_index.h"
#include "query_request.h"

namespace attache::python {

class ExportStream;

// A page of hits: a sequence of dicts with the fields of `attache search
// --json`, the exact number of matches and the summary line.
struct SearchResult {
  pybind11::list hits;
  uint64_t total = 0;
  pybind11::dict summary;
};

// A query and its optional date range and statement threshold, as Python
// passes them.
struct QueryArguments {
  std::string text;
  std::optional<std::string> date_from, date_to;
  std::optional<double> min_confidence;
  cli::QueryRequest request() const { return {text, date_from, date_to, min_confidence, ""}; }
};

class Index {
 public:
  explicit Index(const std::string& path);

  SearchResult search(const QueryArguments& query, size_t limit, size_t offset, const std::string& sort,
                      bool statements, bool collapse = false) const;
  uint64_t count(const QueryArguments& query, bool statements, bool collapse = false) const;
  pybind11::object facets(const QueryArguments& query, const std::string& name, bool statements) const;
  pybind11::list speakers(const std::optional<std::string>& query, size_t limit, double min_confidence,
                          const std::optional<std::string>& kind, bool copies = false) const;
  pybind11::list quote_history(const QueryArguments& query, const std::string& sort, size_t limit) const;
  pybind11::list kwic(const QueryArguments& query, size_t width, size_t limit,
                      const std::string& sort) const;
  pybind11::dict article(const std::string& id) const;
  std::unique_ptr<ExportStream> export_matches(const QueryArguments& query, bool statements, bool unique = false) const;
  pybind11::dict stats() const;
  uint64_t article_count() const;

  const std::string& path() const { return path_; }
  bool closed() const { return !index_; }
  // Lets go of the snapshot; streams already begun keep it until they end.
  void close() { index_.reset(); }

 private:
  // Runs work on the index with the GIL released, taking turns over a Xapian
  // database. work must not touch Python objects.
  template <class Work>
  auto read(Work&& work) const;

  std::string path_;
  std::shared_ptr<const cli::OpenIndex> index_;
  std::shared_ptr<std::mutex> turns_ = std::make_shared<std::mutex>();
};

}  // namespace attache::python
