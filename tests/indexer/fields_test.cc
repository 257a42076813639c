// Author, place and language: read from every kind of header, the place also
// from the dateline that opens a text, by a general rule (no list of cities);
// and a dateline is never taken for a speaker.
#include <doctest/doctest.h>

#include <algorithm>

#include "attache/indexer/article.h"
#include "attache/indexer/dateline.h"
#include "attache/indexer/document_analyzer.h"

using namespace attache;
using namespace attache::indexer;

namespace {

Article article(const ParseResult& r) {
  if (auto* p = std::get_if<InputProblem>(&r)) FAIL("unexpected problem: " << format_problem(*p));
  return std::get<Article>(r);
}

std::string place_of(std::string_view text) {
  auto d = find_dateline(text);
  return d ? d->place : "(none)";
}

bool has_term(const storage::IndexableDocument& doc, std::string_view term) {
  return std::any_of(doc.terms.begin(), doc.terms.end(), [&](const auto& t) { return t.term == term; });
}

}  // namespace

TEST_CASE("datelines: a place in capitals, optional parts and agency, then a dash") {
  CHECK(place_of("GENEVA — Envoys met.") == "Geneva");
  CHECK(place_of("MOSCOW, Jan. 11 (Reuters) - Russia's foreign minister said") == "Moscow");
  CHECK(place_of("WASHINGTON (AP) — The State Department") == "Washington");
  CHECK(place_of("UNITED NATIONS, March 3 — The Security Council") == "United Nations");
  CHECK(place_of("KIEV, Ukraine, Feb. 2 -- Talks") == "Kiev");
  CHECK(place_of("ST. PETERSBURG – A summit") == "St. Petersburg");
  CHECK(place_of("  N'DJAMENA — Chad") == "N'Djamena");
  // A web copy of a wire story writes the place in title case; its agency makes it a dateline.
  CHECK(place_of("New York (AFP) – Vice President Joe Biden hit the campaign trail") == "New York");
  CHECK(place_of("Washington, D.C. (Reuters) - The talks") == "Washington");
  CHECK(place_of("Sen. Ted Cruz (R-Texas) - the senator") == "(none)");
  CHECK(place_of("Hillary Clinton (D) - who") == "(none)");
  CHECK(place_of("New York - The talks") == "(none)");
  // Review: a caption's or a place's brackets are no agency.
  CHECK(place_of("Kim Jong Un (centre) – inspects a missile") == "(none)");
  CHECK(place_of("The Times (London) – The paper said") == "(none)");
  CHECK(place_of("Nancy Pelosi (California) - The speaker said") == "(none)");
  CHECK(place_of("Kabul (AFP) – The Taliban said") == "Kabul");
  CHECK(place_of("PORT-AU-PRINCE, Haiti — Aid") == "Port-Au-Prince");
  CHECK(place_of("МОСКВА, 11 января — Переговоры") == "Москва");
  CHECK(place_of("BOGOTÁ — El gobierno") == "Bogotá");
  CHECK(place_of("GENEVA— no space before the dash") == "Geneva");
  CHECK(place_of("PLAINS, Ga., Sept. 23—Jimmy Carter said") == "Plains");
  CHECK(place_of("WASHINGTON, Jan. 5--The Senate") == "Washington");
  CHECK(place_of("GENEVA, January 21. /TASS/. Moscow expects") == "Geneva");
  CHECK(place_of("ABU DHABI // Qatar must heed the demands") == "Abu Dhabi");  // as The National sets it
  CHECK(place_of("ABU DHABI //Qatar") == "(none)");

  // Not datelines: no dash, lower case, a hyphenated word, a sentence.
  CHECK(place_of("GENEVA The body.") == "(none)");
  CHECK(place_of("Geneva — talks") == "(none)");
  CHECK(place_of("GENEVA-BASED diplomats said") == "(none)");
  CHECK(place_of("NATO-Russia talks") == "(none)");
  CHECK(place_of("U.S.—made rockets") == "(none)");
  CHECK(place_of("U.S.–RUSSIA talks") == "(none)");
  CHECK(place_of("TRUMP—KIM SUMMIT ENDS") == "(none)");
  CHECK(place_of("The talks in GENEVA — went on") == "(none)");
  CHECK(place_of("A — b") == "(none)");
  CHECK(place_of("ONE TWO THREE FOUR FIVE — too many words") == "(none)");

  auto d = find_dateline("\nGENEVA, Jan. 10 — Talks");
  REQUIRE(d);
  CHECK(d->begin == 1);
  CHECK(std::string_view("\nGENEVA, Jan. 10 — Talks").substr(d->begin, d->end - d->begin) == "GENEVA, Jan. 10 —");

  CHECK(dateline_place("WASHINGTON, Jan. 1") == "Washington");
  CHECK(author_from_byline("By STEVEN ERLANGER") == "Steven Erlanger");
  CHECK(author_from_byline("By Maria Tsvetkova ") == "Maria Tsvetkova");
  CHECK(title_case("U.N.") == "U.N.");
}

