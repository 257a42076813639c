// The JSON objects of attache_output (json_output.h) as Python objects: the
// module gives programs the same fields the command line and the server give,
// from the same code.
#pragma once

#include <pybind11/pybind11.h>

#include "json_output.h"

namespace attache::python {

// Objects become dicts (in the order of their fields), arrays lists; invalid
// UTF-8 in a string is replaced, as `--json` replaces it.
pybind11::object to_python(const cli::Json& value);

}  // namespace attache::python
