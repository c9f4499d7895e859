#pragma once
// Private to the HTTP layer: the ONE table from error class to HTTP status and stable error code.
#include <exception>
#include <iosfwd>
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
    std::string id;  ///< for a 5xx: names the log line that has the internal message (client_reply)
    std::string shard;  ///< for shard_unavailable: the shard's "tcp://HOST:PORT"
};

/// Maps an exception to its reply through the table in http_errors.cpp:
/// InvalidArgument → 400 invalid_parameter, CorpusError → 400 invalid_input, NotFound → 404 not_found,
/// IndexError (IndexModified included) → 500 internal, ShardUnavailable → 503 shard_unavailable (with the shard),
/// Unavailable → 503 unavailable; anything else (a bare Error, Xapian::Error,
/// std::exception, unknown) → 500 internal.
ErrorReply error_reply(std::exception_ptr error);

/// The reply for a status httplib produced itself (no route → 404 not_found, body too large → 413
/// payload_too_large, malformed request → 400 bad_request, ...), with `message` as given.
ErrorReply status_reply(int status, std::string message);

/// What the client is told. A 4xx or a 503 as it is. Any other 5xx gets a fresh id (16 hex digits) and the generic message
/// "internal error ID; the server log has the details", and `log` gets "paperdex serve: internal error ID:
/// MESSAGE": an internal message may name server paths or library internals, which a response must not show.
ErrorReply client_reply(ErrorReply reply, std::ostream& log);

/// `{"error":{"code":"...","message":"...","parameter":"...","id":"...","shard":"..."}}`; "parameter" for
/// invalid_parameter (even when the client's parameter name is empty) or when non-empty, "id" and "shard" when
/// non-empty.
nlohmann::json error_json(const ErrorReply& reply);

}  // namespace paperdex::http
