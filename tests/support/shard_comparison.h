#pragma once
// What "the same answer as one shard" means, for local (test_shards) and remote (test_remote_shards) shards alike.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "paperdex/eval/eval.h"
#include "paperdex/search/searcher.h"

namespace paperdex::testing {

// The searches of the comparison: SciFact's claims (long free text, many words absent), words and phrases of the
// default corpus, an empty query (browse), filters, and every facet.
inline std::vector<SearchRequest> shard_comparison_requests() {
    std::vector<SearchRequest> out;
    const auto queries = eval::read_queries(std::string(PAPERDEX_DATA_DIR) + "/scifact/queries.jsonl");
    auto request = [&out](std::string q) -> SearchRequest& {
        out.emplace_back();
        out.back().query = std::move(q);
        return out.back();
    };
    for (std::size_t i = 0; i < queries.size() && i < 150; ++i) request(queries[i].text);
    // Not yet wildcards ("prefetch*"): Xapian 1.4 expands OP_WILDCARD in each shard on its own, so the OP_SYNONYM
    // of the expansion gets a different term-frequency estimate per shard and the scores differ (issue 15, open).
    for (std::string q : {"recommendation", "graph neural network", "\"memory access\"", "hashemi",
                          "learning AND NOT deep", "title:transformer", "", "the", "language model"})
        request(q);
    request("learning").year = YearRange{2020, 2025};
    request("").authors = {"Milad Hashemi"};
    request("model").sort = SortOrder::year;
    for (auto& r : out) {
        r.limit = 20;
        r.facets = {"year", "venue", "author", "topic", "type"};
    }
    return out;
}

inline void check_same(const SearchResponse& one, const SearchResponse& many, const std::string& query) {
    INFO("query: " << query);
    CHECK(many.total == one.total);
    CHECK(many.total_exact == one.total_exact);
    CHECK(many.corrected_query == one.corrected_query);
    REQUIRE(many.hits.size() == one.hits.size());
    for (std::size_t i = 0; i < one.hits.size(); ++i) {
        CHECK(many.hits[i].id == one.hits[i].id);
        CHECK(std::abs(many.hits[i].score - one.hits[i].score) <= 1e-9);
        CHECK(many.hits[i].title_html == one.hits[i].title_html);
        // Not the snippet: Xapian picks its window by each term's maximum weight in the match, a bound computed per
        // sub-database (wdf and length bounds of each shard), so the window can differ while the marked words do not.
        CHECK(many.hits[i].snippet.empty() == one.hits[i].snippet.empty());
    }
    REQUIRE(many.facets.size() == one.facets.size());
    for (std::size_t f = 0; f < one.facets.size(); ++f) {
        CHECK(many.facets[f].name == one.facets[f].name);
        CHECK(many.facets[f].exact == one.facets[f].exact);
        REQUIRE(many.facets[f].values.size() == one.facets[f].values.size());
        for (std::size_t v = 0; v < one.facets[f].values.size(); ++v) {
            CHECK(many.facets[f].values[v].value == one.facets[f].values[v].value);
            CHECK(many.facets[f].values[v].count == one.facets[f].values[v].count);
        }
    }
}

inline bool same_hit_ids(const SearchResponse& a, const SearchResponse& b) {
    return std::equal(a.hits.begin(), a.hits.end(), b.hits.begin(), b.hits.end(),
                      [](const Hit& x, const Hit& y) { return x.id == y.id; });
}

// `pruned` is `deep` with at most two hits left out: the same hits in the same order with the same scores.
inline void check_hits_left_out(const std::vector<Hit>& pruned, const std::vector<Hit>& deep) {
    std::size_t j = 0, left_out = 0;
    for (const Hit& h : pruned) {
        while (j < deep.size() && deep[j].id != h.id) ++j, ++left_out;
        INFO("hit: " << h.id);
        REQUIRE(j < deep.size());
        CHECK(std::abs(deep[j].score - h.score) <= 1e-9);
        ++j;
    }
    CHECK(left_out <= 2);
}

// Xapian 1.4 (unchanged up to 1.4.32 and on git main) skips one document in AndMaybePostList::next when a pruned
// match turns an AND_MAYBE into an AND (docs/xapian-and-maybe-skip.md), so a top-k search, over one database or over
// shards, can miss a hit that belongs in it, depending on where the documents fall. With Debian's 1.4.22 rebuilt
// with the one-line fix, every search here gives identical hits over 1, 2 and 3 shards; unpatched, 2 of the 324 on
// the default corpus do not. Where the hits differ, they are compared as that bug allows and no looser: a deeper
// search (limit 1,000, so that the first k are matched without the pruning) must agree hit for hit over the first
// k, and each pruned list must be its deeper list with hits left out, never a hit added or moved. Everything else
// (totals, facets, spelling) must be identical as always. Returns whether the hits differed.
inline bool check_same_answer(const Searcher& one, const Searcher& many, const SearchRequest& r) {
    SearchResponse a = one.search(r), b = many.search(r);
    if (same_hit_ids(a, b)) {
        check_same(a, b, r.query);
        return false;
    }
    SearchRequest deep = r;
    deep.limit = 1000;
    SearchResponse da = one.search(deep), db = many.search(deep);
    check_hits_left_out(a.hits, da.hits);
    check_hits_left_out(b.hits, db.hits);
    da.hits.resize(std::min(da.hits.size(), r.limit));
    db.hits.resize(std::min(db.hits.size(), r.limit));
    check_same(da, db, r.query + " (limit 1000, its first hits)");
    a.hits.clear();
    b.hits.clear();
    check_same(a, b, r.query + " (all but the hits)");
    return true;
}

}  // namespace paperdex::testing
