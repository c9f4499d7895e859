// eval: qrels/query/run formats on the real collections, metric definitions, and agreement with
// ../shared/peers/eval.py (the scorer every engine in tools/eval/compare.sh is judged by).
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <cmath>
#include <string>

#include <nlohmann/json.hpp>

#include "paperdex/error.h"
#include "paperdex/eval/eval.h"
#include "paperdex/corpus/corpus.h"
#include "paperdex/importers/importers.h"
#include "paperdex/index/rebuild.h"
#include "paperdex/index/index_directory.h"
#include "paperdex/search/searcher.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using namespace paperdex;
using namespace paperdex::eval;

namespace {

const std::string kData = PAPERDEX_DATA_DIR;
const std::string kScifactTest = kData + "/scifact/qrels/test.tsv";
const std::string kCacmTrec = kData + "/cacm/cacm.qrels";
const std::string kCacmSmart = kData + "/cacm/qrels.text";

std::string write_file(const fs::path& path, const std::string& text) {
    std::ofstream(path) << text;
    return path.string();
}

// Runs ../shared/peers/eval.py and returns its JSON line.
nlohmann::json peer_eval(const std::string& qrels, const std::string& run) {
    const std::string cmd = "python3 " + std::string(PAPERDEX_DATA_DIR) + "/../peers/eval.py '" + qrels + "' '" + run + "'";
    std::unique_ptr<FILE, int (*)(FILE*)> p(popen(cmd.c_str(), "r"), &pclose);
    REQUIRE(p);
    std::string out;
    char buf[4096];
    while (std::fgets(buf, sizeof buf, p.get())) out += buf;
    return nlohmann::json::parse(out);
}

void check_agrees(const std::string& qrels_path, const std::string& run_path) {
    const nlohmann::json ours = evaluate(read_qrels(qrels_path), read_run(run_path));
    const nlohmann::json theirs = peer_eval(qrels_path, run_path);
    INFO("paperdex " << ours.dump() << " eval.py " << theirs.dump());
    for (const char* k : {"ndcg@10", "recall@100", "map@1000", "mrr@10"})
        CHECK(ours.at(k).get<double>() == theirs.at(k).get<double>());  // both rounded to 4 decimals
    CHECK(ours.at("queries") == theirs.at("queries"));
}

}  // namespace

TEST_CASE("eval: reads BEIR qrels (SciFact test and train)") {
    Qrels test = read_qrels(kScifactTest);
    CHECK(test.queries.size() == 300);
    CHECK(test.judgments() == 339);
    CHECK(test.queries[0].id == "1");
    CHECK(test.queries[0].relevant == std::map<std::string, int>{{"31715818", 1}});
    CHECK(test.queries[1].id == "3");
    Qrels train = read_qrels(kData + "/scifact/qrels/train.tsv", QrelsFormat::beir);
    CHECK(train.queries.size() == 809);
    CHECK(train.judgments() == 919);
    CHECK(train.queries[0].id == "0");
}

TEST_CASE("eval: reads CACM qrels in SMART and TREC layouts alike") {
    Qrels smart = read_qrels(kCacmSmart);
    Qrels trec = read_qrels(kCacmTrec);
    CHECK(smart.queries.size() == 52);
    CHECK(trec.queries.size() == 52);
    CHECK(smart.judgments() == 796);
    CHECK(trec.judgments() == 796);
    CHECK(smart.queries[0].id == "01");
    CHECK(smart.queries[0].relevant ==
          std::map<std::string, int>{{"1410", 1}, {"1572", 1}, {"1605", 1}, {"2020", 1}, {"2358", 1}});
    for (std::size_t i = 0; i < smart.queries.size(); ++i) {
        CHECK(smart.queries[i].id == trec.queries[i].id);
        CHECK(smart.queries[i].relevant == trec.queries[i].relevant);
    }
    SUBCASE("query ids match with or without leading zeros") {
        REQUIRE(smart.find("1") != nullptr);
        CHECK(smart.find("1")->id == "01");
        CHECK(smart.find("001") == smart.find("01"));
        CHECK(smart.find("34") == nullptr);  // query 34 has no judgments
        CHECK(query_key("0") == "0");
        CHECK(query_key("00") == "0");
        CHECK(query_key("q01") == "q01");
    }
}

