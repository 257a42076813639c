// Speakers' statements by month (speaker_months.h).
#include "speaker_months.h"

#include <algorithm>

namespace attache::storage {
namespace {

uint64_t zigzag(int64_t v) { return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63); }
int64_t unzigzag(uint64_t v) { return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1); }

bool earlier(const MonthCount& entry, int32_t month) { return entry.month < month; }

}  // namespace

void SpeakerMonthsBuilder::add(uint32_t speaker, Day date) {
  if (speaker >= by_speaker_.size()) by_speaker_.resize(speaker + 1);
  auto& months = by_speaker_[speaker];
  const int32_t month = month_of(date);
  // Articles arrive in date order: the month is nearly always the last one.
  if (months.empty() || months.back().month < month) {
    months.push_back({month, 1});
  } else if (months.back().month == month) {
    ++months.back().statements;
  } else {
    auto at = std::lower_bound(months.begin(), months.end(), month, earlier);
    if (at->month != month) at = months.insert(at, {month, 0});
    ++at->statements;
  }
}

SpeakerMonths SpeakerMonthsBuilder::months(uint32_t speaker_count) const {
  SpeakerMonths out;
  for (uint32_t s = 0; s < speaker_count; ++s) {
    if (s < by_speaker_.size()) out.months.insert(out.months.end(), by_speaker_[s].begin(), by_speaker_[s].end());
    out.starts.push_back(static_cast<uint32_t>(out.months.size()));
  }
  return out;
}

void write_speaker_months(const SpeakerMonths& months, ByteWriter& out) {
  out.u32(months.speaker_count());
  for (uint32_t s = 0; s < months.speaker_count(); ++s) {
    const auto list = months.of(s);
    out.varint(list.size());
    int64_t previous = 0;
    for (size_t i = 0; i < list.size(); ++i) {
      out.varint(i == 0 ? zigzag(list[i].month) : static_cast<uint64_t>(int64_t{list[i].month} - previous));
      out.varint(list[i].statements);
      previous = list[i].month;
    }
  }
}

SpeakerMonths read_speaker_months(ByteReader& in, uint32_t speaker_count, uint32_t statement_count) {
  if (in.u32() != speaker_count) in.fail("speaker months: speaker count disagrees with the speaker table");
  SpeakerMonths out;
  out.starts.reserve(uint64_t{speaker_count} + 1);
  uint64_t statements = 0;
  for (uint32_t s = 0; s < speaker_count; ++s) {
    const uint32_t count = in.count(2);  // a step and a count each
    int64_t month = 0;
    for (uint32_t i = 0; i < count; ++i) {
      const uint64_t step = in.varint();
      if (i > 0 && (step == 0 || step > UINT32_MAX)) in.fail("speaker months out of order");
      month = i == 0 ? unzigzag(step) : month + static_cast<int64_t>(step);
      if (month < INT32_MIN || month > INT32_MAX) in.fail("speaker month out of range");
      const uint32_t n = in.varint32();
      statements += n;
      if (n == 0 || statements > statement_count) in.fail("speaker months count more statements than the file holds");
      out.months.push_back({static_cast<int32_t>(month), n});
    }
    out.starts.push_back(static_cast<uint32_t>(out.months.size()));
  }
  if (statements != statement_count) in.fail("speaker months count fewer statements than the file holds");
  return out;
}

bool remove_statement(SpeakerMonths& months, uint32_t speaker, int32_t month) {
  if (speaker >= months.speaker_count()) return false;
  const auto begin = months.months.begin() + months.starts[speaker], end = months.months.begin() + months.starts[speaker + 1];
  const auto at = std::lower_bound(begin, end, month, earlier);
  if (at == end || at->month != month || at->statements == 0) return false;
  --at->statements;
  return true;
}

void drop_empty_months(SpeakerMonths& months) {
  size_t kept = 0;
  for (uint32_t s = 0; s < months.speaker_count(); ++s) {
    const uint32_t begin = months.starts[s], end = months.starts[s + 1];
    months.starts[s] = static_cast<uint32_t>(kept);
    for (uint32_t i = begin; i < end; ++i)
      if (months.months[i].statements > 0) months.months[kept++] = months.months[i];
  }
  months.starts.back() = static_cast<uint32_t>(kept);
  months.months.resize(kept);
}

}  // namespace attache::storage
