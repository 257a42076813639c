// Speakers' names as names: what an article writes before a name (titles,
// offices, parties, places, honorifics) becomes the speaker's description,
// words that are no name ("To Sexton", "Does Rubio") are dropped, and each
// speaker gets a kind (person, group, organisation, publication).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "attache/indexer/statements.h"

namespace attache::indexer::attribution {

struct SpeakerName {
  std::string name;         // "Ted Cruz"; the phrase itself for what is not a person
  std::string description;  // "Texas Sen."; empty when nothing usable came before the name
  SpeakerKind kind = SpeakerKind::person;
};

// Whether a word of an article is a common word rather than a name: it occurs
// in lower case more often than capitalised inside a sentence.
class CommonWords {
 public:
  explicit CommonWords(std::string_view text) : text_(text) {}
  bool is_common(std::string_view word) const;

 private:
  std::string_view text_;
};

// Whether any word of a phrase is written as a name is: a capital, or a letter of another script
// ("Öcalan", "Лавров"), as speakers' names are read.
bool has_capital(std::string_view phrase);
// Whether a capitalised word is one that opens sentences rather than names anyone
// ("Following", "Some", "One"): the [stray] list of speaker_words.txt.
bool is_stray_word(std::string_view word);
// Whether a word names a place or a people ("Ohio", "Hampshire", "Russian"): the [place] list.
bool is_place_word(std::string_view word);
// Whether a word names a party or a political side ("Republican", "Democrat"): the [party] list.
bool is_party_word(std::string_view word);
// Whether a word ends a name as its suffix ("Jr.", "III", "3d"): the [suffix] list.
bool is_name_suffix(std::string_view word);
// Whether a word names a publication or an organisation, or ends such a name ("Reuters", "NATO",
// "Times"): the [publication], [organisation] and [publication-head] lists.
bool is_publication_word(std::string_view word);
// A word of a publication's or a broadcaster's name alone ("Xinhua", "Radio", "Times").
bool is_publication_name_word(std::string_view word);

// One speaker phrase as the extractor resolved it ("Texas Sen. Ted Cruz").
// `group` is the extractor's judgement that it is an institution or collective.
SpeakerName analyse_speaker(std::string_view phrase, bool group, const CommonWords& common);

// Of a speaker phrase as written, the part that names the person called `name`
// with what stands before the name (commas separate the parts).
std::string naming_clause(std::string_view written, std::string_view name);

// "Turkey's foreign minister says ... Mevlut Cavusoglu told reporters ...": a speaker described
// by a role, then named in full for the first time by the next statement of the same paragraph
// (with that role or none), is that person (named_after_description.cc).
void name_described_speakers(std::string_view text, std::vector<Statement>& statements);

}  // namespace attache::indexer::attribution
