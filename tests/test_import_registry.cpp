#include "import_harness.h"

using namespace harness;
using paperdex::InvalidArgument;
namespace importers = paperdex::importers;

TEST_CASE("import registry: every format by its name, in a fixed order") {
    std::vector<std::string> names;
    for (const auto& f : importers::formats()) {
        names.push_back(f.name);
        CHECK(!f.help.empty());
        CHECK(&importers::format(f.name) == &f);
    }
    CHECK(names == std::vector<std::string>{"bzpeer-profile", "arxiv-listing", "arxiv-daily", "arxiv-oai", "openalex",
                                            "beir", "smart", "corpus"});
}

TEST_CASE("import registry: an unknown format names the known ones") {
    CHECK_THROWS_WITH_AS(importers::format("pubmed"),
                         "unknown format \"pubmed\"; known: bzpeer-profile, arxiv-listing, arxiv-daily, arxiv-oai, "
                         "openalex, beir, smart, corpus",
                         InvalidArgument);
    try {
        importers::import("pubmed", {});
    } catch (const InvalidArgument& e) {
        CHECK(e.parameter() == "--format");
    }
}

TEST_CASE("import registry: the corpus format reads a canonical corpus back, errors by line") {
    // Handmade: one good line and one that is not a Work, to show both paths of the canonical reader.
    TempDir dir;
    auto file = dir.write("c.jsonl", "{\"id\":\"cacm:1\",\"title\":\"One\",\"source\":\"smart\"}\n{\"id\":\"cacm:2\"}\n");
    auto r = importers::import("corpus", {file});
    check_accounting(r);
    CHECK(ids(r) == std::vector<std::string>{"cacm:1"});
    CHECK(error_texts(r) == std::vector<std::string>{file + ":2: missing \"title\"; missing \"source\""});
}
