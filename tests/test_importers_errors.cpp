// What the importers' public headers promise about errors (importers.h, merge.h): an unknown format is the only
// thing that throws, and it throws paperdex's InvalidArgument; every problem with the inputs is a reported error,
// never an exception. The format-by-format behaviour lives in test_import_*.cpp.
#include "import_harness.h"

#include "paperdex/error.h"
#include "paperdex/importers/merge.h"

using namespace harness;
namespace importers = paperdex::importers;

TEST_CASE("importers errors: format() and import() throw InvalidArgument for an unknown format, before reading") {
    CHECK_THROWS_AS(importers::format("pubmed"), paperdex::InvalidArgument);
    // The path does not exist either: the name is checked first, so the error is about the format.
    CHECK_THROWS_AS(importers::import("pubmed", {"/no/such/file"}), paperdex::InvalidArgument);
}

TEST_CASE("importers errors: every format reports a missing input as an error and does not throw") {
    TempDir dir;
    const std::string missing = (dir.path / "missing.txt").string();
    for (const auto& f : importers::formats()) {
        CAPTURE(f.name);
        ImportResult r;
        CHECK_NOTHROW(r = importers::import(f.name, {missing}));
        CHECK(r.works.empty());
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].file() == missing);
        check_accounting(r);
    }
}

TEST_CASE("importers errors: a profile page whose item count does not fit a number is a reported mismatch") {
    // Handmade: the real pages have small counts; this one would overflow std::stoul.
    TempDir dir;
    const auto page = dir.write("huge.txt",
                                "Researcher profile\nKim Hazelwood\nPublished work\n"
                                "123456789012345678901234567890 published items\n"
                                "preprint2022arXiv\nA title\nAn abstract.\n");
    ImportResult r;
    CHECK_NOTHROW(r = importers::import("bzpeer-profile", {page}));
    CHECK(ids(r) == std::vector<std::string>{"bzpeer:a-title"});
    CHECK(error_texts(r) ==
          std::vector<std::string>{page + ":4: the page says 123456789012345678901234567890 published items, 1 were found"});
    check_accounting(r);
    // Leading zeros are the same count, not a mismatch.
    const auto padded = dir.write("padded.txt",
                                  "Researcher profile\nKim Hazelwood\nPublished work\n01 published item\n"
                                  "preprint2022arXiv\nA title\nAn abstract.\n");
    CHECK(importers::import("bzpeer-profile", {padded}).errors.empty());
}

TEST_CASE("importers errors: merge_works and latex_to_unicode never throw, even on odd input") {
    CHECK_NOTHROW(paperdex::merge_works({}));
    CHECK_NOTHROW(paperdex::merge_works({Work{}, Work{}}));
    for (const char* odd : {"\\'{", "\\v", "{", "}", "\\", "\\c{"}) CHECK_NOTHROW(importers::latex_to_unicode(odd));
    CHECK(importers::beir_doc_id("") == "");
}
