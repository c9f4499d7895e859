// The request's index and route registration for the HTTP layer.
#include "http/context.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <memory>
#include <string>

#include "paperdex/error.h"

namespace paperdex::http {
namespace {

thread_local std::string t_route;
// The cache tag of the index the handler running on this thread last asked for (ServerContext::index()).
thread_local std::string t_tag;

// GET routes whose 200 body is a function of (index, decoded path, query parameters) alone. Not /healthz,
// /metrics (they report live state) nor /api/openapi.json (cheap, and not an index answer).
constexpr std::array<std::string_view, 6> kCachedRoutes{
    "/api/search",  "/api/works/{id}",   "/api/works/{id}/similar", "/api/authors",
    "/api/authors/{key}", "/api/authors/{key}/collaborators"};

}  // namespace

WorksSource works_source(const ServerOptions& options) {
    WorksSource works;
    for (const auto& url : options.shards) works.shards.push_back(parse_remote_shard(url));
    works.shard_processes = options.shards.empty() && options.shard_processes;
    const unsigned reply_ms = options.shard_timeout_ms ? options.shard_timeout_ms : options.request_timeout_ms;
    works.timeouts = {std::min(works.timeouts.connect_ms, reply_ms), reply_ms};
    return works;
}

ServerContext::ServerContext(ServerOptions options)
    : options_(std::move(options)),
      works_(works_source(options_)),
      cache_(options_.cache_mb * std::size_t{1} << 20),
      pool_(options_.index_dir, works_),
      gate_(options_.searches ? options_.searches : default_searches()) {}

std::shared_ptr<const void> ServerContext::admit() {
    if (!gate_.enter(std::chrono::milliseconds(options_.request_timeout_ms)))
        throw Unavailable("busy: every one of the " + std::to_string(gate_.slots()) +
                          " index slots stayed in use for " + std::to_string(options_.request_timeout_ms) +
                          " ms; try again later");
    return std::shared_ptr<const void>(nullptr, [gate = &gate_](const void*) { gate->leave(); });
}

IndexView ServerContext::index() { return lend(admit()); }

std::vector<ShardHealth> ServerContext::shard_health() const {
    std::vector<ShardHealth> out;
    for (const RemoteShard& s : works_.shards) {
        ShardHealth h{s.url(), false, {}};
        h.ok = remote_shard_answers(s, works_.timeouts, &h.error);
        out.push_back(std::move(h));
    }
    return out;
}

LiveShards ServerContext::live_shards() {
    LiveShards live{admit(), nullptr, {}};
    std::vector<RemoteShard> answering;
    const std::vector<ShardHealth> health = shard_health();
    for (std::size_t k = 0; k < health.size(); ++k) {
        if (health[k].ok)
            answering.push_back(works_.shards[k]);
        else
            live.failed.push_back(health[k].shard);
    }
    if (answering.empty()) throw ShardUnavailable(works_.shards.front().url(), "no shard answers");
    live.searcher = std::make_unique<Searcher>(Searcher::over_remote_shards(options_.index_dir, answering, works_.timeouts));
    return live;
}

// index() with its gate slot, or glance() with none.
IndexView ServerContext::lend(std::shared_ptr<const void> admission) {
    auto lease = pool_.acquire();
    const std::uint64_t documents = lease->searcher->database().get_doccount();
    metrics_.set_index(lease->generation, documents);
    t_tag = lease->tag;
    Searcher& searcher = *lease->searcher;
    const std::uint64_t generation = lease->generation;
    const std::string& tag = lease->tag;
    return {std::move(admission), std::move(lease), searcher, generation, documents, tag};
}

httplib::Server::Handler ServerContext::labelled(std::string path, httplib::Server::Handler handler) {
    return [path = std::move(path), handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
        t_route = path;
        handler(req, res);
    };
}

httplib::Server::Handler ServerContext::cached(std::string path, httplib::Server::Handler handler) {
    return [this, path = std::move(path), handler = std::move(handler)](const httplib::Request& req,
                                                                          httplib::Response& res) {
        t_route = path;
        // Remote shards' answers are never stored (their tag is empty), so no key is worth computing.
        if (!cache_.enabled() || remote()) {
            cache_.find({});  // counts the miss
            res.set_header("X-Cache", "miss");
            handler(req, res);
            return;
        }
        std::string key = ResponseCache::key(glance().cache_tag, req.path, req.params);
        if (auto body = cache_.find(key)) {
            res.set_header("X-Cache", "hit");
            res.set_content(*body, "application/json");
            return;
        }
        res.set_header("X-Cache", "miss");  // also on an error reply, which is never stored
        const std::string looked_up = t_tag;
        handler(req, res);  // an exception leaves before anything is stored
        // Store under the index the handler really used: a rebuild may have switched generations meanwhile.
        // Only JSON is stored: a hit is answered as application/json (citation exports are computed each time).
        if (res.status != 200 || t_tag.empty() || res.get_header_value("Content-Type") != "application/json") return;
        if (t_tag != looked_up) key = ResponseCache::key(t_tag, req.path, req.params);
        cache_.put(key, res.body);
    };
}

void ServerContext::get(httplib::Server& server, const std::string& path, const std::string& pattern,
                        nlohmann::json operation, httplib::Server::Handler handler) {
    if (std::find(kCachedRoutes.begin(), kCachedRoutes.end(), path) == kCachedRoutes.end()) {
        openapi_.add("get", path, std::move(operation));
        server.Get(pattern, labelled(path, std::move(handler)));
        return;
    }
    if (operation.contains("responses") && operation["responses"].contains("200"))
        operation["responses"]["200"]["headers"]["X-Cache"] = {
            {"description", "hit: answered from the response cache (same index generation, path and parameters); "
                            "miss: computed now"},
            {"schema", {{"type", "string"}, {"enum", {"hit", "miss"}}}}};
    openapi_.add("get", path, std::move(operation));
    server.Get(pattern, cached(path, std::move(handler)));
}

void ServerContext::post(httplib::Server& server, const std::string& path, const std::string& pattern,
                         nlohmann::json operation, httplib::Server::Handler handler) {
    openapi_.add("post", path, std::move(operation));
    server.Post(pattern, labelled(path, std::move(handler)));
}

std::string take_route_label() {
    std::string r = std::move(t_route);
    t_route.clear();
    return r;
}

void reply_json(httplib::Response& res, const nlohmann::json& body, int status) {
    res.status = status;
    res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json");
}

}  // namespace paperdex::http
