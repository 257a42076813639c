// Writing and reading the statements file.
#include "statements_file.h"

#include <algorithm>
#include <stdexcept>

#include "statement_postings.h"

namespace attache::storage {
namespace {

// Statements come in text order, so begins and first positions usually grow;
// zigzag keeps an occasional step back small.
uint64_t zigzag(int64_t v) { return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63); }
int64_t unzigzag(uint64_t v) { return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1); }

// The fewest bytes one statement takes in either version (seven varints or
// five and two strings, then kind and confidence): bounds a count read from
// the file before anything is allocated for it.
constexpr size_t kMinStatementBytes = 9;

// Document count, statement count, total positions; version 4 adds the
// postings offset.
constexpr uint64_t kCountBytes = 16;

}  // namespace

uint32_t StatementsWriter::Table::index(const std::string& s) {
  auto [it, fresh] = ids.try_emplace(s, static_cast<uint32_t>(strings.size()));
  if (fresh) strings.push_back(s);
  return it->second;
}

void StatementsWriter::add(const StoredDocument& doc) {
  data_.varint(doc.statements.size());
  int64_t previous_begin = 0, previous_position = 0;
  for (const StoredStatement& s : doc.statements) {
    data_.varint(zigzag(int64_t{s.begin} - previous_begin));
    data_.varint(s.end - s.begin);
    data_.varint(zigzag(int64_t{s.first_position} - previous_position));
    data_.varint(s.position_count);
    previous_begin = s.begin;
    previous_position = s.first_position;
    uint32_t speaker = speakers_.index(s.canonical);
    if (speaker == speaker_kind_.size()) speaker_kind_.push_back(s.speaker_kind ? s.speaker_kind : s.group ? 1 : 0);
    data_.varint(speaker);
    speaker_months_.add(speaker, doc.date);
    data_.varint(written_.index(s.speaker));
    data_.varint(cues_.index(s.cue));
    data_.varint(descriptions_.index(s.description));
    data_.u8(s.kind);
    data_.u8(s.confidence);
    total_positions_ += s.position_count;
    ++statement_count_;
  }
  offsets_.push_back(static_cast<uint32_t>(data_.size()));
}

void StatementsWriter::write(FileWriter& out, const StatementPostingsWriter& postings) const {
  if (postings.statement_count() != statement_count_ || postings.document_count() != offsets_.size() - 1)
    throw std::logic_error("statement postings count " + std::to_string(postings.statement_count()) +
                           " statements, the segment " + std::to_string(statement_count_) + " (or their articles differ)");
  ByteWriter head;
  head.u32(static_cast<uint32_t>(offsets_.size() - 1));
  head.u32(statement_count_);
  head.u64(total_positions_);
  head.u64(0);  // where the postings begin, filled in below
  head.u32(static_cast<uint32_t>(speakers_.strings.size()));
  for (size_t i = 0; i < speakers_.strings.size(); ++i) {
    head.string(speakers_.strings[i]);
    head.u8(speaker_kind_[i]);
  }
  for (const Table* table : {&written_, &cues_, &descriptions_}) {
    head.u32(static_cast<uint32_t>(table->strings.size()));
    for (const auto& s : table->strings) head.string(s);
  }
  for (uint32_t o : offsets_) head.u32(o);
  const uint64_t postings_at = out.offset() + head.size() + data_.size();
  for (int i = 0; i < 8; ++i) head.bytes()[kCountBytes + i] = static_cast<uint8_t>(postings_at >> (8 * i));
  out.write(head.bytes());
  out.write(data_.bytes());
  postings.write(out);
  const uint64_t months_at = out.offset();
  ByteWriter months;
  write_speaker_months(speaker_months_.months(static_cast<uint32_t>(speakers_.strings.size())), months);
  months.u64(months_at);
  out.write(months.bytes());
  const uint64_t column_at = out.offset();
  postings.write_first_positions(out);
  ByteWriter tail;
  tail.u64(column_at);
  out.write(tail.bytes());
}

StatementsReader::StatementsReader(const MappedFile& file, uint32_t doc_count) : file_(file), doc_count_(doc_count) {
  const uint64_t head = header_bytes();
  if (file.body_end() - file.body_begin() < head) file.fail("statements header missing");
  const uint8_t* counts = file.verified(file.body_begin(), head);
  ByteReader in(counts, counts + head, &file.name());
  if (in.u32() != doc_count) file.fail("document count disagrees with the manifest");
  statement_count_ = in.u32();
  total_positions_ = in.u64();
  if (file.version() >= 4) {
    postings_offset_ = in.u64();
    if (postings_offset_ < file.body_begin() + head || postings_offset_ > file.body_end())
      file.fail("statement postings offset outside the file");
  }
}

