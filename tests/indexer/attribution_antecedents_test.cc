// Whom "he" and "she" stand for (people.cc) when the sentences before them name places, things and
// speakers described but never named; and the readings that decide who was named at all
// (noun_phrases.cc, source_positions.cc). Each article is written for the test.
#include <doctest/doctest.h>

#include <string>

#include "found_statements.h"

using attache::testing::find;
using attache::testing::Found;
using attache::testing::saying;

TEST_CASE("a name after a preposition of place is a place, not whom a pronoun stands for") {
  // "Montevideo Centro" had been a person, the subject of the sentence, and "she" went to it.
  auto s = find("In Montevideo Centro, Señora Ana Ruiz Peralta, the Uruguayan Foreign Minister, said that the "
                "border was \"not negotiable\". She warned that any incursion would be \"an act of war\".");
  const Found* warned = saying(s, "any incursion");
  REQUIRE(warned);
  CHECK(warned->canonical == "Ana Ruiz Peralta");
  REQUIRE(saying(s, "the border"));
  CHECK(saying(s, "the border")->canonical == "Ana Ruiz Peralta");  // "Señora" is an honorific
}

TEST_CASE("names of waters, mountains, documents and institutions are no one") {
  auto s = find("Minister Tomas Varga spoke for an hour. \"We stand ready,\" he said.\n\n"
                "Ships still pass through the Kiel Canal and under Chapter VII of the treaty, past the Julian Alps.\n\n"
                "\"Nothing has changed,\" he said.");
  const Found* changed = saying(s, "Nothing has changed");
  REQUIRE(changed);
  CHECK(changed->canonical == "Tomas Varga");
}

TEST_CASE("a name after \"of the\" inside a longer name is no person") {
  // "Transfiguration", followed by a comma, had been taken for a person named in apposition.
  auto s = find("Below the Monastery of the Transfiguration, Elias Haddad sells icons to pilgrims. \"Business is "
                "slow this year,\" he says.");
  const Found* slow = saying(s, "Business is slow");
  REQUIRE(slow);
  CHECK(slow->canonical == "Elias Haddad");
}

TEST_CASE("speakers' names written in capitals are names, in the style of the UN's meetings coverage") {
  auto s = find("The Council met on Thursday.\n\n"
                "MARIA LINDQVIST (Sweden) said that, because of the veto, the victims would not see justice. "
                "\"They will see crime, but not punishment,\" she said.\n\n"
                "PAVEL ORLOV (Russian Federation) said the draft was a stunt. He recalled that earlier referrals "
                "had failed.");
  const Found* crime = saying(s, "They will see crime");
  REQUIRE(crime);
  CHECK(crime->canonical == "Maria Lindqvist");
  const Found* recalled = saying(s, "earlier referrals");
  REQUIRE(recalled);
  CHECK(recalled->canonical == "Pavel Orlov");
  // The comma after "that" opens no statement.
  const Found* veto = saying(s, "because of the veto");
  REQUIRE(veto);
  CHECK(veto->text.starts_with("because"));
}

TEST_CASE("a pronoun after a speaker described, never named, stands for the description") {
  // "he" had gone past the representative to the last person named, two speakers up.
  auto s = find("Secretary-General Hans Okafor said the Council had failed. The representative of Chile said the "
                "text had sought to send a message. \"The vetoes cover up all crimes,\" he said.");
  const Found* vetoes = saying(s, "The vetoes cover up");
  REQUIRE(vetoes);
  CHECK(vetoes->canonical == "representative of Chile");
}

TEST_CASE("a named person who spoke after the described speaker is still whom the pronoun stands for") {
  auto s = find("A senior official said the talks went well. Foreign Minister Ilze Berzina said the talks had "
                "failed. \"We are not done,\" she said.");
  const Found* done = saying(s, "We are not done");
  REQUIRE(done);
  CHECK(done->canonical == "Ilze Berzina");
}

