// Inverting documents in memory and writing them out as a segment.
#include "segment_buffer.h"

#include <algorithm>
#include <numeric>

#include "attache/storage/word_pairs.h"
#include "segment_writer.h"

namespace attache::storage {
namespace {

// Rough cost of a hash-map node and its bookkeeping beyond the term bytes.
constexpr uint64_t kTermOverhead = 96;
constexpr uint64_t kDocumentOverhead = 200;
constexpr uint32_t kDropped = UINT32_MAX;

}  // namespace

void SegmentBuffer::add(IndexableDocument&& document) {
  const uint32_t doc = static_cast<uint32_t>(docs_.size());
  // Checked before anything is buffered: positions that do not ascend would be
  // written as gaps that wrap around, an index no reader accepts.
  for (const TermOccurrences& t : document.terms) {
    if (t.frequency == 0) throw std::logic_error("term '" + t.term + "' indexed with frequency 0");
    for (size_t i = 1; i < t.positions.size(); ++i)
      if (t.positions[i] <= t.positions[i - 1])
        throw std::logic_error("term '" + t.term + "' has positions out of order in " + document.stored.id);
  }
  // Its word pairs go in as terms of their own, derived here from the plain
  // terms' positions so that they cannot disagree with them.
  std::vector<TermOccurrences> pairs;
  if (word_pairs_) add_word_pairs(document.terms, pairs);
  for (const TermOccurrences& t : document.terms) add_occurrences(doc, t);
  for (const TermOccurrences& t : pairs) add_occurrences(doc, t);
  const StoredDocument& s = document.stored;
  memory_bytes_ += kDocumentOverhead + s.id.size() + s.title.size() + s.source.size() + s.url.size() + s.text.size() + s.author.size() +
                  s.place.size() + s.language.size();
  auto [slot, fresh] = ids_.try_emplace(s.id, doc);
  if (!fresh) {
    replaced_[slot->second] = true;
    slot->second = doc;
  } else {
    ++live_;
  }
  lengths_.push_back(document.length);
  signatures_.push_back(document.signature);
  replaced_.push_back(false);
  docs_.push_back(std::move(document.stored));
}

void SegmentBuffer::add_occurrences(uint32_t doc, const TermOccurrences& t) {
  auto [found, inserted] = terms_.insert(t.term, TermBuffer{});
  TermBuffer& buffer = *found;
  if (inserted) {
    memory_bytes_ += kTermOverhead + t.term.size();
    buffer.positional = !t.positions.empty();
  }
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
  memory_bytes_ += buffer.stream.size() - before;
}

bool SegmentBuffer::remove(const std::string& id) {
  auto it = ids_.find(id);
  if (it == ids_.end()) return false;
  replaced_[it->second] = true;
  ids_.erase(it);
  --live_;
  return true;
}

void SegmentBuffer::clear() {
  terms_.clear();
  docs_.clear();
  lengths_.clear();
  signatures_.clear();
  replaced_.clear();
  ids_.clear();
  live_ = 0;
  memory_bytes_ = 0;
}

SegmentEntry SegmentBuffer::flush(const std::filesystem::path& dir, uint64_t segment_id, const StoreCompression& compression) {
  // Number the live documents by date (stable, so same-day articles keep
  // arrival order): a date range is then a contiguous id range.
  std::vector<uint32_t> order;
  order.reserve(live_);
  for (uint32_t i = 0; i < docs_.size(); ++i)
    if (!replaced_[i]) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return docs_[a].date < docs_[b].date; });
  std::vector<uint32_t> new_id(docs_.size(), kDropped);
  for (uint32_t i = 0; i < order.size(); ++i) new_id[order[i]] = i;
  const bool renumbered = order.size() != docs_.size() || !std::is_sorted(order.begin(), order.end());

  DocumentColumns columns;
  for (uint32_t i : order) {
    columns.dates.push_back(docs_[i].date);
    columns.lengths.push_back(lengths_[i]);
    columns.signatures.push_back(signatures_[i]);
    columns.statements.add(docs_[i].statements);
  }
  DocumentSource documents{static_cast<uint32_t>(order.size()),
                           [&](uint32_t id) -> const StoredDocument& { return docs_[order[id]]; }};
  SegmentWriter writer(dir, segment_id, std::move(columns), documents, compression, word_pairs_);

  std::vector<std::pair<std::string_view, const TermBuffer*>> sorted_terms;
  sorted_terms.reserve(terms_.size());
  terms_.for_each([&](std::string_view term, TermBuffer& buffer) { sorted_terms.emplace_back(term, &buffer); });
  std::sort(sorted_terms.begin(), sorted_terms.end(), [](const auto& a, const auto& b) { return a.first < b.first; });

  TermPostings postings, sorted;
  std::vector<uint32_t> position_starts, by_new_id;
  for (const auto& [term, buffer_pointer] : sorted_terms) {
    const TermBuffer& buffer = *buffer_pointer;
    postings.docs.clear();
    postings.frequencies.clear();
    postings.positions.clear();
    position_starts.clear();
    ByteReader in(buffer.stream.bytes().data(), buffer.stream.bytes().data() + buffer.stream.size(), nullptr);
    uint32_t doc = 0;
    while (!in.at_end()) {
      doc += in.varint32();
      uint32_t freq = in.varint32();
      bool live = new_id[doc] != kDropped;
      if (live) {
        postings.docs.push_back(new_id[doc]);
        postings.frequencies.push_back(freq);
        position_starts.push_back(static_cast<uint32_t>(postings.positions.size()));
      }
      if (buffer.positional) {
        uint32_t p = 0;
        for (uint32_t k = 0; k < freq; ++k) {
          p += in.varint32();
          if (live) postings.positions.push_back(p);
        }
      }
    }
    if (postings.docs.empty()) continue;  // only in replaced documents
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
    writer.add_term(term, *ready);
  }
  SegmentEntry entry = writer.finish();
  clear();
  return entry;
}

}  // namespace attache::storage
