// What the index layer's public headers say they throw (include/paperdex/index/*.h), each triggered here, and that
// only paperdex's errors leave it: a stored document that is not paperdex's, a work without an id, an unknown facet,
// an author database that cannot be written, and the facet dictionary read from a closed database.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "index_fixture.h"

#include "index/durable_files.h"
#include "index/facet_dictionary.h"
#include "paperdex/error.h"
#include "paperdex/index/author_graph.h"
#include "paperdex/index/document.h"
#include "paperdex/index/schema.h"

using namespace paperdex;
namespace fs = std::filesystem;

namespace {

// The first work of the seeds corpus, as rebuild reads it.
Work first_seed() {
    for (const auto& w : testing::default_works())
        if (!w.id.empty()) return w;
    FAIL("the default corpus has no work");
    return {};
}

}  // namespace

TEST_CASE("index errors: stored_work reads back what DocumentBuilder stored") {
    const Work w = first_seed();
    DocumentBuilder builder;
    const Work back = stored_work(builder.build(w));
    CHECK(back.id == w.id);
    CHECK(back.title == w.title);
    CHECK(back.authors.size() == w.authors.size());
}

TEST_CASE("index errors: stored_work throws IndexError for data that is not JSON, not the JSON library's exception") {
    Xapian::Document doc;
    doc.set_data("{\"id\": \"x:1\", \"title\": ");  // cut short, as a foreign or damaged document would be
    CHECK_THROWS_WITH_AS(stored_work(doc), doctest::Contains("holds no paperdex work"), IndexError);
    doc.set_data("");
    CHECK_THROWS_AS(stored_work(doc), IndexError);
}

TEST_CASE("index errors: stored_work throws InvalidArgument naming a field of the wrong type") {
    Xapian::Document doc;
    doc.set_data(R"({"id": "x:1", "title": "t", "year": "2019a", "source": "test"})");
    try {
        stored_work(doc);
        FAIL("no exception");
    } catch (const InvalidArgument& e) {
        CHECK(e.parameter() == "year");
    }
}

TEST_CASE("index errors: DocumentBuilder::build throws InvalidArgument(\"id\") for a work without an id") {
    Work w = first_seed();
    w.id.clear();
    DocumentBuilder builder;
    try {
        builder.build(w);
        FAIL("no exception");
    } catch (const InvalidArgument& e) {
        CHECK(e.parameter() == "id");
    }
}

TEST_CASE("index errors: an unknown facet is InvalidArgument(\"facets\")") {
    CHECK(schema::facet("topic").name == "topic");
    CHECK_THROWS_WITH_AS(schema::facet("colour"), "unknown facet \"colour\"; known: year, venue, author, topic, type",
                         InvalidArgument);
    try {
        schema::filter_term("colour", "red");
        FAIL("no exception");
    } catch (const InvalidArgument& e) {
        CHECK(e.parameter() == "facets");
    }
}

TEST_CASE("index errors: build_author_index throws IndexError where Xapian cannot write") {
    AuthorGraph graph;
    graph.add(first_seed());
    graph.finish();
    const auto dir = testing::fresh_temp_dir("index-errors-authors");
    CHECK(build_author_index(graph, (dir / "authors").string()) == graph.size());
    std::ofstream(dir / "a-file") << "x";  // a database cannot be created under a file
    CHECK_THROWS_WITH_AS(build_author_index(graph, (dir / "a-file" / "authors").string()),
                         doctest::Contains("building the author index"), IndexError);
}

TEST_CASE("index errors: a path that cannot be synced to disk is IndexError naming it") {
    const auto dir = testing::fresh_temp_dir("index-errors-sync");
    std::ofstream(dir / "file") << "x";
    durable::sync(dir / "file");
    durable::sync(dir);
    durable::sync_tree(dir);
    const std::string missing = (dir / "missing").string();
    CHECK_THROWS_WITH_AS(durable::sync(dir / "missing"), doctest::Contains(missing.c_str()), IndexError);
    CHECK_THROWS_WITH_AS(durable::sync_tree(dir / "missing"), doctest::Contains(missing.c_str()), IndexError);
    // procfs opens but has no fsync (EINVAL): the failure of fsync itself, not only of open.
    CHECK_THROWS_WITH_AS(durable::sync("/proc/self/stat"), doctest::Contains("/proc/self/stat"), IndexError);
    CHECK_THROWS_WITH_AS(durable::rename(dir / "missing", dir / "other"),
                         doctest::Contains(missing.c_str()), IndexError);
    durable::rename(dir / "file", dir / "renamed");
    CHECK(fs::exists(dir / "renamed"));
}

TEST_CASE("index errors: FacetDictionary::load throws IndexError, not Xapian::Error, from a closed database") {
    Xapian::Database db = open_index(testing::default_index());
    CHECK(FacetDictionary::load(db, schema::facet("author")) != nullptr);
    db.close();
    CHECK_THROWS_AS(FacetDictionary::load(db, schema::facet("author")), IndexError);
}
