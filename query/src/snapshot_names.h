// The statements of a snapshot found by a word of their speaker's name, for
// deciding identities from part of the archive (speaker_forms.h): the names
// come from each segment's speaker table, their statements from the
// statement postings' exact-name lists (storage/FORMAT.md, `P=` terms), so
// no statement entry is read and no name analysed per statement.
#pragma once

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

  void add_statements_naming(const std::string& word, identity::Forms& forms) const override;
  bool may_name_alone(const std::string& word) const override;

 private:
  // A speaker's name in one segment: the folded words its `P=` term joins.
  struct Name {
    size_t segment = 0;
    std::vector<std::string> words;
    SpeakerKind kind = SpeakerKind::person;
    // Canonical names of different kinds fold to it, or it is longer than a
    // `P=` term holds: its statements' entries say what each is.
    bool read_entries = false;
  };
  void add_statements(const Name& name, identity::Forms& forms) const;

  const storage::IndexSnapshot& snapshot_;
  std::vector<Name> names_;
  std::unordered_map<std::string, std::vector<uint32_t>> by_word_;  // a word -> the names holding it
};

}  // namespace attache::query
