// The JSON objects of the command line and the HTTP API (see json_output.h).
#include "json_output.h"

#include <filesystem>
#include <map>
#include <stdexcept>

#include "attache/analysis/tokenizer.h"
#include "attache/query/snippet.h"
#include "attache/storage/index_reader.h"
#include "open_index.h"
#include "quote_history.h"
#include "statement_text.h"

namespace attache::cli {
namespace {

Json highlights_json(const query::Snippet& snippet) {
  Json spans = Json::array();
  // Highlights come in text order: each offset is counted on from the last
  // one rather than from the snippet's start.
  const std::string_view text = snippet.text;
  size_t byte = 0, chars = 0;
  auto chars_before = [&](size_t at) {
    if (at < byte) byte = chars = 0;
    chars += query::code_point_offset(text.substr(byte), at - byte);
    byte = at;
    return chars;
  };
  for (auto [begin, end] : snippet.highlights) {
    const size_t first = chars_before(begin);
    spans.push_back({first, chars_before(end)});
  }
  return spans;
}

double ratio(uint64_t part, uint64_t whole) { return whole ? static_cast<double>(part) / static_cast<double>(whole) : 0; }

}  // namespace

std::string json_line(const Json& object) { return object.dump(-1, ' ', false, Json::error_handler_t::replace); }

const char* statement_kind_name(uint8_t kind) {
  static const char* kKinds[] = {"direct", "reported", "mixed"};
  return kind < 3 ? kKinds[kind] : "reported";
}

Json article_hit_json(const storage::StoredDocument& doc, double score, const query::Query& query) {
  query::SnippetOptions options;
  options.language = doc.language;
  query::Snippet snippet = query::make_snippet(doc.text, query, options);
  return {{"type", "article"},          {"id", doc.id},           {"date", format_day(doc.date)},
          {"title", doc.title},         {"source", doc.source},   {"url", doc.url},
          {"author", doc.author},       {"place", doc.place},     {"lang", doc.language},
          {"score", score},             {"snippet", snippet.text}, {"highlights", highlights_json(snippet)}};
}

Json copies_json(const Copies& copies) {
  return {{"copies", copies.count}, {"original", copies.original}, {"copy_sources", copies.sources}};
}

Json statement_json(const std::string& article_id, Day date, const analysis::CodePoints& article_text,
                    const storage::StoredStatement& st) {
  return {{"article", article_id},
          {"date", format_day(date)},
          {"speaker", st.speaker},
          {"canonical", st.canonical},
          {"cue", st.cue},
          {"kind", statement_kind_name(st.kind)},
          {"start", article_text.offset(st.begin)},
          {"end", article_text.offset(st.end)},
          {"text", statement_text(article_text.text(), st)},
          {"confidence", st.confidence / 100.0},
          {"speaker_kind", storage::to_string(static_cast<storage::SpeakerKind>(st.speaker_kind))},
          {"description", st.description}};
}

const analysis::CodePoints& ArticleCodePoints::of(const storage::StoredDocument& doc) {
  // The same article while its id and its text's bytes are those counted.
  auto found = counted_.find(doc.id);
  if (found != counted_.end() && found->second.text().data() == doc.text.data() &&
      found->second.text().size() == doc.text.size())
    return found->second;
  if (counted_.size() >= kArticles) counted_.clear();
  return counted_.insert_or_assign(doc.id, analysis::CodePoints(doc.text)).first->second;
}

Json statement_hit_json(const storage::StoredDocument& doc, const storage::StoredStatement& st, double score,
                        const query::Query& query) {
  // Highlights index into the statement's text as given (a snippet would
  // collapse white space and could start at a later sentence).
  query::Snippet marked;
  marked.text = statement_text(doc.text, st);
  marked.highlights = query::match_spans(marked.text, query);
  Json hit = {{"type", "statement"}};
  hit.update(statement_json(doc.id, doc.date, analysis::CodePoints(doc.text), st));
  hit["score"] = score;
  hit["title"] = doc.title;
  hit["highlights"] = highlights_json(marked);
  return hit;
}

Json search_hits_json(const OpenIndex& index, const query::Query& query, const query::SearchOptions& options,
                      bool statements, uint64_t& total) {
  Json hits = Json::array();
  if (statements) {
    FoundStatements found =
        options.collapse ? search_statements_collapsed(index, query, options) : index.search_statements(query, options);
    for (size_t i = 0; i < found.hits.size(); ++i) {
      const auto& hit = found.hits[i];
      Json j = statement_hit_json(hit.doc, hit.doc.statements.at(hit.statement), hit.score, query);
      if (i < found.copies.size()) j.update(copies_json(found.copies[i]));
      hits.push_back(std::move(j));
    }
    total = found.total;
  } else {
    FoundArticles found = index.search(query, options);
    for (size_t i = 0; i < found.hits.size(); ++i) {
      Json hit = article_hit_json(found.hits[i].first, found.hits[i].second, query);
      if (i < found.copies.size()) hit.update(copies_json(found.copies[i]));
      hits.push_back(std::move(hit));
    }
    total = found.total;
  }
  return hits;
}

Json article_json(const storage::StoredDocument& doc) {
  return {{"id", doc.id},         {"date", format_day(doc.date)}, {"title", doc.title},
          {"source", doc.source}, {"url", doc.url},               {"author", doc.author},
          {"place", doc.place},   {"lang", doc.language},         {"text", doc.text}};
}

Json article_with_statements_json(const storage::StoredDocument& doc) {
  Json statements = Json::array();
  const analysis::CodePoints text(doc.text);
  for (const auto& st : doc.statements) {
    Json s = statement_json(doc.id, doc.date, text, st);
    s["group"] = st.group;
    statements.push_back(std::move(s));
  }
  return {{"article", article_json(doc)}, {"statements", std::move(statements)}};
}

Json speaker_json(const query::SpeakerCount& s, bool with_variants) {
  Json row = {{"speaker", s.name}, {"kind", query::to_string(s.kind)}, {"statements", s.statements},
              {"articles", s.articles}};
  if (with_variants) {
    row["group"] = s.group;
    row["descriptions"] = s.descriptions;
    row["variants"] = s.variants;
  }
  return row;
}

Json kwic_json(const KwicLine& line) {
  return {{"article", line.article}, {"date", format_day(line.date)}, {"field", line.field}, {"left", line.left},
          {"match", line.match},     {"right", line.right},           {"start", line.start},
          {"end", line.end}};
}

Json summary_json(const SearchSummary& s, const Json& facets) {
  Json summary = {{"query", s.query},
                  {"total", s.total},
                  {"offset", s.offset},
                  {"returned", s.returned},
                  {"sort", s.sort == "newest" ? "date" : s.sort},
                  {"unit", s.statements ? "statement" : "article"}};
  if (!facets.empty()) summary["facets"] = facets;
  return {{"summary", summary}};
}

bool is_facet_name(const std::string& name) {
  return name == "month" || name == "speaker" || name == "place" || name == "lang";
}

Json facets_json(const OpenIndex& index, const query::Query& query, const std::vector<std::string>& names,
                 bool statements, bool collapse) {
  Json out = Json::object();
  for (const std::string& name : names) {
    if (name == "month") {
      Json months = Json::object();
      const bool groups = collapse && !statements;
      for (const auto& [month, n] : groups ? index.count_groups_by_month(query) : index.count_by_month(query, statements))
        months[month] = n;
      out["month"] = months;
    } else if (name == "speaker") {
      Json speakers = Json::array();
      auto unit = statements ? query::SpeakerUnit::statements : query::SpeakerUnit::articles;
      query::SpeakerOptions options;
      options.count_copies = !collapse;
      for (const auto& s : index.count_speakers(&query, unit, options)) speakers.push_back(speaker_json(s, false));
      out["speaker"] = speakers;
    } else if (name == "place" || name == "lang") {
      out[name] = index.count_by_value(query, name, statements);
    } else {
      throw std::invalid_argument("facet takes " + std::string(kFacetNames) + ", not '" + name + "'");
    }
  }
  return out;
}

Json stats_json(const storage::IndexSnapshot& snapshot, const std::string& index_dir) {
  uint64_t terms = 0, text_bytes = 0, stored = 0, deleted = 0, with_word_pairs = 0;
  storage::PostingsBreakdown postings;
  std::map<std::string, uint64_t> bytes;
  Day first = kMaxDay, last = kMinDay;
  for (const auto& segment : snapshot.segments()) {
    terms += segment->term_count();
    stored += segment->doc_count();
    deleted += segment->deleted_count();
    with_word_pairs += segment->holds_word_pairs();
    text_bytes += segment->text_bytes();
    if (segment->doc_count()) {
      first = std::min(first, segment->min_date());
      last = std::max(last, segment->max_date());
    }
    storage::PostingsBreakdown b = segment->measure_postings();
    postings.postings += b.postings;
    postings.positions += b.positions;
    postings.doc_id_bits += b.doc_id_bits;
    postings.frequency_bits += b.frequency_bits;
    postings.skip_bits += b.skip_bits;
    postings.position_bits += b.position_bits;
    for (const auto& [kind, size] : segment->file_sizes()) bytes[kind] += size;
  }
  std::error_code ec;
  uint64_t manifest = std::filesystem::file_size(std::filesystem::path(index_dir) / "MANIFEST", ec);
  bytes["manifest"] = ec ? 0 : manifest;
  uint64_t total = 0;
  for (const auto& [kind, size] : bytes) total += size;
  const uint64_t postings_and_positions = bytes["postings"] + bytes["positions"];
  return {{"articles", snapshot.doc_count()},
          {"stored_articles", stored},
          {"deleted_articles", deleted},
          {"segments", snapshot.segments().size()},
          {"segments_with_word_pairs", with_word_pairs},
          {"generation", snapshot.generation()},
          {"first_date", stored ? format_day(first) : ""},
          {"last_date", stored ? format_day(last) : ""},
          {"terms_summed_over_segments", terms},
          {"postings", postings.postings},
          {"positions", postings.positions},
          {"bits_per",
           {{"document_id", ratio(postings.doc_id_bits, postings.postings)},
            {"frequency", ratio(postings.frequency_bits, postings.postings)},
            {"skip_data_per_posting", ratio(postings.skip_bits, postings.postings)},
            {"position", ratio(postings.position_bits, postings.positions)}}},
          {"store_bytes_per_article", ratio(bytes["store"], stored)},
          {"text_bytes", text_bytes},
          {"bytes", bytes},
          {"total_bytes", total},
          {"postings_and_positions_to_text", ratio(postings_and_positions, text_bytes)},
          {"total_to_text", ratio(total, text_bytes)}};
}

}  // namespace attache::cli
