// Property tests for the integer codecs: random values of every width and
// shape survive varints, packed blocks (with and without exceptions) and
// fixed-width columns; truncated input is reported as corruption.
#include <doctest/doctest.h>

#include <random>

#include "bitpack.h"
#include "attache/storage/bytes.h"

using namespace attache;
using namespace attache::storage;

namespace {

std::vector<uint32_t> random_block(std::mt19937_64& rng, int shape) {
  std::vector<uint32_t> v(kBlockSize);
  int width = static_cast<int>(rng() % 33);
  for (auto& x : v) {
    switch (shape) {
      case 0: x = width == 0 ? 0 : static_cast<uint32_t>(rng() & ((uint64_t{1} << width) - 1)); break;
      case 1: x = static_cast<uint32_t>(rng() % 8); break;                              // small gaps
      case 2: x = rng() % 50 == 0 ? static_cast<uint32_t>(rng()) : static_cast<uint32_t>(rng() % 4); break;  // outliers
      default: x = static_cast<uint32_t>(rng()); break;
    }
  }
  return v;
}

}  // namespace

TEST_CASE("pack_block and unpack_block round-trip every width") {
  std::mt19937_64 rng(1);
  for (int bits = 0; bits <= 32; ++bits) {
    std::vector<uint32_t> in(kBlockSize), out(kBlockSize, 7);
    for (auto& x : in) x = bits == 0 ? 0 : static_cast<uint32_t>(rng() & ((uint64_t{1} << bits) - 1));
    std::vector<uint8_t> packed(16 * static_cast<size_t>(bits) + 8);
    pack_block(in.data(), bits, packed.data());
    unpack_block(packed.data(), bits, out.data());
    CHECK(in == out);
  }
}

TEST_CASE("encode_block and decode_block round-trip random blocks, outliers included") {
  std::mt19937_64 rng(2);
  for (int trial = 0; trial < 2000; ++trial) {
    auto in = random_block(rng, trial % 4);
    ByteWriter w;
    encode_block(in.data(), w);
    ByteReader r(w.bytes().data(), w.bytes().data() + w.size(), nullptr);
    std::vector<uint32_t> out(kBlockSize);
    decode_block(r, out.data());
    REQUIRE(in == out);
    CHECK(r.at_end());
  }
}

TEST_CASE("exceptions make blocks with rare outliers smaller than plain packing") {
  std::vector<uint32_t> in(kBlockSize, 3);
  in[17] = 1u << 30;
  ByteWriter w;
  encode_block(in.data(), w);
  CHECK(w.size() < 16 * 31);  // plain packing would need 31 bits per value
  CHECK(w.size() < 60);
}

TEST_CASE("varints round-trip and truncation is corruption") {
  std::mt19937_64 rng(3);
  ByteWriter w;
  std::vector<uint64_t> values;
  for (int i = 0; i < 5000; ++i) {
    uint64_t v = rng() >> (rng() % 64);
    values.push_back(v);
    w.varint(v);
  }
  ByteReader r(w.bytes().data(), w.bytes().data() + w.size(), nullptr);
  for (uint64_t v : values) CHECK(r.varint() == v);
  CHECK(r.at_end());

  ByteWriter big;
  big.varint(uint64_t{1} << 40);
  ByteReader cut(big.bytes().data(), big.bytes().data() + big.size() - 1, nullptr);
  CHECK_THROWS_AS(cut.varint(), Error);
  try {
    ByteReader again(big.bytes().data(), big.bytes().data() + 1, nullptr);
    again.varint();
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::corruption);
  }
}

TEST_CASE("fixed-width columns give back each value by index") {
  std::mt19937_64 rng(4);
  for (int width : {0, 1, 5, 13, 17, 31, 32, 33, 47, 63}) {
    std::vector<uint64_t> values(1000);
    for (auto& v : values) v = width == 0 ? 0 : (rng() & (width == 64 ? ~0ull : ((uint64_t{1} << width) - 1)));
    ByteWriter w;
    write_packed(values.data(), values.size(), width, w);
    for (size_t i = 0; i < values.size(); ++i) REQUIRE(read_packed(w.bytes().data(), i, width) == values[i]);
  }
}
