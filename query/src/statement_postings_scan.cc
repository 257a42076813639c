// Statement queries from the statement postings: the query's matchers run over
// a segment's statements as they run over its articles, with block-max
// pruning for top-k, so no article's spans are read and counts are exact.
#include <string>

#include "attache/analysis/terms.h"
#include "attache/storage/error.h"
#include "statement_scan.h"

namespace attache::query {

static_assert(storage::kSpeakerTermPrefix == analysis::kSpeakerPrefix && storage::kSpeakerBlock == analysis::kSpeakerStride,
              "statement postings number speaker terms as the analysis does");

bool statement_postings_answer(const QueryNode& n) {
  using Kind = QueryNode::Kind;
  if (n.kind == Kind::prefix) return false;
  for (const std::string& term : n.terms) {
    if (!term.empty() && term[0] >= 'A' && term[0] <= 'Z' && term[0] != analysis::kSpeakerPrefix) return false;
    // Marks left after name_speakers(): a phrase over terms every statement holds.
    if (term == analysis::kSpeakerStart || term == analysis::kSpeakerEnd) return false;
  }
  for (const auto& c : n.children)
    if (!statement_postings_answer(*c)) return false;
  return true;
}

void name_speakers(QueryNode& n) {
  for (auto& c : n.children) name_speakers(*c);
  const size_t count = n.terms.size();
  if (n.kind != QueryNode::Kind::speaker || count < 3 || n.terms.front() != analysis::kSpeakerStart ||
      n.terms.back() != analysis::kSpeakerEnd)
    return;
  std::string name(storage::kSpeakerNamePrefix);
  for (size_t i = 0; i < count; ++i) {
    if (n.offsets[i] != i) return;
    if (i == 0 || i + 1 == count) continue;
    const std::string& word = n.terms[i];
    if (word.size() < 2 || word[0] != analysis::kSpeakerPrefix || word == analysis::kSpeakerStart ||
        word == analysis::kSpeakerEnd)
      return;
    if (i > 1) name += ' ';
    name.append(word, 1);
  }
  n.terms = {std::move(name)};
  n.offsets = {0};
}

namespace {

// Which article a statement belongs to, for statements visited in ascending order.
class ArticleOf {
 public:
  explicit ArticleOf(const storage::StatementIndex& index) : index_(index) {}
  void locate(uint32_t statement) {
    if (statement >= first_ && statement < end_) return;
    doc_ = index_.article(statement);
    first_ = index_.first_statement(doc_);
    end_ = index_.first_statement(doc_ + 1);
  }
  uint32_t doc() const { return doc_; }
  uint32_t first() const { return first_; }

 private:
  const storage::StatementIndex& index_;
  uint32_t doc_ = 0, first_ = 1, end_ = 0;
};

}  // namespace

void scan_statement_postings(const storage::Segment& segment, size_t s, const storage::StatementIndex& index,
                             const Query& query, ScoringContext& scoring, SortOrder sort, const WorstKept& worst,
                             const StatementVisitor& visit, bool with_statement) {
  const bool prune = static_cast<bool>(worst);
  MatcherOptions options;
  options.two_phase = prune;
  auto matcher = build_matcher(*query.root, index, scoring, options);
  const bool has_deletions = segment.deleted_count() > 0;
  ArticleOf article(index);
  std::vector<storage::StoredStatement> statements;  // of the article last visited, when asked for
  uint32_t statements_doc = kNoMoreDocs;
  static const storage::StoredStatement kNoStatement;
  uint32_t block_checked = kNoMoreDocs;  // statements up to here were found worth scoring
  double threshold = 0;                   // what the matcher was last told
  for (uint32_t st = matcher->doc(); st != kNoMoreDocs; matcher->next(), st = matcher->doc()) {
    const StatementHit* worst_kept = prune ? worst() : nullptr;
    if (worst_kept && sort == SortOrder::relevance) {
      // Rank-safe, as Searcher::search: what cannot beat (or tie) the worst
      // hit kept is passed over, a block of postings at a time where it can.
      if (worst_kept->score > threshold) {
        threshold = worst_kept->score;
        matcher->set_threshold(threshold);
        if ((st = matcher->doc()) == kNoMoreDocs) break;
      }
      if (block_checked == kNoMoreDocs || st > block_checked) {  // once per block
        const uint32_t end = matcher->block_end();
        if (end > st && end != kNoMoreDocs && matcher->block_upper_score() < worst_kept->score) {
          matcher->advance(end + 1);
          if ((st = matcher->doc()) == kNoMoreDocs) break;
        } else {
          block_checked = end;
        }
      }
      if (matcher->upper_score() < worst_kept->score) continue;
    }
    article.locate(st);
    const uint32_t doc = article.doc();
    if (has_deletions && segment.is_deleted(doc)) continue;
    if (query.min_confidence > 0 && index.confidence(st) < query.min_confidence) continue;
    const Day date = segment.date(doc);
    if (worst_kept && sort == SortOrder::newest && date < worst_kept->date) continue;
    if (worst_kept && sort == SortOrder::oldest && date > worst_kept->date) return;  // statements follow dates
    if (prune && !matcher->matches()) continue;
    const uint32_t k = st - article.first();
    if (with_statement && statements_doc != doc) {
      statements = segment.statements(doc);
      statements_doc = doc;
    }
    if (with_statement && k >= statements.size())
      throw_corruption(segment.name() + ".statements",
                                "statement postings name a statement document " + std::to_string(doc) + " lacks");
    visit(StatementHit{s, doc, k, matcher->score(), date}, with_statement ? statements[k] : kNoStatement);
  }
}

}  // namespace attache::query
