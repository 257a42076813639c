// The Xapian backend: attache's terms written with Xapian::Document::add_posting
// (plain terms with wdf 1 so document lengths equal attache's; field terms with
// wdf 0), queries translated to Xapian::Query, BM25 with Xapian's defaults,
// which attache's own ranking reproduces.
#include "attache/xapian/xapian_backend.h"

#include <xapian.h>

#include <algorithm>
#include <mutex>

#include <nlohmann/json.hpp>

#include "attache/analysis/stemmer.h"
#include "attache/analysis/terms.h"
#include "attache/analysis/tokenizer.h"
#include "attache/query/speakers.h"
#include "attache/storage/error.h"

namespace attache::xapian_backend {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;
constexpr Xapian::valueno kDateSlot = 0;
constexpr Xapian::valueno kSpeakerSlot = 1;  // statements: the canonical speaker, for facets

bool field_term(const std::string& t) { return !t.empty() && t[0] >= 'A' && t[0] <= 'Z'; }

// Xapian positions start at 1 by convention; attache's at 0.
Xapian::termpos position(uint32_t p) { return p + 1; }

Json statement_json(const storage::StoredStatement& s) {
  return {{"b", s.begin}, {"e", s.end}, {"fp", s.first_position}, {"pc", s.position_count}, {"s", s.speaker},
          {"c", s.canonical}, {"cue", s.cue}, {"k", s.kind}, {"conf", s.confidence}, {"g", s.group},
          {"sk", s.speaker_kind}, {"d", s.description}};
}

storage::StoredStatement statement_from(const Json& j) {
  storage::StoredStatement s;
  s.begin = j["b"];
  s.end = j["e"];
  s.first_position = j["fp"];
  s.position_count = j["pc"];
  s.speaker = j["s"];
  s.canonical = j["c"];
  s.cue = j["cue"];
  s.kind = j["k"];
  s.confidence = j["conf"];
  s.group = j["g"];
  s.speaker_kind = j.value("sk", s.group ? 1 : 0);  // absent before speaker kinds
  s.description = j.value("d", "");
  return s;
}

[[noreturn]] void rethrow(const Xapian::Error& e, const std::string& what) {
  const std::string type = e.get_type();
  if (type == "DatabaseCorruptError")
    throw Error(ErrorKind::corruption, "index corrupted: " + what + ": " + e.get_description());
  if (type == "DatabaseLockError")
    throw Error(ErrorKind::locked, what + ": another writer holds the index (" + e.get_msg() + ")");
  if (type == "DatabaseNotFoundError" || type == "DatabaseOpeningError")
    throw Error(ErrorKind::not_found, what + ": no index here (" + e.get_msg() + ")");
  throw Error(ErrorKind::io, what + ": " + e.get_description());
}

}  // namespace

bool is_xapian_index(const fs::path& path) {
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) return true;  // a stub listing article shards
  // A stub of article shards beside one of statement shards, or a database
  // (a replica keeps its current copy behind a stub named XAPIANDB).
  const fs::path articles = path / "articles";
  return fs::is_regular_file(articles, ec) || fs::exists(articles / "iamglass", ec) ||
         fs::exists(articles / "iamchert", ec) || fs::exists(articles / "XAPIANDB", ec);
}

// ---- writing ---------------------------------------------------------------------------

struct XapianWriter::Impl {
  fs::path dir;
  Xapian::WritableDatabase articles, statements;
  analysis::Stemmer stemmer;
};

