// The forms a speaker: condition's widening needs (speaker_forms.h).
//
// Why they suffice. Call a form "full" when resolve() clusters it (two words
// or more, or a group), and say that a last word L is complete in a set of
// forms when every full form of the archive ending with L is in it, with all
// of its statements.
//
// 1. Clusters. Every join of join_full_names() is between person forms with
//    the same last word: a longer form and the full name it ends with, a form
//    and the same without its middle names, an initial and the full name it
//    fits, two transliterated first names. Whether one happens depends only on
//    the forms with that last word (the initial rule counts their clusters as
//    they stand when it runs, and those are made of the same forms, joined in
//    the same order) and on the forms' own articles. So where L is complete,
//    its clusters are the archive's, with the archive's statements by month
//    (which count full members only), roots and members in the same order.
// 2. One-word forms. A one-word form x of kind k is decided month by month
//    against the identities with a full member of kind k ending with x (or,
//    for people, beginning with it). If the last word of every full form
//    beginning or ending with x is complete, those candidates and their
//    monthly statements are the archive's, and x joins the same identity in
//    the same months, or stays its own.
// 3. Named identities. widen_speaker_node() adds, for each identity with a
//    member holding the condition's words P, every other member with its
//    months. A member holding P is a full form holding P, or a one-word form
//    equal to P that joined a cluster with a member beginning or ending with
//    P, which holds P too. Either way the identity's cluster has the last word
//    of a full form holding P. Its other members are its cluster (exact by 1,
//    where that last word is complete) and the one-word forms that joined it,
//    each equal to the cluster's last word or to a member's first word
//    (decided exactly by 2, when every full form beginning or ending with it
//    has its last word complete). An identity of one one-word form alone, or of
//    a group, has no other member: it adds nothing.
//
// 4. Bounds. Completing the candidates of a first name that speaks alone
//    ("Frederick said") takes every form of each surname it is the first
//    name of: on generated articles, nine tenths of the statements for any
//    surname (BENCHMARKS.md). So a one-word form x is first decided against
//    the candidates among the forms taken, plus, in each month's total, the
//    statements of its other candidates' own forms (full forms beginning or
//    ending with x whose last word is not complete: resolve()'s Beyond). Each
//    of those is in a cluster of its own last word, outside the forms taken,
//    and holds at most that cluster's statements: the total is at most the
//    archive's. x joins an identity in a month only when that identity holds
//    at least kDominance of the total (then it is also the largest); with a
//    larger total the share only falls. So where x joins no cluster against
//    the bound, it joins none of the forms taken in the archive either, and
//    the only identities it can join are outside, named by no full form
//    holding P (3): the widening is the same. Where it joins one against the
//    bound, its candidates' last words are completed (2) and the forms are
//    resolved again, until no bounded word joins one.
//
// So resolution_for_phrase() takes: for each last word of a full form
// holding P, every full form ending with it; for that word and those forms'
// first words, when a statement names one alone, that one-word form, and
// (for those decided exactly) every full form ending with the last word of
// any full form beginning or ending with it. Every full form taken has its
// last word complete (so 1 holds for every cluster formed) and every
// one-word form taken is decided as in 2 or 4, so the resolution has the
// archive's identities for P; identities keep their relative order (roots,
// then one-word forms, in the order of the forms, which a subset keeps), and
// widen_speaker_node() writes the same nodes in the same order. A name that
// folds alike for speakers of several kinds brings the forms of each: groups
// never join nor are decided against, and a one-word form of no named
// identity's first or last word cannot join one, so those change nothing. A
// speaker's block indexes 30 words of a name (FORMAT.md): words after the
// 30th of a longer name are not looked up.
//
// Past a budget of statements taken (not those read for bounds: a name's
// months cost the same however many statements they count) the caller
// resolves every name instead, which then costs little more than it would
// have alone: the names are chosen, and their statements counted, from the
// speaker tables and the postings' dictionaries before any statement is read.
#include "speaker_forms.h"

#include <set>

