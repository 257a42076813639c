// Sources described, not named: "a person familiar with the matter said ... the person added".
// Internal to attribution.
#pragma once

#include <map>
#include <string>

namespace attache::indexer::attribution {

// The descriptions of unnamed sources an article has given, by their head noun, so that a later
// "the person", "the official" or "the diplomat" is the source described before.
class AnonymousSources {
 public:
  // The canonical name of a source that resolved to no one ("A person familiar with the matter",
  // "An EU diplomat", or "The person"): a description is noted under its head; a head written
  // after "the" (definite: "the person" refers back, "officials" alone may be any) is the
  // description last noted under it, if any.
  std::string recall_or_note(const std::string& canonical, bool definite);
  // Whether a source was described under this head noun ("diplomat" after "An EU diplomat").
  bool describes(const std::string& head) const { return by_head_.count(head) > 0; }

 private:
  std::map<std::string, std::string> by_head_;
};

}  // namespace attache::indexer::attribution
