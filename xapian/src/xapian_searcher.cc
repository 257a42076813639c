// Searching the Xapian backend: queries translated to Xapian::Query, BM25 with
// Xapian's defaults, which attache's own ranking reproduces; a directory of
// stubs joins shards as one database.
#include <xapian.h>

#include <algorithm>
#include <mutex>

#include "attache/analysis/terms.h"
#include "attache/query/languages.h"
#include "attache/query/speakers.h"
#include "attache/xapian/xapian_backend.h"
#include "xapian_common.h"

namespace attache::xapian_backend {

namespace fs = std::filesystem;

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

  // The languages of the articles, from their language terms ("Gfr"): read on first use.
  mutable std::once_flag languages_read;
  mutable std::vector<std::string> languages;
  const std::vector<std::string>& article_languages() const {
    std::call_once(languages_read, [this] {
      const std::string prefix(1, analysis::kLanguagePrefix);
      std::vector<std::string> terms;
      for (auto it = articles.allterms_begin(prefix); it != articles.allterms_end(prefix); ++it) terms.push_back(*it);
      languages = query::languages_of_terms(terms);
    });
    return languages;
  }

  // The query in Xapian's terms, its speaker: conditions widened to identities
  // and its words analysed in each language of the articles, as attache's Searcher does.
  Xapian::Query translate_query(const query::Query& q) const {
    query::Query widened = query::copy_query(q);
    if (q.mentions_speaker && !q.speakers_resolved && has_statements) archive_speakers().resolve_speakers(widened);
    query::analyse_in_languages(widened, article_languages());
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
    d.author = j.value("author", "");  // absent in databases written before these fields
    d.place = j.value("place", "");
    d.language = j.value("lang", "");
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
