// open_xapian_index in the lean attache (xapian_index.h), which links no Xapian:
// a command given a Xapian index runs in attache-full, with the same command line.
#include "cli.h"
#include "xapian_index.h"

namespace attache::cli {

std::unique_ptr<XapianIndex> open_xapian_index(const std::string&) { hand_over(); }

}  // namespace attache::cli
