// Each speaker's statements by month, per segment (storage/FORMAT.md,
// ".statements" version 5): what deciding identities reads (query/speakers.h),
// so that it reads months, not statements.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "attache/storage/date.h"

namespace attache::storage {

struct MonthCount {
  int32_t month = 0;  // month_of(day)
  uint32_t statements = 0;
};

// For each speaker of a segment's speaker table (Segment::speakers()), its
// statements by month, months ascending, none with no statement.
struct SpeakerMonths {
  std::vector<uint32_t> starts{0};  // speaker i's months are months[starts[i] .. starts[i + 1])
  std::vector<MonthCount> months;

  uint32_t speaker_count() const { return static_cast<uint32_t>(starts.size() - 1); }
  std::span<const MonthCount> of(uint32_t speaker) const {
    return std::span<const MonthCount>(months).subspan(starts[speaker], starts[speaker + 1] - starts[speaker]);
  }
  bool operator==(const SpeakerMonths&) const = default;
};
inline bool operator==(const MonthCount& a, const MonthCount& b) {
  return a.month == b.month && a.statements == b.statements;
}

}  // namespace attache::storage
