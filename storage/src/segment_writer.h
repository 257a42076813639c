// Writes one immutable segment's files: terms in ascending order with
// their postings, the documents and their statements (on a second thread
// meanwhile) and the per-document columns. Used by flushes and by merges.
#pragma once

#include <filesystem>
#include <future>
#include <memory>
#include <string_view>
#include <vector>

#include "doc_store.h"
#include "file_format.h"
#include "manifest.h"
#include "postings_codec.h"
#include "statements_file.h"
#include "statement_postings.h"
#include "term_dictionary.h"

namespace attache::storage {

// The per-document values of a segment (.columns), one of each per document.
struct DocumentColumns {
  std::vector<Day> dates;
  std::vector<uint32_t> lengths;
  std::vector<Signature> signatures;
  DocumentStatements statements;  // their spans and confidences, for the statement postings
};

class SegmentWriter {
 public:
  // Columns in id order; dates must be ascending. Starts compressing the
  // documents (which must outlive finish()) right away. `word_pairs`: the
  // terms given include every document's word pairs (word_pairs.h), which the
  // .terms file's version then says (3; else 2, and the caller gives none).
  SegmentWriter(const std::filesystem::path& dir, uint64_t segment_id, DocumentColumns columns,
                DocumentSource documents, const StoreCompression& compression, bool word_pairs);
  ~SegmentWriter();

  void add_term(std::string_view term, const TermPostings& postings);
  // The same, streamed: fill hands every document of the term to the encoder
  // in ascending order. A term given no document is left out.
  void add_term(std::string_view term, bool positional, const std::function<void(TermEncoder&)>& fill);
  SegmentEntry finish();

 private:
  std::filesystem::path path(SegmentFile file) const;

  std::filesystem::path dir_;
  SegmentEntry entry_;
  DocumentColumns columns_;
  DocumentSource documents_;
  struct StoreResult {
    FileSummary store;
    std::unique_ptr<StatementsWriter> statements;
    uint64_t text_bytes = 0;
  };
  std::future<StoreResult> store_;
  std::unique_ptr<FileWriter> terms_, postings_, positions_;
  std::unique_ptr<TermDictionaryWriter> dictionary_;
  std::unique_ptr<StatementPostingsWriter> statement_postings_;
  ByteWriter postings_bytes_, positions_bytes_;
};

}  // namespace attache::storage
