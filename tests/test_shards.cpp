// Sharded generations (rebuild --shards N, shard_layout.h): each shard a plain Xapian database, and the shards
// opened together answer exactly as the one-shard build of the same corpus does. The expected answers are the
// one-shard index's, an independent build: same ids in the same order, scores within 1e-9, same facet counts.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "index_fixture.h"
#include "shard_comparison.h"
#include "paperdex/corpus/work.h"
#include "paperdex/error.h"
#include "paperdex/index/remote_shards.h"
#include "paperdex/eval/eval.h"
#include "paperdex/index/index_directory.h"
#include "paperdex/index/rebuild.h"
#include "paperdex/index/schema.h"
#include "paperdex/index/shard_layout.h"
#include "paperdex/search/searcher.h"
#include "paperdex/search/similar.h"

namespace fs = std::filesystem;
using namespace paperdex;
using paperdex::testing::default_corpus_dir;
using paperdex::testing::default_index;
using paperdex::testing::default_works;
using paperdex::testing::check_same_answer;
using paperdex::testing::shard_comparison_requests;

namespace {

const std::string& sharded_index(unsigned shards) { return paperdex::testing::sharded_default_index(shards); }

std::string generation(const std::string& index_dir) { return IndexDirectory(index_dir).resolve(); }

}  // namespace

TEST_CASE("shards: a sharded generation is a stub over plain databases, each work where the round robin puts it") {
    const Xapian::Database one(generation(default_index()));
    for (unsigned n : {2u, 3u}) {
        const std::string gen = generation(sharded_index(n));
        CHECK(ShardLayout::shards_of(gen) == n);
        Xapian::doccount sum = 0;
        std::vector<Xapian::Database> shards;
        for (unsigned k = 0; k < n; ++k) {
            // Each opened on its own, as xapian-tcpsrv would open it.
            shards.emplace_back((fs::path(gen) / ShardLayout::shard_name(k)).string());
            sum += shards.back().get_doccount();
        }
        CHECK(sum == one.get_doccount());
        CHECK(ShardLayout::shards_of(generation(default_index())) == 1);
        // Every work, found by its id term: shard (d - 1) mod N holds it as docid (d - 1) / N + 1, where d is its
        // docid in the one-shard build, so the shards opened together number it d.
        const Xapian::Database all(gen);
        std::size_t checked = 0;
        for (const Work& w : default_works()) {
            const std::string term = std::string(schema::kIdPrefix) + w.id;
            const Xapian::docid d = *one.postlist_begin(term);
            CHECK(*all.postlist_begin(term) == d);
            const Xapian::Database& shard = shards[(d - 1) % n];
            REQUIRE(shard.postlist_begin(term) != shard.postlist_end(term));
            CHECK(*shard.postlist_begin(term) == (d - 1) / n + 1);
            ++checked;
        }
        CHECK(checked == default_works().size());
        // The facet dictionaries are in every shard, so a shard served alone can name its facet values.
        for (const auto& s : shards) CHECK(s.get_metadata(std::string(schema::kAuthorDictionaryKey)) ==
                                           one.get_metadata(std::string(schema::kAuthorDictionaryKey)));
    }
}

TEST_CASE("shards: 2 and 3 shards answer every search exactly as one shard does") {
    Searcher one(open_index(default_index()));
    const auto reqs = shard_comparison_requests();
    REQUIRE(reqs.size() > 150);
    for (unsigned n : {2u, 3u}) {
        Searcher many(open_index(sharded_index(n)));
        CAPTURE(n);
        std::size_t hits_differ = 0;
        for (const auto& r : reqs) hits_differ += check_same_answer(one, many, r);
        MESSAGE(n << " shards: the hits of " << hits_differ << " of " << reqs.size()
                  << " searches differ as Xapian's AND_MAYBE skip makes them differ (0 with the fix)");
    }
}

TEST_CASE("shards: each shard in its own xapian-progsrv process answers every search exactly as one shard does") {
    Searcher one(open_index(default_index()));
    const auto reqs = shard_comparison_requests();
    for (unsigned n : {2u, 3u}) {
        Searcher many = Searcher::over_shard_processes(sharded_index(n), RemoteTimeouts{});
        CAPTURE(n);
        REQUIRE(many.remote_works());
        REQUIRE(many.database().size() == n);
        std::size_t hits_differ = 0;
        for (const auto& r : reqs) hits_differ += check_same_answer(one, many, r);
        MESSAGE(n << " shard processes: the hits of " << hits_differ << " of " << reqs.size()
                  << " searches differ as Xapian's AND_MAYBE skip makes them differ (0 with the fix)");
    }
    SUBCASE("a one-shard generation is read in this process") {
        Searcher single = Searcher::over_shard_processes(default_index(), RemoteTimeouts{});
        CHECK_FALSE(single.remote_works());
        CHECK(single.database().get_doccount() == one.database().get_doccount());
    }
}