TEST_CASE("eval: qrels errors name the file and line") {
    const testing::TempDir tmp("eval-qrels-errors");
    const auto& dir = tmp.path;
    // Handmade: the real files are well-formed, so the error paths need small broken copies.
    auto bad_cols = write_file(dir / "cols.tsv", "query-id\tcorpus-id\tscore\n1\t31715818\t1\n3\t14717500\n");
    CHECK_THROWS_WITH_AS(read_qrels(bad_cols), (bad_cols + ":3: expected 3 columns (query-id corpus-id score), got 2").c_str(),
                         CorpusError);
    auto bad_rel = write_file(dir / "rel.txt", "01 0 1410 1\n01 0 1572 yes\n");
    CHECK_THROWS_WITH_AS(read_qrels(bad_rel), (bad_rel + ":2: relevance must be a number, got \"yes\"").c_str(),
                         CorpusError);
    CHECK_THROWS_AS(read_qrels((dir / "absent.tsv").string()), CorpusError);
    fs::remove_all(dir);
}

TEST_CASE("eval: reads SMART query.text") {
    auto queries = read_queries(kData + "/cacm/query.text");
    REQUIRE(queries.size() == 64);
    CHECK(queries[0].id == "1");
    CHECK(queries[0].text ==
          "What articles exist which deal with TSS (Time Sharing System), an operating system for IBM computers?");
    // .A (the authors the user names) is not part of the query text; only .W is.
    CHECK(queries[1].text == "I am interested in articles written either by Prieve or Udo Pooch");
    CHECK(queries[63].id == "64");
    CHECK(queries[63].text == "List all articles on EL1 and ECL (EL1 may be given as EL/1; I don't remember how they did it.");
}

TEST_CASE("eval: reads BEIR queries.jsonl") {
    auto queries = read_queries(kData + "/scifact/queries.jsonl");
    REQUIRE(queries.size() == 1109);
    CHECK(queries[0].id == "0");
    CHECK(queries[0].text == "0-dimensional biomaterials lack inductive properties.");
    CHECK(queries[1].id == "2");
    CHECK(queries[1].text == "1 in 5 million in UK have abnormal PrP positivity.");
}

TEST_CASE("eval: query file errors name the place") {
    const testing::TempDir tmp("eval-query-errors");
    const auto& dir = tmp.path;
    auto bad = write_file(dir / "q.jsonl", "{\"_id\": \"0\", \"text\": \"ok\"}\n{\"_id\": \"1\"}\n");
    CHECK_THROWS_WITH_AS(read_queries(bad), (bad + ":2: a query needs \"_id\" and \"text\"").c_str(), CorpusError);
    auto smart = write_file(dir / "query.text", ".W\n text before an id\n");
    CHECK_THROWS_WITH_AS(read_queries(smart), (smart + ":1: unknown query file layout: expected BEIR JSON lines ('{') or SMART (.I), got \".W\"").c_str(),
                         CorpusError);
    fs::remove_all(dir);
}

TEST_CASE("eval: metrics of single rankings on real qrels") {
    Qrels cacm = read_qrels(kCacmTrec);
    const QueryJudgments& q1 = *cacm.find("1");  // relevant: 1410 1572 1605 2020 2358

    SUBCASE("perfect ranking") {
        Metrics m = evaluate_query(q1, {"1410", "1572", "1605", "2020", "2358"});
        CHECK(m.ndcg_at_10 == doctest::Approx(1.0));
        CHECK(m.recall_at_100 == doctest::Approx(1.0));
        CHECK(m.map == doctest::Approx(1.0));
        CHECK(m.mrr_at_10 == doctest::Approx(1.0));
    }
    SUBCASE("first relevant at rank 2, two of five found") {
        Metrics m = evaluate_query(q1, {"1", "1410", "2", "1572"});
        // eval.py on this query and run: ndcg@10 0.3601, map@1000 0.2; 0.360055 to 6 places by hand.
        CHECK(m.ndcg_at_10 == doctest::Approx(0.360055).epsilon(1e-5));
        CHECK(m.recall_at_100 == doctest::Approx(0.4));
        CHECK(m.map == doctest::Approx(0.2));
        CHECK(m.mrr_at_10 == doctest::Approx(0.5));
    }
    SUBCASE("relevant documents past the cuts count only where their cut reaches") {
        std::vector<std::string> ranked;
        for (int i = 0; i < 150; ++i) ranked.push_back("x" + std::to_string(i));
        ranked[10] = "1410";   // rank 11: outside nDCG@10 and MRR@10, inside recall@100 and MAP
        ranked[120] = "1572";  // rank 121: MAP only
        Metrics m = evaluate_query(q1, ranked);
        CHECK(m.ndcg_at_10 == 0);
        CHECK(m.mrr_at_10 == 0);
        CHECK(m.recall_at_100 == doctest::Approx(0.2));
        CHECK(m.map == doctest::Approx((1.0 / 11 + 2.0 / 121) / 5));
    }
    SUBCASE("a judged query without results counts as zero in the mean") {
        Run run{{"01", {"1410", "1572", "1605", "2020", "2358"}}};
        Metrics m = evaluate(cacm, run);
        CHECK(m.queries == 52);
        CHECK(m.ndcg_at_10 == doctest::Approx(1.0 / 52));
        CHECK(m.map == doctest::Approx(1.0 / 52));
        // The run may spell the id without the leading zero (as query.text does).
        CHECK(evaluate(cacm, Run{{"1", run["01"]}}).map == doctest::Approx(1.0 / 52));
    }
    SUBCASE("a query without relevant documents cannot be scored") {
        CHECK_THROWS_WITH_AS(evaluate_query(QueryJudgments{"7", {}}, {"1"}), "query \"7\" has no relevant document",
                             InvalidArgument);
    }
}

