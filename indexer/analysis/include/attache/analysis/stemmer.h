// Snowball English stemming (libstemmer) with a cache of recent words.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace attache::analysis {

// Not thread-safe: one per thread.
class Stemmer {
 public:
  Stemmer();
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // The stem of a folded word; valid until the next call.
  std::string_view stem(std::string_view folded_word);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace attache::analysis
