// Running a parsed query over an index snapshot: exact match counts, BM25
// ranking (Xapian's parameters, so the two backends agree) or date order.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "attache/query/duplicates.h"
#include "attache/query/query.h"
#include "attache/storage/index_reader.h"

namespace attache::query {

class SpeakerTally;
struct SpeakerCount;
struct SpeakerOptions;
enum class SpeakerUnit;

enum class SortOrder { relevance, newest, oldest };

struct SearchOptions {
  size_t limit = 10;
  size_t offset = 0;
  SortOrder sort = SortOrder::relevance;
  // false: only the hits matter; candidates that cannot enter the top
  // offset + limit are skipped unchecked, and `total` counts only the matches
  // confirmed on the way (a lower bound).
  bool exact_total = true;
  // One hit per group of near-duplicate articles (duplicates.h), the best of
  // each; `total` counts groups. Articles only.
  bool collapse = false;

  // offset + limit, saturating: a huge --offset or --limit must not wrap to a
  // small number of hits kept.
  size_t hits_to_keep() const { return limit > SIZE_MAX - offset ? SIZE_MAX : offset + limit; }
};

struct Hit {
  size_t segment = 0;  // index into the snapshot's segments
  uint32_t doc = 0;
  double score = 0;
  Day date = 0;
};

struct SearchResult {
  std::vector<Hit> hits;
  uint64_t total = 0;  // every live matching document, not just those returned
};

// A statement hit: statement `statement` of the article (segment, doc).
struct StatementHit {
  size_t segment = 0;
  uint32_t doc = 0;
  uint32_t statement = 0;
  double score = 0;
  Day date = 0;
};

struct StatementResult {
  std::vector<StatementHit> hits;
  uint64_t total = 0;  // every matching statement (a lower bound when exact_total is false)
};

// BM25 as Xapian's BM25Weight computes it with its defaults (k1 = 1, b = 0.5,
// minimum normalised length 0.5; k2 = 0, k3 = 1 make the query side neutral).
struct Bm25 {
  static constexpr double k1 = 1.0;
  static constexpr double b = 0.5;
  static constexpr double min_normalised_length = 0.5;
  // The term weight for a term in doc_frequency of document_count documents.
  static double term_weight(uint64_t doc_frequency, uint64_t document_count);
  static double score(double term_weight, uint32_t frequency, uint32_t length, double average_length) {
    double normalised = average_length > 0 ? length / average_length : 0;
    if (normalised < min_normalised_length) normalised = min_normalised_length;
    const double f = frequency;
    return term_weight * f / (k1 * (normalised * b + (1 - b)) + f);
  }
};

class Searcher {
 public:
  explicit Searcher(std::shared_ptr<const storage::IndexSnapshot> snapshot);

  SearchResult search(const Query& query, const SearchOptions& options) const;
  uint64_t count(const Query& query) const;

  // The query over statements: its words must occur in the statement's text,
  // speaker: names its speaker, title:, source:, id: and date: its article.
  // Ranked by BM25 over statement text (lengths of statements, document
  // frequencies of articles), rank-safe top-k.
  StatementResult search_statements(const Query& query, const SearchOptions& options) const;
  // Every matching article in index order (segment, then id), unscored: for
  // export and facets.
  void for_each_article(const Query& query, const std::function<void(size_t segment, uint32_t doc)>& visit) const;
  // Matching articles (or statements) by month of their date, "YYYY-MM" ascending.
  std::vector<std::pair<std::string, uint64_t>> count_by_month(const Query& query, bool statements) const;
  // Matching articles (or statements) by the field value their article's
  // value term holds: the terms beginning with `prefix` ("L=" for places, "G"
  // for languages; an article has at most one), keyed by the rest of the term.
  // Postings of the value terms against the matches: no document is read.
  std::map<std::string, uint64_t> count_by_value(const Query& query, std::string_view prefix, bool statements) const;

