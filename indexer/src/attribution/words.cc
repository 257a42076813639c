// Splitting text into words and marks for attribution, pairing quotation
// marks across paragraphs, and assigning words to sentences.
#include "words.h"

#include <utf8proc.h>

#include <algorithm>
#include <cctype>

#include "attache/analysis/sentences.h"
#include "attache/indexer/dateline.h"
#include "lexicon.h"
#include "transcript_turns.h"

namespace attache::indexer::attribution {
namespace {

struct Decoded {
  int32_t cp;
  uint32_t length;
};

Decoded decode(std::string_view s, size_t i) {
  utf8proc_int32_t cp;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                            static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  if (n <= 0) return {-1, 1};
  return {cp, static_cast<uint32_t>(n)};
}

bool is_word_char(int32_t cp) {
  if (cp < 0) return false;
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  auto c = utf8proc_category(cp);
  return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) || (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) ||
         c == UTF8PROC_CATEGORY_ND;
}

bool is_upper(int32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU || utf8proc_category(cp) == UTF8PROC_CATEGORY_LT;
}

// "al-Mutairi", "el-Sisi", "bin-Laden": a name's particle joined to it by a hyphen; the word
// is the name's, capitalised as the name is.
bool particle_before_name(std::string_view word) {
  const size_t hyphen = word.find('-');
  if (hyphen == std::string_view::npos || hyphen == 0 || hyphen + 1 >= word.size()) return false;
  return is_particle(word.substr(0, hyphen)) && is_upper(decode(word, hyphen + 1).cp);
}

bool straight_mark(const Word& w) { return w.text == "\"" || w.text == "''"; }

// British house style (‘...’, or '...' on a typewriter): where an article writes no double
// quotation mark, a single mark before a word opens a quotation and one after a word or its
// punctuation closes it, in the same paragraph. An apostrophe inside a word is part of it, and a
// closing mark no opening one came before ("the allies' concerns") stays an apostrophe.
void mark_single_quotations(std::vector<Word>& words) {
  for (const Word& w : words)
    if (w.kind == WordKind::quote_open || w.kind == WordKind::quote_close) return;
  auto single = [](const Word& w) { return w.text == "'" || w.text == "\u2018" || w.text == "\u2019"; };
  auto pair = [&](size_t open, size_t close) {
    words[open].kind = WordKind::quote_open;
    words[close].kind = WordKind::quote_close;
  };
  size_t open = SIZE_MAX, possessive_at = SIZE_MAX;
  for (size_t k = 0; k < words.size(); ++k) {
    Word& w = words[k];
    if (open != SIZE_MAX && w.paragraph != words[open].paragraph) open = SIZE_MAX;
    if (w.kind != WordKind::other || !single(w)) continue;
    const bool before_word = k + 1 < words.size() && words[k + 1].begin == w.end && words[k + 1].kind == WordKind::word;
    const bool after_text = k > 0 && words[k - 1].end == w.begin && words[k - 1].paragraph == w.paragraph;
    // "the workers’ pay": a mark after a plural and before a word is its possessive.
    const bool possessive = after_text && words[k - 1].kind == WordKind::word && words[k - 1].text.ends_with('s') &&
                            k + 1 < words.size() && words[k + 1].kind == WordKind::word &&
                            words[k + 1].paragraph == w.paragraph;
    const bool opens = before_word && !after_text && w.text != "\u2019";
    // "called them ‘rebels’ and ‘terrorists’": a mark that can only open, while one is open, shows
    // that the plural's mark before it closed.
    if (open != SIZE_MAX && opens && w.text == "\u2018" && possessive_at != SIZE_MAX) {
      pair(open, possessive_at);
      open = SIZE_MAX;
    }
    if (open == SIZE_MAX && opens) {
      open = k;
      possessive_at = SIZE_MAX;
    } else if (open != SIZE_MAX && after_text && !before_word && w.text != "\u2018") {
      if (possessive) {
        possessive_at = k;
        continue;
      }
      pair(open, k);
      open = SIZE_MAX;
    }
  }
}

// "Sanders' spokesman", "the allies’ concerns": a mark left an apostrophe right after a word in
// -s is that word's possessive, one word with it as "Lavrov's" is.
void join_plural_possessives(std::vector<Word>& words) {
  size_t kept = 0;
  for (size_t k = 0; k < words.size(); ++k) {
    Word& w = words[k];
    const bool apostrophe = w.kind == WordKind::other && (w.text == "'" || w.text == "\u2019");
    if (apostrophe && kept > 0) {
      Word& before = words[kept - 1];
      if (before.kind == WordKind::word && before.end == w.begin && (before.text.ends_with('s') || before.text.ends_with('S'))) {
        before.text += w.text;
        before.end = w.end;
        continue;
      }
    }
    if (kept != k) words[kept] = std::move(w);
    ++kept;
  }
  words.resize(kept);
}

}  // namespace