TEST_CASE("a long participial phrase opening the sentence holds no speaker") {
  // The counterpart inside the phrase had been the speaker, and "he" after him.
  auto s = find("Latvia will stand by Georgia, Latvian Foreign Minister Edgars Rinkevics said on Tuesday.\n\n"
                "Speaking at a joint news conference with his Georgian counterpart Ilia Darchiashvili in the capital "
                "Tbilisi, Rinkevics noted that the talks, chaired by France, had \"failed for years.\"\n\n"
                "\"Russia must withdraw,\" he said.");
  const Found* noted = saying(s, "the talks, chaired by France");
  REQUIRE(noted);
  CHECK(noted->canonical == "Edgars Rinkevics");
  const Found* withdraw = saying(s, "Russia must withdraw");
  REQUIRE(withdraw);
  CHECK(withdraw->canonical == "Edgars Rinkevics");
}

TEST_CASE("a headline's cue does not take the first paragraph after a dateline with a colon") {
  // The first statement of the article was lost, and the spokesperson never resolved.
  auto s = find("Envoy denied a visa, ministry says\n\n"
                "ISLAMABAD: Pakistan will not grant the envoy a visa, Foreign Office spokesperson Dr Amina Qureshi "
                "said on Thursday.\n\n"
                "\"There will be no visa,\" the spokesperson said.");
  const Found* visa = saying(s, "will not grant the envoy a visa");
  REQUIRE(visa);
  CHECK(visa->canonical == "Amina Qureshi");
  const Found* no_visa = saying(s, "There will be no visa");
  REQUIRE(no_visa);
  CHECK(no_visa->canonical == "Amina Qureshi");
  CHECK_FALSE(saying(s, "Envoy denied"));
}

TEST_CASE("a he or she that is a sentence's subject keeps its person the one talked about") {
  // Kerry, named in the fronted clause after the subject's last mention, had taken the next "he".
  auto s = find("\"We were close,\" Secretary of State John Kerry said.\n\n"
                "Foreign Minister Mohammad Javad Zarif has always been careful to keep his admiration within limits. "
                "When I asked him in April whether he trusted Kerry, he paused for a long moment. \"Trust is not the "
                "word,\" he said.");
  const Found* trust = saying(s, "Trust is not the word");
  REQUIRE(trust);
  CHECK(trust->canonical == "Mohammad Javad Zarif");
}

TEST_CASE("a fronted clause's subject is still whom the main clause's he stands for") {
  auto s = find("Foreign Minister Anna Berg took questions on Monday. \"We coordinate closely,\" she said.\n\n"
                "When her Ukrainian counterpart Dmytro Kuleba was in Berlin last month, he said to me: \"Every day "
                "we wait, we pay for in lives.\"");
  const Found* every_day = saying(s, "Every day we wait");
  REQUIRE(every_day);
  CHECK(every_day->canonical == "Dmytro Kuleba");
}

TEST_CASE("a kicker in capitals over a paragraph names no one") {
  // "PLEA" had become a person, and "he" went to it.
  auto s = find("Leaders met in Brussels on Sunday.\n\n"
                "MACRON'S PLEA: French President Emmanuel Macron tried to guilt leaders into a deal over dinner. "
                "\"My wish is that we reach an agreement,\" he told them.");
  const Found* wish = saying(s, "My wish is");
  REQUIRE(wish);
  CHECK(wish->canonical == "Emmanuel Macron");
}

TEST_CASE("a live blog's time stamp does not stop a name from being its sentence's subject") {
  auto s = find("Foreign Minister Anton Leskov arrived in Washington. President Joe Biden met him.\n\n"
                "17:10 GMT - Leskov closed his address to Congress by speaking directly to Biden.\n\n"
                "\"I am almost 45 years old today,\" he said.");
  const Found* age = saying(s, "I am almost 45");
  REQUIRE(age);
  CHECK(age->canonical == "Anton Leskov");
}

TEST_CASE("the objects of a participle and people joined by \"and\" are no speaker described") {
  // The minister wrote to two people; "he" is still the minister.
  auto s = find("Foreign Minister Shah Qureshi spoke on Friday.\n\n"
                "Speaking to journalists at the Foreign Office, the foreign minister said he had written to the UNSC "
                "president and the UN secretary general, apprising them of the \"grave situation\" in the valley.\n\n"
                "\"We will not leave them alone,\" he said.");
  const Found* alone = saying(s, "We will not leave them alone");
  REQUIRE(alone);
  CHECK(alone->canonical == "Shah Qureshi");
}

