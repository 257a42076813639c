// What a reader works out from a whole committed state of an index and keeps
// beside it, so that later processes read it instead of working it out again
// (FORMAT.md, "Derived files"): every speaker's name's identities, the whole
// archive's speakers listing. A derived file is named after the state it was
// derived from, so a commit makes it stale without touching it; the next
// writer removes it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace attache::storage {

class IndexSnapshot;

// The body of the snapshot's derived file `name` (lower-case letters, digits
// and dashes), whole and checked; nothing when there is none, or when it is
// damaged or of a format this attache does not read (it is then derived again).
std::optional<std::string> read_derived(const IndexSnapshot& snapshot, std::string_view name);

// Writes the snapshot's derived file `name` (a file of its own, renamed into
// place). False when it cannot be written, as in a read-only index: the only
// cost is that the next reader derives it again.
bool write_derived(const IndexSnapshot& snapshot, std::string_view name, std::string_view body);

}  // namespace attache::storage
