#include "import_harness.h"

using namespace harness;
using paperdex::importers::import;

namespace {
const std::string listing = seed("001_2aaafbbc64feed6e.txt");
}

TEST_CASE("import arxiv-listing: each arXiv:ID line names the abstract before it") {
    auto r = import("arxiv-listing", {listing});
    check_accounting(r);
    CHECK(error_texts(r).empty());
    CHECK(ids(r) == std::vector<std::string>{"arxiv:2005.02544", "arxiv:2004.08140", "arxiv:2003.07336",
                                             "arxiv:2001.02772", "arxiv:1912.12953", "arxiv:2001.01580",
                                             "arxiv:1911.02549", "arxiv:1910.01500", "arxiv:1908.04705",
                                             "arxiv:1906.03109"});
    // Line 1 (AutoScale) is closed by the id at the start of line 2.
    check_work(r.works[0],
               Work{.id = "arxiv:2005.02544", .year = 2020, .venue = "arXiv", .type = "preprint",
                    .arxiv_id = "2005.02544", .url = "https://arxiv.org/abs/2005.02544", .source = "arxiv-listing"},
               Abstract{"Deep learning inference is increasingly run at the edge.",
                        "performance and accuracy requirement.", 1803});
    // The abstract glued after "arXiv:2001.02772" on line 5 belongs to the id at the start of line 6.
    check_work(find(r, "arxiv:1912.12953"),
               Work{.id = "arxiv:1912.12953", .year = 2019, .venue = "arXiv", .type = "preprint",
                    .arxiv_id = "1912.12953", .url = "https://arxiv.org/abs/1912.12953", .source = "arxiv-listing"},
               Abstract{"Personalized recommendation systems leverage deep learning models",
                        "RecNMP offers 4.2x throughput improvement and 45.8% memory energy savings.", 1244});
}

TEST_CASE("import arxiv-listing: a comment line between abstract and id stays out of the abstract") {
    auto r = import("arxiv-listing", {listing});
    // Line 10's abstract is followed by "11 pages" (line 11), then arXiv:1906.03109 (line 12).
    check_work(find(r, "arxiv:1906.03109"),
               Work{.id = "arxiv:1906.03109", .year = 2019, .venue = "arXiv", .type = "preprint",
                    .arxiv_id = "1906.03109", .url = "https://arxiv.org/abs/1906.03109", .source = "arxiv-listing"},
               Abstract{"The widespread application of deep learning has changed the landscape",
                        "the diverse composition of recommendation models leads to different optimization strategies.",
                        1064});
}

TEST_CASE("import arxiv-listing: an id without an abstract and an abstract without an id are reported") {
    // Handmade: the real listing is well formed. Also covers an old-style id, a version suffix and
    // a 4-digit pre-2015 id followed by glued text starting with a digit.
    TempDir dir;
    auto file = dir.write("listing.txt",
                          "arXiv:2101.00001\n"
                          "First abstract.\n"
                          "arXiv:hep-th/9901001v2Second abstract.\n"
                          "Accepted at NOWHERE\n"
                          "arXiv:1412.12343 stars were counted.\n"
                          "Fourth abstract, never closed.\n");
    auto r = import("arxiv-listing", {file});
    check_accounting(r);
    CHECK(error_texts(r) == std::vector<std::string>{
                                file + ":1: arXiv:2101.00001 follows no abstract",
                                file + ":5: abstract without a following arXiv:ID line",
                            });
    REQUIRE(ids(r) == std::vector<std::string>{"arxiv:hep-th/9901001", "arxiv:1412.1234"});
    CHECK(r.works[0].abstract == "First abstract.");
    CHECK(r.works[0].year == 1999);
    CHECK(r.works[1].abstract == "Second abstract.");
    CHECK(r.works[1].year == 2014);
}
