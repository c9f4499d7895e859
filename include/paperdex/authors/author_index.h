#pragma once
/// The stored author index read back: search by name prefix, records, profiles (the graph and how it is built:
/// index/author_graph.h).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>
#include <xapian.h>

#include "paperdex/index/author_graph.h"
#include "paperdex/search/searcher.h"
#include "paperdex/search/similar.h"
#include "paperdex/corpus/work.h"

namespace paperdex {

/// The stored author index. Not thread-safe (holds a Xapian::Database): one per thread.
class AuthorIndex : public AuthorLookup {
public:
    explicit AuthorIndex(Xapian::Database db);
    /// Opens the author index of the generation `index_dir` serves (resolve_index()).
    /// @throws NotFound if the index or its author database is missing (rebuild to create it); IndexError.
    static AuthorIndex open(const std::string& index_dir);

    /// @throws IndexError if Xapian fails (as newest_date, get and resolve).
    std::optional<AuthorRecord> find(const std::string& key) const override;
    std::string newest_date() const override;
    /// The record of `key`. @throws NotFound("no author with key \"KEY\"").
    AuthorRecord get(const std::string& key) const;
    /// An author named or keyed `name_or_key`: the key itself if stored, else author_key({name}).
    /// @throws NotFound("no author \"X\"") if neither is stored.
    AuthorRecord resolve(const std::string& name_or_key) const;

    struct Match {
        std::string key, name;
        unsigned works_count = 0;
        std::optional<int> first_year, last_year;
    };
    struct Matches {
        std::uint64_t total = 0;  ///< authors matching (exact: every match is checked)
        std::vector<Match> authors;
    };
    /// Autocomplete: authors whose name words start with every word of `q` (folded: case and accents ignored;
    /// "kim haz" needs a word starting "kim" and one starting "haz"), most works first, then name.
    /// @throws InvalidArgument("q") if `q` has no word or more than 1000 bytes; InvalidArgument("limit") unless 1..100;
    ///         IndexError if Xapian fails.
    Matches search(const std::string& q, std::size_t limit = 10) const;

    const Xapian::Database& database() const noexcept { return db_; }
    /// Re-reads the newest revision (Xapian::Database::reopen); true if it changed. @throws IndexError.
    bool reopen();

private:
    Xapian::Database db_;
};

void to_json(nlohmann::json& j, const AuthorIndex::Match& m);

/// Docids (of `works`) of the works by author `key`, in docid order. @throws IndexError if Xapian fails.
std::vector<Xapian::docid> works_by(const Xapian::Database& works, const std::string& key);

/// A profile page: the record, the top shown terms of all the author's works (similar.h expansion terms with
/// ExpansionTerm::shown, at most 10), and one page of their works newest first (by date, then year; ties in index
/// order).
struct AuthorProfile {
    AuthorRecord author;
    std::vector<ExpansionTerm> terms;
    std::vector<Work> works;
    std::uint64_t works_total = 0;
    std::size_t page = 1, per_page = 10;
};
/// {"author":{record + "terms"},"works":[...],"works_total","page","per_page"}
void to_json(nlohmann::json& j, const AuthorProfile& p);

/// @throws NotFound for an unknown key; InvalidArgument("page") unless page >= 1 and page×per_page <= 10000,
///         InvalidArgument("per_page") unless 1..100; IndexError if Xapian fails.
AuthorProfile author_profile(const Searcher& works, const AuthorIndex& authors, const std::string& key,
                             std::size_t page = 1, std::size_t per_page = 10);

}  // namespace paperdex
