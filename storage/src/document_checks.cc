// Checks of a stored document read back from an index.
#include "attache/storage/document.h"

namespace attache::storage {

std::string statement_problem(const StoredDocument& document) {
  for (size_t i = 0; i < document.statements.size(); ++i) {
    const StoredStatement& s = document.statements[i];
    if (s.begin > s.end || s.end > document.text.size())
      return "statement " + std::to_string(i) + " of document '" + document.id + "' spans bytes " +
             std::to_string(s.begin) + ".." + std::to_string(s.end) + " of a text of " +
             std::to_string(document.text.size());
    if (s.kind > 2) return "statement " + std::to_string(i) + " of document '" + document.id + "' has an unknown kind";
  }
  return {};
}

}  // namespace attache::storage
