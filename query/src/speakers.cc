// Counting statements by speaker and merging the forms of one person's name.
#include "attache/query/speakers.h"

#include <algorithm>
#include <map>
#include <set>

#include "attache/analysis/tokenizer.h"

namespace attache::query {
namespace {

std::vector<std::string> name_words(const std::string& name) {
  std::vector<analysis::Token> tokens;
  analysis::tokenize(name, tokens);
  std::vector<std::string> words;
  for (const auto& t : tokens)
    if (!t.compound) words.push_back(t.text);
  return words;
}

std::string join(const std::vector<std::string>& words) {
  std::string s;
  for (const auto& w : words) s += (s.empty() ? "" : " ") + w;
  return s;
}

struct Tally {
  std::map<std::string, uint64_t> forms;  // canonical as stored -> statements
  uint64_t statements = 0;
  std::set<uint64_t> articles;
  bool group = false;
};

}  // namespace

struct SpeakerTally::Impl {
  std::map<std::string, Tally> by_key;  // folded name -> tally
};

SpeakerTally::SpeakerTally() : impl_(std::make_unique<Impl>()) {}
SpeakerTally::~SpeakerTally() = default;
SpeakerTally::SpeakerTally(SpeakerTally&&) noexcept = default;
SpeakerTally& SpeakerTally::operator=(SpeakerTally&&) noexcept = default;

void SpeakerTally::add(const storage::StoredStatement& st, uint64_t article) {
  if (st.canonical.empty()) return;
  Tally& t = impl_->by_key[join(name_words(st.canonical))];
  ++t.forms[st.canonical];
  ++t.statements;
  t.articles.insert(article);
  t.group |= st.group;
}

std::vector<SpeakerCount> count_speakers(const Searcher& searcher, const Query* query, SpeakerUnit unit) {
  SpeakerTally tally;
  auto article_key = [](size_t segment, uint32_t doc) { return uint64_t{segment} << 32 | doc; };
  const auto& segments = searcher.snapshot().segments();
  if (query && unit == SpeakerUnit::statements) {
    searcher.for_each_statement(*query, [&](const StatementHit& hit, const storage::StoredStatement& st) {
      tally.add(st, article_key(hit.segment, hit.doc));
    });
  } else if (query) {
    searcher.for_each_article(*query, [&](size_t s, uint32_t doc) {
      for (const auto& st : segments[s]->statements(doc)) tally.add(st, article_key(s, doc));
    });
  } else {
    for (size_t s = 0; s < segments.size(); ++s)
      for (uint32_t doc = 0; doc < segments[s]->doc_count(); ++doc)
        if (!segments[s]->is_deleted(doc))
          for (const auto& st : segments[s]->statements(doc)) tally.add(st, article_key(s, doc));
  }
  return tally.counts();
}

std::vector<SpeakerCount> SpeakerTally::counts() const {
  // Merging works on a copy, so counting may go on after.
  std::map<std::string, Tally> by_key = impl_->by_key;
  // A one-word person name joins the single longer person name ending with it.
  std::map<std::string, std::vector<std::string>> by_surname;
  for (const auto& [key, tally] : by_key) {
    auto words = name_words(key);
    if (!tally.group && words.size() > 1) by_surname[words.back()].push_back(key);
  }
  for (auto it = by_key.begin(); it != by_key.end();) {
    auto words = name_words(it->first);
    auto full = by_surname.find(it->first);
    if (!it->second.group && words.size() == 1 && full != by_surname.end() && full->second.size() == 1) {
      Tally& target = by_key[full->second.front()];
      for (const auto& [form, n] : it->second.forms) target.forms[form] += n;
      target.statements += it->second.statements;
      target.articles.insert(it->second.articles.begin(), it->second.articles.end());
      it = by_key.erase(it);
    } else {
      ++it;
    }
  }

  std::vector<SpeakerCount> out;
  for (const auto& [key, tally] : by_key) {
    SpeakerCount c;
    c.group = tally.group;
    c.statements = tally.statements;
    c.articles = tally.articles.size();
    // The name shown: the longest form, the most used among equals.
    std::string best;
    uint64_t best_n = 0;
    for (const auto& [form, n] : tally.forms)
      if (form.size() > best.size() || (form.size() == best.size() && n > best_n)) {
        best = form;
        best_n = n;
      }
    c.name = best;
    for (const auto& [form, n] : tally.forms)
      if (form != best) c.variants.push_back(form);
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const SpeakerCount& a, const SpeakerCount& b) {
    if (a.statements != b.statements) return a.statements > b.statements;
    return a.name < b.name;
  });
  return out;
}

}  // namespace attache::query
