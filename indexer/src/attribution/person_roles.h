// The roles people hold in an article and who holds a role (people.h's roles, in their own file).
// Internal to attribution.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "people.h"

namespace attache::indexer::attribution {

// "Lavrov" of "Lavrov's", "officials" of "officials'".
std::string_view without_possessive(std::string_view word);
// The nation a word names, possessive or not: "Russia's" as "Russian".
int nation_of_word(std::string_view word);
// The roles and nations that words describing a person give it: a nation only where it
// qualifies a role ("Russia's foreign minister", "Minister of Ukraine", not "speaking in
// Ankara"), and no role of connecting words alone ("for", "of").
void add_roles(Person& person, const std::vector<std::string>& words);
// Whether the person holds the role or a synonym of it (a "chief" may have been introduced as
// "the head").
bool has_role(const Person& person, const std::string& role);

}  // namespace attache::indexer::attribution
