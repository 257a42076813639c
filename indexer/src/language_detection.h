// An article's language when its input does not say: CLD2's guess from the
// opening of its text.
#pragma once

#include <string>
#include <string_view>

namespace attache::indexer {

// CLD2 reads this much of a text (cut back to a whole character): enough to
// tell a language apart, and the cost stays the same for long articles.
inline constexpr size_t kDetectionBytes = 1024;
// CLD2 calls short texts reliable when they are not ("NATO met in Brussels."
// is Dutch to it): a text shorter than this is of no known language.
inline constexpr size_t kMinDetectionBytes = 100;

// The language of the text as an ISO 639 code ("fr", "ru"), or empty when the
// text is short, or CLD2 is not sure (a mix) or knows no such language.
std::string detect_language(std::string_view text);

}  // namespace attache::indexer
