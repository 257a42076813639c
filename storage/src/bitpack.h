// Block codec for postings and positions: 128 unsigned 32-bit values bit-packed
// at one width, with the few values too wide for it patched in as exceptions
// (the PFor idea), plus fixed-width arrays with random access for columns.
#pragma once

#include <cstddef>
#include <cstdint>

#include "attache/storage/bytes.h"

namespace attache::storage {

inline constexpr size_t kBlockSize = 128;

// Number of bits needed to represent v (0 for 0).
inline int bit_width_of(uint32_t v) { return v == 0 ? 0 : 32 - __builtin_clz(v); }

// Packs 128 values of at most `bits` bits each into 16*bits bytes: values are
// laid out least-significant bit first in little-endian 64-bit words.
void pack_block(const uint32_t* values, int bits, uint8_t* out);
void unpack_block(const uint8_t* in, int bits, uint32_t* values);

// Writes a patched block: a header byte (width, exception flag), the
// exceptions as (index, high bits) pairs, then the packed low bits.
void encode_block(const uint32_t* values, ByteWriter& out);
// Reads what encode_block wrote; corruption is reported through `in`.
void decode_block(ByteReader& in, uint32_t* values);
// Moves past one encoded block without unpacking it.
void skip_block(ByteReader& in);

// Fixed-width array: value i occupies bits [i*width, (i+1)*width). The buffer
// must be followed by 8 readable bytes (writers pad it).
inline uint64_t read_packed(const uint8_t* base, uint64_t index, int width) {
  if (width == 0) return 0;
  uint64_t bit = index * static_cast<uint64_t>(width);
  const uint8_t* p = base + (bit >> 3);
  uint64_t word = load_u64(p) >> (bit & 7);
  if ((bit & 7) + width > 64) word |= static_cast<uint64_t>(p[8]) << (64 - (bit & 7));
  return width == 64 ? word : word & ((uint64_t{1} << width) - 1);
}
// Appends `count` values of `width` bits (plus 8 bytes of padding) to out.
void write_packed(const uint64_t* values, size_t count, int width, ByteWriter& out);

}  // namespace attache::storage
