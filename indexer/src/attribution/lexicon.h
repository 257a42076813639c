// The reporting-cue lexicon (indexer/data/reporting_verbs.txt, compiled in) and
// the word lists of the attribution rules (indexer/data/attribution_words.txt, one
// section each; each accessor's comment names its section). Words match exactly,
// case included: a caller asking about a lower-case word lowers it first.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace attache::indexer::attribution {

struct Word;

struct Cue {
  std::string base;  // the first form listed, e.g. "say"
};

// The cue a lower-case word form belongs to, or nullptr.
const Cue* find_cue(std::string_view word);

// [title-word] Words that make up titles ("Deputy", "Foreign", "Minister", "of", "State").
bool is_title_word(std::string_view word);
// [nationality] Nationality and place adjectives that may precede a title ("Russian President").
bool is_nationality(std::string_view word);
// [nationality], [nationality-alias] The nation a word names ("Russian", "Russia", "Moscow" are
// one; "U.S." and "American" another), as a number; 0 for none.
int nation_of(std::string_view word);
// [male-honorific], [female-honorific], [honorific] Mr., Ms., Mrs., M., Dr. and the like;
// sets gender to what the form says: 1 male, 2 female, 0 unknown.
bool is_honorific(std::string_view word, int& gender);
// [male-name], [female-name] Given names whose gender is clear enough to resolve "he" and "she".
int given_name_gender(std::string_view word);
// [role-noun] Nouns naming a role a person was introduced with ("minister", "analyst").
bool is_role_noun(std::string_view word);
// [group-noun] Plural nouns of collective speakers ("officials", "experts", "diplomats").
bool is_group_noun(std::string_view word);
// [entourage-noun] Plural nouns of the people around someone ("supporters", "aides").
bool is_entourage_noun(std::string_view word);
// [article] "the", "a", "an".
bool is_article(std::string_view word);
// [quantifier] Lower-case words that count people ("some", "many", "others", "three").
bool is_quantifier(std::string_view word);
// [article], [quantifier], [count-word] Lower-case words that open a noun phrase of people or
// things counted ("the agency", "another delegate", "one global index").
bool opens_counted_phrase(std::string_view word);
// [adverbial-opener] A capitalised word opening a sentence's adverbial, before its subject
// ("Like", "But"): the list's words, and words in -ly and -ing before a lower-case word ("Shortly
// afterward", "Having announced"; not "Kelly said", whose next word is the cue, nor "Manning, who").
bool opens_adverbial(std::string_view word, bool lower_case_next);
// [institution] Institutions that speak as such ("Kremlin", "Pentagon", "State Department").
bool is_institution_word(std::string_view word);
// [rank] and the honorifics: titles after which a word is a name ("Mr. Bank", "Lord Home").
bool is_personal_title(std::string_view word);
// [male-rank], [female-rank]: 1 for "Lord", "King", "Sir"; 2 for "Lady", "Queen"; else 0.
int rank_gender(std::string_view word);
// [title-modifier] Lower-case words of a title ("chief", "deputy", "foreign", "prime").
bool is_title_modifier(std::string_view word);
// [group-modifier] Lower-case words before a plural that make it a group ("senior", "u.s.").
bool is_group_modifier(std::string_view word);
// [institution-noun] Lower-case nouns of institutions ("ministry", "kremlin").
bool is_institution_noun(std::string_view word);
// [head-role] Roles of the person who heads an organisation ("chief", "leader").
bool is_head_role(std::string_view word);
// [office-of-state] "president", "chancellor": offices elegant variation names by nation.
bool is_head_of_state_role(std::string_view word);
// [state-name-end] Last words of a state's or union's name ("States", "Union").
bool ends_state_name(std::string_view word);
// [body-name-end] "International" of "Amnesty International".
bool ends_body_name(std::string_view word);
// [thing-name-end], [thing-name-start] Last and first words of names of places, waters, buildings,
// documents and events, which are no one ("the Panama Canal", "Chapter VII").
bool ends_thing_name(std::string_view word);
bool starts_thing_name(std::string_view word);