TEST_CASE("colon datelines: the place and a colon opening the article's first sentence, not a transcript's turn") {
  auto colon_place = [](std::string_view text) {
    auto d = find_colon_dateline(text);
    return d ? d->place : "(none)";
  };
  const std::string_view text = "NEW DELHI: External Affairs Minister S. Jaishankar said on Monday that talks would go on.";
  CHECK(colon_place(text) == "New Delhi");
  auto d = find_colon_dateline(text);
  REQUIRE(d);
  CHECK(text.substr(d->begin, d->end - d->begin) == "NEW DELHI: ");
  // After a headline, as the text format sets the article out.
  CHECK(colon_place("India and China agree to talk\n\nISLAMABAD: Prime Minister Imran Khan said on Friday that "
                    "Pakistan wanted peace.") == "Islamabad");
  // Headlines, and labels heard more than once, are not datelines.
  CHECK(colon_place("TRUMP: I WILL MEET KIM") == "(none)");
  CHECK(colon_place("EXCLUSIVE: The Foreign Office has told the embassy that it must close within a week.") ==
        "(none)");
  CHECK(colon_place("NEW DELHI: The minister said on Monday that talks would go on next week.\r\n") == "New Delhi");
  CHECK(colon_place("UN: Peacekeepers paying a heavy price in the Sahel") == "(none)");
  CHECK(colon_place("MR PRICE: Good afternoon, everyone, and thank you all for coming today.\n\nQUESTION: Ned, can "
                    "you say whether the Secretary will go?") == "(none)");
  CHECK(colon_place("Talks went on.\n\nThey ended.\n\nGENEVA: The envoys said on Monday that they would meet.") ==
        "(none)");
}

// Regression: CLD2 called "NATO met in Brussels." reliably Dutch, so the
// article was stemmed as Dutch and `nato` missed it.
TEST_CASE("a short text is of no known language: analysed as English") {
  DocumentAnalyzer analyzer;
  Article a;
  a.id = "short";
  a.date = 19000;
  a.text = "NATO met in Brussels.";
  auto doc = analyzer.analyze(std::move(a));
  CHECK(doc.stored.language.empty());
  CHECK(has_term(doc, "nato"));
  Article b;
  b.id = "long";
  b.date = 19000;
  b.text = "Les ministres des affaires étrangères se sont réunis mardi à Paris pour discuter de la crise "
           "et ont appelé à la reprise du dialogue.";
  CHECK(analyzer.analyze(std::move(b)).stored.language == "fr");
}

