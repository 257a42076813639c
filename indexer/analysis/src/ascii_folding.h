// Letters that Unicode does not decompose into a base letter and a mark, and
// their ASCII forms for matching, as Lucene's ASCIIFoldingFilter folds them.
#pragma once

#include <string>

namespace attache::analysis {

// Replaces each such lower-case letter of a case-folded, mark-stripped word
// (ı ł ø đ ð æ œ þ ß ħ ŋ ...) with its ASCII letters; other text is kept.
void fold_undecomposed_letters(std::string& word);

}  // namespace attache::analysis
