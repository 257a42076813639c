// The JSON API: each route reads its parameters strictly, answers from the
// snapshot current when the request began, and builds its objects with the
// command line's serialisation (json_output.h).
#include "api.h"

#include "attache/query/snippet.h"
#include "attache/storage/error.h"
#include "attache/storage/index_reader.h"
#include "concordance.h"
#include "export_rows.h"
#include "json_output.h"
#include "params.h"
#include "query_request.h"
#include "quote_history.h"

namespace attache::serve {
namespace {

using cli::Json;

constexpr size_t kMaxPage = 1000;       // hits, speakers or concordance lines per answer
constexpr size_t kMaxOffset = 100000;   // deeper paging: use export
constexpr size_t kMaxWidth = 200;       // concordance context
constexpr size_t kExportChunk = 64 * 1024;

void answer_json(httplib::Response& response, const Json& body) {
  response.set_content(cli::json_line(body), "application/json; charset=utf-8");
}

// The query of a request: q, from, to, min_confidence.
query::Query request_query(const Params& params, const std::string& text) {
  cli::QueryRequest request{text, params.text("from"), params.text("to"), params.fraction("min_confidence"), ""};
  try {
    return cli::build_query(request);
  } catch (const std::invalid_argument& e) {
    throw BadRequest(400, e.what());
  }
}

query::SortOrder request_sort(const Params& params) {
  try {
    return cli::sort_order(params.text("sort").value_or("relevance"), "");
  } catch (const std::invalid_argument& e) {
    throw BadRequest(400, e.what());
  }
}

// Runs a route, turning refusals and failures into JSON errors: a malformed
// query is 400 with its character position.
void guarded(const httplib::Request& request, httplib::Response& response,
             const std::function<void(const httplib::Request&, httplib::Response&)>& route) {
  try {
    route(request, response);
  } catch (const BadRequest& e) {
    answer_error(response, e.status(), e.what());
  } catch (const query::QueryError& e) {
    const std::string q = request.get_param_value("q");
    response.status = 400;
    answer_json(response, {{"error", std::string("invalid query: ") + e.what()},
                           {"position", query::code_point_offset(q, std::min(e.position(), q.size()))},
                           {"query", q}});
  } catch (const Error& e) {
    answer_error(response, e.kind() == ErrorKind::not_found ? 404 : e.kind() == ErrorKind::invalid_input ? 400 : 500,
                 e.what());
  }
}

void search(const httplib::Request& request, httplib::Response& response, LiveIndex& live) {
  const Params params(request.params,
                      {"q", "limit", "offset", "sort", "from", "to", "statements", "facet", "min_confidence", "collapse"},
                      {"facet"});
  const std::string text = params.required_text("q");
  query::Query query = request_query(params, text);
  query::SearchOptions options;
  options.limit = params.number("limit", 10, 0, kMaxPage);
  options.offset = params.number("offset", 0, 0, kMaxOffset);
  options.sort = request_sort(params);
  const std::vector<std::string> facets = params.all("facet");
  for (const auto& name : facets)
    if (!cli::is_facet_name(name)) throw BadRequest(400, "facet takes " + std::string(cli::kFacetNames) + ", not '" + name + "'");
  const bool statements = query.mentions_speaker || params.flag("statements");
  options.collapse = params.flag("collapse");

  auto lease = live.acquire();
  const cli::OpenIndex& index = *lease.index;
  const Json facet_counts = cli::facets_json(index, query, facets, statements, options.collapse);
  cli::SearchSummary summary{text, 0, options.offset, 0, params.text("sort").value_or("relevance"), statements};
  Json hits = cli::search_hits_json(index, query, options, statements, summary.total);
  summary.returned = hits.size();
  Json body = {{"hits", std::move(hits)}};
  body["summary"] = cli::summary_json(summary, facet_counts)["summary"];
  answer_json(response, body);
}

void article(const httplib::Request& request, httplib::Response& response, LiveIndex& live) {
  const Params params(request.params, {});
  const std::string id = request.matches[1];
  storage::StoredDocument doc;
  auto lease = live.acquire();
  if (!lease.index->find_article(id, doc)) throw BadRequest(404, "no article with id '" + id + "'");
  answer_json(response, cli::article_with_statements_json(doc));
}

void speakers(const httplib::Request& request, httplib::Response& response, LiveIndex& live) {
  const Params params(request.params, {"q", "limit", "min_confidence", "copies"});
  const std::string text = params.text("q").value_or("");
  const size_t limit = params.number("limit", 50, 0, kMaxPage);
  query::SpeakerOptions options;
  options.min_confidence = params.fraction("min_confidence").value_or(0.8);  // as attache speakers counts
  options.count_copies = params.flag("copies");
  const bool all = text.find_first_not_of(" \t\r\n") == std::string::npos;
  query::Query query;
  if (!all) query = query::parse_query(text);
  auto lease = live.acquire();
  auto counts = lease.index->count_speakers(all ? nullptr : &query, query::SpeakerUnit::statements, options);
  uint64_t statements = 0;
  for (const auto& s : counts) statements += s.statements;
  Json rows = Json::array();
  for (size_t i = 0; i < counts.size() && (limit == 0 || i < limit); ++i)
    rows.push_back(cli::speaker_json(counts[i], true));
  answer_json(response, {{"speakers", std::move(rows)},
                         {"summary", {{"speakers", counts.size()}, {"statements", statements}, {"query", text},
                                      {"min_confidence", options.min_confidence}}}});
}

// Each statement the query matches once, with where and when it appeared (quote_history.h).
void quotes(const httplib::Request& request, httplib::Response& response, LiveIndex& live) {
  const Params params(request.params, {"q", "sort", "limit", "from", "to", "min_confidence"});
  const std::string text = params.text("q").value_or("");
  const size_t limit = params.number("limit", 20, 0, kMaxPage);
  cli::HistoryOrder order;
  std::optional<query::Query> query;
  try {
    order = cli::history_order(params.text("sort").value_or("spread"), "");
    query = cli::history_query({text, params.text("from"), params.text("to"), params.fraction("min_confidence"), ""});
  } catch (const std::invalid_argument& e) {
    throw BadRequest(400, e.what());
  }
  auto lease = live.acquire();
  Json groups = Json::array();
  for (const cli::QuoteGroup& g : cli::quote_history(*lease.index, query ? &*query : nullptr, order, limit))
    groups.push_back(cli::quote_group_json(g));
  const size_t returned = groups.size();
  answer_json(response, {{"quotes", std::move(groups)}, {"summary", {{"query", text}, {"returned", returned}}}});
}

void kwic(const httplib::Request& request, httplib::Response& response, LiveIndex& live) {
  const Params params(request.params, {"q", "width", "limit", "sort", "from", "to"});
  const std::string text = params.required_text("q");
  query::Query query = request_query(params, text);
  const size_t width = params.number("width", 40, 1, kMaxWidth);
  const size_t limit = params.number("limit", 200, 1, kMaxPage);
  const query::SortOrder sort = request_sort(params);
  auto lease = live.acquire();
  Json lines = Json::array();
  cli::for_each_kwic_line(*lease.index, query, sort, width, [&](const cli::KwicLine& line) {
    lines.push_back(cli::kwic_json(line));
    return lines.size() < limit;
  });
  const size_t returned = lines.size();
  answer_json(response, {{"lines", std::move(lines)}, {"summary", {{"query", text}, {"returned", returned}}}});
}

// Every match, streamed in chunks as it is read: nothing is held whole, and a
// client that goes away stops the scan.
void export_matches(const httplib::Request& request, httplib::Response& response, LiveIndex& live) {
  const Params params(request.params, {"q", "format", "statements", "from", "to", "min_confidence", "unique"});
  const std::string text = params.required_text("q");
  auto query = std::make_shared<query::Query>(request_query(params, text));
  const bool unique = params.flag("unique");
  const std::string format = params.text("format").value_or("jsonl");
  if (format != "jsonl" && format != "csv") throw BadRequest(400, "format must be jsonl or csv, not '" + format + "'");
  const bool statements = query->mentions_speaker || params.flag("statements");
  if (statements && unique) throw BadRequest(400, "unique exports articles; each statement once is /api/quotes");
  auto lease = std::make_shared<LiveIndex::Lease>(live.acquire());
  const bool csv = format == "csv";
  response.set_header("Content-Disposition", std::string("attachment; filename=\"attache-") +
                                                 (statements ? "statements" : "articles") + "." + format + "\"");
  response.set_chunked_content_provider(
      csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      [lease, query, statements, csv, unique](size_t, httplib::DataSink& sink) {
        struct ClientGone {};
        std::string buffer;
        auto flush = [&] {
          if (!buffer.empty() && !sink.write(buffer.data(), buffer.size())) throw ClientGone{};
          buffer.clear();
        };
        try {
          cli::export_rows(*lease->index, *query, statements, csv ? cli::ExportFormat::csv : cli::ExportFormat::jsonl,
                           [&](std::string_view row) {
                             buffer += row;
                             if (buffer.size() >= kExportChunk) flush();
                           }, unique);
          flush();
        } catch (const ClientGone&) {
          return false;
        }
        sink.done();
        return true;
      });
}

void health(const httplib::Request& request, httplib::Response& response, LiveIndex& live) {
  const Params params(request.params, {});
  auto lease = live.acquire();
  answer_json(response, {{"status", "ok"},
                         {"articles", lease.index->article_count()},
                         {"snapshots_reopened", live.reopened()}});
}

void stats(const httplib::Request& request, httplib::Response& response, LiveIndex& live) {
  const Params params(request.params, {});
  auto lease = live.acquire();
  const storage::IndexSnapshot* snapshot = lease.index->snapshot();
  if (!snapshot) throw BadRequest(404, "statistics need an attache index; this one is a Xapian index");
  answer_json(response, cli::stats_json(*snapshot, live.path()));
}

}  // namespace

void answer_error(httplib::Response& response, int status, const std::string& message) {
  response.status = status;
  answer_json(response, {{"error", message}, {"status", status}});
}

void add_api_routes(httplib::Server& server, LiveIndex& index) {
  using Route = void (*)(const httplib::Request&, httplib::Response&, LiveIndex&);
  auto add = [&](const char* pattern, Route route) {
    server.Get(pattern, [&index, route](const httplib::Request& request, httplib::Response& response) {
      guarded(request, response, [&](const httplib::Request& r, httplib::Response& w) { route(r, w, index); });
    });
  };
  add("/api/search", search);
  add("/api/article/(.+)", article);  // ids may hold a slash (FILE:LINE)
  add("/api/speakers", speakers);
  add("/api/kwic", kwic);
  add("/api/quotes", quotes);
  add("/api/export", export_matches);
  add("/api/stats", stats);
  add("/api/health", health);
}

}  // namespace attache::serve
