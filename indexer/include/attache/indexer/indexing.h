// The indexing run: read inputs, analyse on every core, write in input order.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

#include "attache/indexer/article.h"
#include "attache/indexer/article_reader.h"
#include "attache/storage/index_writer.h"

namespace attache::indexer {

struct IndexingProgress {
  uint64_t articles = 0;
  uint64_t bytes_read = 0;
  uint64_t bytes_total = 0;  // 0 when unknown (standard input)
  double seconds = 0;
};

struct IndexingReport {
  uint64_t indexed = 0;
  uint64_t skipped = 0;
  std::array<uint64_t, kSkipReasonCount> skipped_by_reason{};
  uint64_t bytes = 0;
  double seconds = 0;
};

// Where analysed documents go: attache's own index, or another backend.
class DocumentSink {
 public:
  virtual ~DocumentSink() = default;
  virtual void add(storage::IndexableDocument&& document) = 0;
  virtual void commit() = 0;
};

// The sink for attache's own index.
class IndexWriterSink final : public DocumentSink {
 public:
  explicit IndexWriterSink(storage::IndexWriter& writer) : writer_(writer) {}
  void add(storage::IndexableDocument&& document) override { writer_.add(std::move(document)); }
  void commit() override { writer_.commit(); }

 private:
  storage::IndexWriter& writer_;
};

struct IndexingCallbacks {
  std::function<void(const InputProblem&)> problem;        // from one thread, in input order
  std::function<void(const IndexingProgress&)> progress;  // about ten times a second
};

// Analysis threads: 0 means one per core.
IndexingReport index_inputs(const std::vector<InputFile>& inputs, DocumentSink& sink,
                            const IndexingCallbacks& callbacks, unsigned analysis_threads = 0);

}  // namespace attache::indexer
