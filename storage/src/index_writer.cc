// The writer: one per index (a lock file), segments flushed by memory budget,
// deletions as new bitmap generations, tiered merges, each change published by
// an atomic manifest replacement.
#include "attache/storage/index_writer.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include "attache/storage/error.h"
#include "attache/storage/index_reader.h"
#include "io.h"
#include "manifest.h"
#include "merge.h"
#include "segment_buffer.h"

namespace attache::storage {
namespace {

std::string format_seconds(double seconds) {
  std::string s = std::to_string(seconds);
  s.erase(s.find_last_not_of('0') + 1);
  if (s.back() == '.') s.pop_back();
  return s + " s";
}

StoreCompression flush_compression(const WriterOptions& options) { return {options.store_compression_level, 4 << 20}; }

// optimize writes the segment that lasts, once, and may take longer: a higher
// level, a dictionary trained on more of the text. Tiered merges compress as
// flushes do: at a million articles they are much of indexing, whose speed
// comes first.
StoreCompression optimize_compression(const WriterOptions& options) {
  return {options.optimized_store_compression_level, 16 << 20};
}

}  // namespace

struct IndexWriter::Impl {
  std::filesystem::path dir;
  WriterOptions options;
  int lock_fd = -1;
  Manifest committed;
  std::shared_ptr<const IndexSnapshot> snapshot;  // of `committed`, for id lookups and merges
  std::map<uint64_t, std::set<uint32_t>> pending_deletions;  // segment id -> documents
  SegmentBuffer buffer;

  ~Impl() {
    if (lock_fd >= 0) ::close(lock_fd);  // releases the flock
  }

  // Tries the lock until options.lock_wait_seconds have passed (at once when 0).
  bool acquire_lock(const std::filesystem::path& path) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(options.lock_wait_seconds);
    for (;;) {
      if (io::flock(lock_fd, LOCK_EX | LOCK_NB, path) == 0) return true;
      if (errno != EWOULDBLOCK) throw_io(path.string(), "cannot lock");
      if (std::chrono::steady_clock::now() >= deadline) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }

  void lock() {
    auto path = dir / kLockName;
    lock_fd = io::open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (lock_fd < 0) throw_io(path.string(), "cannot open the lock file");
    if (!acquire_lock(path)) {
      std::ifstream in(path);
      std::string holder;
      std::getline(in, holder);
      ::close(lock_fd);
      lock_fd = -1;
      std::string waited = options.lock_wait_seconds > 0 ? " after waiting " + format_seconds(options.lock_wait_seconds) : "";
      throw Error(ErrorKind::locked, dir.string() + ": locked by another process" +
                                         (holder.empty() ? std::string() : " (" + holder + ")") + waited +
                                         "; try again when it has finished, or pass --wait SECONDS");
    }
    std::string holder = "process " + std::to_string(::getpid());
    char host[256] = {};
    if (::gethostname(host, sizeof host - 1) == 0) holder += " on " + std::string(host);
    holder += "\n";
    if (io::ftruncate(lock_fd, 0, path) != 0 || io::pwrite_all(lock_fd, holder.data(), holder.size(), 0, path) != 0)
      throw_io(path.string(), "cannot record the lock holder");
  }

  // Files the manifest does not name: leftovers of interrupted commits,
  // segments and bitmaps that a commit replaced, and what readers derived
  // from states of the index that are no longer the committed one.
  void remove_unreferenced() {
    auto keep_list = referenced_files(committed);
    std::set<std::string> keep(keep_list.begin(), keep_list.end());
    for (const auto& item : std::filesystem::directory_iterator(dir)) {
      std::string name = item.path().filename().string();
      bool ours = name.rfind("seg-", 0) == 0 || name == kManifestTemporaryName;
      if (is_derived_file_name(name)) ours = !derived_from(name, committed.checksum);
      if (ours && !keep.count(name)) io::remove(item.path());  // one left behind is removed next time
    }
  }

  void reopen_snapshot() {
    snapshot = committed.generation ? IndexSnapshot::open(dir) : nullptr;
    if (snapshot && snapshot->generation() != committed.generation)
      throw Error(ErrorKind::io, dir.string() + ": the index changed under its writer");
  }

  const Segment& segment(size_t index) const { return *snapshot->segments()[index]; }

  // Marks the committed documents with this id for deletion; returns how many.
  uint32_t delete_committed(const std::string& id) {
    if (!snapshot) return 0;
    uint32_t found = 0;
    std::string term = "Q" + id;
    for (size_t s = 0; s < committed.segments.size(); ++s) {
      const Segment& seg = segment(s);
      auto& pending = pending_deletions[committed.segments[s].id];
      for (PostingCursor c = seg.postings(term); c.doc() != PostingCursor::kEnd; c.next())
        if (!seg.is_deleted(c.doc()) && pending.insert(c.doc()).second) ++found;
    }
    return found;
  }

  // A new bitmap generation for each segment with pending deletions.
  void apply_deletions(Manifest& next) {
    for (size_t s = 0; s < next.segments.size() && s < committed.segments.size(); ++s) {
      SegmentEntry& entry = next.segments[s];
      auto it = pending_deletions.find(entry.id);
      if (it == pending_deletions.end() || it->second.empty()) continue;
      const Segment& seg = segment(s);
      std::vector<uint8_t> bits((entry.doc_count + 7) / 8, 0);
      uint32_t deleted = 0;
      for (uint32_t d = 0; d < entry.doc_count; ++d)
        if (seg.is_deleted(d) || it->second.count(d)) {
          bits[d >> 3] |= static_cast<uint8_t>(1u << (d & 7));
          ++deleted;
        }
      entry.deletion_generation = next.generation;
      entry.deleted_count = deleted;
      FileWriter out(dir / deletions_file_name(entry.id, next.generation), FileKind::deletions);
      ByteWriter body;
      body.u32(entry.doc_count);
      body.u32(deleted);
      body.raw(bits.data(), bits.size());
      out.write(body.bytes());
      entry.deletions = out.finish();
    }
    pending_deletions.clear();
  }

