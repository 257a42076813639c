// Sayings reported by someone who reports them. Internal to attribution.
#pragma once

#include <vector>

#include "tagged_attributions.h"
#include "words.h"

namespace attache::indexer::attribution {

// "Chinese President Xi Jinping told fellow leaders that Beijing would roll out eight new measures,
// according to the state news agency Xinhua": what Xinhua reports opens with who said what, and
// that saying is the statement, Xi's, as it is when the sentence opens "According to Xinhua, ...".
// Statements do not overlap, so the agency's report gives way to it. Replaces each attribution by
// "according to" or "reported" whose content opens with a name or role and a plain cue ("said",
// "told ... that") with that saying, keeping the order of cues.
void prefer_inner_reports(const WordStream& stream, std::vector<TaggedAttribution>& attributions);

}  // namespace attache::indexer::attribution
