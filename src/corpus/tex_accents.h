#pragma once
// TeX accent and letter commands (\'a, \v{S}, {\O}, \ss) as Unicode: shared by the arXiv importers, which convert
// them in names and titles at import (importers::latex_to_unicode), and by tex_to_text(), which prepares indexing
// text. Internal to the corpus layer and the layers above it.
#include <string>
#include <string_view>

namespace paperdex::text {

/// The accent and letter commands of `s` turned into Unicode and NFC-composed; every other byte kept as it is
/// (see importers::latex_to_unicode for the table). Linear in the size of `s`: an accent's braced argument is
/// looked for in a short window only. Never throws (an ICU failure returns the text uncomposed).
std::string tex_accents_to_unicode(std::string_view s);

}  // namespace paperdex::text
