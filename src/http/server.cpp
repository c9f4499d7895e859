// The HTTP server: cpp-httplib's thread pool, the core routes, errors as JSON, metrics, CORS, the web page.
#include "paperdex/http/server.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "http/connection_deadlines.h"
#include "http/context.h"
#include "http/errors.h"
#include "http/export_routes.h"
#include "http/katex_assets.h"
#include "http/request_limits.h"
#include "http/shard_answers.h"
#include "http/params.h"
#include "paperdex/error.h"
#include "paperdex/index/index_directory.h"

namespace paperdex::http {

// Route files of later features declare their registration function here and are called below.
void add_routes_discovery(httplib::Server& server, ServerContext& ctx);

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kMaxCacheMb = 1 << 20;  // 1 TiB: keeps MiB → bytes far from overflow
thread_local std::optional<Clock::time_point> t_request_start;

void add_core_routes(httplib::Server& server, ServerContext& ctx) {
    ctx.get(server, "/healthz", "/healthz", openapi::healthz_operation(),
            [&ctx](const httplib::Request&, httplib::Response& res) {
                if (ctx.remote()) {
                    reply_shard_health(ctx, res);
                    return;
                }
                const IndexView index = ctx.glance();  // a health check must not wait behind searches
                reply_json(res, {{"status", "ok"}, {"generation", index.generation}, {"documents", index.documents}});
            });

    ctx.get(server, "/api/search", "/api/search", openapi::search_operation(),
            [&ctx](const httplib::Request& req, httplib::Response& res) {
                if (reply_search_export(ctx, req, res)) return;  // format=bibtex|ris|csljson (export_routes.cpp)
                const SearchParams sp = parse_search_params(req.params);
                nlohmann::json body = search_over_shards(ctx, sp);
                body["query"] = sp.request.query;
                body["page"] = sp.page;
                body["per_page"] = sp.per_page;
                reply_json(res, body);
            });

    // Ids contain ':' and '/' (arxiv:hep-th/9901001), so the id is "the rest of the path" — except a
    // trailing "/similar", which belongs to the similar-works route of the discovery features.
    ctx.get(server, "/api/works/{id}", R"(/api/works/((?!.*/similar$).+))", openapi::work_operation(),
            [&ctx](const httplib::Request& req, httplib::Response& res) {
                if (reply_work_export(ctx, req, res, req.matches[1].str())) return;  // format=... (export_routes.cpp)
                reject_unknown(req.params, {kFormatParameter});
                const IndexView index = ctx.index();
                reply_json(res, {{"work", index.searcher.get_work(req.matches[1].str())}});
            });

    ctx.get(server, "/metrics", "/metrics", openapi::metrics_operation(),
            [&ctx](const httplib::Request&, httplib::Response& res) {
                ctx.glance();  // refreshes the index gauges
                const ResponseCache& c = ctx.cache();
                res.set_content(ctx.metrics().render({c.hits(), c.misses(), c.bytes(), c.entries(), c.capacity()}),
                                "text/plain; version=0.0.4; charset=utf-8");
            });

    ctx.get(server, "/api/openapi.json", "/api/openapi.json", openapi::openapi_operation(),
            [&ctx](const httplib::Request&, httplib::Response& res) { reply_json(res, ctx.openapi().document()); });
}

void set_error_handling(httplib::Server& server) {
    // A handler threw: map the exception through the one error table. httplib catches everything a handler
    // throws (also non-std exceptions such as Xapian::Error) and calls this, so bad input never kills the server.
    server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        const ErrorReply r = client_reply(error_reply(ep), std::cerr);
        reply_json(res, error_json(r), r.status);
    });
    // A status >= 400 without a body came from httplib itself (no route, body too large, bad request line).
    server.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        const std::string message = res.status == 404 ? "no route for " + req.method + " " + req.path
                                                      : "HTTP " + std::to_string(res.status) + " for " + req.method +
                                                            " " + req.path;
        reply_json(res, error_json(client_reply(status_reply(res.status, message), std::cerr)), res.status);
        return httplib::Server::HandlerResponse::Handled;
    }));
}

