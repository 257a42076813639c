// Snowball stemming (libstemmer) in one language, with a cache of recent words.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace attache::analysis {

// Not thread-safe: one per thread.
class Stemmer {
 public:
  // English, or the language of an ISO 639 code ("fr", "ru", "de"); a language
  // libstemmer has no algorithm for leaves words as they are.
  explicit Stemmer(std::string_view language = {});
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // Whether words of this language are stemmed (false: they are their own stems).
  bool stems() const;
  // The stem of a folded word; valid until the next call.
  std::string_view stem(std::string_view folded_word);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// This thread's stemmer of a language (English for an empty code), made on
// first use: for code that meets articles of several languages one at a time.
Stemmer& thread_stemmer(std::string_view language);

}  // namespace attache::analysis
