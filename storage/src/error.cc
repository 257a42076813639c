// Builders for the error messages shared by every module.
#include "attache/storage/error.h"

#include <cerrno>
#include <cstring>

namespace attache {

const char* to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::corruption: return "corruption";
    case ErrorKind::format_version: return "format version";
    case ErrorKind::invalid_input: return "invalid input";
    case ErrorKind::io: return "I/O";
    case ErrorKind::locked: return "locked";
    case ErrorKind::not_found: return "not found";
  }
  return "unknown";
}

void throw_corruption(const std::string& file, const std::string& reason) {
  throw Error(ErrorKind::corruption, "index corrupted: " + file + ": " + reason);
}

void throw_io(const std::string& file, const std::string& what) {
  int saved = errno;
  throw Error(ErrorKind::io, file + ": " + what + ": " + std::strerror(saved));
}

}  // namespace attache
