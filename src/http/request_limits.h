#pragma once
// What the server refuses from a request's head alone, before httplib reads a body: httplib 0.11 checks its
// payload limit against Content-Length only, so a chunked body is read whole first; a body-carrying request
// without Content-Length is read until the client closes or 5 s pass; and a multi-range request makes it build one
// copy of the response per range. Each is refused here (the connection is then closed: its body is unread).
#include <httplib.h>

namespace paperdex::http {

/// If `req` must be refused, sets `res` to the JSON error and returns true:
/// 411 length_required for Transfer-Encoding (chunked) or a body-carrying method (POST, PUT, PATCH, DELETE)
/// without Content-Length; 415 unsupported_media_type for a Content-Encoding (compressed) body; 416
/// range_not_satisfiable for more than one range in Range. A single range is dropped from `req` (the whole
/// resource is sent, as RFC 9110 allows). Returns false when the request goes on.
bool refuse_request_head(const httplib::Request& req, httplib::Response& res);

}  // namespace paperdex::http