TEST_CASE("a role with its own modifier is not someone introduced in another of the same noun") {
  // "The Turkish foreign minister" had gone to the defence minister named two paragraphs up.
  auto s = find("Ankara was in contact with Moscow, and a visit by Defense Minister Sergey Shoigu to Istanbul was "
                "postponed, Mevlut Cavusoglu said.\n\n"
                "The Turkish foreign minister also criticized France, saying Paris had supported Haftar.");
  const Found* paris = saying(s, "Paris had supported Haftar");
  REQUIRE(paris);
  CHECK(paris->canonical != "Sergey Shoigu");
  auto deputy = find("Deputy Foreign Minister Sergei Ryabkov spoke first. The deputy minister said the talks were useful.");
  REQUIRE(deputy.size() == 1);
  CHECK(deputy[0].canonical == "Sergei Ryabkov");
}

TEST_CASE("the holder of an office of something is not the holder of the office alone") {
  auto s = find("President John Kennedy spoke on Monday night.\n\n"
                "The president of the Security Council said an urgent meeting would be held.");
  const Found* meeting = saying(s, "an urgent meeting");
  REQUIRE(meeting);
  CHECK(meeting->canonical != "John Kennedy");
}

TEST_CASE("a source described is not a person a synonym of its head would reach") {
  // "The diplomat" had become the foreign minister named above, a diplomat by synonym.
  auto s = find("Ukraine's foreign minister, Andrii Sybiha, has welcomed the sanctions.\n\n"
                "An EU diplomat has told reporters that a decision is \"unlikely before the spring\".\n\n"
                "The diplomat, who spoke on condition of anonymity, said several capitals remained \"very nervous\".");
  const Found* nervous = saying(s, "several capitals");
  REQUIRE(nervous);
  CHECK(nervous->canonical == "EU diplomat");
}

TEST_CASE("a day after a name is when, not who") {
  auto s = find("WASHINGTON (AP) \u2014 President Kennedy Monday night ordered a blockade and warned that any missile "
                "would bring \"a full retaliatory response.\"\n\n"
                "Others, he said, were designed for longer ranges.");
  const Found* warned = saying(s, "any missile");
  REQUIRE(warned);
  CHECK(warned->canonical == "Kennedy");
  const Found* others = saying(s, "designed for longer ranges");
  REQUIRE(others);
  CHECK(others->canonical == "Kennedy");
}

TEST_CASE("\"last night\" after a name is when, not who") {
  // The speaker had been "David Cameron last" and the cue "night accused".
  auto s = find("LONDON\n\nDavid Cameron last night accused Vladimir Putin of a \"land grab\" and warned that Russia "
                "faced further sanctions.");
  const Found* warned = saying(s, "further sanctions");
  REQUIRE(warned);
  CHECK(warned->canonical == "David Cameron");
  const Found* accused = saying(s, "land grab");
  REQUIRE(accused);
  CHECK(accused->canonical == "David Cameron");
  CHECK(accused->cue == "accused");
}

TEST_CASE("a name after a role and a comma is the speaker, with its former title") {
  // The role had gone to another mediator introduced before.
  auto s = find("Kenyan mediator Birhanu Jula opened the talks.\n\n"
                "The chief AU mediator, former Nigerian President Olusegun Obasanjo, said the talks had been "
                "\"frank and cordial.\"");
  const Found* frank = saying(s, "the talks had been");
  REQUIRE(frank);
  CHECK(frank->canonical == "Olusegun Obasanjo");
}

TEST_CASE("an attribution set off by commas inside a sentence reports the whole sentence") {
  // Only what followed the attribution had been kept ("dates back ...").
  auto s = find("Foreign Minister Anna Berg spoke on Monday. His grudge against America, she said, dates back to an "
                "incident in Davao in 2002.\n\n"
                "The deal, said Mr. Lee on Monday, was not finished.\n\n"
                "Rebel forces seized the airport, a senior military official said, as fighting spread.");
  const Found* grudge = saying(s, "dates back");
  REQUIRE(grudge);
  CHECK(grudge->text.starts_with("His grudge against America"));
  CHECK(grudge->canonical == "Anna Berg");
  const Found* deal = saying(s, "was not finished");
  REQUIRE(deal);
  CHECK(deal->text.starts_with("The deal"));
  CHECK(deal->canonical == "Lee");
  // What follows an attribution closing its clause, joined by "as", is the reporter's.
  const Found* airport = saying(s, "seized the airport");
  REQUIRE(airport);
  CHECK(airport->text.find("fighting") == std::string::npos);
}

