// The author record as flat text (author_record.h).
#include "index/author_record.h"

#include <charconv>
#include <optional>
#include <vector>

#include "paperdex/error.h"

namespace paperdex::author_db {
namespace {

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

}  // namespace

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

namespace {

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

}  // namespace

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

}  // namespace paperdex::author_db
