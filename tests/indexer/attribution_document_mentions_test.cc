// Documents mentioned without an attribution of their own, and a later "the document", "the text"
// or "It" that stands for one. Each article is written for the test.
#include <doctest/doctest.h>

#include <string>

#include "found_statements.h"

using attache::testing::find;
using attache::testing::saying;

TEST_CASE("'the text' after a resolution named by its number is that resolution") {
  auto s = find("Resolution 929 was adopted by 10 votes in favour, with Brazil abstaining. The text says the "
                "French-led force may use \"all necessary means\" to protect civilians.");
  REQUIRE(saying(s, "French-led force"));
  CHECK(saying(s, "French-led force")->canonical == "Resolution 929");  // had been "text"
}

TEST_CASE("'It' after a named declaration opened the sentence before is that declaration") {
  auto s = find("Later in the day the two leaders signed the Japan-DPRK Pyongyang Declaration, under which the two "
                "countries agreed to resume talks in October.\n\nThe declaration states that Japan expresses "
                "\"deep remorse\" for the damage it caused. It also says North Korea will extend its moratorium "
                "on missile launches beyond 2003.");
  REQUIRE(saying(s, "extend its moratorium"));
  CHECK(saying(s, "extend its moratorium")->canonical == "Japan-DPRK Pyongyang Declaration");  // had been no one
}

TEST_CASE("a document described by what tells it from others says what its author published") {
  auto s = find("On Friday the Kremlin published a new foreign policy concept that President Putin signed. The "
                "40-page document says Russia maintains \"a negative attitude\" toward the expansion of NATO.");
  REQUIRE(saying(s, "negative attitude"));
  CHECK(saying(s, "negative attitude")->canonical == "new foreign policy concept");  // had been "Kremlin"
}

TEST_CASE("'the document' after a joint statement was signed is the joint statement") {
  auto s = find("The two ministers signed a joint statement on global governance. The document said human rights "
                "should be protected in accordance with the conditions of each country.");
  REQUIRE(saying(s, "human rights"));
  CHECK(saying(s, "human rights")->canonical == "joint statement");  // had been "document"
}

TEST_CASE("a document issued without a name of its own is still its author's, and 'It' no signed document") {
  auto s = find("The Foreign Ministry issued a statement on Tuesday. The statement said the ambassador would be "
                "recalled.");
  REQUIRE(saying(s, "ambassador would be"));
  CHECK(saying(s, "ambassador would be")->canonical == "Foreign Ministry");
  auto t = find("Russia and China signed the Treaty of Good-Neighborliness in Moscow. It said the agreement would "
                "last twenty years.");
  for (const auto& f : t) CHECK(f.canonical.find("Treaty") == std::string::npos);
}

TEST_CASE("a source that describes its document keeps its words") {
  auto s = find("A letter signed by 600 members of staff was sent to the board. The staff letter said the "
                "bank's management had lost the confidence of its employees.");
  REQUIRE(saying(s, "lost the confidence"));
  CHECK(saying(s, "lost the confidence")->canonical == "staff letter");
}
