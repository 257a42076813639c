// Document store writer and reader over zstd with a trained dictionary.
#include "doc_store.h"

#include <zdict.h>
// For ZSTD_createDDict_byReference: zstd's "static linking only" section, which
// Debian's shared libzstd exports too.
#define ZSTD_STATIC_LINKING_ONLY
#include <zstd.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <mutex>

#include "attache/storage/error.h"
#include "attache/storage/bytes.h"

namespace attache::storage {
namespace {

// A page of hits decompresses a block per hit, all of it. A block holds
// articles up to this many bytes, or one longer article alone: a hit's block
// is then mostly the hit. On 20,000 generated articles (6 KB each) this cut the
// decompression of 32 pages from 118 M instructions (16 KiB blocks filled past
// the target, 19.9 KB read per hit) to 48 M, and the store grew 2.2% (the
// dictionary carries what a block's articles would share).
constexpr size_t kTargetBlockBytes = 8 * 1024;
// A larger dictionary than zstd's usual 110 KiB: news repeats phrases across
// many articles, and 256 KiB made the store 7% smaller than 64 KiB did. For a
// merge at level 12 of 100,000 articles, 1 MiB made the store 5% smaller again
// but the merge 1.5 times as long, and a page slower warm and cold in each of
// five turns (BENCHMARKS.md, "A smaller store from merges and optimize").
constexpr size_t kDictionaryCapacity = 256 * 1024;
// Below this much text a dictionary costs more than it saves.
constexpr uint64_t kMinBytesForDictionary = 256 * 1024;
// A block holds about kTargetBlockBytes at most, or one article (the indexer takes
// articles of up to 64 MiB; older blocks held under 64 KiB plus one article);
// a larger length read from a file is damage, and is refused before anything
// is allocated for it.
constexpr uint32_t kMaxRawBlockBytes = 256u << 20;

void serialise(const StoredDocument& d, ByteWriter& out) {
  out.string(d.id);
  out.string(d.title);
  out.string(d.source);
  out.string(d.url);
  out.string(d.text);
  out.string(d.author);
  out.string(d.place);
  out.string(d.language);
}

// A version-1 record ends after the text: no author, place or language.
StoredDocument deserialise(ByteReader& in, uint32_t version) {
  StoredDocument d;
  d.id = in.string();
  d.title = in.string();
  d.source = in.string();
  d.url = in.string();
  d.text = in.string();
  if (version >= 2) {
    d.author = in.string();
    d.place = in.string();
    d.language = in.string();
  }
  return d;
}

uint64_t field_bytes(const StoredDocument& d) {
  return d.id.size() + d.title.size() + d.source.size() + d.url.size() + d.text.size();
}

// Trains on records sampled evenly across the segment, up to the training bytes.
std::vector<uint8_t> train_dictionary(const DocumentSource& documents, uint64_t total_bytes,
                                      const StoreCompression& compression) {
  if (total_bytes < kMinBytesForDictionary || documents.count < 16) return {};
  ByteWriter samples;
  std::vector<size_t> sizes;
  uint64_t stride = std::max<uint64_t>(1, total_bytes / compression.training_bytes + 1);
  for (uint64_t i = 0; i < documents.count; i += stride) {
    size_t before = samples.size();
    serialise(documents.fetch(static_cast<uint32_t>(i)), samples);
    sizes.push_back(samples.size() - before);
  }
  size_t capacity = static_cast<size_t>(std::min<uint64_t>(kDictionaryCapacity, total_bytes / 16));
  std::vector<uint8_t> dictionary(capacity);
  size_t n = ZDICT_trainFromBuffer(dictionary.data(), capacity, samples.bytes().data(), sizes.data(),
                                   static_cast<unsigned>(sizes.size()));
  if (ZDICT_isError(n)) return {};  // too few or too uniform samples: store without one
  dictionary.resize(n);
  return dictionary;
}

}  // namespace

uint64_t write_doc_store(const DocumentSource& documents, FileWriter& out, const StoreCompression& compression,
                         const std::function<void(const StoredDocument&)>& also) {
  // Text size decides whether to train; estimated from a sample for large sets.
  uint64_t sampled = 0, sample_count = 0;
  const uint32_t probe_stride = std::max<uint32_t>(1, documents.count / 1024);
  for (uint32_t i = 0; i < documents.count; i += probe_stride, ++sample_count) sampled += field_bytes(documents.fetch(i));
  uint64_t estimate = sample_count ? sampled * documents.count / sample_count : 0;
  std::vector<uint8_t> dictionary = train_dictionary(documents, estimate, compression);
  const int level = compression.level;

  ByteWriter head;
  head.u32(static_cast<uint32_t>(dictionary.size()));
  out.write(head.bytes());
  out.write(dictionary);

  // Owned, so a write that throws (a full disk) frees them.
  std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)> owned_cctx(ZSTD_createCCtx(), ZSTD_freeCCtx);
  std::unique_ptr<ZSTD_CDict, decltype(&ZSTD_freeCDict)> owned_cdict(
      dictionary.empty() ? nullptr : ZSTD_createCDict(dictionary.data(), dictionary.size(), level), ZSTD_freeCDict);
  ZSTD_CCtx* cctx = owned_cctx.get();
  ZSTD_CDict* cdict = owned_cdict.get();
  ByteWriter index, raw;
  std::vector<uint8_t> compressed;
  uint32_t block_count = 0, first_doc = 0;
  auto flush = [&](uint32_t next_first) {
    if (raw.size() == 0) return;
    compressed.resize(ZSTD_compressBound(raw.size()));
    size_t n = cdict ? ZSTD_compress_usingCDict(cctx, compressed.data(), compressed.size(), raw.bytes().data(),
                                                raw.size(), cdict)
                     : ZSTD_compressCCtx(cctx, compressed.data(), compressed.size(), raw.bytes().data(), raw.size(), level);
    if (ZSTD_isError(n)) {
      throw Error(ErrorKind::io, std::string("zstd compression failed: ") + ZSTD_getErrorName(n));
    }
    index.u32(first_doc);
    index.u64(out.offset());
    index.u32(static_cast<uint32_t>(n));
    index.u32(static_cast<uint32_t>(raw.size()));
    out.write(compressed.data(), n);
    raw.clear();
    first_doc = next_first;
    ++block_count;
  };
  ByteWriter record;
  uint64_t text_bytes = 0;
  for (uint32_t i = 0; i < documents.count; ++i) {
    const StoredDocument& doc = documents.fetch(i);
    also(doc);
    text_bytes += field_bytes(doc);
    record.clear();
    serialise(doc, record);
    if (raw.size() > 0 && raw.size() + record.size() > kTargetBlockBytes) flush(i);
    raw.varint(record.size());
    raw.raw(record.bytes().data(), record.size());
    if (raw.size() >= kTargetBlockBytes) flush(i + 1);
  }
  flush(documents.count);

