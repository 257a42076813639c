// The near-duplicate signature of an article (storage::Signature): MinHash
// over its runs of kShingleWords folded words.
#pragma once

#include <vector>

#include "attache/analysis/tokenizer.h"
#include "attache/storage/document.h"

namespace attache::indexer {

inline constexpr size_t kShingleWords = 5;

// From the tokens of the article's text, in order; all zero when it has none.
storage::Signature article_signature(const std::vector<analysis::Token>& tokens);

}  // namespace attache::indexer
