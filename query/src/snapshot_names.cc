// Statements by the words of their speakers' names, from the statement
// postings (snapshot_names.h).
#include "snapshot_names.h"

#include "attache/analysis/terms.h"
#include "attache/storage/error.h"
#include "attache/storage/statement_index.h"

namespace attache::query {

bool SnapshotNames::available(const storage::IndexSnapshot& snapshot) {
  for (const auto& segment : snapshot.segments())
    if (!segment->statement_index()) return false;
  return true;
}

void SnapshotNames::add_statements_naming(const std::string& word, identity::Forms& forms) const {
  const std::string term = analysis::field_term(analysis::kSpeakerPrefix, word);
  const auto& segments = snapshot_.segments();
  std::vector<storage::StoredStatement> statements;  // of the article last read
  for (size_t s = 0; s < segments.size(); ++s) {
    const storage::Segment& segment = *segments[s];
    const storage::StatementIndex& index = *segment.statement_index();
    uint32_t doc = 0, first = 1, end = 0;  // the article last read and its statements [first, end)
    bool deleted = false;
    for (storage::PostingCursor c = index.postings(term); c.doc() != storage::PostingCursor::kEnd; c.next()) {
      const uint32_t st = c.doc();
      if (st < first || st >= end) {
        doc = index.article(st);
        first = index.first_statement(doc);
        end = index.first_statement(doc + 1);
        deleted = segment.is_deleted(doc);
        if (!deleted) statements = segment.statements(doc);
        if (!deleted && statements.size() != end - first)
          throw_corruption(segment.name() + ".statements", "statement postings count " + std::to_string(end - first) +
                                                               " statements in document " + std::to_string(doc) +
                                                               ", its entry " + std::to_string(statements.size()));
      }
      if (deleted) continue;
      identity::add_statement(forms, statements[st - first], identity::article_key(s, doc), segment.date(doc));
    }
  }
}

bool SnapshotNames::may_name_alone(const std::string& word) const {
  const std::string name = std::string(storage::kSpeakerNamePrefix) + word;
  for (const auto& segment : snapshot_.segments())
    if (segment->statement_index()->find_term(name)) return true;
  return false;
}

}  // namespace attache::query
