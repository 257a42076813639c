// Who said it: a tagged attribution's source resolved to its speaker, the noun
// phrase of the source (noun_phrases.cc) followed to the person or collective
// it names (people.cc), in the sentence the phrases are set to. Internal to
// attribution; the extractor (extractor.cc) asks it for each statement.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "anonymous_sources.h"
#include "body_mentions.h"
#include "calibrator.h"
#include "document_mentions.h"
#include "noun_phrases.h"
#include "people.h"
#include "tagged_attributions.h"
#include "words.h"

namespace attache::indexer::attribution {

// "who", "whom", "whose", "which", "that": where a source's head ends ("Sen. Jim Whelan who represents
// Atlantic City").
bool opens_relative_clause(const Word& word);

class SourceSpeakers {
 public:
  SourceSpeakers(const NounPhrases& phrases, People& people)
      : phrases_(phrases), people_(people), w_(phrases.words()), documents_(phrases), bodies_(phrases) {}

  // The speaker of a tagged attribution: the noun phrase of its source, resolved to a person or
  // collective; else the source as written. Notes in e how it resolved (relative, possessive,
  // speaker).
  Speaker speaker_of(const TaggedAttribution& t, StatementEvidence& e);

  // Whether a source of words [first, last] is a word the tagger took in, not a speaker
  // ("Having announced ...", "So says ...").
  bool word_taken_for_speaker(uint32_t first, uint32_t last);
  // Whether a one-word source that resolved to a name is an adverb opening the sentence
  // ("Publicly, ...").
  bool adverb_taken_for_name(uint32_t first, uint32_t last);

  // Notes the documents and bodies the current sentence mentions ("signed the Pyongyang
  // Declaration", "Radio Budapest broadcast") and the author of a document it says was issued ("The
  // Security Council issued a statement"), for a later "the statement", "the document", "it" or "the
  // station".
  void note_mentions();

 private:
  bool article_at(size_t k) const;
  bool brackets_after_name(uint32_t k, uint32_t last) const;
  bool verb_after(uint32_t first, uint32_t k) const;
  std::optional<std::pair<uint32_t, uint32_t>> document_author(uint32_t first, uint32_t last) const;
  Phrase source_head(uint32_t first, uint32_t last) const;
  Phrase body_named_with_and(Phrase p, uint32_t first) const;
  bool entourage_before(uint32_t first, uint32_t head_last) const;
  Phrase named_in_apposition(uint32_t first, uint32_t head_last, uint32_t last) const;
  std::optional<Phrase> head_after_object(const Phrase& p, uint32_t first, uint32_t last) const;
  bool inside_prepositional_phrase(uint32_t source_first) const;
  bool inside_relative_clause(uint32_t source_first) const;
  uint32_t comma_before_participial_phrase(uint32_t source_first, uint32_t source_last, uint32_t cue_first) const;
  Phrase antecedent(uint32_t relative) const;
  bool adverb_source(const TaggedAttribution& t) const;
  bool object_before_participle(const TaggedAttribution& t) const;
  uint32_t subject_start(uint32_t source_first) const;
  Phrase named_before_apposition(uint32_t source_first) const;
  uint32_t after_fronted_adverbial(uint32_t first, uint32_t last) const;
  uint32_t after_coordinated_clause(uint32_t first, uint32_t last) const;
  Phrase described_group_before(int k) const;
  bool opens_with_owner(uint32_t description) const;
  bool capitalised_inside_a_sentence(uint32_t k) const;
  void note_described_subject();
  std::vector<std::string> words_between(uint32_t first, uint32_t last) const;
  int reported_gender(const TaggedAttribution& t) const;
  Phrase subject_speaking_instead(const TaggedAttribution& t, bool relative) const;
  std::string description_text(uint32_t a, uint32_t b) const;
  bool described_by_all(uint32_t first, uint32_t last) const;
  uint32_t document_named(const TaggedAttribution& t) const;
  bool same_document(uint32_t word, uint32_t first, uint32_t last) const;
  bool may_speak_with_others(const Phrase& p);
  std::vector<Phrase> speakers_before(uint32_t first, uint32_t joint);
  void join_coordinated_speaker(const TaggedAttribution& t, const Phrase& head, Speaker& s);
  bool definite_document(uint32_t first, uint32_t last) const;

  const NounPhrases& phrases_;
  People& people_;
  const std::vector<Word>& w_;
  AnonymousSources anonymous_;
  DocumentMentions documents_;
  BodyMentions bodies_;
  Speaker document_author_;  // who issued the latest document an attribution named ("said in a statement")
  uint32_t document_word_ = UINT32_MAX;  // its noun, in the words
  // How often each word is written after another word of its sentence, counted on first use.
  mutable std::unordered_map<std::string_view, uint32_t> inside_sentences_;
  mutable bool inside_sentences_counted_ = false;
  Speaker body_;          // the latest body that spoke ("Cairo radio said"), for "The broadcast added"
  int body_spoke_ = -2;   // in this sentence
};

}  // namespace attache::indexer::attribution
