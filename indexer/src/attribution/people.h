// The people of an article and who a speaker phrase stands for: names to the
// person they name, surnames and honorifics to the person with that surname,
// pronouns to the latest speaker of that gender, role nouns ("the minister")
// to the person introduced in that role. Institutions and collectives stay so.
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "noun_phrases.h"

namespace attache::indexer::attribution {

struct Person {
  std::string first, surname;
  int gender = 0;
  std::set<std::string> roles;
  std::set<int> nations;  // of the titles ("Russian Foreign Minister"): "the Turkish minister" is someone else
  int last_seen = -1;
  bool seen_as_subject = false;  // mentioned first in last_seen's sentence
  int previous_seen = -1;  // before last_seen's sentence
  int last_spoke = -1;
  int mentions = 0;  // by name, so that a bare surname goes to the one the article is about
  bool family_first = false;  // "Kang Kyung-wha": the family name is written first
  std::string canonical() const {
    return first.empty() ? surname : family_first ? surname + " " + first : first + " " + surname;
  }
};

struct Speaker {
  std::string written;    // as the article has it; resolve() leaves it to the caller
  std::string canonical;  // the person's full name, or the collective
  bool group = false;
  bool contested = false;  // a "he" or "she" another person of that gender was nearly as recent for
  bool role_inferred = false;  // a role ("the minister") no one was introduced in, given to whom the context points
};

// Follows the people of one article sentence by sentence: the current
// sentence is that of the NounPhrases given.
class People {
 public:
  explicit People(const NounPhrases& phrases)
      : phrases_(phrases), w_(phrases.words()), headline_end_(headline_end(phrases.words())) {}

  // Names with a title, an honorific or an apposition in the current
  // sentence, wherever they occur, and a role that opens it ("The ambassador
  // met the press"), so later pronouns and role nouns can find them.
  void note_names();
  // Who the phrase stands for, or an empty canonical name when no one; the
  // person, if any, has spoken in the current sentence. A bare surname shared
  // by people of both genders goes to the one of `likely_gender` (1 male, 2
  // female, 0 unknown) when the text suggests it ("Clinton said she").
  Speaker resolve(const Phrase& p, int likely_gender = 0);
  // A speaker described and never named ("the representative of France") spoke in the current
  // sentence: a later "he" or "she" may stand for the description.
  void note_described_speaker(std::string canonical);
  // Speakers described in the plural ("the officials") spoke: a later "they" may stand for them.
  void note_described_group(std::string canonical) {
    last_group_ = std::move(canonical);
    last_group_sentence_ = static_cast<int>(phrases_.sentence());
  }
  // "U.S. officials said ... One said", "One of them said": the group that spoke in this sentence
  // or the one before, one of whom the source first..last (right before its cue, `cue`) names;
  // empty when it names someone else ("Another child") or no group spoke just before.
  std::string group_of_one(uint32_t first, uint32_t last, uint32_t cue) const;
  // "The two ministers said", "the two sides said": the two people named in this sentence, or, when
  // none was, in the one before ("Mr Downer met Mr Ali Alatas ... The two ministers said"), as
  // "A and B"; empty when the source first..last is no such phrase or not two were named.
  std::string pair_of_two(uint32_t first, uint32_t last) const;
  bool anyone_named() const { return !people_.empty(); }
  // A body or a document described, not named, spoke ("The joint statement said"): an "it" in the
  // next sentence may stand for it ("It added"), not one after another subject ("Barclays disputed
  // the findings. It said ...").
  void note_described_body(std::string canonical) {
    described_body_ = std::move(canonical);
    described_body_spoke_ = static_cast<int>(phrases_.sentence());
  }
  // The canonical name of whom "his" (gender 1) or "her" (gender 2) stands for, as "he" or "she"
  // would, without counting it as speaking; empty when no one.
  std::string owner_of(int gender) {
    const Person* owner = latest_of_gender(gender, false);
    return owner ? owner->canonical() : std::string();
  }
  // Gives the person of this canonical name, introduced in no role, the role a description of a
  // nation's office names ("Turkey's foreign minister"); false, and nothing given, when there is no
  // such person, they hold a role already, or the description names no nation or another than theirs.
  bool take_role(const std::string& canonical, const std::string& description);
  // Has someone been introduced in exactly this role ("diplomat"), not in a synonym of it?
  bool introduced_exactly_as(const std::string& role) const {
    return std::any_of(people_.begin(), people_.end(), [&](const Person& c) { return c.roles.count(role) > 0; });
  }
  // "The Saudi Foreign Ministry said ... the ministry wrote": the latest institution that spoke
  // (note_institution) whose words as written hold every lower-case word from `first` (after
  // "the") to the body's noun at `last`; null when none.
  const std::string* named_institution(uint32_t first, uint32_t last) const;
  // A body that spoke, as the article wrote it ("Iran's official news agency IRNA"), for a later
  // "the agency".
  void note_institution(const std::string& canonical, std::string_view written);
  // Does the article write this word in lower case somewhere ("white" for "White House")?
  bool written_in_lower_case(std::string_view word);
  // Has the article named someone of this surname with a given name?
  bool knows_in_full(const std::string& surname) {
    const Person* p = find_person(surname);
    return p && !p->first.empty();
  }

