// Joining the forms of a name into identities (speaker_identity.h).
#include "speaker_identity.h"

#include <algorithm>
#include <numeric>
#include <optional>

#include "attache/analysis/terms.h"

namespace attache::query::identity {
namespace {

constexpr int kWindowMonths = 12;     // "around the article's date": a year either side
constexpr double kDominance = 0.8;    // share of the full-name statements that makes a name dominant

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), size_t{0}); }
  size_t find(size_t i) { return parent_[i] == i ? i : parent_[i] = find(parent_[i]); }
  void join(size_t a, size_t b) { parent_[find(a)] = find(b); }

 private:
  std::vector<size_t> parent_;
};

// "Sergey"/"Sergei", "Dmitry"/"Dmitri": one first name written two ways,
// differing in its last letters only ("Ivana" and "Ivanka" are two names).
bool transliterations(const std::string& a, const std::string& b) {
  size_t common = 0;
  while (common < a.size() && common < b.size() && a[common] == b[common]) ++common;
  return a != b && a.size() == b.size() && a.size() >= 6 && common + 2 >= a.size();
}

std::vector<uint64_t> articles(const Form& form, const ArticlesOf& articles_of) {
  if (!form.articles_listed) return articles_of(form);
  std::vector<uint64_t> out;
  out.reserve(form.articles.size());
  for (const auto& [article, in] : form.articles) out.push_back(article);
  return out;
}

bool share_an_article(const Form& a, const Form& b, const ArticlesOf& articles_of) {
  // Both ascending: one merge.
  const std::vector<uint64_t> x = articles(a, articles_of), y = articles(b, articles_of);
  auto i = x.begin(), j = y.begin();
  while (i != x.end() && j != y.end()) {
    if (*i == *j) return true;
    if (*i < *j) ++i;
    else ++j;
  }
  return false;
}

void add_month(std::vector<Form::InMonth>& months, int month, uint64_t statements) {
  if (months.empty() || months.back().month < month) {
    months.push_back({month, statements});
    return;
  }
  auto at = std::lower_bound(months.begin(), months.end(), month, [](const Form::InMonth& m, int x) { return m.month < x; });
  if (at == months.end() || at->month != month) at = months.insert(at, {month, 0});
  at->statements += statements;
}

std::vector<Form::InMonth> months_of_articles(const Form& form) {
  std::vector<Form::InMonth> months;
  for (const auto& [article, in] : form.articles) add_month(months, in.month, in.statements);
  return months;
}

// A form's statements by month: kept when it was counted by month, else
// from its articles (a tally of one query's statements never needs them).
const std::vector<Form::InMonth>& months_of(const Form& form, std::vector<Form::InMonth>& scratch) {
  if (!form.articles_listed) return form.months;
  scratch = months_of_articles(form);
  return scratch;
}

// The forms that are one person: unions over the multi-word person forms.
// Keys and words are views of `forms`' own strings: deciding every name of an
// archive builds these tables over tens of thousands of forms.
void join_full_names(const std::vector<const Form*>& forms, const std::vector<std::string_view>& keys, UnionFind& sets,
                     const ArticlesOf& articles_of) {
  std::unordered_map<std::string_view, size_t> index;
  index.reserve(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) index.emplace(keys[i], i);
  std::unordered_map<std::string_view, std::vector<size_t>> by_surname;
  for (size_t i = 0; i < forms.size(); ++i) by_surname[forms[i]->words.back()].push_back(i);
  auto find = [&](const std::string& key) { return index.find(std::string_view(key)); };
  for (size_t i = 0; i < forms.size(); ++i) {
    const auto& w = forms[i]->words;
    if (forms[i]->kind != SpeakerKind::person) continue;
    const std::string kind_prefix(keys[i].substr(0, 2));
    // A longer form ending with a full name: what comes first describes.
    for (size_t m = w.size() - 1; m >= 2; --m)
      if (auto it = find(kind_prefix + joined(w, w.size() - m, w.size())); it != index.end()) {
        sets.join(i, it->second);
        break;
      }
    // Middle names: "hillary rodham clinton" is "hillary clinton".
    if (w.size() >= 3)
      if (auto it = find(kind_prefix + w.front() + " " + w.back()); it != index.end()) sets.join(i, it->second);
    const std::vector<size_t>& same_surname = by_surname[w.back()];
    // An initial, when one full name of that surname fits it.
    if (w.size() >= 2 && w.front().size() == 1) {
      size_t match = SIZE_MAX, matches = 0;
      for (size_t j : same_surname) {
        const auto& v = forms[j]->words;
        if (j != i && v.front().size() > 1 && v.front()[0] == w.front()[0] && forms[j]->kind == forms[i]->kind) {
          if (match == SIZE_MAX || sets.find(j) != sets.find(match)) ++matches;
          match = j;
        }
      }
      if (matches == 1) sets.join(i, match);
    }
    // Transliterated first names (of six letters or more), unless both speak in one article.
    if (w.front().size() < 6) continue;
    for (size_t j : same_surname) {
      const auto& v = forms[j]->words;
      if (j > i && v.size() == w.size() && forms[j]->kind == forms[i]->kind &&
          std::equal(w.begin() + 1, w.end(), v.begin() + 1) && transliterations(w.front(), v.front()) &&
          !share_an_article(*forms[i], *forms[j], articles_of))
        sets.join(i, j);
    }
  }
}

