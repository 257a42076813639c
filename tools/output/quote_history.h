// Quote history: one statement carried by many articles, seen once. The
// statements a query matches are grouped when their words are the same (after
// folding, punctuation aside) or when the shorter is a part of the longer that
// covers most of it (an outlet quoting a sentence of a longer quotation); each
// group has its speaker, the date and article it first appeared in, the last
// date, and how many articles and sources carried it. "Who said it first" is
// the first group by date.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "attache/query/query.h"
#include "attache/storage/date.h"
#include "json_output.h"
#include "open_index.h"
#include "query_request.h"

namespace attache::cli {

class OpenIndex;

struct QuoteGroup {
  std::string text;  // as it first appeared
  // The most common canonical speaker, then the others, each with its count of statements.
  std::vector<std::pair<std::string, uint64_t>> speakers;
  Day first_date = 0, last_date = 0;
  std::string first_article, last_article;
  uint64_t statements = 0, articles = 0, sources = 0;
};

enum class HistoryOrder { spread, first_date };

// The groups of the statements query matches (every statement for a null
// query), ranked by spread (articles, then sources, then the earlier first
// date) or by first date; at most limit of them (0: all).
std::vector<QuoteGroup> quote_history(const OpenIndex& index, const query::Query* query, HistoryOrder order,
                                      size_t limit);

// The query a history is of: none (every statement) when the request has no
// words, dates or confidence; dates or confidence alone match every article.
// Throws as build_query does.
std::optional<query::Query> history_query(QueryRequest request);

// One hit per group of the same statement (the groups above), the best of
// each, with copies (Copies::original is the article it first appeared in);
// total counts groups. What `search --statements --collapse` gives.
FoundStatements search_statements_collapsed(const OpenIndex& index, const query::Query& query,
                                            const query::SearchOptions& options);

// spread or date; throws std::invalid_argument naming the option.
HistoryOrder history_order(const std::string& name, const std::string& option_prefix);

// type "quote", text, speaker, speakers [{name, statements}], first_date,
// first_article, last_date, last_article, statements, articles, sources.
Json quote_group_json(const QuoteGroup& group);

}  // namespace attache::cli
