// The index the query and index fuzz targets work on: the articles of
// corpus/ indexed into two segments with a deletion, in a directory of its
// own (on /dev/shm when there is one, where fsync costs nothing), removed at exit.
#pragma once

#include <filesystem>

namespace attache::fuzz {

// Built on the first call.
const std::filesystem::path& small_index();
// A fresh directory beside it, for a target's scratch copies.
std::filesystem::path scratch_directory(const char* name);

}  // namespace attache::fuzz