std::unique_ptr<XapianWriter> XapianWriter::open(const fs::path& dir) {
  auto impl = std::make_unique<Impl>();
  impl->dir = dir;
  try {
    fs::create_directories(dir);
    impl->articles = Xapian::WritableDatabase((dir / "articles").string(), Xapian::DB_CREATE_OR_OPEN);
    impl->statements = Xapian::WritableDatabase((dir / "statements").string(), Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::Error& e) {
    rethrow(e, dir.string());
  }
  return std::unique_ptr<XapianWriter>(new XapianWriter(std::move(impl)));
}

XapianWriter::XapianWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
XapianWriter::~XapianWriter() = default;

void XapianWriter::add(storage::IndexableDocument&& document) {
  const storage::StoredDocument& stored = document.stored;
  try {
    Xapian::Document x;
    for (const storage::TermOccurrences& t : document.terms) {
      Xapian::termcount wdf = field_term(t.term) ? 0 : 1;
      if (t.positions.empty())
        x.add_term(t.term, field_term(t.term) ? 0 : t.frequency);
      else
        for (uint32_t p : t.positions) x.add_posting(t.term, position(p), wdf);
    }
    x.add_value(kDateSlot, Xapian::sortable_serialise(stored.date));
    Json data = {{"id", stored.id}, {"title", stored.title}, {"source", stored.source}, {"url", stored.url},
                 {"text", stored.text}, {"statements", Json::array()}};
    for (const auto& s : stored.statements) data["statements"].push_back(statement_json(s));
    x.set_data(data.dump(-1, ' ', false, Json::error_handler_t::replace));
    const std::string id_term = analysis::field_term(analysis::kIdPrefix, stored.id);
    impl_->articles.replace_document(id_term, x);

    // Each statement is a document of its own: its words, its speaker, and
    // the article's fields and date, so the same queries run on statements.
    const std::string article_term = "R" + stored.id;
    impl_->statements.delete_document(article_term);
    for (uint32_t k = 0; k < stored.statements.size(); ++k) {
      const storage::StoredStatement& s = stored.statements[k];
      Xapian::Document sd;
      std::vector<analysis::Token> tokens;
      analysis::tokenize(std::string_view(stored.text).substr(s.begin, s.end - s.begin), tokens);
      for (const auto& t : tokens) sd.add_posting(std::string(impl_->stemmer.stem(t.text)), position(t.position), 1);
      if (!s.canonical.empty()) {
        std::vector<std::pair<std::string, uint32_t>> speaker;
        analysis::speaker_terms(s.canonical, s.description, speaker);
        for (const auto& [term, offset] : speaker) sd.add_posting(term, position(offset), 0);
      }
      for (const storage::TermOccurrences& t : document.terms) {
        char prefix = t.term.empty() ? 0 : t.term[0];
        if (prefix == analysis::kTitlePrefix || prefix == analysis::kSourcePrefix) {
          for (uint32_t p : t.positions) sd.add_posting(t.term, position(p), 0);
        } else if (prefix == analysis::kIdPrefix) {
          sd.add_term(t.term, 0);
        }
      }
      sd.add_term(article_term, 0);
      sd.add_value(kDateSlot, Xapian::sortable_serialise(stored.date));
      sd.add_value(kSpeakerSlot, s.canonical);
      sd.set_data(Json{{"article", stored.id}, {"index", k}}.dump());
      impl_->statements.add_document(sd);
    }
  } catch (const Xapian::Error& e) {
    rethrow(e, impl_->dir.string());
  }
}

void XapianWriter::commit() {
  try {
    impl_->articles.commit();
    impl_->statements.commit();
  } catch (const Xapian::Error& e) {
    rethrow(e, impl_->dir.string());
  }
}

// ---- searching ----------------------------------------------------------------------------

namespace {

Xapian::Query translate(const query::QueryNode& n) {
  using Kind = query::QueryNode::Kind;
  switch (n.kind) {
    case Kind::term: return Xapian::Query(n.terms[0]);
    case Kind::phrase:
    case Kind::speaker: {
      if (n.terms.size() == 1) return Xapian::Query(n.terms[0]);
      return Xapian::Query(Xapian::Query::OP_PHRASE, n.terms.begin(), n.terms.end(), n.offsets.back() + 1);
    }
    case Kind::prefix: {
      // Words as written that differ from their stem, and stems (which
      // stand for words that are their own stem).
      std::string p = n.terms[0].substr(1);
      return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(Xapian::Query::OP_WILDCARD, n.terms[0]),
                           Xapian::Query(Xapian::Query::OP_WILDCARD, p));
    }
    case Kind::near: {
      std::vector<Xapian::Query> parts;
      for (const auto& c : n.children) {
        if (c->kind != Kind::term)
          throw query::QueryError("the Xapian backend runs NEAR on single words only, not phrases", 0);
        parts.emplace_back(c->terms[0]);
      }
      return Xapian::Query(Xapian::Query::OP_NEAR, parts.begin(), parts.end(), n.distance + 1);
    }
    case Kind::all_of:
    case Kind::any_of: {
      std::vector<Xapian::Query> parts;
      for (const auto& c : n.children) parts.push_back(translate(*c));
      return Xapian::Query(n.kind == Kind::all_of ? Xapian::Query::OP_AND : Xapian::Query::OP_OR, parts.begin(),
                           parts.end());
    }
    case Kind::exclude:
      return Xapian::Query(Xapian::Query::OP_AND_NOT, translate(*n.children[0]), translate(*n.children[1]));
    case Kind::everything: return Xapian::Query::MatchAll;
    case Kind::dates:
      return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kDateSlot, Xapian::sortable_serialise(n.dates.from),
                           Xapian::sortable_serialise(n.dates.to));
  }
  return Xapian::Query::MatchNothing;
}

}  // namespace

