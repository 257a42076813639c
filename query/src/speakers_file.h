// The speakers of a whole archive (count_speakers with no query: every
// statement's entry read, at a million articles seconds of CPU) as the body of
// a derived file kept beside the snapshot (storage/derived_files.h;
// FORMAT.md, "derived-speakers"), one per way of counting.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "attache/query/speakers.h"

namespace attache::query {

// The derived file's name for these options: "speakers-r1-80-1" for
// statements of confidence 0.8 (80%) or more, copies counted, under identity
// rules 1 (in the name, so binaries of other rules keep files of their own).
std::string speakers_file_name(const SpeakerOptions& options);

std::string encode_speaker_counts(const std::vector<SpeakerCount>& rows);
// Nothing when the body is damaged or of another format: counted again.
std::optional<std::vector<SpeakerCount>> decode_speaker_counts(std::string_view body);

}  // namespace attache::query
