// The author index built by rebuild() over the default corpus: prefix search, records, profiles.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "index_fixture.h"
#include "paperdex/authors/author_index.h"
#include "paperdex/error.h"

using namespace paperdex;

namespace {

Searcher& searcher() { return testing::default_searcher(); }
AuthorIndex& authors() { return testing::default_authors(); }

std::vector<std::string> keys(const AuthorIndex::Matches& m) {
    std::vector<std::string> out;
    for (const auto& a : m.authors) out.push_back(a.key);
    return out;
}

}  // namespace

TEST_CASE("authors: prefix search finds Kim Hazelwood, case and accents ignored") {
    for (const char* q : {"hazel", "HAZEL", "kim haz", "Hazelwood"}) {
        const auto m = authors().search(q);
        CHECK(m.total == 1);
        REQUIRE(m.authors.size() == 1);
        CHECK(m.authors[0].key == "kim hazelwood");
        CHECK(m.authors[0].name == "Kim Hazelwood");
        CHECK(m.authors[0].works_count == 7);
        CHECK(m.authors[0].first_year == 2019);
        CHECK(m.authors[0].last_year == 2022);
    }
}

TEST_CASE("authors: prefix search ranks by works, then name") {
    const auto m = authors().search("milad");
    CHECK(keys(m) == std::vector<std::string>{"milad hashemi", "milad mohammadi"});
    const auto jiawei = authors().search("jiawei", 3);
    REQUIRE(jiawei.authors.size() == 3);
    CHECK(jiawei.authors[0].key == "jiawei han");
    CHECK(jiawei.authors[0].works_count == 12);
    CHECK(jiawei.authors[1].works_count <= 12);
}

TEST_CASE("authors: co-author counts equal a brute-force count over the corpus") {
    // Jiawei Han: a real arXiv author of the sample with 12 works and 60 co-authors.
    const std::string me = "jiawei han";
    std::map<std::string, unsigned> expected;
    unsigned works = 0;
    for (const auto& w : testing::default_works()) {
        std::set<std::string> ks;
        for (const auto& a : w.authors) ks.insert(author_key(a));
        if (!ks.count(me)) continue;
        ++works;
        REQUIRE(ks.size() <= 100);  // larger bylines add no edges
        for (const auto& k : ks)
            if (k != me) ++expected[k];
    }
    const AuthorRecord r = authors().get(me);
    CHECK(r.works_count == works);
    CHECK(r.works_count == 12);
    std::map<std::string, unsigned> got;
    for (const auto& c : r.coauthors) got[c.key] = c.count;
    CHECK(got == expected);
    CHECK(r.coauthors.size() == 60);
    CHECK(r.coauthors[0].key == "bowen jin");
    CHECK(r.coauthors[0].count == 5);
    CHECK(r.coauthors[0].first_date == "2025-05-13");
    CHECK(r.coauthors[0].last_date == "2025-10-20");
    CHECK(r.topics[0].value == "cs.CL");
    CHECK(r.topics[0].count == 11);
}

TEST_CASE("authors: a profile pages through the works, newest first") {
    const auto p = author_profile(searcher(), authors(), "jiawei han", 1, 3);
    CHECK(p.works_total == 12);
    REQUIRE(p.works.size() == 3);
    CHECK(p.works[0].id == "arxiv:2510.15191");
    CHECK(p.works[1].id == "arxiv:2510.07315");
    CHECK(p.works[2].id == "arxiv:2510.04506");
    CHECK(p.terms.size() == 10);
    const auto last = author_profile(searcher(), authors(), "jiawei han", 4, 3);
    CHECK(last.works.size() == 3);
    std::string previous = "9999";
    for (std::size_t page = 1; page <= 4; ++page)
        for (const auto& w : author_profile(searcher(), authors(), "jiawei han", page, 3).works) {
            CHECK(w.date <= previous);
            previous = w.date;
        }
    const auto kim = author_profile(searcher(), authors(), "kim hazelwood");
    CHECK(kim.works_total == 7);
    CHECK(kim.author.coauthors.empty());
}