TEST_CASE("a lead's described speaker is the person the next paragraph names as its speaker") {
  auto s = find("ANKARA (AA) - A cease-fire is only possible if the other side withdraws from Sirte, Turkey's foreign "
                "minister said on Wednesday.\n\n"
                "\"The other side must withdraw,\" Mevlut Cavusoglu told broadcaster Haberturk.\n\n"
                "The Turkish foreign minister also said Paris had supported Haftar.");
  const Found* lead = saying(s, "A cease-fire is only possible");
  REQUIRE(lead);
  CHECK(lead->canonical == "Mevlut Cavusoglu");
  const Found* later = saying(s, "Paris had supported Haftar");
  REQUIRE(later);
  CHECK(later->canonical == "Mevlut Cavusoglu");
}

TEST_CASE("an anonymous source, or a role of another nation, is not the person named next") {
  auto anonymous = find("A cease-fire is near, a Western diplomat said on Wednesday.\n\n"
                        "\"We are ready,\" Mevlut Cavusoglu told broadcaster Haberturk.");
  const Found* near = saying(anonymous, "A cease-fire is near");
  REQUIRE(near);
  CHECK(near->canonical != "Mevlut Cavusoglu");
  auto other_nation = find("A cease-fire is near, Russia's foreign minister said on Wednesday.\n\n"
                           "\"We are ready,\" Turkish Foreign Minister Mevlut Cavusoglu told broadcaster Haberturk.");
  const Found* russian = saying(other_nation, "A cease-fire is near");
  REQUIRE(russian);
  CHECK(russian->canonical != "Mevlut Cavusoglu");
}

TEST_CASE("a body named in capitals and then in lower case is the body named") {
  // "the ministry" and "The agency" had been speakers of their own, "ministry" and "agency".
  auto s = find("The Latvian Foreign Ministry said on Monday that the envoy had been summoned.\n\n"
                "\"This is unacceptable interference,\" the ministry wrote on its website.\n\n"
                "The International Atomic Energy Agency said in a report that the plant had lost power. The agency "
                "also said inspectors were denied access.\n\n"
                "The foreign ministry later said the envoy would be recalled. The council said the vote was delayed.");
  REQUIRE(saying(s, "unacceptable interference"));
  CHECK(saying(s, "unacceptable interference")->canonical == "Latvian Foreign Ministry");
  REQUIRE(saying(s, "inspectors were denied"));
  CHECK(saying(s, "inspectors were denied")->canonical == "International Atomic Energy Agency");
  REQUIRE(saying(s, "would be recalled"));
  CHECK(saying(s, "would be recalled")->canonical == "Latvian Foreign Ministry");
  // No body named before ends in "council": it stays the words written.
  REQUIRE(saying(s, "the vote was delayed"));
  CHECK(saying(s, "the vote was delayed")->canonical == "council");
}

TEST_CASE("a phrase of when or where set off by commas after the subject holds no speaker") {
  // The speakers had been "houses of the Russian parliament ...", "Etats-Unis", "Goslar" and "Sonntag".
  auto s = find("President Vladimir Putin signed the treaty on Tuesday.\n\nMr Putin, in a 45-minute address to both "
                "houses of the Russian parliament in the Kremlin's St George's Hall, said Crimea had \"always been\" "
                "Russian.\n\nWoodrow Wilson arrived in Paris.\n\nMr. Wilson, on his return to the Place des "
                "Etats-Unis, told the correspondent of The Times that he regarded the treaty as a just one.\n\nThe "
                "chancellor, at a rally in the town of Goslar in Lower Saxony, said the vote would be close.\n\nMrs "
                "Merkel, in an interview with the newspaper Bild am Sonntag, said the count would be slow.\n\nThe "
                "Russian foreign minister, Igor Ivanov, said Moscow would oppose the text, while China's foreign "
                "minister, Tang Jiaxuan, called for the inspections to be strengthened.");
  REQUIRE(saying(s, "always been"));
  CHECK(saying(s, "always been")->canonical == "Vladimir Putin");
  REQUIRE(saying(s, "a just one"));
  CHECK(saying(s, "a just one")->canonical == "Woodrow Wilson");
  REQUIRE(saying(s, "the vote would be close"));
  CHECK(saying(s, "the vote would be close")->canonical == "chancellor");
  REQUIRE(saying(s, "the count would be slow"));
  CHECK(saying(s, "the count would be slow")->canonical == "Merkel");
  // "while" opens a clause with a subject of its own.
  REQUIRE(saying(s, "inspections to be strengthened"));
  CHECK(saying(s, "inspections to be strengthened")->canonical == "Tang Jiaxuan");
}

