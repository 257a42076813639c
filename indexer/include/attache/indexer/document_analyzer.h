// Turns an article into the terms the index stores (analysis/terms.h names them).
#pragma once

#include <memory>

#include "attache/indexer/article.h"
#include "attache/storage/document.h"

namespace attache::indexer {

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
