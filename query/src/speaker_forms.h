// Which forms of speakers' names the widening of one speaker: condition
// depends on, so that identities can be decided from those forms (and bounds
// on a few others) instead of from every statement of the archive
// (speaker_forms.cc argues why they suffice).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "speaker_identity.h"

namespace attache::query::identity {

// Speakers' names found by their words, and the statements of each (the
// speaker tables and statement postings of a snapshot: snapshot_names.h).
class NameSource {
 public:
  struct Name {
    std::vector<std::string> words;  // folded
    // The kinds its statements have, a bit per SpeakerKind: more than one
    // when canonical names of different kinds fold alike.
    uint8_t kinds = 0;
  };
  virtual ~NameSource() = default;
  // The numbers of the names holding `word`.
  virtual std::span<const uint32_t> names_holding(const std::string& word) const = 0;
  // The numbers of the names whose words are exactly `words` (one per segment that has it).
  virtual std::span<const uint32_t> names_named(const std::vector<std::string>& words) const = 0;
  virtual const Name& name(uint32_t n) const = 0;
  // How many statements the name has, deleted ones included.
  virtual uint64_t statement_count(uint32_t n) const = 0;
  // Adds each live statement of the name to `forms`, as add_statement()
  // would, or by month (count_months) where the index keeps months.
  virtual void add_statements(uint32_t n, Forms& forms) const = 0;
  // The articles of a form counted by month (resolve()'s ArticlesOf).
  virtual std::vector<uint64_t> articles_of(const Form& form) const = 0;
};

// The resolution of the forms whose identities widen a speaker: condition of
// these words (widen_speaker_node) exactly as a resolution of every form
// would. Nothing when the forms taken hold more than `budget` statements:
// then resolving every name costs little more.
std::optional<Resolution> resolution_for_phrase(const std::vector<std::string>& phrase, const NameSource& source,
                                                uint64_t budget);

}  // namespace attache::query::identity