TEST_CASE("the name after a role of a body and a comma is the speaker, not the body") {
  // The speaker had been "CNRD".
  auto s = find("In Conakry, spokesman of the CNRD, Col. Amara Camara, said on state television that the junta "
                "\"takes note\" of the decisions.");
  const Found* note = saying(s, "takes note");
  REQUIRE(note);
  CHECK(note->canonical == "Amara Camara");
}

TEST_CASE("a source described is not the subject of what it said") {
  // The speakers had been "ministers" and "officials", the subjects after the cue.
  auto s = find("A Whitehall source said ministers were preparing for a long confrontation.\n\nA Kremlin source said "
                "officials were ready to talk.\n\nFinance ministers from the Group of Seven pledged on Friday to "
                "\"take decisive action\".");
  REQUIRE(saying(s, "long confrontation"));
  CHECK(saying(s, "long confrontation")->canonical == "Whitehall source");
  REQUIRE(saying(s, "ready to talk"));
  CHECK(saying(s, "ready to talk")->canonical == "Kremlin source");
}

TEST_CASE("a participial opening of thirty words holds no speaker") {
  // The speaker had been "Order", the last capital of the opening's council.
  auto s = find("Speaking at army headquarters shortly after receiving a royal command endorsing him as head of the "
                "National Council for Peace and Order (NCPO), Gen Prayut said the military had no wish to hold on to "
                "power.");
  const Found* power = saying(s, "no wish to hold");
  REQUIRE(power);
  CHECK(power->canonical == "Prayut");
}

TEST_CASE("a count is a rank before a name, and his possessive introduces him") {
  // "he" had gone to Clemenceau, and "Count" had stayed in the name.
  auto s = find("Premier Georges Clemenceau opened the session. Count Ulrich von Brockdorff-Rantzau's reply was "
                "delivered seated. \"We are under no illusions,\" he said.\n\nThe reply of Count Brockdorff-Rantzau "
                "was long. \"We shall sign under protest,\" he added. Later the Count said the terms were harsh.");
  REQUIRE(saying(s, "no illusions"));
  CHECK(saying(s, "no illusions")->canonical == "Ulrich von Brockdorff-Rantzau");
  REQUIRE(saying(s, "under protest"));
  CHECK(saying(s, "under protest")->canonical == "Ulrich von Brockdorff-Rantzau");
  REQUIRE(saying(s, "terms were harsh"));
  CHECK(saying(s, "terms were harsh")->canonical == "Ulrich von Brockdorff-Rantzau");  // "the Count" is his role
}

TEST_CASE("an abbreviated title introduces its role") {
  // "The general", "The senator" and "The governor" had been speakers of their own.
  auto s = find("Gen. Lucius D. Clay arrived in Berlin on Tuesday. The general said the airlift would continue.\n\n"
                "Sen. John McCain spoke on Tuesday. The senator said the deal was flawed.\n\nGov. Jerry Brown signed "
                "the bill. The governor said it would save water.");
  REQUIRE(saying(s, "airlift would continue"));
  CHECK(saying(s, "airlift would continue")->canonical == "Lucius Clay");
  REQUIRE(saying(s, "deal was flawed"));
  CHECK(saying(s, "deal was flawed")->canonical == "John McCain");
  REQUIRE(saying(s, "save water"));
  CHECK(saying(s, "save water")->canonical == "Jerry Brown");
}

