// How likely a tagged statement is right: logistic regression over what the
// tagger and the speaker resolution say about it, fitted on statements
// extracted from articles the tagger was not trained on (so its figures hold
// for unseen text). Its probability is a statement's confidence.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace attache::indexer::attribution {

// What is known about one statement when it is extracted.
struct StatementEvidence {
  float source_margin = 0, cue_margin = 0, content_margin = 0;  // the tagger's mean margins
  uint32_t source_words = 0, cue_words = 0, content_words = 0;
  int kind = 0;                 // StatementKind
  int speaker = 0;              // how the speaker resolved: 0 as written only, 1 full name, 2 one name,
                                // 3 pronoun, 4 role noun, 5 group
  bool relative = false;        // the source is "who", "which" or "that"
  bool possessive = false;      // "Clinton's", "his"
  bool lexicon_cue = false;     // the cue holds a word of the cue lexicon
  bool said = false;            // ... and it is "say"
  bool inverted = false;        // the source follows the cue
  uint32_t source_cue_gap = 0;  // words between them
  bool content_before = false, content_after = false;  // relative to the cue
  bool continuation = false;    // content in a paragraph after the cue's
  bool colon = false;           // a colon after the cue opens the content
  bool content_untagged = false;  // the clause before the source, left out by the tagger
  bool source_subject = false;  // the sentence's subject, taken where the tagger found no source
  int cue_base = -1;            // which of kCalibratedCues the cue's verb is, -1 for none of them
  bool cue_modal = false;       // "has", "will", "could", "to" in the cue: an act not (yet) a statement
  bool cue_preposition = false;  // the cue ends at a preposition ("said of", "calling for"): a topic follows
  bool content_infinitive = false;  // the content opens with "to" ("urging them to ...")
  bool source_capitalized = false;  // the source's first word
  bool source_digit = false;        // "Six in 10 Republicans", "37 percent of Americans": a poll's figures
  bool source_definite = false;     // "The minister", "the statement": someone or something written about before
  bool pronoun_body = false;        // "it" or "they", which stand for a body or a group
  bool speaker_unnamed = false;     // resolved to no name: a description ("analyst", "statement") or nothing
  bool pronoun_contested = false;   // "he said" after two men were named
  bool role_inferred = false;       // "the Russian president" resolved to no one introduced in that role
  bool content_question = false;    // "whether ...", "how many ...": a question asked or not answered
};

// The cue verbs common enough that the calibrator weighs each on its own.
inline constexpr const char* kCalibratedCues[] = {"say", "tell", "add", "write", "call", "ask", "report",
                                                  "note", "claim", "argue", "explain", "warn", "describe", "accord"};

std::vector<float> calibration_features(const StatementEvidence& e);

class Calibrator {
 public:
  Calibrator() = default;
  Calibrator(std::vector<float> weights, float threshold) : weights_(std::move(weights)), threshold_(threshold) {}
  // Fits by full-batch gradient descent (deterministic).
  static Calibrator fit(const std::vector<std::vector<float>>& features, const std::vector<bool>& right, float threshold);

  float probability(const StatementEvidence& e) const;
  // Statements less likely than this to be right are not kept.
  float threshold() const { return threshold_; }
  const std::vector<float>& weights() const { return weights_; }

 private:
  std::vector<float> weights_;
  float threshold_ = 0;
};

}  // namespace attache::indexer::attribution