struct XapianSearcher::Impl {
  fs::path path;
  Xapian::Database articles;
  Xapian::Database statements;
  bool has_statements = false;

  // The article's docid, 0 when there is none.
  Xapian::docid article_docid(const std::string& id) const {
    const std::string term = analysis::field_term(analysis::kIdPrefix, id);
    auto posting = articles.postlist_begin(term);
    return posting == articles.postlist_end(term) ? 0 : *posting;
  }

  // Every statement by speaker, for identities (as attache's Searcher keeps
  // them): read on first use.
  mutable std::once_flag counted;
  mutable query::SpeakerTally speakers;
  const query::SpeakerTally& archive_speakers() const {
    std::call_once(counted, [this] {
      for (auto it = articles.postlist_begin(""); it != articles.postlist_end(""); ++it) {
        Xapian::Document x = articles.get_document(*it);
        const auto date = static_cast<Day>(Xapian::sortable_unserialise(x.get_value(kDateSlot)));
        const Json data = Json::parse(x.get_data());
        for (const auto& st : data["statements"]) speakers.add(statement_from(st), *it, date);
      }
    });
    return speakers;
  }

  // The query in Xapian's terms, its speaker: conditions widened to identities.
  Xapian::Query translate_query(const query::Query& q) const {
    if (!q.mentions_speaker || q.speakers_resolved || !has_statements) return translate(*q.root);
    query::Query widened = query::copy_query(q);
    archive_speakers().resolve_speakers(widened);
    return translate(*widened.root);
  }

  void require_statements() const {
    if (has_statements) return;
    std::error_code ec;
    if (fs::is_regular_file(path, ec))
      throw Error(ErrorKind::not_found, path.string() +
                                            ": this stub lists article shards only; for statements, make a directory "
                                            "holding a stub of article shards named 'articles' and one of their "
                                            "statement shards named 'statements'");
    throw Error(ErrorKind::not_found, path.string() + ": this Xapian index has no statements database");
  }

  // Every match of the query (all documents when null), unranked, by docid.
  Xapian::MSet all_matches(const Xapian::Database& db, const query::Query* query) const {
    Xapian::Enquire enquire(db);
    enquire.set_query(query ? translate_query(*query) : Xapian::Query::MatchAll);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    return enquire.get_mset(0, db.get_doccount(), db.get_doccount());
  }

