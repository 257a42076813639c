// The iterator of Index.export: every match, streamed. A thread of its own
// reads the index (without the GIL) into a short queue of rows; Python takes
// them one at a time, so memory stays bounded however many match, and reading
// overlaps with what Python does with each row.
#pragma once

#include <pybind11/pybind11.h>

#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

#include "json_output.h"
#include "open_index.h"

namespace attache::python {

class ExportStream {
 public:
  // Rows are article_json objects, or statement_json with `statements`.
  ExportStream(std::shared_ptr<const cli::OpenIndex> index, query::Query query, bool statements);
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
  // Waits for room in the queue; false once the stream is closed.
  bool push(cli::Json&& row);

  static constexpr size_t kQueueRows = 256;

  std::shared_ptr<const cli::OpenIndex> index_;
  query::Query query_;
  bool statements_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<cli::Json> rows_;
  bool finished_ = false;  // the reader has pushed its last row
  bool closed_ = false;    // the consumer has let go
  std::exception_ptr error_;
  uint64_t rows_read_ = 0;
  std::thread reader_;
};

}  // namespace attache::python
