// Writing the Xapian backend: attache's terms with Xapian::Document::add_posting
// (plain terms with wdf 1 so document lengths equal attache's; field terms with
// wdf 0), each statement also a document of its own.
#include <xapian.h>

#include "attache/analysis/stemmer.h"
#include "attache/analysis/terms.h"
#include "attache/analysis/tokenizer.h"
#include "attache/xapian/xapian_backend.h"
#include "xapian_common.h"

namespace attache::xapian_backend {
namespace {

namespace fs = std::filesystem;

bool field_term(const std::string& t) { return !t.empty() && t[0] >= 'A' && t[0] <= 'Z'; }

// Xapian positions start at 1 by convention; attache's at 0.
Xapian::termpos position(uint32_t p) { return p + 1; }

}  // namespace

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
    Json data = {{"id", stored.id},         {"title", stored.title}, {"source", stored.source},
                 {"url", stored.url},       {"text", stored.text},   {"author", stored.author},
                 {"place", stored.place},   {"lang", stored.language}, {"statements", Json::array()}};
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
        if (prefix == analysis::kTitlePrefix || prefix == analysis::kSourcePrefix ||
            prefix == analysis::kAuthorPrefix || prefix == analysis::kPlacePrefix) {
          for (uint32_t p : t.positions) sd.add_posting(t.term, position(p), 0);
          if (t.positions.empty()) sd.add_term(t.term, 0);  // the place's value term, "L=Geneva"
        } else if (prefix == analysis::kIdPrefix || prefix == analysis::kLanguagePrefix) {
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

}  // namespace attache::xapian_backend
