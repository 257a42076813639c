// Noun phrases a speaker may be: a capitalised run split into titles and a
// name, pronouns, role nouns with their determiner, collectives with their
// modifiers and the place they sit in.
#include "noun_phrases.h"

#include <algorithm>
#include <cctype>

#include "lexicon.h"
#include "person_roles.h"
#include "speaker_names.h"

namespace attache::indexer::attribution {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_initial(const Word& w) {
  return w.kind == WordKind::word && w.text.size() == 2 && w.text[1] == '.' && std::isupper(static_cast<unsigned char>(w.text[0]));
}


Phrase pronoun_phrase(uint32_t i, const std::string& low) {
  Phrase p;
  p.type = PhraseType::pronoun;
  p.first = p.last = i;
  p.role = low;
  return p;
}

}  // namespace

std::string_view without_owner_mark(std::string_view word) {
  for (std::string_view mark : {"'s", "\u2019s", "'", "\u2019"})
    if (word.ends_with(mark)) return word.substr(0, word.size() - mark.size());
  return word;
}

bool possessive(std::string_view word) {
  return ends_with(word, "'s") || ends_with(word, "\u2019s") || ends_with(word, "s'");
}

bool is_acronym(std::string_view t) {
  const auto letters = std::count_if(t.begin(), t.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
  return t.size() >= 2 && t.size() <= 6 && letters >= 2 &&
         std::all_of(t.begin(), t.end(), [](char ch) { return (ch >= 'A' && ch <= 'Z') || ch == '.'; });
}

bool names_a_place(const Phrase& p) {
  return !p.names.empty() && std::all_of(p.names.begin(), p.names.end(), [](const std::string& n) {
    return is_place_word(n) && !is_institution_word(n);
  });
}

bool NounPhrases::name_like(uint32_t i) const {
  const Word& w = w_[i];
  if (w.kind != WordKind::word) return false;
  int g = 0;
  return w.capitalized || is_honorific(w.text, g) || is_initial(w) || (i > first_ && is_name_suffix(w.text));  // "Baker 3d"
}

// A capitalised sentence opener ("But", "The") that is not part of a title
// ("Under Secretary").
bool NounPhrases::opener(uint32_t i) const {
  if (!is_sentence_opener(w_[i].text)) return false;
  return !(is_title_word(w_[i].text) && i + 1 < w_.size() && is_title_word(w_[i + 1].text));
}

bool NounPhrases::joins_right(uint32_t e) const {
  if (name_like(e + 1)) return true;
  if (w_[e + 1].text == "of") return office_before_of(e) && e + 2 < end_ && name_like(e + 2);
  if (!is_particle(w_[e + 1].text)) return false;
  uint32_t k = e + 1;
  while (k < end_ && is_particle(w_[k].text)) ++k;
  return k < end_ && name_like(k);
}

// "the Foreign Minister of Ukraine", "the Duke of Edinburgh", "the Federal Bureau of
// Investigation": a title, a rank or a body's word that "of" joins to what follows; not a surname after a given name or an initial ("Representative Peter T.
// King of New York").
bool NounPhrases::office_before_of(uint32_t title) const {
  const bool surname = title > first_ && (is_initial(w_[title - 1]) || given_name_gender(w_[title - 1].text));
  return (is_title_word(w_[title].text) || rank_gender(w_[title].text) || is_institution_word(w_[title].text)) && !surname;
}

// "von der" in "Ursula von der Leyen": particles joined to a name before them.
bool NounPhrases::particle_chain_starts_name(int i, uint32_t limit) const {
  while (i >= static_cast<int>(limit) && w_[i].kind == WordKind::word && is_particle(w_[i].text)) --i;
  return i >= static_cast<int>(limit) && name_like(static_cast<uint32_t>(i));
}

// Honorifics, title words, nationalities, lower-case words and owners
// ("Russia's") at the start of the run [a, b] go to p's titles; returns the
// first word after them.
uint32_t NounPhrases::take_titles(uint32_t a, uint32_t b, Phrase& p) const {
  uint32_t k = a;
  for (; k <= b; ++k) {
    const std::string& t = w_[k].text;
    int g = 0;
    if (is_honorific(t, g)) {
      if (g) p.gender = g;
      p.titles.push_back(t);
      continue;
    }
    if (is_title_word(t) || is_nationality(t) || (!w_[k].capitalized && t != "of")) {
      p.titles.push_back(t);
      continue;
    }
    // "Russia's Foreign Minister Sergey Lavrov", "Ohio Gov. John Kasich", "FBI Director James Comey".
    if (k < b && (possessive(t) || (is_place_word(t) && possessive(w_[k + 1].text)) ||
                  ((is_place_word(t) || is_acronym(t)) && is_title_word(w_[k + 1].text)))) {
      p.titles.push_back(t);
      continue;
    }
    break;
  }
  return k;
}

// A role noun or an organisation between the titles and the name
// ("Kremlin spokesman Dmitry Peskov", "European Council on Foreign
// Relations analyst Kaja Liik", "Carnegie Endowment Dmitri Trenin"): the
// person is the capitalised words after the last of them. Returns where the
// person's name starts, k when nothing comes between.
uint32_t NounPhrases::person_start(uint32_t k, uint32_t b) const {
  uint32_t name_start = k;
  for (uint32_t j = b; j > k; --j) {
    const Word& x = w_[j - 1];
    // "... of the Islamic Revolution Ayatollah Ali Khamenei": a rank inside the run that the name
    // follows directly (not "Earl Blumenauer", "Duke Bennett" nor "Martin Luther King Jr.").
    if (j - 1 > k && x.capitalized && rank_gender(x.text) && w_[j].capitalized && !is_name_suffix(w_[j].text)) return j;
    const bool role = !x.capitalized && !is_particle(x.text);
    if (role || is_institution_word(x.text)) {
      // After an organisation, a person needs a given name and a surname
      // ("White House" is no person called House).
      if (w_[j].capitalized && (role || b - j >= 1)) name_start = j;
      break;
    }
  }
  return name_start;
}

bool NounPhrases::in_portfolio(uint32_t first, uint32_t limit) const {
  constexpr uint32_t kLongestOffice = 10;
  auto connects = [&](uint32_t k) { return w_[k].is("of") || w_[k].is("for") || w_[k].is("and"); };
  if (first < limit + 2 || !connects(first - 1)) return false;
  bool office = false;
  for (uint32_t k = first - 1; k-- > limit && first - k <= kLongestOffice;) {
    if (!(w_[k].kind == WordKind::word && (w_[k].capitalized || connects(k) || w_[k].is("the")))) break;
    if (given_name_gender(w_[k].text)) return false;
    office = office || is_title_word(w_[k].text) || is_institution_word(w_[k].text);
  }
  return office;
}

Phrase NounPhrases::classify_run(uint32_t a, uint32_t b, bool owner) const {
  while (a < b && opener(a)) ++a;  // "But Ryabkov"
  // "In Moscow Gorbachev said": a nation's or its capital's name after a preposition of place is
  // no part of the surname after it (not "in San Jose", "in New Hampshire").
  if (a + 1 == b && a > 0 && w_[a - 1].kind == WordKind::word && is_place_preposition(lowered(w_[a - 1].text)) &&
      nation_of_word(w_[a].text) && !is_nationality(w_[a].text) && !is_place_word(w_[b].text))
    ++a;
  Phrase p;
  p.first = a;
  p.last = b;
  uint32_t k = take_titles(a, b, p);
  const uint32_t name_start = person_start(k, b);
  for (; k < name_start; ++k) p.titles.push_back(w_[k].text);
  for (; k <= b; ++k) p.names.push_back(w_[k].text);
  if (owner && !p.names.empty()) p.names.back() = std::string(without_owner_mark(p.names.back()));
  if (p.names.empty()) {
    // All title: "the Kremlin", "the State Department", "Foreign Ministry"; or a role written
    // with capitals, "the Foreign Minister", "the Kremlin Spokesman".
    const std::string head = lowered(w_[b].text);
    if (is_role_noun(head)) {
      p.type = PhraseType::role;
      p.role = head;
      return p;
    }
    bool institution = false;
    for (uint32_t i = a; i <= b; ++i) institution |= is_institution_word(w_[i].text);
    if (institution) p.type = PhraseType::group;
    return p;
  }
  return classify_name(std::move(p), a, b, name_start);
}

namespace {

bool shouting(std::string_view n) {
  return n.size() > 1 && std::none_of(n.begin(), n.end(), [](char ch) { return std::islower(static_cast<unsigned char>(ch)); }) &&
         (std::isalpha(static_cast<unsigned char>(n[0])) || static_cast<unsigned char>(n[0]) == 0xC3) &&
         n.find('.') == std::string::npos;
}

// "JA'AFARI" as "Ja'afari", "LYALL-GRANT" as "Lyall-Grant", "GÉRARD" as "Gérard" (Latin-1 capitals,
// written in UTF-8 as 0xC3 0x80-0x9E, less the multiplication sign).
std::string in_title_case(std::string_view n) {
  std::string out(n);
  for (size_t k = 1; k < out.size(); ++k) {
    const auto byte = static_cast<unsigned char>(out[k]);
    if (out[k - 1] != '-' && byte >= 'A' && byte <= 'Z') out[k] = static_cast<char>(byte - 'A' + 'a');
    // The second byte of a capital that is not the word's first letter.
    const bool latin1_capital = static_cast<unsigned char>(out[k - 1]) == 0xC3 && byte >= 0x80 && byte <= 0x9E && byte != 0x97;
    if (latin1_capital && k >= 2 && out[k - 2] != '-') out[k] = static_cast<char>(byte + 0x20);
  }
  return out;
}

}  // namespace

// "SAMANTHA POWER (United States) said": the UN's meetings coverage writes its speakers' names in
// capitals, which are a name of two to four words, not a dateline nor acronyms ("UN OCHA").
bool NounPhrases::written_in_capitals(const Phrase& p, uint32_t name_start) const {
  if (p.names.size() < 2 || p.names.size() > 4 || w_[name_start].dateline) return false;
  return std::all_of(p.names.begin(), p.names.end(), [](const std::string& n) {
    return n.size() > 2 && shouting(n) && !is_institution_word(n) && !is_publication_word(n);
  });
}

// A run with a name in it [name_start, b]: a person, a collective
// ("the United States") or nothing a speaker could be.
Phrase NounPhrases::classify_name(Phrase p, uint32_t a, uint32_t b, uint32_t name_start) const {
  // A month closing a name after a given name or an honorific is a surname ("Theresa May", "Brian
  // May", "Mrs May").
  int honorific_gender = 0;
  const bool after_honorific = !p.titles.empty() && is_honorific(p.titles.back(), honorific_gender);
  const bool month_surname = !p.names.empty() && is_month(p.names.back()) &&
                             ((p.names.size() >= 2 && given_name_gender(p.names[p.names.size() - 2])) ||
                              (p.names.size() == 1 && after_honorific));
  for (const std::string& n : p.names)
    if ((is_never_a_name(n) && !(month_surname && &n == &p.names.back())) || possessive(n)) return Phrase{};
  if (p.names.size() == 1 && p.titles.empty() && (is_sentence_opener(p.names[0]) || is_stray_word(p.names[0])))
    return Phrase{};
  if (written_in_capitals(p, name_start)) {
    for (std::string& n : p.names) n = in_title_case(n);
  } else {
    for (const std::string& n : p.names)
      if ((shouting(n) && n != p.names.back()) || (is_sentence_opener(n) && n != p.names.front())) return Phrase{};  // "GENEVA The United States"
  }
  const std::string& last_name = p.names.back();
  // "the Panama Canal", "Chapter VII": no one, unless a person's title or given name says otherwise
  // ("Mr. Street", "Anthony Lake"); one word alone may be a surname.
  if (p.names.size() > 1 && (ends_thing_name(last_name) || starts_thing_name(p.names.front())) &&
      !(name_start > a && is_personal_title(w_[name_start - 1].text)) && !after_honorific &&
      !given_name_gender(p.names.front()))
    return Phrase{};
  // "United" and "European" are title words ("European Commissioner"), so "the United States" may arrive as one name.
  if ((p.names.size() > 1 || b > a) && ends_state_name(last_name)) {
    p.type = PhraseType::group;  // "the United States", "the European Union"
    return p;
  }
  if (p.names.size() > 1 && ends_body_name(last_name)) {
    p.type = PhraseType::group;  // "Amnesty International", "Human Rights Watch"
    return p;
  }
  // An organisation among the titles ("UN Secretary-General Antonio Guterres") or split off
  // before the name ("Kremlin spokesman Dmitry Peskov") describes the person; one that ends the
  // name is the speaker, though a title's word ("the White House", not "House Speaker").
  bool institution = false;
  for (uint32_t i = name_start; i <= b; ++i)
    institution |= is_institution_word(w_[i].text) && (!is_title_word(w_[i].text) || i == b);
  // "the Ministry of External Affairs", "the Department of Homeland Security": an institution's
  // word and "of" open an organisation's name.
  if (name_start >= a + 2)  // "of" right before the name, not "... spokesperson Zhao"
    institution |= is_institution_word(w_[name_start - 2].text) && w_[name_start - 1].is("of");
  const bool after_personal_title = p.names.size() == 1 && name_start > a && is_personal_title(w_[name_start - 1].text);
  // "North Korea", "South Africa": a place's first word may have gone to the titles.
  const bool place_titles = std::all_of(p.titles.begin(), p.titles.end(), [](const std::string& t) { return is_place_word(t); });
  if ((institution && !after_personal_title) || (place_titles && names_a_place(p))) {
    p.type = PhraseType::group;
    return p;
  }
  // "a New Hampshire Republican", "a Texas Democrat": places and a party describe someone
  // unnamed; no person is called "Hampshire Republican".
  if (is_party_word(p.names.back()) && std::all_of(p.names.begin(), p.names.end() - 1, [](const std::string& n) { return is_place_word(n); })) {
    p.type = PhraseType::group;
    return p;
  }
  // A name alone is a surname ("Warren", "Madison"): only a given name before it tells a gender.
  if (!p.gender && p.names.size() > 1) p.gender = given_name_gender(p.names.front());
  p.type = PhraseType::name;
  return p;
}

Phrase NounPhrases::ending_at(int e, uint32_t limit) const {
  if (e < static_cast<int>(limit) || w_[e].kind != WordKind::word || !outside_quotes(e)) return {};
  // "Secretary of State James A. Baker 3d": the name before its suffix.
  if (!w_[e].capitalized && is_name_suffix(w_[e].text) && e > static_cast<int>(limit) && w_[e - 1].capitalized)
    return ending_at(e - 1, limit);
  const Word& last = w_[e];
  std::string low = lowered(last.text);
  if (is_personal_pronoun(low)) return pronoun_phrase(static_cast<uint32_t>(e), low);
  // "according to him": him as the source of what follows is he.
  if (const std::string_view subject = subject_form(low); !subject.empty() && e > 0 && w_[e - 1].is("to") &&
      e > 1 && w_[e - 2].is("According"))
    return pronoun_phrase(static_cast<uint32_t>(e), std::string(subject));
  if (!last.capitalized) {
    if (is_group_noun(low)) return group_noun_phrase(e, limit);
    // "compared with 23 percent who said": a share of those polled speaks as a group.
    if (low == "percent" && e > static_cast<int>(limit) &&
        std::any_of(w_[e - 1].text.begin(), w_[e - 1].text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      Phrase p;
      p.type = PhraseType::group;
      p.first = static_cast<uint32_t>(e - 1);
      p.last = static_cast<uint32_t>(e);
      return p;
    }
    bool institution_noun = is_institution_noun(low);
    if (is_role_noun(low) || institution_noun) return role_noun_phrase(e, limit, low, institution_noun);
    return {};
  }
  // "the Secretary", "the Governor": a title used alone stands for the person who holds it.
  if (is_role_noun(low) && e > static_cast<int>(limit) && lowered(w_[e - 1].text) == "the")
    return role_noun_phrase(e, limit, low, false);
  if (is_group_noun(low)) {  // "Officials said", capitalised at a sentence start
    Phrase p;
    p.type = PhraseType::group;
    p.first = p.last = static_cast<uint32_t>(e);
    return p;
  }
  return capitalised_phrase(e, limit);
}

// A collective ending at e with its modifiers: "senior U.S. officials".
Phrase NounPhrases::group_noun_phrase(int e, uint32_t limit) const {
  int s = e;
  while (s - 1 >= static_cast<int>(limit) && w_[s - 1].kind == WordKind::word &&
         (is_group_modifier(lowered(w_[s - 1].text)) || is_nationality(w_[s - 1].text) ||
          (w_[s - 1].capitalized && !is_sentence_opener(w_[s - 1].text))))
    --s;
  if (s < e && lowered(w_[s].text) == "the" && s == e - 1) return {};  // "the officials" is fine below
  Phrase p;
  p.type = PhraseType::group;
  p.first = static_cast<uint32_t>(s);
  p.last = static_cast<uint32_t>(e);
  return p;
}

// A role noun ("the foreign minister") or an institution noun ("the
// ministry") ending at e, with its determiner or owner.
Phrase NounPhrases::role_noun_phrase(int e, uint32_t limit, const std::string& low, bool institution_noun) const {
  int s = e;
  while (s - 1 >= static_cast<int>(limit) && w_[s - 1].kind == WordKind::word && s > e - 4) {
    std::string prev = lowered(w_[s - 1].text);
    if (is_article(prev)) {
      --s;
      break;
    }
    if (w_[s - 1].capitalized || is_group_modifier(prev) || is_nationality(w_[s - 1].text) ||
        is_role_noun(prev) || is_title_modifier(prev)) {
      --s;
      if (w_[s].capitalized && possessive(w_[s].text)) break;  // the owner is the determiner
    } else if (s == e && e - 2 >= static_cast<int>(limit) && is_article(lowered(w_[s - 2].text))) {
      --s;  // "a humanitarian official": one adjective of no list after the article
    } else {
      break;
    }
  }
  std::string det = lowered(w_[s].text);
  bool owner = w_[s].capitalized && possessive(w_[s].text);  // "Russia's embassy"
  if (!is_article(det) && !owner) return {};
  Phrase p;
  p.first = static_cast<uint32_t>(s);
  p.last = static_cast<uint32_t>(e);
  p.role = low;
  p.type = (det == "the" || owner) && !institution_noun ? PhraseType::role : PhraseType::group;
  return p;
}

// A capitalised run ending at e: names, initials, honorifics, particles, "of" in titles.
Phrase NounPhrases::capitalised_phrase(int e, uint32_t limit) const {
  int s = e;
  while (s - 1 >= static_cast<int>(limit)) {
    const Word& prev = w_[s - 1];
    if (prev.kind != WordKind::word || !outside_quotes(s - 1)) break;
    bool joins = name_like(s - 1) ||
                 (prev.text == "of" && s - 2 >= static_cast<int>(limit) && office_before_of(s - 2)) ||
                 (is_particle(prev.text) && particle_chain_starts_name(s - 1, limit));
    bool lower_title = !prev.capitalized && (is_role_noun(lowered(prev.text)) || is_title_modifier(prev.text));
    if (!joins && !lower_title) break;
    --s;
  }
  while (s < e && (opener(static_cast<uint32_t>(s)) || lowered(w_[s].text) == "the")) ++s;
  if (possessive(w_[e].text)) return {};
  Phrase p = classify_run(static_cast<uint32_t>(s), static_cast<uint32_t>(e));
  if (p.type == PhraseType::group && s > static_cast<int>(limit) && lowered(w_[s - 1].text) == "the") p.first = s - 1;
  // "diplomats in Brussels", "Russia's embassy in Brussels": the place
  // qualifies the speaker before it.
  if (p.type == PhraseType::group && p.first == static_cast<uint32_t>(s) && s - 2 >= static_cast<int>(limit) &&
      (w_[s - 1].is("in") || w_[s - 1].is("at"))) {
    Phrase owner = ending_at(s - 2, limit);
    if (owner.type == PhraseType::group || owner.type == PhraseType::role) {
      owner.last = p.last;
      if (owner.type == PhraseType::role) owner.type = PhraseType::group;
      return owner;
    }
  }
  return p;
}

// A collective speaker qualified by where it sits: "officials in Washington".
void NounPhrases::extend_with_place(Phrase& p) const {
  if (p.type != PhraseType::group) return;
  uint32_t k = p.last + 1;
  if (!word(k) || !(w_[k].is("in") || w_[k].is("at") || w_[k].is("from") || w_[k].is("for") || w_[k].is("of"))) return;
  uint32_t e = k + 1;
  if (word(e) && w_[e].is("the")) ++e;  // "a spokesman for the State Department"
  if (!word(e) || !name_like(e)) return;
  while (e + 1 < end_ && joins_right(e)) ++e;
  if (possessive(w_[e].text)) return;  // "for Santorum's campaign": the name is not the end of it
  p.last = e;
}

Phrase NounPhrases::starting_at(uint32_t b) const {
  if (!word(b) || !outside_quotes(b)) return {};
  std::string low = lowered(w_[b].text);
  if (is_personal_pronoun(low)) return pronoun_phrase(b, low);
  uint32_t e = b;
  if (is_article(low)) {
    while (e + 1 < end_ && word(e + 1) && e < b + 4 && !is_role_noun(lowered(w_[e].text)) && !is_group_noun(lowered(w_[e].text)))
      ++e;
    if (is_role_noun(lowered(w_[e].text)) || is_group_noun(lowered(w_[e].text)) ||
        lowered(w_[e].text) == "ministry" || w_[e].capitalized) {
      Phrase p = ending_at(static_cast<int>(e), b);
      extend_with_place(p);
      return p;
    }
    return {};
  }
  if (is_group_noun(low)) {
    Phrase p = ending_at(static_cast<int>(b), b);
    extend_with_place(p);  // "analysts at Goldman Sachs"
    return p;
  }
  if (!name_like(b)) return {};
  while (e + 1 < end_ && joins_right(e)) ++e;
  if (e + 1 < end_ && w_[e + 1].kind == WordKind::word && is_group_noun(lowered(w_[e + 1].text))) {
    Phrase p = ending_at(static_cast<int>(e + 1), b);  // "said U.S. officials"
    extend_with_place(p);
    return p;
  }
  return ending_at(static_cast<int>(e), b);
}

}  // namespace attache::indexer::attribution
