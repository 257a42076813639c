// Little-endian fixed-width integers and LEB128 varints, written to a growable
// buffer and read back with bounds checks that report corruption, never overrun.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "attache/storage/error.h"

namespace attache::storage {

class ByteWriter {
 public:
  void u8(uint8_t v) { bytes_.push_back(v); }
  void u16(uint16_t v) { fixed(v, 2); }
  void u32(uint32_t v) { fixed(v, 4); }
  void u64(uint64_t v) { fixed(v, 8); }
  void varint(uint64_t v) {
    while (v >= 0x80) {
      bytes_.push_back(static_cast<uint8_t>(v) | 0x80);
      v >>= 7;
    }
    bytes_.push_back(static_cast<uint8_t>(v));
  }
  void raw(const void* data, size_t size) {
    auto p = static_cast<const uint8_t*>(data);
    bytes_.insert(bytes_.end(), p, p + size);
  }
  // A varint length followed by the bytes.
  void string(std::string_view s) {
    varint(s.size());
    raw(s.data(), s.size());
  }
  size_t size() const { return bytes_.size(); }
  const std::vector<uint8_t>& bytes() const { return bytes_; }
  std::vector<uint8_t>& bytes() { return bytes_; }
  void clear() { bytes_.clear(); }

 private:
  void fixed(uint64_t v, int n) {
    for (int i = 0; i < n; ++i) bytes_.push_back(static_cast<uint8_t>(v >> (8 * i)));
  }
  std::vector<uint8_t> bytes_;
};

inline uint32_t load_u32(const uint8_t* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;  // attache runs on little-endian machines only (checked in CMake)
}
inline uint64_t load_u64(const uint8_t* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

// a + b in `out`, false when the sum leaves T's range: sums of values read
// from a file are checked before they are trusted, never after they wrapped.
template <typename T>
[[nodiscard]] bool add_fits(T a, T b, T& out) {
  return !__builtin_add_overflow(a, b, &out);
}

// The bounded reader every decoder reads through. Reads from [begin, end);
// any read past the end, overlong varint, count larger than the bytes left
// could hold or sum that overflows is reported as corruption of `file`.
class ByteReader {
 public:
  ByteReader(const uint8_t* begin, const uint8_t* end, const std::string* file)
      : p_(begin), end_(end), file_(file) {}

  uint8_t u8() {
    need(1);
    return *p_++;
  }
  uint16_t u16() {
    need(2);
    uint16_t v = static_cast<uint16_t>(p_[0] | (p_[1] << 8));
    p_ += 2;
    return v;
  }
  uint32_t u32() {
    need(4);
    uint32_t v = load_u32(p_);
    p_ += 4;
    return v;
  }
  uint64_t u64() {
    need(8);
    uint64_t v = load_u64(p_);
    p_ += 8;
    return v;
  }
  uint64_t varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      need(1);
      uint8_t b = *p_++;
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    fail("varint longer than 10 bytes");
  }
  uint32_t varint32() {
    uint64_t v = varint();
    if (v > UINT32_MAX) fail("value exceeds 32 bits");
    return static_cast<uint32_t>(v);
  }
  // A varint count of items that each take at least `min_bytes_each` bytes
  // of what is left: checked before the caller allocates anything for them.
  uint32_t count(size_t min_bytes_each) {
    uint64_t n = varint();
    check_count(n, min_bytes_each);
    return static_cast<uint32_t>(n);
  }
  // The same for a count already read (a fixed-width field).
  void check_count(uint64_t n, size_t min_bytes_each) const {
    if (n > UINT32_MAX || n > remaining() / (min_bytes_each ? min_bytes_each : 1))
      fail("count " + std::to_string(n) + " exceeds the bytes left");
  }
  // a + b, or corruption when the sum leaves T's range.
  template <typename T>
  T add(T a, T b, const char* what) const {
    T sum;
    if (!add_fits(a, b, sum)) fail(what);
    return sum;
  }
  std::string_view string() {
    uint64_t n = varint();
    if (n > remaining()) fail("string runs past the end of its block");
    std::string_view s(reinterpret_cast<const char*>(p_), n);
    p_ += n;
    return s;
  }
  const uint8_t* take(size_t n) {
    need(n);
    const uint8_t* start = p_;
    p_ += n;
    return start;
  }
  void skip(size_t n) { take(n); }
  size_t remaining() const { return static_cast<size_t>(end_ - p_); }
  bool at_end() const { return p_ == end_; }
  const uint8_t* position() const { return p_; }
  [[noreturn]] void fail(const std::string& reason) const {
    throw_corruption(file_ ? *file_ : std::string("?"), reason);
  }

 private:
  void need(size_t n) const {
    if (n > remaining()) fail("unexpected end of data");
  }
  const uint8_t* p_;
  const uint8_t* end_;
  const std::string* file_;
};

}  // namespace attache::storage
