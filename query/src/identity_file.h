// Every name's identities (speaker_identity.h's Resolution) as the body of a
// derived file kept beside the snapshot they were decided from
// (storage/derived_files.h; FORMAT.md, "Derived files: identities"), so that
// a new process reads them instead of deciding them again.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "speaker_identity.h"

namespace attache::query::identity {

// The derived file's name.
inline constexpr std::string_view kIdentitiesFile = "identities";

std::string encode_resolution(const Resolution& resolution);
// Nothing when the body is damaged or was written by rules other than these
// (kIdentityRules): the identities are then decided again.
std::optional<Resolution> decode_resolution(std::string_view body);

}  // namespace attache::query::identity
