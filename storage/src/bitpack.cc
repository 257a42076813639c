// Scalar bit packing, specialised per width so each loop unrolls to straight code.
#include "bitpack.h"

#include <array>
#include <cstring>

namespace attache::storage {
namespace {

template <int Bits>
void pack_fixed(const uint32_t* values, uint8_t* out) {
  if constexpr (Bits == 0) {
    (void)values;
    (void)out;
  } else {
    uint64_t acc = 0;
    int filled = 0;
    for (size_t i = 0; i < kBlockSize; ++i) {
      uint64_t v = values[i];
      acc |= v << filled;
      filled += Bits;
      if (filled >= 64) {
        std::memcpy(out, &acc, 8);
        out += 8;
        filled -= 64;
        acc = filled ? v >> (Bits - filled) : 0;
      }
    }
  }
}

template <int Bits>
void unpack_fixed(const uint8_t* in, uint32_t* values) {
  if constexpr (Bits == 0) {
    (void)in;
    std::memset(values, 0, kBlockSize * sizeof(uint32_t));
  } else {
    constexpr uint64_t mask = Bits == 32 ? 0xffffffffu : (uint64_t{1} << Bits) - 1;
    for (size_t i = 0; i < kBlockSize; ++i) {
      const size_t bit = i * Bits;
      const size_t word = bit >> 6;
      const int offset = bit & 63;
      uint64_t lo;
      std::memcpy(&lo, in + word * 8, 8);
      uint64_t v = lo >> offset;
      if (offset + Bits > 64) {
        uint64_t hi;
        std::memcpy(&hi, in + word * 8 + 8, 8);
        v |= hi << (64 - offset);
      }
      values[i] = static_cast<uint32_t>(v & mask);
    }
  }
}

using PackFn = void (*)(const uint32_t*, uint8_t*);
using UnpackFn = void (*)(const uint8_t*, uint32_t*);

template <size_t... I>
constexpr std::array<PackFn, sizeof...(I)> pack_table(std::index_sequence<I...>) {
  return {&pack_fixed<static_cast<int>(I)>...};
}
template <size_t... I>
constexpr std::array<UnpackFn, sizeof...(I)> unpack_table(std::index_sequence<I...>) {
  return {&unpack_fixed<static_cast<int>(I)>...};
}
constexpr auto kPack = pack_table(std::make_index_sequence<33>{});
constexpr auto kUnpack = unpack_table(std::make_index_sequence<33>{});

constexpr uint8_t kExceptionFlag = 0x80;
constexpr int kMaxExceptions = 16;

}  // namespace

void pack_block(const uint32_t* values, int bits, uint8_t* out) { kPack[bits](values, out); }
void unpack_block(const uint8_t* in, int bits, uint32_t* values) { kUnpack[bits](in, values); }

void encode_block(const uint32_t* values, ByteWriter& out) {
  // Choose the width that minimises packed bits plus exception cost; an
  // exception costs about 16 bits (index byte and a short varint).
  std::array<int, 33> count_by_width{};
  for (size_t i = 0; i < kBlockSize; ++i) ++count_by_width[bit_width_of(values[i])];
  int max_width = 32;
  while (max_width > 0 && count_by_width[max_width] == 0) --max_width;
  int best = max_width;
  size_t best_cost = kBlockSize * max_width;
  int wider = 0;  // values wider than the candidate width
  for (int width = max_width - 1; width >= 0; --width) {
    wider += count_by_width[width + 1];
    if (wider > kMaxExceptions) break;
    size_t cost = kBlockSize * width + static_cast<size_t>(wider) * (8 + 8 * ((max_width - width + 6) / 7));
    if (cost < best_cost) {
      best_cost = cost;
      best = width;
    }
  }

  uint32_t low[kBlockSize];
  if (best == max_width) {
    out.u8(static_cast<uint8_t>(best));
    std::memcpy(low, values, sizeof(low));
  } else {
    out.u8(static_cast<uint8_t>(best) | kExceptionFlag);
    const uint32_t mask = best == 0 ? 0 : (uint32_t{1} << best) - 1;
    size_t count_at = out.size();
    out.u8(0);
    uint8_t exceptions = 0;
    for (size_t i = 0; i < kBlockSize; ++i) {
      low[i] = values[i] & mask;
      if (bit_width_of(values[i]) > best) {
        out.u8(static_cast<uint8_t>(i));
        out.varint(values[i] >> best);
        ++exceptions;
      }
    }
    out.bytes()[count_at] = exceptions;
  }
  size_t at = out.size();
  out.bytes().resize(at + 16 * static_cast<size_t>(best));
  pack_block(low, best, out.bytes().data() + at);
}

void decode_block(ByteReader& in, uint32_t* values) {
  uint8_t header = in.u8();
  int bits = header & 0x3f;
  if (bits > 32 || (header & 0x40)) in.fail("invalid bit width in packed block");
  uint8_t exception_index[kMaxExceptions];
  uint32_t exception_high[kMaxExceptions];
  uint8_t exceptions = 0;
  if (header & kExceptionFlag) {
    exceptions = in.u8();
    if (bits == 32 || exceptions > kMaxExceptions) in.fail("too many exceptions in packed block");
    for (uint8_t e = 0; e < exceptions; ++e) {
      exception_index[e] = in.u8();
      uint64_t high = in.varint();
      if (exception_index[e] >= kBlockSize || bits + bit_width_of(static_cast<uint32_t>(high)) > 32 ||
          high > UINT32_MAX)
        in.fail("invalid exception in packed block");
      exception_high[e] = static_cast<uint32_t>(high);
    }
  }
  const uint8_t* packed = in.take(16 * static_cast<size_t>(bits));
  unpack_block(packed, bits, values);
  for (uint8_t e = 0; e < exceptions; ++e) values[exception_index[e]] |= exception_high[e] << bits;
}

void skip_block(ByteReader& in) {
  uint8_t header = in.u8();
  int bits = header & 0x3f;
  if (bits > 32 || (header & 0x40)) in.fail("invalid bit width in packed block");
  if (header & kExceptionFlag) {
    uint8_t exceptions = in.u8();
    if (exceptions > kMaxExceptions) in.fail("too many exceptions in packed block");
    for (uint8_t e = 0; e < exceptions; ++e) {
      in.u8();
      in.varint();
    }
  }
  in.skip(16 * static_cast<size_t>(bits));
}

void write_packed(const uint64_t* values, size_t count, int width, ByteWriter& out) {
  size_t bytes = (count * static_cast<size_t>(width) + 7) / 8;
  size_t at = out.size();
  out.bytes().resize(at + bytes + 8, 0);
  uint8_t* base = out.bytes().data() + at;
  for (size_t i = 0; i < count && width > 0; ++i) {
    uint64_t bit = i * static_cast<uint64_t>(width);
    uint64_t v = values[i];
    for (int b = 0; b < width; ++b)
      if ((v >> b) & 1) base[(bit + b) >> 3] |= static_cast<uint8_t>(1u << ((bit + b) & 7));
  }
}

}  // namespace attache::storage