namespace attache::query::identity {
namespace {

constexpr uint8_t kGroupBit = 1 << static_cast<int>(SpeakerKind::group);

// What is_full() says of the forms a name gives: a one-word name of a group
// and of a person at once gives one of each.
bool gives_full(const NameSource::Name& name) { return name.words.size() > 1 || (name.kinds & kGroupBit); }
bool gives_one_word(const NameSource::Name& name) { return name.words.size() == 1 && (name.kinds & ~kGroupBit); }

// The names taken, and their statements counted against the budget.
class Taken {
 public:
  Taken(const NameSource& source, uint64_t budget) : source_(source), budget_(budget) {}
  // False once the names taken hold more statements than the budget.
  bool take(uint32_t n) {
    if (names_.insert(n).second) statements_ += source_.statement_count(n);
    return statements_ <= budget_;
  }
  Forms forms() const {
    Forms out;
    for (const uint32_t n : names_) source_.add_statements(n, out);
    return out;
  }

 private:
  const NameSource& source_;
  const uint64_t budget_;
  uint64_t statements_ = 0;
  std::set<uint32_t> names_;
};

// One choice of forms for a phrase: the one-word forms of the words in
// `exact` decided against complete candidates, the others against bounds.
class Choice {
 public:
  Choice(const std::vector<std::string>& phrase, const NameSource& source, uint64_t budget,
         const std::set<std::string>& exact)
      : source_(source), taken_(source, budget), exact_(exact) {
    ok_ = choose(phrase);
  }
  bool ok() const { return ok_; }
  Forms forms() const { return taken_.forms(); }
  // The words whose one-word forms were decided against bounds.
  const std::set<std::string>& bounded() const { return bounded_; }
  // The months of their candidates outside `taken` (forms()): a lower bound
  // of what their identities hold.
  Beyond beyond(const Forms& taken) const;

 private:
  bool make_complete(const std::string& last);
  // Whether the name gives full forms beginning or ending with `word` whose
  // last word is not complete: candidates outside the forms taken.
  bool outside(uint32_t n, const std::string& word) const;
  std::set<uint32_t> outside_names(const std::string& word) const;
  bool choose(const std::vector<std::string>& phrase);
  bool decide(const std::string& word);

