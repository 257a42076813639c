// Who said what: attributed statements found in an article's text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "attache/storage/document.h"

namespace attache::indexer {

enum class StatementKind : uint8_t { direct, reported, mixed };

const char* to_string(StatementKind kind);

// Person, group, organisation or publication; a phrase that is not a name is
// never a person.
using SpeakerKind = storage::SpeakerKind;

struct Statement {
  std::string speaker;    // as written where attributed ("he", "Mr. Ryabkov", "U.S. officials")
  std::string canonical;  // the person or group it resolves to ("Sergei Ryabkov"); empty if unresolved
  std::string cue;        // the reporting verb or phrase ("insisted", "according to", "told reporters")
  StatementKind kind = StatementKind::reported;
  uint32_t begin = 0;     // byte span of the statement in the article text
  uint32_t end = 0;
  float confidence = 0;   // 0..1, the calibrator's probability that the statement is right
  bool group = false;     // an institution or collective ("the Kremlin", "experts"), not a person
  // Set by normalise_speakers (speaker_names.h): canonical is then a name
  // ("Ted Cruz"), with what was written about the speaker before it kept here
  // ("Texas Sen.").
  SpeakerKind speaker_kind = SpeakerKind::person;
  std::string description;
};

// Finds the attributed statements of one article, in text order.
std::vector<Statement> extract_statements(std::string_view text);

// The last step of extract_statements: rewrites one article's statements so
// canonical is a name ("Texas Sen. Ted Cruz" becomes "Ted Cruz", described as
// "Texas Sen."), with speaker_kind set and group kept in step; a bare surname
// joins the one full name of the article ending with it, and a person's
// description, when one statement gives it, is given to all their statements.
void normalise_speakers(std::string_view text, std::vector<Statement>& statements);

}  // namespace attache::indexer
