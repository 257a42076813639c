// What outputs give as a statement's words: a direct statement split by its attribution comes out
// as its quoted parts; everything else as its span.
#include "statement_text.h"

#include <doctest/doctest.h>

#include <string>

using attache::cli::statement_text;
using attache::storage::StoredStatement;

namespace {

// The statement spanning `said` inside `text`.
std::string text_of(const std::string& text, const std::string& said, uint8_t kind = 0) {
  StoredStatement st;
  st.begin = static_cast<uint32_t>(text.find(said));
  REQUIRE(st.begin != std::string::npos);
  st.end = st.begin + static_cast<uint32_t>(said.size());
  st.kind = kind;
  return statement_text(text, st);
}

}  // namespace

TEST_CASE("a split quotation's parts are joined without the attribution between them") {
  const std::string curly =
      "“The thing you have to understand,” he said, leaning forward, “is that the North Koreans have seen this.”";
  CHECK(text_of(curly, "The thing you have to understand,” he said, leaning forward, “is that the North Koreans have "
                       "seen this.") == "The thing you have to understand is that the North Koreans have seen this.");
  const std::string straight = "\"Russia has never attacked anyone,\" Peskov told reporters. \"We are a peaceful country.\"";
  CHECK(text_of(straight, "Russia has never attacked anyone,\" Peskov told reporters. \"We are a peaceful country") ==
        "Russia has never attacked anyone. We are a peaceful country");
  const std::string nyt = "''We will not retreat,'' Mr. Gromyko said, ''not one step.''";
  CHECK(text_of(nyt, "We will not retreat,'' Mr. Gromyko said, ''not one step.") == "We will not retreat not one step.");
  const std::string outside = "\"Iran must stop\", Le Drian said. \"It is not too late.\"";
  CHECK(text_of(outside, "Iran must stop\", Le Drian said. \"It is not too late.") == "Iran must stop. It is not too late.");
  const std::string no_comma = "\"I met with\" he said \"President Biden on Monday.\"";
  CHECK(text_of(no_comma, "I met with\" he said \"President Biden on Monday.") == "I met with President Biden on Monday.");
  const std::string french = "« Nous voulons la paix », le ministre a dit. « Il est temps. »";
  CHECK(text_of(french, "Nous voulons la paix », le ministre a dit. « Il est temps.") == "Nous voulons la paix. Il est temps.");
  const std::string british = "‘We will act,’ the minister said, ‘and we will act soon.’";
  CHECK(text_of(british, "We will act,’ the minister said, ‘and we will act soon.") == "We will act and we will act soon.");
}

TEST_CASE("a statement not split, reported or mixed keeps its span; apostrophes close nothing") {
  const std::string whole = "“We don’t negotiate with ourselves,” she said.";
  CHECK(text_of(whole, "We don’t negotiate with ourselves") == "We don’t negotiate with ourselves");
  const std::string mixed = "He said the agreement “changes nothing” and “helps no one.”";
  CHECK(text_of(mixed, "the agreement “changes nothing” and “helps no one.”", 2) ==
        "the agreement “changes nothing” and “helps no one.”");
  const std::string reported = "She said the talks would resume.";
  CHECK(text_of(reported, "the talks would resume", 1) == "the talks would resume");
}

TEST_CASE("a direct statement no mark opens (a transcript's turn) keeps the quotations inside it") {
  const std::string turn = "MR PRICE: We have called it \"reckless\" and \"dangerous,\" and we mean it.";
  CHECK(text_of(turn, "We have called it \"reckless\" and \"dangerous,\" and we mean it") ==
        "We have called it \"reckless\" and \"dangerous,\" and we mean it");
}

TEST_CASE("a reported statement's own attribution set off by commas inside it is left out") {
  auto with = [](const std::string& text, const std::string& said, const std::string& speaker, const std::string& cue) {
    StoredStatement st;
    st.begin = static_cast<uint32_t>(text.find(said));
    st.end = st.begin + static_cast<uint32_t>(said.size());
    st.kind = 1;
    st.speaker = speaker;
    st.cue = cue;
    return statement_text(text, st);
  };
  const std::string pronoun = "His grudge against America, she said, dates back to 2002.";
  CHECK(with(pronoun, "His grudge against America, she said, dates back to 2002", "she", "said") ==
        "His grudge against America dates back to 2002");
  const std::string inverted = "The deal, said Mr. Lee on Monday, was not finished.";
  CHECK(with(inverted, "The deal, said Mr. Lee on Monday, was not finished", "Mr. Lee", "said") ==
        "The deal was not finished");
  // Another's attribution inside is kept, and so is a span with none.
  const std::string other = "The talks, Lavrov said, had failed.";
  CHECK(with(other, "The talks, Lavrov said, had failed", "she", "said") == "The talks, Lavrov said, had failed");
  CHECK(with(pronoun, "dates back to 2002", "she", "said") == "dates back to 2002");
}
