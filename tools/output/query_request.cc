// From what a user typed to a query::Query (see query_request.h).
#include "query_request.h"

#include <cmath>
#include <stdexcept>

namespace attache::cli {
namespace {

Day parse_day(const std::string& value, const std::string& option, bool end) {
  try {
    query::Query q = query::parse_query("date:" + value);
    if (q.root->kind == query::QueryNode::Kind::dates) return end ? q.root->dates.to : q.root->dates.from;
  } catch (const query::QueryError&) {
  }
  throw std::invalid_argument(option + " '" + value + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
}

}  // namespace

query::Query build_query(const QueryRequest& request) {
  const std::string& prefix = request.option_prefix;
  query::Query q = query::parse_query(request.text);
  if (request.from || request.to) {
    query::DateRange range;
    if (request.from) range.from = parse_day(*request.from, prefix + "from", false);
    if (request.to) range.to = parse_day(*request.to, prefix + "to", true);
    if (range.from > range.to) throw std::invalid_argument(prefix + "from is after " + prefix + "to");
    query::restrict_dates(q, range);
  }
  if (request.min_confidence) {
    const double c = *request.min_confidence;
    if (!(c >= 0 && c <= 1)) throw std::invalid_argument(prefix + "min" + (prefix == "--" ? "-" : "_") + "confidence must be between 0 and 1");
    q.min_confidence = static_cast<uint8_t>(std::lround(c * 100));
  }
  return q;
}

query::SortOrder sort_order(const std::string& name, const std::string& option_prefix) {
  if (name == "relevance") return query::SortOrder::relevance;
  if (name == "date" || name == "newest") return query::SortOrder::newest;
  if (name == "oldest") return query::SortOrder::oldest;
  throw std::invalid_argument(option_prefix + "sort must be relevance, date (newest) or oldest, not '" + name + "'");
}

}  // namespace attache::cli
