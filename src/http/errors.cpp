// Error class → HTTP status and stable code, in one table (STYLE.md "Errors"; cf. meilisearch error codes).
#include "http/errors.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <ostream>
#include <random>
#include <string_view>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "paperdex/error.h"

namespace paperdex::http {
namespace {

template <class E>
bool is(const std::exception& e) {
    return dynamic_cast<const E*>(&e) != nullptr;
}

struct ErrorClass {
    bool (*matches)(const std::exception&);
    int status;
    std::string_view code;
};

// Every class of paperdex/error.h. First match wins, so a subclass must come before its base. Anything else
// (a bare Error, std::exception, Xapian::Error, ...) is a 500 "internal" too, but by default, not by this table.
constexpr std::array kErrorTable{
    ErrorClass{is<InvalidArgument>, 400, "invalid_parameter"},
    ErrorClass{is<CorpusError>, 400, "invalid_input"},
    ErrorClass{is<NotFound>, 404, "not_found"},
    // IndexModified (a rebuild replaced what a reader was reading) is an IndexError and answers as one: the next
    // request reopens the index (ServerContext::index) and succeeds, so it is not a 503 "try later".
    ErrorClass{is<IndexError>, 500, "internal"},
    ErrorClass{is<ShardUnavailable>, 503, "shard_unavailable"},
    ErrorClass{is<Unavailable>, 503, "unavailable"},
};

// Statuses httplib sets on its own (no handler ran), so they get a code of the same family.
struct StatusCode {
    int status;
    std::string_view code;
};
constexpr std::array kStatusTable{
    StatusCode{400, "bad_request"},       StatusCode{404, "not_found"},
    StatusCode{405, "method_not_allowed"}, StatusCode{413, "payload_too_large"},
    StatusCode{411, "length_required"},   StatusCode{414, "uri_too_long"},
    StatusCode{415, "unsupported_media_type"}, StatusCode{416, "range_not_satisfiable"},
};

}  // namespace

ErrorReply error_reply(std::exception_ptr error) {
    try {
        if (error) std::rethrow_exception(error);
        return {500, "internal", "unknown error", "", "", ""};
    } catch (const std::exception& e) {
        for (const auto& c : kErrorTable) {
            if (!c.matches(e)) continue;
            ErrorReply r{c.status, std::string(c.code), e.what(), "", "", ""};
            if (const auto* ia = dynamic_cast<const InvalidArgument*>(&e)) r.parameter = ia->parameter();
            if (const auto* su = dynamic_cast<const ShardUnavailable*>(&e)) r.shard = su->shard();
            return r;
        }
        return {500, "internal", e.what(), "", "", ""};
    } catch (const Xapian::Error& e) {
        // Xapian errors do not derive from std::exception; the library should have wrapped them.
        return {500, "internal", "index error: " + e.get_description(), "", "", ""};
    } catch (...) {
        return {500, "internal", "unknown error", "", "", ""};
    }
}

ErrorReply status_reply(int status, std::string message) {
    for (const auto& s : kStatusTable)
        if (s.status == status) return {status, std::string(s.code), std::move(message), "", "", ""};
    return {status, status >= 500 ? "internal" : "bad_request", std::move(message), "", "", ""};
}

ErrorReply client_reply(ErrorReply reply, std::ostream& log) {
    // A 503 says what to wait for (a busy server, a shard that is down) and names no server path.
    if (reply.status < 500 || reply.status == 503) return reply;
    // Random per process, then counted: unique within a log, and not guessable across restarts.
    static std::atomic<std::uint64_t> next{std::random_device{}() * 0x9E3779B97F4A7C15ull};
    char id[17];
    std::snprintf(id, sizeof id, "%016llx", static_cast<unsigned long long>(next.fetch_add(1)));
    reply.id = id;
    log << "paperdex serve: internal error " << reply.id << ": " << reply.message << "\n" << std::flush;
    reply.message = "internal error " + reply.id + "; the server log has the details";
    return reply;
}

nlohmann::json error_json(const ErrorReply& reply) {
    nlohmann::json e{{"code", reply.code}, {"message", reply.message}};
    // An invalid_parameter always names it, even when the client's parameter name is empty ("?=1", {"": 1}).
    if (!reply.parameter.empty() || reply.code == "invalid_parameter") e["parameter"] = reply.parameter;
    if (!reply.id.empty()) e["id"] = reply.id;
    if (!reply.shard.empty()) e["shard"] = reply.shard;
    return {{"error", std::move(e)}};
}

}  // namespace paperdex::http
