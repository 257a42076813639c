// The attache._attache extension: the classes and functions of `import
// attache`, with their docstrings (python/attache/__init__.pyi types them).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "errors.h"
#include "export_stream.h"
#include "index.h"
#include "writer.h"

namespace py = pybind11;
using namespace py::literals;
using attache::python::ExportStream;
using attache::python::Index;
using attache::python::QueryArguments;
using attache::python::SearchResult;
using attache::python::Writer;

namespace {

using Text = std::optional<std::string>;

void bind_search_result(py::module_& m) {
  auto cls = py::class_<SearchResult>(m, "SearchResult",
                                      "A page of hits (dicts with the fields of `attache search --json`): a sequence, "
                                      "with .total (every match, counted exactly) and .summary (the summary line).")
      .def("__len__", [](const SearchResult& r) { return r.hits.size(); })
      .def("__getitem__", [](const SearchResult& r, const py::object& key) { return r.hits[key]; })
      .def("__iter__", [](const SearchResult& r) { return py::iter(r.hits); })
      .def_readonly("total", &SearchResult::total)
      .def_readonly("summary", &SearchResult::summary)
      .def_readonly("hits", &SearchResult::hits)
      .def("__repr__", [](const SearchResult& r) {
        return "<attache.SearchResult: " + std::to_string(r.hits.size()) + " hits of " + std::to_string(r.total) + ">";
      });
  py::module_::import("collections.abc").attr("Sequence").attr("register")(cls);
}

void bind_index(py::module_& m) {
  py::class_<Index>(m, "Index",
                    "An attache (or Xapian) index opened for reading; also a context manager. Calls release the GIL, "
                    "and one Index may be used from many threads at once.")
      .def(py::init<const std::string&>(), "path"_a, "Opens the index at path (NotFound if none, CorruptIndex if damaged).")
      .def(
          "search",
          [](const Index& ix, const std::string& q, size_t limit, size_t offset, const std::string& sort,
             const Text& date_from, const Text& date_to, bool statements, std::optional<double> min_confidence,
             bool collapse) {
            return ix.search({q, date_from, date_to, min_confidence}, limit, offset, sort, statements, collapse);
          },
          "query"_a, "limit"_a = 10, "offset"_a = 0, "sort"_a = "relevance", "date_from"_a = py::none(),
          "date_to"_a = py::none(), "statements"_a = false, "min_confidence"_a = py::none(), "collapse"_a = false,
          "The best hits of a query (docs/QUERY.md): sort is relevance, newest (date) or oldest; dates are YYYY, "
          "YYYY-MM or YYYY-MM-DD; statements (implied by speaker:) searches who said what; collapse gives one hit "
          "per group of near-duplicate articles, with copies, original and copy_sources.")
      .def(
          "count",
          [](const Index& ix, const std::string& q, const Text& date_from, const Text& date_to, bool statements,
             std::optional<double> min_confidence, bool collapse) {
            return ix.count({q, date_from, date_to, min_confidence}, statements, collapse);
          },
          "query"_a, "date_from"_a = py::none(), "date_to"_a = py::none(), "statements"_a = false,
          "min_confidence"_a = py::none(), "collapse"_a = false,
          "The exact number of matching articles (or statements; or with collapse, groups of near-duplicates).")
      .def(
          "facets",
          [](const Index& ix, const std::string& q, const std::string& name, const Text& date_from,
             const Text& date_to, bool statements) {
            return ix.facets({q, date_from, date_to, {}}, name, statements);
          },
          "query"_a, "name"_a, "date_from"_a = py::none(), "date_to"_a = py::none(), "statements"_a = false,
          "Counts over every match: name='month' gives {'YYYY-MM': n}, 'place' {place: n}, 'lang' {code: n}, "
          "name='speaker' a list of speaker rows.")
      .def("speakers", &Index::speakers, "query"_a = py::none(), "limit"_a = 50, "min_confidence"_a = 0.8,
           "kind"_a = py::none(), "copies"_a = false,
           "Who speaks most (in the statements query matches), as `attache speakers --json`; limit=0 lists all; "
           "kind is person, group, organisation or publication; copies=True counts every copy of a "
           "near-duplicate article.")
      .def(
          "quote_history",
          [](const Index& ix, const Text& q, const std::string& sort, size_t limit, const Text& date_from,
             const Text& date_to, std::optional<double> min_confidence) {
            return ix.quote_history({q.value_or(""), date_from, date_to, min_confidence}, sort, limit);
          },
          "query"_a = py::none(), "sort"_a = "spread", "limit"_a = 20, "date_from"_a = py::none(),
          "date_to"_a = py::none(), "min_confidence"_a = py::none(),
          "Each statement the query matches once, however many articles carried it, as `attache quotes --history "
          "--json`: sort='spread' (most articles first) or 'date' (who said it first); limit=0 lists all.")
      .def(
          "kwic",
          [](const Index& ix, const std::string& q, size_t width, size_t limit, const std::string& sort,
             const Text& date_from, const Text& date_to) {
            return ix.kwic({q, date_from, date_to, {}}, width, limit, sort);
          },
          "query"_a, "width"_a = 40, "limit"_a = 200, "sort"_a = "relevance", "date_from"_a = py::none(),
          "date_to"_a = py::none(),
          "A concordance: each occurrence of the query's words with width characters of context; limit=0 gives all.")
      .def("article", &Index::article, "id"_a,
           "{'article': {...}, 'statements': [...]}: the article's text and who said what in it (NotFound if none).")
      .def(
          "export",
          [](const Index& ix, const std::string& q, bool statements, const Text& date_from, const Text& date_to,
             std::optional<double> min_confidence, bool unique) {
            return ix.export_matches({q, date_from, date_to, min_confidence}, statements, unique);
          },
          "query"_a, "statements"_a = false, "date_from"_a = py::none(), "date_to"_a = py::none(),
          "min_confidence"_a = py::none(), "unique"_a = false,
          "An iterator over every match (articles, or statements), as `attache export` writes them, read while it is "
          "consumed: memory stays bounded however many match.")
      .def("stats", &Index::stats, "Counts, dates and sizes, as `attache stats --json`.")
      .def("__len__", &Index::article_count, "The number of articles.")
      .def_property_readonly("path", &Index::path)
      .def_property_readonly("closed", &Index::closed)
      .def("close", &Index::close, "Lets go of the index; running exports finish on what they began with.")
      .def("__enter__", [](Index& ix) -> Index& { return ix; }, py::return_value_policy::reference)
      .def("__exit__", [](Index& ix, const py::args&) { ix.close(); })
      .def("__repr__", [](const Index& ix) {
        return "<attache.Index " + py::repr(py::str(ix.path())).cast<std::string>() + (ix.closed() ? " closed>" : ">");
      });
}

void bind_export_stream(py::module_& m) {
  py::class_<ExportStream>(m, "ExportStream", "The rows of Index.export, read on a thread of their own.")
      .def("__iter__", [](ExportStream& s) -> ExportStream& { return s; }, py::return_value_policy::reference)
      .def("__next__", &ExportStream::next)
      .def_property_readonly("rows_read", &ExportStream::rows_read, "Rows taken so far.")
      .def("close", &ExportStream::close, "Stops reading; the iterator ends.")
      .def("__enter__", [](ExportStream& s) -> ExportStream& { return s; }, py::return_value_policy::reference)
      .def("__exit__", [](ExportStream& s, const py::args&) { s.close(); });
}

void bind_writer(py::module_& m) {
  py::class_<Writer>(m, "Writer",
                     "The one writer of an attache index (created when missing). As a context manager it commits on "
                     "a normal exit; after an exception it closes without committing.")
      .def(py::init<const std::string&, double, uint64_t>(), "path"_a, "wait"_a = 0.0, "memory_mib"_a = 512,
           "Opens path for writing; waits up to wait seconds for another writer, then raises IndexLocked.")
      .def("add", &Writer::add, "article"_a,
           "Adds {'id', 'date', 'text', 'title', 'source', 'url'} (id, date, text required); an id already present "
           "is replaced. Raises InvalidInput with the reason `attache index` gives. Returns the id.")
      .def("delete", &Writer::remove, "id"_a, "Deletes the article at the next commit; False if there is none.")
      .def("commit", &Writer::commit, "Publishes what was added and deleted, all at once.")
      .def("close", &Writer::close, "Lets go of the index and its lock; what was not committed is dropped.")
      .def_property_readonly("closed", &Writer::closed)
      .def_property_readonly("added", &Writer::added, "Articles added through this writer.")
      .def("__enter__", [](Writer& w) -> Writer& { return w; }, py::return_value_policy::reference)
      .def("__exit__", [](Writer& w, const py::object& type, const py::object&, const py::object&) {
        if (type.is_none() && !w.closed()) w.commit();
        w.close();
      });
}

}  // namespace

PYBIND11_MODULE(_attache, m) {
  m.doc() = "attache: full-text search and who said what over archives of news (the C++ core).";
  attache::python::register_errors(m);
  bind_search_result(m);
  bind_index(m);
  bind_export_stream(m);
  bind_writer(m);
  m.def("quotes", &attache::python::quotes, "text"_a, "date"_a = py::none(), "id"_a = "text", "min_confidence"_a = 0.0,
        "Who said what in one text, without an index: statements as `attache quotes --json` gives them (date None "
        "when not given).");
}
