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
// in the same order. A speaker's block indexes 30 words of a name (FORMAT.md):
// words after the 30th of a longer name are not looked up.
//
// How far this reaches depends on the archive. A first name that speaks alone
// ("Frederick said") is decided against every cluster with a member of that
// first name, so it brings in every form of each of their last words; on
// generated articles, where many first names speak alone, that is nine
// tenths of the statements for any surname (BENCHMARKS.md). Past a budget the
// caller takes the whole archive's resolution instead, which then costs little
// more than it would have alone.
#include "speaker_forms.h"

#include <algorithm>
#include <map>
#include <set>

namespace attache::query::identity {
namespace {

bool holds(const std::vector<std::string>& words, const std::string& word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// The forms holding a word, each with all of its statements, looked up once;
// null once more statements than the budget allows have been read.
class FormsByWord {
 public:
  FormsByWord(const NameSource& source, uint64_t budget) : source_(source), budget_(budget) {}
  const Forms* holding(const std::string& word) {
    auto [at, added] = forms_.try_emplace(word);
    if (added) {
      source_.add_statements_naming(word, at->second);
      // A form found by its description's words lacks the statements that do not hold them.
      std::erase_if(at->second, [&](const auto& entry) { return !holds(entry.second.words, word); });
      for (const auto& [key, form] : at->second) read_ += form.statements;
    }
    return read_ > budget_ ? nullptr : &at->second;
  }

 private:
  const NameSource& source_;
  const uint64_t budget_;
  uint64_t read_ = 0;
  std::map<std::string, Forms> forms_;
};

}  // namespace

std::optional<Forms> forms_for_phrase(const std::vector<std::string>& phrase, const NameSource& source,
                                      uint64_t budget) {
  Forms taken;
  if (phrase.empty()) return taken;
  FormsByWord by_word(source, budget);
  std::set<std::string> complete;
  auto make_complete = [&](const std::string& last) {
    if (!complete.insert(last).second) return true;
    const Forms* holding = by_word.holding(last);
    if (!holding) return false;
    for (const auto& [key, form] : *holding)
      if (is_full(form) && form.words.back() == last) taken.emplace(key, form);
    return true;
  };
  const Forms* holding_first = by_word.holding(phrase.front());
  if (!holding_first) return std::nullopt;
  std::set<std::string> named_last;
  for (const auto& [key, form] : *holding_first)
    if (is_full(form) && contains_phrase(form.words, phrase)) named_last.insert(form.words.back());
  // The one-word forms that may join a named cluster.
  std::set<std::string> joining;
  for (const std::string& last : named_last) {
    const Forms* holding = make_complete(last) ? by_word.holding(last) : nullptr;
    if (!holding) return std::nullopt;
    joining.insert(last);
    for (const auto& [key, form] : *holding)
      if (is_full(form) && form.words.back() == last) joining.insert(form.words.front());
  }
  for (const std::string& word : joining) {
    if (!source.may_name_alone(word)) continue;
    const Forms* holding = by_word.holding(word);
    if (!holding) return std::nullopt;
    for (const auto& [key, form] : *holding) {
      if (!is_full(form)) taken.emplace(key, form);  // the word alone
      else if ((form.words.front() == word || form.words.back() == word) && !make_complete(form.words.back()))
        return std::nullopt;
    }
  }
  return taken;
}

}  // namespace attache::query::identity
