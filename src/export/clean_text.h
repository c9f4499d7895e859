#pragma once
// Private to the export layer: text made safe for a one-line field of a citation format.
#include <string>
#include <string_view>

namespace paperdex::citation {

// `s` as valid UTF-8 on one line: each invalid byte sequence → U+FFFD, C0 and C1 control characters (newlines and
// tabs included) and DEL → a space, runs of spaces → one, ends trimmed. Never throws (but std::bad_alloc).
std::string clean_text(std::string_view s);

}  // namespace paperdex::citation
