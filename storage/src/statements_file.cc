// Writing and reading the statements file.
#include "statements_file.h"

namespace attache::storage {

uint32_t StatementsWriter::speaker_index(const StoredStatement& s) {
  auto [it, fresh] = speaker_ids_.try_emplace(s.canonical, static_cast<uint32_t>(speakers_.size()));
  if (fresh) speakers_.emplace_back(s.canonical, s.group);
  return it->second;
}

void StatementsWriter::add(const StoredDocument& doc) {
  data_.varint(doc.statements.size());
  for (const StoredStatement& s : doc.statements) {
    data_.varint(s.begin);
    data_.varint(s.end - s.begin);
    data_.varint(s.first_position);
    data_.varint(s.position_count);
    data_.varint(speaker_index(s));
    data_.string(s.speaker);
    data_.string(s.cue);
    data_.u8(s.kind);
    data_.u8(s.confidence);
    total_positions_ += s.position_count;
    ++statement_count_;
  }
  offsets_.push_back(static_cast<uint32_t>(data_.size()));
}

void StatementsWriter::write(FileWriter& out) const {
  ByteWriter head;
  head.u32(static_cast<uint32_t>(offsets_.size() - 1));
  head.u32(statement_count_);
  head.u64(total_positions_);
  head.u32(static_cast<uint32_t>(speakers_.size()));
  for (const auto& [name, group] : speakers_) {
    head.string(name);
    head.u8(group ? 1 : 0);
  }
  for (uint32_t o : offsets_) head.u32(o);
  out.write(head.bytes());
  out.write(data_.bytes());
}

StatementsReader::StatementsReader(const MappedFile& file, uint32_t doc_count) : file_(file), doc_count_(doc_count) {
  uint64_t length = file.body_end() - file.body_begin();
  const uint8_t* p = file.verified(file.body_begin(), length);  // small next to the store: verified whole
  ByteReader in(p, p + length, &file.name());
  if (in.u32() != doc_count) file.fail("document count disagrees with the manifest");
  statement_count_ = in.u32();
  total_positions_ = in.u64();
  uint32_t speakers = in.u32();
  if (speakers > statement_count_) file.fail("more speakers than statements");
  for (uint32_t i = 0; i < speakers; ++i) {
    std::string name(in.string());
    speakers_.emplace_back(std::move(name), in.u8() != 0);
  }
  offsets_ = in.take((uint64_t{doc_count} + 1) * 4);
  data_ = in.position();
  data_length_ = in.remaining();
  if (load_u32(offsets_) != 0 || load_u32(offsets_ + 4 * uint64_t{doc_count}) != data_length_)
    file.fail("statement offsets do not cover the data");
}

ByteReader StatementsReader::entry(uint32_t doc) const {
  if (doc >= doc_count_) file_.fail("no statements for document " + std::to_string(doc));
  uint32_t begin = load_u32(offsets_ + 4 * uint64_t{doc}), end = load_u32(offsets_ + 4 * (uint64_t{doc} + 1));
  if (begin > end || end > data_length_) file_.fail("statement offsets out of order");
  return ByteReader(data_ + begin, data_ + end, &file_.name());
}

void StatementsReader::spans(uint32_t doc, std::vector<StatementSpan>& out) const {
  ByteReader in = entry(doc);
  out.resize(in.varint32());
  if (out.size() > in.remaining()) file_.fail("statement count exceeds its bytes");
  for (StatementSpan& s : out) {
    in.varint();  // begin
    in.varint();  // length
    s.first_position = in.varint32();
    s.position_count = in.varint32();
    in.varint();  // speaker
    in.skip(in.varint());  // as written
    in.skip(in.varint());  // cue
    in.skip(2);            // kind, confidence
  }
}

std::vector<StoredStatement> StatementsReader::get(uint32_t doc) const {
  ByteReader in = entry(doc);
  std::vector<StoredStatement> out(in.varint32());
  if (out.size() > in.remaining()) file_.fail("statement count exceeds its bytes");
  for (StoredStatement& s : out) {
    s.begin = in.varint32();
    s.end = s.begin + in.varint32();
    s.first_position = in.varint32();
    s.position_count = in.varint32();
    uint32_t speaker = in.varint32();
    if (speaker >= speakers_.size()) file_.fail("statement names an unknown speaker");
    s.canonical = speakers_[speaker].first;
    s.group = speakers_[speaker].second;
    s.speaker = in.string();
    s.cue = in.string();
    s.kind = in.u8();
    s.confidence = in.u8();
    if (s.kind > 2 || s.confidence > 100) file_.fail("invalid statement kind or confidence");
  }
  if (!in.at_end()) file_.fail("trailing bytes after a document's statements");
  return out;
}

}  // namespace attache::storage
