#include "import_harness.h"
#include "paperdex/importers/merge.h"

using namespace harness;
using paperdex::merge_works;
using paperdex::importers::import;

namespace {

// The three seeds as the default corpus imports them: the profile pages first (they are trusted for titles
// and years), then the listing.
std::vector<Work> seed_works() {
    std::vector<Work> all;
    for (auto r : {import("bzpeer-profile", {seed("000_c4bb1e9c50d886aa.txt"), seed("002_f8f9f6df25163b99.txt")}),
                   import("arxiv-listing", {seed("001_2aaafbbc64feed6e.txt")})})
        for (auto& w : r.works) all.push_back(std::move(w));
    return all;
}

}  // namespace

TEST_CASE("merge: the three seeds give profile works their arXiv ids and listing abstracts their titles") {
    auto works = seed_works();
    REQUIRE(works.size() == 23);
    auto m = merge_works(std::move(works));
    // Two listing abstracts equal a profile abstract word for word; "Exploiting Parallelism" and MLPerf Training
    // are on both pages in different versions of the abstract, so they stay apart.
    CHECK(m.merged == 2);
    REQUIRE(m.works.size() == 21);
    std::vector<std::string> got;
    for (const auto& w : m.works) got.push_back(w.id);
    CHECK(got == std::vector<std::string>{
                     "bzpeer:benchpress-a-deep-active-benchmark-generator",
                     "bzpeer:caviar-an-e-graph-based-trs-for-automatic-code-optimization",
                     "bzpeer:sustainable-ai-environmental-implications-challenges-and-opportunities",
                     "bzpeer:exploiting-parallelism-opportunities-with-deep-learning-frameworks",
                     "bzpeer:mlperf-training-benchmark",
                     "arxiv:1906.03109",
                     "arxiv:1912.12953",
                     "bzpeer:analyzing-a-caching-model",
                     "bzpeer:data-driven-offline-optimization-for-architecting-hardware-accelerators",
                     "bzpeer:learning-to-improve-code-efficiency",
                     "bzpeer:apollo-transferable-architecture-exploration",
                     "bzpeer:an-imitation-learning-approach-for-cache-replacement",
                     "bzpeer:learning-execution-through-neural-code-fusion",
                     "arxiv:2005.02544",
                     "arxiv:2004.08140",
                     "arxiv:2003.07336",
                     "arxiv:2001.02772",
                     "arxiv:2001.01580",
                     "arxiv:1911.02549",
                     "arxiv:1910.01500",
                     "arxiv:1908.04705",
                 });
    check_work(m.works[6],
               Work{.id = "arxiv:1912.12953",
                    .title = "RecNMP: Accelerating Personalized Recommendation with Near-Memory Processing",
                    .authors = {{"Kim Hazelwood", ""}},
                    .year = 2019,
                    .venue = "arXiv",
                    .type = "preprint",
                    .arxiv_id = "1912.12953",
                    .url = "https://arxiv.org/abs/1912.12953",
                    .source = "bzpeer-profile+arxiv-listing"},
               Abstract{"Personalized recommendation systems leverage deep learning models",
                        "RecNMP offers 4.2x throughput improvement and 45.8% memory energy savings.", 1244});
    // The profile (earlier input) gives the year 2020; the listing's id alone would say 2019.
    check_work(m.works[5],
               Work{.id = "arxiv:1906.03109",
                    .title = "The Architectural Implications of Facebook's DNN-based Personalized Recommendation",
                    .authors = {{"Kim Hazelwood", ""}},
                    .year = 2020,
                    .venue = "arXiv",
                    .type = "preprint",
                    .arxiv_id = "1906.03109",
                    .url = "https://arxiv.org/abs/1906.03109",
                    .source = "bzpeer-profile+arxiv-listing"},
               Abstract{"The widespread application of deep learning has changed the landscape",
                        "leads to different optimization strategies.", 1064});
}

