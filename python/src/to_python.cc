// JSON values to Python objects (see to_python.h).
#include "to_python.h"

namespace attache::python {

namespace py = pybind11;

py::object to_python(const cli::Json& value) {
  switch (value.type()) {
    case cli::Json::value_t::null:
      return py::none();
    case cli::Json::value_t::boolean:
      return py::bool_(value.get<bool>());
    case cli::Json::value_t::number_integer:
      return py::int_(value.get<int64_t>());
    case cli::Json::value_t::number_unsigned:
      return py::int_(value.get<uint64_t>());
    case cli::Json::value_t::number_float:
      return py::float_(value.get<double>());
    case cli::Json::value_t::string: {
      const auto& s = value.get_ref<const std::string&>();
      PyObject* text = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace");
      if (!text) throw py::error_already_set();
      return py::reinterpret_steal<py::object>(text);
    }
    case cli::Json::value_t::array: {
      py::list list(value.size());
      size_t i = 0;
      for (const auto& item : value) list[i++] = to_python(item);
      return list;
    }
    case cli::Json::value_t::object: {
      py::dict dict;
      for (auto it = value.begin(); it != value.end(); ++it) dict[py::str(it.key())] = to_python(it.value());
      return dict;
    }
    default:  // binary and discarded values: never built by json_output
      throw std::logic_error("a JSON value Python cannot hold");
  }
}

}  // namespace attache::python
