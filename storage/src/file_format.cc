// Writing and mapping files with the common framing.
#include "file_format.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <cstring>

#include "attache/storage/error.h"
#include "attache/storage/bytes.h"
#include "io.h"

namespace attache::storage {
namespace {

constexpr char kMagic[4] = {'A', 'T', 'C', 'H'};
constexpr uint32_t kFooterMagic = 0x45484354;  // "TCHE"
constexpr size_t kWriteBuffer = 1 << 20;

std::string kind_name(uint32_t kind) {
  std::string s(4, ' ');
  std::memcpy(s.data(), &kind, 4);
  return s;
}

}  // namespace

struct FileWriter::Hashing {
  XXH3_state_t* whole = XXH3_createState();
  XXH3_state_t* chunk = XXH3_createState();
  uint64_t chunk_fill = 0;
  Hashing() {
    XXH3_64bits_reset(whole);
    XXH3_64bits_reset(chunk);
  }
  ~Hashing() {
    XXH3_freeState(whole);
    XXH3_freeState(chunk);
  }
};

FileWriter::FileWriter(const std::filesystem::path& path, FileKind kind, uint32_t version)
    : path_(path), hashing_(std::make_unique<Hashing>()) {
  fd_ = io::open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd_ < 0) throw_io(path.string(), "cannot create");
  buffer_.reserve(kWriteBuffer);
  ByteWriter header;
  header.raw(kMagic, 4);
  header.u32(static_cast<uint32_t>(kind));
  header.u32(version);
  header.u32(0);
  write(header.bytes());
}

FileWriter::~FileWriter() {
  if (fd_ >= 0) ::close(fd_);  // an unfinished file is a leftover the next writer removes
}

void FileWriter::hash(const uint8_t* data, size_t size) {
  XXH3_64bits_update(hashing_->whole, data, size);
  while (size > 0) {
    size_t room = kChunkSize - hashing_->chunk_fill;
    size_t n = size < room ? size : room;
    XXH3_64bits_update(hashing_->chunk, data, n);
    hashing_->chunk_fill += n;
    data += n;
    size -= n;
    if (hashing_->chunk_fill == kChunkSize) {
      chunk_checksums_.push_back(static_cast<uint32_t>(XXH3_64bits_digest(hashing_->chunk)));
      XXH3_64bits_reset(hashing_->chunk);
      hashing_->chunk_fill = 0;
    }
  }
}

void FileWriter::write(const void* data, size_t size) {
  auto p = static_cast<const uint8_t*>(data);
  hash(p, size);
  offset_ += size;
  if (buffer_.size() + size > kWriteBuffer) flush_buffer();
  if (size >= kWriteBuffer) {
    if (io::write_all(fd_, p, size, path_) != 0) throw_io(path_.string(), "write failed");
    return;
  }
  buffer_.insert(buffer_.end(), p, p + size);
}

void FileWriter::flush_buffer() {
  if (!buffer_.empty() && io::write_all(fd_, buffer_.data(), buffer_.size(), path_) != 0)
    throw_io(path_.string(), "write failed");
  buffer_.clear();
}

FileSummary FileWriter::finish() {
  if (hashing_->chunk_fill > 0) {
    chunk_checksums_.push_back(static_cast<uint32_t>(XXH3_64bits_digest(hashing_->chunk)));
    hashing_->chunk_fill = 0;
  }
  uint64_t table_offset = offset_;
  ByteWriter trailer;
  for (uint32_t c : chunk_checksums_) trailer.u32(c);
  trailer.u64(table_offset);
  trailer.u32(kChunkSize);
  trailer.u32(kFooterMagic);
  XXH3_64bits_update(hashing_->whole, trailer.bytes().data(), trailer.size());
  uint64_t checksum = XXH3_64bits_digest(hashing_->whole);
  trailer.u64(checksum);
  buffer_.insert(buffer_.end(), trailer.bytes().begin(), trailer.bytes().end());
  offset_ += trailer.size();
  flush_buffer();
  if (io::fsync(fd_, path_) != 0) throw_io(path_.string(), "fsync failed");
  if (io::close(fd_, path_) != 0) {
    fd_ = -1;
    throw_io(path_.string(), "close failed");
  }
  fd_ = -1;
  return {offset_, checksum};
}

MappedFile::MappedFile(const std::filesystem::path& path, std::string display_name, FileKind kind, Framing framing)
    : name_(std::move(display_name)), kind_(kind) {
  int fd = io::open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) throw Error(ErrorKind::not_found, path.string() + ": no such file");
    throw_io(path.string(), "cannot open");
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    ::close(fd);
    throw_io(path.string(), "cannot stat");
  }
  size_ = static_cast<uint64_t>(st.st_size);
  if (size_ < kHeaderSize + kFooterSize) {
    ::close(fd);
    fail("file is truncated (" + std::to_string(size_) + " bytes)");
  }
  void* map = io::map(fd, size_, path);
  int map_error = errno;
  ::close(fd);  // a read-only descriptor: nothing to report on close
  errno = map_error;
  if (!map) throw_io(path.string(), "cannot map");
  // A query reads a few small, scattered ranges (a term's postings, a block
  // of the store); the kernel's readahead around each fault (megabytes with
  // large folios) made a cold one-word query read 12 MiB of every large file.
  ::madvise(map, size_, MADV_RANDOM);
  data_ = static_cast<const uint8_t*>(map);
  // The frame's two ends: asked for now, so that a snapshot's files are read
  // from disk side by side when their frames are checked after all are mapped.
  const uint64_t page = 4096, footer_page = (size_ - kFooterSize) / page * page;
  ::madvise(map, std::min(page, size_), MADV_WILLNEED);
  ::madvise(static_cast<uint8_t*>(map) + footer_page, size_ - footer_page, MADV_WILLNEED);
  if (framing == Framing::check_now) {
    try {
      check_frame();
    } catch (...) {
      ::munmap(map, size_);
      data_ = nullptr;
      throw;
    }
  }
}