TEST_CASE("eval: graded gains as pytrec_eval ndcg_cut") {
    // Handmade: SciFact and CACM judge with relevance 1 only, so graded gains need their own qrels.
    const testing::TempDir tmp("eval-graded");
    const auto& dir = tmp.path;
    auto qrels_path = write_file(dir / "qrels.txt", "q1 0 a 3\nq1 0 b 1\nq1 0 c 2\nq1 0 d 0\nq2 0 e 0\n");
    Qrels qrels = read_qrels(qrels_path);
    REQUIRE(qrels.queries.size() == 1);  // q2 has only a 0 judgment: not evaluated, as in eval.py
    Metrics m = evaluate_query(qrels.queries[0], {"d", "b", "a", "c"});
    // eval.py: ndcg@10 0.6284; 0.628385 to 6 places by hand.
    CHECK(m.ndcg_at_10 == doctest::Approx(0.628385).epsilon(1e-5));
    CHECK(m.mrr_at_10 == doctest::Approx(0.5));
    auto run_path = (dir / "run.trec").string();
    write_run(run_path, {{"q1", {{"d", 4}, {"b", 3}, {"a", 2}, {"c", 1}}}}, "test");
    check_agrees(qrels_path, run_path);
    fs::remove_all(dir);
}

TEST_CASE("eval: run files sort and deduplicate as trec_eval does") {
    const testing::TempDir tmp("eval-run");
    const auto& dir = tmp.path;
    // Handmade: ties and repeats do not occur in paperdex's own runs but do in other engines' files.
    auto path = write_file(dir / "run.trec",
                           "01 Q0 b 2 5.0 t\n"
                           "01 Q0 a 1 5.0 t\n"
                           "01 Q0 c 3 7.5 t\n"
                           "01 Q0 a 4 1.0 t\n"
                           "short line\n"
                           "02 Q0 z 1 1.0 t\n"
                           "02 Q0 y 1 1.0 t\n");
    Run run = read_run(path);
    CHECK(run["01"] == std::vector<std::string>{"c", "a", "b"});
    CHECK(run["02"] == std::vector<std::string>{"z", "y"});  // same score and rank: doc id descending
    auto bad = write_file(dir / "bad.trec", "01 Q0 a one 1.0 t\n");
    CHECK_THROWS_WITH_AS(read_run(bad), (bad + ":1: rank must be a number, got \"one\"").c_str(), CorpusError);
    fs::remove_all(dir);
}

