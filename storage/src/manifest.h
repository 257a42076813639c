// The manifest: the list of committed segments, replaced atomically on commit
// (storage/FORMAT.md, "MANIFEST"). Whatever it names is the index.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "attache/storage/date.h"
#include "file_format.h"

namespace attache::storage {

// The files every segment has, in manifest order.
enum class SegmentFile { terms = 0, postings, positions, store, columns, statements };
inline constexpr size_t kSegmentFileCount = 6;

const char* extension(SegmentFile file);
FileKind file_kind(SegmentFile file);

struct SegmentEntry {
  uint64_t id = 0;
  uint32_t doc_count = 0;
  uint32_t deleted_count = 0;
  uint64_t deletion_generation = 0;  // 0: no deletions file
  FileSummary deletions;             // of the deletions file, when there is one
  uint64_t total_length = 0;
  uint64_t text_bytes = 0;  // of the stored fields as given, for size ratios
  Day min_date = 0;
  Day max_date = 0;
  std::array<FileSummary, kSegmentFileCount> files{};
};

struct Manifest {
  uint64_t generation = 0;  // 0: nothing committed yet
  // The manifest file's footer checksum (set when it is read or written):
  // tells one committed state from every other, generations restarting included.
  uint64_t checksum = 0;
  uint64_t next_segment_id = 1;
  std::vector<SegmentEntry> segments;
};

inline constexpr const char* kManifestName = "MANIFEST";
inline constexpr const char* kManifestTemporaryName = "MANIFEST.tmp";
inline constexpr const char* kLockName = "LOCK";

// "seg-000042" and "seg-000042.postings".
std::string segment_stem(uint64_t id);
std::string segment_file_name(uint64_t id, SegmentFile file);
std::string deletions_file_name(uint64_t id, uint64_t generation);

// "derived-identities-00c0ffee00c0ffee": what readers derived (derived_files.h)
// from the committed state whose manifest has that checksum.
std::string derived_file_name(std::string_view name, uint64_t manifest_checksum);
bool is_derived_file_name(std::string_view file_name);
bool derived_from(std::string_view file_name, uint64_t manifest_checksum);

// Nothing when DIR holds no manifest.
std::optional<Manifest> read_manifest(const std::filesystem::path& dir);
// Writes MANIFEST.tmp, fsyncs it, renames it over MANIFEST, fsyncs DIR;
// returns the file's checksum.
uint64_t write_manifest(const std::filesystem::path& dir, const Manifest& manifest);
// Every file name the manifest refers to.
std::vector<std::string> referenced_files(const Manifest& manifest);

}  // namespace attache::storage
