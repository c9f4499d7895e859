// Per-thread Searchers and route registration for the HTTP layer.
#include "http_context.h"

#include <filesystem>
#include <map>
#include <memory>
#include <system_error>

#include "paperdex/error.h"
#include "paperdex/indexer.h"

namespace paperdex::http {
namespace {

namespace fs = std::filesystem;

thread_local std::string t_route;

// One Searcher per (worker thread, index dir), remembering which generation it has open.
struct ThreadIndex {
    std::unique_ptr<Searcher> searcher;
    std::string link;  // target of DIR/current when opened; empty for a plain database
    std::uint64_t generation = 0;
};

// Target of DIR/current, or empty if DIR/current is not a symlink (a plain database).
std::string current_link(const std::string& index_dir) {
    std::error_code ec;
    fs::path target = fs::read_symlink(fs::path(index_dir) / "current", ec);
    return ec ? std::string() : target.string();
}

// "gen-12" → 12; anything else 0.
std::uint64_t generation_of(const std::string& link) {
    const std::string name = fs::path(link).filename().string();
    if (name.rfind("gen-", 0) != 0) return 0;
    std::uint64_t n = 0;
    for (char c : name.substr(4)) {
        if (c < '0' || c > '9') return 0;
        n = n * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return n;
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
            t.generation = generation_of(t.link);
            return;
        } catch (const Error&) {
            std::string again = current_link(index_dir);
            if (attempt == kAttempts || again == link) throw;
            link = std::move(again);
        }
    }
}

}  // namespace

ServerContext::ServerContext(ServerOptions options) : options_(std::move(options)) {}

IndexView ServerContext::index() {
    thread_local std::map<std::string, ThreadIndex> by_dir;
    ThreadIndex& t = by_dir[options_.index_dir];
    std::string link = current_link(options_.index_dir);
    if (!t.searcher || link != t.link) {
        open_generation(t, options_.index_dir, std::move(link));
    } else if (link.empty()) {
        t.searcher->reopen();  // a plain database updated in place
    }
    const std::uint64_t documents = t.searcher->database().get_doccount();
    metrics_.set_index(t.generation, documents);
    return {*t.searcher, t.generation, documents};
}

httplib::Server::Handler ServerContext::labelled(std::string path, httplib::Server::Handler handler) {
    return [path = std::move(path), handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
        t_route = path;
        handler(req, res);
    };
}

void ServerContext::get(httplib::Server& server, const std::string& path, const std::string& pattern,
                        nlohmann::json operation, httplib::Server::Handler handler) {
    openapi_.add("get", path, std::move(operation));
    server.Get(pattern, labelled(path, std::move(handler)));
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
