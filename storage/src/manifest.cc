// Reading and atomically replacing the manifest.
#include "manifest.h"

#include <cstdio>

#include "attache/storage/error.h"
#include "attache/storage/bytes.h"
#include "io.h"

namespace attache::storage {

const char* extension(SegmentFile file) {
  switch (file) {
    case SegmentFile::terms: return "terms";
    case SegmentFile::postings: return "postings";
    case SegmentFile::positions: return "positions";
    case SegmentFile::store: return "store";
    case SegmentFile::columns: return "columns";
    case SegmentFile::statements: return "statements";
  }
  return "?";
}

FileKind file_kind(SegmentFile file) {
  switch (file) {
    case SegmentFile::terms: return FileKind::terms;
    case SegmentFile::postings: return FileKind::postings;
    case SegmentFile::positions: return FileKind::positions;
    case SegmentFile::store: return FileKind::store;
    case SegmentFile::columns: return FileKind::columns;
    case SegmentFile::statements: return FileKind::statements;
  }
  return FileKind::terms;
}

std::string segment_stem(uint64_t id) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "seg-%06llu", static_cast<unsigned long long>(id));
  return buf;
}

std::string segment_file_name(uint64_t id, SegmentFile file) {
  return segment_stem(id) + "." + extension(file);
}

std::string deletions_file_name(uint64_t id, uint64_t generation) {
  return segment_stem(id) + ".deleted-" + std::to_string(generation);
}

namespace {

std::string hex16(uint64_t value) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
  return text;
}

}  // namespace

std::string derived_file_name(std::string_view name, uint64_t manifest_checksum) {
  std::string file_name = "derived-";
  (file_name += name) += '-';
  return file_name += hex16(manifest_checksum);
}

bool is_derived_file_name(std::string_view file_name) { return file_name.starts_with("derived-"); }

bool derived_from(std::string_view file_name, uint64_t manifest_checksum) {
  std::string key(1, '-');
  key += hex16(manifest_checksum);
  return is_derived_file_name(file_name) && file_name.ends_with(key);
}

std::optional<Manifest> read_manifest(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::exists(dir / kManifestName, ec)) return std::nullopt;
  MappedFile file(dir / kManifestName, kManifestName, FileKind::manifest);
  file.verify_all();  // small, and everything else is trusted through it
  const uint8_t* p = file.verified(file.body_begin(), file.body_end() - file.body_begin());
  ByteReader in(p, p + (file.body_end() - file.body_begin()), &file.name());
  Manifest m;
  m.checksum = file.footer_checksum();
  m.generation = in.u64();
  m.next_segment_id = in.u64();
  uint32_t count = in.u32();
  if (count > in.remaining() / 160) in.fail("segment count exceeds the manifest size");
  for (uint32_t i = 0; i < count; ++i) {
    SegmentEntry s;
    s.id = in.u64();
    s.doc_count = in.u32();
    s.deleted_count = in.u32();
    s.deletion_generation = in.u64();
    s.deletions.size = in.u64();
    s.deletions.checksum = in.u64();
    s.total_length = in.u64();
    s.text_bytes = in.u64();
    s.min_date = static_cast<Day>(in.u32());
    s.max_date = static_cast<Day>(in.u32());
    for (FileSummary& f : s.files) {
      f.size = in.u64();
      f.checksum = in.u64();
    }
    if (s.id == 0 || s.id >= m.next_segment_id || s.deleted_count > s.doc_count)
      in.fail("segment entry " + std::to_string(i) + " is inconsistent");
    m.segments.push_back(s);
  }
  if (!in.at_end()) in.fail("trailing bytes after the segment list");
  return m;
}

uint64_t write_manifest(const std::filesystem::path& dir, const Manifest& m) {
  ByteWriter body;
  body.u64(m.generation);
  body.u64(m.next_segment_id);
  body.u32(static_cast<uint32_t>(m.segments.size()));
  for (const SegmentEntry& s : m.segments) {
    body.u64(s.id);
    body.u32(s.doc_count);
    body.u32(s.deleted_count);
    body.u64(s.deletion_generation);
    body.u64(s.deletions.size);
    body.u64(s.deletions.checksum);
    body.u64(s.total_length);
    body.u64(s.text_bytes);
    body.u32(static_cast<uint32_t>(s.min_date));
    body.u32(static_cast<uint32_t>(s.max_date));
    for (const FileSummary& f : s.files) {
      body.u64(f.size);
      body.u64(f.checksum);
    }
  }
  const auto temporary = dir / kManifestTemporaryName;
  io::remove(temporary);  // a leftover of an interrupted commit; creating the file reports what matters
  FileWriter out(temporary, FileKind::manifest);
  out.write(body.bytes());
  const FileSummary written = out.finish();  // fsyncs
  if (io::rename(temporary, dir / kManifestName) != 0)
    throw_io((dir / kManifestName).string(), "cannot rename the new manifest into place");
  sync_directory(dir);
  return written.checksum;
}

std::vector<std::string> referenced_files(const Manifest& m) {
  std::vector<std::string> names{kManifestName, kLockName};
  for (const SegmentEntry& s : m.segments) {
    for (size_t f = 0; f < kSegmentFileCount; ++f) names.push_back(segment_file_name(s.id, static_cast<SegmentFile>(f)));
    if (s.deletion_generation) names.push_back(deletions_file_name(s.id, s.deletion_generation));
  }
  return names;
}

}  // namespace attache::storage
