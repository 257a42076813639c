// Widening a speaker: condition to the identities it names
// (speaker_identity.h): the other forms of each, as exact names limited to
// the months they belong to it.
#include <optional>

#include "attache/analysis/terms.h"
#include "speaker_identity.h"

namespace attache::query::identity {

bool contains_phrase(const std::vector<std::string>& words, const std::vector<std::string>& phrase) {
  if (phrase.empty() || phrase.size() > words.size()) return false;
  return std::search(words.begin(), words.end(), phrase.begin(), phrase.end()) != words.end();
}

namespace {

std::unique_ptr<QueryNode> exact_name(const std::vector<std::string>& words) {
  auto n = std::make_unique<QueryNode>();
  n->kind = QueryNode::Kind::speaker;
  n->terms.emplace_back(analysis::kSpeakerStart);
  for (const auto& w : words) n->terms.push_back(analysis::field_term(analysis::kSpeakerPrefix, w));
  n->terms.emplace_back(analysis::kSpeakerEnd);
  for (uint32_t i = 0; i < n->terms.size(); ++i) n->offsets.push_back(i);
  n->text = "speaker=\"" + joined(words, 0, words.size()) + "\"";
  return n;
}

Day first_day(int month) { return *day_from_civil(month / 12, static_cast<unsigned>(month % 12) + 1, 1); }

std::unique_ptr<QueryNode> in_months(std::unique_ptr<QueryNode> name, const std::vector<std::pair<int, int>>& months) {
  auto any = std::make_unique<QueryNode>();
  any->kind = QueryNode::Kind::any_of;
  for (const auto& [from, to] : months) {
    auto d = std::make_unique<QueryNode>();
    d->kind = QueryNode::Kind::dates;
    d->dates = {first_day(from), static_cast<Day>(first_day(to + 1) - 1)};
    d->text = "date:" + format_day(d->dates.from) + ".." + format_day(d->dates.to);
    any->children.push_back(std::move(d));
  }
  auto all = std::make_unique<QueryNode>();
  all->kind = QueryNode::Kind::all_of;
  all->children.push_back(std::move(name));
  all->children.push_back(std::move(any));
  return all;
}

// The words of a speaker: condition that names a speaker (a phrase of its
// name's words), or nothing for one that does not (exact names, marks).
std::optional<std::vector<std::string>> speaker_phrase(const QueryNode& node) {
  if (node.kind != QueryNode::Kind::speaker) return std::nullopt;
  std::vector<std::string> phrase;
  for (size_t i = 0; i < node.terms.size(); ++i) {
    if (node.terms[i].size() < 2 || node.terms[i][0] != analysis::kSpeakerPrefix || node.offsets[i] != i ||
        node.terms[i] == analysis::kSpeakerStart || node.terms[i] == analysis::kSpeakerEnd)
      return std::nullopt;
    phrase.push_back(node.terms[i].substr(1));
  }
  if (phrase.empty()) return std::nullopt;
  return phrase;
}

void widen_speaker_node(QueryNode& node, const std::vector<std::string>& phrase, const Resolution& r) {
  std::vector<std::unique_ptr<QueryNode>> extra;
  // Only identities with a form holding the phrase's first word can be named
  // by it: at 100k articles, trying every identity took most of a warm
  // speaker query (3 ms).
  const auto candidates = r.by_word.find(phrase[0]);
  if (candidates == r.by_word.end()) return;
  for (const uint32_t id : candidates->second) {
    const auto& members = r.members[id];
    bool named = false;
    for (const auto& m : members) named |= contains_phrase(m.words, phrase);
    if (!named) continue;
    for (const auto& m : members) {
      if (contains_phrase(m.words, phrase)) continue;  // the condition as written finds it
      auto name = exact_name(m.words);
      extra.push_back(m.months.empty() ? std::move(name) : in_months(std::move(name), m.months));
    }
  }
  if (extra.empty()) return;
  auto original = std::make_unique<QueryNode>();
  std::swap(*original, node);
  node.kind = QueryNode::Kind::any_of;
  node.text = original->text + " (and the identities it names)";
  node.children.push_back(std::move(original));
  for (auto& e : extra) node.children.push_back(std::move(e));
}

}  // namespace

void widen_speaker_nodes(QueryNode& node, const ResolutionFor& resolution_for) {
  for (auto& c : node.children) widen_speaker_nodes(*c, resolution_for);
  if (const auto phrase = speaker_phrase(node)) widen_speaker_node(node, *phrase, *resolution_for(*phrase));
}

}  // namespace attache::query::identity
