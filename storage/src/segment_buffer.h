// Documents gathered in memory until they are flushed as one immutable segment:
// an inverted index of varint-coded postings per term, and the stored documents.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include "attache/storage/document.h"
#include "attache/storage/string_table.h"
#include "attache/storage/bytes.h"
#include "doc_store.h"
#include "manifest.h"

namespace attache::storage {

class SegmentBuffer {
 public:
  // Whether documents added from now on have their word pairs indexed
  // (word_pairs.h); set before the first document, kept across flushes.
  void index_word_pairs(bool on) { word_pairs_ = on; }
  // A document whose id is already buffered replaces the earlier one.
  void add(IndexableDocument&& document);
  bool empty() const { return live_ == 0; }
  uint32_t doc_count() const { return live_; }
  uint64_t memory_bytes() const { return memory_bytes_; }
  // Drops the buffered document with this id; false if there is none.
  bool remove(const std::string& id);

  // Writes the live documents as a segment in dir, numbered by date, and
  // returns its manifest entry; the buffer is left empty.
  SegmentEntry flush(const std::filesystem::path& dir, uint64_t segment_id, const StoreCompression& compression);
  // Forgets everything buffered (after every buffered document was removed).
  void clear();

 private:
  struct TermBuffer {
    ByteWriter stream;  // per document: varint doc delta, varint frequency, then position deltas
    uint32_t last_doc = 0;
    bool positional = false;
  };
  // Appends one term's occurrences in buffered document `doc`.
  void add_occurrences(uint32_t doc, const TermOccurrences& t);

  bool word_pairs_ = false;
  StringTable<TermBuffer> terms_;
  std::vector<StoredDocument> docs_;
  std::vector<uint32_t> lengths_;
  std::vector<Signature> signatures_;
  std::vector<bool> replaced_;
  std::unordered_map<std::string, uint32_t> ids_;  // id -> latest buffered document
  uint32_t live_ = 0;
  uint64_t memory_bytes_ = 0;
};

}  // namespace attache::storage
