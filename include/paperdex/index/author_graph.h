#pragma once
/// The co-author graph, built from the works at rebuild time and stored as a second small Xapian database
/// (DIR/gen-N/authors, one document per author) beside the works (../shared/DESIGN.md, "Similar works and
/// collaborators"). Reading it back is authors/author_index.h.
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "paperdex/corpus/work.h"

namespace paperdex {

/// One co-author of an author: `count` joint works, first and last joint work's date ("YYYY-MM-DD", or the
/// year as "YYYY" when the work has no date, empty when it has neither), and the tie's `strength`: Σ over the
/// joint works of 1/√(n−1), n = the work's authors — a joint work in a small team says more than one among
/// fifty names (Newman 2001 weighs 1/(n−1); the square root predicted new co-authors better, docs/collaborators.md).
struct Coauthor {
    std::string key;
    std::string name;
    unsigned count = 0;
    std::string first_date, last_date;
    double strength = 0;
};

struct TopicCount {
    std::string value;
    unsigned count = 0;
};

/// What the author index knows about one author (author_key() identity).
struct AuthorRecord {
    std::string key;                  ///< author_key(): "kim hazelwood", "id:openalex:A123"
    std::string name;                 ///< the spelling used most often in the works (alphabetically first on ties)
    unsigned works_count = 0;
    std::optional<int> first_year, last_year;
    std::string first_date, last_date;  ///< as Coauthor dates, over all the author's works
    std::vector<TopicCount> topics;   ///< works per topic, most first (ties: value ascending), at most 10
    std::vector<Coauthor> coauthors;  ///< everyone they wrote with, most joint works first (ties: key ascending)
};

void to_json(nlohmann::json& j, const Coauthor& c);
void to_json(nlohmann::json& j, const TopicCount& t);
void to_json(nlohmann::json& j, const AuthorRecord& a);
void from_json(const nlohmann::json& j, AuthorRecord& a);

/// Read access to author records by key, from the stored index or an in-memory graph (the collaborator
/// suggestions and their evaluation share one code path through it).
class AuthorLookup {
public:
    virtual ~AuthorLookup() = default;
    /// The record of `key`, or nullopt.
    virtual std::optional<AuthorRecord> find(const std::string& key) const = 0;
    /// The newest date of any work ("YYYY-MM-DD" or "YYYY"); recency is measured back from it.
    virtual std::string newest_date() const = 0;
    /// The record of `key` to read in place, or nullptr. A lookup that holds its records in memory (AuthorGraph)
    /// hands out its own; any other appends a copy to `copies`, whose earlier elements keep their addresses as it
    /// grows. Scoring one author's candidates reads thousands of records, and the evaluation, which scores every
    /// author over the in-memory graph, then copies none.
    virtual const AuthorRecord* find_record(const std::string& key, std::deque<AuthorRecord>& copies) const {
        std::optional<AuthorRecord> r = find(key);
        if (!r) return nullptr;
        copies.push_back(std::move(*r));
        return &copies.back();
    }
};

/// The co-author graph in memory, built by adding works one by one (edge weight = joint works, with dates).
/// Authors listed twice on one work count once. Works with more than `max_authors_for_edges` authors add to
/// their authors' records but no co-author edges: a 3,000-author physics paper says nothing about who works with
/// whom, and would add millions of edges.
class AuthorGraph : public AuthorLookup {
public:
    explicit AuthorGraph(std::size_t max_authors_for_edges = 100);
    // Not copyable: it holds pointers into its own records (moving keeps them valid).
    AuthorGraph(const AuthorGraph&) = delete;
    AuthorGraph& operator=(const AuthorGraph&) = delete;
    AuthorGraph(AuthorGraph&&) = default;
    AuthorGraph& operator=(AuthorGraph&&) = default;
    void add(const Work& w);
    /// Sorts co-authors and topics and trims topics; call once after the last add() (find() calls it if needed).
    void finish();
    std::optional<AuthorRecord> find(const std::string& key) const override;
    std::string newest_date() const override { return newest_date_; }
    const AuthorRecord* find_record(const std::string& key, std::deque<AuthorRecord>&) const override { return get(key); }
    /// The record of `key` without copying, or nullptr. Valid until the next add().
    const AuthorRecord* get(const std::string& key) const;
    const std::unordered_map<std::string, AuthorRecord>& records() const;
    std::size_t size() const noexcept { return records_.size(); }

private:
    // A work of n authors makes n·(n−1) edge updates, so edges are kept between interned author ids, with dates
    // as ids into dates_: string-keyed maps of Coauthor objects were ~10% of a rebuild's CPU on arXiv 35k
    // (1.4M co-author entries). Coauthor records are made from them once, in finish().
    struct Edge {
        unsigned count = 0;
        double strength = 0;
        std::uint32_t first = 0, last = 0;  ///< ids into dates_; 0 = no date
    };
    std::size_t max_authors_;
    mutable bool finished_ = true;
    mutable std::unordered_map<std::string, AuthorRecord> records_;
    std::unordered_map<std::string, std::uint32_t> ids_;  ///< author key → id
    std::vector<AuthorRecord*> record_of_;               ///< id → its record in records_ (node addresses are stable)
    std::vector<std::size_t> last_work_;                 ///< id → the add() call that last counted them (1-based)
    std::size_t works_added_ = 0;
    std::vector<std::unordered_map<std::string, unsigned>> names_, topics_;  ///< by id: spellings, topics
    std::vector<std::unordered_map<std::uint32_t, Edge>> edges_;            ///< by id: co-author id → edge
    std::unordered_map<std::string, std::uint32_t> date_ids_;
    std::vector<std::string> dates_{std::string()};
    std::string newest_date_;
    void finish_now() const;
};

/// Builds the author database at `dir` (created or overwritten) from the co-author graph of the works: one
/// document per author with its AuthorRecord (flat text in a value slot: read back without a JSON parse), "Q"+key
/// as id term, "N"+word for each folded name word (prefix search) and the works count as a sortable value
/// (ranking). rebuild() builds the graph while it reads the corpus and calls this on its own thread beside the
/// last segments and the merge, so the authors always belong to the same generation as the works and no stored
/// work is read back. Where it goes in a generation: IndexDirectory::author_index_path.
/// The database is synced to disk (fsync) when this returns.
/// @return the number of authors. @throws IndexError if Xapian fails (e.g. `dir` cannot be created) or the database
///         cannot be synced.
std::size_t build_author_index(const AuthorGraph& graph, const std::string& dir);

}  // namespace paperdex
