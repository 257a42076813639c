// Sentence splitting on the seed article and on the cases statement
// attribution depends on: titles, initials, acronyms, quotes, paragraphs.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "attache/analysis/sentences.h"

using namespace attache::analysis;

namespace {

std::vector<std::string> sentences(std::string_view text) {
  std::vector<std::string> out;
  for (const Sentence& s : split_sentences(text)) out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

using S = std::vector<std::string>;

}  // namespace

TEST_CASE("titles, initials and abbreviations do not end sentences") {
  CHECK(sentences("Mr. Ryabkov spoke. Ms. Sherman replied.") == S{"Mr. Ryabkov spoke.", "Ms. Sherman replied."});
  CHECK(sentences("Dr. Liik said so. Mr Putin did not.") == S{"Dr. Liik said so.", "Mr Putin did not."});
  CHECK(sentences("Deputy Foreign Minister Sergei A. Ryabkov insisted. He left.") ==
        S{"Deputy Foreign Minister Sergei A. Ryabkov insisted.", "He left."});
  CHECK(sentences("Russian President Vladimir V. Putin said it. M. Ryabkov agreed.") ==
        S{"Russian President Vladimir V. Putin said it.", "M. Ryabkov agreed."});
  CHECK(sentences("Talks resume on Jan. 12 in Geneva. Nobody expects much.") ==
        S{"Talks resume on Jan. 12 in Geneva.", "Nobody expects much."});
  CHECK(sentences("Gen. Mark A. Milley testified. Sen. Jim Risch asked.") ==
        S{"Gen. Mark A. Milley testified.", "Sen. Jim Risch asked."});
  // A transcript's labels in capitals ("MR. KIRBY:") had split after the title.
  CHECK(sentences("MR. KIRBY: Thanks, Karine. MS. JEAN-PIERRE: Go ahead.") ==
        S{"MR. KIRBY: Thanks, Karine.", "MS. JEAN-PIERRE: Go ahead."});
}

TEST_CASE("U.S. ends a sentence only before a typical sentence opening") {
  CHECK(sentences("U.S. officials say they are ready.") == S{"U.S. officials say they are ready."});
  CHECK(sentences("The talks were with the U.S. Russian officials were not pleased.") ==
        S{"The talks were with the U.S. Russian officials were not pleased."});
  CHECK(sentences("Moscow blamed the U.S. The State Department denied it.") ==
        S{"Moscow blamed the U.S.", "The State Department denied it."});
}

TEST_CASE("quotation marks and question marks") {
  CHECK(sentences("\"We will not,\" he said. \"Never.\" She agreed.") ==
        S{"\"We will not,\" he said.", "\"Never.\"", "She agreed."});
  CHECK(sentences("“Why?” he asked. Nobody knew!") == S{"“Why?” he asked.", "Nobody knew!"});
  CHECK(sentences("He said: “It is over.” Then he left.") == S{"He said: “It is over.”", "Then he left."});
  CHECK(sentences("Wait... What happened?") == S{"Wait...", "What happened?"});
}

TEST_CASE("numbers and lower-case continuations do not split") {
  CHECK(sentences("Growth was 3.5 percent. It fell.") == S{"Growth was 3.5 percent.", "It fell."});
  CHECK(sentences("they would not stand idly by. if Russia moves") == S{"they would not stand idly by. if Russia moves"});
}

TEST_CASE("stray punctuation joins the sentence before it") {
  CHECK(sentences("It ended. . Then more.") == S{"It ended. .", "Then more."});
  CHECK(sentences("Alone.\n\n.\n\nNext.") == S{"Alone.", "Next."});
}

TEST_CASE("a blank line always ends a sentence and starts a paragraph") {
  auto split = split_sentences("A headline without a period\n\nThe body starts here. It goes on.");
  REQUIRE(split.size() == 3);
  CHECK(split[0].starts_paragraph);
  CHECK(split[1].starts_paragraph);
  CHECK_FALSE(split[2].starts_paragraph);
  CHECK(sentences("one line\nwrapped here. Next one.") == S{"one line\nwrapped here.", "Next one."});
}

TEST_CASE("the seed article splits where a careful reader would") {
  std::ifstream in(std::string(ATTACHE_SOURCE_DIR) + "/corpus/000_acfc8dae91c10f02.txt");
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  auto all = sentences(text);
  auto has = [&](const std::string& s) { return std::find(all.begin(), all.end(), s) != all.end(); };
  CHECK(has("Deputy Foreign Minister Sergei A. Ryabkov, Russia’s chief negotiator, insisted after the meeting that it "
            "was absolutely mandatory that Ukraine never, ever, ever become a member of NATO."));
  CHECK(has("The stalemate left the fate of Ukraine, which was not invited to bilateral talks, uncertain as Russia’s "
            "military intentions were far from resolved following hastily scheduled meetings between Ms. Sherman and "
            "M. Ryabkov Sunday evening and Monday."));
  CHECK(has("Yet as Russia massed around 100,000 troops on its border with Ukraine, Ryabkov told reporters that we had "
            "no intention of invading Ukraine."));
  CHECK(has("U.S. officials say they’re preparing for everything from a full-scale invasion, to partial incursions, to "
            "cyber attacks meant to cripple the country."));
  CHECK(has("It is very difficult for diplomats to do the job that we are doing if you have no hope, she said."));
  CHECK(has("So of course I have hope."));
  CHECK(has("She paused briefly."));
  CHECK(has("Understanding Russia’s Relationship with the West"));
  CHECK(has("date 2022-01-11"));  // the header line is its own paragraph here
  for (const auto& s : all) {
    CHECK_MESSAGE(s.find("\n\n") == std::string::npos, s);
    CHECK_MESSAGE(s.rfind("Ryabkov,", 0) != 0, s);  // never split after "Sergei A."
  }
  CHECK(has("The war in eastern Ukraine continues to grow. simmer, having killed more than 13,000 Ukrainians on both "
            "sides. ."));  // stray punctuation stays with its sentence
  CHECK(all.size() == 55);
}

// Snippets split only the paragraphs around their matches: every sentence of a
// paragraph must come out as splitting the whole text gives it.
TEST_CASE("splitting the paragraphs around a range gives the whole text's sentences there") {
  std::vector<std::string> texts = {
      "Alone.\n\n.\n\nNext.",
      "It ended. . Then more.\n \t\r\n  Mr. Lee said so.\n\n\n\"Quoted.\" Then U.S.\n\nThe end",
      "He left for the U.S.\n\nThe talks went on. Dr.\n\nLee said.\r\n\r\nNo.",
      "\n\nLeading blank lines. Two sentences.\n\n",
  };
  for (const char* name : {"000_acfc8dae91c10f02.txt", "004_lavrov_press_conference.txt", "006_eu_sanctions_package.txt"}) {
    std::ifstream in(std::string(ATTACHE_SOURCE_DIR) + "/corpus/" + name);
    std::stringstream buffer;
    buffer << in.rdbuf();
    texts.push_back(buffer.str());
  }
  for (const std::string& text : texts) {
    const std::vector<Sentence> whole = split_sentences(text);
    for (size_t begin = 0; begin <= text.size(); begin += 7) {
      const size_t end = std::min(text.size(), begin + 1 + begin % 300);
      const std::vector<Sentence> part = split_sentences_within(text, begin, end);
      CAPTURE(begin);
      CAPTURE(end);
      // Each sentence split here is one of the whole text's...
      for (const Sentence& s : part) {
        bool found = std::any_of(whole.begin(), whole.end(), [&](const Sentence& w) {
          return w.begin == s.begin && w.end == s.end && w.starts_paragraph == s.starts_paragraph;
        });
        CHECK_MESSAGE(found, text.substr(s.begin, s.end - s.begin));
      }
      // ...and every sentence of the whole text that begins in the range is here.
      for (const Sentence& w : whole)
        if (w.begin >= begin && w.begin < end)
          CHECK(std::any_of(part.begin(), part.end(), [&](const Sentence& s) { return s.begin == w.begin; }));
    }
  }
}
