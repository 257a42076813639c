// Reading a segment's statement postings (FORMAT.md, ".statements" version 4).
#include "attache/storage/statement_index.h"

#include <string>

#include "attache/storage/index_reader.h"
#include "bitpack.h"
#include "file_format.h"
#include "statement_positions.h"
#include "term_dictionary.h"

namespace attache::storage {

namespace {

// Consecutive pieces of the section, each checked against the bytes left
// before it is touched.
class Pieces {
 public:
  Pieces(const MappedFile& file, uint64_t at, uint64_t end) : file_(file), at_(at), end_(end) {
    if (at < file.body_begin() || end > file.body_end() || at > end) file.fail("statement postings outside the file");
  }
  // The offset of the next `length` bytes, read (and their checksums checked)
  // only when used: cold, each is a disk read.
  uint64_t skip(uint64_t length) {
    if (length > end_ - at_) file_.fail("statement postings run past the file");
    const uint64_t at = at_;
    at_ += length;
    return at;
  }
  const uint8_t* take(uint64_t length) { return file_.verified(skip(length), length); }
  uint32_t u32() { return load_u32(take(4)); }
  uint8_t u8() { return *take(1); }
  // A packed column of `count` values (FORMAT.md): its width byte, then the values.
  uint64_t column(uint64_t count, int& width) {
    width = u8();
    if (width > 32) file_.fail("invalid statement column width");
    return skip((count * static_cast<uint64_t>(width) + 7) / 8 + 8);
  }

 private:
  const MappedFile& file_;
  uint64_t at_, end_;
};

}  // namespace

// Only the counts, widths and the two ends of the article starts are read
// here; each value is checked when read (FORMAT.md's rules), so a cold query
// reads the pieces of the columns it needs, not all of them.
StatementIndex::StatementIndex(const MappedFile& file, uint64_t offset, uint64_t end, uint32_t statement_count,
                               const Segment& segment, uint64_t first_positions)
    : file_(file), segment_(segment), statement_count_(statement_count) {
  Pieces in(file, offset, end);
  const uint32_t docs = segment.doc_count();
  if (in.u32() != docs) file.fail("statement postings: document count disagrees with the manifest");
  if (in.u32() != statement_count) file.fail("statement postings: statement count disagrees with the header");
  firsts_ = in.column(uint64_t{docs} + 1, first_width_);
  lengths_ = in.column(statement_count, length_width_);
  confidences_ = in.skip(statement_count);
  if (packed(firsts_, 0, first_width_) != 0 || packed(firsts_, docs, first_width_) != statement_count)
    file.fail("statement postings: articles out of order");
  dictionary_ = std::make_unique<TermDictionary>(file, end);
  if (first_positions != 0) {
    Pieces column(file, first_positions, file.body_end() - 8);
    first_positions_ = column.column(statement_count, position_width_);
    if (first_positions_ + (uint64_t{statement_count} * position_width_ + 7) / 8 + 8 != file.body_end() - 8)
      file.fail("statement first positions do not end where the file does");
  }
}

std::optional<StatementSpan> StatementIndex::span(uint32_t statement) const {
  if (first_positions_ == 0) return std::nullopt;
  if (statement >= statement_count_) file_.fail("no span for statement " + std::to_string(statement));
  return StatementSpan{static_cast<uint32_t>(packed(first_positions_, statement, position_width_)), length(statement)};
}

uint64_t StatementIndex::packed(uint64_t column, uint64_t index, int width) const {
  // read_packed loads the 8 bytes from the value's first byte (the column's
  // padding keeps them inside it).
  const uint64_t byte = index * static_cast<uint64_t>(width) / 8;
  return read_packed(file_.verified(column + byte, 8) - byte, index, width);
}

StatementIndex::~StatementIndex() = default;

uint32_t StatementIndex::length(uint32_t statement) const {
  return static_cast<uint32_t>(packed(lengths_, statement, length_width_));
}
Day StatementIndex::min_date() const { return segment_.min_date(); }
Day StatementIndex::max_date() const { return segment_.max_date(); }
uint32_t StatementIndex::first_doc_on_or_after(Day day) const {
  return first_statement(segment_.first_doc_on_or_after(day));
}

std::optional<TermInfo> StatementIndex::find_term(std::string_view term) const { return dictionary_->find(term); }

void StatementIndex::scan_terms(std::string_view prefix,
                                const std::function<bool(std::string_view, const TermInfo&)>& visit) const {
  dictionary_->scan(prefix, visit);
}

PostingCursor StatementIndex::postings(const TermInfo& info) const {
  return PostingCursor(file_, &file_, info, statement_count_);
}

// Speaker terms keep their positions (blocks of k·32, not positions of the
// article's body); a word's stored before version 6 are read as stored.
std::optional<PostingCursor> StatementIndex::positional_postings(std::string_view term) const {
  auto info = find_term(term);
  if (!info) return std::nullopt;
  if (info->has_positions()) return postings(*info);
  if (term[0] == kSpeakerTermPrefix) return std::nullopt;  // a P= name
  PostingCursor cursor = postings(*info);
  cursor.take_positions_from(std::make_unique<ArticlePositions>(*this, segment_, file_, std::string(term)));
  return cursor;
}

uint32_t StatementIndex::first_statement(uint32_t doc) const {
  if (doc > segment_.doc_count()) file_.fail("no statements for document " + std::to_string(doc));
  const uint64_t first = packed(firsts_, doc, first_width_);
  if (first > statement_count_) file_.fail("statement postings: article starts past the statements");
  return static_cast<uint32_t>(first);
}

uint32_t StatementIndex::article(uint32_t statement) const {
  // The last article whose first statement is <= statement; the starts are
  // checked around the answer, since the search trusts them to ascend.
  uint32_t lo = 0, hi = segment_.doc_count();
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo + 1) / 2;
    if (packed(firsts_, mid, first_width_) <= statement)
      lo = mid;
    else
      hi = mid - 1;
  }
  if (statement >= statement_count_ || first_statement(lo) > statement || first_statement(lo + 1) <= statement)
    file_.fail("statement postings: articles out of order");
  return lo;
}

