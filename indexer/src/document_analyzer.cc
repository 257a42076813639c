// Body and title words become stems with positions (the title after a gap) plus
// the unstemmed forms that differ from their stems; title, source, author,
// place, language and id also get field terms. An article that names no place
// takes its dateline's; one that names no language, CLD2's guess. Words are
// stemmed in the article's language: English stems bare, another language's
// under its code ("fr:negoci", analysis/terms.h).
#include "attache/indexer/document_analyzer.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "attache/analysis/stemmer.h"
#include "attache/analysis/terms.h"
#include "attache/analysis/tokenizer.h"
#include "attache/indexer/dateline.h"
#include "attache/indexer/statements.h"
#include "attache/storage/string_table.h"
#include "language_detection.h"
#include "signature.h"

namespace attache::indexer {

storage::StoredStatement to_stored(const Statement& s) {
  storage::StoredStatement stored;
  stored.begin = s.begin;
  stored.end = s.end;
  stored.speaker = s.speaker;
  stored.canonical = s.canonical;
  stored.cue = s.cue;
  stored.kind = static_cast<uint8_t>(s.kind);
  stored.confidence = static_cast<uint8_t>(std::lround(s.confidence * 100));
  stored.group = s.group;
  stored.speaker_kind = static_cast<uint8_t>(s.speaker_kind);
  stored.description = s.description;
  return stored;
}

struct DocumentAnalyzer::Impl {
  std::vector<analysis::Token> tokens;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  // Words seen by this thread, with the ids of their stem and (when it differs)
  // their surface term: one lookup a token instead of stemming and two more.
  static constexpr uint32_t kNone = UINT32_MAX;
  static constexpr size_t kMaxWords = 1 << 21;
  struct WordTerms {
    uint32_t stem;
    uint32_t surface;     // kNone when the word is its own stem
    uint32_t unaccented;  // the folded word's stem, when its accents changed the stem; else kNone
  };
  // A language's stemmer and the words of it seen by this thread.
  struct Language {
    explicit Language(const std::string& language) : code(language), stemmer(language) {}
    std::string code;  // empty for English
    analysis::Stemmer stemmer;
    storage::StringTable<WordTerms> words;
    std::string stem_term(std::string_view word) { return analysis::stem_term(code, stemmer.stem(word)); }
    std::string written_stem_term(std::string_view written) {
      return analysis::stem_term(code, stemmer.stem_written(written));
    }
  };
  std::map<std::string, std::unique_ptr<Language>> languages;
  Language* language = nullptr;  // the current article's
  storage::StringTable<uint32_t> term_ids;
  std::vector<std::string> term_names;
  std::vector<uint32_t> slot_of_term;  // per term id: its index in doc->terms, kNone when absent
  std::vector<uint32_t> touched;       // term ids with a slot, to reset after the document
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> field_slots;  // field terms, rare
  storage::IndexableDocument* doc = nullptr;

  uint32_t term_id(std::string_view term) {
    auto [id, inserted] = term_ids.insert(term, static_cast<uint32_t>(term_names.size()));
    if (inserted) {
      term_names.emplace_back(term);
      slot_of_term.push_back(kNone);
    }
    return *id;
  }

  void use_language(const std::string& code) {
    auto& known = languages[analysis::is_english(code) ? std::string() : code];
    if (!known) known = std::make_unique<Language>(analysis::is_english(code) ? std::string() : code);
    language = known.get();
  }

