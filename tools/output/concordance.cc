// The concordance behind `attache kwic` and /api/kwic (see concordance.h).
#include "concordance.h"

#include <optional>

#include "attache/analysis/stemmer.h"
#include "attache/analysis/terms.h"
#include "attache/analysis/tokenizer.h"
#include "attache/query/snippet.h"
#include "open_index.h"

namespace attache::cli {
namespace {

// Up to `width` code points of text, white space collapsed, taken from the
// end (left context) or the start (right context).
std::string context(std::string_view text, size_t width, bool from_end) {
  std::string collapsed;
  for (char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (collapsed.empty() || collapsed.back() != ' ') collapsed.push_back(' ');
    } else {
      collapsed.push_back(c);
    }
  }
  // Code point boundaries.
  std::vector<size_t> starts;
  for (size_t i = 0; i < collapsed.size(); ++i)
    if ((static_cast<unsigned char>(collapsed[i]) & 0xc0) != 0x80) starts.push_back(i);
  if (starts.size() <= width) return collapsed;
  return from_end ? collapsed.substr(starts[starts.size() - width]) : collapsed.substr(0, starts[width]);
}

// What an occurrence looks like: a word's stem, a phrase's stems in order, or
// a prefix of a word as written. Excluded parts of the query are not shown.
struct Pattern {
  std::vector<std::string> stems;
  std::vector<uint32_t> offsets;
  std::string prefix;
  std::vector<std::string> words;  // the folded words of stems, to stem in an article's language
};

// The patterns for an article in another language than English: their words stemmed in it.
std::vector<Pattern> in_language(std::vector<Pattern> patterns, const std::string& language) {
  analysis::Stemmer& stemmer = analysis::thread_stemmer(language);
  for (Pattern& p : patterns)
    if (p.words.size() == p.stems.size())
      for (size_t i = 0; i < p.words.size(); ++i) p.stems[i] = stemmer.stem(p.words[i]);
  return patterns;
}

void collect_patterns(const query::QueryNode& n, std::vector<Pattern>& out) {
  using Kind = query::QueryNode::Kind;
  auto plain = [](const std::string& t) { return !t.empty() && !(t[0] >= 'A' && t[0] <= 'Z'); };
  switch (n.kind) {
    case Kind::term:
      if (plain(n.terms[0])) out.push_back({{n.terms[0]}, {0}, "", n.words});
      break;
    case Kind::phrase:
      if (plain(n.terms[0])) out.push_back({n.terms, n.offsets, "", n.words});
      break;
    case Kind::prefix: out.push_back({{}, {}, n.terms[0].substr(1), {}}); break;
    case Kind::exclude: collect_patterns(*n.children[0], out); break;
    default:
      for (const auto& c : n.children) collect_patterns(*c, out);
  }
}

// Visits each occurrence of the patterns in one field of a document (its
// title or its text); false when the visitor asked to stop.
bool visit_occurrences(const storage::StoredDocument& doc, const std::string& field, std::string_view text,
                       const std::vector<Pattern>& patterns, analysis::Stemmer& stemmer, size_t width,
                       const std::function<bool(const KwicLine&)>& visit) {
  std::vector<analysis::Token> tokens;
  analysis::tokenize(text, tokens);
  std::erase_if(tokens, [](const analysis::Token& t) { return t.compound; });
  std::vector<std::string> stems;
  for (const auto& t : tokens) stems.emplace_back(stemmer.stem(t.text));
  // The longest pattern occurring at token i, as the index of its last token.
  auto occurrence_end = [&](size_t i) -> std::optional<size_t> {
    std::optional<size_t> best;
    for (const Pattern& p : patterns) {
      if (!p.prefix.empty()) {
        if (tokens[i].text.compare(0, p.prefix.size(), p.prefix) == 0 && !best) best = i;
        continue;
      }
      size_t last = i;
      bool ok = true;
      for (size_t k = 0; k < p.stems.size() && ok; ++k) {
        size_t at = i;
        while (at < tokens.size() && tokens[at].position < tokens[i].position + p.offsets[k]) ++at;
        ok = at < tokens.size() && tokens[at].position == tokens[i].position + p.offsets[k] && stems[at] == p.stems[k];
        last = at;
      }
      if (ok && (!best || last > *best)) best = last;
    }
    return best;
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    auto last = occurrence_end(i);
    if (!last) continue;
    const size_t j = *last;
    const uint32_t begin = tokens[i].begin, end = tokens[j].end;
    KwicLine line{doc.id,
                  doc.date,
                  field,
                  context(text.substr(0, begin), width, true),
                  std::string(text.substr(begin, end - begin)),
                  context(text.substr(end), width, false),
                  query::code_point_offset(text, begin),
                  query::code_point_offset(text, end)};
    if (!visit(line)) return false;
    i = j;
  }
  return true;
}

}  // namespace

void for_each_kwic_line(const OpenIndex& index, const query::Query& parsed, query::SortOrder sort, size_t width,
                        const std::function<bool(const KwicLine&)>& visit) {
  std::vector<Pattern> patterns;
  collect_patterns(*parsed.root, patterns);
  analysis::Stemmer& english = analysis::thread_stemmer({});
  index.for_each_ranked_article(parsed, sort, [&](const storage::StoredDocument& doc) {
    const bool english_article = analysis::is_english(doc.language);
    analysis::Stemmer& stemmer = english_article ? english : analysis::thread_stemmer(doc.language);
    const std::vector<Pattern> own = english_article ? std::vector<Pattern>() : in_language(patterns, doc.language);
    const std::vector<Pattern>& used = english_article ? patterns : own;
    // A match in the title makes the article a hit as much as one in the text.
    return visit_occurrences(doc, "title", doc.title, used, stemmer, width, visit) &&
           visit_occurrences(doc, "text", doc.text, used, stemmer, width, visit);
  });
}

}  // namespace attache::cli
