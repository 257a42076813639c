// The statements of a segment's documents (storage/FORMAT.md, ".statements"):
// per document its attributed statements, with shared tables of speakers,
// speakers as written and cues.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "attache/storage/document.h"
#include "attache/storage/bytes.h"
#include "file_format.h"
#include "speaker_months.h"

namespace attache::storage {

class StatementPostingsWriter;

class StatementsWriter {
 public:
  // Documents in id order.
  void add(const StoredDocument& doc);
  // The statements, their postings (version 4), then the speakers' months
  // (version 5).
  void write(FileWriter& out, const StatementPostingsWriter& postings) const;

 private:
  // A string's index in a table, appending it when new.
  struct Table {
    std::vector<std::string> strings;
    std::unordered_map<std::string, uint32_t> ids;
    uint32_t index(const std::string& s);
  };
  Table speakers_, written_, cues_, descriptions_;
  std::vector<uint8_t> speaker_kind_;
  SpeakerMonthsBuilder speaker_months_;
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
  // Where the statement postings begin (version 4); 0 when the file has none.
  uint64_t postings_offset() const { return postings_offset_; }
  // Where they end: the speakers' months from version 5, the body's end before.
  uint64_t postings_end() const;
  // Where each statement's first position is packed (version 6), so a word's
  // positions are read from its article without its entry; 0 before.
  uint64_t first_positions() const;
  // Each speaker's statements by month, deleted articles' included (version
  // 5; checked as read); nothing before.
  std::optional<SpeakerMonths> speaker_months() const;
  // The speaker (an index into speakers()) of each of the document's statements.
  void speaker_indices(uint32_t doc, std::vector<uint32_t>& out) const;
  // The segment's speakers: canonical name and kind (0 person, 1 group, 2
  // organisation, 3 publication; before version 3, 1 for any non-person).
  const std::vector<std::pair<std::string, uint8_t>>& speakers() const { return tables().speakers; }

 private:
  // One statement as stored, strings pointing into the mapped file.
  struct Encoded {
    uint32_t begin = 0, length = 0, first_position = 0, position_count = 0, speaker = 0;
    std::string_view written, cue, description;
    uint8_t kind = 0, confidence = 0;
  };
  // The document's statements, decoded whichever version wrote them.
  void decode(uint32_t doc, std::vector<Encoded>& out) const;
  ByteReader entry(uint32_t doc) const;
  uint64_t header_bytes() const;
  uint64_t months_trailer() const;  // where the speakers' months' offset lies (version 5 on)
  uint64_t statements_end() const;  // of the statements, where any postings begin

  struct Tables {
    std::vector<std::pair<std::string, uint8_t>> speakers;
    std::vector<std::string_view> written, cues;  // version 2
    std::vector<std::string_view> descriptions;   // version 3
    const uint8_t* offsets = nullptr;
    uint64_t data_offset = 0;  // in the file; verified per article as read
    uint64_t data_length = 0;
  };
  const Tables& tables() const;
  void load() const;

  const MappedFile& file_;
  uint32_t doc_count_;
  uint32_t statement_count_ = 0;
  uint64_t total_positions_ = 0;
  uint64_t postings_offset_ = 0;
  mutable std::once_flag loaded_;
  mutable Tables tables_;
};

}  // namespace attache::storage
