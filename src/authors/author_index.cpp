// The stored author index (DIR/gen-N/authors): building it at rebuild time, prefix search, records, profiles.
//
// Its terms and slots are private to this file, the one writer and reader of that database (the works index's
// table is schema.h): "Q"+key id term, "N"+folded name word, slot 0 = sortable works count, slot 1 = name,
// slot 2 = the AuthorRecord (encode_record below).
#include <charconv>
#include <filesystem>
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "paperdex/authors/author_index.h"
#include "paperdex/error.h"
#include "paperdex/index/document.h"
#include "paperdex/index/schema.h"
#include "paperdex/corpus/text.h"

namespace fs = std::filesystem;

namespace paperdex {
namespace {

constexpr std::string_view kKeyPrefix = "Q";
constexpr std::string_view kNameWordPrefix = "N";
constexpr Xapian::valueno kWorksSlot = 0;
constexpr Xapian::valueno kNameSlot = 1;
constexpr Xapian::valueno kRecordSlot = 2;
constexpr const char* kNewestDateKey = "paperdex:newest_date";
constexpr const char* kAuthorsDirName = "authors";
// A one-letter prefix like "a" may expand to thousands of name words; the most frequent ones are enough to
// autocomplete from, and the query stays fast.
constexpr Xapian::termcount kMaxPrefixExpansion = 2000;
constexpr std::size_t kMaxQueryBytes = 1000;
constexpr std::size_t kMaxPerPage = 100;
constexpr std::size_t kMaxResultWindow = 10000;
constexpr unsigned kProfileTerms = 10;

// The record as flat text: a collaborator request reads the records of every co-author and every candidate
// (thousands for a prolific author), and parsing them as JSON (a DOM of small allocations) plus inflating
// Xapian's compressed document data was most of its time (perf: JSON lexer + malloc + zlib ≈ 60 %). Fields are
// separated by US (0x1F), list items by RS (0x1E), the three parts (scalars, topics, co-authors) by GS (0x1D);
// these three bytes are replaced by a space inside strings, where they never carry meaning. Numbers are written
// with std::to_chars (shortest text that reads back to the same double), so the record reads back exactly.
constexpr char kUnit = '\x1f', kRecord = '\x1e', kGroup = '\x1d';

void put(std::string& out, std::string_view s) {
    for (char c : s) out.push_back(c == kUnit || c == kRecord || c == kGroup ? ' ' : c);
}

template <class Number>
void put_number(std::string& out, Number n) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, n);
    out.append(buf, r.ptr);
}

void put_field(std::string& out, std::string_view s) { put(out, s); }
void put_field(std::string& out, unsigned n) { put_number(out, n); }
void put_field(std::string& out, double n) { put_number(out, n); }
void put_field(std::string& out, const std::optional<int>& n) {
    if (n) put_number(out, *n);
}

// One item's fields, separated by US.
template <class... Fields>
void put_fields(std::string& out, const Fields&... fields) {
    bool first = true;
    auto one = [&](const auto& f) {
        if (!first) out += kUnit;
        first = false;
        put_field(out, f);
    };
    (one(fields), ...);
}

std::string encode_record(const AuthorRecord& r) {
    std::string out;
    put_fields(out, r.key, r.name, r.works_count, r.first_year, r.last_year, r.first_date, r.last_date);
    out += kGroup;
    for (std::size_t i = 0; i < r.topics.size(); ++i) {
        if (i) out += kRecord;
        put_fields(out, r.topics[i].value, r.topics[i].count);
    }
    out += kGroup;
    for (std::size_t i = 0; i < r.coauthors.size(); ++i) {
        const Coauthor& c = r.coauthors[i];
        if (i) out += kRecord;
        put_fields(out, c.key, c.name, c.count, c.first_date, c.last_date, c.strength);
    }
    return out;
}

// Splits `s` at `sep`, calling fn(part) for each part (one empty part for an empty string only if `keep_empty`).
template <class Fn>
void split(std::string_view s, char sep, bool keep_empty, Fn&& fn) {
    if (s.empty() && !keep_empty) return;
    for (;;) {
        const std::size_t at = s.find(sep);
        fn(s.substr(0, at));
        if (at == std::string_view::npos) return;
        s.remove_prefix(at + 1);
    }
}

template <class Number>
Number number(std::string_view s, std::string_view what) {
    Number n{};
    const auto r = std::from_chars(s.data(), s.data() + s.size(), n);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size())
        throw IndexError("author index: bad " + std::string(what) + " \"" + std::string(s) + "\" (rebuild the index)");
    return n;
}

