#include "import_harness.h"

using namespace harness;
using paperdex::importers::import;

namespace {
const std::string day_0331 = data("arxiv-daily/2025-03-31.jsonl.gz");  // 204 listings
const std::string day_0801 = data("arxiv-daily/2025-08-01.jsonl.gz");  // 254 listings

const Work oaei_llm_t_revised{
    .id = "arxiv:2503.21813",
    .title = "OAEI-LLM-T: A TBox Benchmark Dataset for Understanding Large Language Model Hallucinations in Ontology Matching",
    .abstract = "Hallucinations are often inevitable in downstream tasks using large language models (LLMs). To tackle "
                "the substantial challenge of addressing hallucinations for LLM-based ontology matching (OM) systems, we "
                "introduce a new benchmark dataset OAEI-LLM-T. The dataset evolves from seven TBox datasets in the "
                "Ontology Alignment Evaluation Initiative (OAEI), capturing hallucinations of ten different LLMs "
                "performing OM tasks. These OM-specific hallucinations are organised into two primary categories and six "
                "sub-categories. We showcase the usefulness of the dataset in constructing an LLM leaderboard for OM tasks "
                "and for fine-tuning LLMs used in OM tasks.",
    .authors = {{"Zhangcheng Qiang", ""}, {"Kerry Taylor", ""}, {"Weiqing Wang", ""}, {"Jing Jiang", ""}},
    .year = 2025,
    .date = "2025-08-01",
    .venue = "arXiv",
    .type = "preprint",
    .topics = {"cs.CL", "cs.AI", "cs.IR"},
    .arxiv_id = "2503.21813",
    .url = "https://arxiv.org/abs/2503.21813",
    .source = "arxiv-daily"};
}  // namespace

TEST_CASE("import arxiv-daily: a work listed on two days is one work, the latest listing whole") {
    // 2503.21813 was listed on 2025-03-31 (1 author, "...in Ontology Matching Systems") and again, revised,
    // on 2025-08-01 (4 authors, new title and abstract). 458 listings hold 390 distinct works.
    auto r = import("arxiv-daily", {day_0331, day_0801});
    check_accounting(r);
    CHECK(error_texts(r).empty());
    CHECK(r.read == 458);
    CHECK(r.works.size() == 390);
    CHECK(r.folded == 68);
    check_work(find(r, "arxiv:2503.21813"), oaei_llm_t_revised);
    // It keeps the place of its first listing.
    CHECK(r.works[3].id == "arxiv:2503.21813");
    CHECK(r.works.front().id == "arxiv:2503.21800");
    CHECK(r.works.back().id == "arxiv:2507.23785");

    check_work(r.works.front(),
               Work{.id = "arxiv:2503.21800",
                    .title = "ELM: Ensemble of Language Models for Predicting Tumor Group from Pathology Reports",
                    .authors = {{"Lovedeep Gondara", ""}, {"Jonathan Simkin", ""}, {"Shebnum Devji", ""},
                                {"Gregory Arbour", ""}, {"Raymond Ng", ""}},
                    .year = 2025,
                    .date = "2025-03-31",
                    .venue = "arXiv",
                    .type = "preprint",
                    .topics = {"cs.CL", "cs.AI", "cs.LG"},
                    .arxiv_id = "2503.21800",
                    .url = "https://arxiv.org/abs/2503.21800",
                    .source = "arxiv-daily"},
               Abstract{"Population-based cancer registries (PBCRs) face a significant bottleneck in manually extracting",
                        "saving hundreds of person-hours annually.", 1182});
}

TEST_CASE("import arxiv-daily: the latest listing wins by date, whatever the order of the inputs") {
    auto r = import("arxiv-daily", {day_0801, day_0331});
    CHECK(r.works.size() == 390);
    check_work(find(r, "arxiv:2503.21813"), oaei_llm_t_revised);
}