WordStream read_words(std::string_view text) {
  WordStream out;
  std::vector<Word>& words = out.words;
  uint32_t paragraph = 0;
  size_t i = 0;
  while (i < text.size()) {
    Decoded d = decode(text, i);
    if (d.cp == '\n') {
      size_t j = i + 1;
      while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
      if (j < text.size() && text[j] == '\n') ++paragraph;
      i = j;
      continue;
    }
    if (d.cp == ' ' || d.cp == '\t' || d.cp == '\r' || d.cp == 0xa0 || d.cp == '\f') {
      i += d.length;
      continue;
    }
    Word w;
    w.begin = static_cast<uint32_t>(i);
    w.paragraph = paragraph;
    if (is_word_char(d.cp)) {
      // Letters and digits, joined by inner apostrophes, hyphens and periods
      // (U.S., 3.5), plus the period of a known abbreviation or an initial.
      size_t j = i;
      while (j < text.size()) {
        Decoded c = decode(text, j);
        if (is_word_char(c.cp)) {
          j += c.length;
          continue;
        }
        if (c.cp == '\'' || c.cp == 0x2019 || c.cp == '-' || c.cp == 0x2010 || c.cp == '.') {
          size_t k = j + c.length;
          if (k < text.size() && is_word_char(decode(text, k).cp)) {
            j = k;
            continue;
          }
        }
        break;
      }
      std::string_view core = text.substr(i, j - i);
      bool acronym = core.find('.') != std::string_view::npos && core.size() <= 6;  // U.S -> U.S.
      if (j < text.size() && text[j] == '.' && (keeps_period(core) || (core.size() == 1 && is_upper(d.cp)) || acronym))
        ++j;
      w.text = std::string(text.substr(i, j - i));
      w.end = static_cast<uint32_t>(j);
      w.capitalized = is_upper(d.cp) || particle_before_name(core);
      words.push_back(std::move(w));
      i = j;
      continue;
    }
    // Two apostrophes are a straight double mark (''...'' in New York Times archives). Three
    // after a word close a quotation inside one, so the single mark comes first (",''' said").
    // Two backticks open a quotation that two apostrophes close (``...'', the typewriter
    // convention of older digitised archives and of TeX).
    const bool closing_three = d.cp == '\'' && i > 0 && text[i - 1] != ' ' && text[i - 1] != '\n' &&
                               text.substr(i, 3) == "'''" && text.substr(i + 3, 1) != "'";
    const bool doubled = (d.cp == '\'' && !closing_three) || d.cp == '`';
    const uint32_t length = doubled && i + 1 < text.size() && text[i + 1] == text[i] ? 2 : d.length;
    w.end = static_cast<uint32_t>(i + length);
    w.text = std::string(text.substr(i, length));
    if (doubled && length == 2) d.cp = d.cp == '`' ? 0x201c : '"';
    switch (d.cp) {
      case 0x201c: case 0xab: case 0x201e: w.kind = WordKind::quote_open; break;
      case 0x201d: case 0xbb: w.kind = WordKind::quote_close; break;
      case '"': w.kind = WordKind::quote_open; break;  // paired below
      case ',': w.kind = WordKind::comma; break;
      case ':': w.kind = WordKind::colon; break;
      case ';': w.kind = WordKind::semicolon; break;
      case '.': case '!': case '?': case 0x2026: w.kind = WordKind::terminator; break;
      case 0x2014: case 0x2013: case '-': w.kind = WordKind::dash; break;
      case '(': case '[': w.kind = WordKind::bracket_open; break;
      case ')': case ']': w.kind = WordKind::bracket_close; break;
      default: w.kind = WordKind::other; break;
    }
    words.push_back(std::move(w));
    i += length;
  }

  for (Word& w : words) {
    size_t k = w.begin;
    while (k > 0 && (text[k - 1] == ' ' || text[k - 1] == '\t' || text[k - 1] == '\r')) --k;
    w.opens_line = k == 0 || text[k - 1] == '\n';
  }
  mark_single_quotations(words);
  join_plural_possessives(words);
  read_labels_in_capitals(words);

  // A dateline opens a paragraph by the rule the article's place is read by (dateline.h); its
  // capitals are never a speaker, nor the subject of the sentence they stand before.
  for (size_t k = 0; k < words.size(); ++k) {
    if (k > 0 && words[k].paragraph == words[k - 1].paragraph) continue;
    const std::optional<Dateline> dateline = find_dateline(text.substr(words[k].begin));
    if (!dateline) continue;
    const size_t end = words[k].begin + dateline->end;
    for (size_t j = k; j < words.size() && words[j].end <= end; ++j) words[j].dateline = true;
  }

  if (const std::optional<Dateline> colon = find_colon_dateline(text))
    for (Word& w : words)
      if (w.begin >= colon->begin && w.end <= colon->end) w.dateline = true;

  // Sentences: each word belongs to the sentence its start lies in.
  auto sentences = analysis::split_sentences(text);
  {
    size_t s = 0;
    for (Word& w : words) {
      while (s + 1 < sentences.size() && w.begin >= sentences[s + 1].begin) ++s;
      w.sentence = static_cast<uint32_t>(s);
    }
    // Punctuation alone ("“)") makes no sentence, yet its words belong to sentence 0.
    const size_t sentence_count = std::max(sentences.size(), size_t{words.empty() ? 0u : 1u});
    const auto none = static_cast<uint32_t>(words.size());
    out.sentence_first_word.assign(sentence_count + 1, none);
    for (uint32_t k = 0; k < words.size(); ++k)
      if (out.sentence_first_word[words[k].sentence] == none) out.sentence_first_word[words[k].sentence] = k;
    for (size_t n = sentence_count; n-- > 0;)
      if (out.sentence_first_word[n] == none) out.sentence_first_word[n] = out.sentence_first_word[n + 1];
  }

  // Pair quotation marks. Straight marks alternate; a paragraph ending inside
  // a quotation continues it if the next paragraph opens with a mark.
  int open = -1;
  uint32_t open_paragraph = 0;
  auto close_at = [&](uint32_t last, uint32_t end_byte) {
    Quotation q;
    q.first_word = static_cast<uint32_t>(open);
    q.last_word = last;
    q.begin = words[open].end;
    q.end = end_byte;
    out.quotations.push_back(q);
    open = -1;
  };
  for (uint32_t k = 0; k < words.size(); ++k) {
    Word& w = words[k];
    if (open >= 0 && w.paragraph != open_paragraph) {
      bool continues = w.kind == WordKind::quote_open || (w.kind == WordKind::quote_close && straight_mark(w));
      if (continues) {
        w.kind = WordKind::quote_open;
        open_paragraph = w.paragraph;
        continue;  // the same quotation goes on
      }
      close_at(k - 1, words[k - 1].end);
    }
    if (straight_mark(w)) w.kind = open >= 0 ? WordKind::quote_close : WordKind::quote_open;
    if (w.kind == WordKind::quote_open && open < 0) {
      open = static_cast<int>(k);
      open_paragraph = w.paragraph;
    } else if (w.kind == WordKind::quote_close && open >= 0) {
      close_at(k, w.begin);
    }
  }
  if (open >= 0) close_at(static_cast<uint32_t>(words.size() - 1), words.back().end);
  for (uint32_t q = 0; q < out.quotations.size(); ++q) {
    Quotation& quotation = out.quotations[q];
    uint32_t stop = words[quotation.last_word].kind == WordKind::quote_close ? quotation.last_word : quotation.last_word + 1;
    for (uint32_t k = quotation.first_word + 1; k < stop; ++k) {
      words[k].quote = static_cast<int>(q);
      if (words[k].kind == WordKind::word) ++quotation.word_count;
    }
    quotation.first_sentence = words[quotation.first_word].sentence;
    quotation.last_sentence = words[quotation.last_word].sentence;
  }
  return out;
}

