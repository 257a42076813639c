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

// A statement is a speech act: a quotation, or reported speech after a verb of saying ("said",
// "according to") or a colon. PolNeAR also marks thoughts and deeds ("Trump believes", "has
// turned down a proposal") and the tagger learned those; they are no statements.
bool is_speech_act(StatementKind kind, const StatementEvidence& e);

std::vector<Candidate> extract_candidates(std::string_view text, const Tagger& tagger);

}  // namespace attache::indexer::attribution
