// Writing from Python and extraction without an index (see writer.h). An
// article dict goes through the JSON Lines reader, so Python and `attache
// index` accept and refuse the same articles for the same reasons.
#include "writer.h"

#include "attache/indexer/article.h"
#include "attache/indexer/document_analyzer.h"
#include "attache/indexer/statements.h"
#include "attache/storage/error.h"
#include "attache/xapian/xapian_backend.h"
#include "json_output.h"
#include "to_python.h"

namespace attache::python {

namespace py = pybind11;

namespace {

// One analyser a thread (it owns a stemmer), kept for the thread's life.
indexer::DocumentAnalyzer& analyzer() {
  thread_local indexer::DocumentAnalyzer analyzer;
  return analyzer;
}

// The article of a dict, or InvalidInput naming the call and the reason as
// `attache index` names a line and its reason.
indexer::Article parse_article(const py::handle& object, uint64_t number) {
  if (!py::isinstance<py::dict>(object))
    throw Error(ErrorKind::invalid_input, "an article is a dict with id, date and text, not " +
                                              std::string(py::str(py::type::handle_of(object).attr("__name__"))));
  std::string line;
  try {
    line = py::module_::import("json").attr("dumps")(object, py::arg("ensure_ascii") = false).cast<std::string>();
  } catch (const py::error_already_set& e) {
    throw Error(ErrorKind::invalid_input, "article " + std::to_string(number) + ": not JSON: " + e.what());
  }
  indexer::ParseResult parsed = indexer::parse_json_article(line, "article", number, "");
  if (auto* problem = std::get_if<indexer::InputProblem>(&parsed))
    throw Error(ErrorKind::invalid_input, indexer::format_problem(*problem));
  indexer::Article article = std::move(std::get<indexer::Article>(parsed));
  if (article.id.empty())
    throw Error(ErrorKind::invalid_input, "article " + std::to_string(number) + ": skipped, no id");
  return article;
}

}  // namespace

Writer::Writer(const std::string& path, double wait_seconds, uint64_t memory_mib) : path_(path) {
  if (memory_mib == 0) throw std::invalid_argument("memory_mib must be at least 1");
  if (!(wait_seconds >= 0)) throw std::invalid_argument("wait must be 0 or more seconds");
  py::gil_scoped_release released;  // waiting for the lock must not stop other threads
  if (xapian_backend::is_xapian_index(path))
    throw Error(ErrorKind::invalid_input, path + ": holds a Xapian index; Writer writes attache indexes");
  storage::WriterOptions options;
  options.lock_wait_seconds = wait_seconds;
  options.memory_budget = memory_mib << 20;
  writer_ = storage::IndexWriter::open(path, options);
}

storage::IndexWriter& Writer::writer() const {
  if (!writer_) throw py::value_error("the writer is closed");
  return *writer_;
}

// The index is used under writing_, so a close() from another thread waits.
std::string Writer::add(const py::handle& object) {
  writer();  // a closed writer refuses before the article is read
  indexer::Article article = parse_article(object, ++added_);
  std::string id = article.id;
  py::gil_scoped_release released;
  storage::IndexableDocument document = analyzer().analyze(std::move(article));
  std::lock_guard lock(writing_);
  writer().add(std::move(document));
  return id;
}

bool Writer::remove(const std::string& id) {
  py::gil_scoped_release released;
  std::lock_guard lock(writing_);
  return writer().remove(id) > 0;
}

void Writer::commit() {
  py::gil_scoped_release released;
  std::lock_guard lock(writing_);
  writer().commit();
}

void Writer::close() {
  py::gil_scoped_release released;
  std::lock_guard lock(writing_);
  writer_.reset();
}

py::list quotes(const std::string& text, const std::optional<std::string>& date, const std::string& id,
                double min_confidence) {
  if (!(min_confidence >= 0 && min_confidence <= 1))
    throw std::invalid_argument("min_confidence must be between 0 and 1");
  // Checked as an article is (UTF-8, not binary, a valid date); without a
  // date, the statements carry none.
  py::dict fields;
  fields["id"] = id;
  fields["date"] = date.value_or("2000-01-01");
  fields["text"] = text;
  indexer::Article article = parse_article(fields, 1);
  cli::Json rows = cli::Json::array();
  {
    py::gil_scoped_release released;
    const analysis::CodePoints code_points(article.text);
    for (const indexer::Statement& s : indexer::extract_statements(article.text)) {
      if (s.confidence < min_confidence) continue;
      rows.push_back(cli::statement_json(article.id, article.date, code_points, indexer::to_stored(s)));
      if (!date) rows.back()["date"] = nullptr;
    }
  }
  return to_python(rows);
}

}  // namespace attache::python