uint8_t StatementIndex::confidence(uint32_t statement) const {
  const uint8_t confidence = *file_.verified(confidences_ + statement, 1);
  if (confidence > 100) file_.fail("statement postings: invalid confidence");
  return confidence;
}

void StatementIndex::verify() const {
  std::string previous;
  bool first = true;
  dictionary_->scan("", [&](std::string_view term, const TermInfo& info) {
    if (!first && term <= previous) file_.fail("statement terms out of order at '" + std::string(term) + "'");
    first = false;
    previous = term;
    // A speaker's exact name is posted once per statement, without positions,
    // speaker terms with theirs; a word's stored or its article's (the count
    // compared here), whichever the version wrote.
    const bool name = term.starts_with(kSpeakerNamePrefix);
    if ((name && info.has_positions()) || (term[0] == kSpeakerTermPrefix && !name && !info.has_positions()))
      file_.fail("statement term with positions wrongly present or absent: '" + std::string(term) + "'");
    auto positional = name ? std::nullopt : positional_postings(term);
    PostingCursor cursor = positional ? std::move(*positional) : postings(info);
    uint32_t count = 0;
    uint64_t occurrences = 0;
    for (; cursor.doc() != PostingCursor::kEnd; cursor.next()) {
      ++count;
      const uint32_t frequency = cursor.frequency();
      occurrences += frequency;
      if (name) {
        if (frequency != 1) file_.fail("speaker name '" + std::string(term) + "' posted more than once in a statement");
        continue;
      }
      const auto positions = cursor.positions();
      if (positions.size() != frequency) file_.fail("statement positions differ from the frequency of '" + std::string(term) + "'");
      // A word's positions lie within its statement (speaker terms within their block).
      const uint32_t limit = term[0] == kSpeakerTermPrefix ? kSpeakerBlock : length(cursor.doc());
      if (positions.back() >= limit) file_.fail("statement position past its statement for '" + std::string(term) + "'");
    }
    if (count != info.doc_frequency || occurrences != info.collection_frequency)
      file_.fail("frequencies of statement term '" + std::string(term) + "' disagree with its postings");
    return true;
  });
}

}  // namespace attache::storage
