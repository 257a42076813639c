// What a statement says, as every output gives it: the CLI, the server, exports, quote histories
// and Python.
#pragma once

#include <string>
#include <string_view>

#include "attache/storage/document.h"

namespace attache::cli {

// The statement's words: its span of the article's text, except that a direct statement split by
// its attribution ("“A,” he said, leaning forward, “is that B.”") is given as its quoted parts
// joined ("A is that B"), the attribution and the marks between them left out; and a reported
// statement's own attribution set off by commas inside it ("The talks, she said, were useful") is
// left out too. Its span (start, end) still covers the whole.
std::string statement_text(std::string_view article_text, const storage::StoredStatement& st);

}  // namespace attache::cli
