// What a searcher keeps to widen speaker: conditions to identities
// (speakers.h): the whole archive's tally, read once for speaker counts; the
// snapshot's speakers' names; the resolutions of single conditions decided
// from them and the statement postings (speaker_forms.h, snapshot_names.h);
// and, past a budget, the resolution of every name.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "attache/query/searcher.h"
#include "attache/query/speakers.h"
#include "snapshot_names.h"
#include "speaker_forms.h"

namespace attache::query {

struct Searcher::Speakers {
  std::once_flag counted;
  std::atomic<bool> tally_counted = false;  // once counted, it widens every condition at no cost
  SpeakerTally tally;

  // The snapshot's speakers' names, read on first use.
  const SnapshotNames& names(const storage::IndexSnapshot& snapshot);
  // The identities of every name's statements: what the whole archive
  // decides, read from the `P=` lists instead of the entries. Decided on
  // first use and kept beside the snapshot (identity_file.h), or read from
  // there when an earlier process kept them.
  std::shared_ptr<const identity::Resolution> every_name(const storage::IndexSnapshot& snapshot);
  // Whether they are at hand without deciding them: decided already, or kept
  // beside the snapshot (then read).
  bool every_name_at_hand(const storage::IndexSnapshot& snapshot);
  // The resolution of the forms one condition's widening needs, decided on
  // its first use and kept for the next queries that hold the condition; null
  // when those forms hold more than `budget` statements.
  std::shared_ptr<const identity::Resolution> resolution_for(const std::vector<std::string>& phrase,
                                                             const identity::NameSource& names, uint64_t budget);

 private:
  // A server's searcher lives until the next commit; past this many
  // conditions the kept resolutions are let go and decided again when asked.
  static constexpr size_t kKeptConditions = 4096;
  std::once_flag names_read_, every_name_kept_read_, every_name_resolved_;
  std::unique_ptr<SnapshotNames> names_;
  std::shared_ptr<const identity::Resolution> every_name_;
  std::atomic<bool> every_name_ready_ = false;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const identity::Resolution>> by_condition_;  // words joined by spaces
};

}  // namespace attache::query
