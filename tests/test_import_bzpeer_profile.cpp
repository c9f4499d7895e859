#include "import_harness.h"

using namespace harness;
using paperdex::importers::import;

TEST_CASE("import bzpeer-profile: Kim Hazelwood's page gives her 7 works in page order") {
    auto r = import("bzpeer-profile", {seed("000_c4bb1e9c50d886aa.txt")});
    check_accounting(r);
    CHECK(error_texts(r).empty());
    CHECK(r.read == 7);
    CHECK(ids(r) == std::vector<std::string>{
                        "bzpeer:benchpress-a-deep-active-benchmark-generator",
                        "bzpeer:caviar-an-e-graph-based-trs-for-automatic-code-optimization",
                        "bzpeer:sustainable-ai-environmental-implications-challenges-and-opportunities",
                        "bzpeer:exploiting-parallelism-opportunities-with-deep-learning-frameworks",
                        "bzpeer:mlperf-training-benchmark",
                        "bzpeer:the-architectural-implications-of-facebook-s-dnn-based-personalized-recommendation",
                        "bzpeer:recnmp-accelerating-personalized-recommendation-with-near-memory-processing",
                    });
    check_work(r.works[0],
               Work{.id = "bzpeer:benchpress-a-deep-active-benchmark-generator",
                    .title = "BenchPress: A Deep Active Benchmark Generator",
                    .authors = {{"Kim Hazelwood", ""}},
                    .year = 2022,
                    .venue = "arXiv",
                    .type = "preprint",
                    .source = "bzpeer-profile"},
               Abstract{"We develop BenchPress, the first ML benchmark generator for compilers ",
                        "which are significantly larger and more feature diverse.", 1343});
    check_work(r.works[6],
               Work{.id = "bzpeer:recnmp-accelerating-personalized-recommendation-with-near-memory-processing",
                    .title = "RecNMP: Accelerating Personalized Recommendation with Near-Memory Processing",
                    .authors = {{"Kim Hazelwood", ""}},
                    .year = 2019,
                    .venue = "arXiv",
                    .type = "preprint",
                    .source = "bzpeer-profile"},
               Abstract{"Personalized recommendation systems leverage deep learning models",
                        "RecNMP offers 4.2x throughput improvement and 45.8% memory energy savings.", 1244});
}

TEST_CASE("import bzpeer-profile: Milad Hashemi's page gives his 6 works; both pages in one run give 13") {
    auto r = import("bzpeer-profile", {seed("002_f8f9f6df25163b99.txt")});
    check_accounting(r);
    CHECK(error_texts(r).empty());
    REQUIRE(r.works.size() == 6);
    check_work(r.works[3],
               Work{.id = "bzpeer:apollo-transferable-architecture-exploration",
                    .title = "Apollo: Transferable Architecture Exploration",
                    .authors = {{"Milad Hashemi", ""}},
                    .year = 2021,
                    .venue = "arXiv",
                    .type = "preprint",
                    .source = "bzpeer-profile"},
               Abstract{"The looming end of Moore's Law and ascending use of deep learning",
                        "a promising path forward to facilitate generating higher quality accelerators.", 1449});

    auto both = import("bzpeer-profile", {seed("000_c4bb1e9c50d886aa.txt"), seed("002_f8f9f6df25163b99.txt")});
    CHECK(both.works.size() == 13);
    CHECK(both.errors.empty());
}

TEST_CASE("import bzpeer-profile: a work without a title and a wrong item count are reported by line") {
    // Handmade: the real pages are well formed, so the two ways a page can be damaged are made up here.
    TempDir dir;
    auto page = dir.write("page.txt",
                          "Researcher profile\n\nAda Lovelace\n\nPublished work\n\n3 published item(s)\n\n"
                          "article1843Taylor's Scientific Memoirs\n\nSketch of the Analytical Engine\n\nNotes on Menabrea.\n\n"
                          "preprint2024arXiv\n");
    auto r = import("bzpeer-profile", {page});
    check_accounting(r);
    CHECK(error_texts(r) == std::vector<std::string>{
                                page + ":15: work \"preprint2024arXiv\" has no title line",
                                page + ":7: the page says 3 published items, 2 were found",
                            });
    REQUIRE(r.works.size() == 1);
    check_work(r.works[0], Work{.id = "bzpeer:sketch-of-the-analytical-engine",
                                .title = "Sketch of the Analytical Engine",
                                .abstract = "Notes on Menabrea.",
                                .authors = {{"Ada Lovelace", ""}},
                                .year = 1843,
                                .venue = "Taylor's Scientific Memoirs",
                                .type = "article",
                                .source = "bzpeer-profile"});

    auto not_a_page = dir.write("other.txt", "Hello\n");
    auto empty_dir = (dir.path / "empty").string();
    std::filesystem::create_directories(empty_dir);
    auto r2 = import("bzpeer-profile", {not_a_page, (dir.path / "missing.txt").string(), empty_dir});
    check_accounting(r2);
    CHECK(error_texts(r2) == std::vector<std::string>{
                                 (dir.path / "missing.txt").string() + ": no such file or directory",
                                 empty_dir + ": no input files in this directory (*.txt)",
                                 not_a_page + ":1: not a profile page: expected \"Researcher profile\" on the first line",
                             });
}
