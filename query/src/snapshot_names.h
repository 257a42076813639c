// The statements of a snapshot found by a word of their speaker's name, for
// deciding identities from part of the archive (speaker_forms.h): the names
// come from each segment's speaker table, their statements by month from the
// segment's speakers' months (storage/speaker_months.h; for segments written
// before them, from the statement postings' exact-name lists, FORMAT.md `P=`
// terms), so no statement entry is read and no name analysed per statement.
#pragma once

#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "attache/storage/index_reader.h"
#include "speaker_forms.h"

namespace attache::query {

class SnapshotNames final : public identity::NameSource {
 public:
  // Reads each segment's speaker table: every segment must have statement
  // postings (available()).
  explicit SnapshotNames(const storage::IndexSnapshot& snapshot);
  // Whether every segment has statement postings (segments written before
  // them, .statements version 3 or older, do not).
  static bool available(const storage::IndexSnapshot& snapshot);
  // Whether every segment keeps its speakers' months (.statements version 5).
  static bool months_available(const storage::IndexSnapshot& snapshot);

  uint32_t name_count() const { return static_cast<uint32_t>(names_.size()); }
  std::span<const uint32_t> names_holding(const std::string& word) const override;
  std::span<const uint32_t> names_named(const std::vector<std::string>& words) const override;
  const Name& name(uint32_t n) const override { return names_[n].name; }
  uint64_t statement_count(uint32_t n) const override;
  void add_statements(uint32_t n, identity::Forms& forms) const override;
  std::vector<uint64_t> articles_of(const identity::Form& form) const override;

 private:
  // A speaker's name in one segment: the folded words its `P=` term joins.
  struct SegmentName {
    Name name;
    size_t segment = 0;
    // Canonical names of different kinds fold to it, or it is longer than a
    // `P=` term holds: its statements' entries say what each is.
    bool read_entries = false;
    // The segment's speakers (Segment::speakers()) of this name: nearly
    // always one.
    uint32_t speaker = 0;
    std::vector<uint32_t> more_speakers;
  };
  std::string term(const SegmentName& name) const;
  // The name's statements from the segment's months (storage/speaker_months.h).
  void add_months(const SegmentName& name, const storage::SpeakerMonths& months, identity::Forms& forms) const;
  // The same from its `P=` list, with their articles.
  void add_from_postings(const SegmentName& name, identity::Forms& forms) const;

  const storage::IndexSnapshot& snapshot_;
  std::vector<SegmentName> names_;
  std::unordered_map<std::string, std::vector<uint32_t>> by_word_;  // a word -> the names holding it
  std::unordered_map<std::string, std::vector<uint32_t>> by_term_;  // words joined by spaces -> the names
};

}  // namespace attache::query