TEST_CASE("eval: agrees with eval.py to 4 decimals on a shuffled SciFact run") {
    // A run with relevant documents scattered at known-random depths (fixed seed), across every cut.
    const testing::TempDir tmp("eval-agree");
    const auto& dir = tmp.path;
    Qrels qrels = read_qrels(kScifactTest);
    std::mt19937 rng(20201);
    std::map<std::string, std::vector<ScoredDoc>> results;
    std::size_t qi = 0;
    for (const auto& q : qrels.queries) {
        if (qi++ % 7 == 3) continue;  // some judged queries without results
        std::vector<std::string> docs;
        for (int i = 0; i < 1000; ++i) docs.push_back("n" + std::to_string(rng() % 100000));
        for (const auto& [doc, rel] : q.relevant) docs[rng() % (rng() % 2 ? 20 : 1000)] = doc;
        auto& out = results[q.id];
        for (std::size_t i = 0; i < docs.size(); ++i) out.push_back({docs[i], 1000.0 - static_cast<double>(i)});
    }
    auto run_path = (dir / "run.trec").string();
    write_run(run_path, results, "shuffled");
    check_agrees(kScifactTest, run_path);
    fs::remove_all(dir);
}

TEST_CASE("eval: agrees with eval.py on the run paperdex's search makes on CACM") {
    // The real path: SMART importer -> corpus -> rebuild() -> Searcher::search for each judged query.
    const testing::TempDir tmp("eval-cacm");
    const auto& dir = tmp.path;
    auto imported = importers::import("smart", {kData + "/cacm/cacm.all.gz"});
    REQUIRE(imported.works.size() == 3204);
    {
        CorpusWriter w((dir / "cacm.jsonl").string());
        for (const auto& work : imported.works) w.write(work);
        w.close();
    }
    RebuildOptions ro;
    ro.corpus_paths = {(dir / "cacm.jsonl").string()};
    ro.index_dir = (dir / "index").string();
    REQUIRE(rebuild(ro).works == 3204);
    Searcher searcher(open_index(ro.index_dir));

    Qrels qrels = read_qrels(kCacmSmart);
    SearchRun sr = run_search(searcher, read_queries(kData + "/cacm/query.text"), qrels);
    CHECK(sr.asked == 52);
    CHECK(sr.missing == 0);
    CHECK(sr.latency_ms.size() == 52);
    REQUIRE(sr.results.count("01"));                 // keyed as the qrels spell the query
    CHECK(sr.results.at("01").size() == 1000);
    CHECK(sr.results.at("01")[0].doc_id.find(':') == std::string::npos);  // "1410", not "cacm:1410"

    auto run_path = (dir / "run.trec").string();
    write_run(run_path, sr.results, "paperdex");
    // eval.py reads the TREC qrels (it takes SMART's "0 0" columns for a relevance of 0); ours reads either.
    check_agrees(kCacmTrec, run_path);
    CHECK(evaluate(qrels, to_run(sr)).map == evaluate(read_qrels(kCacmTrec), read_run(run_path)).map);

    // The ranking knobs as docs/relevance.md measured them on this collection (all 52 judged queries; query 33,
    // with a stray quote, searched by its plain words).
    const auto queries = read_queries(kData + "/cacm/query.text");
    auto map_with = [&](const RankingOptions& r) {
        Searcher s(open_index(ro.index_dir), r);
        const nlohmann::json j = evaluate(qrels, to_run(run_search(s, queries, qrels)));
        return j.at("map@1000").get<double>();
    };
    CHECK(map_with(RankingOptions{}) == 0.3291);  // defaults: k1 1.2, b 0.6, stopwords, every word
    RankingOptions rarest;  // the rows below were measured with pasted text on its 15 rarest words
    rarest.elite_terms = 15;
    CHECK(map_with(rarest) == 0.3292);
    RankingOptions old = rarest;
    old.k1 = 0.9;
    old.b = 0.4;
    old.stopwords = false;
    CHECK(map_with(old) == 0.3201);
    RankingOptions prf = rarest;
    prf.prf_docs = 5;
    prf.prf_terms = 10;
    prf.prf_weight = 0.3;
    CHECK(map_with(prf) == 0.3372);

    SearchRunOptions bad;
    bad.depth = 0;
    CHECK_THROWS_WITH_AS(run_search(searcher, {}, qrels, bad), "depth must be 1..1000, got 0", InvalidArgument);
    fs::remove_all(dir);
}

TEST_CASE("eval: median as the peers compute p50") {
    CHECK(median_ms({}) == 0);
    CHECK(median_ms({3.0}) == 3.0);
    CHECK(median_ms({4.0, 1.0, 3.0, 2.0}) == 3.0);  // sorted[int(0.5 * 4)]
    CHECK(median_ms({5.0, 1.0, 3.0}) == 3.0);
}
