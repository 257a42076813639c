// MinHash with one strong hash per shingle and kSignatureSize cheap
// multiply-shift functions of it: an article costs one pass over its words.
#include "signature.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>

namespace attache::indexer {
namespace {

uint64_t mix(uint64_t x) {  // splitmix64's finaliser: every input bit moves every output bit
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

uint64_t word_hash(const std::string& word) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (unsigned char c : word) h = (h ^ c) * 1099511628211ull;
  return mix(h);
}

// The functions' odd multipliers and offsets, fixed so that every index agrees.
struct Functions {
  std::array<uint64_t, storage::kSignatureSize> multiply, add;
  Functions() {
    uint64_t state = 0x9e3779b97f4a7c15ull;
    for (size_t k = 0; k < storage::kSignatureSize; ++k) {
      multiply[k] = mix(state += 0x9e3779b97f4a7c15ull) | 1;
      add[k] = mix(state += 0x9e3779b97f4a7c15ull);
    }
  }
};

}  // namespace

storage::Signature article_signature(const std::vector<analysis::Token>& tokens) {
  static const Functions functions;
  std::vector<uint64_t> words;
  words.reserve(tokens.size());
  for (const analysis::Token& t : tokens)
    if (!t.compound) words.push_back(word_hash(t.text));
  storage::Signature out{};
  if (words.empty()) return out;
  std::array<uint32_t, storage::kSignatureSize> minimum;
  minimum.fill(std::numeric_limits<uint32_t>::max());
  const size_t width = std::min(kShingleWords, words.size());
  for (size_t i = 0; i + width <= words.size(); ++i) {
    uint64_t shingle = 0;
    for (size_t k = 0; k < width; ++k) shingle = mix(shingle ^ words[i + k]);
    for (size_t k = 0; k < storage::kSignatureSize; ++k)
      minimum[k] = std::min(minimum[k], static_cast<uint32_t>((shingle * functions.multiply[k] + functions.add[k]) >> 32));
  }
  for (size_t k = 0; k < storage::kSignatureSize; ++k) out[k] = static_cast<uint16_t>(minimum[k]);
  // All zero means "none": a real signature that happens to be all zero keeps one bit.
  if (std::all_of(out.begin(), out.end(), [](uint16_t v) { return v == 0; })) out[0] = 1;
  return out;
}

}  // namespace attache::indexer