uint64_t StatementsReader::header_bytes() const { return file_.version() >= 4 ? kCountBytes + 8 : kCountBytes; }

// Version 6 ends with the first positions and their offset; version 5 with
// the offset of the speakers' months, which version 6 keeps before the column.
uint64_t StatementsReader::first_positions() const {
  if (file_.version() < 6) return 0;
  const uint64_t column = load_u64(file_.verified(file_.body_end() - 8, 8));
  if (column < postings_offset_ + 8 || column >= file_.body_end() - 8) file_.fail("first positions offset outside the file");
  return column;
}

uint64_t StatementsReader::months_trailer() const {
  return file_.version() < 6 ? file_.body_end() - 8 : first_positions() - 8;
}

uint64_t StatementsReader::postings_end() const {
  if (file_.version() < 5) return file_.body_end();
  const uint64_t trailer = months_trailer();
  const uint64_t months = load_u64(file_.verified(trailer, 8));
  if (months < postings_offset_ || months > trailer) file_.fail("speaker months offset outside the file");
  return months;
}

std::optional<SpeakerMonths> StatementsReader::speaker_months() const {
  if (file_.version() < 5) return std::nullopt;
  const uint64_t begin = postings_end(), length = months_trailer() - begin;
  const uint8_t* p = file_.verified(begin, length);
  ByteReader in(p, p + length, &file_.name());
  SpeakerMonths months = read_speaker_months(in, static_cast<uint32_t>(speakers().size()), statement_count_);
  if (!in.at_end()) file_.fail("trailing bytes after the speaker months");
  return months;
}

uint64_t StatementsReader::statements_end() const {
  return postings_offset_ ? postings_offset_ : file_.body_end();
}

const StatementsReader::Tables& StatementsReader::tables() const {
  std::call_once(loaded_, [this] { load(); });
  return tables_;
}

// The speakers, the string tables and the offsets, on first use: a query
// over articles never reads them (hundreds of kilobytes a segment, cold).
// Each article's statements are checked when read.
void StatementsReader::load() const {
  const MappedFile& file = file_;
  uint64_t length = statements_end() - file.body_begin();
  const uint8_t* p = file.unchecked_body();
  ByteReader in(p, p + length, &file.name());
  in.skip(header_bytes());  // read at open
  // The tables' extent is known only once they are read, and the mapping is
  // MADV_RANDOM: page by page, cold, 2.3 MB took 0.15 s (BENCHMARKS.md, "Cold
  // queries against Xapian's"). So the disk is asked ahead of the reading,
  // in windows that double.
  uint64_t asked = 0, window = 64 * 1024;
  auto ask_ahead = [&] {
    const auto at = static_cast<uint64_t>(in.position() - p);
    if (at + 4096 < asked) return;
    file.prefetch(file.body_begin() + at, std::min<uint64_t>(window, length - at));
    asked = at + window;
    window = std::min<uint64_t>(2 * window, 4 << 20);
  };
  Tables t;  // kept only once all is checked
  uint32_t speakers = in.u32();
  if (speakers > statement_count_) file.fail("more speakers than statements");
  in.check_count(speakers, 2);  // a name and a flag each
  for (uint32_t i = 0; i < speakers; ++i) {
    ask_ahead();
    std::string name(in.string());
    t.speakers.emplace_back(std::move(name), in.u8());
    if (t.speakers.back().second > 3) file.fail("invalid speaker kind");
  }
  if (file.version() >= 2) {
    for (auto* table : {&t.written, &t.cues, &t.descriptions}) {
      if (table == &t.descriptions && file.version() < 3) break;
      uint32_t n = in.u32();
      if (n > statement_count_) file.fail("more strings than statements");
      in.check_count(n, 1);
      table->reserve(n);
      for (uint32_t i = 0; i < n; ++i) {
        ask_ahead();
        table->push_back(in.string());
      }
    }
  }
  ask_ahead();
  t.offsets = in.take((uint64_t{doc_count_} + 1) * 4);
  file.prefetch(file.body_begin() + static_cast<uint64_t>(t.offsets - p), (uint64_t{doc_count_} + 1) * 4);
  file.verified(file.body_begin(), static_cast<uint64_t>(in.position() - p));
  t.data_offset = file.body_begin() + static_cast<uint64_t>(in.position() - p);
  t.data_length = in.remaining();
  if (load_u32(t.offsets) != 0 || load_u32(t.offsets + 4 * uint64_t{doc_count_}) != t.data_length)
    file.fail("statement offsets do not cover the data");
  tables_ = std::move(t);
}

