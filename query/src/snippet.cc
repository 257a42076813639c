// Snippet selection: windows around matched words, chosen greedily by how many
// different query words they show, then laid out in text order.
#include "attache/query/snippet.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "attache/analysis/sentences.h"
#include "attache/analysis/stemmer.h"
#include "attache/analysis/terms.h"
#include "attache/analysis/tokenizer.h"

namespace attache::query {
namespace {

struct Window {
  size_t first, last;  // token indices, inclusive
};

bool is_space_byte(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'; }

// Which tokens of text match, and which query word each one stands for (-1:
// none); `matched` lists the matching tokens in order. Snowball's English
// stemmer changes only a word's ending, never its first letter, so a word is
// stemmed only when its first byte opens one of the query's stems: most words
// of an article are never looked up. In another language (whose stemmer is
// not held to that) the query's words are stemmed in it, and every word is.
std::vector<int> match_tokens(std::string_view text, const Query& query, std::string_view language,
                              std::vector<analysis::Token>& tokens, std::vector<size_t>& matched) {
  analysis::tokenize(text, tokens);
  std::erase_if(tokens, [](const analysis::Token& t) { return t.compound; });
  const bool english = analysis::is_english(language);
  analysis::Stemmer& stemmer = analysis::thread_stemmer(english ? std::string_view() : language);
  std::vector<std::string> stems_in_language;
  if (!english)
    for (const std::string& word : query.highlight_words) stems_in_language.emplace_back(stemmer.stem_written(word));
  const std::vector<std::string>& stems = english ? query.highlight_terms : stems_in_language;
  std::array<bool, 256> opens_a_stem{};
  for (const std::string& term : stems)
    if (!term.empty()) opens_a_stem[static_cast<unsigned char>(term[0])] = true;
  std::vector<int> match(tokens.size(), -1);
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& word = tokens[i].text;
    if (!word.empty() && (!english || opens_a_stem[static_cast<unsigned char>(word[0])])) {
      std::string_view stem = stemmer.stem(word);
      for (size_t q = 0; q < stems.size(); ++q)
        if (stems[q] == stem) match[i] = static_cast<int>(q);
      // Outside English a word is indexed under the stem of its written form too.
      if (!english && match[i] < 0 && !analysis::is_ascii(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin))) {
        stem = stemmer.stem_written(analysis::written_form(text, tokens[i]));
        for (size_t q = 0; q < stems.size(); ++q)
          if (stems[q] == stem) match[i] = static_cast<int>(q);
      }
    }
    for (size_t q = 0; q < query.highlight_prefixes.size() && match[i] < 0; ++q)
      if (word.compare(0, query.highlight_prefixes[q].size(), query.highlight_prefixes[q]) == 0)
        match[i] = static_cast<int>(stems.size() + q);
    if (match[i] >= 0) matched.push_back(i);
  }
  return match;
}

// True if text[from, to) holds a blank line, which ends a paragraph.
bool has_blank_line(std::string_view text, size_t from, size_t to) {
  for (size_t at = text.find('\n', from); at < to; at = text.find('\n', at + 1)) {
    size_t next = at + 1;
    while (next < to && (text[next] == ' ' || text[next] == '\t' || text[next] == '\r')) ++next;
    if (next < to && text[next] == '\n') return true;
  }
  return false;
}

// Which tokens start a sentence, known only where a window can look for one:
// from `reach` tokens before each match up to the match. Only the paragraphs
// around the matches are split (analysis::split_sentences_within), and they
// mark what splitting the whole text would.
std::vector<bool> sentence_starts_near(std::string_view text, const std::vector<analysis::Token>& tokens,
                                       const std::vector<size_t>& matched, size_t reach) {
  std::vector<bool> starts(tokens.size(), false);
  // A token starts a sentence when a sentence begins after the token before
  // it and no later than the token itself: bytes (previous.begin, begin].
  auto bytes_from = [&](size_t t) -> size_t { return t == 0 ? 0 : tokens[t - 1].begin + 1; };
  auto reach_of = [&](size_t k) { return matched[k] - std::min(matched[k], reach); };
  size_t m = 0;
  while (m < matched.size()) {
    size_t first = reach_of(m);
    size_t last = matched[m];
    // Matches whose reaches overlap, or lie in the same paragraph, share one
    // split: a paragraph is split once however many matches it holds. (Splitting
    // more than the reaches marks more starts, which no window looks at.)
    while (m + 1 < matched.size() &&
           (reach_of(m + 1) <= last || !has_blank_line(text, tokens[last].begin, bytes_from(reach_of(m + 1)))))
      last = matched[++m];
    ++m;
    for (const analysis::Sentence& sentence :
         analysis::split_sentences_within(text, bytes_from(first), tokens[last].begin + size_t{1})) {
      auto t = std::lower_bound(tokens.begin(), tokens.end(), sentence.begin,
                                [](const analysis::Token& token, uint32_t at) { return token.begin < at; });
      if (t != tokens.end()) starts[static_cast<size_t>(t - tokens.begin())] = true;
    }
  }
  return starts;
}

}  // namespace

