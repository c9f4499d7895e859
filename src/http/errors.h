#pragma once
// Private to the HTTP layer: the ONE table from error class to HTTP status and stable error code.
#include <exception>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace paperdex::http {

/// What a failed request answers: status, stable snake_case code, user-facing message and,
/// for a bad parameter, its name (empty otherwise).
struct ErrorReply {
    int status = 500;
    std::string code;
    std::string message;
    std::string parameter;
};

/// Maps an exception to its reply through the table in http_errors.cpp:
/// InvalidArgument → 400 invalid_parameter, CorpusError → 400 invalid_input, NotFound → 404 not_found,
/// IndexError (IndexModified included) → 500 internal; anything else (a bare Error, Xapian::Error,
/// std::exception, unknown) → 500 internal.
ErrorReply error_reply(std::exception_ptr error);

/// The reply for a status httplib produced itself (no route → 404 not_found, body too large → 413
/// payload_too_large, malformed request → 400 bad_request, ...), with `message` as given.
ErrorReply status_reply(int status, std::string message);

/// `{"error":{"code":"...","message":"...","parameter":"..."}}`; "parameter" only when non-empty.
nlohmann::json error_json(const ErrorReply& reply);

}  // namespace paperdex::http
