// What the indexer hands to storage for one article, and what storage gives back.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "attache/storage/date.h"

namespace attache::storage {

// An attributed statement of an article (indexer/statements.h finds them).
// Who a speaker is: one person, a collective ("officials", "Republicans"), an
// organisation or institution ("the State Department", "the Kremlin"), or a
// publication ("The Huffington Post reported"). Stored as its number.
enum class SpeakerKind : uint8_t { person, group, organisation, publication };

constexpr const char* to_string(SpeakerKind kind) {
  switch (kind) {
    case SpeakerKind::person: return "person";
    case SpeakerKind::group: return "group";
    case SpeakerKind::organisation: return "organisation";
    case SpeakerKind::publication: return "publication";
  }
  return "person";
}

struct StoredStatement {
  uint32_t begin = 0, end = 0;                      // byte span in the text
  uint32_t first_position = 0, position_count = 0;  // the body tokens it covers
  std::string speaker;                              // as written
  std::string canonical;                            // the person or group
  std::string cue;
  uint8_t kind = 0;        // 0 direct, 1 reported, 2 mixed
  uint8_t confidence = 0;  // percent
  bool group = false;      // an institution or collective
  // A SpeakerKind; what comes before a person's name ("Texas Sen.").
  uint8_t speaker_kind = 0;
  std::string description;
};

// Where a statement lies in its article's positions: all a query needs to
// match words within it.
struct StatementSpan {
  uint32_t first_position = 0, position_count = 0;
};

// An article as kept in the document store: enough to show it, export it, and
// index it again.
struct StoredDocument {
  std::string id;
  Day date = 0;
  std::string title;
  std::string source;
  std::string url;
  std::string text;
  std::string author;    // as given (a byline, a creator, an author field)
  std::string place;     // where it was filed: the dateline's place ("Geneva")
  std::string language;  // an ISO 639-1 code ("fr"), or empty when unknown
  std::vector<StoredStatement> statements;  // in text order
};

// One distinct term of a document. Terms indexed with positions list every
// position (positions.size() == frequency); the others leave positions empty.
struct TermOccurrences {
  std::string term;
  uint32_t frequency = 0;
  std::vector<uint32_t> positions;
};

// What near-duplicate articles are found by: the minimum of each of kSignatureSize
// hash functions over an article's shingles (runs of a few words), the low 16 bits of
// each (b-bit MinHash). Two articles' signatures agree in about the share of their
// shingles they have in common (their Jaccard similarity). All zero: none (an empty
// text, or a segment written before signatures).
inline constexpr size_t kSignatureSize = 32;
using Signature = std::array<uint16_t, kSignatureSize>;

struct IndexableDocument {
  StoredDocument stored;
  uint32_t length = 0;  // the document length BM25 normalises by
  Signature signature{};
  std::vector<TermOccurrences> terms;
};

// What is wrong with a stored document's statements (a span outside its text,
// an unknown kind), or empty when nothing is: both backends' readers report it
// as corruption before anything cuts the text by a span.
std::string statement_problem(const StoredDocument& document);

}  // namespace attache::storage
