#include "import_harness.h"

using namespace harness;
using paperdex::importers::import;

namespace {
const std::string sample = data("openalex-sample/sample_works.json.gz");
}

TEST_CASE("import openalex: 100 works, abstracts rebuilt from the inverted index") {
    auto r = import("openalex", {sample});
    check_accounting(r);
    CHECK(error_texts(r).empty());
    REQUIRE(r.works.size() == 100);
    std::size_t with_abstract = 0, with_arxiv = 0;
    for (const auto& w : r.works) {
        with_abstract += !w.abstract.empty();
        with_arxiv += !w.arxiv_id.empty();
    }
    CHECK(with_abstract == 76);
    CHECK(with_arxiv == 11);
    check_work(find(r, "openalex:W2781738013"),
               Work{.id = "openalex:W2781738013",
                    .title = "Quantum Computing in the NISQ era and beyond",
                    .abstract = "Noisy Intermediate-Scale Quantum (NISQ) technology will be available in the near future. "
                                "Quantum computers with 50-100 qubits may be able to perform tasks which surpass the "
                                "capabilities of today's classical digital computers, but noise in quantum gates will limit "
                                "the size of quantum circuits that can be executed reliably. NISQ devices will be useful "
                                "tools for exploring many-body quantum physics, and may have other useful applications, but "
                                "the 100-qubit quantum computer will not change the world right away - we should regard it "
                                "as a significant step toward the more powerful quantum technologies of the future. Quantum "
                                "technologists should continue to strive for more accurate quantum gates and, eventually, "
                                "fully fault-tolerant quantum computing.",
                    .authors = {{"John Preskill", "openalex:A5061874000"}},
                    .year = 2018,
                    .date = "2018-08-06",
                    .venue = "Quantum",
                    .type = "article",
                    .topics = {"Quantum Computing Algorithms and Architecture", "Quantum Information and Cryptography",
                               "Quantum and electron transport phenomena"},
                    .doi = "10.22331/q-2018-08-06-79",
                    .arxiv_id = "1801.00862",
                    .url = "https://doi.org/10.22331/q-2018-08-06-79",
                    .source = "openalex"});
    // No authorships and no abstract-bearing author list: venue still from primary_location.source.
    check_work(r.works[0],
               Work{.id = "openalex:W1898014694",
                    .title = "The Cognitive neurosciences",
                    .year = 2005,
                    .date = "2005-09-01",
                    .venue = "Choice Reviews Online",
                    .type = "article",
                    .topics = {"Neuroscience, Education and Cognitive Function"},
                    .doi = "10.5860/choice.43-0626",
                    .url = "https://doi.org/10.5860/choice.43-0626",
                    .source = "openalex"},
               Abstract{"Each edition of this classic reference has proved to be a benchmark in the",
                        "attempt to make the problem of qualia more tractable.", 1615});
    const auto& power = find(r, "openalex:W2105824687");
    CHECK(power.authors.size() == 7);
    CHECK(power.authors.back() == Author{"Marcus R. Munafò", "openalex:A5006758334"});
    CHECK(power.venue == "Nature reviews. Neuroscience");
}

TEST_CASE("import openalex: a broken record is named by its position, the rest imported") {
    // Handmade: the real sample is clean. The array is one line, so records are named by position and id.
    TempDir dir;
    auto file = dir.write("works.json",
                          R"([{"id": "https://openalex.org/W1", "title": "Fine", "abstract_inverted_index": {"b": [1], "a": [0]}},)"
                          R"( {"id": "https://openalex.org/W2", "title": "Bad index", "abstract_inverted_index": {"a": ["x"]}},)"
                          R"( {"title": "No id"}, {"id": "https://openalex.org/W4"}])");
    auto r = import("openalex", {file});
    check_accounting(r);
    CHECK(ids(r) == std::vector<std::string>{"openalex:W1"});
    CHECK(r.works[0].abstract == "a b");
    CHECK(error_texts(r) == std::vector<std::string>{
                                file + ": record 2 (W2): \"abstract_inverted_index\" positions must be integers, got \"x\"",
                                file + ": record 3: missing \"id\"",
                                file + ": record 4 (W4): missing \"title\"",
                            });
    auto not_array = dir.write("one.json", "{}");
    CHECK(error_texts(import("openalex", {not_array})) ==
          std::vector<std::string>{not_array + ": expected a JSON array of OpenAlex works"});
}
