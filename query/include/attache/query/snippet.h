// Snippets: the passages of a document that best show why it matched, with the
// matched words marked.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "attache/query/query.h"

namespace attache::query {

struct Snippet {
  std::string text;  // fragments joined by " … ", white space collapsed
  std::vector<std::pair<size_t, size_t>> highlights;  // byte ranges in text
};

struct SnippetOptions {
  size_t max_fragments = 3;
  size_t fragment_words = 24;
  std::string language;  // the article's (an ISO 639 code; empty: English): its words are stemmed in it
};

Snippet make_snippet(std::string_view document_text, const Query& query, const SnippetOptions& options = {});

// Byte ranges of the words of text that match the query's words (what a
// snippet highlights), over the whole text as given.
std::vector<std::pair<size_t, size_t>> match_spans(std::string_view text, const Query& query,
                                                   std::string_view language = {});

// The snippet with each highlight wrapped in open/close (ANSI bold, brackets...).
std::string mark_up(const Snippet& snippet, std::string_view open, std::string_view close);

// Byte offset to code point offset within text (for JSON consumers).
size_t code_point_offset(std::string_view text, size_t byte_offset);

}  // namespace attache::query
