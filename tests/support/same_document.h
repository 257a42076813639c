// Checks, field by field, that a document read back from an index is the one written:
// the storage tests that rewrite or reread stores share it.
#pragma once

#include <doctest/doctest.h>

#include "attache/storage/document.h"

namespace attache::testing {

// Not the speaker kind: a segment keeps one per speaker, the kind its first statement gave.
inline void check_same_statement(const storage::StoredStatement& got, const storage::StoredStatement& want) {
  CHECK(got.begin == want.begin);
  CHECK(got.end == want.end);
  CHECK(got.first_position == want.first_position);
  CHECK(got.position_count == want.position_count);
  CHECK(got.speaker == want.speaker);
  CHECK(got.canonical == want.canonical);
  CHECK(got.cue == want.cue);
  CHECK(got.kind == want.kind);
  CHECK(got.confidence == want.confidence);
  CHECK(got.group == want.group);
  CHECK(got.description == want.description);
}

inline void check_same_document(const storage::StoredDocument& got, const storage::StoredDocument& want) {
  CAPTURE(want.id);
  CHECK(got.id == want.id);
  CHECK(got.date == want.date);
  CHECK(got.title == want.title);
  CHECK(got.source == want.source);
  CHECK(got.url == want.url);
  CHECK(got.text == want.text);
  CHECK(got.author == want.author);
  CHECK(got.place == want.place);
  CHECK(got.language == want.language);
  REQUIRE(got.statements.size() == want.statements.size());
  for (size_t k = 0; k < got.statements.size(); ++k) check_same_statement(got.statements[k], want.statements[k]);
}

}  // namespace attache::testing
