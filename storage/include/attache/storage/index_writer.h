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
  // zstd level for the document store.
  int store_compression_level = 9;
};

class IndexWriter {
 public:
  // Opens DIR for writing, creating it when missing. Takes the writer lock
  // (Error locked names the holder) and removes leftovers of interrupted commits.
  static std::unique_ptr<IndexWriter> open(const std::filesystem::path& dir, const WriterOptions& options = {});
  ~IndexWriter();

  // Buffers one document. When the buffer passes the memory budget it is
  // flushed as a segment and committed.
  void add(IndexableDocument&& document);
  // Flushes what is buffered and publishes every flushed segment at once.
  void commit();

  uint64_t buffered_bytes() const;
  uint64_t buffered_documents() const;

 private:
  struct Impl;
  explicit IndexWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace attache::storage
