// Statements as the tagger and the speaker rules find them, before the
// calibrator decides which to keep.
#pragma once

#include <string_view>
#include <vector>

#include "attache/indexer/statements.h"
#include "calibrator.h"
#include "tagger.h"

namespace attache::indexer::attribution {

struct Candidate {
  Statement statement;
  StatementEvidence evidence;
};

std::vector<Candidate> extract_candidates(std::string_view text, const TaggerModel& tagger);

}  // namespace attache::indexer::attribution
