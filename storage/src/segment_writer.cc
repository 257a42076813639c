// Segment files from sorted terms and documents.
#include "segment_writer.h"

#include <algorithm>

#include "bitpack.h"
#include "statements_file.h"

namespace attache::storage {
namespace {

void write_columns(const DocumentColumns& columns, uint64_t total_length, FileWriter& out) {
  const std::vector<Day>& dates = columns.dates;
  const std::vector<uint32_t>& lengths = columns.lengths;
  ByteWriter body;
  body.u32(static_cast<uint32_t>(dates.size()));
  body.u64(total_length);
  Day base = dates.empty() ? 0 : dates.front();
  std::vector<uint64_t> values(dates.size());
  uint64_t widest = 0;
  for (size_t i = 0; i < dates.size(); ++i) widest |= values[i] = static_cast<uint64_t>(int64_t{dates[i]} - base);
  int width = 64 - (widest ? __builtin_clzll(widest) : 64);
  body.u32(static_cast<uint32_t>(base));
  body.u8(static_cast<uint8_t>(width));
  write_packed(values.data(), values.size(), width, body);
  widest = 0;
  for (size_t i = 0; i < lengths.size(); ++i) widest |= values[i] = lengths[i];
  width = 64 - (widest ? __builtin_clzll(widest) : 64);
  body.u8(static_cast<uint8_t>(width));
  write_packed(values.data(), values.size(), width, body);
  body.u8(static_cast<uint8_t>(kSignatureSize));
  for (const Signature& signature : columns.signatures)
    for (uint16_t v : signature) body.u16(v);
  out.write(body.bytes());
}

}  // namespace

SegmentWriter::SegmentWriter(const std::filesystem::path& dir, uint64_t segment_id, DocumentColumns columns,
                             DocumentSource documents, const StoreCompression& compression, bool word_pairs)
    : dir_(dir), columns_(std::move(columns)), documents_(std::move(documents)) {
  const std::vector<Day>& dates = columns_.dates;
  columns_.signatures.resize(dates.size());
  entry_.id = segment_id;
  entry_.doc_count = static_cast<uint32_t>(dates.size());
  for (uint32_t length : columns_.lengths) entry_.total_length += length;
  entry_.min_date = dates.empty() ? 0 : dates.front();
  entry_.max_date = dates.empty() ? 0 : dates.back();
  statement_postings_ = std::make_unique<StatementPostingsWriter>(std::move(columns_.statements));
  store_ = std::async(std::launch::async, [this, compression] {
    FileWriter out(path(SegmentFile::store), FileKind::store);
    auto statements = std::make_unique<StatementsWriter>();
    uint64_t text_bytes =
        write_doc_store(documents_, out, compression, [&](const StoredDocument& d) { statements->add(d); });
    return StoreResult{out.finish(), std::move(statements), text_bytes};
  });
  try {
    terms_ = std::make_unique<FileWriter>(path(SegmentFile::terms), FileKind::terms,
                                          word_pairs ? current_version(FileKind::terms) : kTermsVersionWithoutPairs);
    postings_ = std::make_unique<FileWriter>(path(SegmentFile::postings), FileKind::postings);
    positions_ = std::make_unique<FileWriter>(path(SegmentFile::positions), FileKind::positions);
    dictionary_ = std::make_unique<TermDictionaryWriter>(*terms_, /*sparse_index=*/true);
  } catch (...) {
    store_.wait();
    throw;
  }
}

SegmentWriter::~SegmentWriter() {
  if (store_.valid()) store_.wait();  // the store thread reads documents_; never outlive it
}

std::filesystem::path SegmentWriter::path(SegmentFile file) const { return dir_ / segment_file_name(entry_.id, file); }

void SegmentWriter::add_term(std::string_view term, const TermPostings& postings) {
  add_term(term, !postings.positions.empty(), [&](TermEncoder& encoder) {
    size_t at = 0;
    for (size_t i = 0; i < postings.docs.size(); ++i) {
      std::span<const uint32_t> positions;
      if (!postings.positions.empty())
        positions = std::span<const uint32_t>(postings.positions).subspan(at, postings.frequencies[i]);
      at += postings.frequencies[i];
      encoder.add(postings.docs[i], postings.frequencies[i], positions);
    }
  });
}

void SegmentWriter::add_term(std::string_view term, bool positional, const std::function<void(TermEncoder&)>& fill) {
  postings_bytes_.clear();
  positions_bytes_.clear();
  const uint64_t positions_offset = positions_->offset();
  TermEncoder encoder(positional, columns_.lengths.data(), postings_bytes_, positions_bytes_, [&](ByteWriter& positions) {
    positions_->write(positions.bytes());
    positions.clear();
  });
  const bool in_statements = positional && StatementPostingsWriter::indexes(term);
  if (in_statements) {
    statement_postings_->begin_term(term);
    encoder.observe([&](uint32_t doc, std::span<const uint32_t> positions) { statement_postings_->add(doc, positions); });
  }
  fill(encoder);
  if (in_statements) statement_postings_->end_term();
  if (encoder.doc_frequency() == 0) return;
  encoder.finish();
  TermInfo info;
  info.doc_frequency = encoder.doc_frequency();
  info.collection_frequency = encoder.collection_frequency();
  info.postings_offset = postings_->offset();
  info.postings_length = postings_bytes_.size();
  postings_->write(postings_bytes_.bytes());
  positions_->write(positions_bytes_.bytes());
  info.positions_offset = positions_offset;
  info.positions_length = positions_->offset() - positions_offset;
  dictionary_->add(term, info);
}

SegmentEntry SegmentWriter::finish() {
  dictionary_->finish();
  entry_.files[static_cast<size_t>(SegmentFile::terms)] = terms_->finish();
  entry_.files[static_cast<size_t>(SegmentFile::postings)] = postings_->finish();
  entry_.files[static_cast<size_t>(SegmentFile::positions)] = positions_->finish();
  FileWriter columns(path(SegmentFile::columns), FileKind::columns);
  write_columns(columns_, entry_.total_length, columns);
  entry_.files[static_cast<size_t>(SegmentFile::columns)] = columns.finish();
  StoreResult stored = store_.get();
  entry_.files[static_cast<size_t>(SegmentFile::store)] = stored.store;
  // Written here, not on the store thread: the statement postings are
  // complete only once every term is.
  statement_postings_->add_speaker_names();
  FileWriter statements(path(SegmentFile::statements), FileKind::statements);
  stored.statements->write(statements, *statement_postings_);
  entry_.files[static_cast<size_t>(SegmentFile::statements)] = statements.finish();
  entry_.text_bytes = stored.text_bytes;
  return entry_;
}

}  // namespace attache::storage