// [sentence-opener] Capitalised words that open sentences and are no name ("The", "Asked").
bool is_sentence_opener(std::string_view word);
// [opening-conjunction] Words that may open a sentence before its subject ("But", "Still").
bool is_opening_conjunction(std::string_view word);
// [name-particle] Lower-case words inside people's names ("van", "bin").
bool is_particle(std::string_view word);
// [month] Month names ("May").
bool is_month(std::string_view word);
// [chinese-family-name] "Xi" of "Xi Jinping": the surname, written first.
bool is_chinese_family_name(std::string_view word);
// [not-name], [month] Capitalised words that are never a name ("Monday", "It", "June").
bool is_never_a_name(std::string_view word);
// [abbreviation] Abbreviations, written without their period, whose period is theirs ("Gen").
bool keeps_period(std::string_view word);

// Lower-case pronouns, in rings, each the one before with more words:
// [personal-pronoun] "he", "she", "they", "it": the article's people.
bool is_personal_pronoun(std::string_view word);
// "he", "she", "they": the personal pronouns that stand for a speaker ("it" says nothing here).
bool is_speaker_pronoun(std::string_view word);
// [saying-participle] A participle that goes on to report a second statement, followed by a word
// other than a preposition ("adding that ...", "adding the talks would go on"; not "speaking to").
bool goes_on_saying(const Word& word, const Word* next);
// [object-pronoun] The subject pronoun an object pronoun stands for ("him": "he"); empty if none.
std::string_view subject_form(std::string_view word);
// [title-abbreviation] The role noun an abbreviated title stands for ("Gen.": "general"); empty if none.
std::string_view role_of_abbreviation(std::string_view word);
// [office-abbreviation] The office capitals stand for ("PM": "prime minister"); empty if none.
std::string_view office_of_abbreviation(std::string_view word);
// and [first-person-pronoun] "i", "we": subjects.
bool is_subject_pronoun(std::string_view word);
// "Can he confirm ...", "and will the Foreign Secretary tell ...": whether the word before word k
// is an auxiliary or a modal opening a question's clause, its subject at k.
bool asked_after_auxiliary(const std::vector<Word>& w, uint32_t k, uint32_t sentence_first);
// "I", "we", and their contractions ("I'd", "We've").
bool is_first_person(std::string_view word);
// and [second-person-or-relative] "you", "who", "which": no speaker of its own.
bool is_pronoun_or_relative(std::string_view word);
// and [other-pronoun] "whom", "his", "one": a one-word source that speaks for itself.
bool speaks_for_itself(std::string_view word);

// [clause-opener], [clause-joiner] Words joining a clause to the sentence's ("after", "and").
bool joins_clause(std::string_view word);
// [clause-opener], [adjunct-opener] Words opening a run that is not a source ("until", "from").
bool opens_adjunct(std::string_view word);
// [source-joiner] Words closing a source run that join it to its cue ("as", "and", "has").
bool joins_source_to_cue(std::string_view word);
// [adverb], [noun-in-ly] An adverb that may stand between a subject and its verb: the
// list's words, and words in -ly that are not nouns or adjectives ("family", "daily").
bool is_adverb_before_verb(std::string_view word);

