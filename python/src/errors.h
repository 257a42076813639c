// attache's errors as Python exceptions, one hierarchy under attache.Error:
// QueryError (.position, .query), InvalidInput, CorruptIndex, IndexLocked,
// NotFound. QueryError and InvalidInput are also ValueErrors, NotFound a
// KeyError, so generic handlers catch them too.
#pragma once

#include <pybind11/pybind11.h>

#include <stdexcept>
#include <string>

#include "attache/query/query.h"
#include "query_request.h"

namespace attache::python {

// A malformed query, its position in code points (Python's str indices).
class QueryFailure : public std::runtime_error {
 public:
  QueryFailure(const std::string& message, size_t position, std::string query)
      : std::runtime_error(message), position_(position), query_(std::move(query)) {}
  size_t position() const { return position_; }
  const std::string& query() const { return query_; }

 private:
  size_t position_;
  std::string query_;
};

// Creates the exception classes in the module and translates attache::Error
// (by kind), QueryFailure and std::invalid_argument into them.
void register_errors(pybind11::module_& module);

// The query of a request; a malformed query throws QueryFailure, a bad date or
// confidence std::invalid_argument (InvalidInput in Python).
query::Query parse_request(const cli::QueryRequest& request);

}  // namespace attache::python
