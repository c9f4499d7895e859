#pragma once
// What the read commands (search, similar, authors, author, collaborators) share: they open an index directory and
// print text for people or, with --json, exactly what the HTTP API returns for the same request.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "paperdex/search/searcher.h"

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

/// A read command's arguments, `Args` deriving from IndexArgs, with --index and --json added to `sub`. Shared, since
/// the parse fills them in and the command's run reads them later.
template <class Args>
std::shared_ptr<Args> read_args(CLI::App& sub) {
    auto a = std::make_shared<Args>();
    add_index_args(sub, *a);
    return a;
}

/// Adds --page (from 1) and --per-page (1..100) to `sub`, bound to `page` and `per_page`.
inline void add_page_args(CLI::App& sub, std::size_t& page, std::size_t& per_page) {
    sub.add_option("--page", page, "page (from 1)")->capture_default_str();
    sub.add_option("--per-page", per_page, "per page (1..100)")->capture_default_str();
}

/// Adds the filters of search and similar to `sub`: --year into `year` (text; the command parses it, so that an
/// error names --year), and --venue, --author, --topic, --type into `filters` (each repeatable: OR within a
/// facet, AND across facets).
inline void add_filter_args(CLI::App& sub, std::string& year, SearchRequest& filters) {
    sub.add_option("--year", year, "year or range: 2020, 2019..2022, 2019.., ..2022");
    // One value per occurrence: a vector option would otherwise swallow the query words after it.
    sub.add_option("--venue", filters.venues, "venue (repeat for OR)")->allow_extra_args(false);
    sub.add_option("--author", filters.authors, "author name or key (repeat for OR)")->allow_extra_args(false);
    sub.add_option("--topic", filters.topics, "topic (repeat for OR)")->allow_extra_args(false);
    sub.add_option("--type", filters.types, "type (repeat for OR)")->allow_extra_args(false);
}

/// Adds --offset (hits to skip) and --limit (hits to show) to `sub`, bound to `offset` and `limit`.
inline void add_paging_args(CLI::App& sub, std::size_t& offset, std::size_t& limit) {
    sub.add_option("--offset", offset, "hits to skip")->capture_default_str();
    sub.add_option("--limit", limit, "hits to show (0..1000)")->capture_default_str();
}

/// "2019" or "2019–2025" for an author's first and last year; "" when `from` is unknown.
inline std::string year_span(const std::optional<int>& from, const std::optional<int>& to) {
    if (!from) return "";
    return !to || *from == *to ? std::to_string(*from) : std::to_string(*from) + "–" + std::to_string(*to);
}

}  // namespace paperdex::cli
