// Every match of a query as JSON Lines or CSV, one row at a time: what
// `attache export` writes to a file and /api/export streams to a browser.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "attache/query/query.h"

namespace attache::cli {

class OpenIndex;

enum class ExportFormat { jsonl, csv };

// Calls write with the CSV header (if any), then each row; returns the number
// of articles or statements written. unique: of each group of near-duplicate
// articles, only the first that matches (OpenIndex::for_each_article).
uint64_t export_rows(const OpenIndex& index, const query::Query& query, bool statements, ExportFormat format,
                     const std::function<void(std::string_view)>& write, bool unique = false);

// A file name from an id: letters, digits, dot, dash and underscore kept.
std::string safe_file_name(const std::string& id);

}  // namespace attache::cli