void set_metrics(httplib::Server& server, ServerContext& ctx) {
    // httplib runs this after reading a request's head and before its body, so it is also where heads are refused.
    server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        t_request_start = Clock::now();
        ConnectionWatchdog::request_started();
        return refuse_request_head(req, res) ? httplib::Server::HandlerResponse::Handled
                                             : httplib::Server::HandlerResponse::Unhandled;
    });
    // Runs on the worker thread for every response (also httplib's own 404s) once its status and body are
    // final, just before it is written: so a client that has read a response finds it already counted.
    server.set_post_routing_handler([&ctx](const httplib::Request&, httplib::Response& res) {
        std::string route = take_route_label();
        if (route.empty()) route = res.status < 400 ? "static" : "unmatched";
        double seconds = 0;
        if (t_request_start) seconds = std::chrono::duration<double>(Clock::now() - *t_request_start).count();
        t_request_start.reset();
        ctx.metrics().record(route, res.status, seconds);
        ConnectionWatchdog::request_finished();
    });
}

// Headers on every response. nosniff: a browser must not read a JSON error or a static file as HTML or script.
// CORS only with an origin (off by default: no Access-Control-* header at all).
void set_default_headers(httplib::Server& server, const std::string& cors_origin) {
    httplib::Headers headers{{"X-Content-Type-Options", "nosniff"}};
    if (!cors_origin.empty()) {
        headers.emplace("Access-Control-Allow-Origin", cors_origin);
        headers.emplace("Vary", "Origin");
        server.Options(".*", [](const httplib::Request&, httplib::Response& res) {
            res.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
            res.set_header("Access-Control-Allow-Headers", "Content-Type");
            res.set_header("Access-Control-Max-Age", "600");
            res.status = 204;
        });
    }
    server.set_default_headers(std::move(headers));
}

// The web page loads only its own files and talks only to this server: an injected script tag or a framing page
// gets nothing. Inline style attributes stay allowed (the collaborator score bars set their width).
constexpr const char* kWebPagePolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

}  // namespace

unsigned default_searches() {
    return std::max(1u, std::thread::hardware_concurrency()) * 3 / 2 + 1;
}

namespace {

unsigned thread_count(unsigned requested) {
    // httplib gives each connection a worker from its first byte until it closes. The head deadline
    // (connection_deadlines.h) bounds how long a slow client holds one; the workers bound how many it takes to
    // make a normal request wait that long: with 64 workers, 100 clients sending a line a second made a search
    // wait 20 s before deadlines; with 256, 200 of them left it at 7 ms (tools/reliability/slow_clients.py). An
    // idle worker costs a stack's touched pages (RSS 20 MB with 256 workers); one that has served also holds a
    // Searcher (~7 file descriptors).
    return requested ? requested : std::max(kDefaultWorkers, std::thread::hardware_concurrency());
}

// An installed paperdex finds its web page from its executable (PREFIX/bin/paperdex → PREFIX/share/paperdex/web);
// one run from its build tree (build/paperdex, the tests) serves the source tree's web/.
std::string default_web_dir() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const auto installed = (exe.parent_path() / PAPERDEX_WEB_FROM_EXE).lexically_normal();
        if (std::filesystem::is_directory(installed, ec)) return installed.string();
    }
    return PAPERDEX_SOURCE_WEB_DIR;
}

}  // namespace

struct HttpServer::Impl {
    explicit Impl(ServerOptions o)
        : ctx(std::move(o)),
          watchdog({std::chrono::milliseconds(ctx.options().head_timeout_ms),
                    std::chrono::milliseconds(ctx.options().request_timeout_ms)}) {}
    ServerContext ctx;
    ConnectionWatchdog watchdog;  // before the server: its task queue uses the watchdog until the server ends
    httplib::Server server;
    int port = 0;
    std::thread thread;
    socket_t listen_socket = INVALID_SOCKET;
};