TEST_CASE("authors: resolve takes a key or a name") {
    CHECK(authors().resolve("Milad Hashemi").key == "milad hashemi");
    CHECK(authors().resolve("milad hashemi").name == "Milad Hashemi");
    CHECK_THROWS_WITH_AS(authors().resolve("Nobody Here"), "no author with key or name \"Nobody Here\"", NotFound);
}

TEST_CASE("authors: a work naming an author twice counts once") {
    // Handmade: the edge case does not occur in the sample.
    Work w;
    w.id = "t:1";
    w.date = "2025-01-02";
    w.authors = {{"Ana Díaz", ""}, {"Bo Li", ""}, {"ana diaz", ""}};
    AuthorGraph g;
    g.add(w);
    const auto a = g.find("ana diaz");
    REQUIRE(a);
    CHECK(a->works_count == 1);
    REQUIRE(a->coauthors.size() == 1);
    CHECK(a->coauthors[0].key == "bo li");
    CHECK(a->coauthors[0].count == 1);
    CHECK(a->name == "Ana Díaz");  // ties: alphabetically first spelling
    CHECK(g.newest_date() == "2025-01-02");
}

TEST_CASE("authors: errors") {
    CHECK_THROWS_WITH_AS(authors().get("nobody here"), "no author with key \"nobody here\"", NotFound);
    CHECK_THROWS_WITH_AS(author_profile(searcher(), authors(), "nobody here"), "no author with key \"nobody here\"", NotFound);
    CHECK_THROWS_WITH_AS(authors().search("  ,, "), "q must contain a word, got \"  ,, \"", InvalidArgument);
    CHECK_THROWS_WITH_AS(authors().search(std::string(1001, 'a')), "q must be at most 1000 bytes, got 1001", InvalidArgument);
    CHECK_THROWS_WITH_AS(authors().search("kim", 0), "limit must be 1..100, got 0", InvalidArgument);
    CHECK_THROWS_WITH_AS(author_profile(searcher(), authors(), "kim hazelwood", 1, 101), "per_page must be 1..100, got 101",
                         InvalidArgument);
    CHECK_THROWS_WITH_AS(author_profile(searcher(), authors(), "kim hazelwood", 0, 10),
                         "page must be 1..1000 with per_page 10, got 0", InvalidArgument);
    const testing::TempDir tmp("no-index");
    const auto& empty = tmp.path;
    CHECK_THROWS_AS(AuthorIndex::open(empty.string()), NotFound);
}

TEST_CASE("authors: every stored record reads back exactly as the graph built it") {
    // The stored record is flat text (src/authors/author_index.cpp); tie strengths must survive to the last bit, or the
    // collaborator scores of the server and of the evaluation (in-memory graph) would differ.
    AuthorGraph g;
    for (const auto& w : testing::default_works()) g.add(w);
    g.finish();
    REQUIRE(g.size() > 10000);
    std::size_t coauthors = 0;
    for (const auto& [key, want] : g.records()) {
        const auto got = authors().find(key);
        REQUIRE(got);
        CHECK(got->name == want.name);
        CHECK(got->works_count == want.works_count);
        CHECK(got->first_year == want.first_year);
        CHECK(got->last_year == want.last_year);
        CHECK(got->first_date == want.first_date);
        CHECK(got->last_date == want.last_date);
        REQUIRE(got->topics.size() == want.topics.size());
        for (std::size_t i = 0; i < want.topics.size(); ++i) {
            CHECK(got->topics[i].value == want.topics[i].value);
            CHECK(got->topics[i].count == want.topics[i].count);
        }
        REQUIRE(got->coauthors.size() == want.coauthors.size());
        for (std::size_t i = 0; i < want.coauthors.size(); ++i) {
            const Coauthor& a = got->coauthors[i];
            const Coauthor& b = want.coauthors[i];
            if (a.key != b.key || a.name != b.name || a.count != b.count || a.first_date != b.first_date ||
                a.last_date != b.last_date || a.strength != b.strength)
                FAIL_CHECK("co-author " << i << " of " << key << " differs");
            ++coauthors;
        }
    }
    CHECK(coauthors > 50000);
}