  // Every matching statement, in index order, for counting and facets. Without
  // with_statement, visit gets an empty statement (cheaper when only hits count).
  void for_each_statement(const Query& query,
                          const std::function<void(const StatementHit&, const storage::StoredStatement&)>& visit,
                          bool with_statement = true) const;
  storage::StoredDocument document(const Hit& hit) const;
  // The documents of hits, in the hits' order, read segment by segment in store
  // order with each store block decompressed once (a page's hits often share
  // blocks); with their statements only when asked.
  std::vector<storage::StoredDocument> documents(const std::vector<Hit>& hits, bool with_statements) const;
  // The query tree with each term's document frequency and weight.
  std::string explain(const Query& query) const;

  const storage::IndexSnapshot& snapshot() const { return *snapshot_; }

  // Statement queries are answered from segments' statement postings where
  // they have them (storage/FORMAT.md, .statements version 4); false reads
  // every candidate article's statement spans instead, as for older segments
  // (the differential test and the benchmark compare the two).
  void use_statement_postings(bool use) { statement_postings_ = use; }

  // Article phrases are narrowed by the word pairs of the segments that hold
  // them (storage/word_pairs.h); false checks positions as for older segments
  // (the brute-force test compares the two).
  void use_word_pairs(bool use) { word_pairs_ = use; }

  // speaker: conditions are widened to identities (speakers.h) decided from
  // the statements whose speakers' names can matter to each condition, counted
  // by month from the segments' speakers' months (the statement postings'
  // `P=` lists for segments written before them), as long as they
  // are at most `most_read` of the archive's statements (a share); past it,
  // with `use` false, and for indexes with segments written before statement
  // postings, from every statement of the archive (the differential test
  // compares the two).
  void identities_from_postings(bool use, double most_read = 0.125) {
    identities_from_postings_ = use;
    identities_most_read_ = most_read;
  }

  // Every statement of the snapshot by speaker: the identities speaker counts
  // use. Read on first use (every statement's speaker, not the texts), then
  // kept with the searcher.
  const SpeakerTally& archive_speakers() const;
  // A tally's statements by the snapshot's identities: decided from the
  // speakers' months (storage/speaker_months.h) where every segment has them
  // and identities_from_postings() allows, else from archive_speakers().
  std::vector<SpeakerCount> count_by_identity(const SpeakerTally& tally) const;
  // The snapshot's groups of near-duplicate articles, made on first use and kept.
  const DuplicateGroups& duplicates() const;

 private:
  // The whole archive's speakers as `count` counts them with these options
  // (count_speakers with no query): kept beside the snapshot once counted and
  // read from there by later searchers of it, in any process (FORMAT.md,
  // "Derived files"); counted every time under identities_from_postings(false).
  std::vector<SpeakerCount> whole_archive_speakers(const SpeakerOptions& options,
                                                   const std::function<std::vector<SpeakerCount>()>& count) const;
  friend std::vector<SpeakerCount> count_speakers(const Searcher& searcher, const Query* query, SpeakerUnit unit,
                                                  const SpeakerOptions& options);
  // The query with its speaker: conditions widened to identities and its words
  // analysed in each language of the snapshot (languages.h), in scratch (or the
  // query itself when there is nothing to widen).
  const Query& with_identities(const Query& query, Query& scratch) const;
  void widen_speakers(Query& query) const;  // searcher_speakers.cc

  std::shared_ptr<const storage::IndexSnapshot> snapshot_;
  bool statement_postings_ = true;
  bool word_pairs_ = true;
  bool identities_from_postings_ = true;
  double identities_most_read_ = 0.125;
  std::vector<std::string> languages_;  // of the snapshot's articles ("en", "fr"), from their language terms
  struct Speakers;
  SearchResult search_collapsed(const Query& query, const SearchOptions& options) const;

  std::shared_ptr<Speakers> speakers_;  // shared: a Searcher stays copyable and movable
  struct Duplicates;
  std::shared_ptr<Duplicates> duplicates_;
};

}  // namespace attache::query
