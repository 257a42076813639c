// Documents an article mentions, with or without an attribution ("the two leaders signed the
// Japan-DPRK Pyongyang Declaration", "Resolution 929 was adopted", "published a new foreign policy
// concept"), so that a later "The document says", "The declaration states" or "It also says" is
// that document. Internal to attribution; SourceSpeakers notes each sentence and asks.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "noun_phrases.h"

namespace attache::indexer::attribution {

struct DocumentMention {
  std::string canonical;  // "Japan-DPRK Pyongyang Declaration", "Resolution 929", "joint statement"
  std::string noun;       // its document noun, lower case: "declaration"
  uint32_t word = 0;      // the noun's index in the words
  uint32_t sentence = 0;
  bool named = false;  // a name ("Resolution 929") or a description that tells it from others ("foreign policy concept")
  bool subject = false;  // it opens its sentence ("The declaration states")
};

class DocumentMentions {
 public:
  explicit DocumentMentions(const NounPhrases& phrases) : phrases_(phrases), w_(phrases.words()) {}

  // Notes the documents mentioned outside quotations in the phrases' current sentence.
  void note_sentence();
  // The document a definite "the <noun>" ending before word `before` stands for: the latest mention
  // of that noun, or of any document for "the text" or "the document"; null if none.
  const DocumentMention* referent(std::string_view noun, uint32_t before) const;
  // The latest document mentioned before word `before`, in the current sentence or the one before
  // it, if it opened its sentence and has a name, for "It says" (not "signed the declaration. It
  // says", where "it" may be either signatory).
  const DocumentMention* named_subject_near(uint32_t before) const;

 private:
  void note(uint32_t noun);
  bool opens_sentence(uint32_t first) const;

  const NounPhrases& phrases_;
  const std::vector<Word>& w_;
  std::vector<DocumentMention> mentions_;
};

// "text" and "document" stand for any document.
bool is_generic_document_noun(std::string_view noun);

}  // namespace attache::indexer::attribution
