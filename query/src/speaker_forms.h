// Which forms of speakers' names the widening of one speaker: condition
// depends on, so that identities can be decided from those forms alone
// instead of from every statement of the archive (speaker_forms.cc argues why
// they suffice).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "speaker_identity.h"

namespace attache::query::identity {

// Statements found by a word of their speaker's name (the statement postings
// of a snapshot: snapshot_names.h).
class NameSource {
 public:
  virtual ~NameSource() = default;
  // Adds (add_statement) every live statement whose speaker's name holds
  // `word` to `forms`, and possibly others: a description's words are indexed
  // as a name's are.
  virtual void add_statements_naming(const std::string& word, Forms& forms) const = 0;
  // False only when no statement's speaker's name is `word` alone.
  virtual bool may_name_alone(const std::string& word) const = 0;
};

// The forms whose resolution widens a speaker: condition of these words
// (widen_speaker_node) exactly as a resolution of every form would; each with
// all of its statements. Nothing once more than `budget` statements have been
// read: then the whole archive's resolution costs little more.
std::optional<Forms> forms_for_phrase(const std::vector<std::string>& phrase, const NameSource& source,
                                      uint64_t budget);

}  // namespace attache::query::identity
