// Term dictionary writer and reader.
#include "term_dictionary.h"

#include <algorithm>

#include "file_format.h"

namespace attache::storage {
namespace {

// Three offsets and a term of at least its length byte.
constexpr size_t kMinIndexEntryBytes = 3 * 8 + 1;
// Two offsets and a term of at least its length byte.
constexpr size_t kMinSparseEntryBytes = 2 * 8 + 1;
constexpr uint64_t kTrailerBytes = 20;        // block index offset, term count, block count
constexpr uint64_t kSparseTrailerBytes = 28;  // block index offset, sparse index offset, term count, block count

bool has_sparse_index(const MappedFile& file) {
  return file.kind() == FileKind::terms && file.version() >= 2;
}

}  // namespace

void TermDictionaryWriter::add(std::string_view term, const TermInfo& info) {
  if (in_block_ == 0) {
    if (sparse_index_ && block_count_ % kBlocksPerRun == 0) {
      sparse_.u64(out_.offset());
      sparse_.u64(index_.size());  // the entry's place in the index; its offset is known in finish()
      sparse_.string(term);
    }
    index_.u64(out_.offset());
    index_.u64(info.postings_offset);
    index_.u64(info.positions_offset);
    index_.string(term);
    previous_.clear();
    ++block_count_;
  }
  size_t shared = 0;
  size_t limit = std::min(previous_.size(), term.size());
  while (shared < limit && previous_[shared] == term[shared]) ++shared;
  block_.varint(shared);
  block_.string(term.substr(shared));
  block_.varint(info.doc_frequency);
  block_.varint(info.collection_frequency - info.doc_frequency);
  block_.varint(info.postings_length);
  block_.varint(info.positions_length);
  previous_.assign(term);
  ++term_count_;
  if (++in_block_ == kTermsPerBlock) flush_block();
}

void TermDictionaryWriter::flush_block() {
  out_.write(block_.bytes());
  block_.clear();
  in_block_ = 0;
}

void TermDictionaryWriter::finish() {
  if (in_block_ > 0) flush_block();
  const uint64_t index_offset = out_.offset();
  out_.write(index_.bytes());
  ByteWriter trailer;
  trailer.u64(index_offset);
  if (sparse_index_) {
    // Now that the index's offset is known, each run's entry gets its offset in the file.
    const uint64_t sparse_offset = out_.offset();
    ByteReader in(sparse_.bytes().data(), sparse_.bytes().data() + sparse_.size(), nullptr);
    ByteWriter sparse;
    while (!in.at_end()) {
      const uint64_t block_offset = in.u64();
      sparse.u64(index_offset + in.u64());
      sparse.u64(block_offset);
      sparse.string(in.string());
    }
    out_.write(sparse.bytes());
    trailer.u64(sparse_offset);
  }
  trailer.u64(term_count_);
  trailer.u32(block_count_);
  out_.write(trailer.bytes());
}

TermDictionary::TermDictionary(const MappedFile& file, std::optional<uint64_t> ends_at) : file_(file) {
  const bool sparse = has_sparse_index(file);
  const uint64_t trailer_bytes = sparse ? kSparseTrailerBytes : kTrailerBytes;
  const uint64_t end = ends_at.value_or(file.body_end());
  if (end > file.body_end() || end - file.body_begin() < trailer_bytes) file.fail("term dictionary trailer missing");
  const uint64_t trailer_offset = end - trailer_bytes;
  const uint8_t* trailer = file.verified(trailer_offset, trailer_bytes);
  index_offset_ = load_u64(trailer);
  sparse_offset_ = sparse ? load_u64(trailer + 8) : trailer_offset;
  term_count_ = load_u64(trailer + trailer_bytes - 12);
  block_count_ = load_u32(trailer + trailer_bytes - 4);
  if (index_offset_ < file.body_begin() || index_offset_ > sparse_offset_ || sparse_offset_ > trailer_offset)
    file.fail("term index offset outside the file");
  if ((block_count_ == 0) != (term_count_ == 0) || term_count_ > uint64_t{block_count_} * kTermsPerBlock)
    file.fail("term count disagrees with the block count");
  if (sparse)
    read_sparse_index(sparse_offset_, trailer_offset, block_count_);
  else
    decode_entries(index_offset_, sparse_offset_, block_count_, whole_);
}

void TermDictionary::read_sparse_index(uint64_t offset, uint64_t end, uint32_t block_count) {
  const uint8_t* p = file_.verified(offset, end - offset);
  ByteReader in(p, p + (end - offset), &file_.name());
  const uint64_t count = (uint64_t{block_count} + kBlocksPerRun - 1) / kBlocksPerRun;
  in.check_count(count, kMinSparseEntryBytes);
  runs_.reserve(count);
  for (uint64_t r = 0; r < count; ++r) {
    Run run;
    run.entry_offset = in.u64();
    run.block_offset = in.u64();
    run.first_term = in.string();
    const bool first = runs_.empty();
    if (first ? run.entry_offset != index_offset_ || run.block_offset != file_.body_begin()
              : run.entry_offset <= runs_.back().entry_offset || run.block_offset <= runs_.back().block_offset ||
                    run.first_term <= runs_.back().first_term)
      file_.fail("sparse term index out of order");
    if (run.entry_offset >= sparse_offset_ || run.block_offset >= index_offset_)
      file_.fail("sparse term index points outside the term index");
    runs_.push_back(run);
  }
  if (!in.at_end()) file_.fail("sparse term index has trailing bytes");
}

// Entries are checked as decoded: ascending offsets and terms inside their
// bounds, exactly `count` of them filling [offset, end).
void TermDictionary::decode_entries(uint64_t offset, uint64_t end, size_t count, std::vector<BlockRef>& out) const {
  const uint8_t* p = file_.verified(offset, end - offset);
  ByteReader in(p, p + (end - offset), &file_.name());
  in.check_count(count, kMinIndexEntryBytes);
  out.clear();
  out.reserve(count);
  for (size_t b = 0; b < count; ++b) {
    BlockRef ref;
    ref.offset = in.u64();
    ref.postings_offset = in.u64();
    ref.positions_offset = in.u64();
    ref.first_term = in.string();
    if (ref.offset < file_.body_begin() || ref.offset >= index_offset_ ||
        (b > 0 && (ref.offset <= out.back().offset || ref.first_term <= out.back().first_term)))
      file_.fail("term index out of order");
    out.push_back(ref);
  }
  if (!in.at_end()) file_.fail("term index has trailing bytes");
}

TermDictionary::RunBlocks TermDictionary::run(size_t r, std::vector<BlockRef>& scratch) const {
  if (runs_.empty()) return {whole_, index_offset_};
  const Run& first = runs_[r];
  const bool last = r + 1 == runs_.size();
  const uint64_t entries_end = last ? sparse_offset_ : runs_[r + 1].entry_offset;
  const uint64_t blocks_end = last ? index_offset_ : runs_[r + 1].block_offset;
  decode_entries(first.entry_offset, entries_end, last ? block_count_ - r * kBlocksPerRun : kBlocksPerRun, scratch);
  if (scratch.front().offset != first.block_offset || scratch.front().first_term != first.first_term ||
      scratch.back().offset >= blocks_end)
    file_.fail("term index disagrees with its sparse index");
  return {scratch, blocks_end};
}

size_t TermDictionary::run_of(std::string_view term) const {
  if (runs_.empty()) return 0;
  auto it = std::upper_bound(runs_.begin(), runs_.end(), term, [](std::string_view t, const Run& r) { return t < r.first_term; });
  return it == runs_.begin() ? run_count() : static_cast<size_t>(it - runs_.begin()) - 1;
}

bool TermDictionary::walk_block(const BlockRef& ref, uint64_t end,
                                const std::function<bool(std::string_view, const TermInfo&)>& visit) const {
  const uint8_t* p = file_.verified(ref.offset, end - ref.offset);
  ByteReader in(p, p + (end - ref.offset), &file_.name());
  std::string term;
  TermInfo info;
  info.postings_offset = ref.postings_offset;
  info.positions_offset = ref.positions_offset;
  uint64_t next_postings = ref.postings_offset, next_positions = ref.positions_offset;
  bool first = true;
  while (!in.at_end()) {
    uint64_t shared = in.varint();
    std::string_view suffix = in.string();
    if (shared > term.size()) in.fail("term shares more bytes than its predecessor has");
    term.resize(shared);
    term.append(suffix);
    if (first && term != ref.first_term) in.fail("block does not start with its indexed term");
    first = false;
    info.doc_frequency = in.varint32();
    info.collection_frequency = in.add(uint64_t{info.doc_frequency}, in.varint(), "collection frequency overflows");
    info.postings_offset = next_postings;
    info.positions_offset = next_positions;
    info.postings_length = in.varint();
    info.positions_length = in.varint();
    next_postings = in.add(next_postings, info.postings_length, "postings offsets overflow");
    next_positions = in.add(next_positions, info.positions_length, "positions offsets overflow");
    if (info.doc_frequency == 0) in.fail("term with no documents");
    if (!visit(term, info)) return false;
  }
  return true;
}

void TermDictionary::walk_from(std::string_view term,
                               const std::function<bool(const BlockRef&, uint64_t end)>& visit) const {
  if (block_count_ == 0) return;
  size_t r = run_of(term);
  if (r == run_count()) r = 0;  // before the first term: from the start
  std::vector<BlockRef> scratch;
  for (bool first_run = true; r < run_count(); ++r, first_run = false) {
    const RunBlocks blocks = run(r, scratch);
    auto it = std::upper_bound(blocks.blocks.begin(), blocks.blocks.end(), term,
                               [](std::string_view t, const BlockRef& b) { return t < b.first_term; });
    size_t b = !first_run || it == blocks.blocks.begin() ? 0 : static_cast<size_t>(it - blocks.blocks.begin()) - 1;
    for (; b < blocks.blocks.size(); ++b) {
      const uint64_t end = b + 1 < blocks.blocks.size() ? blocks.blocks[b + 1].offset : blocks.end;
      if (!visit(blocks.blocks[b], end)) return;
    }
  }
}

std::optional<TermInfo> TermDictionary::find(std::string_view term) const {
  std::optional<TermInfo> found;
  walk_from(term, [&](const BlockRef& ref, uint64_t end) {
    if (term < ref.first_term) return false;
    walk_block(ref, end, [&](std::string_view t, const TermInfo& info) {
      if (t < term) return true;
      if (t == term) found = info;
      return false;
    });
    return false;
  });
  return found;
}

void TermDictionary::scan(std::string_view prefix,
                          const std::function<bool(std::string_view, const TermInfo&)>& visit) const {
  bool done = false;
  walk_from(prefix, [&](const BlockRef& ref, uint64_t end) {
    walk_block(ref, end, [&](std::string_view t, const TermInfo& info) {
      if (t < prefix) return true;
      done = t.substr(0, prefix.size()) != prefix || !visit(t, info);
      return !done;
    });
    return !done;
  });
}

TermDictionary::Iterator::Iterator(const TermDictionary& dictionary) : dictionary_(dictionary) { load(0); }

void TermDictionary::Iterator::load(size_t block) {
  block_ = block;
  index_ = 0;
  entries_.clear();
  if (block >= dictionary_.block_count_) return;
  const bool one_run = dictionary_.runs_.empty();
  std::vector<BlockRef> scratch;
  const RunBlocks blocks = dictionary_.run(one_run ? 0 : block / kBlocksPerRun, scratch);
  const size_t b = one_run ? block : block % kBlocksPerRun;
  const uint64_t end = b + 1 < blocks.blocks.size() ? blocks.blocks[b + 1].offset : blocks.end;
  dictionary_.walk_block(blocks.blocks[b], end, [&](std::string_view t, const TermInfo& info) {
    entries_.emplace_back(std::string(t), info);
    return true;
  });
}

void TermDictionary::Iterator::next() {
  if (++index_ >= entries_.size()) load(block_ + 1);
}

}  // namespace attache::storage
