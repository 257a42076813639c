// Every name's identities (speaker_identity.h's Resolution) as the body of a
// derived file kept beside the snapshot they were decided from
// (storage/derived_files.h; FORMAT.md, "derived-identities"), so that
// a new process reads them instead of deciding them again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "speaker_identity.h"

namespace attache::query::identity {

// The rules identities are decided by: a file written by other rules is not
// read. Raise it whenever resolve() or what feeds it decides differently
// (speakers_file.cc's rows depend on it too; identity_file_test.cc pins a
// sample's bytes to remind).
inline constexpr uint32_t kIdentityRules = 1;
// The derived file's name, "identities-r1": the rules in the name, so that
// binaries of other rules sharing an index keep files of their own.
inline std::string identities_file_name() { return "identities-r" + std::to_string(kIdentityRules); }

std::string encode_resolution(const Resolution& resolution);
// Nothing when the body is damaged or was written by rules other than these
// (kIdentityRules): the identities are then decided again.
std::optional<Resolution> decode_resolution(std::string_view body);

}  // namespace attache::query::identity