uint32_t headline_end(const std::vector<Word>& w) {
  constexpr uint32_t kLongestHeadline = 25;
  if (w.empty() || w.back().paragraph == 0) return 0;
  uint32_t words = 0, end = 0;
  for (; end < w.size() && w[end].paragraph == 0; ++end) {
    if (w[end].kind == WordKind::terminator || (w[end].kind == WordKind::colon && w[end + 1].paragraph != 0)) return 0;
    words += w[end].kind == WordKind::word;
  }
  return words <= kLongestHeadline ? end : 0;
}

uint32_t next_word(const std::vector<Word>& words, uint32_t from, uint32_t limit) {
  while (from < limit && words[from].kind != WordKind::word) ++from;
  return from;
}

std::string capitalised(std::string word) {
  if (!word.empty()) word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
  return word;
}

std::string listed(const std::vector<std::string>& names) {
  std::string list;
  for (size_t k = 0; k < names.size(); ++k) list += (k == 0 ? "" : k + 1 == names.size() ? " and " : ", ") + names[k];
  return list;
}

std::vector<std::string> split_words(std::string_view phrase) {
  std::vector<std::string> words;
  for (size_t at = 0; at < phrase.size();) {
    const size_t space = std::min(phrase.find(' ', at), phrase.size());
    if (space > at) words.emplace_back(phrase.substr(at, space - at));
    at = space + 1;
  }
  return words;
}

std::string lowered(std::string_view word) {
  std::string out(word);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace attache::indexer::attribution
