// The statements of a snapshot found by a word of their speaker's name,
// through the statement postings (storage/FORMAT.md: `P` terms, `P=` names),
// for deciding identities from part of the archive (speaker_forms.h).
#pragma once

#include "attache/storage/index_reader.h"
#include "speaker_forms.h"

namespace attache::query {

class SnapshotNames final : public identity::NameSource {
 public:
  explicit SnapshotNames(const storage::IndexSnapshot& snapshot) : snapshot_(snapshot) {}
  // Whether every segment has statement postings (segments written before
  // them, .statements version 3 or older, do not).
  static bool available(const storage::IndexSnapshot& snapshot);

  void add_statements_naming(const std::string& word, identity::Forms& forms) const override;
  bool may_name_alone(const std::string& word) const override;

 private:
  const storage::IndexSnapshot& snapshot_;
};

}  // namespace attache::query
