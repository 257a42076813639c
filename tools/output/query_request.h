// A query as a user gives it to the command line or the HTTP API: the text,
// an optional date range and a minimum statement confidence. One place turns
// it into a query::Query, so `--from` and `from=` mean the same thing.
#pragma once

#include <optional>
#include <string>

#include "attache/query/query.h"
#include "attache/query/searcher.h"

namespace attache::cli {

struct QueryRequest {
  std::string text;
  std::optional<std::string> from, to;  // YYYY, YYYY-MM or YYYY-MM-DD
  std::optional<double> min_confidence;  // 0..1
  std::string option_prefix;             // how messages name the options: "--" on the command line
};

// Throws query::QueryError for the text, std::invalid_argument (naming the
// option) for a bad date or confidence.
query::Query build_query(const QueryRequest& request);

// relevance, date or newest, oldest; throws std::invalid_argument.
query::SortOrder sort_order(const std::string& name, const std::string& option_prefix);

}  // namespace attache::cli
