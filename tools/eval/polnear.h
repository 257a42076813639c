// Reading PolNeAR (../shared/polnear/*/: text/NAME.txt and brat standoff
// attributions/NAME_*.ann) as labelled attribution examples with byte spans.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "attache/indexer/attribution_model.h"

namespace attache::evaluation {

struct PolnearArticle {
  indexer::AttributionExample example;  // name = the file name without .txt
  std::string publisher;                // the file name up to its first '_'
  std::string month;                    // YYYY-MM from the file name
};

// Every article of a split that has an annotation (the first, when annotated
// twice), sorted by name. Throws attache::Error naming the file and line of a
// malformed annotation.
std::vector<PolnearArticle> load_polnear(const std::filesystem::path& split);

// Article names, one a line, # comments (tests/quotes/polnear/holdout.txt).
std::set<std::string> read_name_list(const std::string& file);

}  // namespace attache::evaluation
