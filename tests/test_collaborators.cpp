// Collaborator suggestions over the default corpus, and their evaluation on a real slice of arXiv listings.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "index_fixture.h"
#include "paperdex/authors/collaborators.h"
#include "paperdex/corpus/corpus.h"
#include "paperdex/error.h"
#include "paperdex/eval/collaborators_eval.h"
#include "paperdex/importers/importers.h"

using namespace paperdex;

namespace {

Searcher& searcher() { return testing::default_searcher(); }
AuthorIndex& authors() { return testing::default_authors(); }

const Suggestion* find(const CollaboratorResponse& r, const std::string& key) {
    for (const auto& s : r.suggestions)
        if (s.key == key) return &s;
    return nullptr;
}

std::string daily(const char* day) { return std::string(PAPERDEX_DATA_DIR) + "/arxiv-daily/" + day + ".jsonl.gz"; }

}  // namespace

TEST_CASE("collaborators: never suggests the author or an existing co-author") {
    for (const char* key : {"jiawei han", "yang liu", "ji-rong wen"}) {
        CollaboratorOptions opt;
        opt.limit = 100;
        const auto r = suggest_collaborators(searcher(), authors(), key, opt);
        const AuthorRecord me = authors().get(key);
        CHECK(r.suggestions.size() == 100);
        for (const auto& s : r.suggestions) {
            CHECK(s.key != key);
            CHECK(std::none_of(me.coauthors.begin(), me.coauthors.end(), [&](const Coauthor& c) { return c.key == s.key; }));
        }
        // Best first.
        for (std::size_t i = 1; i < r.suggestions.size(); ++i) CHECK(r.suggestions[i - 1].score >= r.suggestions[i].score);
    }
}

TEST_CASE("collaborators: graph suggestions name the shared co-authors and their joint works") {
    const auto r = suggest_collaborators(searcher(), authors(), "jiawei han");
    const auto graph = std::find_if(r.suggestions.begin(), r.suggestions.end(), [](const Suggestion& x) { return x.graph > 0; });
    REQUIRE(graph != r.suggestions.end());
    const Suggestion& s = *graph;
    CHECK(s.adamic_adar > 0);
    REQUIRE(!s.shared_coauthors.empty());
    const AuthorRecord me = authors().get("jiawei han");
    for (const auto& z : s.shared_coauthors)
        CHECK(std::any_of(me.coauthors.begin(), me.coauthors.end(), [&](const Coauthor& c) { return c.key == z.key && c.name == z.name; }));
    REQUIRE(!s.connecting_works.empty());
    CHECK(s.connecting_works[0].via == "coauthor");
}

