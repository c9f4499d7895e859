// The stored author index (DIR/gen-N/authors) read back: prefix search, records, profiles. Its layout is
// index/author_record.h, shared with its writer (index/author_index_writer.cpp).
#include <charconv>
#include <filesystem>
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "paperdex/authors/author_index.h"
#include "index/author_record.h"
#include "index/xapian_error.h"
#include "paperdex/error.h"
#include "paperdex/index/document.h"
#include "paperdex/index/index_directory.h"
#include "paperdex/index/schema.h"
#include "paperdex/corpus/text.h"
#include "search/newest_first.h"

namespace fs = std::filesystem;

namespace paperdex {
namespace {

using namespace author_db;

// A one-letter prefix like "a" may expand to thousands of name words; the most frequent ones are enough to
// autocomplete from, and the query stays fast.
constexpr Xapian::termcount kMaxPrefixExpansion = 2000;
constexpr std::size_t kMaxQueryBytes = 1000;
constexpr std::size_t kMaxPerPage = 100;
constexpr std::size_t kMaxResultWindow = 10000;
constexpr unsigned kProfileTerms = 10;
// The profile's terms are the first kProfileTerms shown ones (ExpansionTerm::shown) of this many expansion terms:
// the ESet ranks by weight alone, and a word a reader would not take for a topic may rank among the best.
constexpr unsigned kProfileCandidateTerms = 40;

AuthorRecord record_of(const Xapian::Document& doc) { return decode_record(doc.get_value(kRecordSlot)); }

}  // namespace

AuthorIndex::AuthorIndex(Xapian::Database db) : db_(std::move(db)) {}

AuthorIndex AuthorIndex::open(const std::string& index_dir) {
    const std::string path = IndexDirectory::author_index_path(resolve_index(index_dir));
    if (!IndexDirectory::holds_database(path)) throw NotFound("no author index in " + path + " (rebuild the index to create it)");
    return with_xapian_errors("opening author index " + path, [&] { return AuthorIndex(Xapian::Database(path)); });
}

std::optional<AuthorRecord> AuthorIndex::find(const std::string& key) const {
    return with_xapian_errors("reading author " + key, [&]() -> std::optional<AuthorRecord> {
        const std::string term = schema::boolean_term(kKeyPrefix, key);
        auto it = db_.postlist_begin(term);
        if (it == db_.postlist_end(term)) return std::nullopt;
        return record_of(db_.get_document(*it));
    });
}

std::string AuthorIndex::newest_date() const {
    return with_xapian_errors("reading the newest date", [&] { return db_.get_metadata(kNewestDateKey); });
}

bool AuthorIndex::reopen() {
    return with_xapian_errors("reopening the author index", [&] { return db_.reopen(); });
}

AuthorRecord AuthorIndex::get(const std::string& key) const {
    if (auto r = find(key)) return *r;
    throw NotFound("no author with key \"" + key + "\"");
}

AuthorRecord AuthorIndex::resolve(const std::string& name_or_key) const {
    if (auto r = find(name_or_key)) return *r;
    if (auto r = find(author_key(Author{name_or_key, {}}))) return *r;
    throw NotFound("no author with key or name \"" + name_or_key + "\"");
}

void to_json(nlohmann::json& j, const AuthorIndex::Match& m) {
    j = {{"key", m.key}, {"name", m.name}, {"works_count", m.works_count}, {"first_year", nullptr}, {"last_year", nullptr}};
    if (m.first_year) j["first_year"] = *m.first_year;
    if (m.last_year) j["last_year"] = *m.last_year;
}

AuthorIndex::Matches AuthorIndex::search(const std::string& q, std::size_t limit) const {
    if (q.size() > kMaxQueryBytes)
        throw InvalidArgument("q", "q must be at most " + std::to_string(kMaxQueryBytes) + " bytes, got " + std::to_string(q.size()));
    if (limit < 1 || limit > kMaxPerPage)
        throw InvalidArgument("limit", "limit must be 1.." + std::to_string(kMaxPerPage) + ", got " + std::to_string(limit));
    const auto words = text::words(q);
    if (words.empty()) throw InvalidArgument("q", "q must contain a word, got \"" + q + "\"");
    std::vector<Xapian::Query> parts;
    for (const auto& w : words)
        parts.emplace_back(Xapian::Query::OP_WILDCARD, std::string(kNameWordPrefix) + w, kMaxPrefixExpansion,
                           Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    return with_xapian_errors("author search", [&] {
        Matches out;
        Xapian::Enquire enquire(db_);
        enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()));
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        Xapian::MultiValueKeyMaker order;
        order.add_value(kWorksSlot, true);
        order.add_value(kNameSlot);
        enquire.set_sort_by_key(&order, false);
        Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit), db_.get_doccount());
        out.total = mset.get_matches_estimated();
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            const AuthorRecord r = record_of(it.get_document());
            out.authors.push_back({r.key, r.name, r.works_count, r.first_year, r.last_year});
        }
        return out;
    });
}

std::vector<Xapian::docid> works_by(const Xapian::Database& works, const std::string& key) {
    return with_xapian_errors("works by " + key, [&] {
        std::vector<Xapian::docid> out;
        const std::string term = schema::boolean_term(schema::kAuthorKeyPrefix, key);
        for (auto it = works.postlist_begin(term); it != works.postlist_end(term); ++it) out.push_back(*it);
        return out;
    });
}

void to_json(nlohmann::json& j, const AuthorProfile& p) {
    nlohmann::json author = p.author;
    author["terms"] = p.terms;
    j = {{"author", std::move(author)}, {"works", p.works}, {"works_total", p.works_total}, {"page", p.page},
         {"per_page", p.per_page}};
}

AuthorProfile author_profile(const Searcher& works, const AuthorIndex& authors, const std::string& key,
                             std::size_t page, std::size_t per_page) {
    if (per_page < 1 || per_page > kMaxPerPage)
        throw InvalidArgument("per_page", "per_page must be 1.." + std::to_string(kMaxPerPage) + ", got " + std::to_string(per_page));
    if (page < 1 || page > kMaxResultWindow / per_page)
        throw InvalidArgument("page", "page must be 1.." + std::to_string(kMaxResultWindow / per_page) + " with per_page " +
                                          std::to_string(per_page) + ", got " + std::to_string(page));
    AuthorProfile p;
    p.author = authors.get(key);
    p.page = page;
    p.per_page = per_page;
    const Xapian::Database& db = works.database();
    with_xapian_errors("profile of " + key, [&] {
        for (auto& t : expansion_terms(db, works_by(db, key), kProfileCandidateTerms))
            if (t.shown && p.terms.size() < kProfileTerms) p.terms.push_back(std::move(t));
        const NewestWorks newest = newest_first(db, Xapian::Query(schema::boolean_term(schema::kAuthorKeyPrefix, key)),
                                                static_cast<Xapian::doccount>((page - 1) * per_page),
                                                static_cast<Xapian::doccount>(per_page));
        p.works_total = newest.total;
        for (const auto& doc : newest.works) p.works.push_back(stored_work(doc));
    });
    return p;
}

}  // namespace paperdex
