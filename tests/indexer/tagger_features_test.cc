// What the tagger sees does not depend on a publisher's typography, nor a word's hash on how
// the word was lowered.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "attribution/feature_hash.h"
#include "attribution/tagger.h"
#include "attribution/words.h"

using namespace attache::indexer::attribution;

namespace {

std::vector<uint32_t> features_of(const std::string& text) {
  const WordStream stream = read_words(text);
  return extract_features(stream, tagged_sequences(stream), 16).hashes;
}

}  // namespace

TEST_CASE("quotation marks of every style give the tagger the same features") {
  const std::string curly = "\u201cIt is time,\u201d the minister said. \u201cWe will go.\u201d";
  const auto expected = features_of(curly);
  REQUIRE_FALSE(expected.empty());
  CHECK(features_of("''It is time,'' the minister said. ''We will go.''") == expected);
  CHECK(features_of("\"It is time,\" the minister said. \"We will go.\"") == expected);
}

TEST_CASE("a curly apostrophe is a straight one to the tagger") {
  CHECK(features_of("\u201cIt\u2019s time,\u201d the minister\u2019s aide said.") ==
        features_of("\u201cIt's time,\u201d the minister's aide said."));
  CHECK(features_of("\u201cIt\u2019s time,\u201d the aide said.") != features_of("\u201cIts time,\u201d the aide said."));
}

TEST_CASE("a word's lower-case hash is the hash of its lower case, for any bytes") {
  std::mt19937 rng(7);
  for (int n = 0; n < 2000; ++n) {
    std::string word(rng() % 12, ' ');
    for (char& c : word) c = static_cast<char>(rng() % 256);
    CHECK(hash_lowered(word) == hash_text(lowered(word)));
  }
  CHECK(hash_lowered("McCain's") == hash_text("mccain's"));
}
