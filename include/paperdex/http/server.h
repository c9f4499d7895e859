#pragma once
/// The HTTP frontend: the JSON API under /api/, /healthz, /metrics and the web page, served by
/// cpp-httplib's thread pool over an index directory (../shared/DESIGN.md, "Serving").
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace paperdex::http {

/// Connections the kernel queues for accept() (Linux caps it at net.core.somaxconn, 4096 by default), so that a
/// burst of clients is accepted rather than dropped and retried a second later.
inline constexpr int kListenBacklog = 4096;

/// Worker threads when ServerOptions::threads is 0 (or the cores, if more). httplib holds a worker per open
/// connection, so this is also how many slow or idle connections can be open before requests wait.
inline constexpr unsigned kDefaultWorkers = 256;

/// How long a client may take to send a request's head (ms), counted from accepting its connection or from the
/// previous answer on it, queueing for a worker included. A connection past it is closed: httplib alone times out
/// each read (5 s), so one header line every few seconds would hold a worker for good. Like nginx's
/// client_header_timeout (60 s there); 10 s is ample for any client on a working network.
inline constexpr unsigned kDefaultHeadTimeoutMs = 10'000;

/// How long a request may take from the end of its head until its answer is ready (ms): reading the body (at most
/// 1 MiB) and the handler. A connection past it is closed. Searches take milliseconds; this bounds a client that
/// dribbles its body (nginx's client_body_timeout is per read; this is per request).
inline constexpr unsigned kDefaultRequestTimeoutMs = 30'000;

/// How to serve. Defaults suit a local run (`paperdex serve --index index`).
struct ServerOptions {
    std::string host = "127.0.0.1";
    int port = 8080;              ///< 0 = any free port (see HttpServer::port())
    std::string index_dir = "index";  ///< holds gen-N/ and `current` (or a plain Xapian database)
    unsigned threads = 0;         ///< worker threads, each with its own Searcher once it has served (~7 file
                                  ///< descriptors); 0 = max(kDefaultWorkers, cores)
    std::string cors_origin;      ///< value of Access-Control-Allow-Origin; empty = CORS off (no headers)
    std::string web_dir;          ///< static files served at /; empty = ../share/paperdex/web from the executable
                                  ///< if there (installed), else the source tree's web/
    std::string katex_dir;        ///< KaTeX served at /katex/ for the page's math; empty = Debian's libjs-katex
                                  ///< (/usr/share/javascript/katex); not a directory = math shown as TeX source
    /// Response cache bound in MiB (2^20 bytes): the 200 JSON bodies of search, work, similar-works and author
    /// routes, keyed by index generation, path and parameters, least recently used evicted. 0 = off.
    std::size_t cache_mb = 64;
    unsigned head_timeout_ms = kDefaultHeadTimeoutMs;        ///< 1..3,600,000
    unsigned request_timeout_ms = kDefaultRequestTimeoutMs;  ///< 1..3,600,000
    /// Requests that use the index at once; the others wait for a slot in arrival order, at most
    /// request_timeout_ms (then 503). 0 = default_searches(). Cached answers and static files do not wait.
    unsigned searches = 0;  ///< 0..1024
    /// Works shards served by xapian-tcpsrv ("tcp://HOST:PORT", in shard order). Empty: the works are read from
    /// index_dir's generation. Otherwise index_dir still gives the author index (and the spelling table, from
    /// its shard-0 or plain database when present); the shards must hold that generation's works.
    std::vector<std::string> shards;
    /// A generation of several shards is searched with each shard in its own xapian-progsrv process (Xapian's
    /// remote protocol over a pipe), so that one search uses a core per shard; false reads them all in this
    /// process. At 1M works as 2 shards on 2 cores, one query at a time: top-10 p50/p99 14.3/64.3 ms in
    /// processes, 48.7/306.0 ms in this process (docs/scale-out.md). Ignored with `shards`.
    bool shard_processes = true;
    /// How long a remote shard may take to connect and to answer one message before the request fails with a
    /// 503 naming it (0 = request_timeout_ms for the answer, 1,000 ms to connect).
    unsigned shard_timeout_ms = 0;  ///< 0..3,600,000
};

/// Index requests run at once by default: cores * 3 / 2 + 1 (Elasticsearch's search thread pool), 4 on 2 cores.
/// Enough to keep every core busy while one request waits on the disk; more only slices the cores finer.
unsigned default_searches();

/// A server that can run in the calling thread (run()) or in the background (start()), so tests can
/// start one in-process on a free port and stop it. Each worker thread owns its Searcher and reopens
/// when DIR/current points at a new generation, so a rebuild is served without restart.
class HttpServer {
public:
    /// Checks the options and opens the index once, to fail fast rather than on the first request.
    /// @throws InvalidArgument("port"/"threads"/"cache_mb"/"head_timeout_ms"/"request_timeout_ms"/"searches", ...) on out-of-range options; NotFound if `index_dir`
    ///         holds no index; IndexError if it cannot be opened. Only paperdex errors cross this interface.
    explicit HttpServer(ServerOptions options);
    ~HttpServer();  ///< stops the server if it runs
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    /// Binds host:port (port 0 = any free port) and returns the bound port; again the same port once bound.
    /// @throws InvalidArgument("port", "cannot listen on HOST:PORT") if the port is taken (or the host is not an
    ///         address of this machine); InvalidArgument("host", ...) if port 0 cannot be bound on host.
    int bind();
    /// Binds if needed, then serves in the calling thread until stop(). @throws InvalidArgument as bind().
    void run();
    /// Binds if needed and serves on a background thread; returns once the server accepts connections.
    /// @throws InvalidArgument as bind().
    void start();
    /// Stops accepting, finishes the requests in flight (and those whose bytes have arrived), closes idle
    /// keep-alive connections and joins the background thread. Idempotent.
    void stop();

    int port() const noexcept;      ///< the bound port, 0 before bind()
    std::string url() const;        ///< "http://HOST:PORT/"

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Binds and serves until the process ends (HttpServer::run). @throws as HttpServer.
void serve(const ServerOptions& options);

}  // namespace paperdex::http
