// Per-thread Searchers and route registration for the HTTP layer.
#include "http/context.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <memory>

#include "paperdex/error.h"
#include "paperdex/index/index_directory.h"

#include <xapian.h>

namespace paperdex::http {
namespace {

namespace fs = std::filesystem;

thread_local std::string t_route;
// The cache tag of the index the handler running on this thread last asked for (ServerContext::index()).
thread_local std::string t_tag;

// GET routes whose 200 body is a function of (index, decoded path, query parameters) alone. Not /healthz,
// /metrics (they report live state) nor /api/openapi.json (cheap, and not an index answer).
constexpr std::array<std::string_view, 6> kCachedRoutes{
    "/api/search",  "/api/works/{id}",   "/api/works/{id}/similar", "/api/authors",
    "/api/authors/{key}", "/api/authors/{key}/collaborators"};

// One Searcher per (worker thread, index dir), remembering which generation it has open.
struct ThreadIndex {
    std::unique_ptr<Searcher> searcher;
    std::string link;  // target of DIR/current when opened; empty for a plain database
    std::uint64_t generation = 0;
    std::string tag;  // IndexView::cache_tag
};

// Xapian gives every new database a new UUID, so a generation name reused after the index directory was
// deleted and rebuilt still gets a new tag. A plain database changes in place: its revision joins the tag.
std::string cache_tag(const Xapian::Database& db, const std::string& link) {
    try {
        return link.empty() ? db.get_uuid() + "@" + std::to_string(db.get_revision()) : link + "/" + db.get_uuid();
    } catch (const Xapian::Error&) {
        return {};  // a database without a single revision (several shards): not cached
    }
}

void open_generation(ThreadIndex& t, const std::string& index_dir, std::string link) {
    // A rebuild may remove the generation we just read the name of (it keeps only the previous one):
    // re-read the link and try again; the newest generation is always complete before the link moves.
    constexpr int kAttempts = 5;
    for (int attempt = 1;; ++attempt) {
        try {
            const std::string path = link.empty() ? index_dir : (fs::path(index_dir) / link).string();
            auto searcher = std::make_unique<Searcher>(open_index(path));
            t.searcher = std::move(searcher);
            t.link = std::move(link);
            t.generation = IndexDirectory::generation_of(t.link);
            t.tag = cache_tag(t.searcher->database(), t.link);
            return;
        } catch (const Error&) {
            std::string again = IndexDirectory(index_dir).current_link();
            if (attempt == kAttempts || again == link) throw;
            link = std::move(again);
        }
    }
}

}  // namespace

ServerContext::ServerContext(ServerOptions options)
    : options_(std::move(options)), cache_(options_.cache_mb * std::size_t{1} << 20) {}

IndexView ServerContext::index() {
    thread_local std::map<std::string, ThreadIndex> by_dir;
    ThreadIndex& t = by_dir[options_.index_dir];
    std::string link = IndexDirectory(options_.index_dir).current_link();
    if (!t.searcher || link != t.link) {
        open_generation(t, options_.index_dir, std::move(link));
    } else if (link.empty()) {
        if (t.searcher->reopen()) t.tag = cache_tag(t.searcher->database(), t.link);  // updated in place
    }
    const std::uint64_t documents = t.searcher->database().get_doccount();
    metrics_.set_index(t.generation, documents);
    t_tag = t.tag;
    return {*t.searcher, t.generation, documents, t.tag};
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
        if (!cache_.enabled()) {
            cache_.find({});  // counts the miss
            res.set_header("X-Cache", "miss");
            handler(req, res);
            return;
        }
        std::string key = ResponseCache::key(index().cache_tag, req.path, req.params);
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
