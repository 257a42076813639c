// Snippets against a brute-force reference: the whole text split into
// sentences, every match's window scored in every round. make_snippet places
// only the windows that can win and splits only the paragraphs they look at;
// what it shows must not differ.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>

#include "attache/analysis/sentences.h"
#include "attache/analysis/stemmer.h"
#include "attache/analysis/tokenizer.h"
#include "attache/query/snippet.h"

using namespace attache;
using namespace attache::query;

namespace {

struct Window {
  size_t first, last;
};

// The windows the greedy rule picks, found the slow way (English, no prefixes).
std::vector<Window> reference_windows(std::string_view text, const Query& query,
                                      std::vector<analysis::Token>& tokens, size_t width, size_t max_fragments) {
  analysis::tokenize(text, tokens);
  std::erase_if(tokens, [](const analysis::Token& t) { return t.compound; });
  analysis::Stemmer stemmer;
  std::vector<int> match(tokens.size(), -1);
  for (size_t i = 0; i < tokens.size(); ++i)
    for (size_t q = 0; q < query.highlight_terms.size(); ++q)
      if (stemmer.stem(tokens[i].text) == query.highlight_terms[q]) match[i] = static_cast<int>(q);
  std::vector<bool> starts(tokens.size(), false);
  for (const analysis::Sentence& s : analysis::split_sentences(text)) {
    auto t = std::lower_bound(tokens.begin(), tokens.end(), s.begin,
                              [](const analysis::Token& token, uint32_t at) { return token.begin < at; });
    if (t != tokens.end()) starts[static_cast<size_t>(t - tokens.begin())] = true;
  }
  std::vector<Window> chosen;
  std::set<int> shown;
  size_t best_distinct = 0;
  for (size_t round = 0; round < max_fragments; ++round) {
    Window best{0, 0};
    size_t best_score = 0;
    std::set<int> best_terms;
    for (size_t m = 0; m < tokens.size(); ++m) {
      if (match[m] < 0) continue;
      size_t first = m >= width / 3 ? m - width / 3 : 0;
      for (size_t back = 0; back <= width / 2 && back <= m; ++back)
        if (starts[m - back]) {
          first = m - back;
          break;
        }
      Window w{first, std::min(tokens.size() - 1, first + width - 1)};
      if (std::any_of(chosen.begin(), chosen.end(), [&](const Window& c) { return !(w.last < c.first || w.first > c.last); }))
        continue;
      std::set<int> distinct;
      size_t count = 0;
      for (size_t i = w.first; i <= w.last; ++i)
        if (match[i] >= 0) distinct.insert(match[i]), ++count;
      if (distinct.size() * 100 + count > best_score) {
        best_score = distinct.size() * 100 + count;
        best = w;
        best_terms = distinct;
      }
    }
    if (best_score == 0) break;
    bool adds_word = std::any_of(best_terms.begin(), best_terms.end(), [&](int q) { return !shown.count(q); });
    if (!chosen.empty() && !adds_word && best_terms.size() < best_distinct) break;
    best_distinct = std::max(best_distinct, best_terms.size());
    shown.insert(best_terms.begin(), best_terms.end());
    chosen.push_back(best);
  }
  std::sort(chosen.begin(), chosen.end(), [](const Window& a, const Window& b) { return a.first < b.first; });
  return chosen;
}

// Text with sentences of several lengths, abbreviations, quotes and paragraphs.
std::string random_text(std::mt19937_64& rng) {
  static const char* kWords[] = {"talks", "envoy", "sanctions", "the", "minister", "said", "Geneva", "of",
                                 "talk", "Mr.", "U.S.", "peace", "war", "military-technical", "and", "plan"};
  std::string text;
  const size_t sentences = 1 + rng() % 60;
  for (size_t s = 0; s < sentences; ++s) {
    const size_t words = 1 + rng() % 30;
    for (size_t w = 0; w < words; ++w) {
      std::string word = kWords[rng() % std::size(kWords)];
      if (w == 0) word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
      text += word;
      text += w + 1 < words ? " " : "";
    }
    static const char* kEnds[] = {". ", "? ", "! ", ".\" ", ".\n\n", "; ", ". \n  \n"};
    text += kEnds[rng() % std::size(kEnds)];
  }
  return text;
}

}  // namespace

TEST_CASE("snippets choose the windows a brute-force scan of every window chooses") {
  std::mt19937_64 rng(11);
  const char* queries[] = {"talks", "sanctions peace", "envoy geneva minister", "war", "plan talks war peace"};
  for (int round = 0; round < 3000; ++round) {
    const std::string text = random_text(rng);
    const Query query = parse_query(queries[rng() % std::size(queries)]);
    SnippetOptions options;
    options.fragment_words = 4 + rng() % 30;
    options.max_fragments = 1 + rng() % 4;
    std::vector<analysis::Token> tokens;
    const std::vector<Window> windows = reference_windows(text, query, tokens, options.fragment_words, options.max_fragments);
    if (windows.empty()) continue;
    // The snippet's fragments (between ellipses) hold the reference windows' words.
    const Snippet snippet = make_snippet(text, query, options);
    CAPTURE(text);
    CAPTURE(snippet.text);
    std::vector<std::vector<std::string>> fragments;
    for (size_t from = 0; from <= snippet.text.size();) {
      size_t to = std::min(snippet.text.find("…", from), snippet.text.size());
      std::vector<analysis::Token> words;
      analysis::tokenize(std::string_view(snippet.text).substr(from, to - from), words);
      std::erase_if(words, [](const analysis::Token& t) { return t.compound; });
      if (!words.empty()) fragments.emplace_back();
      for (const auto& w : words) fragments.back().push_back(w.text);
      from = to + std::string_view("…").size();
    }
    REQUIRE(fragments.size() == windows.size());
    for (size_t f = 0; f < windows.size(); ++f) {
      std::vector<std::string> expected;
      for (size_t i = windows[f].first; i <= windows[f].last; ++i) expected.push_back(tokens[i].text);
      CHECK(fragments[f] == expected);
    }
  }
}
