// The pool of open indexes the HTTP workers borrow from; why a pool, in searcher_pool.h.
#include "http/searcher_pool.h"

#include <filesystem>
#include <iostream>

#include <xapian.h>

#include "paperdex/error.h"
#include "paperdex/index/index_directory.h"

namespace paperdex::http {
namespace {

namespace fs = std::filesystem;

// Well under xapian-tcpsrv's default idle timeout of 60 s.
constexpr std::chrono::seconds kFreshConnection{10};

// Xapian gives every new database a new UUID, so a generation name reused after the index directory was
// deleted and rebuilt still gets a new tag. A plain database changes in place: its revision joins the tag.
std::string cache_tag(const Xapian::Database& db, const std::string& link) {
    try {
        return link.empty() ? db.get_uuid() + "@" + std::to_string(db.get_revision()) : link + "/" + db.get_uuid();
    } catch (const Xapian::Error&) {
        return {};  // a database without a single revision (several shards): not cached
    }
}

std::unique_ptr<Searcher> open_searcher(const std::string& path, const WorksSource& works) {
    if (works.shards.empty() && works.shard_processes)
        return std::make_unique<Searcher>(Searcher::over_shard_processes(path, works.timeouts));
    if (works.shards.empty()) return std::make_unique<Searcher>(open_index(path));
    return std::make_unique<Searcher>(Searcher::over_remote_shards(path, works.shards, works.timeouts));
}

std::unique_ptr<PooledIndex> open_generation(const std::string& index_dir, const WorksSource& works, std::string link) {
    // A rebuild may remove the generation we just read the name of (it keeps only the previous one):
    // re-read the link and try again; the newest generation is always complete before the link moves.
    constexpr int kAttempts = 5;
    for (int attempt = 1;; ++attempt) {
        try {
            const std::string path = link.empty() ? index_dir : (fs::path(index_dir) / link).string();
            auto index = std::make_unique<PooledIndex>();
            index->shard_failures = remote_shard_failures();
            index->searcher = open_searcher(path, works);
            index->link = std::move(link);
            index->generation = IndexDirectory::generation_of(index->link);
            // Remote shards change without this server seeing it: their answers are not cached.
            if (works.shards.empty()) index->tag = cache_tag(index->searcher->database(), index->link);
            return index;
        } catch (const ShardUnavailable&) {
            throw;  // not this generation's fault: the next request tries again
        } catch (const Error&) {
            std::string again = IndexDirectory(index_dir).current_link();
            if (attempt == kAttempts || again == link) throw;
            link = std::move(again);
        }
    }
}

}  // namespace

SearcherPool::~SearcherPool() = default;

std::shared_ptr<PooledIndex> SearcherPool::acquire() {
    std::string link = IndexDirectory(index_dir_).current_link();
    std::unique_ptr<PooledIndex> index;
    for (;;) {
        {
            std::lock_guard lock(mutex_);
            if (!broken_.empty() && link == broken_) link = link_;  // known not to open: keep the last good one
            if (link != link_ || idle_.empty()) break;
            index = std::move(idle_.back());
            idle_.pop_back();
        }
        if (usable(*index)) break;
        index.reset();  // closed outside the lock: closing remote connections is network I/O
        std::lock_guard lock(mutex_);
        --open_;
    }
    if (!index) {
        index = open_or_keep_serving(std::move(link));
        std::lock_guard lock(mutex_);
        ++open_;
    } else if (index->link.empty() && works_.shards.empty() && index->searcher->reopen()) {
        index->tag = cache_tag(index->searcher->database(), index->link);  // a plain database updated in place
    }
    return {index.release(), [this](PooledIndex* p) { give_back(p); }};
}

bool SearcherPool::usable(const PooledIndex& index) const noexcept {
    if (!works_.over_protocol()) return true;
    if (retired(index)) return false;
    // xapian-tcpsrv closes a connection idle past its --idle-timeout (60 s by default): one round trip to every
    // shard finds out before a request would fail on it. A connection used in the last seconds is still open.
    if (std::chrono::steady_clock::now() - index.idle_since < kFreshConnection) return true;
    try {
        Xapian::Database db = index.searcher->database();  // a handle on the same connections
        db.keep_alive();
        return true;
    } catch (const Xapian::Error&) {
        return false;
    }
}

std::unique_ptr<PooledIndex> SearcherPool::open_or_keep_serving(std::string link) {
    try {
        return open_generation(index_dir_, works_, link);
    } catch (const ShardUnavailable&) {
        throw;  // a shard is down, not this generation: the next request tries again
    } catch (const Error& e) {
        // A generation that cannot be opened (a damaged table, a disk error) must not take the server down with
        // it: the previous one is still on disk (a rebuild keeps it), so serve that until `current` moves on.
        std::string last_good;
        {
            std::lock_guard lock(mutex_);
            if (link_.empty() || link_ == link) throw;
            last_good = link_;
            if (broken_ == link) return open_generation(index_dir_, works_, last_good);
            broken_ = link;
        }
        std::cerr << "paperdex serve: " << e.what() << "; serving " << last_good << " until current changes\n";
        return open_generation(index_dir_, works_, last_good);
    }
}

void SearcherPool::give_back(PooledIndex* p) noexcept {
    std::unique_ptr<PooledIndex> index(p);
    std::vector<std::unique_ptr<PooledIndex>> stale;
    std::lock_guard lock(mutex_);  // released before `stale` and `index` close their databases
    if (IndexDirectory::generation_of(index->link) > IndexDirectory::generation_of(link_)) {
        link_ = index->link;
        stale.swap(idle_);
        open_ -= stale.size();
    }
    if (index->link == link_ && !retired(*index)) {
        index->idle_since = std::chrono::steady_clock::now();
        idle_.push_back(std::move(index));
    } else {
        --open_;
    }
}

const AuthorIndex& SearcherPool::authors(PooledIndex& index) const {
    if (!index.authors) {
        // The generation the Searcher serves, not the one `current` names by now: works and authors come from
        // the same rebuild.
        const std::string dir =
            index.generation ? IndexDirectory(index_dir_).generation_path(index.generation).string() : index_dir_;
        index.authors = std::make_unique<AuthorIndex>(AuthorIndex::open(dir));
    } else if (!index.generation) {
        index.authors->reopen();
    }
    return *index.authors;
}

bool SearcherPool::retired(const PooledIndex& index) const noexcept {
    return works_.over_protocol() && index.shard_failures != remote_shard_failures();
}

std::size_t SearcherPool::open() const {
    std::lock_guard lock(mutex_);
    return open_;
}

}  // namespace paperdex::http
