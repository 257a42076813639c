// The streaming export (see export_stream.h).
#include "export_stream.h"

#include "to_python.h"

namespace attache::python {

namespace py = pybind11;

namespace {
// Thrown through the index's scan when the consumer lets go.
struct StreamClosed {};
}  // namespace

ExportStream::ExportStream(std::shared_ptr<const cli::OpenIndex> index, query::Query query, bool statements)
    : index_(std::move(index)), query_(std::move(query)), statements_(statements), reader_([this] { produce(); }) {}

ExportStream::~ExportStream() {
  close();
  reader_.join();  // quick: the reader stops at its next row
}

bool ExportStream::push(cli::Json&& row) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return closed_ || rows_.size() < kQueueRows; });
  if (closed_) return false;
  rows_.push_back(std::move(row));
  changed_.notify_all();
  return true;
}

void ExportStream::produce() {
  try {
    if (statements_) {
      index_->for_each_statement(&query_, [&](const storage::StoredDocument& doc, const storage::StoredStatement& st) {
        if (!push(cli::statement_json(doc.id, doc.date, doc.text, st))) throw StreamClosed{};
      });
    } else {
      index_->for_each_article(&query_, [&](const storage::StoredDocument& doc) {
        if (!push(cli::article_json(doc))) throw StreamClosed{};
      });
    }
  } catch (const StreamClosed&) {
  } catch (...) {
    std::lock_guard lock(mutex_);
    error_ = std::current_exception();
  }
  std::lock_guard lock(mutex_);
  finished_ = true;
  changed_.notify_all();
}

py::object ExportStream::next() {
  cli::Json row;
  {
    py::gil_scoped_release released;
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return closed_ || finished_ || !rows_.empty(); });
    if (!closed_ && !rows_.empty()) {
      row = std::move(rows_.front());
      rows_.pop_front();
      ++rows_read_;
      changed_.notify_all();
    } else if (error_ && !closed_) {
      closed_ = true;  // the error is raised once
      std::rethrow_exception(error_);
    } else {
      throw py::stop_iteration();
    }
  }
  return to_python(row);
}

void ExportStream::close() {
  std::lock_guard lock(mutex_);
  closed_ = true;
  rows_.clear();
  changed_.notify_all();
}

}  // namespace attache::python
