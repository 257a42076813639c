// A request's query parameters, read strictly: a parameter the endpoint does
// not take, one given twice, or a number out of range is refused with a
// message naming it, never guessed at.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace attache::serve {

// A request the API refuses, with the HTTP status to answer (400, 404, 413).
class BadRequest : public std::runtime_error {
 public:
  BadRequest(int status, const std::string& message) : std::runtime_error(message), status_(status) {}
  int status() const { return status_; }

 private:
  int status_;
};

class Params {
 public:
  // Throws BadRequest (400) if a parameter is not among `known`, or if one
  // other than those in `repeatable` is given twice.
  Params(const std::multimap<std::string, std::string>& given, const std::vector<std::string>& known,
         const std::vector<std::string>& repeatable = {});

  std::optional<std::string> text(const std::string& name) const;
  std::string required_text(const std::string& name) const;
  std::vector<std::string> all(const std::string& name) const;
  // A whole number in [min, max] (default when absent); 400 otherwise, 413
  // when it is a number above max.
  size_t number(const std::string& name, size_t fallback, size_t min, size_t max) const;
  std::optional<double> fraction(const std::string& name) const;
  // Absent, "0" or "false": false; "", "1" or "true": true.
  bool flag(const std::string& name) const;

 private:
  const std::multimap<std::string, std::string>& given_;
};

}  // namespace attache::serve
