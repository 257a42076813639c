// Runs of the tagger's labels (a source, a cue or content, word to word), and
// a reading of labels that the grouping (tagged_attributions.cc) starts from.
#pragma once

#include <cstdint>
#include <vector>

#include "tagger.h"
#include "words.h"

namespace attache::indexer::attribution {

struct Run {
  Part part;
  uint32_t first, last;
  float margin;  // mean over the run's words
};

// The runs of one part each, in order.
std::vector<Run> runs_of(const std::vector<Word>& w, const std::vector<uint8_t>& labels, const std::vector<float>& margins);

// A preposition or conjunction that opens a clause or an adjunct ("until", "after", "in").
bool opens_clause(const Word& word);
// Cuts a source run [first, last] down to the source: "as", "and", "but" closing it, a
// preposition or conjunction opening it, "was quoted ..." and a dateline go.
void trim_source(const std::vector<Word>& w, uint32_t& first, uint32_t& last);
// "night", "morning", "week": the part of a "last night" or "Monday morning" that names a time.
bool names_part_of_time(const Word& word);
// Words between two runs (0 when they overlap).
int gap(const Run& a, const Run& b);

// Joins two source runs the tagger split around a few unlabelled words before a cue.
void join_broken_sources(const WordStream& stream, std::vector<uint8_t>& labels);
// "The United States and Japan said", "Russia, China and Iran said": a source after "and", or
// holding the "and" of a list, takes in the names that open its sentence before it.
void join_coordinated_sources(const WordStream& stream, std::vector<uint8_t>& labels);
// "23 percent who said the talks should stop": a relative pronoun just before a cue, outside
// quotation marks, is its subject, whatever the tagger took it for (often the content before).
void mark_relative_subjects(const WordStream& stream, std::vector<uint8_t>& labels);
// "... especially travel: “There is a mountain of forms,” she said.": a quotation closed just
// before a speaker and a cue is theirs, where the tagger ran the content before it into it.
void split_content_at_attributed_quotations(const WordStream& stream, std::vector<uint8_t>& labels);
// "The so-called peacekeepers have not been seen": an auxiliary alone is no cue of saying.
void drop_auxiliary_cues(const WordStream& stream, std::vector<uint8_t>& labels);

// "..., the spokesman said, without elaborating.": a phrase of "without" and a participle after a
// cue or its source is how it was said, not what.
void drop_circumstances_after_cues(const WordStream& stream, std::vector<uint8_t>& labels);

// "said the detained were safe but declined to say when they would be freed": a refusal joined by
// "but" is the speaker's second predicate, which ends what was said.
void end_contents_at_refusals(const WordStream& stream, std::vector<uint8_t>& labels);
// "The Trump administration announced", "The joint statement said": an institution's noun, or a
// document's before the cue's verb, after the source is the source's, not the cue's.
void take_institution_nouns_into_sources(const WordStream& stream, std::vector<uint8_t>& labels);
// "NEW DELHI: India on Thursday asked ...": a dateline's words are no source, whatever the tagger
// read; the sentence's subject after it is.
void drop_dateline_sources(const WordStream& stream, std::vector<uint8_t>& labels);
// "Siniora, asked whether the government would disarm Hizbullah, said the matter ...": "asked"
// between the subject's comma and the comma before its own cue is a question put to the subject,
// no statement of theirs.
void drop_questions_put_to_subjects(const WordStream& stream, std::vector<uint8_t>& labels);
// "“We had a very full exchange,” Dr. Kissinger told newsmen at the airport before flying to
// Jerusalem, “and I believe ...”": a participle after "before", "after", "while" or "without" that
// is no verb of saying, after the cue of a quotation's first part, says when, not what was said; the
// quotation after it is the split quotation's second part.
void drop_cues_of_circumstances(const WordStream& stream, std::vector<uint8_t>& labels);
// A participle after an article describes a noun ("a written response", "the stated aim"): no cue.
void drop_adjectival_cues(const WordStream& stream, std::vector<uint8_t>& labels);
// "had spoken to Angela Merkel, the German Chancellor, by telephone": "by" after its source is no
// cue ("a statement by the Chancellor" puts the source after it).
void drop_cues_of_a_preposition_after_source(const WordStream& stream, std::vector<uint8_t>& labels);
// "he was shocked by the targeting of a UN observer post in Khiam": inside what was said, a noun
// phrase after a preposition is its object, not a source, and the noun after it ("post") no cue.
void drop_sources_after_prepositions_in_content(const WordStream& stream, std::vector<uint8_t>& labels);
// "A statement carried by the state news agency in July accused ...": a document and the agent
// who issued it, opening the sentence before a cue the tagger gave no source, are its source.
void read_issued_document_subjects(const WordStream& stream, std::vector<uint8_t>& labels);
// "He stressed that the political roadmap announced on 3 July was not up for negotiation", "said
// new sanctions, announced on the eve of the meeting, were": a noun and a participle inside what
// another cue says, going on to the sentence's verb, are a reduced relative clause, not a source and
// its cue; they are content.
void read_reduced_relatives_as_content(const WordStream& stream, std::vector<uint8_t>& labels);
// "we will not allow anyone to slam the door", "urged Congress to denounce it": a cue in the
// infinitive whose source is the object of the verb before it says what someone may or should
// say, not what was said; neither it nor what follows it is an attribution.
void drop_cues_of_objects(const WordStream& stream, std::vector<uint8_t>& labels);
// "By the end of the day, Mr. Trump was forced into damage control and said": an honorific
// does not end a source; the capitalised name after it is the source's, where the tagger
// opened the content or the cue with it.
void complete_honorific_sources(const WordStream& stream, std::vector<uint8_t>& labels);
// "“...,” declared the head of French diplomacy, after ...": an article alone after its cue opens
// a source the tagger cut there; it runs to the comma or the sentence's end.
void complete_article_sources(const WordStream& stream, std::vector<uint8_t>& labels);
// "“There are more candidates in New Hampshire,” added another New Hampshire Republican.",
// "London was the financial capital of the world, according to one global index.": after what
// was said and the cue that closes it, the noun phrase that ends the sentence (or opens an
// apposition) is who spoke, where the tagger took it for content or left it out.
void read_sources_after_closing_cues(const WordStream& stream, std::vector<uint8_t>& labels);
// "said Russia was ready for a second round of talks with Ukraine but accused ...", "by the
// targeting of a UN observer post in Khiam, where ...": a content the tagger ended inside a noun
// phrase goes on over the words it left out, to the clause's end (a mark, a conjunction, a
// subordinator or another attribution's words; a relative clause without a comma is the noun's).
void extend_contents_cut_inside_clauses(const WordStream& stream, std::vector<uint8_t>& labels);

// "said Russia was committing genocide in an interview with CBS News on Sunday": the interview,
// statement or post closing a content is how it was said, not what.
void drop_occasions_ending_contents(const WordStream& stream, std::vector<uint8_t>& labels);
// "France would withdraw its roughly 1,500 soldiers from Niger": a comma between a number's digits
// does not end what was said; the content goes on over the number and the words after it that the
// tagger left out, to the clause's end.
void join_content_across_number_commas(const WordStream& stream, std::vector<uint8_t>& labels);
// "Izvestia quoted a senior official as saying that ...": the one quoted is the source of
// "as saying", not the start of what the newspaper said.
void read_quoted_as_saying(const WordStream& stream, std::vector<uint8_t>& labels);

}  // namespace attache::indexer::attribution
