// The identities file's body (FORMAT.md, "derived-identities"): the
// words once, then identities and their members by word number, then the two
// maps from form keys; the map from words is rebuilt on reading.
#include "identity_file.h"

#include <cstdint>
#include <map>
#include <unordered_map>

#include "attache/storage/bytes.h"
#include "attache/storage/error.h"

namespace attache::query::identity {
namespace {

constexpr uint32_t kBodyFormat = 1;

class WordNumbers {
 public:
  uint32_t of(const std::string& word) {
    auto [it, added] = numbers_.try_emplace(word, static_cast<uint32_t>(words_.size()));
    if (added) words_.push_back(&it->first);
    return it->second;
  }
  const std::vector<const std::string*>& words() const { return words_; }

 private:
  std::unordered_map<std::string, uint32_t> numbers_;
  std::vector<const std::string*> words_;
};

void write_words(storage::ByteWriter& out, WordNumbers& numbers, const std::vector<std::string>& words) {
  out.varint(words.size());
  for (const auto& w : words) out.varint(numbers.of(w));
}

// Words copied out of the table are bounded by `budget` bytes: a damaged file
// whose checksums are right could otherwise name one long word a million times.
std::vector<std::string> read_words(storage::ByteReader& in, const std::vector<std::string>& table, uint64_t& budget) {
  std::vector<std::string> words(in.count(1));
  for (auto& w : words) {
    const uint64_t n = in.varint();
    if (n >= table.size()) in.fail("word number " + std::to_string(n) + " beyond the word table");
    if (table[n].size() + 1 > budget) in.fail("the words named take far more than the file");
    budget -= table[n].size() + 1;
    w = table[n];
  }
  return words;
}

uint32_t read_identity(storage::ByteReader& in, size_t identities) {
  const uint64_t id = in.varint();
  if (id >= identities) in.fail("identity " + std::to_string(id) + " beyond the " + std::to_string(identities));
  return static_cast<uint32_t>(id);
}

}  // namespace

std::string encode_resolution(const Resolution& r) {
  storage::ByteWriter body, out;
  WordNumbers numbers;
  body.varint(r.identities.size());
  for (size_t id = 0; id < r.identities.size(); ++id) {
    const Identity& identity = r.identities[id];
    write_words(body, numbers, identity.words);
    body.u8(static_cast<uint8_t>(identity.kind));
    body.string(identity.name);
    const auto& members = id < r.members.size() ? r.members[id] : std::vector<Resolution::Member>{};
    body.varint(members.size());
    for (const auto& m : members) {
      write_words(body, numbers, m.words);
      body.varint(m.months.size());
      for (const auto& [first, last] : m.months) {
        body.u32(static_cast<uint32_t>(first));
        body.u32(static_cast<uint32_t>(last));
      }
    }
  }
  // Keys in order, so the same identities always make the same file.
  body.varint(r.whole.size());
  for (const auto& [key, id] : std::map<std::string_view, uint32_t>(r.whole.begin(), r.whole.end())) {
    body.string(key);
    body.varint(id);
  }
  std::map<std::string_view, const std::vector<std::pair<int, uint32_t>>*> by_month;
  for (const auto& [key, months] : r.by_month) by_month.emplace(key, &months);
  body.varint(by_month.size());
  for (const auto& [key, of_key] : by_month) {
    const auto& months = *of_key;
    body.string(key);
    body.varint(months.size());
    for (const auto& [month, id] : months) {
      body.u32(static_cast<uint32_t>(month));
      body.varint(id);
    }
  }
  out.u32(kBodyFormat);
  out.u32(kIdentityRules);
  out.varint(numbers.words().size());
  for (const std::string* w : numbers.words()) out.string(*w);
  out.raw(body.bytes().data(), body.bytes().size());
  return std::string(out.bytes().begin(), out.bytes().end());
}

std::optional<Resolution> decode_resolution(std::string_view bytes) {
  static const std::string name = "identities";
  const auto* begin = reinterpret_cast<const uint8_t*>(bytes.data());
  storage::ByteReader in(begin, begin + bytes.size(), &name);
  try {
    if (in.u32() != kBodyFormat || in.u32() != kIdentityRules) return std::nullopt;
    std::vector<std::string> table(in.count(1));
    for (auto& w : table) w = in.string();
    // Names repeat their words (each reference one or two bytes): far less than this.
    uint64_t budget = 64 * static_cast<uint64_t>(bytes.size()) + 4096;
    Resolution r;
    const uint32_t identities = in.count(4);
    r.identities.resize(identities);
    r.members.resize(identities);
    for (uint32_t id = 0; id < identities; ++id) {
      Identity& identity = r.identities[id];
      identity.words = read_words(in, table, budget);
      const uint8_t kind = in.u8();
      if (kind > 3) in.fail("speaker kind " + std::to_string(kind));
      identity.kind = static_cast<SpeakerKind>(kind);
      identity.name = in.string();
      r.members[id].resize(in.count(2));
      for (auto& m : r.members[id]) {
        m.words = read_words(in, table, budget);
        m.months.resize(in.count(8));
        for (auto& [first, last] : m.months) {
          first = static_cast<int>(in.u32());
          last = static_cast<int>(in.u32());
        }
      }
    }
    for (uint32_t n = in.count(2); n > 0; --n) {
      std::string key(in.string());
      r.whole.emplace(std::move(key), read_identity(in, identities));
    }
    for (uint32_t n = in.count(2); n > 0; --n) {
      auto& months = r.by_month[std::string(in.string())];
      months.resize(in.count(5));
      for (auto& [month, id] : months) {
        month = static_cast<int>(in.u32());
        id = read_identity(in, identities);
      }
    }
    if (!in.at_end()) in.fail("bytes after the identities");
    index_words(r);
    return r;
  } catch (const Error&) {
    return std::nullopt;
  }
}

}  // namespace attache::query::identity
