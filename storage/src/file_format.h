// The framing every attache file shares (storage/FORMAT.md, "Common framing"):
// a 16-byte header with magic, file kind and format version; the body; a table
// of per-64 KiB checksums that readers verify lazily; a 24-byte footer ending in
// the checksum of everything before it.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace attache::storage {

inline constexpr size_t kHeaderSize = 16;
inline constexpr size_t kFooterSize = 24;
inline constexpr uint32_t kChunkSize = 64 * 1024;

// Four ASCII letters naming what a file holds, written after the magic "ATCH".
enum class FileKind : uint32_t {
  manifest = 0x494e414d,    // "MANI"
  terms = 0x4d524554,       // "TERM"
  postings = 0x54534f50,    // "POST"
  positions = 0x4e534f50,   // "POSN"
  store = 0x524f5453,       // "STOR"
  columns = 0x534c4f43,     // "COLS"
  deletions = 0x534c4544,   // "DELS"
  statements = 0x544d5453,  // "STMT"
  derived = 0x56524544,     // "DERV"
};

// The format version each kind of file is written in. Readers also accept
// every older version of a kind (FORMAT.md lists them), so an index written by
// an earlier attache keeps working; a newer version is refused.
constexpr uint32_t current_version(FileKind kind) {
  if (kind == FileKind::statements) return 6;
  if (kind == FileKind::terms) return 3;
  return kind == FileKind::columns || kind == FileKind::store ? 2 : 1;
}

// The .terms version of a segment whose dictionary lacks word pairs (written
// by a merge of segments not all of which hold them).
inline constexpr uint32_t kTermsVersionWithoutPairs = 2;

struct FileSummary {
  uint64_t size = 0;
  uint64_t checksum = 0;  // the footer's whole-file checksum
};

// Writes header, body and trailer; finish() fsyncs and closes. The file is
// created exclusively: segment files are never overwritten.
class FileWriter {
 public:
  FileWriter(const std::filesystem::path& path, FileKind kind) : FileWriter(path, kind, current_version(kind)) {}
  // An older version of the kind, when what is written is only that (a .terms
  // file without word pairs is version 2).
  FileWriter(const std::filesystem::path& path, FileKind kind, uint32_t version);
  ~FileWriter();
  FileWriter(const FileWriter&) = delete;
  FileWriter& operator=(const FileWriter&) = delete;

  void write(const void* data, size_t size);
  void write(const std::vector<uint8_t>& bytes) { write(bytes.data(), bytes.size()); }
  uint64_t offset() const { return offset_; }
  FileSummary finish();

 private:
  void hash(const uint8_t* data, size_t size);
  void flush_buffer();

  std::filesystem::path path_;
  int fd_ = -1;
  uint64_t offset_ = 0;
  std::vector<uint8_t> buffer_;
  struct Hashing;
  std::unique_ptr<Hashing> hashing_;
  std::vector<uint32_t> chunk_checksums_;
};

// A read-only memory map of one file, its framing checked on open. Bytes are
// handed out through verified(), which checks the chunk checksums covering them
// the first time they are touched; the whole file is checked by verify_all().
class MappedFile {
 public:
  enum class Framing { check_now, check_later };
  // `display_name` is what error messages call the file (its name in the
  // index). With Framing::check_later the file is only mapped, its frame's
  // pages asked for: check_frame() must come before anything else is read.
  MappedFile(const std::filesystem::path& path, std::string display_name, FileKind kind,
             Framing framing = Framing::check_now);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  // Checks the header's kind and version and the footer (the header's
  // checksum with its chunk, unless it looks wrong).
  void check_frame();
  const std::string& name() const { return name_; }
  FileKind kind() const { return kind_; }
  // The format version the file was written in (1 .. current_version(kind)).
  uint32_t version() const { return version_; }
  uint64_t size() const { return size_; }
  uint64_t body_begin() const { return kHeaderSize; }
  uint64_t body_end() const { return table_offset_; }
  uint64_t footer_checksum() const;

  // Pointer to [offset, offset + length) of the body after checking its chunks.
  const uint8_t* verified(uint64_t offset, uint64_t length) const;
  // The body, unchecked: for a header whose extent is known only once it is
  // read. Bounded reads only, and verified() over all that was read before
  // any of it is trusted.
  const uint8_t* unchecked_body() const { return data_ + body_begin(); }
  // Asks the kernel to read the chunks holding [offset, offset + length) in
  // the background (cold, reads asked for together are served side by side).
  void prefetch(uint64_t offset, uint64_t length) const;
  // Every chunk and the footer checksum.
  void verify_all() const;
  // Reading from start to end (a merge): the kernel may read ahead, as the
  // default random-access advice does not let it.
  void expect_sequential_reads() const;
  [[noreturn]] void fail(const std::string& reason) const;

 private:
  void verify_chunk(size_t chunk) const;

  std::string name_;
  FileKind kind_;
  uint32_t version_ = 0;
  const uint8_t* data_ = nullptr;
  uint64_t size_ = 0;
  uint64_t table_offset_ = 0;
  size_t chunk_count_ = 0;
  mutable std::unique_ptr<std::atomic<bool>[]> chunk_verified_;
};

// fsync of a directory, so a rename or a new file in it is durable.
void sync_directory(const std::filesystem::path& dir);

}  // namespace attache::storage
