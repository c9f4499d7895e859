#pragma once
// Private to the HTTP layer: what every route file needs — the options, metrics, the OpenAPI document,
// route registration, JSON replies, and this worker thread's Searcher over the newest index generation.
#include <cstdint>
#include <string>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "http/response_cache.h"
#include "http/metrics.h"
#include "http/openapi.h"
#include "paperdex/http/server.h"
#include "paperdex/search/searcher.h"

namespace paperdex::http {

/// The index as one worker thread sees it for the request being handled.
struct IndexView {
    Searcher& searcher;
    std::uint64_t generation;  ///< N of DIR/gen-N; 0 for a plain Xapian database
    std::uint64_t documents;
    /// Names this exact index content for the response cache: "gen-N/UUID" (a reused directory name gets a
    /// new UUID), or "UUID@REVISION" for a plain database; empty = do not cache (revision unknown).
    const std::string& cache_tag;
};

/// Shared by all routes of one server; safe to use from every worker thread.
class ServerContext {
public:
    explicit ServerContext(ServerOptions options);

    const ServerOptions& options() const noexcept { return options_; }
    Metrics& metrics() noexcept { return metrics_; }
    OpenApi& openapi() noexcept { return openapi_; }
    ResponseCache& cache() noexcept { return cache_; }

    /// This thread's Searcher. Xapian::Database is not thread-safe, so each worker thread owns one
    /// (thread_local, keyed by index dir). Each call reads DIR/current (one readlink) and, when it names
    /// a new generation, opens that one; a plain database is reopen()ed instead. A generation removed
    /// between readlink and open is retried on the newer link, so a rebuild never fails a request.
    /// @throws NotFound if the index is gone, IndexError if it cannot be opened.
    IndexView index();

    /// Registers GET `pattern` (an httplib regex, matched against the whole decoded path) documented as
    /// OpenAPI `path` ("/api/works/{id}"), which is also its metrics route label. Routes listed in
    /// http_context.cpp's kCachedRoutes (their 200 answer depends only on index, path and parameters) go
    /// through the response cache and answer with `X-Cache: hit|miss`.
    void get(httplib::Server& server, const std::string& path, const std::string& pattern,
             nlohmann::json operation, httplib::Server::Handler handler);
    /// Same for POST.
    void post(httplib::Server& server, const std::string& path, const std::string& pattern,
              nlohmann::json operation, httplib::Server::Handler handler);

private:
    httplib::Server::Handler labelled(std::string path, httplib::Server::Handler handler);
    httplib::Server::Handler cached(std::string path, httplib::Server::Handler handler);
    ServerOptions options_;
    Metrics metrics_;
    OpenApi openapi_;
    ResponseCache cache_;
};

/// The route label set by the handler running on this thread (empty when no route matched);
/// read and cleared by the request logger that records metrics.
std::string take_route_label();

/// Sends `body` as application/json. Invalid UTF-8 is replaced (U+FFFD), never thrown.
void reply_json(httplib::Response& res, const nlohmann::json& body, int status = 200);

}  // namespace paperdex::http
