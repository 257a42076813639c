// Resolving a tagged attribution's source to its speaker (source_speakers.h).
#include "source_speakers.h"

#include <algorithm>

#include "lexicon.h"
#include "noun_phrases.h"
#include "person_roles.h"
#include "speaker_names.h"

namespace attache::indexer::attribution {

// "the", "a" or "an" as written, in lower case.
bool SourceSpeakers::article_at(size_t k) const { return w_[k].kind == WordKind::word && is_article(w_[k].text); }

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
  // "Alan Berger, a gynecologist from Englewood, New Jersey, who said", "Nicky Driscoll, 24, from
  // Manchester, who said": who is a person, not the place that ends what is said of them; the
  // name before the commas is.
  auto somewhere = [&](const Phrase& q) {
    const bool from = q.type == PhraseType::name && q.first > sentence_first && w_[q.first - 1].is("from") &&
                      !people_.knows_in_full(q.names.back());
    return from || names_a_place(q);
  };
  // "Sen. Marco Rubio of Florida, who mused": the senator, not his state.
  if (somewhere(p) && w_[relative].is("who") && p.first >= sentence_first + 2 &&
      (w_[p.first - 1].is("of") || w_[p.first - 1].is("from"))) {
    const Phrase named = phrases_.ending_at(p.first - 2, sentence_first);
    if (named.type == PhraseType::name && !somewhere(named)) return named;
  }
  if (somewhere(p) && w_[relative].is("who"))
    for (int c = static_cast<int>(p.first) - 1; c > static_cast<int>(sentence_first) && c + 16 > k; --c) {
      if (w_[c].kind == WordKind::word) continue;
      if (w_[c].kind != WordKind::comma) break;
      const Phrase named = phrases_.ending_at(c - 1, sentence_first);
      if (named.type == PhraseType::name && !somewhere(named)) return named;
    }
  if ((p.type == PhraseType::name && !described) || k < static_cast<int>(sentence_first)) return p;
  if (p.type == PhraseType::none) return described_group_before(k);
  // "Mr Tam Dalyell, Labour MP for West Lothian, who": a name after a preposition ends the
  // description, a few words holding a title, of the name before its comma (not "..., and a vote
  // was called by Senator Chuck Schumer, who").
  bool in_description = described && is_object_preposition(lowered(w_[p.first - 1].text)) && !w_[p.first - 1].is("by");
  if (in_description && p.first >= sentence_first + 2) {
    constexpr int kLongestDescription = 6;
    int comma = static_cast<int>(p.first) - 2;
    while (comma > static_cast<int>(sentence_first) && w_[comma].kind == WordKind::word) --comma;
    bool title = false;
    for (int j = comma + 1; j < static_cast<int>(p.first) - 1; ++j) {
      const std::string lower = lowered(w_[j].text);
      // "secretary-general": a role before its hyphen.
      title = title || is_title_word(w_[j].text) || is_role_noun(lower) || is_role_noun(lower.substr(0, lower.find('-')));
    }
    in_description = w_[comma].kind == WordKind::comma && title && static_cast<int>(p.first) - 1 - comma <= kLongestDescription;
  } else {
    in_description = false;
  }
  for (int c = k; c > static_cast<int>(sentence_first) && c + 16 > k; --c) {
    if (w_[c].kind != WordKind::word) {
      const bool apposition = w_[c].kind == WordKind::comma && (article_at(c + 1) || in_description);
      // "Senator Paul S. Sarbanes (D., Md.), a member of ...": the party and state are no name.
      int name_end = c - 1;
      if (name_end > static_cast<int>(sentence_first) && w_[name_end].kind == WordKind::bracket_close)
        while (name_end > static_cast<int>(sentence_first) && w_[name_end].kind != WordKind::bracket_open) --name_end;
      if (name_end > static_cast<int>(sentence_first) && w_[name_end].kind == WordKind::bracket_open) --name_end;
      Phrase named = apposition ? phrases_.ending_at(name_end, sentence_first) : Phrase{};
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
  const uint32_t start = subject_start(source_first);
  const Phrase subject = phrases_.starting_at(start);
  // "In Tel Aviv, an Israeli army spokesman said": a preposition's object is no subject.
  const bool object = subject.first > start && is_object_preposition(lowered(w_[start].text));
  if (object || subject.type != PhraseType::name || subject.last + 2 > source_first ||
      w_[subject.last + 1].kind != WordKind::comma)
    return {};
  const uint32_t description = subject.last + 2;
  // "François Hollande, first secretary of the Socialist Party, saluted": a role within its first
  // words, in lower case (not "In Addis Ababa, Ethiopian Prime Minister Abiy Ahmed", a name).
  // ("American military governor in Germany" is in lower case after its nationality.)
  const uint32_t lower_from = description + (nation_of_word(w_[description].text) ? 1 : 0);
  bool role = false;
  for (uint32_t k = description; k < description + 3 && k < source_first + 3 && k < w_.size(); ++k)
    role = role || (w_[k].kind == WordKind::word && is_role_noun(lowered(w_[k].text)));
  role = role && lower_from < w_.size() && !w_[lower_from].capitalized && !names_a_place(subject);
  if (!article_at(description) && !opens_with_owner(description) &&
      phrases_.starting_at(description).type != PhraseType::role && !role)
    return {};
  for (uint32_t k = description; k < source_first; ++k)
    if (w_[k].kind != WordKind::word || find_cue(lowered(w_[k].text))) return {};
  return subject;
}

// The words after `first` and before `last`, in lower case.
std::vector<std::string> SourceSpeakers::words_between(uint32_t first, uint32_t last) const {
  std::vector<std::string> words;
  for (uint32_t k = first + 1; k < last; ++k) words.push_back(lowered(w_[k].text));
  return words;
}

// Whether the word at k is written in capitals somewhere in the article where no sentence opens,
// as a name is and an adverb opening a sentence is not.
bool SourceSpeakers::capitalised_inside_a_sentence(uint32_t k) const {
  auto inside = [&](uint32_t j) { return j > 0 && w_[j].sentence == w_[j - 1].sentence && w_[j - 1].kind == WordKind::word; };
  // Counted once per article: asked of each sentence, a scan of the article would be quadratic.
  if (!inside_sentences_counted_) {
    for (uint32_t j = 1; j < w_.size(); ++j)
      if (inside(j)) ++inside_sentences_[w_[j].text];
    inside_sentences_counted_ = true;
  }
  const auto found = inside_sentences_.find(w_[k].text);
  return found != inside_sentences_.end() && found->second > (inside(k) ? 1u : 0u);
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
  // "At Camp David he was more tactful, telling reporters": a place opening the sentence without
  // its comma is no speaker; the subject after it is.
  const uint32_t sentence_first = phrases_.sentence_first();
  if (!relative && t.source_first == sentence_first + 1 && w_[sentence_first].capitalized &&
      says_when_or_where(lowered(w_[sentence_first].text)) && t.source_last + 1 < w_.size()) {
    const Phrase subject = phrases_.starting_at(t.source_last + 1);
    if (subject.first == t.source_last + 1 && (subject.type == PhraseType::pronoun || subject.type == PhraseType::role ||
                                               (subject.type == PhraseType::name && !names_a_place(subject))))
      return subject;
  }
  const bool in_place_phrase = !relative && inside_prepositional_phrase(t.source_first);
  const bool adverb = !relative && !in_place_phrase && adverb_source(t);
  const bool object = !relative && !in_place_phrase && !adverb && object_before_participle(t);
  const uint32_t participial = relative ? 0 : comma_before_participial_phrase(t.source_first, t.source_last, t.cue_first);
  const uint32_t opening = subject_start(t.source_first);
  Phrase participle_subject = participial > opening ? source_head(opening, participial - 1) : Phrase{};
  // "The final communique, issued as the Riyadh Declaration and read out by X, said": a document
  // or a body described in lower case; so is any subject of a phrase naming its agent ("The new
  // law, signed by Putin, says").
  if (participial > opening && participle_subject.type == PhraseType::none) {
    const Word& head = w_[participial - 1];
    const bool agent_named = participial + 2 < w_.size() && w_[participial + 1].text.ends_with("ed") &&
                             w_[participial + 2].is("by");
    if (head.kind == WordKind::word && !head.capitalized &&
        (agent_named || is_document_noun(lowered(head.text)) || is_institution_word(capitalised(head.text))))
      participle_subject = Phrase{PhraseType::group, opening, participial - 1};
  }
  if (participle_subject.type != PhraseType::none) return participle_subject;
  if (in_place_phrase || adverb || object || (!relative && inside_relative_clause(t.source_first))) {
    // Out of a relative clause, only a titled or full name or a role takes over; in place of an
    // adverb or an object, a person or a group.
    const Phrase subject = phrases_.starting_at(opening);
    const bool person = subject.type == PhraseType::name || subject.type == PhraseType::role ||
                        subject.type == PhraseType::pronoun;
    // (Or a surname the article named in full before, with the clause right after it: "Tsipras,
    // whose government is locked in talks with ... the International Monetary Fund, insisted"; not
    // "Netanyahu rejected talks with Hamas, whose leaders call for".)
    const uint32_t after = subject.last + 2;
    const bool clause_after = after < t.source_first && w_[subject.last + 1].kind == WordKind::comma &&
                              (w_[after].is("who") || w_[after].is("whose") || w_[after].is("which"));
    const bool named_in_full = subject.type == PhraseType::name &&
                               (!subject.titles.empty() || subject.names.size() > 1 ||
                                (clause_after && people_.knows_in_full(subject.names.back())));
    const bool person_or_group = (person || subject.type == PhraseType::group) && !names_a_place(subject);
    const bool takes_over = in_place_phrase    ? subject.type != PhraseType::none
                            : adverb || object ? person_or_group
                                               : subject.type == PhraseType::role || named_in_full;
    if (!takes_over || subject.last >= t.source_first) return Phrase{};
    // "The Foreign Minister, Mr Downer, who sat in on the talks with ... Mr Ali Alatas, said": the
    // name in apposition to the role.
    if (subject.type == PhraseType::role && subject.last + 2 < t.source_first && w_[subject.last + 1].kind == WordKind::comma) {
      const Phrase named = phrases_.starting_at(subject.last + 2);
      if (named.type == PhraseType::name && named.last + 1 < t.source_first && w_[named.last + 1].kind == WordKind::comma)
        return named;
    }
    return subject;
  }
  // A single word opening the sentence is a name only when the article has named its bearer in
  // full, writes it in capitals inside a sentence too, or it is a publication's ("Significantly,
  // the judge said" is no one's; "Xinhua, the official news agency, said" is Xinhua's).
  const Phrase named = named_before_apposition(t.source_first);
  const bool name = named.type == PhraseType::name &&
                    (named.names.size() > 1 || !named.titles.empty() || people_.knows_in_full(named.names.back()) ||
                     capitalised_inside_a_sentence(named.first) || is_publication_word(w_[named.first].text));
  return name ? named : Phrase{};
}

// "Israel and Egypt initialed a new agreement Monday, and Secretary of State Henry A. Kissinger
// said": a clause joined by ", and" or ", but" before a subject in capitals is no part of the
// source. A clause has a verb in the past and no other comma (not "Steve Bell, senior director of
// ..., and a Republican who ...", nor a list).
uint32_t SourceSpeakers::after_coordinated_clause(uint32_t first, uint32_t last) const {
  uint32_t comma = first;
  for (uint32_t k = first; k < last; ++k)
    if (w_[k].kind == WordKind::comma) {
      if (comma != first) return first;  // a second comma
      comma = k;
    }
  if (comma == first || comma + 2 > last || !(w_[comma + 1].is("and") || w_[comma + 1].is("but")) ||
      !w_[comma + 2].capitalized)
    return first;
  for (uint32_t j = first; j < comma; ++j)
    if (w_[j].kind == WordKind::word && !w_[j].capitalized && w_[j].text.size() > 3 && w_[j].text.ends_with("ed"))
      return comma + 2;
  return first;
}

Speaker SourceSpeakers::speaker_of(const TaggedAttribution& tagged, StatementEvidence& e) {
  TaggedAttribution t = tagged;
  t.source_first = after_fronted_adverbial(t.source_first, t.source_last);
  t.source_first = after_coordinated_clause(t.source_first, t.source_last);
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
  // "The two ministers" are two people just named; "One of them", one of a group.
  std::string group_named;
  if (!subject_took_over) group_named = people_.pair_of_two(t.source_first, t.source_last);
  if (!subject_took_over && group_named.empty())
    group_named = people_.group_of_one(t.source_first, t.source_last, t.cue_first);
  if (!group_named.empty()) {
    s.canonical = group_named;
    s.group = true;
  } else if (p.type != PhraseType::none && !described_before) {
    s = people_.resolve(p, reported_gender(t));
  }
  if (!e.relative && !subject_took_over) join_coordinated_speaker(t, p, s);
  e.source_definite = first == "the";
  e.pronoun_body = p.type == PhraseType::pronoun && (p.role == "it" || p.role == "they");
  e.pronoun_contested = s.contested;
  e.role_inferred = s.role_inferred;
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
    // A document's author in lower case: "A statement by the state news agency" is the agency's.
    const bool antecedent_found = (e.relative || subject_took_over) && p.type != PhraseType::none;
    auto author = antecedent_found ? std::nullopt : document_author(t.source_first, t.source_last);
    if (author && author->first < t.source_first + 2) author.reset();  // "The declaration", "A Foreign Ministry statement"
    // The words described: the antecedent's, the author's head or the author's words, else the source's.
    std::pair<uint32_t, uint32_t> described_words{t.source_first, t.source_last};
    if (antecedent_found || (author && p.type != PhraseType::none && p.first >= author->first))
      described_words = {p.first, p.last};
    else if (author)
      described_words = *author;
    s.canonical = description_text(described_words.first, described_words.second);
    s.group = true;
    if (const std::string* named = people_.named_institution(t.source_first + 1, t.source_last); named && !antecedent_found)
      s.canonical = *named;
  } else if (s.group && p.type == PhraseType::group && !subject_took_over && group_named.empty() &&
             described_by_all(t.source_first, t.source_last)) {
    s.canonical = description_text(t.source_first, t.source_last);
  }
  // "Radio Budapest broadcast ... the station said": a body named before, which a noun of it describes.
  // (Only a description it stayed: not one of a name, "the Israeli army".)
  const std::string_view description = std::string_view(s.canonical).substr(s.canonical.starts_with("The ") ? 4 : 0);
  if (s.group && first == "the" && t.source_last > t.source_first && is_body_noun(last) &&
      !has_capital(description))
    if (const BodyMention* body = bodies_.described_by(words_between(t.source_first, t.source_last), last, t.source_first))
      s.canonical = body->canonical;
  // "The UN refugee agency (UNHCR) said": a body described in lower case is known by the acronym
  // after it.
  const uint32_t after = t.source_last + 1;
  if (s.group && after + 2 < w_.size() && !w_[t.source_last].capitalized && w_[after].kind == WordKind::bracket_open &&
      is_acronym(w_[after + 1].text) && w_[after + 2].kind == WordKind::bracket_close)
    s.canonical = w_[after + 1].text;
  // "his spokeswoman said": the role is that of whom "his" or "her" stands for.
  if (s.group && t.source_last == t.source_first + 1 && (first == "his" || first == "her") && is_role_noun(last)) {
    const std::string owner = people_.owner_of(first == "his" ? 1 : 2);
    if (!owner.empty()) s.canonical = lowered(w_[t.source_last].text) + " for " + owner;
  }
  // "A person familiar with the matter said ... The person added": the source described before.
  if (s.group) s.canonical = anonymous_.recall_or_note(s.canonical, w_[t.source_first].is("the") || w_[t.source_first].is("The"));
  // One person described, the subject of a finite cue (not "the president and the secretary
  // general", not the object of "apprising"), whom a later "he" or "she" may stand for: a role
  // ("the representative of France") or a description headed by one ("A senior official"). Not an
  // office of state ("the Philippine president"), which is someone the article names, unless it
  // has named no one. Officials described ("The officials said") are whom a later "they" stands for.
  // ("According to one diplomat" is a finite cue's source.)
  const bool finite_cue = !w_[t.cue_first].is("according") && (!w_[t.cue_first].text.ends_with("ing") || w_[t.cue_first].is("According"));
  // So is an office of a place no one was introduced in ("The Prince of Wales ... he said").
  const bool office = p.type == PhraseType::name && s.group && !p.titles.empty();
  const std::string head = lowered(w_[t.source_last].text);
  // "a South Vietnamese Foreign Ministry spokesman": a description whose last word is a role.
  // (Or, described as one of several, by its role before a relative clause or alone: "one diplomat
  // who has followed the track".)
  // (Its head is its first role noun: "spokesman" of "spokesman for Donald Trump".)
  std::string described_head;
  for (const std::string& word : split_words(s.canonical))
    if (described_head.empty() && is_role_noun(lowered(word))) described_head = lowered(word);
  const std::string opening = lowered(w_[t.source_first].text);
  const bool indefinite = opening == "one" || opening == "a" || opening == "an" || opening == "another";
  const bool role_described = (p.type == PhraseType::group && (is_role_noun(p.role) || is_role_noun(head))) ||
                              ((p.type == PhraseType::group || p.type == PhraseType::none) && indefinite &&
                               is_role_noun(described_head));
  const bool one_described = office || ((p.type == PhraseType::role || role_described) &&
                                        (!is_head_of_state_role(p.role) || !people_.anyone_named()));
  if (s.group && finite_cue && s.canonical.find(" and ") == std::string::npos) {
    if (one_described)
      people_.note_described_speaker(s.canonical);
    else if (is_group_noun(head) || (p.type == PhraseType::group && is_group_noun(opening)))  // "Members of the delegation"
      people_.note_described_group(s.canonical);
  }
  // A body named, or named with its noun in lower case ("Iran's official news agency IRNA").
  bool body = s.group;
  for (uint32_t k = t.source_first; k < t.source_last && !body; ++k)
    body = w_[k].kind == WordKind::word && !w_[k].capitalized && is_institution_word(capitalised(w_[k].text));
  if (body && !s.canonical.empty() && w_[t.source_last].capitalized) people_.note_institution(s.canonical, s.written);
  // "The Foreign Ministry said in a statement ... The statement added": the document's author.
  const int sentence = static_cast<int>(phrases_.sentence());
  const bool definite = definite_document(t.source_first, t.source_last);
  if (definite) {
    // (Its own words may be the latest mention: "The declaration states".)
    const DocumentMention* mentioned = documents_.referent(last, t.source_last + 1);
    const bool issued = document_word_ != UINT32_MAX && same_document(document_word_, t.source_first, t.source_last);
    if (mentioned && mentioned->named && (!issued || mentioned->word >= document_word_)) {
      // "Resolution 929 was adopted ... The text says", "the Kremlin published a new foreign policy
      // concept ... The document says": a document with a name of its own says it, not its author.
      s.canonical = mentioned->canonical;
      s.group = true;
    } else if (issued) {
      s.canonical = document_author_.canonical;
      s.group = document_author_.group;
    } else if (body_spoke_ + 1 >= sentence && !body_.canonical.empty()) {
      // "Cairo radio said tonight that ... The broadcast added that ...": what the body that has
      // just spoken put out.
      s.canonical = body_.canonical;
      s.group = true;
    } else if (mentioned && t.source_last == t.source_first + 1) {
      s.canonical = mentioned->canonical;  // "signed a joint statement ... The document said"
      s.group = true;
    }
  } else if (s.canonical.empty() && pronoun && first == "it") {
    // "the two leaders signed the Pyongyang Declaration ... It also says": a document just mentioned.
    if (const DocumentMention* mentioned = documents_.named_subject_near(t.source_first)) {
      s.canonical = mentioned->canonical;
      s.group = true;
    }
  } else if (const uint32_t document = document_named(t); !s.canonical.empty() && document != UINT32_MAX) {
    document_author_ = s;
    document_word_ = document;
  }
  // A body named or a body's noun ("Cairo radio"), not a document or a law ("The new law, signed by
  // Putin, says ... The treaty ... says" is no document the law put out).
  auto body_noun = [&](const Word& noun) {
    return (noun.capitalized || is_institution_word(capitalised(noun.text)) || is_publication_word(capitalised(noun.text))) &&
           !is_document_noun(lowered(noun.text));
  };
  if (s.group && !s.canonical.empty() && !definite && p.type == PhraseType::group && body_noun(w_[p.last])) {
    body_ = s;
    body_spoke_ = sentence;
  }
  // "The joint statement said ... It also says": a document or a body described, or the author a
  // document stands for, is whom a later "it" stands for; so is a document described at more length
  // ("The resolution the two men drafted, No. 338, called on ...").
  // (The tagger may take the phrase in: "The final communique, issued as ... and read out by X".)
  const std::vector<std::string> described = split_words(s.canonical);
  const bool document_head = is_document_noun(head) || (p.type != PhraseType::none && is_document_noun(lowered(w_[p.last].text))) ||
                             (!described.empty() && is_document_noun(lowered(described.back())));
  if (finite_cue && !s.canonical.empty() && (document_head || (s.group && is_institution_word(w_[t.source_last].text))))
    people_.note_described_body(s.canonical);
  return s;
}


// "Having announced ...", "Rattling off promises ...", "Affordable claims ...": a source of one
// capitalised word that opens its sentence and resolves to no one, a word that opens sentences or
// adverbials or that the article also writes in lower case, is a word the tagger took in; the
// speaker is not in the sentence. So is, wherever it stands, an article alone ("The had said"), a
// "who" that stands for no one ("four in 10 who said"), and a lower-case function word or adverb
// that no subject took over from ("originally said", "if told"): a word of the [stray] list or an
// adverb, not a pronoun or a count.
// "Publicly, the GOP nominee ...", "Recently, Herman Cain ...": an adverb opening the sentence
// before its comma, which the phrases read as a name (no one named in full has it: "Kelly, who").
bool SourceSpeakers::adverb_taken_for_name(uint32_t first, uint32_t last) {
  if (first != last || first + 1 >= w_.size() || w_[first + 1].kind != WordKind::comma || !w_[first].capitalized ||
      next_word(w_, phrases_.sentence_first(), first) != first)
    return false;
  const std::string& word = w_[first].text;
  return word.size() > 4 && word.ends_with("ly") && !people_.knows_in_full(word) && !given_name_gender(word);
}

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