TEST_CASE("a nation's leader is whoever holds its office of state; a commander is a general") {
  // "Russian leader", "French leader" and "U.S. commander" had been speakers of their own.
  auto s = find("President Dmitry Medvedev met French President Nicolas Sarkozy in Moscow. The Russian leader said "
                "the troops would withdraw. The French leader said the plan was agreed.\n\nGen. H. Norman "
                "Schwarzkopf met Iraqi officers at Safwan. The U.S. commander said the talks went well.");
  REQUIRE(saying(s, "troops would withdraw"));
  CHECK(saying(s, "troops would withdraw")->canonical == "Dmitry Medvedev");
  REQUIRE(saying(s, "plan was agreed"));
  CHECK(saying(s, "plan was agreed")->canonical == "Nicolas Sarkozy");
  REQUIRE(saying(s, "talks went well"));
  CHECK(saying(s, "talks went well")->canonical == "Norman Schwarzkopf");
}

TEST_CASE("the head of state is whoever holds an office of state, not a chief") {
  auto s = find("UN chief Antonio Guterres met President Nicolas Maduro. The head of state said the talks were useful.");
  const Found* useful = saying(s, "talks were useful");
  REQUIRE(useful);
  CHECK(useful->canonical == "Nicolas Maduro");
}

TEST_CASE("the people around someone speak, not that person") {
  // Each had been given to Trump, Biden or Assange.
  auto s = find("Supporters of Donald Trump said the election was stolen.\n\nTwo longtime aides to President Joe Biden "
                "said he was furious.\n\nLawyers for Julian Assange said they would appeal.\n\nCritics of President "
                "Joe Biden and Vice President Kamala Harris said the plan was too expensive.");
  REQUIRE(saying(s, "election was stolen"));
  CHECK(saying(s, "election was stolen")->canonical == "Supporters of Donald Trump");
  REQUIRE(saying(s, "was furious"));
  CHECK(saying(s, "was furious")->canonical == "longtime aides to President Joe Biden");
  REQUIRE(saying(s, "would appeal"));
  CHECK(saying(s, "would appeal")->canonical == "Lawyers for Julian Assange");
  REQUIRE(saying(s, "too expensive"));
  CHECK(saying(s, "too expensive")->canonical == "Critics of President Joe Biden and Vice President Kamala Harris");
}

TEST_CASE("a known person named as an owner is seen; the first of two Spanish surnames names its bearer") {
  // "he" had gone to Trump, named last with a title; "Arreaza" had stayed a name of its own.
  auto s = find("President Nicolas Maduro Moros broke relations on Wednesday. US President Donald Trump recognized the "
                "opposition leader in a statement.\n\nMaduro's response came from the presidential palace. \"Out! "
                "Leave Venezuela,\" he said.\n\nForeign Minister Jorge Arreaza Montserrat spoke in Caracas. Arreaza "
                "said the decision was irreversible.");
  REQUIRE(saying(s, "Leave Venezuela"));
  CHECK(saying(s, "Leave Venezuela")->canonical == "Nicolas Maduro Moros");
  REQUIRE(saying(s, "irreversible"));
  CHECK(saying(s, "irreversible")->canonical == "Jorge Arreaza Montserrat");
}

TEST_CASE("a lower-case role right before a name, or an organisation's acronym in a title, is the person's role") {
  // "The UN chief" and "The opposition leader" had been speakers of their own.
  auto s = find("UN chief Antonio Guterres met President Nicolas Maduro. The UN chief said aid would flow.\n\nOpposition "
                "figures met in Moscow, where opposition leader Alexei Navalny spoke. The opposition leader said the vote "
                "was rigged.");
  REQUIRE(saying(s, "aid would flow"));
  CHECK(saying(s, "aid would flow")->canonical == "Antonio Guterres");
  REQUIRE(saying(s, "vote was rigged"));
  CHECK(saying(s, "vote was rigged")->canonical == "Alexei Navalny");
  auto t = find("NATO Secretary General Jens Stoltenberg arrived. UN Secretary-General Amina Osei arrived later. The UN "
                "chief said the war must end.");
  REQUIRE(saying(t, "war must end"));
  CHECK(saying(t, "war must end")->canonical == "Amina Osei");
}
