// Damage behind valid checksums: after a test (or a fuzzer) changes the bytes
// of an index file on purpose, restamp() recomputes the file's chunk and
// footer checksums and restamp_manifest() the manifest's record of them, so
// readers meet what a writer's bug or another version would leave, not what
// a disk would. Uses storage's internal headers (storage/src).
#pragma once

#include <xxhash.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

#include "file_format.h"
#include "manifest.h"

namespace attache::testing {

inline std::vector<uint8_t> read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  std::vector<uint8_t> bytes(in ? static_cast<size_t>(in.tellg()) : 0);
  in.seekg(0);
  in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  return bytes;
}

inline void write_bytes(const std::filesystem::path& path, const std::vector<uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

// Where the body of framed bytes ends (the checksum table's offset), or 0 when
// the framing itself is not intact.
inline uint64_t body_end(const std::vector<uint8_t>& bytes) {
  using storage::kFooterSize;
  if (bytes.size() < storage::kHeaderSize + kFooterSize) return 0;
  uint64_t table = 0;
  std::memcpy(&table, bytes.data() + bytes.size() - kFooterSize, 8);
  uint64_t chunks = (table + storage::kChunkSize - 1) / storage::kChunkSize;
  if (table < storage::kHeaderSize || table + 4 * chunks + kFooterSize != bytes.size()) return 0;
  return table;
}

// Recomputes the checksums of framed bytes in place.
inline void restamp(std::vector<uint8_t>& bytes) {
  const uint64_t table = body_end(bytes);
  if (table == 0) return;
  for (uint64_t c = 0, begin = 0; begin < table; ++c, begin += storage::kChunkSize) {
    uint64_t end = std::min<uint64_t>(begin + storage::kChunkSize, table);
    auto sum = static_cast<uint32_t>(XXH3_64bits(bytes.data() + begin, end - begin));
    std::memcpy(bytes.data() + table + 4 * c, &sum, 4);
  }
  uint64_t whole = XXH3_64bits(bytes.data(), bytes.size() - 8);
  std::memcpy(bytes.data() + bytes.size() - 8, &whole, 8);
}

inline void restamp(const std::filesystem::path& path) {
  auto bytes = read_bytes(path);
  restamp(bytes);
  write_bytes(path, bytes);
}

// The manifest's sizes and checksums of every file it names, from the files.
inline void restamp_manifest(const std::filesystem::path& dir) {
  auto manifest = storage::read_manifest(dir);
  if (!manifest) return;
  auto summary = [&](const std::string& name, storage::FileSummary& out) {
    auto bytes = read_bytes(dir / name);
    out.size = bytes.size();
    if (bytes.size() >= 8) std::memcpy(&out.checksum, bytes.data() + bytes.size() - 8, 8);
  };
  for (storage::SegmentEntry& s : manifest->segments) {
    for (size_t f = 0; f < storage::kSegmentFileCount; ++f)
      summary(storage::segment_file_name(s.id, static_cast<storage::SegmentFile>(f)), s.files[f]);
    if (s.deletion_generation) summary(storage::deletions_file_name(s.id, s.deletion_generation), s.deletions);
  }
  storage::write_manifest(dir, *manifest);
}

// Overwrites bytes of an index file at `offset` and restamps the file and the manifest.
inline void patch(const std::filesystem::path& dir, const std::string& name, uint64_t offset, const void* data,
                  size_t size) {
  auto bytes = read_bytes(dir / name);
  std::memcpy(bytes.data() + offset, data, size);
  restamp(bytes);
  write_bytes(dir / name, bytes);
  restamp_manifest(dir);
}

// A version-5 or 6 statements file as version 4 lays it out: version 5 only
// appends the speakers' months and their offset (FORMAT.md), so cutting them
// off leaves what the older writer wrote. From a version-6 file the words of
// the statement postings keep no positions, which a reader of any version
// then takes from the article, the spans from its entries (FORMAT.md).
// Restamps the manifest.
inline void as_statements_version_4(const std::filesystem::path& dir, const std::string& name) {
  auto bytes = read_bytes(dir / name);
  const uint64_t end = body_end(bytes);
  uint32_t version = 0;
  std::memcpy(&version, bytes.data() + 8, 4);
  if (end == 0 || version < 5) return;
  uint64_t trailer = end - 8, months = 0;
  if (version >= 6) {  // the first positions follow the months' offset
    std::memcpy(&trailer, bytes.data() + end - 8, 8);
    trailer -= 8;
  }
  std::memcpy(&months, bytes.data() + trailer, 8);
  bytes.resize(months);
  version = 4;
  std::memcpy(bytes.data() + 8, &version, 4);
  const uint64_t chunks = (months + storage::kChunkSize - 1) / storage::kChunkSize;
  bytes.resize(months + 4 * chunks, 0);
  const uint32_t chunk_size = storage::kChunkSize;
  const char footer[4] = {'T', 'C', 'H', 'E'};
  const uint64_t whole = 0;
  for (auto [data, size] : {std::pair<const void*, size_t>{&months, 8}, {&chunk_size, 4}, {footer, 4}, {&whole, 8}}) {
    const auto* p = static_cast<const uint8_t*>(data);
    bytes.insert(bytes.end(), p, p + size);
  }
  restamp(bytes);
  write_bytes(dir / name, bytes);
  restamp_manifest(dir);
}

}  // namespace attache::testing
