// Civil-calendar conversions through std::chrono and a strict ISO 8601 reader.
#include "attache/storage/date.h"

#include <chrono>
#include <cstdio>

namespace attache {
namespace chr = std::chrono;

std::optional<Day> day_from_civil(int year, unsigned month, unsigned day) {
  chr::year_month_day ymd{chr::year{year}, chr::month{month}, chr::day{day}};
  if (year < 1 || year > 9999 || !ymd.ok()) return std::nullopt;
  return static_cast<Day>(chr::sys_days{ymd}.time_since_epoch().count());
}

void civil_from_day(Day day, int& year, unsigned& month, unsigned& dom) {
  chr::year_month_day ymd{chr::sys_days{chr::days{day}}};
  year = static_cast<int>(ymd.year());
  month = static_cast<unsigned>(ymd.month());
  dom = static_cast<unsigned>(ymd.day());
}

int month_of(Day day) {
  int year;
  unsigned month, dom;
  civil_from_day(day, year, month, dom);
  return year * 12 + static_cast<int>(month) - 1;
}

std::string format_day(Day day) {
  int y;
  unsigned m, d;
  civil_from_day(day, y, m, d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

namespace {

bool read_digits(std::string_view s, size_t& i, size_t n, int& out) {
  if (i + n > s.size()) return false;
  int v = 0;
  for (size_t k = 0; k < n; ++k) {
    char c = s[i + k];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  i += n;
  out = v;
  return true;
}

bool expect(std::string_view s, size_t& i, char c) {
  if (i < s.size() && s[i] == c) {
    ++i;
    return true;
  }
  return false;
}

}  // namespace

std::optional<Day> parse_date(std::string_view s) {
  size_t i = 0;
  int year = 0, month = 0, dom = 0;
  if (!read_digits(s, i, 4, year) || !expect(s, i, '-') || !read_digits(s, i, 2, month) || !expect(s, i, '-') ||
      !read_digits(s, i, 2, dom))
    return std::nullopt;
  auto day = day_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(dom));
  if (!day) return std::nullopt;
  if (i == s.size()) return day;

  // A timestamp: THH:MM[:SS[.fff]] then Z or ±HH[:MM] (no zone: taken as UTC).
  if (s[i] != 'T' && s[i] != 't' && s[i] != ' ') return std::nullopt;
  ++i;
  int hour = 0, minute = 0, second = 0;
  if (!read_digits(s, i, 2, hour) || !expect(s, i, ':') || !read_digits(s, i, 2, minute)) return std::nullopt;
  if (expect(s, i, ':')) {
    if (!read_digits(s, i, 2, second)) return std::nullopt;
    if (expect(s, i, '.') || expect(s, i, ',')) {
      size_t start = i;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
      if (i == start) return std::nullopt;
    }
  }
  if (hour > 24 || minute > 59 || second > 60 || (hour == 24 && (minute || second))) return std::nullopt;
  int offset_minutes = 0;
  if (i < s.size()) {
    if (s[i] == 'Z' || s[i] == 'z') {
      ++i;
    } else if (s[i] == '+' || s[i] == '-') {
      int sign = s[i] == '-' ? -1 : 1;
      ++i;
      int oh, om = 0;
      if (!read_digits(s, i, 2, oh)) return std::nullopt;
      if (expect(s, i, ':')) {
        if (!read_digits(s, i, 2, om)) return std::nullopt;
      } else if (i < s.size()) {
        if (!read_digits(s, i, 2, om)) return std::nullopt;
      }
      if (oh > 23 || om > 59) return std::nullopt;
      offset_minutes = sign * (oh * 60 + om);
    } else {
      return std::nullopt;
    }
  }
  if (i != s.size()) return std::nullopt;
  // Local time minus the offset is UTC.
  long minutes = static_cast<long>(hour) * 60 + minute - offset_minutes;
  long day_shift = minutes >= 0 ? minutes / 1440 : -((-minutes + 1439) / 1440);
  long result = *day + day_shift;
  if (result < kMinDay || result > kMaxDay) return std::nullopt;
  return static_cast<Day>(result);
}

}  // namespace attache
