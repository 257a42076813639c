// Term dictionary writer and reader.
#include "term_dictionary.h"

#include <algorithm>

#include "file_format.h"

namespace attache::storage {
namespace {

// Three offsets and a term of at least its length byte.
constexpr size_t kMinIndexEntryBytes = 3 * 8 + 1;

}  // namespace

void TermDictionaryWriter::add(std::string_view term, const TermInfo& info) {
  if (in_block_ == 0) {
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
  uint64_t index_offset = out_.offset();
  out_.write(index_.bytes());
  ByteWriter trailer;
  trailer.u64(index_offset);
  trailer.u64(term_count_);
  trailer.u32(block_count_);
  out_.write(trailer.bytes());
}

TermDictionary::TermDictionary(const MappedFile& file, std::optional<uint64_t> ends_at) : file_(file) {
  constexpr uint64_t kTrailer = 20;
  const uint64_t end = ends_at.value_or(file.body_end());
  if (end > file.body_end() || end - file.body_begin() < kTrailer) file.fail("term dictionary trailer missing");
  const uint8_t* trailer = file.verified(end - kTrailer, kTrailer);
  index_offset_ = load_u64(trailer);
  term_count_ = load_u64(trailer + 8);
  uint32_t block_count = load_u32(trailer + 16);
  if (index_offset_ < file.body_begin() || index_offset_ > end - kTrailer)
    file.fail("term index offset outside the file");
  uint64_t index_length = end - kTrailer - index_offset_;
  const uint8_t* p = file.verified(index_offset_, index_length);
  ByteReader in(p, p + index_length, &file.name());
  in.check_count(block_count, kMinIndexEntryBytes);
  blocks_.reserve(block_count);
  for (uint32_t b = 0; b < block_count; ++b) {
    BlockRef ref;
    ref.offset = in.u64();
    ref.postings_offset = in.u64();
    ref.positions_offset = in.u64();
    ref.first_term = std::string(in.string());
    if (ref.offset < file.body_begin() || ref.offset >= index_offset_ ||
        (b > 0 && (ref.offset <= blocks_.back().offset || ref.first_term <= blocks_.back().first_term)))
      file.fail("term index out of order");
    blocks_.push_back(std::move(ref));
  }
  if (!in.at_end()) file.fail("term index has trailing bytes");
  if ((block_count == 0) != (term_count_ == 0) || term_count_ > uint64_t{block_count} * kTermsPerBlock)
    file.fail("term count disagrees with the block count");
}

bool TermDictionary::walk_block(size_t b, const std::function<bool(std::string_view, const TermInfo&)>& visit) const {
  const BlockRef& ref = blocks_[b];
  uint64_t end = b + 1 < blocks_.size() ? blocks_[b + 1].offset : index_offset_;
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

std::optional<TermInfo> TermDictionary::find(std::string_view term) const {
  auto it = std::upper_bound(blocks_.begin(), blocks_.end(), term,
                             [](std::string_view t, const BlockRef& b) { return t < b.first_term; });
  if (it == blocks_.begin()) return std::nullopt;
  std::optional<TermInfo> found;
  walk_block(static_cast<size_t>(it - blocks_.begin()) - 1, [&](std::string_view t, const TermInfo& info) {
    if (t < term) return true;
    if (t == term) found = info;
    return false;
  });
  return found;
}

void TermDictionary::scan(std::string_view prefix,
                          const std::function<bool(std::string_view, const TermInfo&)>& visit) const {
  auto it = std::upper_bound(blocks_.begin(), blocks_.end(), prefix,
                             [](std::string_view t, const BlockRef& b) { return t < b.first_term; });
  size_t b = it == blocks_.begin() ? 0 : static_cast<size_t>(it - blocks_.begin()) - 1;
  bool done = false;
  for (; b < blocks_.size() && !done; ++b) {
    walk_block(b, [&](std::string_view t, const TermInfo& info) {
      if (t < prefix) return true;
      if (t.substr(0, prefix.size()) != prefix) {
        done = true;
        return false;
      }
      if (!visit(t, info)) {
        done = true;
        return false;
      }
      return true;
    });
  }
}

TermDictionary::Iterator::Iterator(const TermDictionary& dictionary) : dictionary_(dictionary) { load(0); }

void TermDictionary::Iterator::load(size_t block) {
  block_ = block;
  index_ = 0;
  entries_.clear();
  if (block >= dictionary_.blocks_.size()) return;
  dictionary_.walk_block(block, [&](std::string_view t, const TermInfo& info) {
    entries_.emplace_back(std::string(t), info);
    return true;
  });
}

void TermDictionary::Iterator::next() {
  if (++index_ >= entries_.size()) load(block_ + 1);
}

}  // namespace attache::storage
