// Who speaks in an archive: statements counted by speaker, one row per person
// across articles.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "attache/query/searcher.h"

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

// Statements by speaker, most first. Without a query, every statement counts.
// A bare surname joins the one full name in the archive that ends with it;
// with two or more such names (two Johnsons), it stays apart, as do they.
std::vector<SpeakerCount> count_speakers(const Searcher& searcher, const Query* query,
                                         SpeakerUnit unit = SpeakerUnit::statements);

}  // namespace attache::query
