// Query words analysed once per language of the index (languages.h).
#include "attache/query/languages.h"

#include <algorithm>
#include <memory>

#include "attache/analysis/stemmer.h"
#include "attache/analysis/terms.h"

namespace attache::query {
namespace {

using Kind = QueryNode::Kind;
using Node = std::unique_ptr<QueryNode>;

bool has_words(const QueryNode& n) { return (n.kind == Kind::term || n.kind == Kind::phrase) && !n.words.empty(); }

// A term or phrase of words, its terms stemmed in `language` (a title: word's
// keep their field prefix).
Node in_language(const QueryNode& n, const std::string& language) {
  Node c = copy_node(n);
  c->terms.clear();
  const std::string field = !n.terms.empty() && n.terms[0][0] == analysis::kTitlePrefix ? "T" : "";
  for (const std::string& word : n.words)
    c->terms.push_back(field + analysis::stem_term(language, analysis::thread_stemmer(language).stem(word)));
  c->text = n.text + " (" + language + ")";
  return c;
}

// A NEAR of terms and phrases, each in `language` (nullptr when none has words).
Node near_in_language(const QueryNode& n, const std::string& language) {
  if (std::none_of(n.children.begin(), n.children.end(), [](const Node& c) { return has_words(*c); })) return nullptr;
  Node c = copy_node(n);
  for (Node& child : c->children)
    if (has_words(*child)) child = in_language(*child, language);
  c->text = n.text + " (" + language + ")";
  return c;
}

void rewrite(Node& node, const std::vector<std::string>& languages) {
  const bool near = node->kind == Kind::near;
  if (!near && !has_words(*node)) {
    for (Node& child : node->children) rewrite(child, languages);
    return;
  }
  Node either = std::make_unique<QueryNode>();
  either->kind = Kind::any_of;
  either->text = node->text;
  for (const std::string& language : languages) {
    Node other = near ? near_in_language(*node, language) : in_language(*node, language);
    if (other) either->children.push_back(std::move(other));
  }
  if (either->children.empty()) return;
  either->children.insert(either->children.begin(), std::move(node));
  node = std::move(either);
}

// lang:xx conditions of a conjunction: only their languages can match.
std::vector<std::string> languages_asked(const QueryNode& root) {
  std::vector<const QueryNode*> conditions{&root};
  if (root.kind == Kind::all_of) {
    conditions.clear();
    for (const Node& c : root.children) conditions.push_back(c.get());
  }
  std::vector<std::string> asked;
  for (const QueryNode* c : conditions)
    if (c->kind == Kind::term && c->terms.size() == 1 && c->terms[0].size() > 1 &&
        c->terms[0][0] == analysis::kLanguagePrefix)
      asked.push_back(c->terms[0].substr(1));
  return asked;
}

}  // namespace

void analyse_in_languages(Query& query, const std::vector<std::string>& index_languages) {
  if (query.languages_resolved || !query.root) return;
  query.languages_resolved = true;
  std::vector<std::string> languages;
  const std::vector<std::string> asked = languages_asked(*query.root);
  for (const std::string& language : asked.empty() ? index_languages : asked)
    if (!analysis::is_english(language)) languages.push_back(language);
  if (languages.empty()) return;
  rewrite(query.root, languages);
}

std::vector<std::string> languages_of_terms(const std::vector<std::string>& language_terms) {
  std::vector<std::string> out;
  for (const std::string& term : language_terms)
    if (term.size() > 1 && term[0] == analysis::kLanguagePrefix) out.push_back(term.substr(1));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace attache::query
