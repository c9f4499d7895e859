#pragma once
// Private to the HTTP layer: citations out. `format=bibtex|ris|csljson` on GET /api/works/{id} and GET /api/search
// answers with the work, or the page of hits asked for, in that format instead of JSON (paperdex/export).
#include <string>

#include <httplib.h>

#include "http/context.h"

namespace paperdex::http {

/// The `format` parameter's name and its values besides the export formats: absent or "json" = the JSON answer.
inline constexpr const char* kFormatParameter = "format";

/// Answers GET /api/works/{id} in the requested citation format and returns true; returns false (and writes
/// nothing) when `format` is absent or "json", so the route answers JSON as before.
/// @throws InvalidArgument("format", ...) for another value or a repeated format, NotFound for an unknown id.
bool reply_work_export(ServerContext& ctx, const httplib::Request& req, httplib::Response& res, const std::string& id);

/// Answers GET /api/search with the works of the page asked for (page, per_page ≤ 100, filters and sort as the JSON
/// search) in the requested citation format and returns true; false when `format` is absent or "json".
/// @throws InvalidArgument naming the bad parameter (format, q, page, ...), as the JSON search does.
bool reply_search_export(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);

}  // namespace paperdex::http
