// `paperdex serve`: the JSON API, /metrics and the web page over one index directory.
#include <algorithm>
#include <csignal>
#include <cstddef>
#include <cstring>
#include <iostream>
#include <memory>

#include <pthread.h>
#include <sys/resource.h>

#include "cli/command.h"
#include "paperdex/error.h"
#include "paperdex/http/server.h"

namespace {

// The library names ServerOptions' fields ("cache_mb"); the user typed the flag ("--cache-mb"), so errors name that.
[[noreturn]] void rethrow_as_flag(const paperdex::InvalidArgument& e) {
    std::string flag = "--" + e.parameter();
    std::replace(flag.begin(), flag.end(), '_', '-');
    throw paperdex::InvalidArgument(flag, e.what());
}

// SIGTERM and SIGINT are blocked in every thread (the workers inherit the mask) and taken by sigwait() in the main
// thread, so a signal stops the server in ordinary code rather than in a handler. Their dispositions are reset
// first: a shell starts a background job with SIGINT ignored, and an ignored signal is discarded, not waited for.
sigset_t block_stop_signals() {
    sigset_t set;
    sigemptyset(&set);
    for (int sig : {SIGTERM, SIGINT}) {
        std::signal(sig, SIG_DFL);
        sigaddset(&set, sig);
    }
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    return set;
}

// Each worker that has served holds a Searcher (~7 file descriptors), so 256 workers and their connections can
// pass the common soft limit of 1,024 descriptors; the soft limit is raised to the hard one, as nginx's
// worker_rlimit_nofile does.
void raise_file_limit() {
    rlimit r{};
    if (::getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur < r.rlim_max) {
        r.rlim_cur = r.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &r);
    }
}

// Serves until SIGTERM or SIGINT, then stops accepting, lets the requests in flight finish (HttpServer::stop) and
// returns 0, as a service manager expects of a clean stop.
int serve_until_signalled(const paperdex::http::ServerOptions& opt) {
    const sigset_t stop_signals = block_stop_signals();
    raise_file_limit();
    paperdex::http::HttpServer server(opt);
    server.bind();
    std::cout << "paperdex: serving " << opt.index_dir << " on " << server.url() << std::endl;
    server.start();
    int sig = 0;
    sigwait(&stop_signals, &sig);
    std::cerr << "paperdex: " << strsignal(sig) << ": finishing the requests in flight" << std::endl;
    server.stop();
    return 0;
}

const paperdex::cli::Register serve_command{
    "serve", "serve the JSON API (/api/...), /healthz, /metrics and the web page over HTTP", [](CLI::App& sub) {
        auto opt = std::make_shared<paperdex::http::ServerOptions>();
        sub.add_option("--index", opt->index_dir, "index directory (holds gen-N/ and current)")
            ->capture_default_str();
        sub.add_option("--host", opt->host, "address to listen on")->capture_default_str();
        sub.add_option("--port", opt->port, "port to listen on; 0 = any free port")
            ->capture_default_str()
            ->check(CLI::Range(0, 65535));
        sub.add_option("--threads", opt->threads, "worker threads, each with its own Searcher; 0 = max(256, cores)")
            ->capture_default_str();
        sub.add_option("--searches", opt->searches,
                       "index requests run at once, the others wait their turn; 0 = cores * 3 / 2 + 1")
            ->capture_default_str()
            ->check(CLI::Range(0u, 1024u));
        sub.add_option("--cache-mb", opt->cache_mb,
                       "response cache size in MiB (search, works, similar, authors answers); 0 = off")
            ->capture_default_str()
            ->check(CLI::Range(std::size_t{0}, std::size_t{1} << 20));
        sub.add_option("--head-timeout-ms", opt->head_timeout_ms,
                       "close a connection whose request head is not complete this long after it was accepted or "
                       "last answered")
            ->capture_default_str()
            ->check(CLI::Range(1u, 3'600'000u));
        sub.add_option("--request-timeout-ms", opt->request_timeout_ms,
                       "close a connection whose body is not read and answered this long after its head")
            ->capture_default_str()
            ->check(CLI::Range(1u, 3'600'000u));
        sub.add_option("--cors-origin", opt->cors_origin,
                       "send Access-Control-Allow-Origin: ORIGIN (CORS is off without it)");
        sub.add_option("--web", opt->web_dir, "directory of the web page served at / (default: ../share/paperdex/web beside the binary, else the source tree's web/)");
        sub.add_option("--katex", opt->katex_dir, "directory of KaTeX, served at /katex/ for the page's math (default: Debian's libjs-katex, /usr/share/javascript/katex)");
        sub.add_option("--shard", opt->shards,
                       "a works shard served by xapian-tcpsrv, tcp://HOST:PORT; once per shard, in shard order "
                       "(the author index still comes from --index)");
        sub.add_flag("--shard-processes,!--no-shard-processes", opt->shard_processes,
                     "search each shard of a sharded generation in its own xapian-progsrv process (one core per shard)")
            ->capture_default_str();
        sub.add_option("--shard-timeout-ms", opt->shard_timeout_ms,
                       "answer 503 naming a remote shard that takes longer than this to answer; 0 = --request-timeout-ms")
            ->capture_default_str()
            ->check(CLI::Range(0u, 3'600'000u));
        return [opt] {
            try {
                return serve_until_signalled(*opt);
            } catch (const paperdex::InvalidArgument& e) {
                rethrow_as_flag(e);  // every InvalidArgument of server.h names an option that has a flag
            }
        };
    }};

}  // namespace
