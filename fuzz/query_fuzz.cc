// The query parser and planner: any text gives a plan that runs over a small
// index (top hits, counts, statements, months), or a QueryError.
#include <cstdint>
#include <string_view>

#include "attache/query/query.h"
#include "attache/query/searcher.h"
#include "attache/storage/index_reader.h"
#include "small_index.h"

using namespace attache;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const query::Searcher searcher(storage::IndexSnapshot::open(fuzz::small_index()));
  query::Query parsed;
  try {
    parsed = query::parse_query(std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (const query::QueryError&) {
    return 0;
  }
  query::SearchOptions options;
  options.exact_total = size % 2 == 0;
  options.sort = size % 3 == 0 ? query::SortOrder::newest : query::SortOrder::relevance;
  for (const auto& hit : searcher.search(parsed, options).hits) searcher.document(hit);
  searcher.count(parsed);
  searcher.search_statements(parsed, options);
  searcher.count_by_month(parsed, parsed.mentions_speaker);
  return 0;
}
