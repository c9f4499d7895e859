#pragma once
/// Works shards served elsewhere by stock `xapian-tcpsrv` (Debian's xapian-tools), opened through Xapian's own
/// remote backend (Xapian::Remote::open_tcp). Xapian ranks over them with global statistics: each server sends its
/// term statistics, the client adds them up and sends them back before the servers match (Xapian 1.4's
/// "remote backend protocol" docs), so a multi-database of remote shards ranks as the shards opened locally would.
#include <cstdint>
#include <string>
#include <vector>

#include <xapian.h>

namespace paperdex {

/// One shard served by xapian-tcpsrv.
struct RemoteShard {
    std::string host;  ///< a name or address, as given
    unsigned port = 0; ///< 1..65535
    /// "tcp://HOST:PORT", the form it was given in and the name errors and /healthz use.
    std::string url() const;
};

/// Parses "tcp://HOST:PORT" (HOST non-empty, at most 255 bytes; PORT 1..65535).
/// @throws InvalidArgument("shard", ...) quoting the value otherwise.
RemoteShard parse_remote_shard(const std::string& url);

/// How long a remote shard may take before it counts as down: connecting (ms) and any one reply (ms).
struct RemoteTimeouts {
    unsigned connect_ms = 1000;
    unsigned reply_ms = 10000;
};

/// Opens `shards` in order as one database (shard K as sub-database K, so docids interleave as in a local
/// sharded generation: shard_layout.h).
/// @throws ShardUnavailable naming the first shard that cannot be reached within `timeouts`;
///         InvalidArgument("shard") if `shards` is empty.
Xapian::Database open_remote_shards(const std::vector<RemoteShard>& shards, const RemoteTimeouts& timeouts);

/// Opens the `shards` shards of the generation at `generation_dir` (its shard-K directories, shard_layout.h) in order,
/// each through its own `xapian-progsrv` child process (Xapian::Remote::open with a program: Xapian's remote
/// protocol over a pipe). Xapian searches the sub-databases of one Database one after the other; the remote
/// protocol sends the query to every shard first and collects the answers after, so the shards' processes match
/// at once, one per core, with global statistics, and each prunes with its own top-k (at 1M works on 2 cores, 300
/// bench queries: top-10 p50 48.7 ms as 2 shards in one process, 14.6 ms as 2 processes; docs/scale-out.md).
/// Xapian splits the program's arguments at spaces, so a path holding whitespace cannot be passed.
/// @throws InvalidArgument("index") if `generation_dir` holds whitespace; ShardUnavailable naming a shard whose
///         process does not start or answer within `timeouts.reply_ms`.
Xapian::Database open_shard_processes(const std::string& generation_dir, unsigned shards, const RemoteTimeouts& timeouts);

/// Whether `shard` answers now: connects and exchanges one message (Database::keep_alive) within `timeouts`.
/// Throws nothing; the reason it does not answer goes to `why` when given.
bool remote_shard_answers(const RemoteShard& shard, const RemoteTimeouts& timeouts, std::string* why = nullptr);

/// The shard a Xapian error's context names: "tcp://HOST:PORT" for "remote:tcp(HOST:PORT)", the shard's directory
/// for a shard process ("remote:prog(xapian-progsrv DIR)"), or "" for any other context.
std::string shard_of_xapian_context(const std::string& xapian_context);

/// How many times a remote shard has failed in this process (a NetworkError, a timeout included). A connection
/// to a shard that failed once is not reused: a holder of remote connections compares this count with the one
/// it opened them at, and reopens when it grew. Thread-safe.
std::uint64_t remote_shard_failures() noexcept;
/// Counts one failure (with_xapian_errors calls it on every Xapian::NetworkError). Thread-safe.
void note_remote_shard_failure() noexcept;

}  // namespace paperdex
