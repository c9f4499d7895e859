// The fixture test `test_fixtures` (a ctest FIXTURES_SETUP, see shared_fixture.h): empties
// $PAPERDEX_TEST_FIXTURES and builds every shared fixture there once, before the cases that use them start.
#include <doctest/doctest.h>

#include <filesystem>

#include "http_fixture.h"
#include "index_fixture.h"

TEST_CASE("fixtures: the shared indexes are built from scratch") {
    const auto root = paperdex::testing::shared_fixture_root();
    REQUIRE_MESSAGE(!root.empty(), "PAPERDEX_TEST_FIXTURES is not set (ctest sets it)");
    std::filesystem::remove_all(root);
    CHECK(paperdex::open_index(paperdex::testing::default_index()).get_doccount() > 0);
    CHECK(paperdex::open_index(paperdex::testing::http_fixture::main_index()).get_doccount() > 0);
    for (unsigned shards : {2u, 3u, 4u})
        CHECK(paperdex::open_index(paperdex::testing::sharded_default_index(shards)).get_doccount() > 0);
}
