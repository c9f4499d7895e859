#pragma once
/// The index directory: generations DIR/gen-N, the `current` symlink, and opening what it serves. IndexDirectory is
/// the one place that knows the layout; readers (the HTTP server, the author index, the CLI) and the writer
/// (rebuild) ask it instead of spelling paths.
///
///   DIR/gen-N/                a finished generation (a Xapian database), N = 1, 2, …
///   DIR/gen-N/authors/        its author database (author_graph.h)
///   DIR/gen-N.building/       the generation being compacted; renamed to gen-N when complete
///   DIR/gen-N.parts.building/ its segments and the author database while they are written
///   DIR/current               symlink to "gen-N", the generation readers open
///   DIR/.rebuild.lock         flock()ed by the one rebuild running in DIR
/// DIR may instead be a plain Xapian database (generation 0), as written by tools other than rebuild.
#include <cstdint>
#include <filesystem>
#include <string>

#include <vector>

#include <xapian.h>

#include "paperdex/index/remote_shards.h"

namespace paperdex {

class IndexDirectory {
public:
    /// Holds the rebuild lock of an index directory until destroyed (see lock()). Movable, not copyable.
    class Lock {
    public:
        Lock(Lock&& other) noexcept;
        Lock& operator=(Lock&&) = delete;
        Lock(const Lock&) = delete;
        Lock& operator=(const Lock&) = delete;
        ~Lock();
    private:
        friend class IndexDirectory;
        explicit Lock(int fd) noexcept : fd_(fd) {}
        int fd_;
    };

    /// The index directory at `dir` (relative to the working directory; it need not exist yet). Throws nothing.
    explicit IndexDirectory(const std::string& dir);

    /// The absolute path of the index directory.
    const std::filesystem::path& path() const noexcept { return dir_; }

    // --- Reading: what a served path is ---

    /// The directory a reader should open: DIR/current resolved (canonical, the gen-N directory) if it exists,
    /// else DIR itself (canonical) when it is a plain Xapian database.
    /// @throws NotFound if DIR has neither (also when DIR does not exist or `current` dangles).
    std::string resolve() const;

    /// The target of DIR/current as stored in the link ("gen-12"), or "" when `current` is not a symlink (a plain
    /// database, or no index yet). A reader compares it with the one it opened to notice a new generation.
    /// Throws nothing.
    std::string current_link() const;

    /// DIR/gen-N, the finished generation `generation` (whether or not it exists). Throws nothing.
    std::filesystem::path generation_path(std::uint64_t generation) const;

    /// The generation number of a served path or a `current` link target: "DIR/gen-12" or "gen-12" → 12; 0 for
    /// anything else (a plain database, a staging directory "gen-12.building"). Throws nothing.
    static std::uint64_t generation_of(const std::string& path);

    /// Whether `path` holds a Xapian database (a glass or chert version file), without opening it. Throws nothing.
    static bool holds_database(const std::string& path);

    /// The author database that belongs to the works database at `works_dir` (a generation directory or a plain
    /// database): works_dir/authors. Throws nothing.
    static std::string author_index_path(const std::string& works_dir);

    // --- Writing: what rebuild needs ---

    /// Creates DIR if missing and takes its rebuild lock (flock on DIR/.rebuild.lock, released with the Lock, also
    /// when the process dies), so that two rebuilds never race the switch of `current`.
    /// @throws IndexError if another rebuild (any process, or another Lock in this one) holds it, or DIR cannot be
    ///         created.
    Lock lock() const;

    /// Deletes what an interrupted rebuild left (DIR/*.building): never served, and in the way of a new staging
    /// directory. Call with the lock held. Errors are ignored (a leftover that stays is only disk space).
    void remove_staging() const;

    /// The number the next generation gets: one more than the highest N of DIR/gen-N or DIR/gen-N.building, so a
    /// new generation never reuses a number a reader may still have open; 1 in an empty or missing DIR.
    /// Throws nothing.
    std::uint64_t next_generation() const;

    /// DIR/gen-N.building: where generation N is compacted before it is complete. Throws nothing.
    std::filesystem::path staging_path(std::uint64_t generation) const;

    /// DIR/gen-N.parts.building: generation N's segments and author database while they are written. Throws nothing.
    std::filesystem::path parts_path(std::uint64_t generation) const;

    /// Points DIR/current at gen-N by renaming a new symlink over it, which is atomic: a reader resolving `current`
    /// sees the old or the new generation, never neither; then syncs DIR, so the switch survives a crash. gen-N
    /// should be complete and synced (as rebuild leaves it). Call with the lock held.
    /// @return the previous target of `current` ("gen-7"), or "" if there was none.
    /// @throws IndexError if the link cannot be made or renamed (e.g. DIR/current is a real directory), or if DIR
    ///         cannot be synced after the switch (then `current` already points at gen-N).
    std::string switch_current(std::uint64_t generation) const;

    /// Deletes every DIR/gen-* but gen-`keep` and `previous` (a link target as switch_current returns it; a server
    /// may still be reading it). Call with the lock held. Errors are ignored: a generation that stays is only disk.
    void prune(std::uint64_t keep, const std::string& previous) const;

private:
    std::filesystem::path dir_;
    std::string given_;  // as the caller spelt it, for messages
};

/// The directory a reader should open for `index_dir`: IndexDirectory(index_dir).resolve().
/// @throws NotFound if `index_dir` holds neither a `current` generation nor a plain database.
std::string resolve_index(const std::string& index_dir);

/// Opens `index_dir` (through resolve_index).
/// @throws NotFound as resolve_index; IndexError if Xapian cannot open it or it was built with another index
///         layout (schema::kSchemaVersion; the message says to rebuild).
Xapian::Database open_index(const std::string& index_dir);

/// Opens the works of `index_dir` from remote shards (open_remote_shards) instead of its generation's files.
/// @throws ShardUnavailable naming a shard that does not answer; IndexError if the shards hold another index layout.
Xapian::Database open_index(const std::string& index_dir, const std::vector<RemoteShard>& shards, const RemoteTimeouts& timeouts);

/// Opens `index_dir` (through resolve_index) with each shard of a sharded generation in its own process
/// (open_shard_processes); a one-shard generation or plain database is opened in this process, as open_index does.
/// @throws as open_index; ShardUnavailable naming a shard whose process does not start or answer.
Xapian::Database open_index_in_shard_processes(const std::string& index_dir, const RemoteTimeouts& timeouts);

/// The spelling table of the generation `index_dir` serves, opened locally for a front end whose works shards are
/// remote (Searcher::over_remote_shards): its shard-0, or the generation itself when it has one shard; an empty
/// Database when neither is on this machine. @throws IndexError if one is there but cannot be opened.
Xapian::Database open_local_spelling(const std::string& index_dir);

}  // namespace paperdex