TEST_CASE("merge: arXiv id, then DOI, then abstract; fields by the documented rules") {
    // Handmade works: each rule needs a pair that the real files do not happen to contain.
    const std::string long_abstract(250, 'x');
    Work listing{.id = "arxiv:2101.00001", .abstract = "Short.", .year = 2021, .arxiv_id = "2101.00001", .source = "arxiv-listing"};
    Work daily{.id = "arxiv:2101.00001",
               .title = "A Title",
               .abstract = std::string(250, 'z'),
               .authors = {{"B. Two", ""}, {"C. Three", ""}, {"D. Four", ""}},
               .topics = {"cs.IR"},
               .arxiv_id = "2101.00001v2",
               .source = "arxiv-daily"};
    Work profile{.id = "bzpeer:a-title", .title = "A Title (profile)", .abstract = std::string(250, 'z'), .authors = {{"A. One", ""}, {"c. three", ""}},
                 .topics = {"cs.IR", "cs.DL"}, .source = "bzpeer-profile"};
    Work oai{.id = "arxiv:2202.00002", .title = "Journal", .doi = "10.1/ABC", .arxiv_id = "2202.00002", .source = "arxiv-oai"};
    Work openalex{.id = "openalex:W9", .title = "Journal (OpenAlex)", .venue = "J", .doi = "10.1/abc", .source = "openalex"};
    Work beir1{.id = "scifact:1", .title = "One", .abstract = long_abstract, .source = "beir"};
    Work beir2{.id = "scifact:2", .title = "Two", .abstract = long_abstract, .source = "beir"};
    Work smart{.id = "cacm:5", .title = "Five", .abstract = long_abstract, .source = "smart"};

    auto m = merge_works({listing, daily, oai, openalex, beir1, beir2, smart});
    CHECK(m.merged == 3);
    REQUIRE(m.works.size() == 4);
    // Same arXiv id (the version suffix ignored): first non-empty field wins, in input order.
    CHECK(m.works[0] == Work{.id = "arxiv:2101.00001",
                             .title = "A Title",
                             .abstract = "Short.",
                             .authors = {{"B. Two", ""}, {"C. Three", ""}, {"D. Four", ""}},
                             .year = 2021,
                             .topics = {"cs.IR"},
                             .arxiv_id = "2101.00001",
                             .source = "arxiv-listing+arxiv-daily"});
    // Same DOI, whatever its case; the id stays arXiv.
    CHECK(m.works[1].id == "arxiv:2202.00002");
    CHECK(m.works[1].venue == "J");
    CHECK(m.works[1].source == "arxiv-oai+openalex");
    // Same abstract: two BEIR documents stay two (same source), the CACM one joins the first.
    CHECK(m.works[2].id == "scifact:1");
    CHECK(m.works[2].source == "beir+smart");
    CHECK(m.works[3].id == "scifact:2");

    // Same abstract across sources. Authors: the longest byline in its order, then the others' new names (by
    // author_key, so "c. three" is "C. Three").
    auto a = merge_works({profile, daily});
    REQUIRE(a.works.size() == 1);
    CHECK(a.works[0].authors == std::vector<Author>{{"B. Two", ""}, {"C. Three", ""}, {"D. Four", ""}, {"A. One", ""}});
    CHECK(a.works[0].topics == std::vector<std::string>{"cs.IR", "cs.DL"});
    CHECK(a.works[0].title == "A Title (profile)");
    CHECK(a.works[0].id == "arxiv:2101.00001");
}

TEST_CASE("merge: an abstract match never joins works with different arXiv ids") {
    const std::string long_abstract(250, 'y');
    Work a{.id = "arxiv:1", .abstract = long_abstract, .arxiv_id = "1", .source = "arxiv-listing"};
    Work b{.id = "arxiv:2", .abstract = long_abstract, .arxiv_id = "2", .source = "arxiv-daily"};
    Work short1{.id = "x:1", .abstract = "No abstract available.", .source = "beir"};
    Work short2{.id = "y:1", .abstract = "No abstract available.", .source = "smart"};
    auto m = merge_works({a, b, short1, short2});
    CHECK(m.merged == 0);
    CHECK(m.works.size() == 4);
}
