// Statements by the words of their speakers' names, from the speaker tables
// and the statement postings (snapshot_names.h).
#include "snapshot_names.h"

#include <algorithm>
#include <bit>
#include <unordered_map>

#include "attache/analysis/terms.h"
#include "attache/storage/error.h"
#include "attache/storage/statement_index.h"

namespace attache::query {
namespace {

std::string joined(const std::vector<std::string>& words) { return identity::joined(words, 0, words.size()); }

// The article of each statement of an ascending list, and whether it is live.
class Articles {
 public:
  Articles(const storage::Segment& segment, const storage::StatementIndex& index) : segment_(segment), index_(index) {}
  void locate(uint32_t statement) {
    if (statement >= first_ && statement < end_) return;
    doc_ = index_.article(statement);
    first_ = index_.first_statement(doc_);
    end_ = index_.first_statement(doc_ + 1);
    live_ = !segment_.is_deleted(doc_);
  }
  uint32_t doc() const { return doc_; }
  uint32_t first() const { return first_; }
  bool live() const { return live_; }

 private:
  const storage::Segment& segment_;
  const storage::StatementIndex& index_;
  uint32_t doc_ = 0, first_ = 1, end_ = 0;
  bool live_ = false;
};

}  // namespace

bool SnapshotNames::available(const storage::IndexSnapshot& snapshot) {
  for (const auto& segment : snapshot.segments())
    if (!segment->statement_index()) return false;
  return true;
}

bool SnapshotNames::months_available(const storage::IndexSnapshot& snapshot) {
  for (const auto& segment : snapshot.segments())
    if (!segment->speaker_months()) return false;
  return true;
}

// Tens of thousands of names at 100k articles: one folding and one key per
// speaker, the key copied only for a new name, the tables sized once (most
// of a cold speaker query was allocating here, BENCHMARKS.md).
SnapshotNames::SnapshotNames(const storage::IndexSnapshot& snapshot) : snapshot_(snapshot) {
  const auto& segments = snapshot.segments();
  size_t speaker_count = 0;
  for (const auto& segment : segments) speaker_count += segment->speakers().size();
  names_.reserve(speaker_count);
  by_word_.reserve(speaker_count);
  by_term_.reserve(speaker_count);
  std::string term;
  for (size_t s = 0; s < segments.size(); ++s) {
    const auto& speakers = segments[s]->speakers();
    for (uint32_t speaker = 0; speaker < speakers.size(); ++speaker) {
      const auto& [canonical, kind] = speakers[speaker];
      std::vector<std::string> words = analysis::speaker_words(canonical);
      if (words.empty()) continue;
      const bool cut = words.size() > analysis::kSpeakerStride - 2;  // as speaker_terms() cuts a name
      if (cut) words.resize(analysis::kSpeakerStride - 2);
      term.clear();  // as joined(), into a buffer kept across speakers
      for (const auto& word : words) (term += term.empty() ? "" : " ") += word;
      // The names of this term, one per segment: the last is this segment's if it has one.
      auto& same_term = by_term_[term];
      const bool added = same_term.empty() || names_[same_term.back()].segment != s;
      if (added) {
        const auto n = static_cast<uint32_t>(names_.size());
        for (const auto& word : words) {
          auto& list = by_word_[word];
          if (list.empty() || list.back() != n) list.push_back(n);
        }
        same_term.push_back(n);
        names_.push_back({{std::move(words), 0}, s, false, speaker, {}});
      } else {
        names_[same_term.back()].more_speakers.push_back(speaker);
      }
      SegmentName& name = names_[same_term.back()];
      name.name.kinds |= static_cast<uint8_t>(1 << std::min<uint8_t>(kind, 3));
      name.read_entries |= cut || (name.name.kinds & (name.name.kinds - 1)) != 0;
    }
  }
}

std::span<const uint32_t> SnapshotNames::names_holding(const std::string& word) const {
  const auto names = by_word_.find(word);
  return names == by_word_.end() ? std::span<const uint32_t>() : std::span<const uint32_t>(names->second);
}

std::span<const uint32_t> SnapshotNames::names_named(const std::vector<std::string>& words) const {
  const auto names = by_term_.find(joined(words));
  return names == by_term_.end() ? std::span<const uint32_t>() : std::span<const uint32_t>(names->second);
}

std::string SnapshotNames::term(const SegmentName& name) const {
  return std::string(storage::kSpeakerNamePrefix) + joined(name.name.words);
}

uint64_t SnapshotNames::statement_count(uint32_t n) const {
  const SegmentName& name = names_[n];
  const auto info = snapshot_.segments()[name.segment]->statement_index()->find_term(term(name));
  return info ? info->doc_frequency : 0;
}

void SnapshotNames::add_statements(uint32_t n, identity::Forms& forms) const {
  const SegmentName& name = names_[n];
  if (const storage::SpeakerMonths* months = snapshot_.segments()[name.segment]->speaker_months())
    add_months(name, *months, forms);
  else
    add_from_postings(name, forms);
}

// Each canonical name is a form of its own words and kind, as add_statement()
// makes it: neither a kind nor a long name needs the entries here.
void SnapshotNames::add_months(const SegmentName& name, const storage::SpeakerMonths& months,
                               identity::Forms& forms) const {
  const auto& speakers = snapshot_.segments()[name.segment]->speakers();
  auto add = [&](uint32_t speaker) {
    const auto statements = months.of(speaker);
    if (statements.empty()) return;  // every statement deleted
    const auto& [canonical, kind] = speakers[speaker];
    std::vector<std::string> words = name.read_entries ? analysis::speaker_words(canonical) : name.name.words;
    identity::Form& form = identity::form_of(forms, std::move(words), static_cast<SpeakerKind>(std::min<uint8_t>(kind, 3)));
    const uint64_t before = form.statements;
    identity::count_months(form, statements);
    form.written[canonical] += form.statements - before;  // as add_statement() counts them: shown names follow
  };
  add(name.speaker);
  for (const uint32_t speaker : name.more_speakers) add(speaker);
}

std::vector<uint64_t> SnapshotNames::articles_of(const identity::Form& form) const {
  // The names this form's statements are posted under: its words, cut as a `P=` term cuts them.
  std::vector<std::string> words = form.words;
  if (words.size() > analysis::kSpeakerStride - 2) words.resize(analysis::kSpeakerStride - 2);
  identity::Forms read;
  for (const uint32_t n : names_holding(words.back()))
    if (names_[n].name.words == words) add_from_postings(names_[n], read);
  const auto at = read.find(identity::form_key(form.words, form.kind));
  std::vector<uint64_t> out;
  if (at != read.end())
    for (const auto& [article, in] : at->second.articles) out.push_back(article);
  std::sort(out.begin(), out.end());
  return out;
}

void SnapshotNames::add_from_postings(const SegmentName& name, identity::Forms& forms) const {
  const storage::Segment& segment = *snapshot_.segments()[name.segment];
  const storage::StatementIndex& index = *segment.statement_index();
  Articles articles(segment, index);
  const auto kind = static_cast<SpeakerKind>(std::countr_zero(name.name.kinds));
  identity::Form* form = name.read_entries ? nullptr : &identity::form_of(forms, name.name.words, kind);
  std::vector<storage::StoredStatement> entries;  // of the article last read, when read_entries
  uint32_t entries_doc = UINT32_MAX;
  for (storage::PostingCursor c = index.postings(term(name)); c.doc() != storage::PostingCursor::kEnd; c.next()) {
    articles.locate(c.doc());
    if (!articles.live()) continue;
    const uint64_t article = identity::article_key(name.segment, articles.doc());
    const Day date = segment.date(articles.doc());
    if (form) {
      identity::count_statement(*form, article, date);
      continue;
    }
    if (entries_doc != articles.doc()) {
      entries = segment.statements(articles.doc());
      entries_doc = articles.doc();
    }
    const uint32_t k = c.doc() - articles.first();
    if (k >= entries.size())
      throw_corruption(segment.name() + ".statements",
                       "statement postings name a statement document " + std::to_string(articles.doc()) + " lacks");
    identity::add_statement(forms, entries[k], article, date);
  }
}

}  // namespace attache::query
