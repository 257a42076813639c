// Turns an article into the terms the index stores (analysis/terms.h names them).
#pragma once

#include <memory>

#include "attache/indexer/article.h"
#include "attache/indexer/statements.h"
#include "attache/storage/document.h"

namespace attache::indexer {

// A statement's fields as the index stores them, except the token positions it
// covers (those need the article's tokens): what `attache quotes` shows too.
storage::StoredStatement to_stored(const Statement& statement);

// Not thread-safe (it owns a stemmer): one per thread.
class DocumentAnalyzer {
 public:
  DocumentAnalyzer();
  ~DocumentAnalyzer();
  storage::IndexableDocument analyze(Article&& article);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace attache::indexer