std::vector<std::pair<size_t, size_t>> match_spans(std::string_view text, const Query& query,
                                                   std::string_view language) {
  std::vector<analysis::Token> tokens;
  std::vector<size_t> matched;
  match_tokens(text, query, language, tokens, matched);
  std::vector<std::pair<size_t, size_t>> spans;
  for (size_t i : matched) spans.emplace_back(tokens[i].begin, tokens[i].end);
  return spans;
}

Snippet make_snippet(std::string_view text, const Query& query, const SnippetOptions& options) {
  // Kept between snippets: a page's articles need no new token storage.
  thread_local std::vector<analysis::Token> tokens;
  tokens.clear();
  std::vector<size_t> matched;
  const std::vector<int> match = match_tokens(text, query, options.language, tokens, matched);

  const size_t width = std::max<size_t>(options.fragment_words, 4);
  // Fragments start at a sentence start when one is close before the match.
  const std::vector<bool> starts_sentence = sentence_starts_near(text, tokens, matched, width / 2);
  auto window_around = [&](size_t m) {
    size_t first = m >= width / 3 ? m - width / 3 : 0;
    for (size_t back = 0; back <= width / 2 && back <= m; ++back)
      if (starts_sentence[m - back]) {
        first = m - back;
        break;
      }
    return Window{first, std::min(tokens.size() - 1, first + width - 1)};
  };
  std::vector<Window> chosen;
  if (matched.empty() || tokens.empty()) {
    if (!tokens.empty()) chosen.push_back({0, std::min(tokens.size(), 2 * width) - 1});
  } else {
    std::set<int> shown;
    size_t best_distinct = 0;
    for (size_t round = 0; round < options.max_fragments; ++round) {
      Window best{0, 0};
      size_t best_score = 0;
      std::set<int> best_terms;
      for (size_t m : matched) {
        Window w = window_around(m);
        bool overlaps = false;
        for (const Window& c : chosen) overlaps |= !(w.last < c.first || w.first > c.last);
        if (overlaps) continue;
        std::set<int> distinct;
        size_t count = 0;
        for (size_t i = w.first; i <= w.last; ++i)
          if (match[i] >= 0) {
            distinct.insert(match[i]);
            ++count;
          }
        size_t score = distinct.size() * 100 + count;
        if (score > best_score) {
          best_score = score;
          best = w;
          best_terms = std::move(distinct);
        }
      }
      if (best_score == 0) break;
      // A further fragment must show a word not shown yet, or as many as the best.
      bool adds_word = std::any_of(best_terms.begin(), best_terms.end(), [&](int q) { return !shown.count(q); });
      if (!chosen.empty() && !adds_word && best_terms.size() < best_distinct) break;
      best_distinct = std::max(best_distinct, best_terms.size());
      shown.insert(best_terms.begin(), best_terms.end());
      chosen.push_back(best);
    }
    std::sort(chosen.begin(), chosen.end(), [](const Window& a, const Window& b) { return a.first < b.first; });
  }

  Snippet snippet;
  auto append_collapsed = [&](std::string_view piece) {
    for (char c : piece) {
      if (is_space_byte(c)) {
        if (!snippet.text.empty() && snippet.text.back() != ' ') snippet.text.push_back(' ');
      } else {
        snippet.text.push_back(c);
      }
    }
  };
  for (size_t w = 0; w < chosen.size(); ++w) {
    const Window& window = chosen[w];
    if (w > 0 || window.first > 0) {
      if (!snippet.text.empty() && snippet.text.back() != ' ') snippet.text.push_back(' ');
      snippet.text += "… ";
    }
    for (size_t i = window.first; i <= window.last; ++i) {
      if (i > window.first) append_collapsed(text.substr(tokens[i - 1].end, tokens[i].begin - tokens[i - 1].end));
      size_t start = snippet.text.size();
      snippet.text.append(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin));
      if (match[i] >= 0) snippet.highlights.emplace_back(start, snippet.text.size());
    }
    // Keep closing punctuation right after the last word (a period, a quote).
    size_t end = tokens[window.last].end, stop = end;
    while (stop < text.size() && stop < end + 4 && !is_space_byte(text[stop]) &&
           !std::isalnum(static_cast<unsigned char>(text[stop])))
      ++stop;
    snippet.text.append(text.substr(end, stop - end));
  }
  if (!chosen.empty() && chosen.back().last + 1 < tokens.size()) snippet.text += " …";
  return snippet;
}

std::string mark_up(const Snippet& snippet, std::string_view open, std::string_view close) {
  std::string out;
  size_t at = 0;
  for (auto [begin, end] : snippet.highlights) {
    out.append(snippet.text, at, begin - at);
    out.append(open);
    out.append(snippet.text, begin, end - begin);
    out.append(close);
    at = end;
  }
  out.append(snippet.text, at, std::string::npos);
  return out;
}

size_t code_point_offset(std::string_view text, size_t byte_offset) {
  size_t count = 0;
  for (size_t i = 0; i < byte_offset && i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xc0) != 0x80) ++count;
  return count;
}

}  // namespace attache::query
