// Article dates as whole UTC days since 1970-01-01, the unit of the date column.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace attache {

using Day = int32_t;

inline constexpr Day kMinDay = -719162;  // 0001-01-01
inline constexpr Day kMaxDay = 2932896;  // 9999-12-31

// The day of a valid civil date, or nothing for an impossible one (2022-02-30).
std::optional<Day> day_from_civil(int year, unsigned month, unsigned day);
// "YYYY-MM-DD".
std::string format_day(Day day);
// The calendar year and month of a day, for monthly facets.
void civil_from_day(Day day, int& year, unsigned& month, unsigned& dom);
// Months since year 0 (year·12 + month − 1), so a year around a month is 12 either side.
int month_of(Day day);

// Parses "YYYY-MM-DD" or a full ISO 8601 timestamp ("2022-01-11T23:30:00-05:00",
// "...Z", fractional seconds allowed) and returns its UTC day.
std::optional<Day> parse_date(std::string_view text);

}  // namespace attache
