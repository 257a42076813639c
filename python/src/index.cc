// attache.Index (see index.h): each call parses with the GIL held, reads with
// it released into the JSON objects of attache_output, and converts them back.
#include "index.h"

#include "attache/query/speakers.h"
#include "attache/storage/error.h"
#include "attache/storage/index_reader.h"
#include "concordance.h"
#include "errors.h"
#include "export_stream.h"
#include "json_output.h"
#include "quote_history.h"
#include "to_python.h"

namespace attache::python {

namespace py = pybind11;
using cli::Json;

Index::Index(const std::string& path) : path_(path) {
  py::gil_scoped_release released;
  index_ = std::make_shared<const cli::OpenIndex>(path);
}

template <class Work>
auto Index::read(Work&& work) const {
  if (!index_) throw py::value_error("the index is closed");
  std::shared_ptr<const cli::OpenIndex> index = index_;  // a concurrent close() leaves this call its snapshot
  py::gil_scoped_release released;
  std::unique_lock<std::mutex> turn(*turns_, std::defer_lock);
  if (!index->thread_safe()) turn.lock();
  return work(*index);
}

SearchResult Index::search(const QueryArguments& arguments, size_t limit, size_t offset, const std::string& sort,
                           bool statements, bool collapse) const {
  query::Query query = parse_request(arguments.request());
  query::SearchOptions options;
  options.collapse = collapse;
  options.limit = limit;
  options.offset = offset;
  options.sort = cli::sort_order(sort, "");
  statements = statements || query.mentions_speaker;
  cli::SearchSummary summary{arguments.text, 0, offset, 0, sort, statements};
  Json hits = read([&](const cli::OpenIndex& index) {
    return cli::search_hits_json(index, query, options, statements, summary.total);
  });
  summary.returned = hits.size();
  return {to_python(hits), summary.total, to_python(cli::summary_json(summary, Json::object())["summary"])};
}

uint64_t Index::count(const QueryArguments& arguments, bool statements, bool collapse) const {
  query::Query query = parse_request(arguments.request());
  statements = statements || query.mentions_speaker;
  query::SearchOptions options;
  options.collapse = collapse;
  options.limit = 0;  // as `attache search --count`: the exact total, no hits
  return read([&](const cli::OpenIndex& index) {
    if (statements && collapse) return cli::search_statements_collapsed(index, query, options).total;
    return statements ? index.search_statements(query, options).total : index.search(query, options).total;
  });
}

py::object Index::facets(const QueryArguments& arguments, const std::string& name, bool statements) const {
  query::Query query = parse_request(arguments.request());
  if (!cli::is_facet_name(name)) throw std::invalid_argument("a facet is " + std::string(cli::kFacetNames) + ", not '" + name + "'");
  statements = statements || query.mentions_speaker;
  Json counts = read([&](const cli::OpenIndex& index) { return cli::facets_json(index, query, {name}, statements); });
  return to_python(counts[name]);
}

py::list Index::speakers(const std::optional<std::string>& text, size_t limit, double min_confidence,
                         const std::optional<std::string>& kind_name, bool copies) const {
  const bool all = !text || text->find_first_not_of(" \t\r\n") == std::string::npos;
  query::Query query;
  if (!all) query = parse_request({*text, {}, {}, {}, ""});
  if (!(min_confidence >= 0 && min_confidence <= 1))
    throw std::invalid_argument("min_confidence must be between 0 and 1");
  query::SpeakerKind kind{};
  if (kind_name && !query::parse_speaker_kind(*kind_name, kind))
    throw std::invalid_argument("kind is person, group, organisation or publication, not '" + *kind_name + "'");
  query::SpeakerOptions options;
  options.min_confidence = min_confidence;
  options.count_copies = copies;
  Json rows = read([&](const cli::OpenIndex& index) {
    Json kept = Json::array();
    for (const auto& s : index.count_speakers(all ? nullptr : &query, query::SpeakerUnit::statements, options)) {
      if (kind_name && s.kind != kind) continue;
      if (limit && kept.size() == limit) break;
      kept.push_back(cli::speaker_json(s, true));
    }
    return kept;
  });
  return to_python(rows);
}

py::list Index::quote_history(const QueryArguments& arguments, const std::string& sort, size_t limit) const {
  const cli::HistoryOrder order = cli::history_order(sort, "");
  const std::optional<query::Query> query = cli::history_query(arguments.request());
  Json groups = read([&](const cli::OpenIndex& index) {
    Json found = Json::array();
    for (const cli::QuoteGroup& g : cli::quote_history(index, query ? &*query : nullptr, order, limit))
      found.push_back(cli::quote_group_json(g));
    return found;
  });
  return to_python(groups);
}

py::list Index::kwic(const QueryArguments& arguments, size_t width, size_t limit, const std::string& sort) const {
  query::Query query = parse_request(arguments.request());
  if (width == 0) throw std::invalid_argument("width must be at least 1");
  const query::SortOrder order = cli::sort_order(sort, "");
  Json lines = read([&](const cli::OpenIndex& index) {
    Json found = Json::array();
    cli::for_each_kwic_line(index, query, order, width, [&](const cli::KwicLine& line) {
      found.push_back(cli::kwic_json(line));
      return limit == 0 || found.size() < limit;
    });
    return found;
  });
  return to_python(lines);
}

py::dict Index::article(const std::string& id) const {
  Json found = read([&](const cli::OpenIndex& index) {
    storage::StoredDocument doc;
    if (!index.find_article(id, doc)) throw Error(ErrorKind::not_found, "no article with id '" + id + "'");
    return cli::article_with_statements_json(doc);
  });
  return to_python(found);
}

std::unique_ptr<ExportStream> Index::export_matches(const QueryArguments& arguments, bool statements, bool unique) const {
  query::Query query = parse_request(arguments.request());
  if (!index_) throw py::value_error("the index is closed");
  statements = statements || query.mentions_speaker;
  // A Xapian database answers one call at a time: a stream of its own keeps
  // searches free while the export is read.
  std::shared_ptr<const cli::OpenIndex> index = index_;
  if (!index->thread_safe()) {
    py::gil_scoped_release released;
    index = std::make_shared<const cli::OpenIndex>(path_);
  }
  if (statements && unique) throw std::invalid_argument("unique exports articles; each statement once is quote_history");
  return std::make_unique<ExportStream>(std::move(index), std::move(query), statements, unique);
}

py::dict Index::stats() const {
  Json stats = read([&](const cli::OpenIndex& index) {
    if (!index.snapshot()) throw Error(ErrorKind::invalid_input, "statistics need an attache index; this is a Xapian index");
    return cli::stats_json(*index.snapshot(), path_);
  });
  return to_python(stats);
}

uint64_t Index::article_count() const {
  return read([](const cli::OpenIndex& index) { return index.article_count(); });
}

}  // namespace attache::python
