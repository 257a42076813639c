// Whom "he" and "she" stand for: the sentence's subject pronoun, a role opening a sentence, the
// latest person of a gender by salience, and a speaker described but never named (people.h).
#include <algorithm>
#include <cstdint>

#include "lexicon.h"
#include "people.h"
#include "person_roles.h"
#include "speaker_names.h"

namespace attache::indexer::attribution {
namespace {

// The weight of one sentence in a person's salience: who spoke in a sentence (4) or opened it as
// its subject (5) outweighs who was named in it, not who was named in a later one.
constexpr int kSpoke = 6;

}  // namespace

// "Zarif has kept his admiration within limits. When I asked him whether he trusted Kerry, he
// paused. "Trust is not the word," he said.": a "he" or "she" that is a sentence's subject (opening
// it, or its main clause after a fronted one) keeps its person the one the article is about, as a
// name there would; Kerry, named after it, is not whom the next "he" stands for. Resolved as a
// speaker would be (the sentence's own names count only as the fronted clause's subject), and the
// same when the pronoun turns out to be one.
void People::note_subject_pronoun() {
  subject_pronoun_ = {};
  const uint32_t first = phrases_.sentence_first(), end = phrases_.sentence_end();
  uint32_t k = next_word(w_, first, end);
  if (k >= end) return;
  if (is_subordinator(w_[k].text))
    while (k < end && !(w_[k].kind == WordKind::comma && w_[k].quote < 0)) ++k;
  k = next_word(w_, k, end);
  if (k >= end || !phrases_.outside_quotes(k) || !(w_[k].is("He") || w_[k].is("he") || w_[k].is("She") || w_[k].is("she")))
    return;
  Phrase p;
  p.type = PhraseType::pronoun;
  p.first = p.last = k;
  const int gender = lowered(w_[k].text) == "he" ? 1 : 2;
  bool contested = false;
  Person* person = subject_of_fronted_clause(p, gender);
  if (!person) {
    int salience = INT32_MIN;
    person = latest_of_gender(gender, false, &salience, &contested);
    if (described_outweighs(salience, gender)) return;
  }
  if (!person) return;
  const int sentence = static_cast<int>(phrases_.sentence());
  if (person->last_seen != sentence) person->previous_seen = person->last_seen;
  person->last_seen = sentence;
  person->seen_as_subject = true;
  subject_pronoun_ = {k, person, contested};
}

// "Senator Fulbright ... The senator met the press. Asked about the embargo, he replied": a
// role that opens a sentence is its subject, and when it is the role someone was introduced in,
// that person is whom a later "he" or "she" stands for. (A role nobody was introduced in is left
// alone: "the GOP candidate" may well be the man named three paragraphs up.)
void People::note_role_subject() {
  const uint32_t first = phrases_.sentence_first();
  if (first >= phrases_.sentence_end()) return;
  const Phrase p = phrases_.starting_at(first);
  if (p.type != PhraseType::role || p.first != first || possessive(w_[p.last].text)) return;
  Person* person = introduced_as(p);
  if (!person) return;
  const int sentence = static_cast<int>(phrases_.sentence());
  if (person->last_seen != sentence) person->previous_seen = person->last_seen;
  person->last_seen = sentence;
  person->seen_as_subject = true;
}

// "he" or "she" is a person. A name of no known gender that has not spoken and was given no
// title or role is taken for one unless its last word is a place's ("California") or a word the
// article also writes in lower case ("White House", "Affordable Care Act": a capitalised common
// noun heads an institution's name, rarely a person's), or it is an adverb ("Politically").
bool People::may_be_he_or_she(const Person& c) {
  if (c.gender != 0 || c.last_spoke >= 0 || !c.roles.empty()) return true;
  const std::string head = c.surname.substr(c.surname.rfind(' ') + 1);
  if (is_place_word(head) || (c.first.empty() && opens_adverbial(head, true))) return false;
  return !written_in_lower_case(lowered(head));
}


// The most recent person a "he" or "she" may be: speakers before the merely
// mentioned, people named in this very sentence (objects: "asked whether ...
// Mr. Putin, he said") not at all unless the sentence's subject goes on in a
// clause joined to it ("Smith spoke for an hour, and then he added", "a day after
// he said"), unknown gender last, and never a name no one could call he or she.
Person* People::latest_of_gender(int gender, bool coordinated, int* salience, bool* contested) {
  const int sentence = static_cast<int>(phrases_.sentence());
  Person* best = nullptr;
  int best_key = INT32_MIN, second_key = INT32_MIN;
  for (Person& c : people_) {
    if (c.gender != gender && c.gender != 0) continue;
    if (!may_be_he_or_she(c)) continue;
    if (coordinated && c.last_seen == sentence && c.seen_as_subject) return &c;
    int seen = c.last_seen < sentence ? c.last_seen : c.previous_seen;
    int spoke = c.last_spoke;
    if (seen < 0 && spoke < 0) continue;
    bool subject = c.last_seen < sentence && c.seen_as_subject;
    int key = std::max(kSpoke * spoke + 4, kSpoke * seen + (subject ? 5 : 0)) - (c.gender == 0 ? 1 : 0);
    if (key > best_key) {
      second_key = best_key;
      best_key = key;
      best = &c;
    } else {
      second_key = std::max(second_key, key);
    }
  }
  if (salience) *salience = best_key;
  // Another seen or heard within the sentence of the best: the reader must choose.
  if (contested) *contested = best && second_key != INT32_MIN && best_key - second_key < kSpoke;
  return best;
}

// A speaker described, of the pronoun's gender if it says one, who spoke after the best person a
// pronoun could stand for was last seen.
bool People::described_outweighs(int salience, int gender) const {
  return described_spoke_ >= 0 && kSpoke * described_spoke_ + 4 > salience &&
         (described_gender_ == 0 || described_gender_ == gender);
}

void People::note_described_speaker(std::string canonical) {
  // "the ministry spokesman" is he, "the spokeswoman" she; "the representative of France" either.
  described_gender_ = 0;
  for (const std::string& written : split_words(canonical)) {
    const std::string word = lowered(written);
    if (is_role_noun(word) && word.ends_with("woman")) described_gender_ = 2;
    else if (is_role_noun(word) && word.ends_with("man")) described_gender_ = 1;
  }
  described_speaker_ = std::move(canonical);
  described_spoke_ = static_cast<int>(phrases_.sentence());
}




// "When Emmanuel Macron arrived in Berlin on Monday, he said": "he" or "she" right after the comma
// of a fronted clause stands for the person the clause opens with, its subject (not in "After
// meeting Macron, he said", whose clause has no subject of its own).
Person* People::subject_of_fronted_clause(const Phrase& p, int gender) {
  constexpr uint32_t kSubjectWithin = 5;  // "When my Ukrainian counterpart Dmytro Kuleba"
  const uint32_t first = phrases_.sentence_first();
  if (p.first < first + 3 || w_[p.first - 1].kind != WordKind::comma || !is_subordinator(w_[first].text)) return nullptr;
  // "If Trump wins again, he said, democracy is at risk": a cue set off by commas makes the clause
  // part of what was said.
  if (p.last + 2 < w_.size() && w_[p.last + 2].kind == WordKind::comma) return nullptr;
  const std::string& next = w_[first + 1].text;
  if (next.ends_with("ing") || next.ends_with("ed")) return nullptr;
  for (uint32_t k = first + 1; k + 1 < p.first && k <= first + kSubjectWithin; ++k) {
    if (w_[k].kind != WordKind::word) return nullptr;
    // Before the name, only what describes it: "my Ukrainian counterpart", "the French president".
    const std::string lower = lowered(w_[k].text);
    if (!phrases_.name_like(k)) {
      if (is_article(lower) || lower == "my" || lower == "our" || lower == "his" || lower == "her" || is_role_noun(lower))
        continue;
      return nullptr;
    }
    uint32_t e = k;
    while (e + 2 < p.first && phrases_.joins_right(e)) ++e;
    const Phrase named = phrases_.classify_run(k, e);
    if (named.type != PhraseType::name) {
      k = e;
      continue;
    }
    Person* c = find_person(named.names.back());
    return c && (c->gender == gender || c->gender == 0) && may_be_he_or_she(*c) ? c : nullptr;
  }
  return nullptr;
}

std::string People::pair_of_two(uint32_t first, uint32_t last) const {
  const bool two = last == first + 2 && (w_[first].is("the") || w_[first].is("The")) && w_[first + 1].is("two") &&
                   w_[last].kind == WordKind::word && !w_[last].capitalized && w_[last].text.ends_with("s");
  if (!two) return {};
  // "the two sides", "the two leaders", or a role one of them holds ("the two ministers" after
  // "the Foreign Minister, Mr Downer"), not "the two voters" after Trump and Sanders.
  const std::string noun = lowered(w_[last].text);
  const std::string role = noun.substr(0, noun.size() - 1);
  const bool any_two = noun == "sides" || noun == "leaders" || noun == "men" || noun == "women";
  const int sentence = static_cast<int>(phrases_.sentence());
  for (const int seen : {sentence, sentence - 1}) {
    std::vector<const Person*> named;
    for (const Person& c : people_)
      if (c.last_seen == seen) named.push_back(&c);
    if (named.empty()) continue;
    if (named.size() == 2 && (any_two || has_role(*named[0], role) || has_role(*named[1], role)))
      return named[0]->canonical() + " and " + named[1]->canonical();
    return {};
  }
  return {};
}

}  // namespace attache::indexer::attribution
