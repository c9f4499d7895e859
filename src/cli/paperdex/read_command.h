#pragma once
// What the read commands (search, similar, authors, author, collaborators) share: they open an index directory and
// print text for people or, with --json, exactly what the HTTP API returns for the same request.
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

namespace paperdex::cli {

/// The options of every read command; each command's own arguments struct derives from it.
struct IndexArgs {
    std::string index = "index";  ///< --index: the index directory (holds gen-N/ and current)
    bool json = false;            ///< --json: print the API's JSON instead of text
};

/// Adds --index and --json to `sub`, bound to `a` (which must outlive the parse).
inline void add_index_args(CLI::App& sub, IndexArgs& a) {
    sub.add_option("--index", a.index, "index directory")->capture_default_str();
    sub.add_flag("--json", a.json, "print the JSON the HTTP API returns");
}

/// "2019" or "2019–2025" for an author's first and last year; "" when `from` is unknown.
inline std::string year_span(const std::optional<int>& from, const std::optional<int>& to) {
    if (!from) return "";
    return !to || *from == *to ? std::to_string(*from) : std::to_string(*from) + "–" + std::to_string(*to);
}

}  // namespace paperdex::cli
