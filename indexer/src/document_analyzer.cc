// Body and title words become stems with positions (the title after a gap) plus
// the unstemmed forms that differ from their stems; title, source and id also
// get field terms.
#include "attache/indexer/document_analyzer.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "attache/analysis/stemmer.h"
#include "attache/analysis/terms.h"
#include "attache/analysis/tokenizer.h"
#include "attache/indexer/statements.h"

namespace attache::indexer {

struct DocumentAnalyzer::Impl {
  analysis::Stemmer stemmer;
  std::vector<analysis::Token> tokens;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> slots;
  storage::IndexableDocument* doc = nullptr;

  void add(std::string_view term, uint32_t position, bool positional) {
    auto it = slots.find(term);
    if (it == slots.end()) {
      it = slots.emplace(std::string(term), static_cast<uint32_t>(doc->terms.size())).first;
      doc->terms.push_back(storage::TermOccurrences{std::string(term), 0, {}});
    }
    storage::TermOccurrences& t = doc->terms[it->second];
    ++t.frequency;
    if (positional) t.positions.push_back(position);
  }

  // Plain stems with positions and surface forms; returns the next position.
  uint32_t add_words(std::string_view text, uint32_t first_position) {
    tokens.clear();
    uint32_t next = analysis::tokenize(text, tokens, first_position);
    std::string surface;
    for (const analysis::Token& token : tokens) {
      std::string_view stem = stemmer.stem(token.text);
      add(stem, token.position, true);
      // A word that is its own stem is found through the stem (query/FORMAT.md
      // explain how word* stays exact); only the others need their own term.
      if (stem != token.text) {
        surface.assign(1, analysis::kSurfacePrefix);
        surface += token.text;
        add(surface, 0, false);
      }
      ++doc->length;
    }
    return next;
  }

  // Statements of the body (whose tokens are still in `tokens`): stored with
  // the token positions they cover, and speaker terms for speaker: queries.
  void add_statements(Article& article) {
    std::vector<analysis::Token> body;
    body.swap(tokens);
    std::string term;
    uint32_t index = 0;
    for (const Statement& s : extract_statements(article.text)) {
      storage::StoredStatement stored;
      stored.begin = s.begin;
      stored.end = s.end;
      auto first = std::lower_bound(body.begin(), body.end(), s.begin,
                                    [](const analysis::Token& t, uint32_t b) { return t.begin < b; });
      uint32_t last_position = 0;
      bool any = false;
      for (auto it = first; it != body.end() && it->end <= s.end; ++it) {
        if (!any) stored.first_position = it->position;
        last_position = it->position;
        any = true;
      }
      stored.position_count = any ? last_position - stored.first_position + 1 : 0;
      stored.speaker = s.speaker;
      stored.canonical = s.canonical;
      stored.cue = s.cue;
      stored.kind = static_cast<uint8_t>(s.kind);
      stored.confidence = static_cast<uint8_t>(std::lround(s.confidence * 100));
      stored.group = s.group;
      article.statements.push_back(std::move(stored));

      tokens.clear();
      analysis::tokenize(s.canonical, tokens);
      uint32_t word = 0;
      for (const analysis::Token& t : tokens) {
        if (t.compound || word >= analysis::kSpeakerStride) continue;
        term.assign(1, analysis::kSpeakerPrefix);
        term += t.text;
        add(term, index * analysis::kSpeakerStride + word++, true);
      }
      ++index;
    }
    tokens.clear();
  }

  void add_field(char prefix, std::string_view text, bool stem) {
    tokens.clear();
    analysis::tokenize(text, tokens, 0);
    std::string term;
    for (const analysis::Token& token : tokens) {
      term.assign(1, prefix);
      term += stem ? stemmer.stem(token.text) : std::string_view(token.text);
      add(term, token.position, true);
    }
  }
};

DocumentAnalyzer::DocumentAnalyzer() : impl_(std::make_unique<Impl>()) {}
DocumentAnalyzer::~DocumentAnalyzer() = default;

storage::IndexableDocument DocumentAnalyzer::analyze(Article&& article) {
  storage::IndexableDocument doc;
  impl_->doc = &doc;
  impl_->slots.clear();
  uint32_t body_end = impl_->add_words(article.text, 0);
  impl_->add_statements(article);
  if (!article.title.empty()) {
    impl_->add_words(article.title, body_end + analysis::kTitlePositionGap);
    impl_->add_field(analysis::kTitlePrefix, article.title, true);
  }
  if (!article.source.empty()) impl_->add_field(analysis::kSourcePrefix, article.source, false);
  impl_->add(analysis::field_term(analysis::kIdPrefix, article.id), 0, false);
  doc.stored = std::move(article);
  impl_->doc = nullptr;
  return doc;
}

}  // namespace attache::indexer
