// The one error type of attache: every failure is one of a few kinds, so callers
// (and the command line's exit status) can tell corruption from bad input from I/O.
#pragma once

#include <stdexcept>
#include <string>

namespace attache {

enum class ErrorKind {
  corruption,      // bytes on disk do not match their checksum or their own structure
  format_version,  // an index written by a newer or an older format version
  invalid_input,   // an article, a query or an argument that cannot be accepted
  io,              // the operating system refused a read, write, rename or lock
  locked,          // another writer holds the index
  not_found,       // no index, or no such article
};

const char* to_string(ErrorKind kind);

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  ErrorKind kind() const { return kind_; }

 private:
  ErrorKind kind_;
};

// "index corrupted: FILE: reason", the one wording users see for damaged files.
[[noreturn]] void throw_corruption(const std::string& file, const std::string& reason);
// "FILE: what failed: strerror(errno)".
[[noreturn]] void throw_io(const std::string& file, const std::string& what);

}  // namespace attache
