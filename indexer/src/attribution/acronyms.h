// Which name an acronym stands for in an article. Internal to attribution.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "words.h"

namespace attache::indexer::attribution {

// The words [first, last] of the name the acronym at word `at` stands for in this article, without
// an article before it: the name it follows in brackets ("the UN High Commissioner for Refugees
// (UNHCR)"), else the first name whose capitals spell it ("the International Monetary Fund" for
// "IMF"). A body is one speaker whether the article writes its name or its letters.
std::optional<std::pair<uint32_t, uint32_t>> acronym_expansion(const std::vector<Word>& w, uint32_t at);

}  // namespace attache::indexer::attribution
