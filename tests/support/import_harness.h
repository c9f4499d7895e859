#pragma once
// The one harness every importer test uses (STYLE.md "Importers share one harness"): a real input file, the
// count it yields, and 2-3 Works spelled out field by field.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "paperdex/importers/importers.h"
#include "paperdex/corpus/work.h"
#include "temp_dir.h"

// Expected Works are written with designated initializers that name only the fields a source fills; the others
// are meant to stay at their "not known" defaults. GCC 12 still warns about the omitted ones under -Wextra.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

// Lists of ids and error texts print in full when a CHECK fails.
namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
    static String convert(const std::vector<std::string>& v) {
        std::string out = "{";
        for (const auto& s : v) out += (out.size() > 1 ? ",\n \"" : "\"") + s + "\"";
        return (out + "}").c_str();
    }
};
}  // namespace doctest

namespace harness {

using paperdex::Author;
using paperdex::Work;
using paperdex::importers::ImportResult;

inline std::string seed(std::string_view name) { return std::string(PAPERDEX_SEEDS_DIR) + "/" + std::string(name); }
inline std::string data(std::string_view rel) { return std::string(PAPERDEX_DATA_DIR) + "/" + std::string(rel); }

inline std::vector<std::string> ids(const ImportResult& r) {
    std::vector<std::string> out;
    for (const auto& w : r.works) out.push_back(w.id);
    return out;
}

inline std::vector<std::string> error_texts(const ImportResult& r) {
    std::vector<std::string> out;
    for (const auto& e : r.errors) out.push_back(e.what());
    return out;
}

/// The work called `id`; fails the test case if there is none.
inline const Work& find(const ImportResult& r, std::string_view id) {
    for (const auto& w : r.works)
        if (w.id == id) return w;
    FAIL("no work " << id);
    throw 0;  // unreachable: FAIL throws
}

/// A long abstract, checked by its two ends and its size in bytes rather than spelled out whole.
struct Abstract {
    std::string_view starts;
    std::string_view ends;
    std::size_t bytes;
};

/// Every field of `actual` equals `expected`'s (one CHECK per field, so a failure names the field).
inline void check_work(const Work& actual, const Work& expected, const Abstract* shape = nullptr) {
    INFO("work " << expected.id);
    CHECK(actual.id == expected.id);
    CHECK(actual.title == expected.title);
    if (shape) {
        CHECK(actual.abstract.substr(0, shape->starts.size()) == shape->starts);
        CHECK(actual.abstract.size() >= shape->ends.size());
        if (actual.abstract.size() >= shape->ends.size())
            CHECK(actual.abstract.substr(actual.abstract.size() - shape->ends.size()) == shape->ends);
        CHECK(actual.abstract.size() == shape->bytes);
    } else {
        CHECK(actual.abstract == expected.abstract);
    }
    CHECK(actual.authors == expected.authors);
    CHECK(actual.year == expected.year);
    CHECK(actual.date == expected.date);
    CHECK(actual.venue == expected.venue);
    CHECK(actual.type == expected.type);
    CHECK(actual.topics == expected.topics);
    CHECK(actual.doi == expected.doi);
    CHECK(actual.arxiv_id == expected.arxiv_id);
    CHECK(actual.url == expected.url);
    CHECK(actual.source == expected.source);
}

inline void check_work(const Work& actual, const Work& expected, const Abstract& shape) { check_work(actual, expected, &shape); }

/// Nothing dropped silently: every record read is a work, a folded duplicate or an error.
inline void check_accounting(const ImportResult& r) { CHECK(r.read == r.works.size() + r.folded + r.errors.size()); }

/// Handmade edge-case fixtures go in a TempDir (temp_dir.h).
using paperdex::testing::TempDir;

}  // namespace harness