TEST_CASE("import arxiv-daily: a broken line is reported by file:line and the rest imported") {
    // Handmade: the real listings parse cleanly, so damage is made up here (a truncated line, a work without id,
    // authors of the wrong type, and a file whose name is not a date).
    TempDir dir;
    auto day = dir.write("2025-01-02.jsonl",
                         R"({"id": "2501.00001", "authors": ["A. Author"], "title": "One", "categories": ["cs.IR"], "summary": "First."})"
                         "\n"
                         R"({"id": "2501.00002", "title": "Two", "summ)"
                         "\n"
                         R"({"title": "Three", "summary": "No id."})"
                         "\n"
                         R"({"id": "2501.00004", "authors": "B. Author", "title": "Four", "summary": "Bad authors."})"
                         "\n"
                         R"({"id": "2501.00005", "authors": [], "title": "Five", "categories": ["cs.CL", "68T50, 68T07"], "summary": "Fine."})"
                         "\n");
    auto undated = dir.write("latest.jsonl", "{}\n");
    auto r = import("arxiv-daily", {day, undated});
    check_accounting(r);
    CHECK(error_texts(r) == std::vector<std::string>{
                                undated + ": file name must be the listing date, YYYY-MM-DD.jsonl[.gz]",
                                day + ":2: invalid JSON: syntax error while parsing object key - invalid string: missing closing quote; last read: '\"summ'; expected string literal",
                                day + ":3: missing \"id\"",
                                day + ":4: \"authors\" must be an array of strings, got \"B. Author\"",
                            });
    CHECK(ids(r) == std::vector<std::string>{"arxiv:2501.00001", "arxiv:2501.00005"});
    CHECK(r.works[1].topics == std::vector<std::string>{"cs.CL", "68T50", "68T07"});
}

TEST_CASE("import arxiv-daily: a NUL byte or a line over 16 MiB is that line's error, and the next line is imported") {
    // Handmade: a raw NUL inside line 2's title, and a 17 MiB summary on line 4.
    TempDir dir;
    using namespace std::string_literals;  // ""s keeps the NUL that a plain literal would end at
    auto day = dir.write("2025-01-02.jsonl",
                         R"({"id": "2501.00001", "title": "One", "summary": "First."})"
                         "\n"
                         "{\"id\": \"2501.00002\", \"title\": \"T\0wo\", \"summary\": \"Second.\"}\n"s
                         R"({"id": "2501.00003", "title": "Three", "summary": "Third."})"
                         "\n"
                         R"({"id": "2501.00004", "title": "Four", "summary": ")" + std::string(17u << 20, 'a') + "\"}\n" +
                         R"({"id": "2501.00005", "title": "Five", "summary": "Fifth."})"
                         "\n");
    auto r = import("arxiv-daily", {day});
    check_accounting(r);
    CHECK(ids(r) == std::vector<std::string>{"arxiv:2501.00001", "arxiv:2501.00003", "arxiv:2501.00005"});
    REQUIRE(r.errors.size() == 2);
    CHECK(r.errors[0].line() == 2);
    CHECK(r.errors[0].reason().rfind("invalid JSON: ", 0) == 0);
    CHECK(std::string(r.errors[1].what()) == day + ":4: line longer than 16 MiB");
}

TEST_CASE("import arxiv-daily: a byline run together by lost separators is split into its names") {
    // Real: on 2025-06-04 (line 301) the NTIRE 2025 challenge report 2506.02197 lists, as its 4th "author",
    // 36 names glued by "and" in one 512-byte string. Its other three authors are normal.
    auto r = import("arxiv-daily", {data("arxiv-daily/2025-06-04.jsonl.gz")});
    CHECK(r.errors.empty());
    const auto& w = find(r, "arxiv:2506.02197");
    REQUIRE(w.authors.size() == 39);
    CHECK(w.authors[0] == Author{"Marcos V. Conde", ""});
    CHECK(w.authors[3] == Author{"Xiangyu Kong", ""});
    CHECK(w.authors[4] == Author{"Xiaoxia Xing", ""});
    CHECK(w.authors[20] == Author{"Zheng-Jun Zha", ""});
    CHECK(w.authors[38] == Author{"Watchara Ruangsang", ""});
    std::size_t longest = 0;
    for (const auto& wk : r.works)
        for (const auto& a : wk.authors) longest = std::max(longest, a.name.size());
    CHECK(longest < 60);
}