TEST_CASE("collaborators: a tie's strength counts each joint work by 1/sqrt(authors - 1)") {
    // Recomputed here from one real day of listings, pair by pair.
    const auto day = importers::import("arxiv-daily", {daily("2025-08-04")});
    AuthorGraph graph;
    std::map<std::pair<std::string, std::string>, double> expected;
    for (const auto& w : day.works) {
        graph.add(w);
        std::vector<std::string> keys;
        for (const auto& a : w.authors)
            if (auto k = author_key(a); !k.empty() && std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
        if (keys.size() < 2 || keys.size() > 100) continue;
        for (const auto& a : keys)
            for (const auto& b : keys)
                if (a != b) expected[{a, b}] += 1.0 / std::sqrt(double(keys.size() - 1));
    }
    std::size_t ties = 0;
    for (const auto& [key, r] : graph.records())
        for (const auto& c : r.coauthors) {
            ++ties;
            CHECK(c.strength == doctest::Approx(expected.at({key, c.key})));
        }
    CHECK(ties == expected.size());
}

TEST_CASE("collaborators: the graph part is Adamic-Adar over tie strengths, reasons ordered by share") {
    CollaboratorOptions opt;
    opt.reasons = false;
    const auto candidates = collaborator_candidates(searcher(), authors(), "jiawei han", opt);
    const AuthorRecord me = authors().get("jiawei han");
    std::size_t checked = 0;
    double best = 0;
    for (const auto& c : candidates) best = std::max(best, c.tie_adamic_adar);
    for (const auto& c : candidates) {
        if (c.via.empty()) continue;
        double sum = 0, last_share = 1e300;
        for (const auto& zkey : c.via) {
            const AuthorRecord z = authors().get(zkey);
            double sz = 0, zb = 0;
            for (const auto& y : z.coauthors) {
                sz += y.strength;
                if (y.key == c.key) zb = y.strength;
            }
            const auto az = std::find_if(me.coauthors.begin(), me.coauthors.end(), [&](const Coauthor& x) { return x.key == zkey; });
            REQUIRE(az != me.coauthors.end());
            const double share = az->strength * zb / std::sqrt(sz);
            CHECK(share <= last_share * (1 + 1e-12));
            last_share = share;
            sum += share;
        }
        CHECK(c.tie_adamic_adar == doctest::Approx(sum));
        CHECK(c.graph == doctest::Approx(c.tie_adamic_adar / best));
        CHECK(c.category >= 0);
        CHECK(c.category <= 1.0 + 1e-12);
        if (++checked == 50) break;
    }
    CHECK(checked == 50);
}

TEST_CASE("collaborators: the two seed researchers find each other through topics alone") {
    // Kim Hazelwood and Milad Hashemi share no work and no co-author (their profile pages list only them).
    const auto milad = suggest_collaborators(searcher(), authors(), "milad hashemi");
    const Suggestion* kim = find(milad, "kim hazelwood");
    REQUIRE(kim != nullptr);
    CHECK(kim->graph == 0);
    CHECK(kim->topic > 0);
    CHECK(kim->shared_coauthors.empty());
    CHECK(!kim->shared_terms.empty());
    CHECK(std::find(kim->shared_terms.begin(), kim->shared_terms.end(), "cache") != kim->shared_terms.end());
    REQUIRE(!kim->connecting_works.empty());
    CHECK(kim->connecting_works[0].via == "topic");
    CHECK(kim->name == "Kim Hazelwood");
    CHECK(kim->works_count == 7);

    const auto hazelwood = suggest_collaborators(searcher(), authors(), "kim hazelwood");
    const Suggestion* hashemi = find(hazelwood, "milad hashemi");
    REQUIRE(hashemi != nullptr);
    CHECK(hashemi->topic > 0);
    CHECK(!hashemi->shared_terms.empty());
}

TEST_CASE("collaborators: a candidate whose author key passes the 245-byte term limit still has its joint works") {
    // Handmade: an importer that cannot split an author list leaves one "name" of all of them, whose key is longer
    // than a Xapian term may be; the index holds it cut (schema::boolean_term), and a query must cut it alike.
    std::string long_name = "Quentin";
    while (long_name.size() <= 300) long_name += " Longfellow-Bartholomew";
    const std::string long_key = author_key(Author{long_name, {}});
    REQUIRE(long_key.size() > 245);
    const auto dir = testing::fresh_temp_dir("collab-long-key");
    {
        CorpusWriter out((dir / "works.jsonl").string());
        Work w;
        w.source = "test";
        w.id = "t:1";
        w.date = "2024-01-10";
        w.year = 2024;
        w.title = "Cache replacement for sparse tensors";
        w.abstract = "A cache replacement policy for sparse tensor kernels.";
        w.authors = {{"Ann Lee", ""}, {"Zed Roe", ""}};
        out.write(w);
        w.id = "t:2";
        w.date = "2024-03-05";
        w.title = "Prefetching sparse tensors";
        w.abstract = "Prefetching for sparse tensor kernels on accelerators.";
        w.authors = {{"Zed Roe", ""}, {long_name, ""}};
        out.write(w);
    }
    RebuildOptions ropt;
    ropt.corpus_paths = {(dir / "works.jsonl").string()};
    ropt.index_dir = (dir / "index").string();
    rebuild(ropt);
    const Searcher works(open_index(ropt.index_dir));
    const AuthorIndex people = AuthorIndex::open(ropt.index_dir);

    const CollaboratorResponse r = suggest_collaborators(works, people, "ann lee");
    REQUIRE(r.suggestions.size() == 1);
    const Suggestion& s = r.suggestions[0];
    CHECK(s.key == long_key);
    REQUIRE(s.shared_coauthors.size() == 1);
    CHECK(s.shared_coauthors[0].key == "zed roe");
    // The joint work of the candidate and the shared co-author, found through both author terms.
    REQUIRE(!s.connecting_works.empty());
    CHECK(s.connecting_works[0].id == "t:2");
    CHECK(s.connecting_works[0].via == "coauthor");
    std::filesystem::remove_all(dir);
}

TEST_CASE("collaborators: errors") {
    CHECK_THROWS_WITH_AS(suggest_collaborators(searcher(), authors(), "nobody here"), "no author with key \"nobody here\"", NotFound);
    CollaboratorOptions opt;
    opt.limit = 0;
    CHECK_THROWS_WITH_AS(suggest_collaborators(searcher(), authors(), "kim hazelwood", opt), "limit must be 1..100, got 0", InvalidArgument);
    opt = {};
    opt.terms = 201;
    CHECK_THROWS_WITH_AS(suggest_collaborators(searcher(), authors(), "kim hazelwood", opt), "terms must be 1..200, got 201", InvalidArgument);
    opt = {};
    opt.topic_works = 0;
    CHECK_THROWS_WITH_AS(collaborator_candidates(searcher(), authors(), "kim hazelwood", opt), "topic_works must be 1..10000, got 0",
                         InvalidArgument);
    opt = {};
    opt.half_life_days = 0;
    CHECK_THROWS_WITH_AS(suggest_collaborators(searcher(), authors(), "kim hazelwood", opt), "half_life_days must be > 0, got 0.000000",
                         InvalidArgument);
}

TEST_CASE("collaborators: evaluation on five days of arXiv listings") {
    LinkPredictionOptions opt;
    opt.corpus_paths = {daily("2025-08-04"), daily("2025-08-05"), daily("2025-08-06"), daily("2025-08-07"), daily("2025-08-08")};
    opt.until = "2025-08-06";
    const auto r = evaluate_collaborators(opt);
    CHECK(r.works_before == 818u);
    CHECK(r.works_after == 420u);
    CHECK(r.works_undated == 0);
    CHECK(r.authors_before == 4100u);
    CHECK(r.authors_evaluated == 120u);
    CHECK(r.new_links == 264u);
    REQUIRE(r.methods.size() == 6);
    CHECK(r.methods[0].method == "common neighbours");
    CHECK(r.methods[1].method == "Adamic-Adar");
    CHECK(r.methods[2].method == "tie Adamic-Adar");
    CHECK(r.methods[3].method == "topic");
    CHECK(r.methods[4].method == "mix");
    CHECK(r.methods[5].method == "learned");
    CHECK(r.new_links_unknown == 1765u);
    // Of 120 authors, 7 find a new co-author in the mix's top 10, 4 with Adamic-Adar alone (two days of history
    // are too few for tie strengths to reorder anything: the tie version finds the same 4).
    CHECK(r.methods[1].hits == doctest::Approx(4.0 / 120));
    CHECK(r.methods[1].recall == doctest::Approx(0.0250).epsilon(0.01));
    CHECK(r.methods[2].hits == doctest::Approx(4.0 / 120));
    CHECK(r.methods[2].recall == doctest::Approx(0.0250).epsilon(0.001));
    CHECK(r.methods[3].hits == doctest::Approx(7.0 / 120));
    CHECK(r.methods[4].hits == doctest::Approx(7.0 / 120));
    CHECK(r.methods[4].recall == doctest::Approx(0.0361).epsilon(0.01));
    CHECK(r.methods[4].recall == doctest::Approx(0.03611).epsilon(0.0001));
    // The learned ranker re-orders the mix's candidates: the same 7 authors found, the first hit a little higher.
    CHECK(r.methods[5].hits == doctest::Approx(7.0 / 120));
    CHECK(r.methods[5].recall == doctest::Approx(0.03611).epsilon(0.0001));
    CHECK(r.methods[5].mrr == doctest::Approx(0.035).epsilon(0.0001));
    // Hits at ranks 1, 1, 1, 2, 4, 5 and 8 (Lin Wang's at 8: 7th before topic counted only a candidate's best 3 works):
    // (3 + 1/2 + 1/4 + 1/5 + 1/8) / 120.
    CHECK(r.methods[4].mrr == doctest::Approx((3 + 1.0 / 2 + 1.0 / 4 + 1.0 / 5 + 1.0 / 8) / 120).epsilon(0.0001));

    // Without the topic part (no history index) the graph methods score the same and topic finds nothing.
    opt.topic = false;
    const auto g = evaluate_collaborators(opt);
    REQUIRE(g.methods.size() == 6);
    for (std::size_t m : {0u, 1u, 2u}) {
        CHECK(g.methods[m].recall == r.methods[m].recall);
        CHECK(g.methods[m].hits == r.methods[m].hits);
    }
    CHECK(g.methods[3].hits == 0);
}

namespace {

// The parameter an InvalidArgument names, or "" when the call does not throw one.
std::string rejected_parameter(const LinkPredictionOptions& opt) {
    try {
        evaluate_collaborators(opt);
    } catch (const InvalidArgument& e) {
        return e.parameter();
    }
    return "";
}

}  // namespace

TEST_CASE("collaborators: evaluation errors name the option at fault") {
    LinkPredictionOptions opt;
    opt.corpus_paths = {daily("2025-08-04")};
    opt.until = "2025-8-4";
    CHECK_THROWS_WITH_AS(evaluate_collaborators(opt), "until must be a date YYYY-MM-DD, got \"2025-8-4\"", InvalidArgument);
    CHECK(rejected_parameter(opt) == "until");
    opt.until = "2025-08-04";
    CHECK_THROWS_WITH_AS(evaluate_collaborators(opt),
                         "the corpus needs dated works on both sides of 2025-08-04; got 164 up to it and 0 after it",
                         InvalidArgument);
    CHECK(rejected_parameter(opt) == "corpus_paths");
    opt.k = 0;
    CHECK_THROWS_WITH_AS(evaluate_collaborators(opt), "k must be 1..100, got 0", InvalidArgument);
    CHECK(rejected_parameter(opt) == "k");
    opt.k = 10;
    // A corpus with works on both sides, so that only the format can be at fault.
    opt.corpus_paths = {daily("2025-08-04"), daily("2025-08-05")};
    opt.format = "nope";
    CHECK_THROWS_WITH_AS(evaluate_collaborators(opt), doctest::Contains("unknown format \"nope\""), InvalidArgument);
    CHECK(rejected_parameter(opt) == "format");
    opt.format = "arxiv-daily";
    opt.corpus_paths = {"/nonexistent/listings"};
    CHECK_THROWS_WITH_AS(evaluate_collaborators(opt), "/nonexistent/listings: no such file or directory", InvalidArgument);
    CHECK(rejected_parameter(opt) == "corpus_paths");
    opt.corpus_paths = {daily("2025-08-04"), daily("2025-08-05")};
    opt.topic = false;  // the dump's checks come after the history: no index needed to reach them
    opt.dump_negatives = 1.5;
    CHECK_THROWS_WITH_AS(evaluate_collaborators(opt), "dump_negatives must be 0..1, got 1.500000", InvalidArgument);
    CHECK(rejected_parameter(opt) == "dump_negatives");
    opt.dump_negatives = 0.1;
    opt.dump_features = "/nonexistent/features.tsv";
    CHECK_THROWS_WITH_AS(evaluate_collaborators(opt), "/nonexistent/features.tsv: cannot be written", InvalidArgument);
    CHECK(rejected_parameter(opt) == "dump_features");
}

TEST_CASE("collaborators: the learned ranker re-ranks the mix's best and keeps the reasons") {
    // Milad Hashemi has no co-author: every candidate is topical, and the learned ranker still finds Kim Hazelwood.
    CollaboratorOptions opt;
    opt.scoring = CollaboratorScoring::learned;
    const auto milad = suggest_collaborators(searcher(), authors(), "milad hashemi", opt);
    REQUIRE(milad.suggestions.size() == 10);
    CHECK(milad.suggestions[0].key == "kim hazelwood");
    CHECK(milad.suggestions[0].topic > 0);
    CHECK(!milad.suggestions[0].shared_terms.empty());
    for (std::size_t i = 0; i < milad.suggestions.size(); ++i) {
        CHECK(milad.suggestions[i].score > 0);
        CHECK(milad.suggestions[i].score < 1);
        if (i) CHECK(milad.suggestions[i - 1].score >= milad.suggestions[i].score);
    }

    // The score is the logistic function of the model, for the mix's best `rerank` only. By hand: one shared
    // co-author of a's 2 and b's 3 is a Jaccard coefficient of 1 / (2 + 3 - 1) = 0.25; z = -1 + 2 * 0.25 = -0.5;
    // 1 / (1 + e^0.5) = 0.377541.
    LearnedModel jaccard_only;
    jaccard_only.coef[static_cast<std::size_t>(std::find(kCollaboratorFeatureNames.begin(), kCollaboratorFeatureNames.end(),
                                                         std::string_view("jaccard")) -
                                               kCollaboratorFeatureNames.begin())] = 2;
    jaccard_only.intercept = -1;
    jaccard_only.rerank = 100;
    Candidate c;
    c.common_neighbours = 1;
    c.author_degree = 2;
    c.degree = 3;
    c.mix_rank = 100;
    CHECK(learned_score(c, jaccard_only) == doctest::Approx(0.377541).epsilon(1e-5));
    c.mix_rank = 101;
    CHECK(learned_score(c, jaccard_only) == 0);
    c.mix_rank = 0;  // not ranked by the mix at all
    CHECK(learned_score(c, jaccard_only) == 0);
    CollaboratorOptions plain;
    plain.reasons = false;
    const auto candidates = collaborator_candidates(searcher(), authors(), "jiawei han", plain);
    REQUIRE(candidates.size() > 100);
    std::size_t scored = 0;
    for (const auto& k : candidates) scored += learned_score(k) > 0;
    CHECK(scored == 100);
    opt.reasons = false;
    opt.limit = 100;
    const auto han = suggest_collaborators(searcher(), authors(), "jiawei han", opt);
    REQUIRE(han.suggestions.size() == 100);
    CHECK(han.suggestions.back().score > 0);
}

TEST_CASE("collaborators: a learned model from JSON") {
    const auto j = nlohmann::json::parse(R"({"features":["jaccard","topic"],"coef":[2,0.5],"intercept":-1,"rerank":20})");
    const LearnedModel m = learned_model_from_json(j);
    CHECK(m.intercept == -1);
    CHECK(m.rerank == 20u);
    for (std::size_t i = 0; i < kCollaboratorFeatures; ++i) {
        const std::string name = kCollaboratorFeatureNames[i];
        CHECK(m.coef[i] == (name == "jaccard" ? 2.0 : name == "topic" ? 0.5 : 0.0));
    }
    CHECK_THROWS_WITH_AS(learned_model_from_json(nlohmann::json::parse(R"({"features":["nope"],"coef":[1],"intercept":0})")),
                         "unknown feature \"nope\"", InvalidArgument);
    CHECK_THROWS_WITH_AS(learned_model_from_json(nlohmann::json::parse(R"({"features":["topic"],"coef":[],"intercept":0})")),
                         "the model has 1 features and 0 coefficients", InvalidArgument);
    CHECK_THROWS_WITH_AS(learned_model_from_json(nlohmann::json::parse(R"({"coef":[]})")),
                         "a model needs \"features\" (array), \"coef\" (array) and \"intercept\" (number)", InvalidArgument);
}
