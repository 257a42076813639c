// attache kwic: a concordance, one line per occurrence of the query's words,
// aligned on the match.
#include <iostream>
#include <optional>

#include "attache/analysis/stemmer.h"
#include "attache/analysis/tokenizer.h"
#include "cli.h"
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
};

void collect_patterns(const query::QueryNode& n, std::vector<Pattern>& out) {
  using Kind = query::QueryNode::Kind;
  auto plain = [](const std::string& t) { return !t.empty() && !(t[0] >= 'A' && t[0] <= 'Z'); };
  switch (n.kind) {
    case Kind::term:
      if (plain(n.terms[0])) out.push_back({{n.terms[0]}, {0}, ""});
      break;
    case Kind::phrase:
      if (plain(n.terms[0])) out.push_back({n.terms, n.offsets, ""});
      break;
    case Kind::prefix: out.push_back({{}, {}, n.terms[0].substr(1)}); break;
    case Kind::exclude: collect_patterns(*n.children[0], out); break;
    default:
      for (const auto& c : n.children) collect_patterns(*c, out);
  }
}

size_t code_points(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xc0) != 0x80;
  return n;
}

}  // namespace

int run_kwic(const std::vector<std::string>& args) {
  po::options_description options("options");
  po::positional_options_description positional;
  QueryOptions q;
  std::string index_dir;
  size_t width = 40, limit = 200;
  options.add_options()
      ("index,i", po::value(&index_dir)->required()->value_name("DIR"), "index directory")
      ("width,w", po::value(&width)->value_name("N")->default_value(40), "characters of context on each side")
      ("limit,n", po::value(&limit)->value_name("N")->default_value(200), "lines to print (0: every occurrence)")
      ("json", "one occurrence a line: article, date, left, match, right, start, end");
  add_query_options(options, positional, q, true);
  po::variables_map vm;
  if (!parse("kwic", args, options, positional, vm, "--index DIR QUERY [--width N]",
             "  attache kwic --index news-index '\"open door\"'\n"
             "  attache kwic --index news-index 'negotiat*' --width 60 --sort oldest\n"
             "  attache kwic --index news-index nato --from 2022-01 --limit 0 --json > nato.jsonl\n"))
    return kOk;
  if (q.words.empty()) throw po::error("no query given");
  const bool json = vm.count("json") > 0;
  const bool bold = use_bold(q, json);
  const std::string text = join_words(q.words);
  query::Query parsed;
  try {
    parsed = build_query(text, vm, q);
  } catch (const query::QueryError& e) {
    std::cerr << "attache kwic: " << query::format_query_error(text, e) << "\n";
    return kUsage;
  }
  OpenIndex index(index_dir);

  std::vector<Pattern> patterns;
  collect_patterns(*parsed.root, patterns);
  analysis::Stemmer stemmer;
  size_t lines = 0;
  index.for_each_ranked_article(parsed, sort_order(q.sort), [&](const storage::StoredDocument& doc) {
    std::vector<analysis::Token> tokens;
    analysis::tokenize(doc.text, tokens);
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
      size_t j = *last;
      uint32_t begin = tokens[i].begin, end = tokens[j].end;
      std::string left = context(std::string_view(doc.text).substr(0, begin), width, true);
      std::string match = doc.text.substr(begin, end - begin);
      std::string right = context(std::string_view(doc.text).substr(end), width, false);
      if (json) {
        Json line = {{"article", doc.id},
                     {"date", format_day(doc.date)},
                     {"left", left},
                     {"match", match},
                     {"right", right},
                     {"start", query::code_point_offset(doc.text, begin)},
                     {"end", query::code_point_offset(doc.text, end)}};
        std::cout << line.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
      } else {
        std::cout << format_day(doc.date) << "  " << std::string(width - std::min(width, code_points(left)), ' ') << left
                  << "  " << (bold ? "\x1b[1m" + match + "\x1b[0m" : match) << "  " << right << "  [" << doc.id << "]\n";
      }
      i = j;
      if (limit && ++lines >= limit) {
        if (!json) std::cerr << "(stopped after " << limit << " lines; --limit 0 prints every occurrence)\n";
        return false;
      }
    }
    return true;
  });
  return kOk;
}

}  // namespace attache::cli
