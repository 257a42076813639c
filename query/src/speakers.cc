// Counting statements by speaker and deciding which forms of a name are one
// identity (speakers.h). The joining rules are in speaker_identity.cc.
#include "attache/query/speakers.h"

#include <algorithm>
#include <mutex>
#include <set>

#include "speaker_identity.h"

namespace attache::query {

bool parse_speaker_kind(const std::string& name, SpeakerKind& kind) {
  if (name == "person" || name == "people" || name == "persons") kind = SpeakerKind::person;
  else if (name == "group" || name == "groups") kind = SpeakerKind::group;
  else if (name == "organisation" || name == "organization" || name == "institution" || name == "org")
    kind = SpeakerKind::organisation;
  else if (name == "publication" || name == "press" || name == "media") kind = SpeakerKind::publication;
  else return false;
  return true;
}

struct SpeakerTally::Impl {
  identity::Forms forms;
  // Decided once per set of statements: a searcher asks for every query.
  std::mutex mutex;
  std::shared_ptr<const identity::Resolution> resolution;

  std::shared_ptr<const identity::Resolution> resolved() {
    std::lock_guard lock(mutex);
    if (!resolution) resolution = std::make_shared<identity::Resolution>(identity::resolve(forms));
    return resolution;
  }
};

SpeakerTally::SpeakerTally() : impl_(std::make_unique<Impl>()) {}
SpeakerTally::~SpeakerTally() = default;
SpeakerTally::SpeakerTally(SpeakerTally&&) noexcept = default;
SpeakerTally& SpeakerTally::operator=(SpeakerTally&&) noexcept = default;

void SpeakerTally::add(const storage::StoredStatement& st, uint64_t article, Day date) {
  if (st.canonical.empty()) return;
  impl_->resolution.reset();
  identity::add_statement(impl_->forms, st, article, date);
}

std::vector<SpeakerCount> SpeakerTally::counts(const SpeakerTally* archive) const {
  return counts_by(*(archive ? archive : this)->impl_->resolved());
}

std::vector<SpeakerCount> SpeakerTally::counts_by(const identity::Resolution& resolution) const {
  struct Row {
    std::map<std::string, uint64_t> written, descriptions;
    uint64_t statements = 0;
    std::set<uint64_t> articles;
  };
  std::map<uint32_t, Row> rows;
  std::vector<identity::Identity> extra;  // forms the archive never saw (should not happen)
  for (const auto& [key, form] : impl_->forms) {
    std::map<uint32_t, uint64_t> share;
    uint32_t unknown = identity::kNoIdentity;
    for (const auto& [article, entry] : form.articles) {
      uint32_t id = resolution.identity_of(key, entry.month);
      if (id == identity::kNoIdentity) {
        if (unknown == identity::kNoIdentity) {
          unknown = static_cast<uint32_t>(resolution.identities.size() + extra.size());
          extra.push_back({form.words, form.kind, form.written.empty() ? key : form.written.begin()->first});
        }
        id = unknown;
      }
      Row& row = rows[id];
      row.statements += entry.statements;
      row.articles.insert(article);
      share[id] += entry.statements;
    }
    // The written forms and descriptions go where most of the form's statements went.
    uint32_t main = std::max_element(share.begin(), share.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
    for (const auto& [w, n] : form.written) rows[main].written[w] += n;
    for (const auto& [d, n] : form.descriptions) rows[main].descriptions[d] += n;
  }
  std::vector<SpeakerCount> out;
  for (const auto& [id, row] : rows) {
    const identity::Identity& who = id < resolution.identities.size() ? resolution.identities[id]
                                                                      : extra[id - resolution.identities.size()];
    SpeakerCount c;
    c.name = who.name;
    c.kind = who.kind;
    c.group = who.kind != SpeakerKind::person;
    c.statements = row.statements;
    c.articles = row.articles.size();
    for (const auto& [w, n] : row.written)
      if (w != c.name) c.variants.push_back(w);
    std::vector<std::pair<std::string, uint64_t>> d(row.descriptions.begin(), row.descriptions.end());
    std::stable_sort(d.begin(), d.end(), [](auto& a, auto& b) { return a.second > b.second; });
    for (auto& [text, n] : d) c.descriptions.push_back(text);
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const SpeakerCount& a, const SpeakerCount& b) {
    if (a.statements != b.statements) return a.statements > b.statements;
    return a.name < b.name;
  });
  return out;
}

void SpeakerTally::resolve_speakers(Query& query) const {
  if (!query.mentions_speaker || !query.root) return;
  const auto resolution = impl_->resolved();
  identity::widen_speaker_nodes(*query.root, [&](const std::vector<std::string>&) { return resolution; });
}

std::vector<SpeakerCount> count_speakers(const Searcher& searcher, const Query* query, SpeakerUnit unit,
                                         const SpeakerOptions& options) {
  SpeakerTally tally;
  using identity::article_key;
  const auto& segments = searcher.snapshot().segments();
  // Made when statements are counted: not for the whole archive's speakers read back.
  const DuplicateGroups* groups = nullptr;
  std::vector<uint64_t> counted_article;  // by group
  auto group_copies = [&] {
    if (options.count_copies) return;
    groups = &searcher.duplicates();
    counted_article.assign(groups->group_count(), UINT64_MAX);
  };
  auto add = [&](const storage::StoredStatement& st, size_t s, uint32_t doc) {
    if (groups) {
      uint64_t& counted = counted_article[groups->group_id({static_cast<uint32_t>(s), doc})];
      if (counted == UINT64_MAX) counted = article_key(s, doc);
      if (counted != article_key(s, doc)) return;
    }
    if (options.counts(st)) tally.add(st, article_key(s, doc), segments[s]->date(doc));
  };
  if (query && unit == SpeakerUnit::statements) {
    group_copies();
    searcher.for_each_statement(*query, [&](const StatementHit& hit, const storage::StoredStatement& st) {
      add(st, hit.segment, hit.doc);
    });
    return searcher.count_by_identity(tally);
  }
  if (query) {
    group_copies();
    searcher.for_each_article(*query, [&](size_t s, uint32_t doc) {
      for (const auto& st : segments[s]->statements(doc)) add(st, s, doc);
    });
    return searcher.count_by_identity(tally);
  }
  return searcher.whole_archive_speakers(options, [&] {
    group_copies();
    for (size_t s = 0; s < segments.size(); ++s)
      for (uint32_t doc = 0; doc < segments[s]->doc_count(); ++doc)
        if (!segments[s]->is_deleted(doc))
          for (const auto& st : segments[s]->statements(doc)) add(st, s, doc);
    return searcher.count_by_identity(tally);
  });
}

}  // namespace attache::query
