// The two ways a statement query is answered per segment: from the statement
// postings (statement_postings_scan.cc), or, for segments written before
// them and for what they do not index, by reading each candidate article's
// statement spans (statement_search.cc).
#pragma once

#include <functional>

#include "attache/query/searcher.h"
#include "attache/storage/statement_index.h"
#include "matchers.h"

namespace attache::query {

using StatementVisitor = std::function<void(const StatementHit&, const storage::StoredStatement&)>;

// A top-k's worst hit kept, once it holds k hits (null before); the scan may
// pass over what cannot beat it. An empty function: every match is visited.
using WorstKept = std::function<const StatementHit*()>;

// Whether the statement postings answer this query (after name_speakers()):
// words, phrases, NEAR, speaker:, a speaker's exact name, AND, OR, NOT and
// dates; not title:, source:, id: (the article's fields) or word* (the words
// as written).
bool statement_postings_answer(const QueryNode& root);

// A speaker's exact name (`P[ Pw1 ... Pwn P]`, as identities widen speaker:)
// becomes the one term the statement postings post it under (`P=w1 ... wn`):
// a short list, where the phrase ran over marks every statement holds (at
// 100k articles 2.7 ms warm and 9.5 s cold).
void name_speakers(QueryNode& root);

// Visits the statements of segment `s` that match, in index order, from its
// statement postings; scores are BM25 with `scoring`'s weights and average
// (statement) length, as the span scan computes them.
void scan_statement_postings(const storage::Segment& segment, size_t s, const storage::StatementIndex& index,
                             const Query& query, ScoringContext& scoring, SortOrder sort, const WorstKept& worst,
                             const StatementVisitor& visit, bool with_statement);

}  // namespace attache::query
