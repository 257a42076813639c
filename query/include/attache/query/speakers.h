// Who speaks in an archive: statements counted by speaker, one row per person
// across articles.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "attache/query/searcher.h"
#include "attache/storage/document.h"

namespace attache::query {

struct SpeakerCount {
  std::string name;                   // the fullest form ("Sergei Ryabkov")
  bool group = false;                 // an institution or collective
  uint64_t statements = 0;
  uint64_t articles = 0;
  std::vector<std::string> variants;  // other canonical forms merged in ("Ryabkov")
};

// What a query selects before speakers are counted.
enum class SpeakerUnit {
  statements,  // the statements the query matches (attache speakers QUERY)
  articles,    // every statement of the articles the query matches (search --facet speaker)
};

// Statements by speaker, fed one statement at a time by any backend; the
// counting and name merging of count_speakers.
class SpeakerTally {
 public:
  SpeakerTally();
  ~SpeakerTally();
  SpeakerTally(SpeakerTally&&) noexcept;
  SpeakerTally& operator=(SpeakerTally&&) noexcept;
  // `article` identifies the statement's article (distinct articles are counted).
  void add(const storage::StoredStatement& statement, uint64_t article);
  // Most statements first; see count_speakers for how names merge.
  std::vector<SpeakerCount> counts() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Statements by speaker, most first. Without a query, every statement counts.
// A bare surname joins the one full name in the archive that ends with it;
// with two or more such names (two Johnsons), it stays apart, as do they.
std::vector<SpeakerCount> count_speakers(const Searcher& searcher, const Query* query,
                                         SpeakerUnit unit = SpeakerUnit::statements);

}  // namespace attache::query