  const NameSource& source_;
  Taken taken_;
  const std::set<std::string>& exact_;
  std::set<std::string> complete_, bounded_;
  bool ok_ = false;
};

bool Choice::make_complete(const std::string& last) {
  if (!complete_.insert(last).second) return true;
  for (const uint32_t n : source_.names_holding(last))
    if (gives_full(source_.name(n)) && source_.name(n).words.back() == last && !taken_.take(n)) return false;
  return true;
}

bool Choice::choose(const std::vector<std::string>& phrase) {
  std::set<std::string> named_last;
  for (const uint32_t n : source_.names_holding(phrase.front()))
    if (gives_full(source_.name(n)) && contains_phrase(source_.name(n).words, phrase))
      named_last.insert(source_.name(n).words.back());
  // The one-word forms that may join a named cluster.
  std::set<std::string> joining;
  for (const std::string& last : named_last) {
    if (!make_complete(last)) return false;
    joining.insert(last);
    for (const uint32_t n : source_.names_holding(last))
      if (gives_full(source_.name(n)) && source_.name(n).words.back() == last)
        joining.insert(source_.name(n).words.front());
  }
  for (const std::string& word : joining)
    if (!decide(word)) return false;
  // The bounds are known once every last word to complete is; a word without
  // candidates outside is decided exactly.
  std::erase_if(bounded_, [&](const std::string& word) {
    bool any = false;
    for (const uint32_t n : source_.names_holding(word)) any |= outside(n, word);
    return !any;
  });
  return true;
}

bool Choice::outside(uint32_t n, const std::string& word) const {
  const auto& words = source_.name(n).words;
  return words.size() > 1 && (words.front() == word || words.back() == word) && !complete_.contains(words.back());
}

// The outside names holding the word, and those of the full names their
// person forms certainly join: each longer suffix and the name without its
// middle names (join_full_names()), which end with the same last word.
std::set<uint32_t> Choice::outside_names(const std::string& word) const {
  std::set<uint32_t> names;
  std::vector<std::vector<std::string>> joined;
  for (const uint32_t n : source_.names_holding(word)) {
    if (!outside(n, word)) continue;
    names.insert(n);
    const auto& w = source_.name(n).words;
    for (size_t m = w.size() - 1; m >= 2; --m) joined.emplace_back(w.end() - static_cast<std::ptrdiff_t>(m), w.end());
    if (w.size() >= 3) joined.push_back({w.front(), w.back()});
  }
  // Found by their words, not by a scan of their last word's names: a first name shared by
  // thousands of full names made that a scan of every surname's list (at a million articles, 60%
  // of a cold speaker query's 16 s of CPU).
  for (const auto& words : joined)
    for (const uint32_t n : source_.names_named(words)) names.insert(n);
  return names;
}

Beyond Choice::beyond(const Forms& taken) const {
  Beyond out;
  for (const std::string& word : bounded_) {
    Forms read;
    for (const uint32_t n : outside_names(word)) source_.add_statements(n, read);
    // The candidates (resolve()'s by_word) outside the forms taken, and the
    // forms in their clusters as far as they are certain, each counted once.
    std::set<std::string> counted;
    for (const auto& [key, form] : read) {
      if (!is_full(form) || form.kind == SpeakerKind::group || taken.contains(key) ||
          complete_.contains(form.words.back()))
        continue;
      if (form.words.back() != word && (form.kind != SpeakerKind::person || form.words.front() != word)) continue;
      counted.insert(key);
      if (form.kind != SpeakerKind::person) continue;
      const auto& w = form.words;
      for (size_t m = w.size() - 1; m >= 2; --m)
        if (const auto suffix = form_key({w.end() - static_cast<std::ptrdiff_t>(m), w.end()}, form.kind); read.contains(suffix))
          counted.insert(suffix);
      if (const auto middle = form_key({w.front(), w.back()}, form.kind); w.size() >= 3 && read.contains(middle))
        counted.insert(middle);
    }
    for (const std::string& key : counted) {
      const Form& form = read.at(key);
      auto& months = out[form_key({word}, form.kind)];
      const auto more = statements_by_month(form);
      months.insert(months.end(), more.begin(), more.end());
    }
  }
  return out;
}

// Takes the word's one-word forms, and completes their candidates' last words
// when the word is to be decided exactly.
bool Choice::decide(const std::string& word) {
  const auto holding = source_.names_holding(word);
  bool alone = false;
  for (const uint32_t n : holding)
    if (gives_one_word(source_.name(n))) {
      alone = true;
      if (!taken_.take(n)) return false;
    }
  if (!alone) return true;  // nothing to decide
  if (!exact_.contains(word)) {
    bounded_.insert(word);
    return true;
  }
  for (const uint32_t n : holding) {
    const auto& words = source_.name(n).words;
    if (words.size() > 1 && (words.front() == word || words.back() == word) && !make_complete(words.back()))
      return false;
  }
  return true;
}

}  // namespace

std::optional<Resolution> resolution_for_phrase(const std::vector<std::string>& phrase, const NameSource& source,
                                                uint64_t budget) {
  if (phrase.empty()) return resolve({});
  const ArticlesOf articles_of = [&](const Form& form) { return source.articles_of(form); };
  std::set<std::string> exact;
  for (;;) {
    const Choice choice(phrase, source, budget, exact);
    if (!choice.ok()) return std::nullopt;
    const Forms forms = choice.forms();
    const Beyond beyond = choice.beyond(forms);
    Resolution resolution = resolve(forms, articles_of, &beyond);
    // A bounded word that joined a cluster in some month might not have with
    // all of its candidates: it is decided again, exactly.
    bool settled = true;
    for (const auto& members : resolution.members)
      for (const auto& member : members)
        if (member.words.size() == 1 && !member.months.empty() && choice.bounded().contains(member.words[0])) {
          exact.insert(member.words[0]);
          settled = false;
        }
    if (settled) return resolution;
  }
}

}  // namespace attache::query::identity
