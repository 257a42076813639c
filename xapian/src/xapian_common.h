// What the Xapian backend's writer and searcher share: the value slots, a
// statement as stored in an article's data, and Xapian's errors as attache's.
#pragma once

#include <xapian.h>

#include <string>

#include <nlohmann/json.hpp>

#include "attache/storage/document.h"
#include "attache/storage/error.h"

namespace attache::xapian_backend {

using Json = nlohmann::json;
inline constexpr Xapian::valueno kDateSlot = 0;
inline constexpr Xapian::valueno kSpeakerSlot = 1;  // statements: the canonical speaker, for facets

inline Json statement_json(const storage::StoredStatement& s) {
  return {{"b", s.begin}, {"e", s.end}, {"fp", s.first_position}, {"pc", s.position_count}, {"s", s.speaker},
          {"c", s.canonical}, {"cue", s.cue}, {"k", s.kind}, {"conf", s.confidence}, {"g", s.group},
          {"sk", s.speaker_kind}, {"d", s.description}};
}

inline storage::StoredStatement statement_from(const Json& j) {
  storage::StoredStatement s;
  s.begin = j["b"];
  s.end = j["e"];
  s.first_position = j["fp"];
  s.position_count = j["pc"];
  s.speaker = j["s"];
  s.canonical = j["c"];
  s.cue = j["cue"];
  s.kind = j["k"];
  s.confidence = j["conf"];
  s.group = j["g"];
  s.speaker_kind = j.value("sk", s.group ? 1 : 0);  // absent before speaker kinds
  s.description = j.value("d", "");
  return s;
}

[[noreturn]] inline void rethrow(const Xapian::Error& e, const std::string& what) {
  const std::string type = e.get_type();
  if (type == "DatabaseCorruptError")
    throw Error(ErrorKind::corruption, "index corrupted: " + what + ": " + e.get_description());
  if (type == "DatabaseLockError")
    throw Error(ErrorKind::locked, what + ": another writer holds the index (" + e.get_msg() + ")");
  if (type == "DatabaseNotFoundError" || type == "DatabaseOpeningError")
    throw Error(ErrorKind::not_found, what + ": no index here (" + e.get_msg() + ")");
  throw Error(ErrorKind::io, what + ": " + e.get_description());
}

}  // namespace attache::xapian_backend
