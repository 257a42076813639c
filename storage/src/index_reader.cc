// Opening a snapshot: the manifest, then each segment's files, mapped.
#include "attache/storage/index_reader.h"

#include <algorithm>

#include "attache/storage/error.h"
#include "attache/storage/statement_index.h"
#include "bitpack.h"
#include "postings_codec.h"
#include "segment_impl.h"

namespace attache::storage {

Segment::Segment(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Segment::~Segment() = default;

const std::string& Segment::name() const { return impl_->name; }
uint32_t Segment::doc_count() const { return impl_->entry.doc_count; }
uint32_t Segment::deleted_count() const { return impl_->entry.deleted_count; }
uint64_t Segment::total_length() const { return impl_->entry.total_length; }
uint64_t Segment::text_bytes() const { return impl_->entry.text_bytes; }
Day Segment::min_date() const { return impl_->entry.min_date; }
Day Segment::max_date() const { return impl_->entry.max_date; }
uint64_t Segment::term_count() const { return impl_->dictionary->term_count(); }
uint64_t Segment::store_dictionary_bytes() const { return impl_->store->dictionary_bytes(); }

Day Segment::date(uint32_t doc) const {
  return impl_->date_base + static_cast<Day>(read_packed(impl_->dates, doc, impl_->date_width));
}

uint32_t Segment::length(uint32_t doc) const {
  return static_cast<uint32_t>(read_packed(impl_->lengths, doc, impl_->length_width));
}

Signature Segment::signature(uint32_t doc) const {
  Signature out{};
  const uint8_t* p = impl_->signature_bytes(doc);
  if (!p) return out;
  for (size_t i = 0; i < kSignatureSize; ++i) out[i] = static_cast<uint16_t>(p[2 * i] | p[2 * i + 1] << 8);
  return out;
}

bool Segment::is_deleted(uint32_t doc) const {
  return impl_->deleted_bits && (impl_->deleted_bits[doc >> 3] >> (doc & 7) & 1);
}

uint32_t Segment::first_doc_on_or_after(Day day) const {
  uint32_t lo = 0, hi = doc_count();
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (date(mid) < day)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

std::optional<TermInfo> Segment::find_term(std::string_view term) const { return impl_->dictionary->find(term); }

bool Segment::holds_word_pairs() const {
  return impl_->file(SegmentFile::terms).version() > kTermsVersionWithoutPairs;
}

void Segment::scan_terms(std::string_view prefix,
                         const std::function<bool(std::string_view, const TermInfo&)>& visit) const {
  impl_->dictionary->scan(prefix, visit);
}

PostingCursor Segment::postings(const TermInfo& info) const {
  return PostingCursor(impl_->file(SegmentFile::postings), &impl_->file(SegmentFile::positions), info,
                       impl_->entry.doc_count);
}


// The statements of a fetched document, checked against its text.
void Segment::attach_statements(uint32_t doc, StoredDocument& d) const {
  d.statements = impl_->statements_reader().get(doc);
  if (std::string problem = statement_problem(d); !problem.empty()) impl_->file(SegmentFile::statements).fail(problem);
}

StoredDocument Segment::document(uint32_t doc) const {
  StoredDocument d = impl_->store->get(doc);
  d.date = date(doc);
  attach_statements(doc, d);
  return d;
}

void Segment::fetch_documents(std::span<const uint32_t> docs, bool with_statements,
                              const std::function<void(uint32_t, StoredDocument&&)>& visit) const {
  impl_->store->fetch(docs, [&](uint32_t doc, StoredDocument&& d) {
    d.date = date(doc);
    if (with_statements) attach_statements(doc, d);
    visit(doc, std::move(d));
  });
}

std::vector<StoredStatement> Segment::statements(uint32_t doc) const { return impl_->statements_reader().get(doc); }
void Segment::statement_spans(uint32_t doc, std::vector<StatementSpan>& out) const { impl_->statements_reader().spans(doc, out); }
uint32_t Segment::statement_count() const { return impl_->statements_reader().statement_count(); }
uint64_t Segment::statement_positions() const { return impl_->statements_reader().total_positions(); }
const StatementIndex* Segment::statement_index() const {
  const uint64_t offset = impl_->statements_reader().postings_offset();
  if (offset == 0) return nullptr;
  std::call_once(impl_->statement_index_loaded, [&] {
    const StatementsReader& reader = impl_->statements_reader();
    impl_->statement_index = std::make_unique<StatementIndex>(impl_->file(SegmentFile::statements), offset,
                                                              reader.postings_end(), statement_count(), *this,
                                                              reader.first_positions());
  });
  return impl_->statement_index.get();
}

const std::vector<std::pair<std::string, uint8_t>>& Segment::speakers() const { return impl_->statements_reader().speakers(); }

// The table counts deleted articles' statements too (a deletion rewrites no
// segment file): theirs, read from their entries, are taken away.
const SpeakerMonths* Segment::speaker_months() const {
  std::call_once(impl_->speaker_months_loaded, [&] {
    std::optional<SpeakerMonths> months = impl_->statements_reader().speaker_months();
    if (months && deleted_count() > 0) {
      std::vector<uint32_t> speakers;
      for (uint32_t doc = 0; doc < doc_count(); ++doc) {
        if (!is_deleted(doc)) continue;
        impl_->statements_reader().speaker_indices(doc, speakers);
        for (uint32_t speaker : speakers)
          if (!remove_statement(*months, speaker, month_of(date(doc))))
            impl_->file(SegmentFile::statements).fail("speaker months disagree with a deleted article's statements");
      }
      drop_empty_months(*months);
    }
    impl_->speaker_months = std::move(months);
  });
  return impl_->speaker_months ? &*impl_->speaker_months : nullptr;
}

void Segment::scan_documents(uint32_t first, uint32_t last,
                             const std::function<void(uint32_t, StoredDocument&&)>& visit) const {
  impl_->store->scan(first, last, [&](uint32_t doc, StoredDocument&& d) {
    d.date = date(doc);
    attach_statements(doc, d);
    visit(doc, std::move(d));
  });
}

std::vector<std::pair<std::string, uint64_t>> Segment::file_sizes() const {
  std::vector<std::pair<std::string, uint64_t>> sizes;
  for (size_t f = 0; f < kSegmentFileCount; ++f)
    sizes.emplace_back(extension(static_cast<SegmentFile>(f)), impl_->files[f]->size());
  if (impl_->deletions) sizes.emplace_back("deleted", impl_->deletions->size());
  return sizes;
}

PostingsBreakdown Segment::measure_postings() const {
  PostingsBreakdown out;
  const MappedFile& postings = impl_->file(SegmentFile::postings);
  impl_->dictionary->scan("", [&](std::string_view, const TermInfo& info) {
    const uint8_t* data = postings.verified(info.postings_offset, info.postings_length);
    measure_term(data, info.postings_length, info.doc_frequency, info.positions_length, info.collection_frequency,
                 &postings.name(), out);
    return true;
  });
  return out;
}

// The speakers' months say what the statements' entries and the articles' dates say.
void Segment::check_speaker_months() const {
  const std::optional<SpeakerMonths> stored = impl_->statements_reader().speaker_months();
  if (!stored) return;
  SpeakerMonthsBuilder counted;
  std::vector<uint32_t> speakers;
  for (uint32_t doc = 0; doc < doc_count(); ++doc) {
    impl_->statements_reader().speaker_indices(doc, speakers);
    for (uint32_t speaker : speakers) counted.add(speaker, date(doc));
  }
  if (counted.months(stored->speaker_count()) != *stored)
    impl_->file(SegmentFile::statements).fail("speaker months disagree with the statements");
}

// The statement postings' columns say what the statements themselves say.
void Segment::check_statement_columns(const StatementIndex& index, uint32_t doc,
                                      const std::vector<StoredStatement>& statements) const {
  const MappedFile& file = impl_->file(SegmentFile::statements);
  const uint32_t first = index.first_statement(doc);
  if (index.first_statement(doc + 1) - first != statements.size())
    file.fail("statement postings count other statements than document " + std::to_string(doc) + " has");
  for (uint32_t k = 0; k < statements.size(); ++k) {
    const std::optional<StatementSpan> span = index.span(first + k);
    if (index.length(first + k) != statements[k].position_count || index.confidence(first + k) != statements[k].confidence ||
        (span && span->first_position != statements[k].first_position))
      file.fail("statement postings disagree with statement " + std::to_string(k) + " of document " + std::to_string(doc));
  }
}

void Segment::verify() const {
  for (size_t f = 0; f < kSegmentFileCount; ++f) {
    const MappedFile& file = *impl_->files[f];
    file.verify_all();
    if (file.footer_checksum() != impl_->entry.files[f].checksum) file.fail("checksum differs from the manifest's");
  }
  if (impl_->deletions) {
    impl_->deletions->verify_all();
    if (impl_->deletions->footer_checksum() != impl_->entry.deletions.checksum)
      impl_->deletions->fail("checksum differs from the manifest's");
  }
  // Structure: every term's postings decode, ascending and within the segment,
  // agreeing with the dictionary's frequencies; every stored document decodes.
  const MappedFile& terms = impl_->file(SegmentFile::terms);
  std::string previous;
  bool first = true;
  impl_->dictionary->scan("", [&](std::string_view term, const TermInfo& info) {
    if (!first && term <= previous) terms.fail("terms out of order at '" + std::string(term) + "'");
    first = false;
    previous = term;
    PostingCursor cursor = postings(info);
    uint32_t docs = 0;
    uint64_t occurrences = 0;
    for (; cursor.doc() != PostingCursor::kEnd; cursor.next()) {
      ++docs;
      uint32_t freq = cursor.frequency();
      occurrences += freq;
      if (info.has_positions() && cursor.positions().size() != freq)
        impl_->file(SegmentFile::positions).fail("position count differs from the frequency for '" + std::string(term) + "'");
    }
    if (docs != info.doc_frequency || occurrences != info.collection_frequency)
      terms.fail("frequencies of '" + std::string(term) + "' disagree with its postings");
    return true;
  });
  const StatementIndex* statements = statement_index();
  uint32_t seen = 0;
  scan_documents(0, doc_count(), [&](uint32_t doc, StoredDocument&& d) {
    ++seen;
    if (statements) check_statement_columns(*statements, doc, d.statements);
  });
  if (statements) statements->verify();
  check_speaker_months();
  if (seen != doc_count()) impl_->file(SegmentFile::store).fail("holds fewer documents than the manifest says");
  for (uint32_t doc = 1; doc < doc_count(); ++doc)
    if (date(doc) < date(doc - 1)) impl_->file(SegmentFile::columns).fail("documents are not in date order");
}

namespace {

// Maps a segment's files, reading nothing yet but asking for their frames'
// pages: cold, a snapshot's files are then read from disk side by side.
std::unique_ptr<Segment::Impl> map_segment(const std::filesystem::path& dir, const SegmentEntry& entry) {
  auto impl = std::make_unique<Segment::Impl>();
  impl->entry = entry;
  impl->name = segment_stem(entry.id);
  for (size_t f = 0; f < kSegmentFileCount; ++f) {
    auto kind = static_cast<SegmentFile>(f);
    std::string file_name = segment_file_name(entry.id, kind);
    impl->files[f] = std::make_unique<MappedFile>(dir / file_name, file_name, file_kind(kind),
                                                  MappedFile::Framing::check_later);
    if (impl->files[f]->size() != entry.files[f].size)
      impl->files[f]->fail("size " + std::to_string(impl->files[f]->size()) + " differs from the manifest's " +
                           std::to_string(entry.files[f].size));
  }
  return impl;
}

// Checks the frames, then asks for what opening reads: the columns' header
// and the term dictionary's end (its trailer and sparse index).
void check_frames(Segment::Impl& impl) {
  for (const auto& file : impl.files) file->check_frame();
  const MappedFile& columns = impl.file(SegmentFile::columns);
  columns.prefetch(columns.body_begin(), 1);
  const MappedFile& terms = impl.file(SegmentFile::terms);
  terms.prefetch(terms.body_end() - 1, 1);
}

std::unique_ptr<Segment> open_segment(const std::filesystem::path& dir, std::unique_ptr<Segment::Impl> impl) {
  impl->open_columns();
  impl->open_deletions(dir);
  impl->dictionary = std::make_unique<TermDictionary>(impl->file(SegmentFile::terms));
  impl->store = std::make_unique<DocStore>(impl->file(SegmentFile::store), impl->entry.doc_count);
  return std::make_unique<Segment>(std::move(impl));
}

}  // namespace

std::shared_ptr<const IndexSnapshot> IndexSnapshot::open(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    throw Error(ErrorKind::not_found, dir.string() + ": no index here (the directory does not exist)");
  // A writer may remove a segment file between our manifest read and its open
  // (after a merge); by then a newer manifest no longer names it, so read
  // again for as long as the manifest changes. The same manifest naming a
  // missing file twice is damage. (A fixed number of attempts reported a busy
  // index as corrupted.)
  std::optional<uint64_t> failed_generation;
  for (;;) {
    auto manifest = read_manifest(dir);
    if (!manifest)
      throw Error(ErrorKind::not_found, dir.string() + ": no index here (no MANIFEST; run attache index first)");
    try {
      std::shared_ptr<IndexSnapshot> snapshot(new IndexSnapshot());
      snapshot->dir_ = dir;
      snapshot->generation_ = manifest->generation;
      snapshot->manifest_checksum_ = manifest->checksum;
      // In three passes, each asking the disk for what the next reads.
      std::vector<std::unique_ptr<Segment::Impl>> mapped;
      for (const SegmentEntry& entry : manifest->segments) mapped.push_back(map_segment(dir, entry));
      for (auto& impl : mapped) check_frames(*impl);
      for (auto& impl : mapped) snapshot->segments_.push_back(open_segment(dir, std::move(impl)));
      return snapshot;
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::not_found) throw;
      if (failed_generation == manifest->generation)
        throw Error(ErrorKind::corruption, std::string("index corrupted: ") + e.what());
      failed_generation = manifest->generation;
    }
  }
}

IndexSnapshot::~IndexSnapshot() = default;

uint64_t IndexSnapshot::doc_count() const {
  uint64_t n = 0;
  for (const auto& s : segments_) n += s->doc_count() - s->deleted_count();
  return n;
}

uint64_t IndexSnapshot::stored_doc_count() const {
  uint64_t n = 0;
  for (const auto& s : segments_) n += s->doc_count();
  return n;
}

uint64_t IndexSnapshot::total_length() const {
  uint64_t n = 0;
  for (const auto& s : segments_) n += s->total_length();
  return n;
}

double IndexSnapshot::average_length() const {
  uint64_t docs = stored_doc_count();
  return docs ? static_cast<double>(total_length()) / static_cast<double>(docs) : 0.0;
}

uint32_t IndexSnapshot::doc_frequency(std::string_view term) const {
  uint32_t df = 0;
  for (const auto& s : segments_)
    if (auto info = s->find_term(term)) df += info->doc_frequency;
  return df;
}

void IndexSnapshot::verify() const {
  for (const auto& s : segments_) s->verify();
}

}  // namespace attache::storage
