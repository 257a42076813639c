// The writer: one per index (a lock file), segments flushed by memory budget,
// published together by an atomic manifest replacement.
#include "attache/storage/index_writer.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "attache/storage/error.h"
#include "manifest.h"
#include "segment_buffer.h"

namespace attache::storage {

struct IndexWriter::Impl {
  std::filesystem::path dir;
  WriterOptions options;
  int lock_fd = -1;
  Manifest committed;
  std::vector<SegmentEntry> flushed;  // written, not yet committed
  uint64_t next_segment_id = 1;
  SegmentBuffer buffer;

  ~Impl() {
    if (lock_fd >= 0) ::close(lock_fd);  // releases the flock
  }

  void lock() {
    auto path = dir / kLockName;
    lock_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (lock_fd < 0) throw_io(path.string(), "cannot open the lock file");
    if (::flock(lock_fd, LOCK_EX | LOCK_NB) != 0) {
      std::ifstream in(path);
      std::string holder;
      std::getline(in, holder);
      ::close(lock_fd);
      lock_fd = -1;
      throw Error(ErrorKind::locked, dir.string() + ": another writer holds the index" +
                                         (holder.empty() ? std::string() : " (" + holder + ")"));
    }
    std::string holder = "process " + std::to_string(::getpid());
    char host[256] = {};
    if (::gethostname(host, sizeof host - 1) == 0) holder += " on " + std::string(host);
    holder += "\n";
    if (::ftruncate(lock_fd, 0) != 0 || ::pwrite(lock_fd, holder.data(), holder.size(), 0) < 0)
      throw_io(path.string(), "cannot record the lock holder");
  }

  // Files of interrupted commits: segment files the manifest does not name.
  void remove_leftovers() {
    auto keep_list = referenced_files(committed);
    std::set<std::string> keep(keep_list.begin(), keep_list.end());
    for (const auto& item : std::filesystem::directory_iterator(dir)) {
      std::string name = item.path().filename().string();
      bool ours = name.rfind("seg-", 0) == 0 || name == kManifestTemporaryName;
      if (ours && !keep.count(name)) std::filesystem::remove(item.path());
    }
  }

  void flush_segment() {
    if (buffer.empty()) return;
    flushed.push_back(buffer.flush(dir, next_segment_id++, options.store_compression_level));
  }
};

std::unique_ptr<IndexWriter> IndexWriter::open(const std::filesystem::path& dir, const WriterOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->dir = dir;
  impl->options = options;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw Error(ErrorKind::io, dir.string() + ": cannot create the index directory: " + ec.message());
  impl->lock();
  if (auto manifest = read_manifest(dir)) impl->committed = *manifest;
  impl->next_segment_id = impl->committed.next_segment_id;
  impl->remove_leftovers();
  return std::unique_ptr<IndexWriter>(new IndexWriter(std::move(impl)));
}

IndexWriter::IndexWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
IndexWriter::~IndexWriter() = default;

void IndexWriter::add(IndexableDocument&& document) {
  impl_->buffer.add(std::move(document));
  // A full buffer becomes a committed segment, so an interrupted long run keeps
  // everything up to its last flush.
  if (impl_->buffer.memory_bytes() >= impl_->options.memory_budget) commit();
}

void IndexWriter::commit() {
  impl_->flush_segment();
  if (impl_->flushed.empty()) return;
  Manifest next = impl_->committed;
  next.generation += 1;
  next.next_segment_id = impl_->next_segment_id;
  for (auto& s : impl_->flushed) next.segments.push_back(s);
  sync_directory(impl_->dir);  // the new segment files' names are durable before the manifest names them
  write_manifest(impl_->dir, next);
  impl_->committed = std::move(next);
  impl_->flushed.clear();
}

uint64_t IndexWriter::buffered_bytes() const { return impl_->buffer.memory_bytes(); }
uint64_t IndexWriter::buffered_documents() const { return impl_->buffer.doc_count(); }

}  // namespace attache::storage