  // The terms of a token. In English a word's folded form decides them; in
  // another language its written form does, stemmed before folding (stemmer.h),
  // and when its accents changed the stem, the folded word's stem is indexed
  // too, so a query typed without accents still finds it.
  const WordTerms& word_terms(std::string_view text, const analysis::Token& token) {
    const std::string& word = token.text;
    // The same bytes always make the same token, so outside English the span is
    // the key, and the written form is worked out only for a word not seen yet.
    const std::string_view key =
        language->code.empty() ? std::string_view(word) : text.substr(token.begin, token.end - token.begin);
    if (const WordTerms* known = language->words.find(key)) return *known;
    const std::string stem = language->code.empty() ? language->stem_term(word)
                                                    : language->written_stem_term(analysis::written_form(text, token));
    WordTerms w{term_id(stem), kNone, kNone};
    // word* reads surface terms, and finds a word that is its own stem through
    // the stem only in English (FORMAT.md): another language's words all get one.
    if (stem != word || !language->code.empty())
      w.surface = term_id(analysis::field_term(analysis::kSurfacePrefix, word));
    if (!language->code.empty()) {
      const std::string unaccented = language->stem_term(word);
      if (unaccented != stem) w.unaccented = term_id(unaccented);
    }
    return *language->words.insert(key, w).first;
  }

  // Bounded memory over long runs: the word tables start afresh between
  // documents once they grow past kMaxWords.
  void forget_if_large() {
    size_t words = 0;
    for (const auto& [code, l] : languages) words += l->words.size();
    if (words < kMaxWords) return;
    for (const auto& [code, l] : languages) l->words.clear();
    term_ids.clear();
    term_names.clear();
    slot_of_term.clear();
  }

  void add_id(uint32_t id, uint32_t position, bool positional) {
    uint32_t& slot = slot_of_term[id];
    if (slot == kNone) {
      slot = static_cast<uint32_t>(doc->terms.size());
      touched.push_back(id);
      doc->terms.push_back(storage::TermOccurrences{term_names[id], 0, {}});
    }
    record(doc->terms[slot], position, positional);
  }

  // One occurrence per term and position, positions ascending. A hyphenated
  // word's joined whole shares its first part's position and may stem like a
  // part ("Tsung-li" joins to "tsungli", which stems to "tsung").
  static void record(storage::TermOccurrences& t, uint32_t position, bool positional) {
    if (positional && !t.positions.empty() && position <= t.positions.back()) {
      auto at = std::lower_bound(t.positions.begin(), t.positions.end(), position);
      if (*at == position) return;
      t.positions.insert(at, position);
      ++t.frequency;
      return;
    }
    ++t.frequency;
    if (positional) t.positions.push_back(position);
  }

  void add(std::string_view term, uint32_t position, bool positional) {
    auto it = field_slots.find(term);
    if (it == field_slots.end()) {
      it = field_slots.emplace(std::string(term), static_cast<uint32_t>(doc->terms.size())).first;
      doc->terms.push_back(storage::TermOccurrences{std::string(term), 0, {}});
    }
    record(doc->terms[it->second], position, positional);
  }

  void finish_document() {
    for (uint32_t id : touched) slot_of_term[id] = kNone;
    touched.clear();
    field_slots.clear();
    forget_if_large();
  }

  // Plain stems with positions and surface forms; returns the next position.
  uint32_t add_words(std::string_view text, uint32_t first_position) {
    tokens.clear();
    uint32_t next = analysis::tokenize(text, tokens, first_position);
    for (const analysis::Token& token : tokens) {
      const WordTerms& w = word_terms(text, token);
      add_id(w.stem, token.position, true);
      // The second stem counts in the length as Xapian counts it (the sum of
      // within-document frequencies), so both backends score alike.
      if (w.unaccented != kNone) add_id(w.unaccented, token.position, true), ++doc->length;
      // A word that is its own stem is found through the stem (query/FORMAT.md
      // explain how word* stays exact); only the others need their own term.
      if (w.surface != kNone) add_id(w.surface, 0, false);
      ++doc->length;
    }
    return next;
  }

