// The document store of a segment (storage/FORMAT.md, ".store"): records in
// blocks of up to about 8 KiB (or one longer record), each compressed with zstd against a dictionary trained
// on the segment's own documents, so fetching one document reads one block.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "attache/storage/document.h"
#include "file_format.h"

namespace attache::storage {

// Documents by id, fetched in ascending order (twice: a sample to train the
// dictionary on, then all of them). The reference stays valid until the next call.
struct DocumentSource {
  uint32_t count = 0;
  std::function<const StoredDocument&(uint32_t)> fetch;
};

// How hard a store is compressed. A flush writes fast; a merge, rarer and
// writing the segments that last, spends more: its blocks are read at the same
// cost (zstd decompresses at about the same speed at every level).
struct StoreCompression {
  int level = 6;
  uint64_t training_bytes = 4 << 20;  // records sampled evenly to train the dictionary on
};

// Serialises and compresses the documents, showing each to `also` on the way
// (the statements file is written in the same pass); returns the bytes of
// their fields.
uint64_t write_doc_store(const DocumentSource& documents, FileWriter& out, const StoreCompression& compression,
                         const std::function<void(const StoredDocument&)>& also);

class DocStore {
 public:
  DocStore(const MappedFile& file, uint32_t doc_count);
  ~DocStore();
  // The document's record; the date comes from the columns and is left 0.
  StoredDocument get(uint32_t doc) const;
  // Calls visit for docs [first, last) in order, decompressing each block once.
  void scan(uint32_t first, uint32_t last, const std::function<void(uint32_t, StoredDocument&&)>& visit) const;
  // Calls visit for each of docs (ascending, no repeats), decompressing each
  // block that holds one of them once.
  void fetch(std::span<const uint32_t> docs, const std::function<void(uint32_t, StoredDocument&&)>& visit) const;
  uint64_t dictionary_bytes() const { return tables().dictionary_length; }

 private:
  struct Block {
    uint32_t first_doc;
    uint64_t offset;
    uint32_t compressed_length;
    uint32_t raw_length;
  };
  struct Zstd;
  // The dictionary and the block index, found on first use: a query that
  // shows no document never reads them (half a megabyte a segment, cold). The
  // index is read in place, an entry checked against the next when its block
  // is read: a page of hits reads a few entries, not all (BENCHMARKS.md, "A lean attache").
  struct Tables {
    uint64_t dictionary_length = 0;
    const uint8_t* index = nullptr;  // block_count entries of kBlockEntryBytes, verified
    uint32_t block_count = 0;
    uint64_t blocks_begin = 0, blocks_end = 0;  // the compressed blocks, back to back
  };
  const Tables& tables() const;
  void load() const;
  uint32_t first_doc(size_t b) const;  // block b's first document, as the file says
  Block block(size_t b) const;         // block b's entry, checked against the file and the next entry
  std::unique_ptr<uint8_t[]> decompress(const Block& block, size_t b) const;  // block.raw_length bytes
  // Decompresses block b and calls visit for each of its documents that
  // `wanted` accepts.
  void read_block(size_t b, const std::function<bool(uint32_t)>& wanted,
                  const std::function<void(uint32_t, StoredDocument&&)>& visit) const;
  uint32_t block_end(size_t b) const;  // the first document after block b
  size_t block_of(uint32_t doc) const;

  const MappedFile& file_;
  uint32_t doc_count_;
  std::unique_ptr<Zstd> zstd_;
  mutable std::once_flag loaded_;
  mutable Tables tables_;
};

}  // namespace attache::storage