  void publish(Manifest next) {
    sync_directory(dir);  // new files' names are durable before the manifest names them
    next.checksum = write_manifest(dir, next);
    committed = std::move(next);
    reopen_snapshot();
    remove_unreferenced();
  }

  // Replaces the segments at `indices` (positions in the manifest) by their merge.
  void merge(std::vector<size_t> indices, const StoreCompression& compression) {
    std::sort(indices.begin(), indices.end());
    std::vector<const Segment*> sources;
    for (size_t i : indices) sources.push_back(&segment(i));
    Manifest next = committed;
    next.generation += 1;
    uint64_t id = next.next_segment_id++;
    SegmentEntry merged = merge_segments(dir, id, sources, compression);
    std::vector<SegmentEntry> kept;
    for (size_t i = 0; i < next.segments.size(); ++i) {
      bool source = std::binary_search(indices.begin(), indices.end(), i);
      if (i == indices.front() && merged.doc_count > 0) kept.push_back(merged);
      if (!source) kept.push_back(next.segments[i]);
    }
    next.segments = std::move(kept);
    publish(std::move(next));
  }

  // Tiered policy: segments fall into tiers by live size (powers of the merge
  // factor); a tier holding merge_factor segments is merged. A segment with a
  // third or more of its documents deleted is rewritten.
  void merge_as_needed() {
    const unsigned factor = options.merge_factor;
    if (factor < 2) return;
    while (true) {
      std::map<int, std::vector<size_t>> tiers;
      std::vector<size_t> expunge;
      for (size_t i = 0; i < committed.segments.size(); ++i) {
        const SegmentEntry& e = committed.segments[i];
        uint32_t live = e.doc_count - e.deleted_count;
        if (e.deleted_count * 3 >= e.doc_count && e.deleted_count > 0) expunge.push_back(i);
        int tier = live <= 1 ? 0 : static_cast<int>(std::log(static_cast<double>(live)) / std::log(double(factor)));
        tiers[tier].push_back(i);
      }
      if (!expunge.empty()) {
        merge({expunge.front()}, flush_compression(options));
        continue;
      }
      auto full = std::find_if(tiers.begin(), tiers.end(), [&](auto& t) { return t.second.size() >= factor; });
      if (full == tiers.end()) return;
      std::vector<size_t> group = full->second;
      std::sort(group.begin(), group.end(), [&](size_t a, size_t b) {
        return committed.segments[a].doc_count < committed.segments[b].doc_count;
      });
      group.resize(factor);
      merge(group, flush_compression(options));
    }
  }
};

std::unique_ptr<IndexWriter> IndexWriter::open(const std::filesystem::path& dir, const WriterOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->dir = dir;
  impl->options = options;
  if (!io::create_directories(dir)) throw_io(dir.string(), "cannot create the index directory");
  impl->lock();
  if (auto manifest = read_manifest(dir)) impl->committed = *manifest;
  impl->remove_unreferenced();
  impl->reopen_snapshot();
  // An index that holds word pairs goes on holding them, so that a writer
  // that was not told leaves its phrases as fast as they were.
  if (impl->snapshot)
    for (const auto& segment : impl->snapshot->segments())
      if (segment->holds_word_pairs()) impl->options.word_pairs = true;
  impl->buffer.index_word_pairs(impl->options.word_pairs);
  return std::unique_ptr<IndexWriter>(new IndexWriter(std::move(impl)));
}

IndexWriter::IndexWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
IndexWriter::~IndexWriter() = default;

void IndexWriter::add(IndexableDocument&& document) {
  impl_->delete_committed(document.stored.id);
  impl_->buffer.add(std::move(document));
  // A full buffer becomes a committed segment, so an interrupted long run keeps
  // everything up to its last flush.
  if (impl_->buffer.memory_bytes() >= impl_->options.memory_budget) commit();
}

uint32_t IndexWriter::remove(const std::string& id) {
  return impl_->delete_committed(id) + (impl_->buffer.remove(id) ? 1 : 0);
}

void IndexWriter::commit() {
  bool has_deletions = std::any_of(impl_->pending_deletions.begin(), impl_->pending_deletions.end(),
                                   [](const auto& p) { return !p.second.empty(); });
  if (impl_->buffer.empty()) impl_->buffer.clear();  // only removed documents were left
  if (impl_->buffer.empty() && !has_deletions) return;
  Manifest next = impl_->committed;
  next.generation += 1;
  impl_->apply_deletions(next);
  if (!impl_->buffer.empty())
    next.segments.push_back(
        impl_->buffer.flush(impl_->dir, next.next_segment_id++, flush_compression(impl_->options)));
  impl_->publish(std::move(next));
  impl_->merge_as_needed();
}

void IndexWriter::optimize() {
  commit();
  // Even a lone segment is rewritten: a flushed one's store is then
  // recompressed (optimize_compression).
  const auto& segments = impl_->committed.segments;
  if (segments.empty()) return;
  std::vector<size_t> all(segments.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  impl_->merge(all, optimize_compression(impl_->options));
}

uint64_t IndexWriter::buffered_bytes() const { return impl_->buffer.memory_bytes(); }
uint64_t IndexWriter::buffered_documents() const { return impl_->buffer.doc_count(); }

}  // namespace attache::storage
