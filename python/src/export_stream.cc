// The streaming export (see export_stream.h).
#include "export_stream.h"

#include "to_python.h"

namespace attache::python {

namespace py = pybind11;

namespace {
// Thrown through the index's scan when the consumer lets go.
struct StreamClosed {};
}  // namespace

ExportStream::ExportStream(std::shared_ptr<const cli::OpenIndex> index, query::Query query, bool statements,
                           bool unique)
    : index_(std::move(index)),
      query_(std::move(query)),
      statements_(statements),
      unique_(unique),
      reader_([this] { produce(); }) {}

ExportStream::~ExportStream() {
  close();
  reader_.join();  // quick: the reader stops at its next row
}

void ExportStream::produce() {
  try {
    if (statements_) {
      cli::ArticleCodePoints code_points;
      index_->for_each_statement(&query_, [&](const storage::StoredDocument& doc, const storage::StoredStatement& st) {
        if (!rows_.push(cli::statement_json(doc.id, doc.date, code_points.of(doc), st))) throw StreamClosed{};
      });
    } else {
      index_->for_each_article(&query_, [&](const storage::StoredDocument& doc) {
        if (!rows_.push(cli::article_json(doc))) throw StreamClosed{};
      }, unique_);
    }
  } catch (const StreamClosed&) {
  } catch (...) {
    error_ = std::current_exception();
  }
  rows_.close();  // the consumer drains what is left, then sees the end
}

py::object ExportStream::next() {
  std::optional<cli::Json> row;
  if (!closed_) {
    py::gil_scoped_release released;
    row = rows_.pop();
  }
  if (!row) {
    // Unless the consumer closed the stream, the reader has ended: its error
    // (if any) is raised once, where the rows ended.
    if (!closed_.exchange(true) && error_) std::rethrow_exception(error_);
    throw py::stop_iteration();
  }
  ++rows_read_;
  return to_python(*row);
}

void ExportStream::close() {
  closed_ = true;
  rows_.close();
}

}  // namespace attache::python