HttpServer::HttpServer(ServerOptions options) {
    if (options.port < 0 || options.port > 65535)
        throw InvalidArgument("port", "port must be 0..65535, got " + std::to_string(options.port));
    if (options.threads > 1024)
        throw InvalidArgument("threads", "threads must be 0..1024, got " + std::to_string(options.threads));
    if (options.searches > 1024)
        throw InvalidArgument("searches", "searches must be 0..1024, got " + std::to_string(options.searches));
    if (options.cache_mb > kMaxCacheMb)
        throw InvalidArgument("cache_mb", "cache_mb must be 0.." + std::to_string(kMaxCacheMb) + ", got " +
                                              std::to_string(options.cache_mb));
    for (const auto& [name, ms] : {std::pair{"head_timeout_ms", options.head_timeout_ms},
                                   std::pair{"request_timeout_ms", options.request_timeout_ms}})
        if (ms < 1 || ms > 3'600'000)
            throw InvalidArgument(name, std::string(name) + " must be 1..3600000, got " + std::to_string(ms));
    if (options.shard_timeout_ms > 3'600'000)
        throw InvalidArgument("shard_timeout_ms", "shard_timeout_ms must be 0..3600000, got " + std::to_string(options.shard_timeout_ms));
    if (options.web_dir.empty()) options.web_dir = default_web_dir();
    // Fail now, not on the first request; but a remote shard that is down now may be up by then.
    if (const WorksSource works = works_source(options); works.shards.empty()) {
        open_index(options.index_dir);
    } else {
        resolve_index(options.index_dir);
        try {
            open_index(options.index_dir, works.shards, works.timeouts);
        } catch (const ShardUnavailable& e) {
            std::cerr << "paperdex serve: " << e.what() << "; answering 503 until it is\n";
        }
    }

    impl_ = std::make_unique<Impl>(std::move(options));
    auto& server = impl_->server;
    auto& ctx = impl_->ctx;
    const unsigned threads = thread_count(ctx.options().threads);
    server.new_task_queue = [threads, watchdog = &impl_->watchdog] { return watchdog->make_task_queue(threads); };
    server.set_payload_max_length(1 << 20);  // the largest body we accept is a pasted abstract
    // httplib 0.11 closes a keep-alive connection after 5 requests, so a client reconnects every fifth request;
    // 1,000 (nginx's keepalive_requests) rarely does, and a reconnect can wait a second for a SYN retransmit:
    // httplib's listen backlog is 5. With more connections than workers, a waiting connection gets a worker
    // when one closes (after 1,000 requests or 5 s idle), so the default keeps workers >= connections.
    // Headers and body are two writes: without TCP_NODELAY, Nagle may hold the body back for the client's ACK.
    server.set_keep_alive_max_count(1000);
    // httplib's default socket options add SO_REUSEPORT, with which a second server on a taken port starts and
    // silently receives half of the connections; SO_REUSEADDR alone still allows a restart over TIME_WAIT.
    server.set_socket_options([impl = impl_.get()](socket_t sock) {
        int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        impl->listen_socket = sock;  // for the backlog, once httplib has bound it (bind())
    });
    server.set_tcp_nodelay(true);

    set_error_handling(server);
    set_metrics(server, ctx);
    set_default_headers(server, ctx.options().cors_origin);

    // Later features register their routes here, one line each, BEFORE the core routes, so that their
    // more specific patterns (/api/works/{id}/similar) win over the core ones.
    add_routes_discovery(server, ctx);
    add_core_routes(server, ctx);

    if (std::filesystem::is_directory(ctx.options().web_dir)) {
        server.set_mount_point("/", ctx.options().web_dir, {{"Content-Security-Policy", kWebPagePolicy}});
    } else {
        std::cerr << "paperdex serve: no web page: " << ctx.options().web_dir << " is not a directory\n";
    }
    mount_katex(server, ctx.options().katex_dir);
}

HttpServer::~HttpServer() { stop(); }

int HttpServer::bind() {
    if (impl_->port) return impl_->port;
    const auto& o = impl_->ctx.options();
    const int port = o.port == 0 ? impl_->server.bind_to_any_port(o.host)
                                 : (impl_->server.bind_to_port(o.host, o.port) ? o.port : -1);
    // httplib does not say why a bind failed. With a fixed port the usual cause is that it is taken; with port 0
    // any free port would do, so it is the host that is not an address of this machine.
    if (port <= 0) throw InvalidArgument(o.port ? "port" : "host", "cannot listen on " + o.host + ":" + std::to_string(o.port));
    // httplib 0.11 listens with a backlog of 5 (a compile-time constant of Debian's libcpp-httplib): in a burst
    // the kernel drops the SYNs past it and each client retries after 1 s. Calling listen() again on the bound
    // socket sets the backlog (Linux: capped by net.core.somaxconn, 4096 by default).
    if (impl_->listen_socket != INVALID_SOCKET) ::listen(impl_->listen_socket, kListenBacklog);
    impl_->port = port;
    return port;
}

void HttpServer::run() {
    bind();
    impl_->server.listen_after_bind();
}

void HttpServer::start() {
    bind();
    impl_->thread = std::thread([this] { impl_->server.listen_after_bind(); });
    // stop() only works on a running server, so do not return before it runs.
    while (!impl_->server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void HttpServer::stop() {
    if (!impl_) return;
    impl_->watchdog.close_idle();
    impl_->server.stop();
    if (impl_->thread.joinable()) impl_->thread.join();
}

int HttpServer::port() const noexcept { return impl_->port; }

std::string HttpServer::url() const {
    return "http://" + impl_->ctx.options().host + ":" + std::to_string(impl_->port) + "/";
}

void serve(const ServerOptions& options) {
    HttpServer server(options);
    server.run();
}

}  // namespace paperdex::http
