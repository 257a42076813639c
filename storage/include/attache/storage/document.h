// What the indexer hands to storage for one article, and what storage gives back.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "attache/storage/date.h"

namespace attache::storage {

// An article as kept in the document store: enough to show it, export it, and
// index it again.
struct StoredDocument {
  std::string id;
  Day date = 0;
  std::string title;
  std::string source;
  std::string url;
  std::string text;
};

// One distinct term of a document. Terms indexed with positions list every
// position (positions.size() == frequency); the others leave positions empty.
struct TermOccurrences {
  std::string term;
  uint32_t frequency = 0;
  std::vector<uint32_t> positions;
};

struct IndexableDocument {
  StoredDocument stored;
  uint32_t length = 0;  // the document length BM25 normalises by
  std::vector<TermOccurrences> terms;
};

}  // namespace attache::storage
