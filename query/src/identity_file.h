// Every name's identities (speaker_identity.h's Resolution) as the body of a
// derived file kept beside the snapshot they were decided from
// (storage/derived_files.h; FORMAT.md, "Derived files: identities"), so that
// a new process reads them instead of deciding them again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "speaker_identity.h"

namespace attache::query::identity {

// The derived file's name.
inline constexpr std::string_view kIdentitiesFile = "identities";
// The rules identities are decided by: a file written by other rules is not
// read. Raise it whenever resolve() or what feeds it decides differently
// (speakers_file.cc's rows depend on it too).
inline constexpr uint32_t kIdentityRules = 1;

std::string encode_resolution(const Resolution& resolution);
// Nothing when the body is damaged or was written by rules other than these
// (kIdentityRules): the identities are then decided again.
std::optional<Resolution> decode_resolution(std::string_view body);

}  // namespace attache::query::identity
