// Strict reading of query parameters (see params.h).
#include "params.h"

#include <algorithm>
#include <cstdlib>

namespace attache::serve {
namespace {

std::string list(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// Names and values are echoed in messages: keep them short and printable.
std::string shown(const std::string& s) {
  std::string out;
  for (char c : s.substr(0, 40)) out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
  return s.size() > 40 ? out + "..." : out;
}

}  // namespace

Params::Params(const std::multimap<std::string, std::string>& given, const std::vector<std::string>& known,
               const std::vector<std::string>& repeatable)
    : given_(given) {
  for (auto it = given.begin(); it != given.end(); it = given.upper_bound(it->first)) {
    const std::string& name = it->first;
    if (std::find(known.begin(), known.end(), name) == known.end())
      throw BadRequest(400, "unknown parameter '" + shown(name) + "' (this endpoint takes " + list(known) + ")");
    if (given.count(name) > 1 && std::find(repeatable.begin(), repeatable.end(), name) == repeatable.end())
      throw BadRequest(400, "parameter '" + name + "' is given more than once");
  }
}

std::optional<std::string> Params::text(const std::string& name) const {
  auto it = given_.find(name);
  if (it == given_.end()) return std::nullopt;
  return it->second;
}

std::string Params::required_text(const std::string& name) const {
  auto value = text(name);
  if (!value || value->find_first_not_of(" \t\r\n") == std::string::npos)
    throw BadRequest(400, "parameter '" + name + "' is required");
  return *value;
}

std::vector<std::string> Params::all(const std::string& name) const {
  std::vector<std::string> values;
  auto [first, last] = given_.equal_range(name);
  for (auto it = first; it != last; ++it) values.push_back(it->second);
  return values;
}

size_t Params::number(const std::string& name, size_t fallback, size_t min, size_t max) const {
  auto value = text(name);
  if (!value) return fallback;
  const std::string range = " from " + std::to_string(min) + " to " + std::to_string(max);
  const bool digits = !value->empty() && value->size() <= 18 &&
                      std::all_of(value->begin(), value->end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits) throw BadRequest(400, name + " must be a whole number" + range + ", not '" + shown(*value) + "'");
  const size_t n = std::strtoull(value->c_str(), nullptr, 10);
  if (n > max) throw BadRequest(413, name + " " + *value + " is too large: it must be" + range);
  if (n < min) throw BadRequest(400, name + " must be a whole number" + range);
  return n;
}

std::optional<double> Params::fraction(const std::string& name) const {
  auto value = text(name);
  if (!value) return std::nullopt;
  char* end = nullptr;
  const double x = std::strtod(value->c_str(), &end);
  if (value->empty() || end != value->c_str() + value->size() || !(x >= 0 && x <= 1))
    throw BadRequest(400, name + " must be a number from 0 to 1, not '" + shown(*value) + "'");
  return x;
}

bool Params::flag(const std::string& name) const {
  auto value = text(name);
  if (!value || *value == "0" || *value == "false") return false;
  if (value->empty() || *value == "1" || *value == "true") return true;
  throw BadRequest(400, name + " must be true or false, not '" + shown(*value) + "'");
}

}  // namespace attache::serve