// [auxiliary] Auxiliaries ("has", "was", "did").
bool is_auxiliary(std::string_view word);
// [form-of-be] Forms of "be" that make a cue passive ("was", "being").
bool is_form_of_be(std::string_view word);
// [passive-adverb] Adverbs between "be" and its participle ("not", "once").
bool is_passive_adverb(std::string_view word);
// [quoting-verb] Passive cues whose subject spoke ("quoted", "cited").
bool is_quoting_verb(std::string_view word);
// [reading-verb] Verbs of what a text says, cues only when they close its quotation ("reads").
bool is_reading_verb(std::string_view word);
// [document-noun] Documents whose words are their author's ("a statement from the ministry").
bool is_document_noun(std::string_view word);
// [any-document-word] A word that describes any document ("new", "joint", "40-page").
bool describes_any_document(std::string_view word);
// [any-body-word] A word that says what any body is ("regional", "official").
bool describes_any_body(std::string_view word);
// [publication-noun] A noun a publication's name stands for ("the agency", "the station").
bool is_publication_noun(std::string_view word);
// [question-word] A word that opens a question ("whether", "how"; lower case).
bool opens_question(std::string_view word);
// [body-noun-name] A lower-case noun describing a body named before ("station"), a word of such
// names ("Radio"), and whether the noun describes a name holding the word.
bool is_body_noun(std::string_view word);
bool is_body_name_word(std::string_view word);
bool body_noun_describes(std::string_view noun, std::string_view name_word);
// [issuing-verb] "issued" of "the Security Council issued a statement".
bool is_issuing_verb(std::string_view word);
// "his", "her", "its", "their", "our", "my" (lower case).
bool is_possessive_determiner(std::string_view word);
// [question-label], [heading-label] "Q:", "A:", "Note:": labels of paragraphs that name no speaker.
bool is_question_label(std::string_view word);
bool is_heading_label(std::string_view word);
// [reason-opener] "because": a clause of reason after what was said is part of it.
bool opens_reason(std::string_view word);
// [subordinator] A capitalised conjunction opening a sentence's fronted clause ("When", "After").
bool is_subordinator(std::string_view word);
// [people-noun] "people", "person": heads of speaker phrases opened by a count or an article.
bool names_people(std::string_view word);
// [source-description] "familiar", "close": after a noun, which ones speak ("people familiar with").
bool describes_source(std::string_view word);
// [anonymity-word] "identified", "anonymous": what a source asking not to be named asks.
bool is_anonymity_word(std::string_view word);
// [plain-cue] "said", "told": the cues of the plainest sentences of reported speech.
bool is_plain_cue(std::string_view word);
// [second-cue] "demanded", "warned": after "and" inside what was said, a second statement's cue.
bool opens_second_statement(std::string_view word);
// [speaking-occasion] "interview", "post": "in an interview" after what was said is how it was said.
bool is_speaking_occasion(std::string_view word);
// [time-period] "night" of "last night", "week" of "earlier this week".
bool is_time_period(std::string_view word);
// [day-word] "Monday", "today": a day said after a cue.
bool is_day_word(std::string_view word);
// The word after a time phrase opening at `first` and ending before `end` ("Yesterday", "Last
// week", "Earlier this month", "Late last year", "Next Tuesday"; its comma too), or `first` when
// none opens there: the time a sentence opens with is not its subject.
uint32_t past_time_phrase(const std::vector<Word>& w, uint32_t first, uint32_t end);
// [refusal] "declined", "refused": "but declined to say" ends what was said.
bool is_refusal(std::string_view word);
// [withheld] "elaborate", "say": "but did not elaborate" ends what was said.
bool withholds(std::string_view word);
// [addressee-cue] Cue words taking an addressee or a place ("told", "in").
bool takes_addressee(std::string_view word);
// [when-or-where] Words opening when or where something was said ("during", "outside").
bool says_when_or_where(std::string_view word);
// [cue-modal] Modals and auxiliaries in a cue ("would", "has", "to").
bool is_cue_modal(std::string_view word);
// [cue-preposition] Prepositions that may end a cue ("about", "against").
bool is_cue_preposition(std::string_view word);
// [place-preposition] "in", "near": a name after one may be a place's.
bool is_place_preposition(std::string_view word);
// [name-ender] Prepositions that end a name in a source ("in", "near").
bool ends_name(std::string_view word);
// [object-preposition] Prepositions that make the name after them no speaker ("at", "by").
bool is_object_preposition(std::string_view word);

}  // namespace attache::indexer::attribution
