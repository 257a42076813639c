// A query's words in every language of an index: articles in French are
// indexed with French stems ("fr:negoci"), so a query word must be stemmed
// again for them (storage/FORMAT.md, "Terms").
#pragma once

#include <string>
#include <vector>

#include "attache/query/query.h"

namespace attache::query {

// Rewrites each plain or title: word, phrase and NEAR of the query as itself
// (English and articles of no known language) OR the same analysed in each
// other language given ("fr", "ru"); a phrase or NEAR is rewritten whole, so it
// matches within one language. Only the languages of lang: conditions when the
// query is a conjunction holding some. Idempotent (languages_resolved).
void analyse_in_languages(Query& query, const std::vector<std::string>& languages);

// The languages an index holds, from its language terms ("Gfr"), sorted.
std::vector<std::string> languages_of_terms(const std::vector<std::string>& language_terms);

}  // namespace attache::query
