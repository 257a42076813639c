// libstemmer's stemmers (English is Porter2) behind a word cache: news
// vocabulary repeats, and a hash lookup is cheaper than running the stemmer again.
// libstemmer takes ISO 639 codes as names of its algorithms ("fr", "fre", "fra").
#include "attache/analysis/stemmer.h"

#include "attache/analysis/terms.h"
#include "attache/analysis/tokenizer.h"

#include <libstemmer.h>

#include <map>
#include <stdexcept>
#include <unordered_map>

namespace attache::analysis {
namespace {
constexpr size_t kMaxCachedWords = 1 << 20;
}

struct Stemmer::Impl {
  sb_stemmer* stemmer = nullptr;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> cache;
  bool accents_matter = false;  // another language than English
  // Written words (lowered, with accents) and their folded stems.
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> written_cache;
  std::string folded;  // the last word stem_written folded
};

Stemmer::Stemmer(std::string_view language) : impl_(std::make_unique<Impl>()) {
  if (language.empty()) {
    impl_->stemmer = sb_stemmer_new("english", "UTF_8");
    if (!impl_->stemmer) throw std::runtime_error("libstemmer has no English stemmer");
  } else {
    impl_->stemmer = sb_stemmer_new(std::string(language).c_str(), "UTF_8");
    impl_->accents_matter = impl_->stemmer && !is_english(language);
  }
}

bool Stemmer::stems() const { return impl_->stemmer != nullptr; }

Stemmer::~Stemmer() { sb_stemmer_delete(impl_->stemmer); }

std::string_view Stemmer::stem_lowered(std::string_view word) {
  const sb_symbol* s = sb_stemmer_stem(impl_->stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                                       static_cast<int>(word.size()));
  if (!s) throw std::bad_alloc();
  return {reinterpret_cast<const char*>(s), static_cast<size_t>(sb_stemmer_length(impl_->stemmer))};
}

std::string_view Stemmer::stem(std::string_view word) {
  if (!impl_->stemmer) return word;
  if (auto it = impl_->cache.find(word); it != impl_->cache.end()) return it->second;
  std::string stemmed(stem_lowered(word));
  if (impl_->cache.size() >= kMaxCachedWords) impl_->cache.clear();
  return impl_->cache.emplace(std::string(word), std::move(stemmed)).first->second;
}

std::string_view Stemmer::stem_written(std::string_view written) {
  if (!impl_->accents_matter || is_ascii(written)) {
    // Kept here: with no stemmer for the language (a code nobody stems, or a damaged one read from
    // an index), stem() returns the word it is given, which must outlive the call.
    impl_->folded = fold(written);
    return stem(impl_->folded);
  }
  std::string lowered = lower_keeping_accents(written);
  if (auto it = impl_->written_cache.find(lowered); it != impl_->written_cache.end()) return it->second;
  std::string folded_stem = fold(stem_lowered(lowered));
  if (impl_->written_cache.size() >= kMaxCachedWords) impl_->written_cache.clear();
  return impl_->written_cache.emplace(std::move(lowered), std::move(folded_stem)).first->second;
}

Stemmer& thread_stemmer(std::string_view language) {
  thread_local std::map<std::string, std::unique_ptr<Stemmer>, std::less<>> stemmers;
  auto it = stemmers.find(language);
  if (it == stemmers.end()) it = stemmers.emplace(std::string(language), std::make_unique<Stemmer>(language)).first;
  return *it->second;
}

}  // namespace attache::analysis