  XapianResult run(const Xapian::Database& db, const query::Query& query, const query::SearchOptions& options,
                   bool exact) const {
    Xapian::Enquire enquire(db);
    enquire.set_query(translate_query(query));
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    if (options.sort == query::SortOrder::newest) enquire.set_sort_by_value_then_relevance(kDateSlot, true);
    if (options.sort == query::SortOrder::oldest) enquire.set_sort_by_value_then_relevance(kDateSlot, false);
    Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(options.offset),
                                         static_cast<Xapian::doccount>(options.limit),
                                         exact ? db.get_doccount() : 0);
    XapianResult result;
    result.total = mset.get_matches_estimated();  // exact when every document was checked
    for (auto it = mset.begin(); it != mset.end(); ++it)
      result.hits.push_back({*it, it.get_weight(),
                             static_cast<Day>(Xapian::sortable_unserialise(it.get_document().get_value(kDateSlot)))});
    return result;
  }
};

std::unique_ptr<XapianSearcher> XapianSearcher::open(const fs::path& path) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  try {
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) {
      impl->articles = Xapian::Database(path.string());  // a stub: Xapian opens each shard
    } else {
      // Resolved once: a symbolic link swapped to another directory of stubs
      // between the two opens must not pair one set's articles with another's
      // statements.
      fs::path dir = fs::canonical(path, ec);
      if (ec) dir = path;  // missing: Xapian names the problem
      impl->articles = Xapian::Database((dir / "articles").string());
      if (fs::exists(dir / "statements", ec)) {
        impl->statements = Xapian::Database((dir / "statements").string());
        impl->has_statements = true;
      }
    }
  } catch (const Xapian::Error& e) {
    rethrow(e, path.string());
  }
  return std::unique_ptr<XapianSearcher>(new XapianSearcher(std::move(impl)));
}

XapianSearcher::XapianSearcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
XapianSearcher::~XapianSearcher() = default;

XapianResult XapianSearcher::search(const query::Query& query, const query::SearchOptions& options,
                                    bool exact_total) const {
  try {
    return impl_->run(impl_->articles, query, options, exact_total);
  } catch (const Xapian::Error& e) {
    rethrow(e, impl_->path.string());
  }
}

XapianResult XapianSearcher::search_statements(const query::Query& query, const query::SearchOptions& options) const {
  impl_->require_statements();
  try {
    return impl_->run(impl_->statements, query, options, true);
  } catch (const Xapian::Error& e) {
    rethrow(e, impl_->path.string());
  }
}

void XapianSearcher::for_each_article(const query::Query* query,
                                      const std::function<void(uint32_t docid, Day date)>& visit) const {
  try {
    Xapian::MSet matches = impl_->all_matches(impl_->articles, query);
    for (auto it = matches.begin(); it != matches.end(); ++it)
      visit(*it, static_cast<Day>(Xapian::sortable_unserialise(it.get_document().get_value(kDateSlot))));
  } catch (const Xapian::Error& e) {
    rethrow(e, impl_->path.string());
  }
}

void XapianSearcher::for_each_statement(
    const query::Query* query,
    const std::function<void(uint32_t article_docid, const storage::StoredDocument& article, uint32_t statement)>&
        visit) const {
  impl_->require_statements();
  try {
    Xapian::MSet matches = impl_->all_matches(impl_->statements, query);
    // An article's statements are consecutive documents of its shard, and a
    // stub interleaves its shards' documents: the articles of the last few
    // statements are kept, so each is loaded once for all its statements.
    struct Loaded {
      std::string id;
      uint32_t docid;
      storage::StoredDocument article;
    };
    std::vector<Loaded> recent;
    constexpr size_t kRecentArticles = 64;
    for (auto it = matches.begin(); it != matches.end(); ++it) {
      auto [id, index] = statement_origin(*it);
      auto loaded = std::find_if(recent.begin(), recent.end(), [&](const Loaded& l) { return l.id == id; });
      if (loaded == recent.end()) {
        uint32_t docid = impl_->article_docid(id);
        if (docid == 0)
          throw Error(ErrorKind::corruption, "index corrupted: " + impl_->path.string() + ": statement " +
                                                 std::to_string(*it) + " names a missing article " + id);
        if (recent.size() == kRecentArticles) recent.erase(recent.begin());
        recent.push_back({id, docid, document(docid)});
        loaded = recent.end() - 1;
      }
      if (index >= loaded->article.statements.size())
        throw Error(ErrorKind::corruption, "index corrupted: " + impl_->path.string() + ": statement " +
                                               std::to_string(*it) + " beyond its article's statements");
      visit(loaded->docid, loaded->article, index);
    }
  } catch (const Xapian::Error& e) {
    rethrow(e, impl_->path.string());
  }
}