TEST_CASE("author, place and language from a text header and from JSON") {
  auto a = article(parse_text_article("date 2022-01-11\nauthor: John Smith\nplace: Vienna\nlanguage: de-AT\n\nText.",
                                      "f.txt", "f"));
  CHECK(a.author == "John Smith");
  CHECK(a.place == "Vienna");
  CHECK(a.language == "de");
  auto j = article(parse_json_article(
      R"({"date":"2022-01-11","text":"T.","author":" Ana Ruiz ","place":"Madrid","lang":"ES"})", "f.jsonl", 1, "x"));
  CHECK(j.author == "Ana Ruiz");
  CHECK(j.place == "Madrid");
  CHECK(j.language == "es");
  auto unknown = article(parse_json_article(R"({"date":"2022-01-11","text":"T.","language":"French"})", "f", 1, "x"));
  CHECK(unknown.language.empty());  // not a language code: unknown, the article kept
  auto bad = parse_json_article(R"({"date":"2022-01-11","text":"T.","author":3})", "f.jsonl", 1, "x");
  REQUIRE(std::holds_alternative<InputProblem>(bad));
  CHECK(std::get<InputProblem>(bad).detail == "field 'author' is not a string");
}

TEST_CASE("the analyser takes the place from the dateline, and indexes author, place and language") {
  DocumentAnalyzer analyzer;
  Article a;
  a.id = "d1";
  a.date = 19000;
  a.author = "John Smith";
  a.language = "en";
  a.text = "UNITED NATIONS, March 3 — The Security Council met.";
  auto doc = analyzer.analyze(std::move(a));
  CHECK(doc.stored.place == "United Nations");
  CHECK(has_term(doc, "Lunited"));
  CHECK(has_term(doc, "Lnations"));
  CHECK(has_term(doc, "L=United Nations"));
  CHECK(has_term(doc, "Ajohn"));
  CHECK(has_term(doc, "Asmith"));
  CHECK(has_term(doc, "Gen"));

  Article given;  // a place the input names is kept over the dateline's
  given.id = "d2";
  given.date = 19000;
  given.place = "Geneva";
  given.text = "BERN — Swiss officials said little.";
  CHECK(analyzer.analyze(std::move(given)).stored.place == "Geneva");

  Article colon;  // "NEW DELHI: ...", and the speaker is the minister, not the city
  colon.id = "d3";
  colon.date = 19000;
  colon.language = "en";
  colon.text = "NEW DELHI: External Affairs Minister S. Jaishankar said on Monday that India would hold talks.";
  auto with_colon = analyzer.analyze(std::move(colon));
  CHECK(with_colon.stored.place == "New Delhi");
  REQUIRE(with_colon.stored.statements.size() == 1);
  CHECK(with_colon.stored.statements[0].speaker == "External Affairs Minister S. Jaishankar");
}

// Regression: the dateline's place in capitals, next to a quotation, read as
// the quotation's speaker ("GENEVA — "We will talk," ..." gave speaker GENEVA).
TEST_CASE("a dateline is never taken for a speaker") {
  DocumentAnalyzer analyzer;
  const char* texts[] = {
      "GENEVA — \"We will not give up on these talks,\" the Russian envoy told reporters on Monday.",
      "GENEVA — \"The sanctions will stay in place until the troops leave,\" GENEVA said.",
      "GENEVA (Reuters) - \"We have made real progress on the treaty,\" said Sergei Ryabkov, the deputy foreign "
      "minister.\n\n\"Nothing is agreed until everything is agreed,\" GENEVA said.",
      "MOSCOW, Jan. 11 (Reuters) - MOSCOW said on Tuesday that it saw no progress in the talks with Washington.",
  };
  for (const char* text : texts) {
    CAPTURE(text);
    Article a;
    a.id = "s";
    a.date = 19000;
    a.text = text;
    auto doc = analyzer.analyze(std::move(a));
    for (const auto& st : doc.stored.statements) {
      CAPTURE(st.speaker);
      CHECK(st.speaker.find("GENEVA") == std::string::npos);
      CHECK(st.canonical.find("GENEVA") == std::string::npos);
      CHECK(st.canonical.find("Geneva") == std::string::npos);
      CHECK(st.speaker.find("MOSCOW") == std::string::npos);
    }
  }
}
