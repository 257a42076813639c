// A set of Xapian shards in one directory, DIR/<shard>/{articles,statements},
// each article in the shard its rule names: the year of its date, or a hash
// of its id. Each shard is an index of its own, served by its own
// xapian-tcpsrv and joined to the others by stubs (README.md).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "attache/indexer/indexing.h"
#include "attache/storage/document.h"

namespace attache::xapian_backend {

class XapianWriter;

class ShardRule {
 public:
  // "year", or "hash:N" (N shards named 0 to N-1 by a 64-bit FNV-1a hash of
  // the id, which never changes between releases); invalid_input otherwise.
  static ShardRule parse(const std::string& spec);
  std::string shard_of(const storage::StoredDocument& article) const;
  // Whether the rule can name this shard at all ("2021"; "3" of "hash:8").
  bool names(const std::string& shard) const;
  std::string describe() const;

 private:
  uint32_t hash_shards_ = 0;  // 0: by year
};

// Writes each article into DIR/<its shard>/, opening shards as articles for
// them arrive; with `only`, writes that shard alone and passes over the rest
// (so every shard host can index the same feed).
class ShardedXapianWriter final : public indexer::DocumentSink {
 public:
  ShardedXapianWriter(std::filesystem::path dir, ShardRule rule, std::optional<std::string> only);
  ~ShardedXapianWriter() override;
  void add(storage::IndexableDocument&& document) override;
  void commit() override;
  // Articles of other shards, not written.
  uint64_t passed_over() const { return passed_over_; }
  // Articles written, by shard.
  const std::map<std::string, uint64_t>& written() const { return written_; }

 private:
  std::filesystem::path dir_;
  ShardRule rule_;
  std::optional<std::string> only_;
  std::map<std::string, std::unique_ptr<XapianWriter>> writers_;
  std::map<std::string, uint64_t> written_;
  uint64_t passed_over_ = 0;
};

}  // namespace attache::xapian_backend
