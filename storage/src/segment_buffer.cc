// Inverting documents in memory and writing them out as a segment.
#include "segment_buffer.h"

#include <algorithm>
#include <future>
#include <numeric>

#include "attache/storage/error.h"
#include "bitpack.h"
#include "doc_store.h"
#include "file_format.h"
#include "postings_codec.h"
#include "term_dictionary.h"

namespace attache::storage {
namespace {

// Rough cost of a hash-map node and its bookkeeping beyond the term bytes.
constexpr uint64_t kTermOverhead = 96;
constexpr uint64_t kDocumentOverhead = 200;

void write_columns(const std::vector<Day>& dates, const std::vector<uint32_t>& lengths, uint64_t total_length,
                   FileWriter& out) {
  ByteWriter body;
  body.u32(static_cast<uint32_t>(dates.size()));
  body.u64(total_length);
  Day base = dates.empty() ? 0 : *std::min_element(dates.begin(), dates.end());
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
  out.write(body.bytes());
}

}  // namespace

void SegmentBuffer::add(IndexableDocument&& document) {
  const uint32_t doc = static_cast<uint32_t>(docs_.size());
  for (TermOccurrences& t : document.terms) {
    if (t.frequency == 0) throw std::logic_error("term '" + t.term + "' indexed with frequency 0");
    auto it = terms_.find(std::string_view(t.term));
    if (it == terms_.end()) {
      memory_bytes_ += kTermOverhead + t.term.size();
      it = terms_.emplace(t.term, TermBuffer{}).first;
      it->second.positional = !t.positions.empty();
    }
    TermBuffer& buffer = it->second;
    if (buffer.positional != !t.positions.empty() || (buffer.positional && t.positions.size() != t.frequency))
      throw std::logic_error("term '" + t.term + "' indexed with and without positions");
    size_t before = buffer.stream.size();
    buffer.stream.varint(doc - buffer.last_doc);
    buffer.stream.varint(t.frequency);
    uint32_t previous = 0;
    for (uint32_t p : t.positions) {
      buffer.stream.varint(p - previous);
      previous = p;
    }
    buffer.last_doc = doc;
    ++buffer.doc_frequency;
    buffer.collection_frequency += t.frequency;
    memory_bytes_ += buffer.stream.size() - before;
  }
  const StoredDocument& s = document.stored;
  memory_bytes_ += kDocumentOverhead + s.id.size() + s.title.size() + s.source.size() + s.url.size() + s.text.size();
  lengths_.push_back(document.length);
  docs_.push_back(std::move(document.stored));
}

SegmentEntry SegmentBuffer::flush(const std::filesystem::path& dir, uint64_t segment_id, int compression_level) {
  const uint32_t n = doc_count();
  // Number documents by date (stable, so same-day articles keep arrival order):
  // a date range is then a contiguous id range.
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return docs_[a].date < docs_[b].date; });
  std::vector<uint32_t> new_id(n);
  for (uint32_t i = 0; i < n; ++i) new_id[order[i]] = i;
  const bool renumbered = !std::is_sorted(order.begin(), order.end());

  SegmentEntry entry;
  entry.id = segment_id;
  entry.doc_count = n;
  auto path = [&](SegmentFile f) { return dir / segment_file_name(segment_id, f); };

  // The store compresses on a second thread while the postings are written.
  std::vector<const StoredDocument*> sorted_docs(n);
  for (uint32_t i = 0; i < n; ++i) sorted_docs[i] = &docs_[order[i]];
  auto store = std::async(std::launch::async, [&] {
    FileWriter out(path(SegmentFile::store), FileKind::store);
    write_doc_store(sorted_docs, out, compression_level);
    return out.finish();
  });

  std::vector<Day> dates(n);
  std::vector<uint32_t> lengths(n);
  for (uint32_t i = 0; i < n; ++i) {
    dates[i] = docs_[order[i]].date;
    lengths[i] = lengths_[order[i]];
    entry.total_length += lengths[i];
  }
  for (const StoredDocument& d : docs_)
    entry.text_bytes += d.id.size() + d.title.size() + d.source.size() + d.url.size() + d.text.size();
  entry.min_date = n ? dates.front() : 0;
  entry.max_date = n ? dates.back() : 0;

  try {
    std::vector<const std::pair<const std::string, TermBuffer>*> sorted_terms;
    sorted_terms.reserve(terms_.size());
    for (const auto& kv : terms_) sorted_terms.push_back(&kv);
    std::sort(sorted_terms.begin(), sorted_terms.end(), [](auto* a, auto* b) { return a->first < b->first; });

    FileWriter terms_out(path(SegmentFile::terms), FileKind::terms);
    FileWriter postings_out(path(SegmentFile::postings), FileKind::postings);
    FileWriter positions_out(path(SegmentFile::positions), FileKind::positions);
    TermDictionaryWriter dictionary(terms_out);
    TermPostings postings, sorted;
    ByteWriter postings_bytes, positions_bytes;
    std::vector<uint32_t> position_starts, by_new_id;
    for (auto* kv : sorted_terms) {
      const TermBuffer& buffer = kv->second;
      postings.docs.clear();
      postings.frequencies.clear();
      postings.positions.clear();
      position_starts.clear();
      ByteReader in(buffer.stream.bytes().data(), buffer.stream.bytes().data() + buffer.stream.size(), nullptr);
      uint32_t doc = 0;
      while (!in.at_end()) {
        doc += in.varint32();
        uint32_t freq = in.varint32();
        postings.docs.push_back(new_id[doc]);
        postings.frequencies.push_back(freq);
        position_starts.push_back(static_cast<uint32_t>(postings.positions.size()));
        if (buffer.positional) {
          uint32_t p = 0;
          for (uint32_t k = 0; k < freq; ++k) postings.positions.push_back(p += in.varint32());
        }
      }
      const TermPostings* ready = &postings;
      if (renumbered && !std::is_sorted(postings.docs.begin(), postings.docs.end())) {
        by_new_id.resize(postings.docs.size());
        std::iota(by_new_id.begin(), by_new_id.end(), 0);
        std::sort(by_new_id.begin(), by_new_id.end(),
                  [&](uint32_t a, uint32_t b) { return postings.docs[a] < postings.docs[b]; });
        sorted.docs.clear();
        sorted.frequencies.clear();
        sorted.positions.clear();
        for (uint32_t i : by_new_id) {
          sorted.docs.push_back(postings.docs[i]);
          sorted.frequencies.push_back(postings.frequencies[i]);
          if (buffer.positional)
            sorted.positions.insert(sorted.positions.end(), postings.positions.begin() + position_starts[i],
                                    postings.positions.begin() + position_starts[i] + postings.frequencies[i]);
        }
        ready = &sorted;
      }
      postings_bytes.clear();
      positions_bytes.clear();
      encode_term(*ready, lengths.data(), postings_bytes, positions_bytes);
      TermInfo info;
      info.doc_frequency = buffer.doc_frequency;
      info.collection_frequency = buffer.collection_frequency;
      info.postings_offset = postings_out.offset();
      info.postings_length = postings_bytes.size();
      info.positions_offset = positions_out.offset();
      info.positions_length = positions_bytes.size();
      postings_out.write(postings_bytes.bytes());
      positions_out.write(positions_bytes.bytes());
      dictionary.add(kv->first, info);
    }
    dictionary.finish();
    entry.files[static_cast<size_t>(SegmentFile::terms)] = terms_out.finish();
    entry.files[static_cast<size_t>(SegmentFile::postings)] = postings_out.finish();
    entry.files[static_cast<size_t>(SegmentFile::positions)] = positions_out.finish();

    FileWriter columns_out(path(SegmentFile::columns), FileKind::columns);
    write_columns(dates, lengths, entry.total_length, columns_out);
    entry.files[static_cast<size_t>(SegmentFile::columns)] = columns_out.finish();
  } catch (...) {
    store.wait();  // the store thread reads the buffer; let it finish first
    throw;
  }
  entry.files[static_cast<size_t>(SegmentFile::store)] = store.get();

  terms_.clear();
  docs_.clear();
  lengths_.clear();
  memory_bytes_ = 0;
  return entry;
}

}  // namespace attache::storage
