// What the statement postings of an index cost, by kind of term, for
// BENCHMARKS.md (issue 14: what to shrink).
#pragma once

#include <filesystem>
#include <ostream>

#include "attache/storage/index_reader.h"

namespace attache::bench {

// A table of the .statements files' bytes: the statements themselves and, in
// their postings, the postings and positions of words, of speaker words and of
// speakers' exact names, each also as a fraction of the text.
void print_statement_sizes(const storage::IndexSnapshot& snapshot, const std::filesystem::path& dir,
                           uint64_t text_bytes, std::ostream& out);

}  // namespace attache::bench
