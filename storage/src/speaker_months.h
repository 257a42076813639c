// The speakers' months of a statements file (FORMAT.md, ".statements" version
// 5): counted as statements are written, encoded after the statement
// postings, and decoded with every count checked.
#pragma once

#include <cstdint>

#include "attache/storage/speaker_months.h"
#include "attache/storage/bytes.h"

namespace attache::storage {

// Counts statements by speaker and month, in any order.
class SpeakerMonthsBuilder {
 public:
  void add(uint32_t speaker, Day date);
  // For speakers 0 .. speaker_count − 1 (speakers never added have no month).
  SpeakerMonths months(uint32_t speaker_count) const;

 private:
  std::vector<std::vector<MonthCount>> by_speaker_;
};

void write_speaker_months(const SpeakerMonths& months, ByteWriter& out);
// The table of `speaker_count` speakers holding `statement_count` statements
// in all; anything else is corruption.
SpeakerMonths read_speaker_months(ByteReader& in, uint32_t speaker_count, uint32_t statement_count);
// Takes one statement of `speaker` in `month` away (a deleted article's);
// false when the table has none to take. drop_empty_months() then removes
// the months left with none.
bool remove_statement(SpeakerMonths& months, uint32_t speaker, int32_t month);
void drop_empty_months(SpeakerMonths& months);

}  // namespace attache::storage
