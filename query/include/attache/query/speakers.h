// Who speaks in an archive: statements counted by speaker, one row per
// identity (person, group, organisation, publication) across articles.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "attache/query/searcher.h"
#include "attache/storage/date.h"
#include "attache/storage/document.h"

namespace attache::query {

// The kinds of speaker (storage::StoredStatement::speaker_kind).
using SpeakerKind = storage::SpeakerKind;
using storage::to_string;
// "person", "group", "organisation" (or "organization", "institution"), "publication".
bool parse_speaker_kind(const std::string& name, SpeakerKind& kind);

namespace identity {
struct Resolution;  // speaker_identity.h
}
class Searcher;

struct SpeakerCount {
  std::string name;  // the identity's name ("Ted Cruz")
  SpeakerKind kind = SpeakerKind::person;
  bool group = false;  // not a person
  uint64_t statements = 0;
  uint64_t articles = 0;
  std::vector<std::string> variants;      // other forms joined in ("Cruz", "Rafael Edward Cruz")
  std::vector<std::string> descriptions;  // what articles wrote before the name ("Texas Sen."), most used first
};

// What a query selects before speakers are counted.
enum class SpeakerUnit {
  statements,  // the statements the query matches (attache speakers QUERY)
  articles,    // every statement of the articles the query matches (search --facet speaker)
};

struct SpeakerOptions {
  double min_confidence = 0;  // statements below it are not counted (0..1)
  // false: of each group of near-duplicate articles (duplicates.h), only the
  // statements of one are counted, so a wire story carried ten times counts
  // once. An index without signatures (Xapian) counts every copy.
  bool count_copies = true;
  bool counts(const storage::StoredStatement& statement) const {
    return statement.confidence >= min_confidence * 100 - 1e-6;  // stored in whole percent
  }
};

// Statements by speaker, fed one statement at a time by any backend.
//
// Identity: forms of a person's name join when the archive shows they are one
// person: a longer form ending with a full name ("Billionaire Donald Trump"),
// a middle name or an initial ("Hillary Rodham Clinton", "H. Clinton"), a
// transliteration of the first name ("Sergey"/"Sergei Lavrov") unless both
// speak in one article. A name of one word ("Cruz") joins, month by month,
// the full name that makes at least 80% of the statements by full names with
// that word (as surname or first name) within a year of that month; otherwise
// it stays a row of its own. Other kinds join the same way within their kind;
// groups join only forms that fold alike ("Officials", "officials").
// Nothing is stored: identities follow the statements fed in.
class SpeakerTally {
 public:
  SpeakerTally();
  ~SpeakerTally();
  SpeakerTally(SpeakerTally&&) noexcept;
  SpeakerTally& operator=(SpeakerTally&&) noexcept;
  // `article` identifies the statement's article (distinct articles are
  // counted), `date` is its date.
  void add(const storage::StoredStatement& statement, uint64_t article, Day date);
  // Most statements first. Identities are decided over `archive` (this
  // tally's own statements when null): counts of one query's statements
  // should use the whole archive's identities.
  std::vector<SpeakerCount> counts(const SpeakerTally* archive = nullptr) const;
  // Widens every speaker: condition of the query to the identities it names:
  // speaker:"ted cruz" also matches a statement by "Cruz" in a month where
  // "Cruz" is Ted Cruz. The extra conditions are exact names (start and end
  // marks) limited to those months, so both backends run them as they are.
  void resolve_speakers(Query& query) const;

 private:
  friend class Searcher;  // counts by the identities it decides (Searcher::count_by_identity)
  std::vector<SpeakerCount> counts_by(const identity::Resolution& resolution) const;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Statements by speaker, most first. Without a query, every statement counts.
std::vector<SpeakerCount> count_speakers(const Searcher& searcher, const Query* query,
                                         SpeakerUnit unit = SpeakerUnit::statements,
                                         const SpeakerOptions& options = {});

}  // namespace attache::query
