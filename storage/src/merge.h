// Merging segments: the live documents of several segments become one new
// segment, renumbered by date; deleted documents disappear.
#pragma once

#include <filesystem>
#include <vector>

#include "attache/storage/index_reader.h"
#include "doc_store.h"
#include "manifest.h"

namespace attache::storage {

SegmentEntry merge_segments(const std::filesystem::path& dir, uint64_t segment_id,
                            const std::vector<const Segment*>& sources, const StoreCompression& compression);

}  // namespace attache::storage
