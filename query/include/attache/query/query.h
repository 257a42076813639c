// The query language: parsed into a tree whose leaves are index terms.
// docs/QUERY.md describes the syntax for users.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "attache/storage/date.h"

namespace attache::query {

// A malformed query: what is wrong and the byte offset in the query text.
class QueryError : public std::runtime_error {
 public:
  QueryError(const std::string& message, size_t position) : std::runtime_error(message), position_(position) {}
  size_t position() const { return position_; }

 private:
  size_t position_;
};

// "invalid query: MESSAGE" then the query and a caret under the position.
std::string format_query_error(std::string_view query, const QueryError& error);

struct DateRange {
  Day from = kMinDay;  // inclusive
  Day to = kMaxDay;    // inclusive
};

struct QueryNode {
  enum class Kind {
    term,        // one index term
    phrase,      // terms at consecutive positions (offsets give gaps)
    prefix,      // any surface term starting with `terms[0]`
    all_of,      // every child
    any_of,      // at least one child
    exclude,     // children[0] without children[1]
    everything,  // every document
    dates,       // documents dated within `dates`
    speaker,     // statements by a speaker: speaker terms at consecutive positions (offsets)
    near,        // children (terms or phrases) within `distance` words of each other, any order
  };
  Kind kind = Kind::term;
  std::vector<std::string> terms;
  std::vector<uint32_t> offsets;  // phrase: position of each term relative to the first
  std::vector<std::unique_ptr<QueryNode>> children;
  DateRange dates;
  uint32_t distance = 0;  // near
  std::string text;       // what the user wrote, for --explain
  // term, phrase: the folded words its terms stem (plain and title: words), so
  // the node can be analysed again in each language of an index (languages.h).
  std::vector<std::string> words;
};

struct Query {
  std::unique_ptr<QueryNode> root;
  bool mentions_speaker = false;  // a speaker: field makes the query one over statements
  // Percent: statements attributed with less confidence are not matched (by
  // statement search, statement streams, counts and facets alike).
  uint8_t min_confidence = 0;
  bool speakers_resolved = false;  // speaker: conditions already widened to identities (speakers.h)
  bool languages_resolved = false;  // words already analysed in the index's languages (languages.h)
  // Stems and surface prefixes that matched terms should be highlighted by.
  std::vector<std::string> highlight_terms;
  // The folded words of highlight_terms (same order), to stem again for an
  // article in another language.
  std::vector<std::string> highlight_words;
  std::vector<std::string> highlight_prefixes;
};

inline constexpr size_t kMaxQueryBytes = 4096;
inline constexpr int kMaxQueryDepth = 32;

// Parses QUERY; throws QueryError.
//   words (all must match), "phrases", a NEAR/n b, OR (binds tighter than AND), AND, NOT,
//   -word, +word, (groups), word* (prefix as written), title:, source:, id:,
//   speaker:, date:2022-01-11, date:2022-01, date:2022, date:A..B (either end open).
Query parse_query(std::string_view text);

// A deep copy.
Query copy_query(const Query& query);
std::unique_ptr<QueryNode> copy_node(const QueryNode& node);

// Combines a query with an extra date restriction (--from / --to).
void restrict_dates(Query& query, const DateRange& range);

// An indented rendering of the tree, for --explain.
std::string describe(const QueryNode& node);

}  // namespace attache::query