  uint64_t index_offset = out.offset();
  out.write(index.bytes());
  ByteWriter trailer;
  trailer.u64(index_offset);
  trailer.u32(block_count);
  trailer.u32(documents.count);
  out.write(trailer.bytes());
  return text_bytes;
}

struct DocStore::Zstd {
  ZSTD_DDict* ddict = nullptr;  // shared: zstd only reads a digested dictionary
  ~Zstd() { ZSTD_freeDDict(ddict); }
};

namespace {

// One decompression context per thread, for every store: the server's threads
// decompress at once instead of taking turns on a context per segment.
ZSTD_DCtx* thread_dctx() {
  thread_local std::unique_ptr<ZSTD_DCtx, decltype(&ZSTD_freeDCtx)> dctx(ZSTD_createDCtx(), ZSTD_freeDCtx);
  if (!dctx) throw Error(ErrorKind::io, "out of memory for a zstd decompression context");
  return dctx.get();
}

}  // namespace

DocStore::DocStore(const MappedFile& file, uint32_t doc_count)
    : file_(file), doc_count_(doc_count), zstd_(std::make_unique<Zstd>()) {}

const DocStore::Tables& DocStore::tables() const {
  std::call_once(loaded_, [this] { load(); });
  return tables_;
}

// Builds the tables aside and keeps them only once all is checked: a failed
// load leaves nothing half-made for the next attempt.
constexpr uint64_t kBlockEntryBytes = 20;

void DocStore::load() const {
  const MappedFile& file = file_;
  const uint32_t doc_count = doc_count_;
  Tables loaded;
  uint64_t& dictionary_length = loaded.dictionary_length;
  constexpr uint64_t kTrailer = 16;
  uint64_t body = file.body_end() - file.body_begin();
  if (body < kTrailer + 4) file.fail("document store trailer missing");
  const uint8_t* trailer = file.verified(file.body_end() - kTrailer, kTrailer);
  uint64_t index_offset = load_u64(trailer);
  uint32_t block_count = load_u32(trailer + 8);
  if (load_u32(trailer + 12) != doc_count) file.fail("document count disagrees with the manifest");
  if (index_offset < file.body_begin() + 4 ||
      index_offset + uint64_t{block_count} * kBlockEntryBytes + kTrailer != file.body_end())
    file.fail("document store index out of place");
  dictionary_length = load_u32(file.verified(file.body_begin(), 4));
  if (file.body_begin() + 4 + dictionary_length > index_offset) file.fail("dictionary runs past the blocks");
  if ((block_count == 0) != (doc_count == 0)) file.fail("document store is missing blocks");
  loaded.index = file.verified(index_offset, uint64_t{block_count} * kBlockEntryBytes);
  loaded.block_count = block_count;
  loaded.blocks_begin = file.body_begin() + 4 + dictionary_length;
  loaded.blocks_end = index_offset;
  if (dictionary_length > 0) {
    const uint8_t* dict = file.verified(file.body_begin() + 4, dictionary_length);
    // By reference: the mapping outlives the store, and a copy of the 256 KiB
    // dictionary was 3% of a whole-process search (BENCHMARKS.md, "A lean attache").
    zstd_->ddict = ZSTD_createDDict_byReference(dict, dictionary_length);
    if (!zstd_->ddict) file.fail("invalid compression dictionary");
  }
  tables_ = std::move(loaded);
}

