#pragma once
/// Citations out: Works as BibTeX, RIS or CSL-JSON, the formats reference managers import (issue 16, item 5).
/// The writers are pure functions of the Works given; they never throw for a bad Work (invalid UTF-8 becomes
/// U+FFFD, control characters become spaces, missing fields are left out).
#include <string>
#include <string_view>
#include <vector>

#include "paperdex/corpus/work.h"

namespace paperdex::citation {

/// The export formats.
enum class Format {
    bibtex,   ///< BibTeX (.bib), UTF-8, TeX specials escaped (bibtex.h)
    ris,      ///< RIS (.ris), UTF-8, one `TAG  - value` a line (ris.h)
    csljson,  ///< CSL-JSON (.json): an array of CSL items (csl_json.h)
};

/// The format named `name` ("bibtex", "ris", "csljson"; exact, lower case).
/// @throws InvalidArgument(parameter, "format must be bibtex, ris or csljson, got ...") for any other name,
///         naming `parameter` (an HTTP parameter or a CLI option) so a 400 or a usage error can point at it.
Format parse_format(std::string_view name, const std::string& parameter = "format");

/// The format's name as parse_format() reads it ("bibtex", "ris", "csljson"). Never throws.
std::string_view format_name(Format f) noexcept;

/// The media type of the format with its charset: "application/x-bibtex; charset=utf-8",
/// "application/x-research-info-systems; charset=utf-8", "application/vnd.citationstyles.csl+json; charset=utf-8".
/// Never throws.
std::string_view content_type(Format f) noexcept;

/// The usual file extension, with its dot: ".bib", ".ris", ".json". Never throws.
std::string_view file_extension(Format f) noexcept;

/// `works` in `f`, in the order given, keyed by citation_keys() (so duplicate keys are told apart with a, b, ...).
/// BibTeX and RIS end with a newline; CSL-JSON is a JSON array (pretty-printed, 2 spaces) ending with a newline.
/// An empty list gives an empty file ("" for BibTeX and RIS, "[]\n" for CSL-JSON). Throws nothing of its own
/// (only std::bad_alloc, and paperdex::Error if ICU data is missing, as citation_key does).
std::string write(const std::vector<Work>& works, Format f);

}  // namespace paperdex::citation