void MappedFile::check_frame() {
  if (std::memcmp(data_, kMagic, 4) != 0) fail("not an attache file (bad magic)");
  // The framing (header, checksum table, footer) is the same in every format
  // version, so a damaged header is told apart from a newer format.
  const uint8_t* footer = data_ + size_ - kFooterSize;
  table_offset_ = load_u64(footer);
  uint32_t chunk_size = load_u32(footer + 8);
  if (load_u32(footer + 12) != kFooterMagic) fail("footer magic missing (truncated or overwritten)");
  if (chunk_size != kChunkSize) fail("unexpected checksum chunk size");
  if (table_offset_ < kHeaderSize || table_offset_ > size_ - kFooterSize) fail("footer points outside the file");
  chunk_count_ = static_cast<size_t>((table_offset_ + kChunkSize - 1) / kChunkSize);
  if (table_offset_ + 4 * chunk_count_ + kFooterSize != size_) fail("checksum table size does not match the file size");
  chunk_verified_ = std::make_unique<std::atomic<bool>[]>(chunk_count_);
  for (size_t i = 0; i < chunk_count_; ++i) chunk_verified_[i].store(false, std::memory_order_relaxed);
  uint32_t file_kind = load_u32(data_ + 4);
  version_ = load_u32(data_ + 8);
  const uint32_t newest = current_version(kind_);
  // The header is checked with the rest of its chunk when that is first
  // read (opening reads no more than it must: cold, each chunk is a disk
  // read). A header that looks wrong is checked at once, so damage is told
  // as corruption, not as another kind of file or a format version.
  if (file_kind != static_cast<uint32_t>(kind_) || version_ == 0 || version_ > newest) verify_chunk(0);
  if (file_kind != static_cast<uint32_t>(kind_))
    fail("holds " + kind_name(file_kind) + " data, expected " + kind_name(static_cast<uint32_t>(kind_)));
  if (version_ == 0 || version_ > newest) {
    throw Error(ErrorKind::format_version,
                name_ + ": format version " + std::to_string(version_) + " is " +
                    (version_ > newest ? "newer than the newest this attache reads (" + std::to_string(newest) +
                                             "); upgrade attache"
                                       : "not a version attache ever wrote; re-index the articles"));
  }
}

MappedFile::~MappedFile() {
  if (data_) ::munmap(const_cast<uint8_t*>(data_), size_);
}

uint64_t MappedFile::footer_checksum() const { return load_u64(data_ + size_ - 8); }

void MappedFile::fail(const std::string& reason) const { throw_corruption(name_, reason); }

void MappedFile::verify_chunk(size_t chunk) const {
  if (chunk_verified_[chunk].load(std::memory_order_acquire)) return;
  uint64_t begin = static_cast<uint64_t>(chunk) * kChunkSize;
  uint64_t end = std::min<uint64_t>(begin + kChunkSize, table_offset_);
  uint32_t expected = load_u32(data_ + table_offset_ + 4 * chunk);
  uint32_t actual = static_cast<uint32_t>(XXH3_64bits(data_ + begin, end - begin));
  if (expected != actual)
    fail("checksum mismatch in bytes " + std::to_string(begin) + ".." + std::to_string(end));
  chunk_verified_[chunk].store(true, std::memory_order_release);
}

const uint8_t* MappedFile::verified(uint64_t offset, uint64_t length) const {
  if (offset < kHeaderSize || offset > table_offset_ || length > table_offset_ - offset)
    fail("reference to bytes " + std::to_string(offset) + "+" + std::to_string(length) + " outside the data");
  if (length > 0) {
    const size_t first = offset / kChunkSize, last = (offset + length - 1) / kChunkSize;
    // First read of these chunks: ask for all of them in one go rather than
    // a page per fault (the mapping is MADV_RANDOM).
    if (!chunk_verified_[first].load(std::memory_order_acquire) || !chunk_verified_[last].load(std::memory_order_acquire))
      prefetch(offset, length);
    for (size_t c = first; c <= last; ++c) verify_chunk(c);
  }
  return data_ + offset;
}

void MappedFile::prefetch(uint64_t offset, uint64_t length) const {
  if (length == 0 || offset >= table_offset_) return;
  const uint64_t begin = offset / kChunkSize * kChunkSize;
  const uint64_t end = std::min<uint64_t>((std::min(offset + length, table_offset_) - 1) / kChunkSize * kChunkSize + kChunkSize, size_);
  ::madvise(const_cast<uint8_t*>(data_) + begin, end - begin, MADV_WILLNEED);
}

void MappedFile::expect_sequential_reads() const {
  ::madvise(const_cast<uint8_t*>(data_), size_, MADV_SEQUENTIAL);
}

void MappedFile::verify_all() const {
  for (size_t c = 0; c < chunk_count_; ++c) verify_chunk(c);
  if (XXH3_64bits(data_, size_ - 8) != footer_checksum()) fail("whole-file checksum mismatch");
}

void sync_directory(const std::filesystem::path& dir) {
  int fd = io::open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) throw_io(dir.string(), "cannot open directory");
  if (io::fsync(fd, dir) != 0) {
    int error = errno;
    ::close(fd);
    errno = error;
    throw_io(dir.string(), "fsync of directory failed");
  }
  ::close(fd);
}

}  // namespace attache::storage
