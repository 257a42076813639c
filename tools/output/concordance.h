// A concordance (keyword in context): every occurrence of a query's words in
// the matching articles, with its left and right context. Shared by
// `attache kwic` and the HTTP API.
#pragma once

#include <functional>

#include "attache/query/query.h"
#include "attache/query/searcher.h"
#include "json_output.h"

namespace attache::cli {

class OpenIndex;

// Visits each occurrence (articles in `sort` order, occurrences in text order)
// until visit returns false; `width` code points of context on each side.
void for_each_kwic_line(const OpenIndex& index, const query::Query& query, query::SortOrder sort, size_t width,
                        const std::function<bool(const KwicLine&)>& visit);

}  // namespace attache::cli
