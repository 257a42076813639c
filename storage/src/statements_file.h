// The statements of a segment's documents (storage/FORMAT.md, ".statements"):
// per document its attributed statements, with a shared table of speakers.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "attache/storage/document.h"
#include "bytes.h"
#include "file_format.h"

namespace attache::storage {

class StatementsWriter {
 public:
  // Documents in id order.
  void add(const StoredDocument& doc);
  void write(FileWriter& out) const;

 private:
  uint32_t speaker_index(const StoredStatement& s);
  std::vector<std::pair<std::string, bool>> speakers_;
  std::unordered_map<std::string, uint32_t> speaker_ids_;
  std::vector<uint32_t> offsets_{0};
  ByteWriter data_;
  uint64_t total_positions_ = 0;
  uint32_t statement_count_ = 0;
};

class StatementsReader {
 public:
  StatementsReader(const MappedFile& file, uint32_t doc_count);
  std::vector<StoredStatement> get(uint32_t doc) const;
  void spans(uint32_t doc, std::vector<StatementSpan>& out) const;
  uint32_t statement_count() const { return statement_count_; }
  uint64_t total_positions() const { return total_positions_; }
  // The segment's speakers (canonical, group) and how many statements each made.
  const std::vector<std::pair<std::string, bool>>& speakers() const { return speakers_; }

 private:
  const MappedFile& file_;
  uint32_t doc_count_;
  uint32_t statement_count_ = 0;
  uint64_t total_positions_ = 0;
  std::vector<std::pair<std::string, bool>> speakers_;
  const uint8_t* offsets_ = nullptr;
  const uint8_t* data_ = nullptr;
  uint64_t data_length_ = 0;

  ByteReader entry(uint32_t doc) const;
};

}  // namespace attache::storage
