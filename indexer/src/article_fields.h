// The fields of one structured record (a JSON line, a CSV row, an XML news
// item) and their checks, shared by every format so an article is accepted or
// skipped for the same reasons whatever it came in.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "attache/indexer/article.h"

namespace attache::indexer {

struct RecordFields {
  std::string id, date, title, source, url, text;
  std::string author, place, language;
};

struct RecordOrigin {
  std::string file;
  uint64_t line = 0;       // where the record starts
  std::string default_id;  // when the record names none
};

// Checks a record (a date, a text, UTF-8 without control bytes in every field)
// and trims its fields. date_name and text_name say where the format keeps them
// ("column 'date'", "<versionCreated>") for the reason of a skip.
ParseResult article_from_record(RecordFields&& fields, const RecordOrigin& origin, std::string_view date_name,
                                std::string_view text_name);

}  // namespace attache::indexer
