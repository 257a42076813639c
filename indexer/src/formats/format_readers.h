// One reader per input format, each turning a decompressed stream into
// articles and problems (article_reader.cc chooses among them).
#pragma once

#include "attache/indexer/article_reader.h"
#include "formats/input_stream.h"

namespace attache::indexer {

// "<stdin>" for "-", else the path: how problems name the input.
std::string display_name(const InputFile& input);

// Hands an article to the sink, or the reason it was skipped.
void emit(ParseResult&& result, const ArticleSink& sink);

void read_text_file(InputStream& in, const InputFile& input, const ArticleSink& sink);
void read_json_lines(InputStream& in, const InputFile& input, const ArticleSink& sink);
void read_csv(InputStream& in, const InputFile& input, const ArticleSink& sink);
// NITF 3.x (one article a file, as in the NYT Annotated Corpus) or NewsML-G2
// (a newsItem, or a newsMessage of several), told apart by the root element.
void read_xml(InputStream& in, const InputFile& input, const ArticleSink& sink);

}  // namespace attache::indexer
