// Routing articles to the shards of a set (see shards.h).
#include "attache/xapian/shards.h"

#include <charconv>

#include "attache/storage/date.h"
#include "attache/storage/error.h"
#include "attache/xapian/xapian_backend.h"

namespace attache::xapian_backend {
namespace {

// FNV-1a, 64 bits: stable across compilers and releases, unlike std::hash,
// so an id stays in its shard however the index is rebuilt.
uint64_t fnv1a(const std::string& text) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// A decimal number of 1 to 9 digits, nothing else.
std::optional<uint32_t> small_number(const std::string& text) {
  uint32_t n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || text.size() > 9 || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return n;
}

}  // namespace

ShardRule ShardRule::parse(const std::string& spec) {
  ShardRule rule;
  if (spec == "year") return rule;
  if (spec.rfind("hash:", 0) == 0) {
    auto n = small_number(spec.substr(5));
    if (n && *n >= 1) {
      rule.hash_shards_ = *n;
      return rule;
    }
  }
  throw Error(ErrorKind::invalid_input, "a shard rule is 'year' or 'hash:N' with N at least 1, not '" + spec + "'");
}

std::string ShardRule::shard_of(const storage::StoredDocument& article) const {
  if (hash_shards_) return std::to_string(fnv1a(article.id) % hash_shards_);
  int year;
  unsigned month, day;
  civil_from_day(article.date, year, month, day);
  return std::to_string(year);
}

bool ShardRule::names(const std::string& shard) const {
  auto n = small_number(shard);
  if (!n || (shard.size() > 1 && shard[0] == '0')) return false;
  return hash_shards_ ? *n < hash_shards_ : *n >= 1 && *n <= 9999;
}

std::string ShardRule::describe() const {
  return hash_shards_ ? "hash:" + std::to_string(hash_shards_) : "year";
}

ShardedXapianWriter::ShardedXapianWriter(std::filesystem::path dir, ShardRule rule, std::optional<std::string> only)
    : dir_(std::move(dir)), rule_(rule), only_(std::move(only)) {
  if (only_ && !rule_.names(*only_))
    throw Error(ErrorKind::invalid_input,
                "shard '" + *only_ + "' is none that the rule " + rule_.describe() + " gives an article");
}

ShardedXapianWriter::~ShardedXapianWriter() = default;

void ShardedXapianWriter::add(storage::IndexableDocument&& document) {
  std::string shard = rule_.shard_of(document.stored);
  if (only_ && shard != *only_) {
    ++passed_over_;
    return;
  }
  auto& writer = writers_[shard];
  if (!writer) writer = XapianWriter::open(dir_ / shard);
  writer->add(std::move(document));
  ++written_[shard];
}

void ShardedXapianWriter::commit() {
  for (auto& [shard, writer] : writers_) writer->commit();
}

}  // namespace attache::xapian_backend
