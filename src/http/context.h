#pragma once
// Private to the HTTP layer: what every route file needs — the options, metrics, the OpenAPI document,
// route registration, JSON replies, and a Searcher over the newest index generation for the request at hand.
#include <cstdint>
#include <memory>
#include <string>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "http/admission_gate.h"
#include "http/response_cache.h"
#include "http/metrics.h"
#include "http/searcher_pool.h"
#include "http/openapi.h"
#include "paperdex/http/server.h"
#include "paperdex/search/searcher.h"

namespace paperdex::http {

/// The index as one request sees it: lent to it alone until the last copy of this view is gone.
struct IndexView {
    std::shared_ptr<const void> admission;  ///< the AdmissionGate slot this request holds; empty if it took none
    std::shared_ptr<PooledIndex> lease;  ///< returns the index to the pool when released
    Searcher& searcher;
    std::uint64_t generation;  ///< N of DIR/gen-N; 0 for a plain Xapian database
    std::uint64_t documents;
    /// Names this exact index content for the response cache: "gen-N/UUID" (a reused directory name gets a
    /// new UUID), or "UUID@REVISION" for a plain database; empty = do not cache (revision unknown).
    const std::string& cache_tag;
};

/// One remote shard as /healthz reports it.
struct ShardHealth {
    std::string shard;  ///< tcp://HOST:PORT
    bool ok = false;
    std::string error;  ///< why not, when not ok
};

/// The part of a sharded index that answers now (ServerContext::live_shards).
struct LiveShards {
    std::shared_ptr<const void> admission;
    std::unique_ptr<Searcher> searcher;
    std::vector<std::string> failed;  ///< the configured shards left out
};

/// The works source `options` asks for: its --shard URLs parsed, with their timeouts.
/// @throws InvalidArgument("shard") for a URL that is not tcp://HOST:PORT.
WorksSource works_source(const ServerOptions& options);

/// Shared by all routes of one server; safe to use from every worker thread.
class ServerContext {
public:
    explicit ServerContext(ServerOptions options);

    const ServerOptions& options() const noexcept { return options_; }
    Metrics& metrics() noexcept { return metrics_; }
    OpenApi& openapi() noexcept { return openapi_; }
    ResponseCache& cache() noexcept { return cache_; }

    /// A Searcher over the generation DIR/current names now, for this request alone (SearcherPool::acquire),
    /// once the request's turn at the AdmissionGate has come.
    /// @throws NotFound if the index is gone, IndexError if it cannot be opened, Unavailable if no slot freed
    ///         within the request deadline.
    IndexView index();
    /// The same index without waiting at the gate, for answers that read only its generation and counts
    /// (/healthz, /metrics, cache keys): they must not queue behind searches. @throws as index(), never Unavailable.
    IndexView glance() { return lend(nullptr); }
    /// The author index of the generation `index` serves, opened on first use.
    /// @throws NotFound if the generation has no author database; IndexError.
    const AuthorIndex& authors(const IndexView& index) const { return pool_.authors(*index.lease); }
    /// Whether the works are on remote shards (ServerOptions::shards).
    bool remote() const noexcept { return !works_.shards.empty(); }
    /// Each remote shard and whether it answers now (remote_shard_answers; one new connection each), in order.
    /// Empty without remote shards.
    std::vector<ShardHealth> shard_health() const;
    /// A Searcher over the remote shards that answer now, opened for one request (not pooled), for a search with
    /// partial=true; `failed` gets the URLs of the others. Waits at the AdmissionGate as index() does.
    /// @throws ShardUnavailable if no shard answers; Unavailable as index().
    LiveShards live_shards();
    /// Indexes open now, lent and idle.
    std::size_t open_indexes() const { return pool_.open(); }

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
    IndexView lend(std::shared_ptr<const void> admission);
    std::shared_ptr<const void> admit();
    ServerOptions options_;
    WorksSource works_;
    Metrics metrics_;
    OpenApi openapi_;
    ResponseCache cache_;
    SearcherPool pool_;
    AdmissionGate gate_;
};

/// The route label set by the handler running on this thread (empty when no route matched);
/// read and cleared by the request logger that records metrics.
std::string take_route_label();

/// Sends `body` as application/json. Invalid UTF-8 is replaced (U+FFFD), never thrown.
void reply_json(httplib::Response& res, const nlohmann::json& body, int status = 200);

}  // namespace paperdex::http
