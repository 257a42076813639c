// From the tagger's labels to attributions: each cue with its source and the
// content around it, split quotations joined.
#pragma once

#include <vector>

#include "tagger.h"
#include "words.h"

namespace attache::indexer::attribution {

struct TaggedAttribution {
  uint32_t source_first = 0, source_last = 0;    // words, inclusive
  uint32_t cue_first = 0, cue_last = 0;
  uint32_t content_first = 0, content_last = 0;  // the first and last content word
  float source_margin = 0, cue_margin = 0, content_margin = 0;  // the tagger's mean margins
  bool content_untagged = false;  // the content is the clause before the source, which the tagger left out
  bool source_subject = false;    // the source is the sentence's subject, which the tagger left out
};

// Attributions with a source, a cue and content, in the order of their cues.
std::vector<TaggedAttribution> tag_attributions(const WordStream& stream, const Tagger& tagger);

}  // namespace attache::indexer::attribution
