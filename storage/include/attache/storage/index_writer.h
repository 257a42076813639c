// The single writer of an index directory: buffers documents, flushes them as
// immutable segments and makes them visible with an atomic commit.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "attache/storage/document.h"

namespace attache::storage {

struct WriterOptions {
  // A segment is flushed when the buffered documents pass this many bytes.
  uint64_t memory_budget = 512ull << 20;
  // zstd level for the document store of a flushed or merged segment, and of
  // the segment optimize writes (the one that lasts, written once).
  int store_compression_level = 6;
  int optimized_store_compression_level = 12;
  // Tiered merging: when this many segments of about the same size exist
  // (within a factor of merge_factor), they are merged into one. 0 disables.
  unsigned merge_factor = 8;
  // Word pairs (word_pairs.h): phrases holding a stopword run several times
  // faster, for about 14% more index and 12-18% more indexing time. While a
  // committed segment holds them, every later writer of the index writes them
  // too, whatever this says; segments written without them keep phrases on
  // positions alone, and a merge keeps pairs only if every source holds them,
  // so asking for them on an index written without them lasts only until its
  // segments are merged (re-index to have them everywhere).
  bool word_pairs = false;
  // How long to wait for another writer to release the index before failing
  // with Error locked; 0 fails at once.
  double lock_wait_seconds = 0;
};

class IndexWriter {
 public:
  // Opens DIR for writing, creating it when missing. Takes the writer lock
  // (Error locked names the holder) and removes leftovers of interrupted commits.
  static std::unique_ptr<IndexWriter> open(const std::filesystem::path& dir, const WriterOptions& options = {});
  ~IndexWriter();

  // Buffers one document; one with the id of a committed or buffered document
  // replaces it. When the buffer passes the memory budget it is flushed as a
  // segment and committed.
  void add(IndexableDocument&& document);
  // Deletes the documents with this id (committed or buffered); returns how
  // many there were (0 or 1). Takes effect at the next commit.
  uint32_t remove(const std::string& id);
  // Flushes what is buffered, applies deletions and publishes it all at once,
  // then merges segments as the tiered policy asks (each merge its own commit).
  void commit();
  // Commits, then merges every segment into one, dropping deleted documents
  // and compressing the store at optimized_store_compression_level; a lone
  // segment is rewritten too.
  void optimize();

  uint64_t buffered_bytes() const;
  uint64_t buffered_documents() const;

 private:
  struct Impl;
  explicit IndexWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace attache::storage
