// Statement postings from article postings, and their section of the
// statements file.
#include "statement_postings.h"

#include <algorithm>
#include <map>

#include "attache/storage/statement_index.h"
#include "bitpack.h"
#include "file_format.h"
#include "term_dictionary.h"

namespace attache::storage {

namespace {

void write_column(const std::vector<uint32_t>& column, ByteWriter& out) {
  std::vector<uint64_t> values(column.begin(), column.end());
  uint64_t widest = 0;
  for (uint64_t v : values) widest |= v;
  const int width = 64 - (widest ? __builtin_clzll(widest) : 64);
  out.u8(static_cast<uint8_t>(width));
  write_packed(values.data(), values.size(), width, out);
}

}  // namespace

void DocumentStatements::add(const std::vector<StoredStatement>& statements) {
  for (const StoredStatement& s : statements) {
    spans.push_back({s.first_position, s.position_count});
    confidences.push_back(s.confidence);
  }
  firsts.push_back(static_cast<uint32_t>(spans.size()));
}

StatementPostingsWriter::StatementPostingsWriter(DocumentStatements statements) : statements_(std::move(statements)) {
  lengths_.reserve(statements_.spans.size());
  for (const StatementSpan& span : statements_.spans) lengths_.push_back(span.position_count);
  speaker_words_.resize(statements_.spans.size());
}

StatementPostingsWriter::~StatementPostingsWriter() = default;

bool StatementPostingsWriter::indexes(std::string_view term) {
  // Field terms (an upper-case first letter) describe the article, not a
  // statement: only the speaker's belong here.
  return !term.empty() && (term[0] == kSpeakerTermPrefix || term[0] < 'A' || term[0] > 'Z');
}

void StatementPostingsWriter::begin_term(std::string_view term) {
  term_.assign(term);
  if (term_[0] == kSpeakerTermPrefix) speaker_terms_.push_back(term_);
  postings_start_ = postings_.size();
  positions_start_ = positions_.size();
  // Words' positions are their article's (version 6): only speaker terms store theirs.
  encoder_ = std::make_unique<TermEncoder>(term_[0] == kSpeakerTermPrefix, lengths_.data(), postings_, positions_);
}

void StatementPostingsWriter::add(uint32_t doc, std::span<const uint32_t> positions) {
  if (doc + 1 >= statements_.firsts.size() || statements_.firsts[doc] == statements_.firsts[doc + 1]) return;
  if (term_[0] == kSpeakerTermPrefix)
    add_speaker_positions(doc, positions);
  else
    add_word_occurrences(doc, positions);
}

// Statement k's speaker terms sit at k·32 + j: they become j of statement k.
void StatementPostingsWriter::add_speaker_positions(uint32_t doc, std::span<const uint32_t> positions) {
  const uint32_t first = statements_.firsts[doc], count = statements_.firsts[doc + 1] - first;
  size_t at = 0;
  while (at < positions.size()) {
    const uint32_t k = positions[at] / kSpeakerBlock;
    relative_.clear();
    for (; at < positions.size() && positions[at] / kSpeakerBlock == k; ++at)
      relative_.push_back(positions[at] % kSpeakerBlock);
    if (k >= count) continue;
    encoder_->add(first + k, static_cast<uint32_t>(relative_.size()), relative_);
    for (uint32_t j : relative_)
      speaker_words_[first + k].emplace_back(static_cast<uint8_t>(j), static_cast<uint32_t>(speaker_terms_.size() - 1));
  }
}

// A word counts in every statement whose span holds it (spans may overlap),
// as often as it occurs there; its positions are read from the article's.
void StatementPostingsWriter::add_word_occurrences(uint32_t doc, std::span<const uint32_t> positions) {
  for (uint32_t s = statements_.firsts[doc]; s < statements_.firsts[doc + 1]; ++s) {
    const StatementSpan& span = statements_.spans[s];
    auto lo = std::lower_bound(positions.begin(), positions.end(), span.first_position);
    auto hi = std::lower_bound(lo, positions.end(), uint64_t{span.first_position} + span.position_count);
    if (lo != hi) encoder_->add(s, static_cast<uint32_t>(hi - lo), {});
  }
}

// A statement's exact name is what lies between P[ (at 0) and P], as the
// phrase `P[ Pw1 ... Pwn P]` finds it; a name cut at the block's end has none.
void StatementPostingsWriter::add_speaker_names() {
  std::map<std::string, std::vector<uint32_t>> names;  // statements ascending
  std::vector<const std::string*> at(kSpeakerBlock);
  for (uint32_t s = 0; s < speaker_words_.size(); ++s) {
    std::fill(at.begin(), at.end(), nullptr);
    for (auto [j, term] : speaker_words_[s]) at[j] = &speaker_terms_[term];
    if (!at[0] || *at[0] != kSpeakerStartTerm) continue;
    std::string name(kSpeakerNamePrefix);
    for (uint32_t j = 1; j < kSpeakerBlock && at[j]; ++j) {
      if (*at[j] == kSpeakerEndTerm) {
        if (j > 1) names[name].push_back(s);
        break;
      }
      if (j > 1) name += ' ';
      name.append(*at[j], 1);
    }
  }
  speaker_words_ = {};
  for (const auto& [name, statements] : names) encode(name, statements);
  std::sort(terms_.begin(), terms_.end(), [](const Term& a, const Term& b) { return a.term < b.term; });
  // The dictionary finds a term's postings from the previous term's end, so
  // they must lie in term order: the names', encoded last, move into place.
  ByteWriter postings, positions;
  for (Term& t : terms_) {
    postings.raw(postings_.bytes().data() + t.info.postings_offset, t.info.postings_length);
    positions.raw(positions_.bytes().data() + t.info.positions_offset, t.info.positions_length);
    t.info.postings_offset = postings.size() - t.info.postings_length;
    t.info.positions_offset = positions.size() - t.info.positions_length;
  }
  postings_ = std::move(postings);
  positions_ = std::move(positions);
}

void StatementPostingsWriter::encode(std::string term, std::span<const uint32_t> statements) {
  term_ = std::move(term);
  postings_start_ = postings_.size();
  positions_start_ = positions_.size();
  encoder_ = std::make_unique<TermEncoder>(false, lengths_.data(), postings_, positions_);
  for (uint32_t s : statements) encoder_->add(s, 1, {});
  end_term();
}

void StatementPostingsWriter::end_term() {
  if (encoder_->doc_frequency() > 0) {
    encoder_->finish();
    TermInfo info;
    info.doc_frequency = encoder_->doc_frequency();
    info.collection_frequency = encoder_->collection_frequency();
    info.postings_offset = postings_start_;
    info.postings_length = postings_.size() - postings_start_;
    info.positions_offset = positions_start_;
    info.positions_length = positions_.size() - positions_start_;
    terms_.push_back({term_, info});
  }
  encoder_.reset();
}

void StatementPostingsWriter::write_first_positions(FileWriter& out) const {
  std::vector<uint32_t> firsts;
  firsts.reserve(statements_.spans.size());
  for (const StatementSpan& span : statements_.spans) firsts.push_back(span.first_position);
  ByteWriter column;
  write_column(firsts, column);
  out.write(column.bytes());
}

void StatementPostingsWriter::write(FileWriter& out) const {
  ByteWriter columns;
  columns.u32(static_cast<uint32_t>(statements_.firsts.size() - 1));
  columns.u32(statement_count());
  write_column(statements_.firsts, columns);
  write_column(lengths_, columns);
  columns.raw(statements_.confidences.data(), statements_.confidences.size());
  out.write(columns.bytes());
  const uint64_t positions_at = out.offset();
  out.write(positions_.bytes());
  const uint64_t postings_at = out.offset();
  out.write(postings_.bytes());
  TermDictionaryWriter dictionary(out, /*sparse_index=*/false);
  for (const Term& t : terms_) {
    TermInfo info = t.info;
    info.postings_offset += postings_at;
    info.positions_offset += positions_at;
    dictionary.add(t.term, info);
  }
  dictionary.finish();
}

}  // namespace attache::storage
