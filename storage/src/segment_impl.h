// The insides of a Segment, shared by the reader and the merger.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "attache/storage/index_reader.h"
#include "attache/storage/statement_index.h"
#include "bytes.h"
#include "doc_store.h"
#include "file_format.h"
#include "manifest.h"
#include "statements_file.h"
#include "term_dictionary.h"

namespace attache::storage {

struct Segment::Impl {
  SegmentEntry entry;
  std::string name;
  std::unique_ptr<MappedFile> files[kSegmentFileCount];
  std::unique_ptr<MappedFile> deletions;
  std::unique_ptr<TermDictionary> dictionary;
  std::unique_ptr<DocStore> store;
  std::unique_ptr<StatementsReader> statements;
  std::once_flag statement_index_loaded;
  std::unique_ptr<StatementIndex> statement_index;  // version 4 statements files, on first use
  std::once_flag speaker_months_loaded;
  std::optional<SpeakerMonths> speaker_months;  // version 5, live statements only, on first use
  // Columns
  Day date_base = 0;
  int date_width = 0;
  const uint8_t* dates = nullptr;
  int length_width = 0;
  const uint8_t* lengths = nullptr;
  const uint8_t* signatures = nullptr;  // kSignatureSize u16 a document; null before version 2
  const uint8_t* deleted_bits = nullptr;

  const MappedFile& file(SegmentFile f) const { return *files[static_cast<size_t>(f)]; }

  void open_columns() {
    const MappedFile& f = file(SegmentFile::columns);
    uint64_t length = f.body_end() - f.body_begin();
    const uint8_t* p = f.verified(f.body_begin(), length);  // small: verified whole
    ByteReader in(p, p + length, &f.name());
    if (in.u32() != entry.doc_count) f.fail("document count disagrees with the manifest");
    if (in.u64() != entry.total_length) f.fail("total length disagrees with the manifest");
    date_base = static_cast<Day>(in.u32());
    date_width = in.u8();
    if (date_width > 32) f.fail("invalid date column width");
    // date() adds a column value to the base: every value the width allows
    // must keep the sum a Day.
    if (int64_t{date_base} + ((int64_t{1} << date_width) - 1) > INT32_MAX) f.fail("date column overflows");
    uint64_t n = entry.doc_count;
    dates = in.take((n * date_width + 7) / 8 + 8);
    length_width = in.u8();
    if (length_width > 32) f.fail("invalid length column width");
    lengths = in.take((n * length_width + 7) / 8 + 8);
    if (f.version() >= 2) {
      if (in.u8() != kSignatureSize) f.fail("signatures of an unknown size");
      signatures = in.take(n * kSignatureSize * 2);
    }
    if (!in.at_end()) f.fail("trailing bytes after the columns");
  }

  void open_deletions(const std::filesystem::path& dir) {
    if (entry.deletion_generation == 0) return;
    std::string file_name = deletions_file_name(entry.id, entry.deletion_generation);
    deletions = std::make_unique<MappedFile>(dir / file_name, file_name, FileKind::deletions);
    uint64_t length = deletions->body_end() - deletions->body_begin();
    const uint8_t* p = deletions->verified(deletions->body_begin(), length);
    ByteReader in(p, p + length, &deletions->name());
    if (in.u32() != entry.doc_count) deletions->fail("document count disagrees with the manifest");
    if (in.u32() != entry.deleted_count) deletions->fail("deleted count disagrees with the manifest");
    deleted_bits = in.take((entry.doc_count + 7) / 8);
    if (!in.at_end()) deletions->fail("trailing bytes after the bitmap");
  }
};

}  // namespace attache::storage
