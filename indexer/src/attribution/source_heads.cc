// The noun phrase a tagged source is about: its head before a comma or a relative clause, a name
// in apposition after a description, a document's author, a body's name holding "and", the people
// around someone (source_speakers.h).
#include <algorithm>
#include <optional>

#include "lexicon.h"
#include "source_speakers.h"
#include "speaker_names.h"

namespace attache::indexer::attribution {

// "Sen. Jim Whelan who represents Atlantic City", "Senior campaign advisers who have run the
// numbers": a source's head ends where a relative clause opens, with or without its comma.
bool opens_relative_clause(const Word& word) {
  return word.is("who") || word.is("whom") || word.is("whose") || word.is("which") || word.is("that");
}

namespace {

Phrase group_phrase(uint32_t first, uint32_t last) {
  Phrase group;
  group.type = PhraseType::group;
  group.first = first;
  group.last = last;
  return group;
}

}  // namespace

// "Sen. Pat Toomey (R-Pa.) said", "Sen. Lindsey Graham (R-SC), who": brackets that close the
// source or its head describe the name before them ("MACAU (Reuters) - ..." goes on).
bool SourceSpeakers::brackets_after_name(uint32_t k, uint32_t last) const {
  if (w_[k + 1].kind != WordKind::bracket_open || !w_[k].capitalized) return false;
  uint32_t close = k + 2;
  while (close <= last && w_[close].kind != WordKind::bracket_close) ++close;
  // After a title, brackets the name goes on after are the title's ("Lt Gen (retd) H S Panag"; not
  // "Sen. Angus King (I-Maine) said").
  if (is_title_word(w_[k].text) && close < last && w_[close + 1].capitalized) return false;
  return close >= last || w_[close + 1].kind == WordKind::comma;
}

// "Kasich bemoaned America's reputation, saying", "The senator paused, then recalled": a source
// the tagger ran on into its clause's verb ends before it, a lower-case word in -ed right after a
// name or a role ("the exit poll conducted by Edison Research" is a description; in "The Times quoted
// an adviser as saying" the adviser speaks).
bool SourceSpeakers::verb_after(uint32_t first, uint32_t k) const {
  const Word& next = w_[k + 1];
  if (next.kind != WordKind::word || next.capitalized || !next.text.ends_with("ed") ||
      next.text.find('-') != std::string::npos || is_quoting_verb(next.text))
    return false;
  if (k + 2 < w_.size() && w_[k + 2].is("by")) return false;
  for (uint32_t j = first; j <= k; ++j)  // "the chairs that POLITICO interviewed": a relative clause's verb
    if (w_[j].is("that") || w_[j].is("who") || w_[j].is("which")) return false;
  const std::string word = lowered(w_[k].text);
  const bool named = w_[k].capitalized && !is_stray_word(w_[k].text) && !possessive(w_[k].text);
  return named || is_role_noun(word) || is_group_noun(word);
}

// "A statement from the Foreign Ministry", "A Foreign Ministry statement", "A statement carried by
// the state news agency": the words of a document are its author's, when it names one (a name, or a
// body's noun in lower case).
std::optional<std::pair<uint32_t, uint32_t>> SourceSpeakers::document_author(uint32_t first, uint32_t last) const {
  for (uint32_t d = first; d <= last && w_[d].kind == WordKind::word; ++d) {
    if (w_[d].capitalized || !is_document_noun(lowered(w_[d].text))) continue;
    uint32_t by = d + 1;
    const bool issued = by + 1 <= last && is_issuing_verb(w_[by].text) && w_[by + 1].is("by");
    if (issued) ++by;  // not "quoted by", whose agent only quoted it
    if (by + 1 <= last && (w_[by].is("from") || w_[by].is("by") || w_[by].is("of"))) {
      const bool article = by + 1 < last && (w_[by + 1].is("the") || w_[by + 1].is("a"));
      const uint32_t author = article ? by + 2 : by + 1;
      if (w_[author].capitalized) return std::pair{author, last};
      // A body's noun in lower case after "by" or "from" (not "A report of the attack by the army").
      for (uint32_t k = author; article && !w_[by].is("of") && k <= last && w_[k].kind == WordKind::word &&
                                !w_[k].capitalized;
           ++k)
        if (is_institution_noun(lowered(w_[k].text)) || is_publication_word(capitalised(w_[k].text)))
          return std::pair{author, last};
    }
    const bool ends = d == last || w_[d + 1].kind != WordKind::word;
    if (ends && d > first && w_[d - 1].capitalized && !article_at(d - 1) && !is_never_a_name(w_[d - 1].text))
      return std::pair{first, d - 1};  // not "A Monday statement"
    return std::nullopt;
  }
  return std::nullopt;
}

// "The Department of Health and Human Services", "The Hostages and Missing Families Forum": a
// body's name holding "and" between capitals, which the phrase ending at its last word read from
// the "and" on. The whole name when the source opens with it (after an article) and it ends in an
// institution's word, or opens with one and "of" ("The Ministry of Foreign Affairs and International
// Cooperation"); else p as it was ("Merkel and Macron", "Russia and the European Union").
Phrase SourceSpeakers::body_named_with_and(Phrase p, uint32_t first) const {
  if (p.type == PhraseType::none || p.first < first + 2 || !w_[p.first - 1].is("and") || !w_[p.first - 2].capitalized)
    return p;
  uint32_t start = first;
  if (w_[start].kind == WordKind::word && is_article(lowered(w_[start].text))) ++start;  // "The", opening a sentence
  std::string last = w_[p.last].text;
  if (!is_institution_word(last) && last.ends_with('s')) last.pop_back();
  // Not a place, people or a person of their own after the "and" ("The Ministry of Defence and
  // Russia", "... and Pentagon officials", "Office of Management and Budget Director Shalanda Young").
  bool body_of = start + 1 < p.first && is_institution_word(w_[start].text) && w_[start + 1].is("of") &&
                 !names_a_place(p) && !is_group_noun(lowered(w_[p.last].text)) && p.titles.empty() && p.gender == 0;
  for (uint32_t k = p.first; k <= p.last && body_of; ++k) body_of = !is_role_noun(lowered(w_[k].text));
  if (!is_institution_word(last) && !body_of) return p;
  for (uint32_t k = start; k + 1 < p.first; ++k)
    if (w_[k].kind != WordKind::word || !(w_[k].capitalized || w_[k].is("of") || w_[k].is("for"))) return p;
  return group_phrase(start, p.last);
}

// "Supporters of Donald Trump", "Two longtime aides to President Joe Biden": whether the source
// [first, head_last] opens with the people around someone, who speak, not that person.
bool SourceSpeakers::entourage_before(uint32_t first, uint32_t head_last) const {
  constexpr uint32_t kEntourageWithin = 3;
  for (uint32_t k = first; k < head_last && k <= first + kEntourageWithin && (k == first || !w_[k].capitalized); ++k)
    if (is_entourage_noun(lowered(w_[k].text)) && (w_[k + 1].is("of") || w_[k + 1].is("to") || w_[k + 1].is("for")))
      return true;
  return false;
}

// The name of the apposition after a description whose head ends at head_last ("A State Department
// spokesman, Lincoln White, denied"; "The mayor's spokesman, a former reporter named Ellen Park,
// told"); none after a role of another role ("A spokesman for the president of Russia, Vladimir
// Putin, said": the name is the second role's holder).
Phrase SourceSpeakers::named_in_apposition(uint32_t first, uint32_t head_last, uint32_t last) const {
  int roles = 0;
  for (uint32_t k = first; k <= head_last; ++k) roles += w_[k].kind == WordKind::word && is_role_noun(lowered(w_[k].text));
  if (roles >= 2 || head_last + 2 > last) return {};
  uint32_t name_last = head_last + 2;
  while (name_last < last && w_[name_last + 1].kind != WordKind::comma) ++name_last;
  Phrase named = phrases_.ending_at(static_cast<int>(name_last), head_last + 2);
  const bool called = named.first > head_last + 2 && (w_[named.first - 1].is("named") || w_[named.first - 1].is("called"));
  return named.type == PhraseType::name && (named.first == head_last + 2 || called) ? named : Phrase{};
}

// The phrase a source names when its head p stands after other words: p itself when it opens the
// source or a role noun introduces it; the holder of an office after its object ("U.S. Ambassador
// to the UN Samantha Power"); the role or group a place is said of ("a humanitarian official in
// Mekele"); the name before "of" and a place ("former Gov. Jeb Bush of Florida"). None when the
// source's opening phrase decides.
std::optional<Phrase> SourceSpeakers::head_after_object(const Phrase& p, uint32_t first, uint32_t last) const {
  // "The European Council on Foreign Relations analyst Kaja Liik": a role noun introduces the subject.
  const bool introduced = p.type == PhraseType::name &&
                          std::any_of(p.titles.begin(), p.titles.end(), [](const std::string& t) { return is_role_noun(t); });
  if (p.first == first || introduced) return p;
  uint32_t before = p.first - 1;
  // "Christian Lindner of the neoliberal Free Democrats": an adjective or two before the object.
  for (uint32_t adjectives = 0; adjectives < 2 && before > first && w_[before].kind == WordKind::word &&
                                !w_[before].capitalized && !is_article(w_[before].text) &&
                                !is_object_preposition(w_[before].text) && is_article(w_[before - 1].text);
       ++adjectives)
    --before;
  if (before > first && (w_[before].is("the") || w_[before].is("a"))) --before;
  // Only a name or an organisation is out ("at the Munich Security Conference"); a
  // description stays ("Many of the local GOP leaders").
  if (!is_object_preposition(w_[before].text) || !w_[p.last].capitalized) return p;
  // "U.S. Ambassador to the UN Samantha Power": after the office's object, the person holding it.
  const bool holder = p.type == PhraseType::name && p.names.size() > 1 &&
                      (given_name_gender(p.names.front()) != 0 || !p.titles.empty());
  if (holder && p.last == last) return p;
  // "a humanitarian official in Mekele": the role or group the place is said of (not "79
  // percent of Democrats", who are Democrats).
  if (before > first && !w_[before].is("of")) {
    Phrase described = phrases_.ending_at(static_cast<int>(before) - 1, first);
    if (described.type == PhraseType::role || described.type == PhraseType::group) {
      described.last = p.last;
      return described;
    }
  }
  // "former Gov. Jeb Bush of Florida": the name before the place.
  if (before > first && w_[before].is("of")) {
    Phrase named = phrases_.ending_at(static_cast<int>(before) - 1, first);
    const bool object = named.first > first && is_object_preposition(lowered(w_[named.first - 1].text));  // "aides to Gov. X"
    const bool person = !named.titles.empty() || named.gender != 0;  // "Gov.", "Mrs.", a given name
    if (named.type == PhraseType::name && named.names.size() > 1 && person && !object &&
        !is_institution_word(w_[named.last].text))
      return named;
  }
  return std::nullopt;
}

// The noun phrase a source is about. Its head comes before any comma
// ("Saul Anuzis, a top adviser to ..."); a name after a preposition is not
// it ("Leaders gathered at the Munich Security Conference").
Phrase SourceSpeakers::source_head(uint32_t first, uint32_t last) const {
  if (const auto author = document_author(first, last)) return source_head(author->first, author->second);
  // "for further talks with Mr Alexander Haig, the American Secretary of State, Mr Pym said": a
  // source that opens as a preposition's object, with its apposition, and ends in a name after a
  // comma is that name's.
  if (first > 0 && w_[first - 1].kind == WordKind::word && is_object_preposition(lowered(w_[first - 1].text))) {
    uint32_t comma = last;
    while (comma > first && w_[comma].kind != WordKind::comma) --comma;
    if (comma > first && comma < last) {
      const Phrase named = phrases_.starting_at(comma + 1);
      if (named.type == PhraseType::name && named.last == last && (!named.titles.empty() || named.names.size() > 1 ||
                                                                   people_.knows_in_full(named.names.back())))
        return named;
    }
  }
  // "said Secretary of State George P. Shultz in a television interview": a name ends at a
  // preposition as at a comma.
  uint32_t head_last = first;
  while (head_last < last && w_[head_last + 1].kind != WordKind::comma && !brackets_after_name(head_last, last) &&
         !(w_[head_last].capitalized && ends_name(w_[head_last + 1].text)) && !verb_after(first, head_last) &&
         !opens_relative_clause(w_[head_last + 1]))
    ++head_last;
  if (entourage_before(first, head_last)) return group_phrase(first, head_last);
  Phrase p = body_named_with_and(phrases_.ending_at(static_cast<int>(head_last), first), first);
  // "One California delegate", "Many of the local GOP leaders": a description, not a name.
  const bool description =
      !w_[head_last].capitalized && w_[head_last].kind == WordKind::word && !is_name_suffix(w_[head_last].text);
  if (p.type == PhraseType::name && description && p.last < head_last) p = {};
  // "A State Department spokesman, Lincoln White, denied", "The Foreign Minister of Ukraine, Dmytro
  // Kuleba, said": the name after a description is the speaker.
  // So is the one after an office whose capitals end in its portfolio ("The Under-Secretary-General
  // for Political and Peacebuilding Affairs, Rosemary DiCarlo, told").
  const uint32_t name_first = p.type == PhraseType::name ? p.last + 1 - static_cast<uint32_t>(p.names.size()) : 0;
  const bool portfolio = p.type == PhraseType::name && phrases_.in_portfolio(name_first, first);
  // So is the one after a role of a body ("spokesman of the CNRD, Col. Amara Camara, said"): the
  // source's own role, not one a person holds ("A spokeswoman for Sen. Joe Manchin, D-W.Va., said",
  // "An aide to the leader of Hezbollah, Hassan Nasrallah, said").
  uint32_t body = p.type == PhraseType::name ? p.first : first;
  if (body > first && article_at(body - 1)) --body;
  const bool person_named = p.type == PhraseType::name && (!p.titles.empty() || p.names.size() > 1);
  bool of_a_body = !person_named && body > first + 1 && (w_[body - 1].is("of") || w_[body - 1].is("for")) &&
                   is_role_noun(lowered(w_[body - 2].text));
  for (uint32_t k = first; k + 2 < body && of_a_body; ++k) of_a_body = !is_role_noun(lowered(w_[k].text));
  // "A spokesman for Donald Trump said", "An aide to Hillary Clinton said": one who speaks for the
  // person named, opening with an article and the role, is the speaker, described by both.
  const bool for_a_person = person_named && p.last == last && body >= first + 3 && is_article(lowered(w_[first].text)) &&
                            (w_[body - 1].is("for") || w_[body - 1].is("to")) && !w_[body - 2].capitalized &&
                            is_role_noun(lowered(w_[body - 2].text));
  if (for_a_person) return Phrase{};
  const bool describes = p.type == PhraseType::role || p.type == PhraseType::group || description || portfolio ||
                         of_a_body || (p.type == PhraseType::name && !p.titles.empty() && names_a_place(p));
  if (describes) {
    const Phrase named = named_in_apposition(first, head_last, last);
    if (named.type != PhraseType::none) return named;
  }
  if (p.type != PhraseType::none)
    if (const std::optional<Phrase> held = head_after_object(p, first, last)) return *held;
  Phrase start = phrases_.starting_at(first);
  // "A Kremlin source said officials were": past the cue is the content's subject, not the source's
  // ("Finance ministers" is the source "Finance" the tagger cut short).
  for (uint32_t k = last + 1; k <= start.last && start.type != PhraseType::none; ++k)
    if (find_cue(lowered(w_[k].text))) return p;
  // "Berlin police", "Baghdad radio", "Administration strategists": a place or a body before a
  // description's noun names it with it.
  const bool named_body = start.type == PhraseType::group && is_institution_word(w_[start.last].text);
  if ((names_a_place(start) || named_body) && start.last + 1 == head_last && description) return group_phrase(start.first, head_last);
  if (start.type == PhraseType::name && description) return {};
  // "One Western diplomat in the Gulf": a count and a nationality are no name; the role they describe
  // speaks.
  bool descriptors_only = start.type == PhraseType::name;
  for (uint32_t k = start.first; k <= start.last && descriptors_only; ++k)
    descriptors_only = opens_counted_phrase(lowered(w_[k].text)) || is_nationality(w_[k].text);
  if (descriptors_only)
    for (uint32_t k = start.last + 1; k <= last && w_[k].kind == WordKind::word; ++k)
      if (is_role_noun(lowered(w_[k].text)) || is_group_noun(lowered(w_[k].text))) return group_phrase(start.first, k);
  // "one diplomat in the Gulf", "an official at the Pentagon": the described one speaks, where
  // they are is no speaker.
  if (start.type == PhraseType::none && p.type == PhraseType::name) {
    uint32_t place = p.first;
    if (place > first && article_at(place - 1)) --place;
    const bool where = place >= first + 2 && ends_name(lowered(w_[place - 1].text)) && !w_[place - 2].capitalized &&
                       (is_role_noun(lowered(w_[place - 2].text)) || is_group_noun(lowered(w_[place - 2].text)));
    if (where) return group_phrase(first, p.last);
  }
  return start.type != PhraseType::none ? start : p;
}

}  // namespace attache::indexer::attribution
