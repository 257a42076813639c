// Where an article was filed, from the dateline that opens it: "GENEVA —",
// "MOSCOW, Jan. 11 (Reuters) -", "WASHINGTON (AP) —", "UNITED NATIONS, March 3 —";
// and who wrote it, from a byline.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace attache::indexer {

struct Dateline {
  std::string place;  // in title case: "United Nations"
  size_t begin = 0;   // the bytes [begin, end) of the dateline, its dash included
  size_t end = 0;
  size_t place_end = 0;  // [begin, place_end): the place as written ("GENEVA")
};

// The dateline at the start of text: a place of one to four words in capitals,
// then up to three ", part" (a date, a region: "Jan. 11", "Ukraine"), an
// optional agency in parentheses, and a dash or hyphen. Nothing when the text
// opens otherwise: the rule is general, not a list of cities.
std::optional<Dateline> find_dateline(std::string_view text);

// "NEW DELHI: ...", as South Asian papers write the dateline: the place in capitals and a colon
// opening the article, before a capital. Nothing when another paragraph opens the same way, as a
// transcript's turns do ("MR PRICE: ...").
std::optional<Dateline> find_colon_dateline(std::string_view article_text);

// The place of a dateline given on its own (NITF's <dateline>WASHINGTON, Jan. 1
// </dateline>): the same capitals, with the dash optional; empty when none.
std::string dateline_place(std::string_view dateline);

// The author of a byline: "By STEVEN ERLANGER" is "Steven Erlanger" (no "By ",
// capitals in title case); a byline in mixed case stays as written.
std::string author_from_byline(std::string_view byline);

// "GENEVA" as "Geneva", "ST. PETERSBURG" as "St. Petersburg", "N'DJAMENA" as
// "N'Djamena": a letter after a non-letter stays upper case, the others go lower.
std::string title_case(std::string_view capitals);

}  // namespace attache::indexer
