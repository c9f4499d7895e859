#include "import_harness.h"

using namespace harness;
using paperdex::importers::import;

namespace {
const std::string cacm = data("cacm/cacm.all.gz");
}

TEST_CASE("import smart: CACM's 3,204 records, authors turned to \"First Last\"") {
    auto r = import("smart", {cacm});
    check_accounting(r);
    CHECK(error_texts(r).empty());
    REQUIRE(r.works.size() == 3204);
    CHECK(r.works.front().id == "cacm:1");
    CHECK(r.works.back().id == "cacm:3204");
    std::size_t with_abstract = 0, with_keywords = 0;
    for (const auto& w : r.works) {
        with_abstract += !w.abstract.empty();
        with_keywords += !w.topics.empty();
    }
    CHECK(with_abstract == 1587);
    CHECK(with_keywords == 1429);
    // "Perlis, A. J." and "Samelson,K." (no space after the comma).
    check_work(r.works[0], Work{.id = "cacm:1",
                                .title = "Preliminary Report-International Algebraic Language",
                                .authors = {{"A. J. Perlis", ""}, {"K. Samelson", ""}},
                                .year = 1958,
                                .venue = "CACM",
                                .type = "article",
                                .source = "smart"});
    check_work(find(r, "cacm:2371"),
               Work{.id = "cacm:2371",
                    .title = "A System for Interprocess Communication in a Resource Sharing Computer Network",
                    .abstract = "A system of communication between processes in a time-sharing system is described and "
                                "the communication system is extended so that it may be used between processes "
                                "distributed throughout a computer network. The hypothetical application of the system "
                                "to an existing network is discussed.",
                    .authors = {{"D. C. Walden", ""}},
                    .year = 1972,
                    .venue = "CACM",
                    .type = "article",
                    .topics = {"interprocess communication", "time-sharing", "computer networks", "resource sharing"},
                    .source = "smart"});
    // A real record with an empty .T: kept, since it has an abstract (validate() asks for title or abstract).
    CHECK(find(r, "cacm:3193").title.empty());
    CHECK(find(r, "cacm:3193").year == 1958);
}

TEST_CASE("import smart: a record with a bad .I line is reported and skipped, the next one read") {
    // Handmade: cacm.all is well formed. "Thacher Jr., H. C." is the real name form with a suffix.
    TempDir dir;
    auto file = dir.write("mini.all",
                          "stray text\n"
                          ".I one\n.T\nLost\n"
                          ".I 7\n.T\nKept\n.A\nThacher Jr., H. C.\n.B\nCACM June, 1977\n"
                          ".I 8\n.B\nCACM May, 1961\n");
    auto r = import("smart", {file});
    check_accounting(r);
    CHECK(error_texts(r) == std::vector<std::string>{
                                file + ":1: text outside a record (no .I line before it)",
                                file + ":2: expected \".I <number>\", got \".I one\"",
                                file + ":12: missing \"title\"",
                            });
    REQUIRE(ids(r) == std::vector<std::string>{"mini:7"});
    CHECK(r.works[0].authors == std::vector<Author>{{"H. C. Thacher Jr.", ""}});
    CHECK(r.works[0].venue == "MINI");
    CHECK(r.works[0].year == 1977);
}
