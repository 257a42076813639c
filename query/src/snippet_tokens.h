// The tokens a snippet reads: the whole text's, or only those around the words
// that match the query (internal to snippet.cc, and for its tests).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "attache/analysis/tokenizer.h"
#include "attache/query/query.h"
#include "attache/query/snippet.h"

namespace attache::query {

// Tokens in text order (no compounds) and the query word each stands for.
struct SnippetTokens {
  std::vector<analysis::Token> tokens;  // a token's text may be empty (TokenizeOptions)
  std::vector<int> match;               // per token: the query word it stands for, or -1
  std::vector<size_t> matched;          // the matching tokens' indices, in order
};

// How many tokens a reading around the matches holds before and after each
// match, and from the start when nothing matches.
struct SnippetReach {
  size_t before = 0, after = 0, opening = 0;
};

enum class SnippetReading {
  whole_text,
  // Only the regions around the matching words: the tokens within reach of a
  // match (the whole text's tokens there, in its order), or the opening ones
  // when no word matches. Tokens between regions are left out, so an index
  // counts the tokens read: two matches in different regions are at least
  // reach.after + reach.before tokens apart here, and more in the text.
  // English only: in another language the whole text is read.
  around_matches,
};

void read_snippet_tokens(std::string_view text, const Query& query, std::string_view language,
                         SnippetReading reading, const SnippetReach& reach, SnippetTokens& out);

// make_snippet, reading the text as asked (the public one reads around the
// matches; a test holds it to the whole text's snippet).
Snippet make_snippet(std::string_view text, const Query& query, const SnippetOptions& options, SnippetReading reading);

}  // namespace attache::query
