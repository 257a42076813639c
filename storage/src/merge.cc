// Merge: a k-way walk over the sources' term dictionaries, each term's
// postings renumbered into the merged date order, documents copied over.
#include "merge.h"

#include <algorithm>
#include <numeric>
#include <queue>
#include <span>

#include "attache/storage/word_pairs.h"
#include "segment_impl.h"
#include "segment_writer.h"

namespace attache::storage {
namespace {

constexpr uint32_t kDropped = UINT32_MAX;

// Reads documents of one source in ascending id order, decompressing each
// store block once.
class SequentialDocuments {
 public:
  explicit SequentialDocuments(const Segment& segment) : segment_(segment) {}
  const StoredDocument& get(uint32_t doc) {
    if (doc < first_ || doc >= first_ + cache_.size()) refill(doc);
    return cache_[doc - first_];
  }

 private:
  void refill(uint32_t doc) {
    // One block's worth: the store hands us whole blocks through scan.
    cache_.clear();
    first_ = doc;
    uint32_t last = std::min(segment_.doc_count(), doc + 64);
    segment_.scan_documents(doc, last, [&](uint32_t, StoredDocument&& d) { cache_.push_back(std::move(d)); });
  }
  const Segment& segment_;
  uint32_t first_ = 0;
  std::vector<StoredDocument> cache_;
};

}  // namespace

SegmentEntry merge_segments(const std::filesystem::path& dir, uint64_t segment_id,
                            const std::vector<const Segment*>& sources, const StoreCompression& compression) {
  // The merged order: live documents of all sources by date; ties by source, then id.
  struct Origin {
    uint32_t source, doc;
  };
  std::vector<Origin> order;
  std::vector<std::vector<uint32_t>> new_id(sources.size());
  for (uint32_t s = 0; s < sources.size(); ++s) {
    new_id[s].assign(sources[s]->doc_count(), kDropped);
    for (uint32_t d = 0; d < sources[s]->doc_count(); ++d)
      if (!sources[s]->is_deleted(d)) order.push_back({s, d});
  }
  std::stable_sort(order.begin(), order.end(), [&](const Origin& a, const Origin& b) {
    return sources[a.source]->date(a.doc) < sources[b.source]->date(b.doc);
  });
  DocumentColumns columns;
  for (uint32_t i = 0; i < order.size(); ++i) {
    const Segment& source = *sources[order[i].source];
    new_id[order[i].source][order[i].doc] = i;
    columns.dates.push_back(source.date(order[i].doc));
    columns.lengths.push_back(source.length(order[i].doc));
    columns.signatures.push_back(source.signature(order[i].doc));
    columns.statements.add(source.statements(order[i].doc));
  }

  for (const Segment* source : sources)
    for (const auto& file : source->internals().files) file->expect_sequential_reads();
  std::vector<SequentialDocuments> readers;
  for (const Segment* s : sources) readers.emplace_back(*s);
  DocumentSource documents{static_cast<uint32_t>(order.size()), [&](uint32_t id) -> const StoredDocument& {
                             return readers[order[id].source].get(order[id].doc);
                           }};
  // Word pairs are kept only when every source has them: a pair missing from
  // a merged segment must mean that no document holds it.
  const bool word_pairs =
      std::all_of(sources.begin(), sources.end(), [](const Segment* s) { return s->holds_word_pairs(); });
  SegmentWriter writer(dir, segment_id, std::move(columns), documents, compression, word_pairs);

  // k-way merge of the dictionaries.
  std::vector<TermDictionary::Iterator> terms;
  for (const Segment* s : sources) terms.emplace_back(*s->internals().dictionary);
  auto later = [&](size_t a, size_t b) { return terms[a].term() > terms[b].term(); };
  std::priority_queue<size_t, std::vector<size_t>, decltype(later)> heap(later);
  for (size_t s = 0; s < terms.size(); ++s)
    if (terms[s].valid()) heap.push(s);

  // Each term streamed into the writer: a k-way walk over the sources'
  // postings by new id (within a source, new ids ascend with old ones, since
  // both follow dates), one document at a time.
  struct Part {
    const Segment* source;
    const std::vector<uint32_t>* new_id;
    PostingCursor cursor;
    uint32_t id = kDropped;  // the current document's new id; kDropped once done
    void settle() {
      for (; cursor.doc() != PostingCursor::kEnd; cursor.next())
        if ((id = (*new_id)[cursor.doc()]) != kDropped) return;
      id = kDropped;
    }
  };
  std::vector<Part> parts;
  std::string term;
  while (!heap.empty()) {
    term.assign(terms[heap.top()].term());
    if (!word_pairs && !term.empty() && term[0] == kWordPairPrefix) {
      while (!heap.empty() && terms[heap.top()].term() == term) {
        const size_t s = heap.top();
        heap.pop();
        terms[s].next();
        if (terms[s].valid()) heap.push(s);
      }
      continue;
    }
    parts.clear();
    bool positional = false;
    while (!heap.empty() && terms[heap.top()].term() == term) {
      size_t s = heap.top();
      heap.pop();
      const TermInfo& info = terms[s].info();
      positional |= info.has_positions();
      parts.push_back({sources[s], &new_id[s], sources[s]->postings(info)});
      parts.back().settle();
      terms[s].next();
      if (terms[s].valid()) heap.push(s);
    }
    writer.add_term(term, positional, [&](TermEncoder& encoder) {
      while (true) {
        Part* next = nullptr;
        for (Part& p : parts)
          if (p.id != kDropped && (!next || p.id < next->id)) next = &p;
        if (!next) return;
        encoder.add(next->id, next->cursor.frequency(), positional ? next->cursor.positions() : std::span<const uint32_t>());
        next->cursor.next();
        next->settle();
      }
    });
  }
  return writer.finish();
}

}  // namespace attache::storage
