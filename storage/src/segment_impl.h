// The insides of a Segment, shared by the reader and the merger.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "attache/storage/index_reader.h"
#include "attache/storage/statement_index.h"
#include "attache/storage/bytes.h"
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
  std::once_flag statements_opened;
  std::unique_ptr<StatementsReader> statements;  // on first use: an article query reads no statement
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
  uint64_t signatures_offset = 0;  // kSignatureSize u16 a document from here; 0 before version 2
  const uint8_t* deleted_bits = nullptr;

  const MappedFile& file(SegmentFile f) const { return *files[static_cast<size_t>(f)]; }

  const StatementsReader& statements_reader() {
    std::call_once(statements_opened, [&] {
      statements = std::make_unique<StatementsReader>(file(SegmentFile::statements), entry.doc_count);
    });
    return *statements;
  }

  // Checks the columns' header and sizes, and verifies the dates and lengths
  // (a query's scoring and output read them). The signatures, nearly all of
  // the file, are verified a document at a time when read (signature_bytes):
  // only finding near-duplicates and merging read them, and opening a
  // segment cold would otherwise read them all from disk.
  void open_columns() {
    const MappedFile& f = file(SegmentFile::columns);
    constexpr uint64_t kFixed = 4 + 8 + 4 + 1;  // count, total length, date base, date width
    const uint64_t body = f.body_end() - f.body_begin();
    if (body < kFixed) f.fail("columns header missing");
    const uint8_t* fixed = f.verified(f.body_begin(), kFixed);
    ByteReader head(fixed, fixed + kFixed, &f.name());
    if (head.u32() != entry.doc_count) f.fail("document count disagrees with the manifest");
    if (head.u64() != entry.total_length) f.fail("total length disagrees with the manifest");
    date_base = static_cast<Day>(head.u32());
    date_width = head.u8();
    if (date_width > 32) f.fail("invalid date column width");
    // date() adds a column value to the base: every value the width allows
    // must keep the sum a Day.
    if (int64_t{date_base} + ((int64_t{1} << date_width) - 1) > INT32_MAX) f.fail("date column overflows");
    const uint64_t n = entry.doc_count;
    const uint64_t date_bytes = (n * date_width + 7) / 8 + 8;
    if (date_bytes + 1 > body - kFixed) f.fail("date column runs past the end of the file");
    const uint8_t* p = f.verified(f.body_begin(), kFixed + date_bytes + 1);
    dates = p + kFixed;
    length_width = p[kFixed + date_bytes];
    if (length_width > 32) f.fail("invalid length column width");
    const uint64_t length_offset = f.body_begin() + kFixed + date_bytes + 1;
    const uint64_t length_bytes = (n * length_width + 7) / 8 + 8;
    uint64_t left = f.body_end() - length_offset;
    if (length_bytes > left) f.fail("length column runs past the end of the file");
    lengths = f.verified(length_offset, length_bytes);
    left -= length_bytes;
    if (f.version() >= 2) {
      if (left < 1 || *f.verified(length_offset + length_bytes, 1) != kSignatureSize)
        f.fail("signatures of an unknown size");
      signatures_offset = length_offset + length_bytes + 1;
      left -= 1;
      if (left < n * kSignatureSize * 2) f.fail("signatures run past the end of the file");
      left -= n * kSignatureSize * 2;
    }
    if (left != 0) f.fail("trailing bytes after the columns");
  }

  // A document's signature, its checksum chunks verified; null before version 2.
  const uint8_t* signature_bytes(uint32_t doc) const {
    if (signatures_offset == 0) return nullptr;
    constexpr uint64_t kBytes = kSignatureSize * 2;
    return file(SegmentFile::columns).verified(signatures_offset + doc * kBytes, kBytes);
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