ByteReader StatementsReader::entry(uint32_t doc) const {
  if (doc >= doc_count_) file_.fail("no statements for document " + std::to_string(doc));
  const Tables& t = tables();
  uint32_t begin = load_u32(t.offsets + 4 * uint64_t{doc}), end = load_u32(t.offsets + 4 * (uint64_t{doc} + 1));
  if (begin > end || end > t.data_length) file_.fail("statement offsets out of order");
  const uint8_t* data = file_.verified(t.data_offset + begin, end - begin);
  return ByteReader(data, data + (end - begin), &file_.name());
}

void StatementsReader::decode(uint32_t doc, std::vector<Encoded>& out) const {
  const Tables& t = tables();
  ByteReader in = entry(doc);
  out.resize(in.count(kMinStatementBytes));
  auto table_string = [&](const std::vector<std::string_view>& table) {
    uint32_t i = in.varint32();
    if (i >= table.size()) file_.fail("statement names an unknown string");
    return table[i];
  };
  int64_t begin = 0, position = 0;
  for (Encoded& s : out) {
    if (file_.version() >= 2) {
      begin = in.add(begin, unzigzag(in.varint()), "statement offset out of range");
      s.length = in.varint32();
      position = in.add(position, unzigzag(in.varint()), "statement offset out of range");
      s.position_count = in.varint32();
      if (begin < 0 || begin > UINT32_MAX || position < 0 || position > UINT32_MAX)
        file_.fail("statement offset out of range");
      s.begin = static_cast<uint32_t>(begin);
      s.first_position = static_cast<uint32_t>(position);
      s.speaker = in.varint32();
      s.written = table_string(t.written);
      s.cue = table_string(t.cues);
      if (file_.version() >= 3) s.description = table_string(t.descriptions);
    } else {  // version 1: absolute offsets, strings inline
      s.begin = in.varint32();
      s.length = in.varint32();
      s.first_position = in.varint32();
      s.position_count = in.varint32();
      s.speaker = in.varint32();
      s.written = in.string();
      s.cue = in.string();
    }
    s.kind = in.u8();
    s.confidence = in.u8();
    if (s.length > UINT32_MAX - s.begin) file_.fail("statement runs past 4 GiB");
    if (s.speaker >= t.speakers.size()) file_.fail("statement names an unknown speaker");
    if (s.kind > 2 || s.confidence > 100) file_.fail("invalid statement kind or confidence");
  }
  if (!in.at_end()) file_.fail("trailing bytes after a document's statements");
}

void StatementsReader::speaker_indices(uint32_t doc, std::vector<uint32_t>& out) const {
  thread_local std::vector<Encoded> encoded;
  decode(doc, encoded);
  out.resize(encoded.size());
  for (size_t i = 0; i < encoded.size(); ++i) out[i] = encoded[i].speaker;
}

void StatementsReader::spans(uint32_t doc, std::vector<StatementSpan>& out) const {
  if (file_.version() < 2) {
    thread_local std::vector<Encoded> encoded;
    decode(doc, encoded);
    out.resize(encoded.size());
    for (size_t i = 0; i < encoded.size(); ++i) out[i] = {encoded[i].first_position, encoded[i].position_count};
    return;
  }
  // Statement search asks for spans of every candidate article: read only the
  // position fields, stepping over the rest.
  ByteReader in = entry(doc);
  out.resize(in.count(kMinStatementBytes));
  int64_t position = 0;
  for (StatementSpan& s : out) {
    in.varint();  // begin
    in.varint();  // length
    position = in.add(position, unzigzag(in.varint()), "statement offset out of range");
    if (position < 0 || position > UINT32_MAX) file_.fail("statement offset out of range");
    s.first_position = static_cast<uint32_t>(position);
    s.position_count = in.varint32();
    in.varint();  // speaker
    in.varint();  // as written
    in.varint();  // cue
    if (file_.version() >= 3) in.varint();  // description
    in.skip(2);   // kind, confidence
  }
  if (!in.at_end()) file_.fail("trailing bytes after a document's statements");
}

std::vector<StoredStatement> StatementsReader::get(uint32_t doc) const {
  const auto& speakers = tables().speakers;
  std::vector<Encoded> encoded;
  decode(doc, encoded);
  std::vector<StoredStatement> out(encoded.size());
  for (size_t i = 0; i < encoded.size(); ++i) {
    const Encoded& e = encoded[i];
    StoredStatement& s = out[i];
    s.begin = e.begin;
    s.end = e.begin + e.length;
    s.first_position = e.first_position;
    s.position_count = e.position_count;
    s.canonical = speakers[e.speaker].first;
    s.speaker_kind = speakers[e.speaker].second;
    s.group = s.speaker_kind != 0;
    s.description = e.description;
    s.speaker = e.written;
    s.cue = e.cue;
    s.kind = e.kind;
    s.confidence = e.confidence;
  }
  return out;
}

}  // namespace attache::storage
