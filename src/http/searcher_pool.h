#pragma once
// Private to the HTTP layer: the open Searchers (and author indexes) of the generation being served, lent to one
// request at a time. Xapian::Database is not thread-safe, so a request needs one of its own; a pool rather than
// one per worker thread because an idle worker's Searcher kept its generation's files open after a rebuild
// deleted them (disk space not freed, descriptors held) until that worker served again, which with 256 workers
// could be never. Lucene's SearcherManager is the same idea.
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "paperdex/authors/author_index.h"
#include "paperdex/index/remote_shards.h"
#include "paperdex/search/searcher.h"

namespace paperdex::http {

/// One opened index: a Searcher and, opened on first use, the author index of the same generation.
struct PooledIndex {
    std::unique_ptr<Searcher> searcher;
    std::unique_ptr<AuthorIndex> authors;  // empty until a route asks
    std::string link;                      // target of DIR/current when opened; empty for a plain database
    std::uint64_t generation = 0;          // N of gen-N; 0 for a plain database
    std::string tag;                       // names this exact content for the response cache (IndexView)
    std::uint64_t shard_failures = 0;      // remote_shard_failures() when opened: a later failure retires it
    std::chrono::steady_clock::time_point idle_since;  // when it was last given back
};

/// Where the works come from: the generation's own files, or shards served by xapian-tcpsrv (remote_shards.h).
struct WorksSource {
    std::vector<RemoteShard> shards;  ///< empty: local
    bool shard_processes = false;     ///< local, each shard of a sharded generation in its own xapian-progsrv
    RemoteTimeouts timeouts;
    /// Whether the works are read over Xapian's remote protocol (connections that can fail and must be checked).
    bool over_protocol() const noexcept { return !shards.empty() || shard_processes; }
};

/// Thread-safe. acquire() lends an index of the generation DIR/current names now; the lease returns it when the
/// last copy is destroyed. An index of an older generation is closed when it comes back (or at once if idle),
/// so after a rebuild only requests still running hold the old generation's files.
class SearcherPool {
public:
    explicit SearcherPool(std::string index_dir, WorksSource works = {})
        : index_dir_(std::move(index_dir)), works_(std::move(works)) {}
    ~SearcherPool();
    SearcherPool(const SearcherPool&) = delete;
    SearcherPool& operator=(const SearcherPool&) = delete;

    /// An index for one request, exclusively. Reads DIR/current (one readlink); opens a new index when none of
    /// that generation is idle; a plain database is reopen()ed. A generation removed between readlink and open is
    /// retried on the newer link, so a rebuild never fails a request. A generation that cannot be opened (damaged)
    /// is logged once and the last good one is served until `current` names another. With remote shards, an index
    /// opened before a shard failed (remote_shard_failures), or whose connections no longer answer (a shard's idle
    /// timeout closed them), is closed instead of lent.
    /// @throws NotFound if the index is gone, IndexError if it cannot be opened and no generation was served,
    ///         ShardUnavailable if a remote shard does not answer.
    std::shared_ptr<PooledIndex> acquire();

    /// The author index of `index`'s generation, opened on first use.
    /// @throws NotFound if the generation has no author database; IndexError.
    const AuthorIndex& authors(PooledIndex& index) const;

    /// Open indexes, lent and idle (for tests and metrics).
    std::size_t open() const;

private:
    void give_back(PooledIndex* index) noexcept;
    std::unique_ptr<PooledIndex> open_or_keep_serving(std::string link);

    bool retired(const PooledIndex& index) const noexcept;
    bool usable(const PooledIndex& index) const noexcept;
    const std::string index_dir_;
    const WorksSource works_;
    mutable std::mutex mutex_;
    std::string link_;    // the newest generation served: its idle indexes are kept, older ones closed
    std::string broken_;  // a link that failed to open; link_ is served instead while `current` names it
    std::vector<std::unique_ptr<PooledIndex>> idle_;
    std::size_t open_ = 0;
};

}  // namespace paperdex::http
