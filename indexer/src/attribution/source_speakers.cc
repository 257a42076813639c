// Resolving a tagged attribution's source to its speaker (source_speakers.h).
#include "source_speakers.h"

#include <algorithm>

#include "lexicon.h"
#include "speaker_names.h"

namespace attache::indexer::attribution {

namespace {
// "Sen. Jim Whelan who represents Atlantic City", "Senior campaign advisers who have run the
// numbers": a source's head ends where a relative clause opens, with or without its comma.
bool opens_relative_clause(const Word& word) {
  return word.is("who") || word.is("whom") || word.is("whose") || word.is("which") || word.is("that");
}
}  // namespace

// "the", "a" or "an" as written, in lower case.
bool SourceSpeakers::article_at(size_t k) const { return w_[k].kind == WordKind::word && is_article(w_[k].text); }

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

// "A statement from the Foreign Ministry", "A Foreign Ministry statement": the words of a document
// are its author's, when it names one.
std::optional<std::pair<uint32_t, uint32_t>> SourceSpeakers::document_author(uint32_t first, uint32_t last) const {
  for (uint32_t d = first; d <= last && w_[d].kind == WordKind::word; ++d) {
    if (w_[d].capitalized || !is_document_noun(lowered(w_[d].text))) continue;
    if (d + 2 <= last && (w_[d + 1].is("from") || w_[d + 1].is("by") || w_[d + 1].is("of"))) {
      const uint32_t author = d + 2 < last && (w_[d + 2].is("the") || w_[d + 2].is("a")) ? d + 3 : d + 2;
      if (w_[author].capitalized) return std::pair{author, last};
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
// institution's word; else p as it was ("Merkel and Macron", "Russia and the European Union").
Phrase SourceSpeakers::body_named_with_and(Phrase p, uint32_t first) const {
  if (p.type == PhraseType::none || p.first < first + 2 || !w_[p.first - 1].is("and") || !w_[p.first - 2].capitalized)
    return p;
  std::string last = w_[p.last].text;
  if (!is_institution_word(last) && last.ends_with('s')) last.pop_back();
  if (!is_institution_word(last)) return p;
  uint32_t start = first;
  if (article_at(start)) ++start;
  for (uint32_t k = start; k + 1 < p.first; ++k)
    if (w_[k].kind != WordKind::word || !(w_[k].capitalized || w_[k].is("of") || w_[k].is("for"))) return p;
  Phrase body;
  body.type = PhraseType::group;
  body.first = start;
  body.last = p.last;
  return body;
}

// The noun phrase a source is about. Its head comes before any comma
// ("Saul Anuzis, a top adviser to ..."); a name after a preposition is not
// it ("Leaders gathered at the Munich Security Conference").
Phrase SourceSpeakers::source_head(uint32_t first, uint32_t last) const {
  if (const auto author = document_author(first, last)) return source_head(author->first, author->second);
  // "said Secretary of State George P. Shultz in a television interview": a name ends at a
  // preposition as at a comma.
  uint32_t head_last = first;
  while (head_last < last && w_[head_last + 1].kind != WordKind::comma && !brackets_after_name(head_last, last) &&
         !(w_[head_last].capitalized && ends_name(w_[head_last + 1].text)) && !verb_after(first, head_last) &&
         !opens_relative_clause(w_[head_last + 1]))
    ++head_last;
  // "Supporters of Donald Trump", "Two longtime aides to President Joe Biden": the people around
  // someone speak, not that person.
  constexpr uint32_t kEntourageWithin = 3;
  for (uint32_t k = first; k < head_last && k <= first + kEntourageWithin && (k == first || !w_[k].capitalized); ++k)
    if (is_entourage_noun(lowered(w_[k].text)) && (w_[k + 1].is("of") || w_[k + 1].is("to") || w_[k + 1].is("for"))) {
      Phrase around;
      around.type = PhraseType::group;
      around.first = first;
      around.last = head_last;
      return around;
    }
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
  const bool describes = p.type == PhraseType::role || p.type == PhraseType::group || description || portfolio ||
                         of_a_body || (p.type == PhraseType::name && !p.titles.empty() && names_a_place(p));
  // Not after a role of another role ("A spokesman for the president of Russia, Vladimir Putin,
  // said"): the name is the second role's holder.
  int roles = 0;
  for (uint32_t k = first; k <= head_last; ++k) roles += w_[k].kind == WordKind::word && is_role_noun(lowered(w_[k].text));
  if (describes && roles < 2 && head_last + 2 <= last) {
    uint32_t name_last = head_last + 2;
    while (name_last < last && w_[name_last + 1].kind != WordKind::comma) ++name_last;
    Phrase named = phrases_.ending_at(static_cast<int>(name_last), head_last + 2);
    // "The mayor's spokesman, a former reporter named Ellen Park, told": so is one the apposition names.
    const bool named_in_apposition =
        named.first > head_last + 2 && (w_[named.first - 1].is("named") || w_[named.first - 1].is("called"));
    if (named.type == PhraseType::name && (named.first == head_last + 2 || named_in_apposition)) return named;
  }
  if (p.type != PhraseType::none) {
    // "The European Council on Foreign Relations analyst Kaja Liik": a role noun introduces the subject.
    const bool introduced = p.type == PhraseType::name &&
                            std::any_of(p.titles.begin(), p.titles.end(), [](const std::string& t) { return is_role_noun(t); });
    if (p.first == first || introduced) return p;
    uint32_t before = p.first - 1;
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
  }
  Phrase start = phrases_.starting_at(first);
  // "A Kremlin source said officials were": past the cue is the content's subject, not the source's
  // ("Finance ministers" is the source "Finance" the tagger cut short).
  for (uint32_t k = last + 1; k <= start.last && start.type != PhraseType::none; ++k)
    if (find_cue(lowered(w_[k].text))) return p;
  if (start.type == PhraseType::name && description) return {};
  return start.type != PhraseType::none ? start : p;
}

// What "who" stands for: the noun phrase before it ("Podesta, who said"); in "Lionel Sosa, a
// media consultant and an influential Republican who said", the name that the description
// after its comma describes.
Phrase SourceSpeakers::antecedent(uint32_t relative) const {
  const uint32_t sentence_first = phrases_.sentence_first();
  int k = static_cast<int>(relative) - 1;
  if (k >= static_cast<int>(sentence_first) && w_[k].kind == WordKind::comma) --k;
  Phrase p = phrases_.ending_at(k, sentence_first);
  // "an influential Hispanic Republican": capitalised, but a description, not a name.
  const bool described = p.type == PhraseType::name && p.first > sentence_first &&
                         w_[p.first - 1].kind == WordKind::word && !w_[p.first - 1].capitalized;
  // "Alan Berger, a gynecologist from Englewood, New Jersey, who said": who is a person, not the
  // place that ends the description; the name the description follows is.
  if (names_a_place(p) && w_[relative].is("who"))
    for (int c = static_cast<int>(p.first) - 1; c > static_cast<int>(sentence_first) && c + 16 > k; --c)
      if (w_[c].kind == WordKind::comma && article_at(c + 1)) {
        const Phrase named = phrases_.ending_at(c - 1, sentence_first);
        if (named.type == PhraseType::name && !names_a_place(named)) return named;
        break;
      }
  if ((p.type == PhraseType::name && !described) || k < static_cast<int>(sentence_first)) return p;
  if (p.type == PhraseType::none) return described_group_before(k);
  for (int c = k; c > static_cast<int>(sentence_first) && c + 16 > k; --c) {
    if (w_[c].kind != WordKind::word) {
      const bool apposition = w_[c].kind == WordKind::comma && article_at(c + 1);
      Phrase named = apposition ? phrases_.ending_at(c - 1, sentence_first) : Phrase{};
      return named.type == PhraseType::name ? named : p;
    }
  }
  return p;
}

// "Two people familiar with the matter, who", "officials briefed on the talks who": a group or
// a role, or a noun and a word that says which ones speak, followed by words that say more, up to
// the relative's comma.
Phrase SourceSpeakers::described_group_before(int k) const {
  const int sentence_first = static_cast<int>(phrases_.sentence_first());
  for (int j = k - 1; j >= sentence_first && j + 8 > k && w_[j + 1].kind == WordKind::word; --j) {
    if (w_[j].kind != WordKind::word) break;
    Phrase q = phrases_.ending_at(j, static_cast<uint32_t>(sentence_first));
    if (q.type == PhraseType::none && !w_[j].capitalized && describes_source(lowered(w_[j + 1].text))) {
      q = {PhraseType::group, static_cast<uint32_t>(j), static_cast<uint32_t>(j)};
      while (static_cast<int>(q.first) > sentence_first && w_[q.first - 1].kind == WordKind::word &&
             (opens_counted_phrase(lowered(w_[q.first - 1].text)) || is_group_modifier(w_[q.first - 1].text)))
        --q.first;
    }
    if (q.type == PhraseType::group || q.type == PhraseType::role) {
      q.last = static_cast<uint32_t>(k);
      return q;
    }
  }
  return {};
}

// "Cruz, the only Republican candidate to campaign in Wyoming, told", "“...,” Trump, the GOP
// frontrunner after winning the New Hampshire primaries, said", "Jody Powell, Mr. Carter's press
// secretary, said", "John Kirby, Pentagon spokesman, said": a source inside a description that
// opens with an article, an owner or a role right after the subject and its comma (the subject
// opening the sentence or following its quotation) describes the subject, who is the speaker.
Phrase SourceSpeakers::named_before_apposition(uint32_t source_first) const {
  const Phrase subject = phrases_.starting_at(subject_start(source_first));
  if (subject.type != PhraseType::name || subject.last + 2 > source_first ||
      w_[subject.last + 1].kind != WordKind::comma)
    return {};
  const uint32_t description = subject.last + 2;
  if (!article_at(description) && !opens_with_owner(description) &&
      phrases_.starting_at(description).type != PhraseType::role)
    return {};
  for (uint32_t k = description; k < source_first; ++k)
    if (w_[k].kind != WordKind::word || find_cue(lowered(w_[k].text))) return {};
  return subject;
}

// "Mr. Carter's press secretary", "Russia's envoy": a description opening with a name that owns
// it, within the first three words.
bool SourceSpeakers::opens_with_owner(uint32_t description) const {
  for (uint32_t k = description; k < description + 3 && k < w_.size(); ++k) {
    if (w_[k].kind != WordKind::word || !w_[k].capitalized) return false;
    if (possessive(w_[k].text)) return k + 1 < w_.size() && w_[k + 1].kind == WordKind::word;
  }
  return false;
}

// "Clinton said she would": reported speech opening with "he" or "she" after its cue mostly
// speaks of the speaker, which tells a surname's man from its woman.
int SourceSpeakers::reported_gender(const TaggedAttribution& t) const {
  uint32_t c = t.content_first;
  if (c <= t.cue_last) return 0;
  if (w_[c].is("that") && c < t.content_last) ++c;
  return w_[c].is("he") ? 1 : w_[c].is("she") ? 2 : 0;
}

// A description as a speaker's name: its words without the article, up to a comma, a relative
// clause ("two people familiar with the matter who requested anonymity") or when it spoke ("the
// state news agency in July").
std::string SourceSpeakers::description_text(uint32_t a, uint32_t b) const {
  if (a < b && article_at(a)) ++a;
  for (uint32_t k = a + 1; k <= b; ++k) {
    const bool when = k < b && says_when_or_where(w_[k].text) && (is_month(w_[k + 1].text) || is_day_word(w_[k + 1].text));
    if (w_[k].kind == WordKind::comma || opens_relative_clause(w_[k]) || when) return phrases_.span_text(a, k - 1);
  }
  return phrases_.span_text(a, b);
}

// "A source in the Foreign Ministry", "Officials of the West Berlin police", "a spokesperson for
// the Department of Foreign Affairs and Trade", "sources close to ElBaradei": a source whose head
// noun, within its first words, goes on with a preposition is named by all its words, not by the
// capitals of the preposition's object.
bool SourceSpeakers::described_by_all(uint32_t first, uint32_t last) const {
  constexpr uint32_t kHeadWithin = 4;
  for (uint32_t k = first; k < last && k < first + kHeadWithin; ++k) {
    if (w_[k].kind != WordKind::word) return false;
    const std::string word = lowered(w_[k].text);
    // A capitalised role is a title ("Secretary of State Mike Pompeo").
    const bool head = (is_role_noun(word) && !w_[k].capitalized) || is_group_noun(word) || is_group_noun(word + "s") ||
                      names_people(word);
    if (!head) continue;
    const std::string next = lowered(w_[k + 1].text);
    return w_[k + 1].kind == WordKind::word && (is_object_preposition(next) || describes_source(next)) && k + 1 < last;
  }
  return false;
}

// The sentence's subject where it, not the tagged source, speaks: the subject before a
// participial phrase holding the source; the subject in place of a place phrase, an adverb, an
// object or a relative clause the tagger took for the source; a name before an apposition. None
// when the source speaks.
Phrase SourceSpeakers::subject_speaking_instead(const TaggedAttribution& t, bool relative) const {
  const bool in_place_phrase = !relative && inside_prepositional_phrase(t.source_first);
  const bool adverb = !relative && !in_place_phrase && adverb_source(t);
  const bool object = !relative && !in_place_phrase && !adverb && object_before_participle(t);
  const uint32_t participial = relative ? 0 : comma_before_participial_phrase(t.source_first, t.source_last);
  const uint32_t opening = subject_start(t.source_first);
  const Phrase participle_subject = participial > opening ? source_head(opening, participial - 1) : Phrase{};
  if (participle_subject.type != PhraseType::none) return participle_subject;
  if (in_place_phrase || adverb || object || (!relative && inside_relative_clause(t.source_first))) {
    // Out of a relative clause, only a titled or full name or a role takes over; in place of an
    // adverb or an object, a person or a group.
    const Phrase subject = phrases_.starting_at(opening);
    const bool person = subject.type == PhraseType::name || subject.type == PhraseType::role ||
                        subject.type == PhraseType::pronoun;
    const bool named_in_full =
        subject.type == PhraseType::name && (!subject.titles.empty() || subject.names.size() > 1);
    const bool person_or_group = (person || subject.type == PhraseType::group) && !names_a_place(subject);
    const bool takes_over = in_place_phrase    ? subject.type != PhraseType::none
                            : adverb || object ? person_or_group
                                               : subject.type == PhraseType::role || named_in_full;
    return takes_over && subject.last < t.source_first ? subject : Phrase{};
  }
  // A single word opening the sentence is a name only when the article has named its bearer in
  // full ("Significantly, the judge said" is no one's).
  const Phrase named = named_before_apposition(t.source_first);
  const bool name = named.type == PhraseType::name &&
                    (named.names.size() > 1 || !named.titles.empty() || people_.knows_in_full(named.names.back()));
  return name ? named : Phrase{};
}

Speaker SourceSpeakers::speaker_of(const TaggedAttribution& tagged, StatementEvidence& e) {
  TaggedAttribution t = tagged;
  t.source_first = after_fronted_adverbial(t.source_first, t.source_last);
  const std::string first = lowered(w_[t.source_first].text), last = lowered(w_[t.source_last].text);
  // "who"; "Lloyd Grove, the Daily Beast editor who" when the tagger took the antecedent in;
  // "who identifies as Hispanic" when it took the relative clause.
  const bool opens_relative = first == "who" || first == "which" || (first == "that" && t.source_first == t.source_last);
  e.relative = opens_relative || last == "who" || last == "which";
  e.possessive = possessive(w_[t.source_last].text) || first == "his" || first == "her" || first == "their";
  Phrase p = !e.relative     ? source_head(t.source_first, t.source_last)
             : opens_relative ? antecedent(t.source_first)
                              : antecedent(t.source_last);
  const Phrase subject = subject_speaking_instead(t, e.relative);
  const bool subject_took_over = subject.type != PhraseType::none;
  if (subject_took_over) p = subject;
  Speaker s;
  // "An EU diplomat told the Guardian ... The diplomat said": the source described, not the foreign
  // minister a diplomat's synonyms would reach.
  const bool definite_head = p.type == PhraseType::role && p.last == p.first + 1 &&
                             (w_[p.first].is("The") || w_[p.first].is("the"));
  const bool described_before = definite_head && anonymous_.describes(p.role) && !people_.introduced_exactly_as(p.role);
  if (p.type != PhraseType::none && !described_before) s = people_.resolve(p, reported_gender(t));
  if (!e.relative && !subject_took_over) join_coordinated_speaker(t, p, s);
  e.speaker = s.canonical.empty()                   ? 0
              : p.type == PhraseType::name          ? (p.names.size() > 1 ? 1 : 2)
              : p.type == PhraseType::pronoun       ? 3
              : p.type == PhraseType::role          ? 4
                                                    : 5;
  // The speaker as written is whom the statement is given to: the antecedent of a relative, the
  // subject that took over from a place, else the source.
  s.written = (p.type != PhraseType::none && e.relative) || subject_took_over ? phrases_.span_text(p.first, p.last)
                                                                              : phrases_.span_text(t.source_first, t.source_last);
  // A pronoun nobody in the article answers to stays unresolved: "they" is no speaker of its own.
  const bool pronoun = t.source_first == t.source_last && is_pronoun_or_relative(first);
  if (s.canonical.empty() && !pronoun) {
    // As written: the antecedent for a relative ("The senator, who spoke to Iowans, said"), the
    // subject that took over from a place ("The former president, speaking in New York, said").
    const bool antecedent_found = (e.relative || subject_took_over) && p.type != PhraseType::none;
    s.canonical = antecedent_found ? description_text(p.first, p.last) : description_text(t.source_first, t.source_last);
    s.group = true;
    if (const std::string* named = people_.named_institution(t.source_first + 1, t.source_last); named && !antecedent_found)
      s.canonical = *named;
  } else if (s.group && p.type == PhraseType::group && !subject_took_over && described_by_all(t.source_first, t.source_last)) {
    s.canonical = description_text(t.source_first, t.source_last);
  }
  // "his spokeswoman said": the role is that of whom "his" or "her" stands for.
  if (s.group && t.source_last == t.source_first + 1 && (first == "his" || first == "her") && is_role_noun(last)) {
    const std::string owner = people_.owner_of(first == "his" ? 1 : 2);
    if (!owner.empty()) s.canonical = lowered(w_[t.source_last].text) + " for " + owner;
  }
  // "A person familiar with the matter said ... The person added": the source described before.
  if (s.group) s.canonical = anonymous_.recall_or_note(s.canonical, w_[t.source_first].is("the") || w_[t.source_first].is("The"));
  // One person described, the subject of a finite cue (not "the president and the secretary
  // general", not the object of "apprising").
  // Not an office of state ("the Philippine president"), which is someone the article names.
  if (s.group && p.type == PhraseType::role && s.canonical.find(" and ") == std::string::npos &&
      !w_[t.cue_first].text.ends_with("ing") && !is_head_of_state_role(p.role))
    people_.note_described_speaker(s.canonical);
  // A body named, or named with its noun in lower case ("Iran's official news agency IRNA").
  bool body = s.group;
  for (uint32_t k = t.source_first; k < t.source_last && !body; ++k)
    body = w_[k].kind == WordKind::word && !w_[k].capitalized && is_institution_word(capitalised(w_[k].text));
  if (body && !s.canonical.empty() && w_[t.source_last].capitalized) people_.note_institution(s.canonical, s.written);
  // "The Foreign Ministry said in a statement ... The statement added": the document's author.
  if (definite_document(t.source_first, t.source_last)) {
    if (document_word_ != UINT32_MAX && same_document(document_word_, t.source_first, t.source_last)) {
      s.canonical = document_author_.canonical;
      s.group = document_author_.group;
    }
  } else if (const uint32_t document = document_named(t); !s.canonical.empty() && document != UINT32_MAX) {
    document_author_ = s;
    document_word_ = document;
  }
  return s;
}


// "Having announced ...", "Rattling off promises ...", "Affordable claims ...": a source of one
// capitalised word that opens its sentence and resolves to no one, a word that opens sentences or
// adverbials or that the article also writes in lower case, is a word the tagger took in; the
// speaker is not in the sentence. So is, wherever it stands, an article alone ("The had said"), a
// "who" that stands for no one ("four in 10 who said"), and a lower-case function word or adverb
// that no subject took over from ("originally said", "if told"): a word of the [stray] list or an
// adverb, not a pronoun or a count.
bool SourceSpeakers::word_taken_for_speaker(uint32_t first, uint32_t last) {
  if (first != last) return false;
  const std::string word = w_[first].text, lower = lowered(word);
  // "who" stands for no one unless a phrase comes before it ("four in 10 who said"; not
  // "Two people familiar with the matter, who were not authorised to speak, said").
  if (is_article(lower) || (word == "who" && antecedent(first).type == PhraseType::none)) return true;
  // Pronouns and counts speak for themselves ("They said", "He's said", "Others argue").
  const std::string_view head = std::string_view(lower).substr(0, lower.find_first_of("'\xE2"));
  if (speaks_for_itself(head) || opens_counted_phrase(head)) return false;
  if (!w_[first].capitalized) return is_stray_word(capitalised(lower)) || is_adverb_before_verb(lower);
  if (next_word(w_, phrases_.sentence_first(), first) != first) return false;
  return is_sentence_opener(word) || is_stray_word(word) || opens_adverbial(word, true) ||
         people_.written_in_lower_case(lower);
}

}  // namespace attache::indexer::attribution
