#include "open_index.h"

#include <algorithm>
#include <map>

#include "attache/analysis/terms.h"
#include "attache/storage/date.h"
#include "attache/storage/error.h"
#include "attache/storage/index_reader.h"
#include "attache/xapian/xapian_layout.h"
#include "xapian_index.h"

namespace attache::cli {

OpenIndex::OpenIndex(const std::string& path) {
  if (xapian_backend::is_xapian_index(path))
    xapian_ = open_xapian_index(path);
  else
    attache_ = std::make_unique<query::Searcher>(storage::IndexSnapshot::open(path));
}

OpenIndex::~OpenIndex() = default;

void OpenIndex::require_confidence_support(const query::Query* query) const {
  if (xapian_ && query && query->min_confidence > 0)
    throw Error(ErrorKind::invalid_input,
                "a minimum confidence needs an attache index: the Xapian backend's statement search does not "
                "filter on confidence");
}

void OpenIndex::require_duplicate_support() const {
  if (xapian_)
    throw Error(ErrorKind::invalid_input,
                "near-duplicate groups (collapse, unique) need an attache index: a Xapian index stores no signatures");
}

FoundArticles OpenIndex::search(const query::Query& query, const query::SearchOptions& options) const {
  if (options.collapse) require_duplicate_support();
  if (xapian_) return xapian_->search(query, options);
  FoundArticles found;
  auto result = attache_->search(query, options);
  found.total = result.total;
  std::vector<storage::StoredDocument> documents = attache_->documents(result.hits, false);
  for (size_t i = 0; i < documents.size(); ++i) found.hits.emplace_back(std::move(documents[i]), result.hits[i].score);
  if (options.collapse)
    for (const auto& hit : result.hits) found.copies.push_back(copies_of(hit.segment, hit.doc));
  return found;
}

std::vector<std::pair<std::string, uint64_t>> OpenIndex::count_groups_by_month(const query::Query& query) const {
  require_duplicate_support();
  const auto& segments = attache_->snapshot().segments();
  const query::DuplicateGroups& groups = attache_->duplicates();
  std::vector<Day> earliest(groups.group_count(), kMaxDay);
  attache_->for_each_article(query, [&](size_t s, uint32_t doc) {
    Day& day = earliest[groups.group_id({static_cast<uint32_t>(s), doc})];
    day = std::min(day, segments[s]->date(doc));
  });
  std::map<std::string, uint64_t> months;
  for (Day day : earliest)
    if (day != kMaxDay) ++months[format_day(day).substr(0, 7)];
  return {months.begin(), months.end()};
}

Copies OpenIndex::copies_of(size_t segment, uint32_t doc) const {
  const auto& segments = attache_->snapshot().segments();
  const auto group = attache_->duplicates().group({static_cast<uint32_t>(segment), doc});
  Copies copies;
  copies.count = group.size() - 1;
  for (const query::DocRef& member : group) {
    storage::StoredDocument d;
    const uint32_t one[] = {member.doc};
    segments[member.segment]->fetch_documents(one, false, [&](uint32_t, storage::StoredDocument&& found) { d = std::move(found); });
    if (member == group.front()) copies.original = d.id;
    if (member.segment == segment && member.doc == doc) continue;
    if (std::find(copies.sources.begin(), copies.sources.end(), d.source) == copies.sources.end())
      copies.sources.push_back(d.source);
    if (copies.sources.size() == Copies::kMaxCopySources) break;
  }
  return copies;
}

FoundStatements OpenIndex::search_statements(const query::Query& query, const query::SearchOptions& options) const {
  require_confidence_support(&query);
  if (xapian_) return xapian_->search_statements(query, options);
  FoundStatements found;
  auto result = attache_->search_statements(query, options);
  found.total = result.total;
  std::vector<query::Hit> articles;
  for (const auto& hit : result.hits) articles.push_back({hit.segment, hit.doc, hit.score, hit.date});
  std::vector<storage::StoredDocument> documents = attache_->documents(articles, true);
  for (size_t i = 0; i < documents.size(); ++i)
    found.hits.push_back({std::move(documents[i]), result.hits[i].statement, result.hits[i].score});
  return found;
}

void OpenIndex::for_each_ranked_article(const query::Query& query, query::SortOrder sort,
                                        const std::function<bool(const storage::StoredDocument&)>& visit) const {
  if (xapian_) return xapian_->for_each_ranked_article(query, sort, visit);
  query::SearchOptions all;
  all.sort = sort;
  all.limit = SIZE_MAX / 2;
  for (const auto& hit : attache_->search(query, all).hits)
    if (!visit(attache_->document(hit))) return;
}

void OpenIndex::for_each_article(const query::Query* query,
                                 const std::function<void(const storage::StoredDocument&)>& visit, bool unique) const {
  if (unique) require_duplicate_support();
  if (xapian_) return xapian_->for_each_article(query, visit);
  const auto& segments = attache_->snapshot().segments();
  // Index order is date order within a segment, not across them: the first match of a group
  // is the earliest among the group's members that match.
  std::vector<std::pair<size_t, uint32_t>> firsts;
  std::vector<size_t> first_of_group;
  auto keep = [&](size_t s, uint32_t doc) {
    if (!unique) return visit(segments[s]->document(doc));
    const uint32_t g = attache_->duplicates().group_id({static_cast<uint32_t>(s), doc});
    if (g >= first_of_group.size()) first_of_group.resize(g + 1, SIZE_MAX);
    size_t& first = first_of_group[g];
    const Day date = segments[s]->date(doc);
    if (first == SIZE_MAX) {
      first = firsts.size();
      firsts.emplace_back(s, doc);
    } else if (date < segments[firsts[first].first]->date(firsts[first].second)) {
      firsts[first] = {s, doc};
    }
  };
  if (query) {
    attache_->for_each_article(*query, keep);
  } else {
    for (size_t s = 0; s < segments.size(); ++s)
      for (uint32_t doc = 0; doc < segments[s]->doc_count(); ++doc)
        if (!segments[s]->is_deleted(doc)) keep(s, doc);
  }
  for (const auto& [s, doc] : firsts) visit(segments[s]->document(doc));
}

void OpenIndex::for_each_statement(
    const query::Query* query,
    const std::function<void(const storage::StoredDocument& article, const storage::StoredStatement&)>& visit) const {
  if (xapian_) return xapian_->for_each_statement(query, visit);
  if (!query) {
    for_each_article(nullptr, [&](const storage::StoredDocument& article) {
      for (const auto& st : article.statements) visit(article, st);
    });
    return;
  }
  // A statement's article is read once for all its matching statements.
  const auto& segments = attache_->snapshot().segments();
  std::pair<size_t, uint32_t> loaded{SIZE_MAX, 0};
  storage::StoredDocument article;
  attache_->for_each_statement(*query, [&](const query::StatementHit& hit, const storage::StoredStatement& st) {
    if (loaded != std::pair{hit.segment, hit.doc}) {
      article = segments[hit.segment]->document(hit.doc);
      loaded = {hit.segment, hit.doc};
    }
    visit(article, st);
  });
}

std::vector<query::SpeakerCount> OpenIndex::count_speakers(const query::Query* query, query::SpeakerUnit unit,
                                                           const query::SpeakerOptions& options) const {
  if (attache_) return query::count_speakers(*attache_, query, unit, options);
  require_confidence_support(query);
  return xapian_->count_speakers(query, unit, options);
}

std::vector<std::pair<std::string, uint64_t>> OpenIndex::count_by_month(const query::Query& query,
                                                                        bool statements) const {
  if (attache_) return attache_->count_by_month(query, statements);
  require_confidence_support(&query);
  return xapian_->count_by_month(query, statements);
}

std::map<std::string, uint64_t> OpenIndex::count_by_value(const query::Query& query, const std::string& field,
                                                          bool statements) const {
  const bool place = field == "place";
  if (attache_)
    return attache_->count_by_value(
        query, place ? std::string(analysis::kPlaceValuePrefix) : std::string(1, analysis::kLanguagePrefix), statements);
  require_confidence_support(&query);
  return xapian_->count_by_value(query, place, statements);
}

uint64_t OpenIndex::article_count() const {
  return xapian_ ? xapian_->article_count() : attache_->snapshot().doc_count();
}

const storage::IndexSnapshot* OpenIndex::snapshot() const { return attache_ ? &attache_->snapshot() : nullptr; }

bool OpenIndex::find_article(const std::string& id, storage::StoredDocument& out) const {
  if (xapian_) return xapian_->find_article(id, out);
  // The id's field term, built directly: an id may hold characters the query
  // language would read as syntax.
  query::Query by_id;
  by_id.root = std::make_unique<query::QueryNode>();
  by_id.root->kind = query::QueryNode::Kind::term;
  by_id.root->terms.push_back(analysis::field_term(analysis::kIdPrefix, id));
  query::SearchOptions first;
  first.limit = 1;
  auto result = attache_->search(by_id, first);
  if (result.hits.empty()) return false;
  out = attache_->document(result.hits[0]);
  return out.id == id;
}

std::string OpenIndex::explain(const query::Query& query) const {
  return xapian_ ? xapian_->explain(query) : attache_->explain(query);
}

}  // namespace attache::cli