// An identity's statements by month (of its full names), summed up to each
// month, for the sums over a year around a month.
class MonthlySums {
 public:
  void add(const std::vector<Form::InMonth>& months) { months_.insert(months_.end(), months.begin(), months.end()); }
  void finish() {
    std::sort(months_.begin(), months_.end(), [](const auto& a, const auto& b) { return a.month < b.month; });
    size_t kept = 0;
    for (const auto& m : months_) {
      if (kept > 0 && months_[kept - 1].month == m.month) months_[kept - 1].statements += m.statements;
      else months_[kept++] = m;
    }
    months_.resize(kept);
    sums_.assign(1, 0);
    for (const auto& m : months_) sums_.push_back(sums_.back() + m.statements);
  }
  // Statements in months from..to (inclusive).
  uint64_t between(int from, int to) const {
    auto month_below = [](const Form::InMonth& m, int x) { return m.month < x; };
    const auto lo = std::lower_bound(months_.begin(), months_.end(), from, month_below);
    const auto hi = std::lower_bound(lo, months_.end(), to + 1, month_below);
    return sums_[static_cast<size_t>(hi - months_.begin())] - sums_[static_cast<size_t>(lo - months_.begin())];
  }

 private:
  std::vector<Form::InMonth> months_;
  std::vector<uint64_t> sums_;
};

std::string shown_name(const Form& form) {
  auto best = std::max_element(form.written.begin(), form.written.end(),
                               [](auto& a, auto& b) { return a.second < b.second; });
  return best == form.written.end() ? joined(form.words, 0, form.words.size()) : best->first;
}

// Consecutive months as spans.
std::vector<std::pair<int, int>> spans(const std::vector<int>& months) {
  std::vector<std::pair<int, int>> out;
  for (int m : months) {
    if (!out.empty() && out.back().second + 1 >= m) out.back().second = std::max(out.back().second, m);
    else out.emplace_back(m, m);
  }
  return out;
}

}  // namespace

std::string joined(const std::vector<std::string>& words, size_t from, size_t to) {
  std::string s;
  for (size_t i = from; i < to; ++i) (s += i == from ? "" : " ") += words[i];
  return s;
}

std::string form_key(const std::vector<std::string>& words, SpeakerKind kind) {
  return std::to_string(static_cast<int>(kind)) + ":" + joined(words, 0, words.size());
}

Form& form_of(Forms& forms, std::vector<std::string> words, SpeakerKind kind) {
  Form& f = forms[form_key(words, kind)];
  if (f.words.empty()) {
    f.words = std::move(words);
    f.kind = kind;
  }
  return f;
}

void count_statement(Form& form, uint64_t article, Day date) {
  ++form.statements;
  auto& articles = form.articles;
  auto at = articles.end();
  if (articles.empty() || articles.back().first < article) {
    articles.push_back({article, {month_of(date), 0}});
    at = articles.end() - 1;
  } else if (articles.back().first == article) {
    at = articles.end() - 1;
  } else {  // out of order: kept sorted
    at = std::lower_bound(articles.begin(), articles.end(), article, [](const auto& e, uint64_t a) { return e.first < a; });
    if (at == articles.end() || at->first != article) at = articles.insert(at, {article, {month_of(date), 0}});
  }
  ++at->second.statements;
  if (!form.articles_listed) add_month(form.months, at->second.month, 1);
}

std::vector<Form::InMonth> statements_by_month(const Form& form) {
  return form.articles_listed ? months_of_articles(form) : form.months;
}

void count_months(Form& form, std::span<const storage::MonthCount> months) {
  if (form.articles_listed) {  // counted by month from now on: what its articles hold first
    form.months = months_of_articles(form);
    form.articles_listed = false;
  }
  for (const storage::MonthCount& m : months) {
    form.statements += m.statements;
    add_month(form.months, m.month, m.statements);
  }
}

void add_statement(Forms& forms, const storage::StoredStatement& st, uint64_t article, Day date) {
  if (st.canonical.empty()) return;
  std::vector<std::string> words = analysis::speaker_words(st.canonical);
  if (words.empty()) return;
  const auto kind = static_cast<SpeakerKind>(std::min<uint8_t>(st.speaker_kind ? st.speaker_kind : st.group, 3));
  Form& f = form_of(forms, std::move(words), kind);
  ++f.written[st.canonical];
  if (!st.description.empty()) ++f.descriptions[st.description];
  count_statement(f, article, date);
}