TEST_CASE("shards: a shard process that cannot open its shard is an unavailable shard naming its directory") {
    paperdex::testing::TempDir tmp("shard-processes");
    const fs::path gen = tmp.path / "gen-1";
    fs::create_directories(gen);
    fs::create_directory_symlink(fs::absolute(generation(sharded_index(2))) / "shard-0", gen / "shard-0");
    ShardLayout::write_stub(gen.string(), 2);  // shard-1 is missing
    try {
        (void)Searcher::over_shard_processes(gen.string(), RemoteTimeouts{});
        FAIL("opened a generation whose shard-1 is missing");
    } catch (const ShardUnavailable& e) {
        CHECK(std::string(e.what()).find((gen / "shard-1").string()) != std::string::npos);
    }
}

TEST_CASE("shards: similar works and pasted text are the same over 2 shards") {
    Searcher one(open_index(default_index()));
    Searcher many(open_index(sharded_index(2)));
    SimilarOptions opt;
    opt.limit = 20;
    std::size_t compared = 0;
    for (std::size_t i = 0; i < default_works().size(); i += 97) {
        const Work& w = default_works()[i];
        const auto a = similar(one, w.id, opt), b = similar(many, w.id, opt);
        INFO("work " << w.id);
        REQUIRE(a.hits.size() == b.hits.size());
        for (std::size_t h = 0; h < a.hits.size(); ++h) {
            CHECK(b.hits[h].id == a.hits[h].id);
            CHECK(std::abs(b.hits[h].score - a.hits[h].score) <= 1e-9);
            CHECK(b.hits[h].matched_terms == a.hits[h].matched_terms);
        }
        REQUIRE(a.terms.size() == b.terms.size());
        for (std::size_t t = 0; t < a.terms.size(); ++t) CHECK(b.terms[t].term == a.terms[t].term);
        ++compared;
    }
    CHECK(compared >= 30);
    const auto a = similar_text(one, default_works()[5].abstract, opt), b = similar_text(many, default_works()[5].abstract, opt);
    REQUIRE(a.hits.size() == b.hits.size());
    for (std::size_t h = 0; h < a.hits.size(); ++h) CHECK(b.hits[h].id == a.hits[h].id);
}

TEST_CASE("shards: a shard count out of range is an error naming shards, before the corpus is read") {
    paperdex::testing::TempDir dir("shards");
    RebuildOptions opt;
    opt.corpus_paths = {default_corpus_dir()};
    opt.index_dir = (dir.path / "index").string();
    for (unsigned bad : {0u, ShardLayout::kMaxShards + 1}) {
        opt.shards = bad;
        try {
            rebuild(opt);
            FAIL("accepted shards = " << bad);
        } catch (const InvalidArgument& e) {
            CHECK(e.parameter() == "shards");
        }
    }
    CHECK_FALSE(fs::exists(dir.path / "index"));
}

TEST_CASE("shards: a work that comes again keeps its last place, in a sharded generation as in one database") {
    // The default corpus, then every third of its works again (their last occurrence wins, at its later place):
    // the deletions of the first occurrences go to the shard parts that hold them.
    paperdex::testing::TempDir dir("shards-again");
    const auto& works = default_works();
    {
        std::ofstream out(dir.path / "again.jsonl");
        for (std::size_t i = 0; i < works.size(); i += 3) out << nlohmann::json(works[i]).dump() << '\n';
    }
    std::vector<std::string> ids;
    for (unsigned n : {1u, 3u}) {
        RebuildOptions opt;
        opt.corpus_paths = {default_corpus_dir(), (dir.path / "again.jsonl").string()};
        opt.index_dir = (dir.path / ("index-" + std::to_string(n))).string();
        opt.shards = n;
        const RebuildResult r = rebuild(opt);
        CHECK(r.works == works.size());
        // Every work once, in docid order: the works read only once first, in corpus order, then the repeated ones.
        const Xapian::Database db(generation(opt.index_dir));
        std::vector<std::string> order;
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
            auto t = db.termlist_begin(*it);
            t.skip_to(std::string(schema::kIdPrefix));
            order.push_back((*t).substr(schema::kIdPrefix.size()));
        }
        if (ids.empty()) {
            ids = order;
        } else {
            CHECK(order == ids);
        }
    }
    // Expected order worked out from the corpus itself: not-repeated works in corpus order, then every third one.
    std::vector<std::string> expected;
    for (std::size_t i = 0; i < works.size(); ++i)
        if (i % 3 != 0) expected.push_back(works[i].id);
    for (std::size_t i = 0; i < works.size(); i += 3) expected.push_back(works[i].id);
    CHECK(ids == expected);
}
