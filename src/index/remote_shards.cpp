// Remote works shards: parsing their URLs and opening them through Xapian's remote backend.
#include "paperdex/index/remote_shards.h"

#include <atomic>
#include <charconv>

#include "paperdex/corpus/text.h"
#include "paperdex/error.h"
#include "paperdex/index/shard_layout.h"

namespace paperdex {
namespace {

constexpr std::string_view kScheme = "tcp://";
constexpr std::size_t kMaxHost = 255;  // a DNS name's limit (RFC 1035)

[[noreturn]] void bad_shard(const std::string& url, const std::string& why) {
    throw InvalidArgument("shard", "shard must be tcp://HOST:PORT (" + why + "), got " + text::quoted(url));
}

// The remote backend names its connection "remote:tcp(HOST:PORT)" in every error it throws (net/remotetcpclient.cc),
// and a program's "remote:prog(PROGRAM ARGS)" (net/progclient.cc).
constexpr std::string_view kContextStart = "remote:tcp(";
constexpr std::string_view kProgram = "xapian-progsrv";
const std::string kProgContextStart = "remote:prog(" + std::string(kProgram) + " ";

std::atomic<std::uint64_t> g_failures{0};

// Xapian's message, and the system error behind it when there is one ("Connection refused").
std::string reason(const Xapian::Error& e) {
    return e.get_msg() + (e.get_error_string() ? std::string(" (") + e.get_error_string() + ")" : "");
}

std::string unavailable(const RemoteShard& s, const Xapian::Error& e) { return "shard " + s.url() + " is unavailable: " + reason(e); }

Xapian::Database open_one(const RemoteShard& s, const RemoteTimeouts& t) {
    try {
        return Xapian::Remote::open(s.host, s.port, t.reply_ms, t.connect_ms);
    } catch (const Xapian::Error& e) {
        note_remote_shard_failure();
        throw ShardUnavailable(s.url(), unavailable(s, e));
    }
}

}  // namespace

std::string RemoteShard::url() const { return std::string(kScheme) + host + ":" + std::to_string(port); }

RemoteShard parse_remote_shard(const std::string& url) {
    if (url.rfind(kScheme, 0) != 0) bad_shard(url, "no tcp:// scheme");
    const std::string_view rest = std::string_view(url).substr(kScheme.size());
    const std::size_t colon = rest.rfind(':');
    if (colon == std::string_view::npos) bad_shard(url, "no :PORT");
    RemoteShard s;
    s.host = std::string(rest.substr(0, colon));
    if (s.host.empty() || s.host.size() > kMaxHost) bad_shard(url, "HOST must be 1 to 255 bytes");
    const std::string_view port = rest.substr(colon + 1);
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (port.empty() || ec != std::errc() || end != port.data() + port.size() || value == 0 || value > 65535)
        bad_shard(url, "PORT must be 1..65535");
    s.port = value;
    return s;
}

Xapian::Database open_remote_shards(const std::vector<RemoteShard>& shards, const RemoteTimeouts& timeouts) {
    if (shards.empty()) throw InvalidArgument("shard", "no remote shard given");
    Xapian::Database all;
    for (const RemoteShard& s : shards) all.add_database(open_one(s, timeouts));
    return all;
}

bool remote_shard_answers(const RemoteShard& shard, const RemoteTimeouts& timeouts, std::string* why) {
    try {
        Xapian::Database db = open_one(shard, timeouts);
        db.keep_alive();
        return true;
    } catch (const ShardUnavailable& e) {
        if (why) *why = e.what();
    } catch (const Xapian::Error& e) {  // keep_alive: connected, then no answer
        if (why) *why = unavailable(shard, e);
    }
    return false;
}

Xapian::Database open_shard_processes(const std::string& generation_dir, unsigned shards, const RemoteTimeouts& timeouts) {
    if (generation_dir.find_first_of(" \t\n\r\f\v") != std::string::npos)
        throw InvalidArgument("index", "shard processes need an index path without whitespace, got " + text::quoted(generation_dir));
    Xapian::Database all;
    for (unsigned k = 0; k < shards; ++k) {
        const std::string dir = generation_dir + "/" + ShardLayout::shard_name(k);
        try {
            all.add_database(Xapian::Remote::open(std::string(kProgram), dir, timeouts.reply_ms));
        } catch (const Xapian::Error& e) {
            note_remote_shard_failure();
            throw ShardUnavailable(dir, "shard " + dir + " did not start: " + reason(e));
        }
    }
    return all;
}

std::string shard_of_xapian_context(const std::string& context) {
    if (context.rfind(kProgContextStart, 0) == 0 && context.size() > kProgContextStart.size() && context.back() == ')')
        return context.substr(kProgContextStart.size(), context.size() - kProgContextStart.size() - 1);
    if (context.rfind(kContextStart, 0) != 0 || context.size() < kContextStart.size() + 1 || context.back() != ')') return {};
    return std::string(kScheme) + context.substr(kContextStart.size(), context.size() - kContextStart.size() - 1);
}

std::uint64_t remote_shard_failures() noexcept { return g_failures.load(std::memory_order_acquire); }

void note_remote_shard_failure() noexcept { g_failures.fetch_add(1, std::memory_order_acq_rel); }

}  // namespace paperdex
