// A hash table from strings to values for the hot loops of indexing (one
// lookup per token or per term of a document): open addressing with linear
// probing, keys copied into one arena, the full 64-bit hash kept beside each
// slot so a probe rarely touches the key. Much faster than a node-based map
// when it has hundreds of thousands of entries.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace attache::storage {

uint64_t hash_bytes(std::string_view s);

template <typename Value>
class StringTable {
 public:
  StringTable() { slots_.resize(1024); }

  Value* find(std::string_view key) {
    const uint64_t h = hash_bytes(key);
    for (size_t i = h & mask(); slots_[i].used; i = (i + 1) & mask())
      if (slots_[i].hash == h && this->key(slots_[i]) == key) return &slots_[i].value;
    return nullptr;
  }

  // The value for key, inserted as `value` when absent; second is true if inserted.
  std::pair<Value*, bool> insert(std::string_view key, Value value) {
    if ((size_ + 1) * 4 > slots_.size() * 3) grow();
    const uint64_t h = hash_bytes(key);
    size_t i = h & mask();
    for (; slots_[i].used; i = (i + 1) & mask())
      if (slots_[i].hash == h && this->key(slots_[i]) == key) return {&slots_[i].value, false};
    Slot& s = slots_[i];
    s.used = true;
    s.hash = h;
    s.key_offset = arena_.size();
    s.key_length = static_cast<uint32_t>(key.size());
    arena_.append(key);
    s.value = std::move(value);
    ++size_;
    return {&s.value, true};
  }

  size_t size() const { return size_; }
  // Bytes held, for memory budgets.
  size_t memory_bytes() const { return slots_.size() * sizeof(Slot) + arena_.capacity(); }

  void clear() {
    slots_.assign(1024, Slot{});
    arena_.clear();
    size_ = 0;
  }

  template <typename Visit>
  void for_each(Visit&& visit) {
    for (Slot& s : slots_)
      if (s.used) visit(key(s), s.value);
  }

 private:
  struct Slot {
    uint64_t hash = 0;
    size_t key_offset = 0;
    uint32_t key_length = 0;
    bool used = false;
    Value value{};
  };
  size_t mask() const { return slots_.size() - 1; }
  std::string_view key(const Slot& s) const { return std::string_view(arena_).substr(s.key_offset, s.key_length); }
  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (Slot& s : old) {
      if (!s.used) continue;
      size_t i = s.hash & mask();
      while (slots_[i].used) i = (i + 1) & mask();
      slots_[i] = std::move(s);
    }
  }
  std::vector<Slot> slots_;
  std::string arena_;
  size_t size_ = 0;
};

}  // namespace attache::storage
