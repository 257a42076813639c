// The iterator of Index.export: every match, streamed. A thread of its own
// reads the index (without the GIL) into a short queue of rows; Python takes
// them one at a time, so memory stays bounded however many match, and reading
// overlaps with what Python does with each row.
#pragma once

#include <pybind11/pybind11.h>

#include <atomic>
#include <exception>
#include <memory>
#include <thread>

#include "blocking_queue.h"
#include "json_output.h"
#include "open_index.h"

namespace attache::python {

class ExportStream {
 public:
  // Rows are article_json objects, or statement_json with `statements`;
  // unique: one article of each group of near-duplicates.
  ExportStream(std::shared_ptr<const cli::OpenIndex> index, query::Query query, bool statements, bool unique);
  ~ExportStream();
  ExportStream(const ExportStream&) = delete;
  ExportStream& operator=(const ExportStream&) = delete;

  // The next row as a dict; raises StopIteration after the last, or the
  // reader's error where it happened.
  pybind11::object next();
  // Stops the reader; later next() calls raise StopIteration.
  void close();
  uint64_t rows_read() const { return rows_read_; }

 private:
  void produce();

  std::shared_ptr<const cli::OpenIndex> index_;
  query::Query query_;
  bool statements_, unique_;
  indexer::BlockingQueue<cli::Json> rows_{256};
  std::exception_ptr error_;          // set by the reader before it closes rows_
  std::atomic<bool> closed_ = false;  // the consumer has let go
  uint64_t rows_read_ = 0;
  std::thread reader_;
};

}  // namespace attache::python