uint32_t Resolution::identity_of(const std::string& key, int month) const {
  if (auto it = whole.find(key); it != whole.end()) return it->second;
  if (auto it = by_month.find(key); it != by_month.end()) {
    const auto& months = it->second;
    const auto m = std::lower_bound(months.begin(), months.end(), std::pair<int, uint32_t>(month, 0));
    if (m != months.end() && m->first == month) return m->second;
  }
  return kNoIdentity;
}

Resolution resolve(const Forms& forms, const ArticlesOf& articles_of, const Beyond* beyond) {
  Resolution r;
  // Full names (and every group or multi-word form) first.
  std::vector<const Form*> full;
  std::vector<std::string_view> keys;
  for (const auto& [key, form] : forms)
    if (form.words.size() > 1 || form.kind == SpeakerKind::group) {
      full.push_back(&form);
      keys.push_back(key);
    }
  UnionFind sets(full.size());
  join_full_names(full, keys, sets, articles_of);
  std::vector<std::vector<size_t>> clusters(full.size());  // by root, roots ascending
  for (size_t i = 0; i < full.size(); ++i) clusters[sets.find(i)].push_back(i);
  // Per identity, its statements by month; per kind and word, the identities
  // (ascending) whose full names end or begin with it.
  std::vector<MonthlySums> monthly;
  std::vector<Form::InMonth> scratch;
  std::unordered_map<std::string_view, std::vector<uint32_t>> by_word[4];
  r.whole.reserve(full.size());
  for (const auto& members : clusters) {
    if (members.empty()) continue;
    const auto id = static_cast<uint32_t>(r.identities.size());
    const Form* main = full[members.front()];
    for (size_t i : members)
      if (full[i]->statements > main->statements) main = full[i];
    r.identities.push_back({main->words, main->kind, shown_name(*main)});
    r.members.emplace_back();
    monthly.emplace_back();
    for (size_t i : members) {
      const Form& form = *full[i];
      r.whole.emplace(keys[i], id);
      r.members.back().push_back({form.words, {}});
      monthly.back().add(months_of(form, scratch));
      if (form.kind != SpeakerKind::group && form.words.size() > 1) {
        auto& of_kind = by_word[static_cast<int>(form.kind)];
        // A person's short form may be a first name; an organisation's
        // first word is often a place ("Russia's embassy").
        for (const std::string* word : {&form.words.back(), form.kind == SpeakerKind::person ? &form.words.front() : nullptr}) {
          if (!word) continue;
          auto& ids = of_kind[*word];
          if (ids.empty() || ids.back() != id) ids.push_back(id);
        }
      }
    }
    monthly.back().finish();
  }
  // One-word names, month by month: the dominant full name of the year around.
  for (const auto& [key, form] : forms) {
    if (form.words.size() != 1 || form.kind == SpeakerKind::group) continue;
    const auto& of_kind = by_word[static_cast<int>(form.kind)];
    const auto candidates = of_kind.find(form.words.front());
    std::optional<MonthlySums> elsewhere;
    if (beyond)
      if (const auto it = beyond->find(key); it != beyond->end()) {
        elsewhere.emplace();
        elsewhere->add(it->second);
        elsewhere->finish();
      }
    std::map<uint32_t, std::vector<int>> joined_months;
    std::vector<int> own_months;
    for (const auto& [month, statements] : months_of(form, scratch)) {
      uint32_t best = kNoIdentity;
      uint64_t best_n = 0, total = elsewhere ? elsewhere->between(month - kWindowMonths, month + kWindowMonths) : 0;
      if (candidates != of_kind.end())
        for (uint32_t id : candidates->second) {
          const uint64_t n = monthly[id].between(month - kWindowMonths, month + kWindowMonths);
          total += n;
          if (n > best_n) best_n = n, best = id;
        }
      if (best != kNoIdentity && double(best_n) >= kDominance * double(total)) joined_months[best].push_back(month);
      else own_months.push_back(month);
    }
    auto& assigned = r.by_month[key];
    for (const auto& [id, list] : joined_months) {
      for (int m : list) assigned.emplace_back(m, id);
      r.members[id].push_back({form.words, spans(list)});
    }
    if (!own_months.empty()) {
      const auto id = static_cast<uint32_t>(r.identities.size());
      r.identities.push_back({form.words, form.kind, shown_name(form)});
      r.members.push_back({{form.words, {}}});
      for (int m : own_months) assigned.emplace_back(m, id);
    }
    std::sort(assigned.begin(), assigned.end());
  }
  index_words(r);
  return r;
}

void index_words(Resolution& r) {
  for (uint32_t id = 0; id < r.members.size(); ++id)
    for (const auto& m : r.members[id])
      for (const auto& w : m.words) {
        auto& ids = r.by_word[w];
        if (ids.empty() || ids.back() != id) ids.push_back(id);
      }
}

}  // namespace attache::query::identity