DocStore::~DocStore() = default;

uint32_t DocStore::first_doc(size_t b) const { return load_u32(tables().index + b * kBlockEntryBytes); }

DocStore::Block DocStore::block(size_t b) const {
  const Tables& t = tables();
  const uint8_t* entry = t.index + b * kBlockEntryBytes;
  const Block block{load_u32(entry), load_u64(entry + 4), load_u32(entry + 12), load_u32(entry + 16)};
  if (block.raw_length > kMaxRawBlockBytes) file_.fail("document store block " + std::to_string(b) + " too large");
  const bool last = b + 1 == t.block_count;
  const uint64_t next_offset = last ? t.blocks_end : load_u64(entry + kBlockEntryBytes + 4);
  const uint32_t next_first_doc = last ? doc_count_ : first_doc(b + 1);
  if (block.offset < t.blocks_begin || (b == 0 && (block.offset != t.blocks_begin || block.first_doc != 0)) ||
      (b > 0 && block.first_doc <= first_doc(b - 1)) ||
      next_offset > t.blocks_end || next_offset < block.offset || next_offset - block.offset != block.compressed_length ||
      next_first_doc <= block.first_doc || next_first_doc > doc_count_)
    file_.fail("document store block " + std::to_string(b) + " out of place");
  return block;
}

// A binary search over the entries as the file has them; the block found is
// checked to hold the document, so a damaged order fails instead of looping.
size_t DocStore::block_of(uint32_t doc) const {
  if (doc >= doc_count_) throw Error(ErrorKind::not_found, "no document " + std::to_string(doc) + " in " + file_.name());
  size_t low = 0, high = tables().block_count;  // the first entry after doc is in [low, high]
  while (low < high) {
    const size_t mid = low + (high - low) / 2;
    if (doc < first_doc(mid))
      high = mid;
    else
      low = mid + 1;
  }
  if (low == 0 || doc >= block_end(low - 1)) file_.fail("document store block index out of order");
  return low - 1;
}

std::unique_ptr<uint8_t[]> DocStore::decompress(const Block& block, size_t b) const {
  const uint8_t* src = file_.verified(block.offset, block.compressed_length);
  if (ZSTD_getFrameContentSize(src, block.compressed_length) != block.raw_length)
    file_.fail("document block " + std::to_string(b) + " does not decompress to its recorded length");
  // Not zeroed first: zstd writes every byte, and a short result fails below.
  auto raw = std::make_unique_for_overwrite<uint8_t[]>(block.raw_length);
  ZSTD_DCtx* dctx = thread_dctx();
  size_t n = zstd_->ddict ? ZSTD_decompress_usingDDict(dctx, raw.get(), block.raw_length, src,
                                                         block.compressed_length, zstd_->ddict)
                          : ZSTD_decompressDCtx(dctx, raw.get(), block.raw_length, src, block.compressed_length);
  if (ZSTD_isError(n) || n != block.raw_length)
    file_.fail("document block " + std::to_string(b) + " does not decompress");
  return raw;
}

uint32_t DocStore::block_end(size_t b) const {
  return b + 1 < tables().block_count ? first_doc(b + 1) : doc_count_;
}

void DocStore::read_block(size_t b, const std::function<bool(uint32_t)>& wanted,
                          const std::function<void(uint32_t, StoredDocument&&)>& visit) const {
  const Block checked = block(b);
  const std::unique_ptr<uint8_t[]> raw = decompress(checked, b);
  ByteReader in(raw.get(), raw.get() + checked.raw_length, &file_.name());
  for (uint32_t doc = checked.first_doc, end = block_end(b); doc < end; ++doc) {
    uint64_t length = in.varint();
    const uint8_t* record = in.take(length);
    if (!wanted(doc)) continue;
    ByteReader fields(record, record + length, &file_.name());
    visit(doc, deserialise(fields, file_.version()));
  }
  if (!in.at_end()) file_.fail("document block " + std::to_string(b) + " has trailing bytes");
}

void DocStore::scan(uint32_t first, uint32_t last, const std::function<void(uint32_t, StoredDocument&&)>& visit) const {
  if (first >= last) return;
  for (size_t b = block_of(first); b < tables().block_count && first_doc(b) < last; ++b)
    read_block(b, [&](uint32_t doc) { return doc >= first && doc < last; }, visit);
}

void DocStore::fetch(std::span<const uint32_t> docs, const std::function<void(uint32_t, StoredDocument&&)>& visit) const {
  size_t next = 0;  // the first of docs not yet visited
  while (next < docs.size()) {
    const size_t b = block_of(docs[next]);
    // The block holds docs[next]; it is read once for every one of docs it holds.
    read_block(
        b,
        [&](uint32_t doc) {
          if (next == docs.size() || docs[next] != doc) return false;
          ++next;
          return true;
        },
        visit);
  }
}

StoredDocument DocStore::get(uint32_t doc) const {
  StoredDocument result;
  scan(doc, doc + 1, [&](uint32_t, StoredDocument&& d) { result = std::move(d); });
  return result;
}

}  // namespace attache::storage
