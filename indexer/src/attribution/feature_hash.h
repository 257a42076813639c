// How the taggers' features become rows: a template number and its values
// mixed into one hash, and distances put in buckets.
#pragma once

#include <cstdint>
#include <string_view>

namespace attache::indexer::attribution {

inline uint64_t hash_text(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

// hash_text(lowered(s)) without building the lower case: ASCII letters lowered, other bytes
// as they are (as std::tolower does in the "C" locale).
inline uint64_t hash_lowered(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ (c >= 'A' && c <= 'Z' ? c + 32u : c)) * 1099511628211ull;
  return h;
}

// A feature: its template number and up to four values, mixed (splitmix64's finaliser).
inline uint64_t mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  h ^= h >> 31;
  h *= 0xbf58476d1ce4e5b9ull;
  return h ^ (h >> 27);
}

struct Hash {
  uint64_t h;
  explicit Hash(int template_number) : h(mix(0x243f6a8885a308d3ull, static_cast<uint64_t>(template_number))) {}
  Hash& add(uint64_t v) {
    h = mix(h, v);
    return *this;
  }
};

// A signed distance in words, coarser as it grows: 0..3 exact, then 4-6, 7-10, 11-20, beyond.
inline int bucket(int distance) {
  int d = distance < 0 ? -distance : distance;
  int b = d <= 3 ? d : d <= 6 ? 4 : d <= 10 ? 5 : d <= 20 ? 6 : 7;
  return distance < 0 ? -b : b;
}

}  // namespace attache::indexer::attribution
