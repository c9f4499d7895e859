#pragma once
// The body of POST /api/similar: JSON from the client, checked field by field (a typo is a 400, not ignored).
#include <cstddef>
#include <string>

#include "http/params.h"
#include "paperdex/search/similar.h"

namespace paperdex::http {

/// A page of a paged answer: page from 1, per_page works.
struct Paging {
    std::size_t page = 1, per_page = kDefaultPerPage;
};

/// {page, per_page} after checking the result window. @throws InvalidArgument("page") if page × per_page >
/// kMaxResultWindow.
Paging paging(std::size_t page, std::size_t per_page);

/// The text of a POST /api/similar body, its filters and `terms` into `opt`, its page and per_page into `p`.
/// @throws InvalidArgument naming the field ("body" for a body that is not a JSON object, "text" when missing,
///         an unknown field by its name cut to 64 bytes) for anything else than the documented fields and types.
///         Messages quote at most a bounded excerpt of a value (json_excerpt).
std::string parse_similar_body(const std::string& raw, SimilarOptions& opt, Paging& p);

}  // namespace paperdex::http
