// The helpers of the public statement type.
#include "attache/indexer/statements.h"

namespace attache::indexer {

const char* to_string(StatementKind kind) {
  switch (kind) {
    case StatementKind::direct: return "direct";
    case StatementKind::reported: return "reported";
    case StatementKind::mixed: return "mixed";
  }
  return "reported";
}

}  // namespace attache::indexer
