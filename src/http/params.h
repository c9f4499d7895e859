#pragma once
// Private to the HTTP layer: query parameters → SearchRequest, with the API's limits. Each bad value throws
// InvalidArgument(parameter, message), which the error table turns into a 400 naming the parameter.
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <httplib.h>

#include "paperdex/search/searcher.h"

namespace paperdex::http {

inline constexpr std::size_t kMaxQueryChars = 1000;      ///< q, in Unicode code points
inline constexpr std::size_t kMaxPerPage = 100;
inline constexpr std::size_t kDefaultPerPage = 10;
inline constexpr std::size_t kMaxResultWindow = 10000;   ///< page × per_page: deep paging is costly in Xapian

/// A parsed /api/search request.
struct SearchParams {
    SearchRequest request;  ///< offset = (page-1)×per_page, limit = per_page
    std::size_t page = 1;
    std::size_t per_page = kDefaultPerPage;
    /// partial=true: with remote shards, a shard that does not answer is left out (listed in the answer's
    /// "shards") instead of failing the search with a 503.
    bool partial = false;
};

/// Parses q, year, venue, author, topic, type, sort, page, per_page, facets, partial (true|false); accepts `format` (its value is
/// checked by export_routes.h, which answers the citation formats).
/// @throws InvalidArgument(name, ...) for a bad value, a repeated single-valued parameter or an
///         unknown parameter (so a typo like `perpage=5` is not silently ignored).
SearchParams parse_search_params(const httplib::Params& params);

// Building blocks, for routes that take a subset (similar works, authors).

/// Rejects any parameter not in `known`. @throws InvalidArgument(name, "unknown parameter ...").
void reject_unknown(const httplib::Params& params, std::initializer_list<std::string_view> known);
/// The value of a parameter that may be given at most once; nullopt when absent.
std::optional<std::string> single(const httplib::Params& params, const std::string& name);
/// An integer parameter in [min, max]; `fallback` when absent.
std::size_t integer(const httplib::Params& params, const std::string& name, std::size_t min, std::size_t max,
                    std::size_t fallback);
/// q: valid UTF-8, at most kMaxQueryChars code points.
std::string query_text(const httplib::Params& params);
/// year, venue, author, topic, type into `req` (multi-valued filters are OR-ed; empty values ignored).
void parse_filters(const httplib::Params& params, SearchRequest& req);
/// facets: comma list of facet names from schema::facets(), duplicates dropped.
std::vector<std::string> facet_list(const httplib::Params& params);

}  // namespace paperdex::http
