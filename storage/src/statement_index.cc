// Reading a segment's statement postings (FORMAT.md, ".statements" version 4).
#include "attache/storage/statement_index.h"

#include <string>

#include "attache/storage/index_reader.h"
#include "bitpack.h"
#include "file_format.h"
#include "term_dictionary.h"

namespace attache::storage {

namespace {

// Consecutive pieces of the section, each checked against the bytes left
// before it is touched.
class Pieces {
 public:
  Pieces(const MappedFile& file, uint64_t at) : file_(file), at_(at) {
    if (at < file.body_begin() || at > file.body_end()) file.fail("statement postings outside the file");
  }
  const uint8_t* take(uint64_t length) {
    if (length > file_.body_end() - at_) file_.fail("statement postings run past the file");
    const uint8_t* p = file_.verified(at_, length);
    at_ += length;
    return p;
  }
  uint32_t u32() { return load_u32(take(4)); }
  uint8_t u8() { return *take(1); }
  // A packed column of `count` values (FORMAT.md): its width byte, then the values.
  const uint8_t* column(uint64_t count, int& width) {
    width = u8();
    if (width > 32) file_.fail("invalid statement column width");
    return take((count * static_cast<uint64_t>(width) + 7) / 8 + 8);
  }

 private:
  const MappedFile& file_;
  uint64_t at_;
};

}  // namespace

StatementIndex::StatementIndex(const MappedFile& file, uint64_t offset, uint32_t statement_count,
                               const Segment& segment)
    : file_(file), segment_(segment), statement_count_(statement_count) {
  Pieces in(file, offset);
  const uint32_t docs = segment.doc_count();
  if (in.u32() != docs) file.fail("statement postings: document count disagrees with the manifest");
  if (in.u32() != statement_count) file.fail("statement postings: statement count disagrees with the header");
  firsts_ = in.column(uint64_t{docs} + 1, first_width_);
  lengths_ = in.column(statement_count, length_width_);
  confidences_ = in.take(statement_count);
  // article() binary-searches the firsts: they must ascend from 0 to the count.
  uint64_t previous = 0;
  for (uint64_t d = 0; d <= docs; ++d) {
    uint64_t first = read_packed(firsts_, d, first_width_);
    if (first < previous || (d == 0 && first != 0)) file.fail("statement postings: articles out of order");
    previous = first;
  }
  if (previous != statement_count) file.fail("statement postings: articles do not cover the statements");
  for (uint32_t s = 0; s < statement_count; ++s)
    if (confidences_[s] > 100) file.fail("statement postings: invalid confidence");
  dictionary_ = std::make_unique<TermDictionary>(file);
}

StatementIndex::~StatementIndex() = default;

uint32_t StatementIndex::length(uint32_t statement) const {
  return static_cast<uint32_t>(read_packed(lengths_, statement, length_width_));
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

uint32_t StatementIndex::first_statement(uint32_t doc) const {
  if (doc > segment_.doc_count()) file_.fail("no statements for document " + std::to_string(doc));
  return static_cast<uint32_t>(read_packed(firsts_, doc, first_width_));
}

uint32_t StatementIndex::article(uint32_t statement) const {
  // The last article whose first statement is <= statement.
  uint32_t lo = 0, hi = segment_.doc_count();
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo + 1) / 2;
    if (read_packed(firsts_, mid, first_width_) <= statement)
      lo = mid;
    else
      hi = mid - 1;
  }
  return lo;
}

uint8_t StatementIndex::confidence(uint32_t statement) const { return confidences_[statement]; }

void StatementIndex::verify() const {
  std::string previous;
  bool first = true;
  dictionary_->scan("", [&](std::string_view term, const TermInfo& info) {
    if (!first && term <= previous) file_.fail("statement terms out of order at '" + std::string(term) + "'");
    first = false;
    previous = term;
    if (!info.has_positions()) file_.fail("statement term without positions: '" + std::string(term) + "'");
    PostingCursor cursor = postings(info);
    uint32_t count = 0;
    uint64_t occurrences = 0;
    for (; cursor.doc() != PostingCursor::kEnd; cursor.next()) {
      ++count;
      const uint32_t frequency = cursor.frequency();
      occurrences += frequency;
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