storage::StoredDocument XapianSearcher::document(uint32_t docid) const {
  try {
    Xapian::Document x = impl_->articles.get_document(docid);
    Json j = Json::parse(x.get_data());
    storage::StoredDocument d;
    d.id = j["id"];
    d.title = j["title"];
    d.source = j["source"];
    d.url = j["url"];
    d.text = j["text"];
    d.date = static_cast<Day>(Xapian::sortable_unserialise(x.get_value(kDateSlot)));
    for (const auto& s : j["statements"]) d.statements.push_back(statement_from(s));
    if (std::string problem = storage::statement_problem(d); !problem.empty())
      throw Error(ErrorKind::corruption, "index corrupted: " + impl_->path.string() + ": " + problem);
    return d;
  } catch (const Xapian::Error& e) {
    rethrow(e, impl_->path.string());
  } catch (const Json::exception& e) {
    throw Error(ErrorKind::corruption, "index corrupted: " + impl_->path.string() + ": document " +
                                           std::to_string(docid) + " data: " + e.what());
  }
}

storage::StoredDocument XapianSearcher::document_by_id(const std::string& id) const {
  try {
    Xapian::docid docid = impl_->article_docid(id);
    if (docid == 0) throw Error(ErrorKind::not_found, "no article " + id);
    return document(docid);
  } catch (const Xapian::Error& e) {
    rethrow(e, impl_->path.string());
  }
}

std::pair<std::string, uint32_t> XapianSearcher::statement_origin(uint32_t docid) const {
  try {
    Json j = Json::parse(impl_->statements.get_document(docid).get_data());
    return {j["article"], j["index"]};
  } catch (const Xapian::Error& e) {
    rethrow(e, impl_->path.string());
  } catch (const Json::exception& e) {
    throw Error(ErrorKind::corruption, "index corrupted: " + impl_->path.string() + ": statement " +
                                           std::to_string(docid) + " data: " + e.what());
  }
}

const query::SpeakerTally& XapianSearcher::archive_speakers() const {
  try {
    return impl_->archive_speakers();
  } catch (const Xapian::Error& e) {
    rethrow(e, impl_->path.string());
  }
}

uint64_t XapianSearcher::doc_count() const { return impl_->articles.get_doccount(); }

std::vector<std::pair<std::string, uint64_t>> XapianSearcher::speaker_counts(const query::Query& query) const {
  impl_->require_statements();
  try {
    Xapian::Enquire enquire(impl_->statements);
    enquire.set_query(impl_->translate_query(query));
    Xapian::ValueCountMatchSpy spy(kSpeakerSlot);
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 0, impl_->statements.get_doccount());
    std::vector<std::pair<std::string, uint64_t>> out;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) out.emplace_back(*it, it.get_termfreq());
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    return out;
  } catch (const Xapian::Error& e) {
    rethrow(e, impl_->path.string());
  }
}

std::string XapianSearcher::describe(const query::Query& query) const {
  try {
    return impl_->translate_query(query).get_description() + "\n";
  } catch (const Xapian::Error& e) {
    rethrow(e, impl_->path.string());
  }
}

}  // namespace attache::xapian_backend
