// Snippet selection: windows around matched words, chosen greedily by how many
// different query words they show, then laid out in text order.
#include "attache/query/snippet.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "attache/analysis/sentences.h"
#include "snippet_tokens.h"

namespace attache::query {
namespace {

struct Window {
  size_t first, last;  // token indices, inclusive
};

bool is_space_byte(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'; }

// Which tokens start a sentence, found only where a window asks: the
// paragraphs around a token are split (analysis::split_sentences_within) the
// first time a window looks there, and they mark what splitting the whole text
// would. Windows that cannot win are never placed, so most paragraphs of a long
// article are never split.
class SentenceStarts {
 public:
  SentenceStarts(std::string_view text, const std::vector<analysis::Token>& tokens)
      : text_(text), tokens_(tokens), starts_(tokens.size(), false), known_(tokens.size(), false) {}

  bool operator[](size_t t) {
    if (!known_[t]) split_around(t);
    return starts_[t];
  }

 private:
  // A token starts a sentence when a sentence begins after the token before
  // it and no later than the token itself: bytes (previous.begin, begin].
  size_t bytes_from(size_t t) const { return t == 0 ? 0 : tokens_[t - 1].begin + size_t{1}; }

  void split_around(size_t t) {
    const std::vector<analysis::Sentence> sentences =
        analysis::split_sentences_within(text_, bytes_from(t), tokens_[t].begin + size_t{1});
    known_[t] = true;
    if (sentences.empty()) return;
    auto first_at = [&](uint32_t at) {
      return static_cast<size_t>(std::lower_bound(tokens_.begin(), tokens_.end(), at,
                                                  [](const analysis::Token& token, uint32_t a) { return token.begin < a; }) -
                                 tokens_.begin());
    };
    for (const analysis::Sentence& sentence : sentences) {
      const size_t at = first_at(sentence.begin);
      if (at < tokens_.size()) starts_[at] = true;
    }
    // Every sentence beginning between the split paragraphs' first and last
    // byte is theirs: a token beginning there is settled (one beginning at the
    // first sentence starts it, whatever came before).
    for (size_t at = first_at(sentences.front().begin); at < tokens_.size() && tokens_[at].begin <= sentences.back().end; ++at)
      known_[at] = true;
  }

  std::string_view text_;
  const std::vector<analysis::Token>& tokens_;
  std::vector<bool> starts_, known_;
};

// Up to max_fragments windows of `width` tokens, greedily: each time the
// window around a match with the most distinct query words, then the most
// matches, that overlaps none chosen before; in text order. Fragments start at
// a sentence start when one is close before the match, so placing a window
// reads sentence starts; a window around match m lies within tokens
// [m - width/2, m + width - 1], and the matches there bound its score, so a
// window that cannot beat the best one so far is never placed.
std::vector<Window> choose_windows(std::string_view text, const std::vector<analysis::Token>& tokens,
                                   const std::vector<int>& match, const std::vector<size_t>& matched, size_t width,
                                   size_t max_fragments) {
  SentenceStarts starts_sentence(text, tokens);
  auto window_around = [&](size_t m) {
    size_t first = m >= width / 3 ? m - width / 3 : 0;
    for (size_t back = 0; back <= width / 2 && back <= m; ++back)
      if (starts_sentence[m - back]) {
        first = m - back;
        break;
      }
    return Window{first, std::min(tokens.size() - 1, first + width - 1)};
  };
  std::vector<bool> word_in_text;
  for (size_t i : matched) {
    if (word_in_text.size() <= static_cast<size_t>(match[i])) word_in_text.resize(static_cast<size_t>(match[i]) + 1);
    word_in_text[static_cast<size_t>(match[i])] = true;
  }
  const size_t words_in_text = static_cast<size_t>(std::count(word_in_text.begin(), word_in_text.end(), true));
  auto score_bound = [&](size_t m) {
    const size_t from = m - std::min(m, width / 2), to = m + width - 1;
    const auto count = static_cast<size_t>(std::upper_bound(matched.begin(), matched.end(), to) -
                                           std::lower_bound(matched.begin(), matched.end(), from));
    return std::min(count, words_in_text) * 100 + count;
  };
  std::vector<Window> chosen;
  std::set<int> shown;
  size_t best_distinct = 0;
  for (size_t round = 0; round < max_fragments; ++round) {
    Window best{0, 0};
    size_t best_score = 0;
    std::set<int> best_terms;
    for (size_t m : matched) {
      if (score_bound(m) <= best_score) continue;
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
  return chosen;
}

}  // namespace

std::vector<std::pair<size_t, size_t>> match_spans(std::string_view text, const Query& query,
                                                   std::string_view language) {
  SnippetTokens read;
  read_snippet_tokens(text, query, language, SnippetReading::whole_text, {}, read);
  std::vector<std::pair<size_t, size_t>> spans;
  for (size_t i : read.matched) spans.emplace_back(read.tokens[i].begin, read.tokens[i].end);
  return spans;
}

Snippet make_snippet(std::string_view text, const Query& query, const SnippetOptions& options) {
  return make_snippet(text, query, options, SnippetReading::around_matches);
}

Snippet make_snippet(std::string_view text, const Query& query, const SnippetOptions& options, SnippetReading reading) {
  const size_t width = std::max<size_t>(options.fragment_words, 4);
  // Kept between snippets: a page's articles need no new token storage.
  thread_local SnippetTokens read;
  // A window around a match reads sentence starts from width / 2 + 1 tokens
  // before it and ends at most width - 1 after it; two matches count in each
  // other's window, and their windows meet, only within 1.5 * width - 1 tokens,
  // closer than two regions' matches can be. Without a match the snippet is the
  // first 2 * width tokens, and " …" when there are more.
  const SnippetReach reach{width / 2 + 2, width, 2 * width + 1};
  read_snippet_tokens(text, query, options.language, reading, reach, read);
  const std::vector<analysis::Token>& tokens = read.tokens;
  const std::vector<int>& match = read.match;
  std::vector<Window> chosen;
  if (read.matched.empty() || tokens.empty()) {
    if (!tokens.empty()) chosen.push_back({0, std::min(tokens.size(), 2 * width) - 1});
  } else {
    chosen = choose_windows(text, tokens, match, read.matched, width, options.max_fragments);
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
