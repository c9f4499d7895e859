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

// Xapian gives every new database a new UUID, so a generation name reused after the index directory was
// deleted and rebuilt still gets a new tag. A plain database changes in place: its revision joins the tag.
std::string cache_tag(const Xapian::Database& db, const std::string& link) {
    try {
        return link.empty() ? db.get_uuid() + "@" + std::to_string(db.get_revision()) : link + "/" + db.get_uuid();
    } catch (const Xapian::Error&) {
        return {};  // a database without a single revision (several shards): not cached
    }
}

std::unique_ptr<PooledIndex> open_generation(const std::string& index_dir, std::string link) {
    // A rebuild may remove the generation we just read the name of (it keeps only the previous one):
    // re-read the link and try again; the newest generation is always complete before the link moves.
    constexpr int kAttempts = 5;
    for (int attempt = 1;; ++attempt) {
        try {
            const std::string path = link.empty() ? index_dir : (fs::path(index_dir) / link).string();
            auto index = std::make_unique<PooledIndex>();
            index->searcher = std::make_unique<Searcher>(open_index(path));
            index->link = std::move(link);
            index->generation = IndexDirectory::generation_of(index->link);
            index->tag = cache_tag(index->searcher->database(), index->link);
            return index;
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
    {
        std::lock_guard lock(mutex_);
        if (!broken_.empty() && link == broken_) link = link_;  // known not to open: keep the last good one
        if (link == link_ && !idle_.empty()) {
            index = std::move(idle_.back());
            idle_.pop_back();
        }
    }
    if (!index) {
        index = open_or_keep_serving(std::move(link));
        std::lock_guard lock(mutex_);
        ++open_;
    } else if (index->link.empty() && index->searcher->reopen()) {
        index->tag = cache_tag(index->searcher->database(), index->link);  // a plain database updated in place
    }
    return {index.release(), [this](PooledIndex* p) { give_back(p); }};
}

std::unique_ptr<PooledIndex> SearcherPool::open_or_keep_serving(std::string link) {
    try {
        return open_generation(index_dir_, link);
    } catch (const Error& e) {
        // A generation that cannot be opened (a damaged table, a disk error) must not take the server down with
        // it: the previous one is still on disk (a rebuild keeps it), so serve that until `current` moves on.
        std::string last_good;
        {
            std::lock_guard lock(mutex_);
            if (link_.empty() || link_ == link) throw;
            last_good = link_;
            if (broken_ == link) return open_generation(index_dir_, last_good);
            broken_ = link;
        }
        std::cerr << "paperdex serve: " << e.what() << "; serving " << last_good << " until current changes\n";
        return open_generation(index_dir_, last_good);
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
    if (index->link == link_) {
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

std::size_t SearcherPool::open() const {
    std::lock_guard lock(mutex_);
    return open_;
}

}  // namespace paperdex::http
