#include "import_harness.h"

using namespace harness;
using paperdex::importers::beir_doc_id;
using paperdex::importers::import;
using paperdex::importers::ImportOptions;

namespace {
const std::string scifact = data("scifact/corpus.jsonl.gz");
}

TEST_CASE("import beir: SciFact's 5,183 documents, ids prefixed by the collection (its directory name)") {
    auto r = import("beir", {scifact});
    check_accounting(r);
    CHECK(error_texts(r).empty());
    REQUIRE(r.works.size() == 5183);
    check_work(r.works[0],
               Work{.id = "scifact:4983",
                    .title = "Microstructural development of human newborn cerebral white matter assessed in vivo by "
                             "diffusion tensor magnetic resonance imaging.",
                    .source = "beir"},
               Abstract{"Alterations of the architecture of cerebral white matter in the developing human brain",
                        "insight into microstructural development in cerebral white matter in living infants.", 1809});
    CHECK(r.works[1].id == "scifact:5836");
    CHECK(beir_doc_id(r.works[0].id) == "4983");
    CHECK(beir_doc_id("no-prefix") == "no-prefix");
}

TEST_CASE("import beir: --collection overrides the prefix") {
    ImportOptions opt;
    opt.collection = "beir-scifact";
    auto r = import("beir", {scifact}, opt);
    REQUIRE(!r.works.empty());
    CHECK(r.works[0].id == "beir-scifact:4983");
    CHECK(beir_doc_id(r.works[0].id) == "4983");
}

TEST_CASE("import beir: a line without _id or that is not JSON is reported, the rest imported") {
    // Handmade: SciFact itself is clean.
    TempDir dir;
    auto file = dir.write("mini/corpus.jsonl", "{\"_id\": \"1\", \"title\": \"T\", \"text\": \"A  b\\nc\"}\n{\"title\": \"x\"}\n[1,\n");
    auto r = import("beir", {file});
    check_accounting(r);
    CHECK(ids(r) == std::vector<std::string>{"mini:1"});
    CHECK(r.works[0].abstract == "A b c");
    CHECK(error_texts(r) == std::vector<std::string>{
                                file + ":2: missing \"_id\"",
                                file + ":3: invalid JSON: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal",
                            });
}
