// Dates: YYYY-MM-DD and ISO 8601 timestamps become the UTC day; impossible
// dates and near misses are refused.
#include <doctest/doctest.h>

#include "attache/storage/date.h"

using namespace attache;

TEST_CASE("plain dates and their formatting") {
  auto d = parse_date("2022-01-11");
  REQUIRE(d);
  CHECK(format_day(*d) == "2022-01-11");
  CHECK(*parse_date("1970-01-01") == 0);
  CHECK(format_day(*parse_date("2000-02-29")) == "2000-02-29");
}

TEST_CASE("timestamps keep the UTC day") {
  CHECK(format_day(*parse_date("2022-01-11T10:00:00Z")) == "2022-01-11");
  CHECK(format_day(*parse_date("2022-01-11T23:30:00-05:00")) == "2022-01-12");
  CHECK(format_day(*parse_date("2022-01-11T01:30:00+03:00")) == "2022-01-10");
  CHECK(format_day(*parse_date("2022-01-11T01:30:00.123+0300")) == "2022-01-10");
  CHECK(format_day(*parse_date("2022-01-11T12:00")) == "2022-01-11");
  CHECK(format_day(*parse_date("2021-12-31T22:00:00-02:00")) == "2022-01-01");
}

TEST_CASE("impossible and malformed dates are refused") {
  for (const char* bad : {"2022-02-30", "2022-13-01", "2022-00-10", "22-01-11", "2022-1-11", "2022-01-11x",
                          "2022-01-11T25:00:00Z", "2022-01-11T10:00:00+25:00", "", "yesterday", "2022/01/11",
                          "0000-01-01"})
    CHECK_MESSAGE(!parse_date(bad), bad);
}
