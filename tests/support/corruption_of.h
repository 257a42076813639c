// The message of the corruption a read reports, for tests of damaged files.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "attache/storage/error.h"

namespace attache::testing {

// The message of the corruption `read` reports; fails the test on any other outcome.
template <typename Read>
std::string corruption_of(Read&& read) {
  try {
    read();
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::corruption);
    return e.what();
  }
  FAIL("damage was read without an error");
  return {};
}

}  // namespace attache::testing