 private:
  Person* find_person(const std::string& surname, int gender = 0);
  Person* known_by_given_name(const std::string& word);
  Person* known_without_particles(const std::string& surname);
  Person* known_by_first_surname(const std::string& surname);
  Person& person_for(const Phrase& p, int likely_gender = 0);
  // The most recent person a "he" or "she" may be; *contested tells whether another was nearly as recent.
  Person* latest_of_gender(int gender, bool coordinated, int* salience = nullptr, bool* contested = nullptr);
  Person* subject_of_fronted_clause(const Phrase& p, int gender);
  bool may_be_he_or_she(const Person& c);
  Person* introduced_as(const Phrase& p);
  std::optional<Phrase> office_of_place(const Phrase& p) const;
  std::optional<std::string> body_of_acronym(const Phrase& p) const;
  Person* surname_of_someone(const std::string& word);
  uint32_t role_before_name(uint32_t i, uint32_t first, const Phrase& name) const;
  void take_counterpart_roles(Person& person, uint32_t a, uint32_t b);
  Person* head_of(const Phrase& p);
  Person* sole_subject_before(const Phrase& p);
  bool office_of_something(const Phrase& p) const;  // "the president of the Security Council"
  void note_role_subject();
  void note_subject_pronoun();
  bool described_outweighs(int salience, int gender) const;

  const NounPhrases& phrases_;
  const std::vector<Word>& w_;
  const uint32_t headline_end_;  // a headline's capitals introduce no one ("Spiral of Ethnically Driven Violence, Top Official Tells")
  std::deque<Person> people_;  // a deque, so a Person& stays valid while more people are added
  std::string last_group_;
  int last_group_sentence_ = -1;
  std::string described_speaker_;  // the latest speaker described, not named, and the sentence it spoke in
  int described_spoke_ = -1;
  int described_gender_ = 0;  // 1 "spokesman", 2 "spokeswoman", 0 not said
  struct SubjectPronoun {
    uint32_t word = UINT32_MAX;
    Person* person = nullptr;
    bool contested = false;
  } subject_pronoun_;  // the current sentence's subject "he" or "she", resolved before its names
  std::string last_institution_;  // the latest group that is one body ("the Kremlin"), for "it"
  std::string described_body_;    // the latest body or document described that spoke, and the sentence
  int described_body_spoke_ = -2;
  struct NamedInstitution {
    std::string canonical;  // "IRNA"
    std::string words;      // as written, in lower case: "iran's official news agency irna"
  };
  std::vector<NamedInstitution> named_institutions_;  // bodies that spoke under a name, in order
  std::unordered_set<std::string_view> lower_case_words_;  // of the article (views into w_), read on first need
};

}  // namespace attache::indexer::attribution
