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
// So forms_for_phrase() takes: for each last word of a full form holding P,
// every full form ending with it; for that word and those forms' first words,
// when a statement names one alone, that one-word form, and every full form
// ending with the last word of any full form beginning or ending with it.
// Every full form taken has its last word complete (so 1 holds for every
// cluster formed) and every one-word form taken is decided as in 2, so the
// resolution of the forms taken has the archive's identities for P; identities
// keep their relative order (roots, then one-word forms, in the order of the
// forms, which a subset keeps), and widen_speaker_node() writes the same nodes
// in the same order. A name that folds alike for speakers of several kinds
// brings the forms of each: groups never join nor are decided against, and a
// one-word form of no named identity's first or last word cannot join one, so
// those change nothing. A speaker's block indexes 30 words of a name
// (FORMAT.md): words after the 30th of a longer name are not looked up.
//
// How far this reaches depends on the archive. A first name that speaks alone
// ("Frederick said") is decided against every cluster with a member of that
// first name, so it brings in every form of each of their last words; on
// generated articles, where many first names speak alone, that is nine
// tenths of the statements for any surname (BENCHMARKS.md). Past a budget the
// caller resolves every name instead, which then costs little more than it
// would have alone: the names are chosen, and their statements counted, from
// the speaker tables and the postings' dictionaries before any statement is
// read.
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

}  // namespace

std::optional<Forms> forms_for_phrase(const std::vector<std::string>& phrase, const NameSource& source,
                                      uint64_t budget) {
  if (phrase.empty()) return Forms{};
  Taken taken(source, budget);
  std::set<std::string> complete;
  auto make_complete = [&](const std::string& last) {
    if (!complete.insert(last).second) return true;
    for (const uint32_t n : source.names_holding(last))
      if (gives_full(source.name(n)) && source.name(n).words.back() == last && !taken.take(n)) return false;
    return true;
  };
  std::set<std::string> named_last;
  for (const uint32_t n : source.names_holding(phrase.front()))
    if (gives_full(source.name(n)) && contains_phrase(source.name(n).words, phrase))
      named_last.insert(source.name(n).words.back());
  // The one-word forms that may join a named cluster.
  std::set<std::string> joining;
  for (const std::string& last : named_last) {
    if (!make_complete(last)) return std::nullopt;
    joining.insert(last);
    for (const uint32_t n : source.names_holding(last))
      if (gives_full(source.name(n)) && source.name(n).words.back() == last)
        joining.insert(source.name(n).words.front());
  }
  for (const std::string& word : joining) {
    const auto holding = source.names_holding(word);
    bool alone = false;
    for (const uint32_t n : holding)
      if (gives_one_word(source.name(n))) {
        alone = true;
        if (!taken.take(n)) return std::nullopt;
      }
    if (!alone) continue;  // nothing to decide
    for (const uint32_t n : holding) {
      const auto& words = source.name(n).words;
      if (words.size() > 1 && (words.front() == word || words.back() == word) && !make_complete(words.back()))
        return std::nullopt;
    }
  }
  return taken.forms();
}

}  // namespace attache::query::identity