AuthorRecord decode_record(std::string_view text) {
    std::vector<std::string_view> parts, fields;
    split(text, kGroup, true, [&](std::string_view p) { parts.push_back(p); });
    if (parts.size() != 3) throw IndexError("author index: a record has " + std::to_string(parts.size()) + " parts, not 3 (rebuild the index)");
    auto fields_of = [&](std::string_view item, std::size_t n, std::string_view what) {
        fields.clear();
        split(item, kUnit, true, [&](std::string_view f) { fields.push_back(f); });
        if (fields.size() != n)
            throw IndexError("author index: " + std::string(what) + " with " + std::to_string(fields.size()) + " fields, not " +
                             std::to_string(n) + " (rebuild the index)");
    };
    AuthorRecord r;
    fields_of(parts[0], 7, "a record");
    r.key = fields[0];
    r.name = fields[1];
    r.works_count = number<unsigned>(fields[2], "works count");
    if (!fields[3].empty()) r.first_year = number<int>(fields[3], "year");
    if (!fields[4].empty()) r.last_year = number<int>(fields[4], "year");
    r.first_date = fields[5];
    r.last_date = fields[6];
    split(parts[1], kRecord, false, [&](std::string_view item) {
        fields_of(item, 2, "a topic");
        r.topics.push_back({std::string(fields[0]), number<unsigned>(fields[1], "topic count")});
    });
    split(parts[2], kRecord, false, [&](std::string_view item) {
        fields_of(item, 6, "a co-author");
        r.coauthors.push_back({std::string(fields[0]), std::string(fields[1]), number<unsigned>(fields[2], "joint works"),
                               std::string(fields[3]), std::string(fields[4]), number<double>(fields[5], "tie strength")});
    });
    return r;
}

AuthorRecord record_of(const Xapian::Document& doc) { return decode_record(doc.get_value(kRecordSlot)); }

}  // namespace

std::string author_index_path(const std::string& works_dir) { return (fs::path(works_dir) / kAuthorsDirName).string(); }

std::size_t build_author_index(const AuthorGraph& graph, const std::string& dir) {
    try {
        Xapian::WritableDatabase out(dir, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
        std::size_t pending = 0;
        for (const auto& [key, r] : graph.records()) {
            Xapian::Document doc;
            doc.add_boolean_term(schema::boolean_term(kKeyPrefix, key));
            for (const auto& word : text::words(r.name)) doc.add_boolean_term(schema::boolean_term(kNameWordPrefix, word));
            // A key that is not the folded name (an id key, or a variant spelling) still finds by its words.
            if (key.rfind("id:", 0) != 0)
                for (const auto& word : text::words(key)) doc.add_boolean_term(schema::boolean_term(kNameWordPrefix, word));
            doc.add_value(kWorksSlot, Xapian::sortable_serialise(r.works_count));
            doc.add_value(kNameSlot, text::fold(r.name));
            doc.add_value(kRecordSlot, encode_record(r));
            // Keys are unique (the graph's map), so add_document: replace_document would look each key up
            // through the pending changes. Flushed every 1,000 authors, as segments are (src/index/rebuild.cpp).
            out.add_document(doc);
            if (++pending == 1000) {
                out.commit();
                pending = 0;
            }
        }
        out.set_metadata(kNewestDateKey, graph.newest_date());
        out.commit();
        out.close();
        return graph.size();
    } catch (const Xapian::Error& e) {
        throw IndexError("building the author index " + dir + " failed: " + e.get_description());
    }
}

AuthorIndex::AuthorIndex(Xapian::Database db) : db_(std::move(db)) {}

AuthorIndex AuthorIndex::open(const std::string& index_dir) {
    const std::string path = author_index_path(resolve_index(index_dir));
    if (!fs::exists(fs::path(path) / "iamglass") && !fs::exists(fs::path(path) / "iamchert"))
        throw NotFound("no author index in " + path + " (rebuild the index to create it)");
    try {
        return AuthorIndex(Xapian::Database(path));
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open author index " + path + ": " + e.get_description());
    }
}

std::optional<AuthorRecord> AuthorIndex::find(const std::string& key) const {
    const std::string term = schema::boolean_term(kKeyPrefix, key);
    auto it = db_.postlist_begin(term);
    if (it == db_.postlist_end(term)) return std::nullopt;
    return record_of(db_.get_document(*it));
}

std::string AuthorIndex::newest_date() const { return db_.get_metadata(kNewestDateKey); }

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
    Matches out;
    try {
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
    } catch (const Xapian::DatabaseModifiedError&) {
        throw;
    } catch (const Xapian::Error& e) {
        throw IndexError("author search failed: " + e.get_description());
    }
    return out;
}

std::vector<Xapian::docid> works_by(const Xapian::Database& works, const std::string& key) {
    std::vector<Xapian::docid> out;
    const std::string term = schema::boolean_term(schema::kAuthorKeyPrefix, key);
    for (auto it = works.postlist_begin(term); it != works.postlist_end(term); ++it) out.push_back(*it);
    return out;
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
    try {
        p.terms = expansion_terms(db, works_by(db, key), kProfileTerms);
        Xapian::Enquire enquire(db);
        enquire.set_query(Xapian::Query(schema::boolean_term(schema::kAuthorKeyPrefix, key)));
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        Xapian::MultiValueKeyMaker newest;
        newest.add_value(schema::kDateSlot, true);
        newest.add_value(schema::kYearSlot, true);
        enquire.set_sort_by_key(&newest, false);
        Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>((page - 1) * per_page),
                                             static_cast<Xapian::doccount>(per_page));
        p.works_total = mset.get_matches_estimated();
        for (auto it = mset.begin(); it != mset.end(); ++it) p.works.push_back(stored_work(it.get_document()));
    } catch (const Xapian::DatabaseModifiedError&) {
        throw;
    } catch (const Xapian::Error& e) {
        throw IndexError("profile of " + key + " failed: " + e.get_description());
    }
    return p;
}

}  // namespace paperdex
