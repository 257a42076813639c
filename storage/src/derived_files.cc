// Derived files: the common framing around a body a reader worked out, named
// after the manifest it was worked out from.
#include "attache/storage/derived_files.h"

#include <unistd.h>

#include <atomic>

#include "attache/storage/error.h"
#include "attache/storage/index_reader.h"
#include "file_format.h"
#include "io.h"
#include "manifest.h"

namespace attache::storage {

std::optional<std::string> read_derived(const IndexSnapshot& snapshot, std::string_view name) {
  const std::string file_name = derived_file_name(name, snapshot.manifest_checksum());
  const auto path = snapshot.directory() / file_name;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::nullopt;
  try {
    MappedFile file(path, file_name, FileKind::derived);
    file.verify_all();
    const uint64_t size = file.body_end() - file.body_begin();
    const uint8_t* body = file.verified(file.body_begin(), size);
    return std::string(reinterpret_cast<const char*>(body), size);
  } catch (const Error&) {
    return std::nullopt;  // damaged, or removed by a writer since: derived again
  }
}

bool write_derived(const IndexSnapshot& snapshot, std::string_view name, std::string_view body) {
  const std::string file_name = derived_file_name(name, snapshot.manifest_checksum());
  // A name of its own while written: readers and writers of the same state may
  // be at it at once, and either's whole file is right.
  static std::atomic<uint64_t> written = 0;
  const auto temporary = snapshot.directory() / (file_name + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(written++));
  try {
    io::remove(temporary);
    FileWriter out(temporary, FileKind::derived);
    out.write(body.data(), body.size());
    out.finish();
    if (io::rename(temporary, snapshot.directory() / file_name) == 0) return true;
  } catch (const Error&) {
  }
  io::remove(temporary);
  return false;
}

}  // namespace attache::storage
