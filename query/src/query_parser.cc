// Recursive-descent parser for the query language. Precedence, loosest first:
// AND (explicit or implied by adjacency), OR, then NOT / - / + on one operand.
#include <algorithm>
#include <cctype>

#include "attache/analysis/stemmer.h"
#include "attache/analysis/terms.h"
#include "attache/analysis/tokenizer.h"
#include "attache/query/query.h"

namespace attache::query {
namespace {

using Node = std::unique_ptr<QueryNode>;
using Kind = QueryNode::Kind;

struct Lexeme {
  enum class Type { word, phrase, open, close, op_and, op_or, op_not, op_near, minus, plus, end };
  Type type = Type::end;
  std::string text;   // word or phrase content (without the field)
  std::string field;  // lower-case field name for field:value
  size_t position = 0;
  size_t value_position = 0;  // where the value starts
};

constexpr std::string_view kFields[] = {"title", "source", "id", "date", "speaker", "author", "place", "lang"};

bool starts_with_at(std::string_view s, size_t i, std::string_view what) { return s.substr(i, what.size()) == what; }

// Opening and closing quotation marks: straight, or curly as pasted from articles.
size_t quote_length(std::string_view s, size_t i) {
  if (s[i] == '"') return 1;
  if (starts_with_at(s, i, "\u201c") || starts_with_at(s, i, "\u201d")) return 3;
  return 0;
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  std::vector<Lexeme> run() {
    std::vector<Lexeme> out;
    while (true) {
      skip_space();
      if (at_ >= text_.size()) break;
      char c = text_[at_];
      size_t start = at_;
      if (c == '(') {
        out.push_back({Lexeme::Type::open, "(", "", start, start});
        ++at_;
      } else if (c == ')') {
        out.push_back({Lexeme::Type::close, ")", "", start, start});
        ++at_;
      } else if (quote_length(text_, at_)) {
        out.push_back({Lexeme::Type::phrase, phrase(), "", start, start});
      } else if ((c == '-' || c == '+') && at_ + 1 < text_.size() && !is_space(text_[at_ + 1])) {
        out.push_back({c == '-' ? Lexeme::Type::minus : Lexeme::Type::plus, std::string(1, c), "", start, start});
        ++at_;
      } else {
        out.push_back(word());
      }
    }
    out.push_back({Lexeme::Type::end, "", "", text_.size(), text_.size()});
    return out;
  }

 private:
  static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
  void skip_space() {
    while (at_ < text_.size() && is_space(text_[at_])) ++at_;
  }

  std::string phrase() {
    size_t open = at_;
    at_ += quote_length(text_, at_);
    size_t begin = at_;
    while (at_ < text_.size() && !quote_length(text_, at_)) ++at_;
    if (at_ >= text_.size()) throw QueryError("unterminated phrase: a closing quotation mark is missing", open);
    std::string content(text_.substr(begin, at_ - begin));
    at_ += quote_length(text_, at_);
    return content;
  }

  Lexeme word() {
    size_t start = at_;
    while (at_ < text_.size() && !is_space(text_[at_]) && text_[at_] != '(' && text_[at_] != ')' &&
           !quote_length(text_, at_)) {
      if (text_[at_] == ':' && at_ > start) {
        std::string field(text_.substr(start, at_ - start));
        std::transform(field.begin(), field.end(), field.begin(), [](unsigned char ch) { return std::tolower(ch); });
        if (std::find(std::begin(kFields), std::end(kFields), field) != std::end(kFields)) {
          ++at_;
          Lexeme lexeme{Lexeme::Type::word, "", field, start, at_};
          if (at_ < text_.size() && quote_length(text_, at_)) {
            lexeme.type = Lexeme::Type::phrase;
            lexeme.text = phrase();
          } else {
            size_t value = at_;
            while (at_ < text_.size() && !is_space(text_[at_]) && text_[at_] != '(' && text_[at_] != ')') ++at_;
            lexeme.text = std::string(text_.substr(value, at_ - value));
            if (lexeme.text.empty()) throw QueryError(field + ": needs a value", start);
          }
          return lexeme;
        }
      }
      ++at_;
    }
    std::string text(text_.substr(start, at_ - start));
    Lexeme lexeme{Lexeme::Type::word, text, "", start, start};
    if (text == "AND") lexeme.type = Lexeme::Type::op_and;
    if (text == "OR") lexeme.type = Lexeme::Type::op_or;
    if (text == "NOT") lexeme.type = Lexeme::Type::op_not;
    if (text == "NEAR" || text.rfind("NEAR/", 0) == 0) {
      lexeme.type = Lexeme::Type::op_near;
      std::string n = text.size() > 5 ? text.substr(5) : "10";
      if (n.empty() || n.size() > 4 || n.find_first_not_of("0123456789") != std::string::npos)
        throw QueryError("NEAR takes a distance in words, as in NEAR/5", start);
      lexeme.text = n;
    }
    return lexeme;
  }

  std::string_view text_;
  size_t at_ = 0;
};

Node make(Kind kind, std::string text = {}) {
  auto n = std::make_unique<QueryNode>();
  n->kind = kind;
  n->text = std::move(text);
  return n;
}

std::optional<Day> period_bound(std::string_view s, bool end) {
  auto digits = [&](size_t from, size_t n) {
    int v = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  if (s.size() == 4) {
    int y = digits(0, 4);
    if (y < 1) return std::nullopt;
    return end ? day_from_civil(y, 12, 31) : day_from_civil(y, 1, 1);
  }
  if (s.size() == 7 && s[4] == '-') {
    int y = digits(0, 4), m = digits(5, 2);
    if (y < 1 || m < 1 || m > 12) return std::nullopt;
    if (!end) return day_from_civil(y, static_cast<unsigned>(m), 1);
    auto next = m == 12 ? day_from_civil(y + 1, 1, 1) : day_from_civil(y, static_cast<unsigned>(m) + 1, 1);
    if (!next) return std::nullopt;
    return *next - 1;
  }
  if (s.size() == 10) return parse_date(s);
  return std::nullopt;
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text), lexemes_(Lexer(text).run()) {}

  Query run() {
    Query query;
    query_ = &query;
    Node root = parse_and(0);
    if (peek().type == Lexeme::Type::close) throw QueryError("unexpected ')' without a matching '('", peek().position);
    if (!root) throw QueryError("the query has no words to search for", 0);
    query.root = normalise(std::move(root));
    return query;
  }

 private:
  const Lexeme& peek() const { return lexemes_[at_]; }
  const Lexeme& take() { return lexemes_[at_++]; }
  bool at_group_end() const { return peek().type == Lexeme::Type::end || peek().type == Lexeme::Type::close; }

  Node parse_and(int depth) {
    std::vector<Node> items;
    while (!at_group_end()) {
      if (peek().type == Lexeme::Type::op_and) {
        const Lexeme& op = take();
        if (items.empty()) throw QueryError("AND needs something to search for on its left", op.position);
        if (at_group_end() || peek().type == Lexeme::Type::op_and || peek().type == Lexeme::Type::op_or)
          throw QueryError("AND needs something to search for on its right", op.position);
        continue;
      }
      if (Node n = parse_or(depth)) items.push_back(std::move(n));
    }
    if (items.empty()) return nullptr;
    if (items.size() == 1) return std::move(items[0]);
    Node n = make(Kind::all_of);
    n->children = std::move(items);
    return n;
  }

  Node parse_or(int depth) {
    if (peek().type == Lexeme::Type::op_or) throw QueryError("OR needs something to search for on its left", peek().position);
    if (peek().type == Lexeme::Type::op_near) throw QueryError("NEAR needs a word or phrase on its left", peek().position);
    std::vector<Node> options;
    Node first = parse_unary(depth);
    bool any_or = false;
    if (first) options.push_back(std::move(first));
    while (peek().type == Lexeme::Type::op_or) {
      const Lexeme& op = take();
      any_or = true;
      if (at_group_end() || peek().type == Lexeme::Type::op_and || peek().type == Lexeme::Type::op_or)
        throw QueryError("OR needs something to search for on its right", op.position);
      if (Node n = parse_unary(depth)) options.push_back(std::move(n));
    }
    if (options.empty()) return nullptr;
    if (options.size() == 1 || !any_or) return std::move(options[0]);
    Node n = make(Kind::any_of);
    n->children = std::move(options);
    return n;
  }

  Node parse_unary(int depth) {
    const Lexeme& l = peek();
    if (l.type == Lexeme::Type::op_not || l.type == Lexeme::Type::minus) {
      take();
      if (at_group_end() || peek().type == Lexeme::Type::op_and || peek().type == Lexeme::Type::op_or)
        throw QueryError(std::string(l.type == Lexeme::Type::minus ? "-" : "NOT") + " needs something to exclude",
                         l.position);
      if (depth + 1 > kMaxQueryDepth) throw QueryError("the query nests too deeply", l.position);
      Node operand = parse_unary(depth + 1);
      if (!operand) return nullptr;
      Node n = make(Kind::exclude, "NOT");
      n->children.push_back(make(Kind::everything));
      n->children.push_back(std::move(operand));
      return n;
    }
    if (l.type == Lexeme::Type::plus) {
      take();
      if (at_group_end()) throw QueryError("+ needs something to require", l.position);
      return parse_unary(depth);
    }
    return parse_near(depth);
  }

  // a NEAR/5 b NEAR/5 c: words or phrases within the distance of each other.
  Node parse_near(int depth) {
    Node first = parse_primary(depth);
    if (peek().type != Lexeme::Type::op_near) return first;
    Node n = make(Kind::near, "NEAR");
    n->distance = UINT32_MAX;
    auto operand = [&](Node node, size_t position) {
      if (!node || (node->kind != Kind::term && node->kind != Kind::phrase))
        throw QueryError("NEAR joins single words or \"phrases\"", position);
      n->children.push_back(std::move(node));
    };
    operand(std::move(first), peek().position);
    while (peek().type == Lexeme::Type::op_near) {
      const Lexeme& op = take();
      n->distance = std::min<uint32_t>(n->distance, static_cast<uint32_t>(std::stoul(op.text)));
      if (at_group_end()) throw QueryError("NEAR needs a word or phrase on its right", op.position);
      size_t at = peek().position;
      operand(parse_primary(depth), at);
    }
    return n;
  }

  Node parse_primary(int depth) {
    const Lexeme& l = take();
    switch (l.type) {
      case Lexeme::Type::open: {
        if (depth + 1 > kMaxQueryDepth) throw QueryError("the query nests too deeply", l.position);
        Node inner = parse_and(depth + 1);
        if (peek().type != Lexeme::Type::close) throw QueryError("'(' is never closed", l.position);
        take();
        return inner;
      }
      case Lexeme::Type::close:
        throw QueryError("unexpected ')' without a matching '('", l.position);
      case Lexeme::Type::word:
      case Lexeme::Type::phrase:
        return leaf(l);
      default:
        throw QueryError("unexpected '" + l.text + "'", l.position);
    }
  }

  Node leaf(const Lexeme& l) {
    if (l.field == "date") return date_leaf(l);
    if (l.field == "id") {
      Node n = make(Kind::term, "id:" + l.text);
      n->terms.push_back(analysis::field_term(analysis::kIdPrefix, l.text));
      return n;
    }
    if (l.field == "speaker") return speaker_leaf(l);
    if (l.field == "lang") return language_leaf(l);
    bool prefix = l.type == Lexeme::Type::word && l.text.size() > 1 && l.text.back() == '*';
    if (prefix) {
      if (!l.field.empty()) throw QueryError("word* works on plain words, not inside " + l.field + ":", l.position);
      std::vector<analysis::Token> tokens;
      analysis::tokenize(std::string_view(l.text).substr(0, l.text.size() - 1), tokens);
      if (tokens.size() != 1) throw QueryError("a prefix search takes a single word before the *", l.position);
      Node n = make(Kind::prefix, l.text);
      n->terms.push_back(analysis::field_term(analysis::kSurfacePrefix, tokens[0].text));
      query_->highlight_prefixes.push_back(tokens[0].text);
      return n;
    }
    char field_prefix = 0;
    bool stem = true;
    if (l.field == "title") field_prefix = analysis::kTitlePrefix;
    // Names are not inflected: source, author and place words are folded, not stemmed.
    if (l.field == "source") field_prefix = analysis::kSourcePrefix;
    if (l.field == "author") field_prefix = analysis::kAuthorPrefix;
    if (l.field == "place") field_prefix = analysis::kPlacePrefix;
    if (field_prefix && field_prefix != analysis::kTitlePrefix) stem = false;
    return words(l, field_prefix, stem);
  }

  // Words of a plain word, a field value or a phrase: one term, or a phrase of
  // the parts (a hyphenated word also matches its joined form).
  Node words(const Lexeme& l, char field_prefix, bool stem) {
    std::vector<analysis::Token> tokens;
    analysis::tokenize(l.text, tokens);
    std::vector<std::string> terms;
    std::vector<uint32_t> offsets;
    std::vector<std::string> compounds, words, compound_words;
    auto term_of = [&](const std::string& word) {
      std::string t = field_prefix ? std::string(1, field_prefix) : std::string();
      t += stem ? std::string(stemmer_.stem(word)) : word;
      if (stem) {
        query_->highlight_terms.push_back(std::string(stemmer_.stem(word)));
        query_->highlight_words.push_back(word);
      }
      return t;
    };
    for (const auto& token : tokens) {
      if (token.compound) {
        compounds.push_back(term_of(token.text));
        compound_words.push_back(token.text);
        continue;
      }
      terms.push_back(term_of(token.text));
      words.push_back(token.text);
      offsets.push_back(token.position - tokens.front().position);
    }
    if (terms.empty()) return nullptr;
    std::string shown = l.field.empty() ? l.text : l.field + ":" + l.text;
    if (l.type == Lexeme::Type::phrase) shown = (l.field.empty() ? "" : l.field + ":") + "\"" + l.text + "\"";
    // Stemmed words are kept to be stemmed again in other languages.
    if (!stem) words.clear(), compound_words.clear();
    if (terms.size() == 1) {
      Node n = make(Kind::term, shown);
      n->terms = std::move(terms);
      n->words = std::move(words);
      return n;
    }
    Node phrase = make(Kind::phrase, shown);
    phrase->terms = std::move(terms);
    phrase->offsets = std::move(offsets);
    phrase->words = std::move(words);
    if (l.type == Lexeme::Type::phrase || compounds.size() != 1) return phrase;
    Node either = make(Kind::any_of, shown);
    Node joined = make(Kind::term, shown);
    joined->terms.push_back(compounds.front());
    if (!compound_words.empty()) joined->words.push_back(compound_words.front());
    either->children.push_back(std::move(phrase));
    either->children.push_back(std::move(joined));
    return either;
  }

  // lang:fr, lang:FR: the article's language code.
  Node language_leaf(const Lexeme& l) {
    std::string code = l.text;
    std::transform(code.begin(), code.end(), code.begin(), [](unsigned char ch) { return std::tolower(ch); });
    const bool letters = std::all_of(code.begin(), code.end(), [](unsigned char ch) { return ch >= 'a' && ch <= 'z'; });
    if (code.size() < 2 || code.size() > 3 || !letters)
      throw QueryError("lang: takes a language code such as fr or ru, not '" + l.text + "'", l.position);
    Node n = make(Kind::term, "lang:" + code);
    n->terms.push_back(analysis::field_term(analysis::kLanguagePrefix, code));
    return n;
  }

  // speaker:ryabkov, speaker:"wendy sherman": words of the canonical speaker,
  // folded like any word but not stemmed (names are not inflected).
  Node speaker_leaf(const Lexeme& l) {
    std::vector<analysis::Token> tokens;
    analysis::tokenize(l.text, tokens);
    Node n = make(Kind::speaker, "speaker:" + (l.type == Lexeme::Type::phrase ? "\"" + l.text + "\"" : l.text));
    for (const auto& t : tokens) {
      if (t.compound) continue;
      n->terms.push_back(analysis::field_term(analysis::kSpeakerPrefix, t.text));
      n->offsets.push_back(t.position - tokens.front().position);
    }
    if (n->terms.empty()) throw QueryError("speaker: needs a name", l.position);
    query_->mentions_speaker = true;
    return n;
  }

  Node date_leaf(const Lexeme& l) {
    std::string_view v = l.text;
    DateRange range;
    size_t dots = v.find("..");
    auto bound = [&](std::string_view s, bool end, size_t offset) {
      auto day = period_bound(s, end);
      if (!day)
        throw QueryError("'" + std::string(s) + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", l.value_position + offset);
      return *day;
    };
    if (dots == std::string_view::npos) {
      range.from = bound(v, false, 0);
      range.to = bound(v, true, 0);
    } else {
      std::string_view a = v.substr(0, dots), b = v.substr(dots + 2);
      if (a.empty() && b.empty()) throw QueryError("a date range needs at least one end", l.value_position);
      if (!a.empty()) range.from = bound(a, false, 0);
      if (!b.empty()) range.to = bound(b, true, dots + 2);
      if (range.from > range.to) throw QueryError("the date range ends before it starts", l.value_position);
    }
    Node n = make(Kind::dates, "date:" + l.text);
    n->dates = range;
    return n;
  }

  // Folds negations into their conjunction: all_of(a, NOT b, NOT c) becomes
  // exclude(a, any_of(b, c)); a lone NOT keeps `everything` as its base.
  Node normalise(Node n) {
    for (auto& child : n->children) child = normalise(std::move(child));
    auto is_negation = [](const Node& c) {
      return c->kind == Kind::exclude && c->children[0]->kind == Kind::everything;
    };
    if (n->kind != Kind::all_of || std::none_of(n->children.begin(), n->children.end(), is_negation)) return n;
    std::vector<Node> positive, negative;
    for (auto& child : n->children) {
      if (is_negation(child))
        negative.push_back(std::move(child->children[1]));
      else
        positive.push_back(std::move(child));
    }
    Node base;
    if (positive.empty()) {
      base = make(Kind::everything);
    } else if (positive.size() == 1) {
      base = std::move(positive[0]);
    } else {
      base = make(Kind::all_of);
      base->children = std::move(positive);
    }
    Node excluded;
    if (negative.size() == 1) {
      excluded = std::move(negative[0]);
    } else {
      excluded = make(Kind::any_of);
      excluded->children = std::move(negative);
    }
    Node result = make(Kind::exclude, "NOT");
    result->children.push_back(std::move(base));
    result->children.push_back(std::move(excluded));
    return result;
  }

  std::string_view text_;
  std::vector<Lexeme> lexemes_;
  size_t at_ = 0;
  Query* query_ = nullptr;
  analysis::Stemmer stemmer_;
};

void describe_into(const QueryNode& n, int indent, std::string& out) {
  out.append(static_cast<size_t>(indent) * 2, ' ');
  switch (n.kind) {
    case Kind::term: out += "TERM " + n.terms[0]; break;
    case Kind::phrase: {
      out += "PHRASE";
      for (size_t i = 0; i < n.terms.size(); ++i) out += " " + n.terms[i] + "@" + std::to_string(n.offsets[i]);
      break;
    }
    case Kind::prefix: out += "PREFIX " + n.terms[0] + "*"; break;
    case Kind::all_of: out += "AND"; break;
    case Kind::any_of: out += "OR"; break;
    case Kind::exclude: out += "AND_NOT"; break;
    case Kind::everything: out += "ALL DOCUMENTS"; break;
    case Kind::dates: out += "DATES " + format_day(n.dates.from) + ".." + format_day(n.dates.to); break;
    case Kind::near: out += "NEAR/" + std::to_string(n.distance); break;
    case Kind::speaker: {
      out += "SPEAKER";
      for (size_t i = 0; i < n.terms.size(); ++i) out += " " + n.terms[i] + "@" + std::to_string(n.offsets[i]);
      break;
    }
  }
  if (!n.text.empty() && n.kind != Kind::exclude) out += "    <- " + n.text;
  out += "\n";
  for (const auto& c : n.children) describe_into(*c, indent + 1, out);
}

}  // namespace

Query parse_query(std::string_view text) {
  if (text.size() > kMaxQueryBytes)
    throw QueryError("the query is longer than " + std::to_string(kMaxQueryBytes) + " bytes", kMaxQueryBytes);
  if (!analysis::is_valid_utf8(text)) throw QueryError("the query is not valid UTF-8", 0);
  return Parser(text).run();
}

std::unique_ptr<QueryNode> copy_node(const QueryNode& n) {
  auto c = std::make_unique<QueryNode>();
  c->kind = n.kind;
  c->terms = n.terms;
  c->offsets = n.offsets;
  c->dates = n.dates;
  c->distance = n.distance;
  c->text = n.text;
  c->words = n.words;
  for (const auto& child : n.children) c->children.push_back(copy_node(*child));
  return c;
}

Query copy_query(const Query& query) {
  Query q;
  if (query.root) q.root = copy_node(*query.root);
  q.mentions_speaker = query.mentions_speaker;
  q.speakers_resolved = query.speakers_resolved;
  q.languages_resolved = query.languages_resolved;
  q.min_confidence = query.min_confidence;
  q.highlight_terms = query.highlight_terms;
  q.highlight_words = query.highlight_words;
  q.highlight_prefixes = query.highlight_prefixes;
  return q;
}

void restrict_dates(Query& query, const DateRange& range) {
  auto dates = std::make_unique<QueryNode>();
  dates->kind = Kind::dates;
  dates->dates = range;
  dates->text = "--from/--to";
  auto both = std::make_unique<QueryNode>();
  both->kind = Kind::all_of;
  both->children.push_back(std::move(query.root));
  both->children.push_back(std::move(dates));
  query.root = std::move(both);
}

std::string describe(const QueryNode& node) {
  std::string out;
  describe_into(node, 0, out);
  return out;
}

std::string format_query_error(std::string_view query, const QueryError& error) {
  std::string out = "invalid query: ";
  out += error.what();
  out += "\n  ";
  // Show the query on one line; the caret counts characters, not bytes.
  std::string line(query);
  for (char& c : line)
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  out += line + "\n  ";
  size_t column = 0;
  for (size_t i = 0; i < error.position() && i < query.size(); ++i)
    if ((static_cast<unsigned char>(query[i]) & 0xc0) != 0x80) ++column;
  out.append(column, ' ');
  out += "^";
  return out;
}

}  // namespace attache::query
