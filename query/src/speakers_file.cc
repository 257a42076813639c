// The speakers file's body (FORMAT.md, "derived-speakers"): the rows of
// the listing in order, each with its counts, variants and descriptions.
#include "speakers_file.h"

#include <algorithm>
#include <cmath>

#include "attache/storage/bytes.h"
#include "attache/storage/error.h"
#include "identity_file.h"

namespace attache::query {
namespace {

// Raise it whenever the rows would come out differently for another reason
// than the identity rules (identity::kIdentityRules, also written).
constexpr uint32_t kSpeakersFormat = 1;

void write_strings(storage::ByteWriter& out, const std::vector<std::string>& strings) {
  out.varint(strings.size());
  for (const auto& s : strings) out.string(s);
}

std::vector<std::string> read_strings(storage::ByteReader& in) {
  std::vector<std::string> strings(in.count(1));
  for (auto& s : strings) s = in.string();
  return strings;
}

}  // namespace

std::string speakers_file_name(const SpeakerOptions& options) {
  // The least whole percent counted (confidence is stored in whole percent), so that two
  // thresholds share a file only when they count the same statements.
  const double least = std::ceil(options.min_confidence * 100 - 1e-6);
  const int percent = static_cast<int>(std::clamp(least, 0.0, 101.0));
  return "speakers-r" + std::to_string(identity::kIdentityRules) + "-" + std::to_string(percent) +
         (options.count_copies ? "-1" : "-0");
}

std::string encode_speaker_counts(const std::vector<SpeakerCount>& rows) {
  storage::ByteWriter out;
  out.u32(kSpeakersFormat);
  out.u32(identity::kIdentityRules);
  out.varint(rows.size());
  for (const SpeakerCount& row : rows) {
    out.string(row.name);
    out.u8(static_cast<uint8_t>(row.kind));
    out.u8(row.group ? 1 : 0);
    out.varint(row.statements);
    out.varint(row.articles);
    write_strings(out, row.variants);
    write_strings(out, row.descriptions);
  }
  return std::string(out.bytes().begin(), out.bytes().end());
}

std::optional<std::vector<SpeakerCount>> decode_speaker_counts(std::string_view body) {
  static const std::string name = "speakers";
  const auto* begin = reinterpret_cast<const uint8_t*>(body.data());
  storage::ByteReader in(begin, begin + body.size(), &name);
  try {
    if (in.u32() != kSpeakersFormat || in.u32() != identity::kIdentityRules) return std::nullopt;
    std::vector<SpeakerCount> rows(in.count(6));
    for (SpeakerCount& row : rows) {
      row.name = in.string();
      const uint8_t kind = in.u8(), group = in.u8();
      if (kind > 3 || group > 1) in.fail("speaker kind " + std::to_string(kind) + ", group " + std::to_string(group));
      row.kind = static_cast<SpeakerKind>(kind);
      row.group = group == 1;
      row.statements = in.varint();
      row.articles = in.varint();
      row.variants = read_strings(in);
      row.descriptions = read_strings(in);
    }
    if (!in.at_end()) in.fail("bytes after the speakers");
    return rows;
  } catch (const Error&) {
    return std::nullopt;
  }
}

}  // namespace attache::query
