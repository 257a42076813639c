// The exception hierarchy of the Python module (see errors.h).
#include "errors.h"

#include "attache/query/snippet.h"
#include "attache/storage/error.h"

namespace attache::python {
namespace {

namespace py = pybind11;

// Owned by the module (its attributes hold them); never released, as the
// interpreter may outlive static destructors.
struct ExceptionTypes {
  PyObject* error = nullptr;
  PyObject* query_error = nullptr;
  PyObject* invalid_input = nullptr;
  PyObject* corrupt_index = nullptr;
  PyObject* index_locked = nullptr;
  PyObject* not_found = nullptr;
};
ExceptionTypes types;

PyObject* add_type(py::module_& module, const char* name, const char* doc, py::handle bases) {
  const std::string qualified = std::string("attache.") + name;
  PyObject* type = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, bases.ptr(), nullptr);
  if (!type) throw py::error_already_set();
  module.add_object(name, py::handle(type));  // the module takes a reference; ours stays
  return type;
}

PyObject* type_for(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::corruption:
    case ErrorKind::format_version:
      return types.corrupt_index;
    case ErrorKind::invalid_input:
      return types.invalid_input;
    case ErrorKind::locked:
      return types.index_locked;
    case ErrorKind::not_found:
      return types.not_found;
    case ErrorKind::io:
      break;
  }
  return types.error;
}

void raise_query_error(const QueryFailure& failure) {
  py::object error = py::reinterpret_borrow<py::object>(types.query_error)(failure.what());
  error.attr("position") = failure.position();
  error.attr("query") = py::str(failure.query());
  PyErr_SetObject(types.query_error, error.ptr());
}

}  // namespace

void register_errors(py::module_& module) {
  types.error = add_type(module, "Error", "Every error attache raises: a failure of the index, its input or a query.",
                         PyExc_Exception);
  const py::handle error(types.error);
  types.query_error =
      add_type(module, "QueryError",
               "A malformed query. .position is the character (str index) where it goes wrong, .query the query.",
               py::make_tuple(error, py::handle(PyExc_ValueError)));
  types.invalid_input = add_type(module, "InvalidInput",
                                 "An article, a date, an option or a directory that cannot be accepted; the message "
                                 "names what and why, as the command line reports it.",
                                 py::make_tuple(error, py::handle(PyExc_ValueError)));
  types.corrupt_index = add_type(
      module, "CorruptIndex", "The index's files fail their checksums or structure, or have an unsupported version.",
      error);
  types.index_locked = add_type(module, "IndexLocked",
                                "Another writer (named in the message) holds the index; Writer(wait=SECONDS) waits.",
                                error);
  types.not_found = add_type(module, "NotFound", "No index at the path, or no article with the id.",
                             py::make_tuple(error, py::handle(PyExc_KeyError)));

  py::register_exception_translator([](std::exception_ptr thrown) {
    try {
      if (thrown) std::rethrow_exception(thrown);
    } catch (const QueryFailure& failure) {
      raise_query_error(failure);
    } catch (const Error& e) {
      PyErr_SetString(type_for(e.kind()), e.what());
    } catch (const std::invalid_argument& e) {
      PyErr_SetString(types.invalid_input, e.what());
    }
  });
}

query::Query parse_request(const cli::QueryRequest& request) {
  try {
    return cli::build_query(request);
  } catch (const query::QueryError& e) {
    const size_t position = query::code_point_offset(request.text, std::min(e.position(), request.text.size()));
    throw QueryFailure(std::string("invalid query: ") + e.what() + " (at character " + std::to_string(position) + ")",
                       position, request.text);
  }
}

}  // namespace attache::python
