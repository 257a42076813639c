// Which forms of a speaker's name are one identity across the archive, and
// how a speaker: condition widens to an identity (speakers.h describes the
// rules; SpeakerTally feeds them).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "attache/query/query.h"
#include "attache/query/speakers.h"
#include "attache/storage/speaker_months.h"

namespace attache::query::identity {

// One form of a speaker's name as the statements give it.
struct Form {
  std::vector<std::string> words;  // folded
  SpeakerKind kind = SpeakerKind::person;
  std::map<std::string, uint64_t> written, descriptions;  // canonical as stored, descriptions: statements
  uint64_t statements = 0;
  // Statements by month, months ascending, when counted by month
  // (count_months; articles_listed false): what resolve() decides by.
  struct InMonth {
    int month = 0;
    uint64_t statements = 0;
  };
  std::vector<InMonth> months;
  struct InArticle {
    int month = 0;
    uint32_t statements = 0;
  };
  // By article, ascending: statements arrive in article order, so this is
  // appended to (a node per article in a map took most of the time of
  // deciding identities at 100k articles). Empty when the form was counted
  // by month (count_months): then resolve() asks for its articles when it
  // needs them.
  std::vector<std::pair<uint64_t, InArticle>> articles;
  bool articles_listed = true;
};
// By form_key.
using Forms = std::map<std::string, Form>;
std::string form_key(const std::vector<std::string>& words, SpeakerKind kind);
// Words from..to joined by single spaces.
std::string joined(const std::vector<std::string>& words, size_t from, size_t to);
// What a statement's article is known by: its segment and id.
inline uint64_t article_key(size_t segment, uint32_t doc) { return uint64_t{segment} << 32 | doc; }
// Counts the statement under the form of its speaker's name (none without one).
void add_statement(Forms& forms, const storage::StoredStatement& statement, uint64_t article, Day date);
// The form of these words and kind, made when new; and one statement of it
// counted in `article`, dated `date` (what identities are decided by).
Form& form_of(Forms& forms, std::vector<std::string> words, SpeakerKind kind);
void count_statement(Form& form, uint64_t article, Day date);
// Statements of the form counted by month (a segment's stored months,
// storage/speaker_months.h), without their articles.
void count_months(Form& form, std::span<const storage::MonthCount> months);
// The form's statements by month, months ascending, however it was counted.
std::vector<Form::InMonth> statements_by_month(const Form& form);
// Whether resolve() clusters the form with others (two words or more, or a
// group) rather than deciding it month by month (one word).
inline bool is_full(const Form& form) { return form.words.size() > 1 || form.kind == SpeakerKind::group; }
bool contains_phrase(const std::vector<std::string>& words, const std::vector<std::string>& phrase);

struct Identity {
  std::vector<std::string> words;  // of its name
  SpeakerKind kind = SpeakerKind::person;
  std::string name;                // as shown
};

inline constexpr uint32_t kNoIdentity = UINT32_MAX;

struct Resolution {
  std::vector<Identity> identities;
  // The forms each identity takes, with the months they belong to it
  // (empty: every month).
  struct Member {
    std::vector<std::string> words;
    std::vector<std::pair<int, int>> months;  // inclusive spans
  };
  std::vector<std::vector<Member>> members;
  std::unordered_map<std::string, uint32_t> whole;            // form key -> identity, every month
  std::unordered_map<std::string, std::vector<std::pair<int, uint32_t>>> by_month;  // one-word forms: (month, identity), ascending
  std::unordered_map<std::string, std::vector<uint32_t>> by_word;      // word -> identities with a form holding it, ascending

  uint32_t identity_of(const std::string& key, int month) const;
};

// The articles (article_key) of a form counted by month, ascending: the
// transliteration rule asks for them, rarely.
using ArticlesOf = std::function<std::vector<uint64_t>(const Form& form)>;
// By the form_key of a one-word form: statements by month of full names not
// among the forms resolved that it would be decided against, added to every
// month's total (speaker_forms.cc says when that decides as the archive does).
using Beyond = std::map<std::string, std::vector<Form::InMonth>>;
Resolution resolve(const Forms& forms, const ArticlesOf& articles_of = {}, const Beyond* beyond = nullptr);
// Fills by_word from the members.
void index_words(Resolution& resolution);

// Rewrites speaker: nodes under node (see SpeakerTally::resolve_speakers),
// each with the resolution `resolution_for` gives for its words
// (speaker_widening.cc).
using ResolutionFor = std::function<std::shared_ptr<const Resolution>(const std::vector<std::string>& phrase)>;
void widen_speaker_nodes(QueryNode& node, const ResolutionFor& resolution_for);

}  // namespace attache::query::identity