  // Statements of the body (whose tokens are still in `tokens`): stored with
  // the token positions they cover, and speaker terms for speaker: queries.
  // A dateline is no speaker ("GENEVA — ... , GENEVA said" must not make GENEVA
  // one): the extractor reads the text with the dateline blanked to spaces of
  // the same length, so every span it gives still points into the text, and a
  // statement whose speaker is the dateline's place in its capitals is dropped.
  void add_statements(Article& article, const std::optional<Dateline>& dateline) {
    std::vector<analysis::Token> body;
    body.swap(tokens);
    std::vector<std::pair<std::string, uint32_t>> speaker_terms;
    uint32_t index = 0;
    std::string blanked;
    std::string_view dateline_capitals;
    if (dateline) {
      dateline_capitals = std::string_view(article.text).substr(dateline->begin, dateline->place_end - dateline->begin);
      blanked = article.text;
      std::fill(blanked.begin() + static_cast<std::ptrdiff_t>(dateline->begin),
                blanked.begin() + static_cast<std::ptrdiff_t>(dateline->end), ' ');
    }
    for (const Statement& s : extract_statements(dateline ? blanked : article.text)) {
      if (dateline && (s.speaker == dateline_capitals || s.canonical == dateline_capitals)) continue;
      storage::StoredStatement stored = to_stored(s);
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
      article.statements.push_back(std::move(stored));

      if (!s.canonical.empty()) {
        analysis::speaker_terms(s.canonical, s.description, speaker_terms);
        for (const auto& [term, offset] : speaker_terms) add(term, index * analysis::kSpeakerStride + offset, true);
      }
      ++index;
    }
    tokens.clear();
  }

  void add_field(char prefix, std::string_view text, bool stem) {
    tokens.clear();
    analysis::tokenize(text, tokens, 0);
    for (const analysis::Token& token : tokens) {
      if (!stem) {
        add(std::string(1, prefix) + token.text, token.position, true);
        continue;
      }
      const WordTerms& w = word_terms(text, token);
      add(std::string(1, prefix) + term_names[w.stem], token.position, true);
      if (w.unaccented != kNone) add(std::string(1, prefix) + term_names[w.unaccented], token.position, true);
    }
  }
};

DocumentAnalyzer::DocumentAnalyzer() : impl_(std::make_unique<Impl>()) {}
DocumentAnalyzer::~DocumentAnalyzer() = default;

storage::IndexableDocument DocumentAnalyzer::analyze(Article&& article) {
  storage::IndexableDocument doc;
  impl_->doc = &doc;
  if (article.language.empty()) article.language = detect_language(article.text);
  impl_->use_language(article.language);
  uint32_t body_end = impl_->add_words(article.text, 0);
  doc.signature = article_signature(impl_->tokens);
  std::optional<Dateline> dateline = find_dateline(article.text);
  if (!dateline) dateline = find_colon_dateline(article.text);
  if (article.place.empty() && dateline) article.place = dateline->place;
  // Statement attribution reads English only: other languages get no statements.
  if (analysis::is_english(article.language)) impl_->add_statements(article, dateline);
  impl_->tokens.clear();
  if (!article.title.empty()) {
    impl_->add_words(article.title, body_end + analysis::kTitlePositionGap);
    impl_->add_field(analysis::kTitlePrefix, article.title, true);
  }
  if (!article.source.empty()) impl_->add_field(analysis::kSourcePrefix, article.source, false);
  if (!article.author.empty()) impl_->add_field(analysis::kAuthorPrefix, article.author, false);
  if (!article.place.empty()) {
    impl_->add_field(analysis::kPlacePrefix, article.place, false);
    impl_->add(std::string(analysis::kPlaceValuePrefix) + article.place, 0, false);
  }
  if (!article.language.empty()) impl_->add(analysis::field_term(analysis::kLanguagePrefix, article.language), 0, false);
  impl_->add(analysis::field_term(analysis::kIdPrefix, article.id), 0, false);
  doc.stored = std::move(article);
  impl_->finish_document();
  impl_->doc = nullptr;
  return doc;
}

}  // namespace attache::indexer
