#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "index_fixture.h"
#include "paperdex/error.h"
#include "search/facet_spy.h"
#include "paperdex/index/schema.h"
#include "paperdex/search/searcher.h"
#include "paperdex/corpus/text.h"

using namespace paperdex;
using paperdex::testing::default_index;
using paperdex::testing::default_works;

namespace {

Searcher open_default() { return Searcher(open_index(default_index())); }

std::vector<std::string> ids(const SearchResponse& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits) out.push_back(h.id);
    return out;
}

std::map<std::string, std::uint64_t> as_map(const FacetCounts& f) {
    std::map<std::string, std::uint64_t> m;
    for (const auto& v : f.values) m[v.value] = v.count;
    return m;
}

const Work& work_titled(const std::string& prefix) {
    for (const auto& w : default_works())
        if (w.title.rfind(prefix, 0) == 0) return w;
    FAIL("no work titled " << prefix);
    throw 0;
}

}  // namespace

TEST_CASE("searcher: an author's works that use a form of the word, recommendation papers first") {
    Searcher s = open_default();
    SearchRequest req;
    req.query = "recommendation";
    req.authors = {"Kim Hazelwood"};
    auto r = s.search(req);
    // Stemming: "recommended settings" in "Exploiting Parallelism Opportunities…" counts too.
    REQUIRE(r.total == 3);
    REQUIRE(r.hits.size() == 3);
    std::set<std::string> top2{r.hits[0].work.title, r.hits[1].work.title};
    CHECK(top2 == std::set<std::string>{"The Architectural Implications of Facebook's DNN-based Personalized Recommendation",
                                        "RecNMP: Accelerating Personalized Recommendation with Near-Memory Processing"});
    CHECK(r.hits[2].work.title == "Exploiting Parallelism Opportunities with Deep Learning Frameworks");
    for (const auto& h : r.hits) {
        REQUIRE(h.work.authors.size() >= 1);
        CHECK(std::any_of(h.work.authors.begin(), h.work.authors.end(), [](const Author& a) { return a.name == "Kim Hazelwood"; }));
    }
    CHECK(r.hits[2].snippet.find("<mark>recommended</mark>") != std::string::npos);
}

TEST_CASE("searcher: GEVO is found with its arXiv id and an author facet") {
    Searcher s = open_default();
    SearchRequest req;
    req.query = "GEVO";
    req.facets = {"author"};
    auto r = s.search(req);
    REQUIRE(r.hits.size() >= 1);
    CHECK(r.hits[0].id == "arxiv:2004.08140");
    CHECK(r.hits[0].work.abstract.rfind("GPUs are a key enabler", 0) == 0);
    CHECK(r.hits[0].snippet.find("<mark>GEVO</mark>") != std::string::npos);
    REQUIRE(r.facets.size() == 1);
    CHECK(r.facets[0].name == "author");
    CHECK(r.facets[0].exact);
}

TEST_CASE("searcher: facet counts equal a brute-force count over the corpus") {
    Searcher s = open_default();
    SUBCASE("browse everything") {
        SearchRequest req;
        req.limit = 0;
        req.facets = {"year", "venue", "topic", "type", "author"};
        req.facet_limit = 1000000;
        auto r = s.search(req);
        std::map<std::string, std::uint64_t> year, venue, topic, type, author;
        std::size_t works_over_16_authors = 0;
        for (const auto& w : default_works()) {
            if (w.year) ++year[std::to_string(*w.year)];
            if (!w.venue.empty()) ++venue[w.venue];
            if (!w.type.empty()) ++type[w.type];
            // Every author and topic counts, once per work (a work lists some authors twice).
            for (const auto& t : std::set<std::string>(w.topics.begin(), w.topics.end())) ++topic[t];
            std::set<std::string> names;
            for (const auto& a : w.authors) names.insert(text::squeeze(a.name));
            for (const auto& n : names) ++author[n];
            if (w.authors.size() > 16) ++works_over_16_authors;
        }
        REQUIRE(works_over_16_authors > 0);  // the 17th author onwards counts too (it once did not)
        CHECK(r.total == default_works().size());
        CHECK(r.total_exact);
        CHECK(as_map(r.facets[0]) == year);
        CHECK(as_map(r.facets[1]) == venue);
        CHECK(as_map(r.facets[2]) == topic);
        CHECK(as_map(r.facets[3]) == type);
        CHECK(as_map(r.facets[4]) == author);
        for (const auto& f : r.facets) CHECK(f.exact);
    }
    SUBCASE("filtered by a topic and a year range") {
        SearchRequest req;
        req.limit = 0;
        req.topics = {"cs.LG"};
        req.year = parse_year_range("2020..2025");
        req.facets = {"year", "topic"};
        req.facet_limit = 1000000;
        auto r = s.search(req);
        std::map<std::string, std::uint64_t> year, topic;
        std::uint64_t n = 0;
        for (const auto& w : default_works()) {
            bool has = std::find(w.topics.begin(), w.topics.end(), "cs.LG") != w.topics.end();
            if (!has || !w.year || *w.year < 2020 || *w.year > 2025) continue;
            ++n;
            ++year[std::to_string(*w.year)];
            for (const auto& t : std::set<std::string>(w.topics.begin(), w.topics.end())) ++topic[t];
        }
        REQUIRE(n > 100);
        CHECK(r.total == n);
        CHECK(as_map(r.facets[0]) == year);
        CHECK(as_map(r.facets[1]) == topic);
    }
}

TEST_CASE("searcher: year ranges in the query and as a filter agree with the corpus") {
    Searcher s = open_default();
    std::uint64_t n_2019_2020 = 0, n_2020 = 0, n_to_2020 = 0;  // counted over the corpus, not over the index
    for (const auto& w : default_works()) {
        if (w.year && *w.year >= 2019 && *w.year <= 2020) ++n_2019_2020;
        if (w.year && *w.year == 2020) ++n_2020;
        if (w.year && *w.year <= 2020) ++n_to_2020;
    }
    REQUIRE(n_2019_2020 > 0);
    SearchRequest req;
    req.limit = 1000;  // totals are exact once every match fits in the page (limit 0 would only estimate)
    req.query = "year:2019..2020";
    CHECK(s.search(req).total == n_2019_2020);
    req.query.clear();
    req.year = parse_year_range("2019..2020");
    CHECK(s.search(req).total == n_2019_2020);
    req.year = parse_year_range("2020");
    CHECK(s.search(req).total == n_2020);
    req.year = parse_year_range("..2020");
    CHECK(s.search(req).total == n_to_2020);  // the default corpus has works back to 1932 (OpenAlex, arXiv OAI)
    CHECK(n_to_2020 > n_2019_2020);
}

TEST_CASE("searcher: phrase search matches the words in order only") {
    Searcher s = open_default();
    SearchRequest req;
    req.query = "\"near-memory processing\"";
    auto r = s.search(req);
    REQUIRE(r.total >= 1);
    CHECK(std::find(ids(r).begin(), ids(r).end(), "arxiv:1912.12953") != ids(r).end());
    const auto& recnmp = work_titled("RecNMP");
    CHECK(recnmp.id == "arxiv:1912.12953");
    req.query = "\"processing near-memory\"";
    auto reversed = s.search(req);
    CHECK(std::find(ids(reversed).begin(), ids(reversed).end(), "arxiv:1912.12953") == ids(reversed).end());
    req.query = "title:recnmp";
    CHECK(ids(s.search(req)) == std::vector<std::string>{"arxiv:1912.12953"});
}

TEST_CASE("searcher: boolean operators and author: field") {
    Searcher s = open_default();
    SearchRequest req;
    req.query = "author:\"milad hashemi\"";
    req.limit = 100;
    auto r = s.search(req);
    CHECK(r.total == 6);
    req.query = "author:hashemi";  // Helia, Morteza and Parisa Nazari Hashemi write in the arXiv sample
    CHECK(s.search(req).total == 9);
    req.query = "author:\"milad hashemi\" AND cache";
    auto cache = s.search(req);
    CHECK(cache.total >= 2);
    CHECK(cache.total < r.total);
    req.query = "author:\"milad hashemi\" NOT cache";
    CHECK(s.search(req).total == r.total - cache.total);
}

TEST_CASE("searcher: browsing an author's works lists them newest first") {
    Searcher s = open_default();
    SearchRequest req;
    req.authors = {"kim hazelwood"};
    req.limit = 100;
    auto r = s.search(req);
    REQUIRE(r.total == 7);
    for (std::size_t i = 1; i < r.hits.size(); ++i) CHECK(*r.hits[i - 1].work.year >= *r.hits[i].work.year);
}

TEST_CASE("searcher: paging returns consecutive slices of one ranking") {
    Searcher s = open_default();
    SearchRequest req;
    req.query = "language models";
    req.limit = 20;
    auto all = s.search(req);
    REQUIRE(all.hits.size() == 20);
    req.limit = 10;
    req.offset = 10;
    auto page2 = s.search(req);
    REQUIRE(page2.hits.size() == 10);
    for (std::size_t i = 0; i < 10; ++i) {
        CHECK(page2.hits[i].id == all.hits[10 + i].id);
        CHECK(page2.hits[i].rank == 10 + i);
    }
}

TEST_CASE("searcher: bad requests throw InvalidArgument naming the parameter") {
    Searcher s = open_default();
    SearchRequest req;
    req.query = "ok";
    req.limit = 5000;
    CHECK_THROWS_WITH_AS(s.search(req), "limit must be 0..1000, got 5000", InvalidArgument);
    req.limit = 10;
    req.facets = {"colour"};
    CHECK_THROWS_WITH_AS(s.search(req), "unknown facet \"colour\"; known: year, venue, author, topic, type", InvalidArgument);
    try {
        req.facets = {"colour"};
        s.search(req);
    } catch (const InvalidArgument& e) {
        CHECK(e.parameter() == "facets");
    }
}

TEST_CASE("searcher: parse_year_range accepts ranges and rejects inverted or malformed ones") {
    CHECK(parse_year_range("2019..2022").from == 2019);
    CHECK(parse_year_range("2019..2022").to == 2022);
    CHECK(!parse_year_range("..2022").from);
    CHECK(!parse_year_range("2019..").to);
    CHECK(parse_year_range(" 2020 ").to == 2020);
    CHECK_THROWS_WITH_AS(parse_year_range("2022..2019"), "year must be FROM..TO with FROM <= TO, got \"2022..2019\"", InvalidArgument);
    CHECK_THROWS_WITH_AS(parse_year_range("20x9"), "year must be YEAR or FROM..TO (e.g. 2019..2022), got \"20x9\"", InvalidArgument);
    CHECK_THROWS_WITH_AS(parse_year_range(".."), "year must be YEAR or FROM..TO (e.g. 2019..2022), got \"..\"", InvalidArgument);
    CHECK_THROWS_AS(parse_year_range(""), InvalidArgument);
}

TEST_CASE("searcher: get_work returns the stored work and throws NotFound for an unknown id") {
    Searcher s = open_default();
    Work w = s.get_work("arxiv:2004.08140");
    CHECK(w.abstract.rfind("GPUs are a key enabler", 0) == 0);
    CHECK_THROWS_WITH_AS(s.get_work("arxiv:0000.00000"), "no work with id \"arxiv:0000.00000\"", NotFound);
}

TEST_CASE("searcher: a short typed query with a typo gets a suggestion, pasted text does not") {
    Searcher s = open_default();
    SearchRequest req;
    req.query = "personalized recomendation";
    CHECK(s.search(req).corrected_query == "personalized recommendation");
    // Seven words: pasted text, whose unknown words are taken as rare terms (no spelling lookup).
    req.query = "near memory processing for personalized recomendation models";
    CHECK(s.search(req).corrected_query.empty());
    req.query = "personalized recommendation";  // every word is in some work: nothing to correct
    CHECK(s.search(req).corrected_query.empty());
}

TEST_CASE("searcher: a filtered result list of under a hundred works has an exact total") {
    // Xapian estimates a filtered OR query's matches from term frequencies: 30 for these 65 works.
    Searcher s = open_default();
    SearchRequest req;
    req.query = "recommendation";
    req.topics = {"cs.IR"};
    auto r = s.search(req);
    CHECK(r.total_exact);
    CHECK(r.total == 65);
    std::size_t seen = 0;
    for (req.offset = 0; req.offset < 100; req.offset += 10) seen += s.search(req).hits.size();
    CHECK(seen == 65);
    // With facets whose bound is below a hundred past the page, the counting pass still counts that far.
    req.offset = 0;
    req.facets = {"year"};
    req.facet_check_bound = 20;
    auto counted = s.search(req);
    CHECK(counted.total_exact);
    CHECK(counted.total == 65);
}

TEST_CASE("searcher: past the facet bound, counts are scaled from the first matches and marked estimated") {
    Searcher s = open_default();
    // Counted over the corpus, not the index: the surface forms whose English stem is "learn", in a title or an
    // abstract (the 1,441 of today's default corpus; 1,417 before the OAI and OpenAlex samples joined it).
    const std::regex learn(R"(\blearn(s|ed|ing|ings)?\b)", std::regex::icase);
    const auto n_learning = static_cast<std::uint64_t>(std::count_if(
        default_works().begin(), default_works().end(),
        [&](const Work& w) { return std::regex_search(w.title, learn) || std::regex_search(w.abstract, learn); }));
    REQUIRE(n_learning > 1000);
    SearchRequest req;
    req.query = "learning";
    const auto plain = s.search(req);
    req.facets = {"year"};
    req.facet_limit = 200;
    req.facet_check_bound = 500;
    const auto r = s.search(req);
    // Facets are counted in a pass of their own: the ranking is the same as without them.
    CHECK(ids(r) == ids(plain));
    REQUIRE(r.facets.size() == 1);
    CHECK_FALSE(r.facets[0].exact);  // 500 of the works with "learning" counted
    CHECK(r.total == n_learning);     // one term: Xapian knows its frequency, so the total stays exact
    // Every work has one year, so the scaled counts add up to the estimated total (± rounding per value).
    std::uint64_t sum = 0;
    for (const auto& v : r.facets[0].values) sum += v.count;
    CHECK(sum + r.facets[0].values.size() >= r.total);
    CHECK(sum <= r.total + r.facets[0].values.size());
    req.facet_check_bound = 10000;  // above the corpus: every match counted
    const auto exact = s.search(req);
    CHECK(exact.facets[0].exact);
    CHECK(exact.total_exact);
    CHECK(exact.total == n_learning);
    CHECK(ids(exact) == ids(plain));
}

namespace {

// Works holding every one of `terms` (postings read from the index, not through the Searcher).
std::set<Xapian::docid> holding_all(const Xapian::Database& db, const std::vector<std::string>& terms) {
    std::set<Xapian::docid> out;
    for (auto it = db.postlist_begin(terms[0]); it != db.postlist_end(terms[0]); ++it) out.insert(*it);
    for (std::size_t i = 1; i < terms.size(); ++i) {
        std::set<Xapian::docid> next;
        for (auto it = db.postlist_begin(terms[i]); it != db.postlist_end(terms[i]); ++it)
            if (out.count(*it)) next.insert(*it);
        out = std::move(next);
    }
    return out;
}

}  // namespace

TEST_CASE("searcher: pasted text matches its words, a hyphenated word by both parts, and past the bound the rarest") {
    const Xapian::Database db = open_index(default_index());
    const Xapian::Stem stem("english");
    // Nine words, so pasted text ("for" and "in" are stopwords); "zero-shot" is one part: works with both words.
    const std::string pasted = "zero-shot models for memory processing in large systems";
    const std::vector<std::string> words = {"models", "memory", "processing", "large", "systems"};
    const std::vector<std::string> hyphenated = {"Zzero", "Zshot"};  // stems, as every word is indexed
    std::set<Xapian::docid> expected = holding_all(db, hyphenated);
    std::map<Xapian::doccount, std::vector<std::string>> by_rarity;  // part -> its rarest word's documents
    for (const auto& w : words) {
        const std::string term = "Z" + stem(w);
        for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) expected.insert(*it);
        by_rarity[db.get_termfreq(term)].push_back(term);
    }
    Xapian::doccount hyphen_rarity = db.get_doccount();
    for (const auto& t : hyphenated) hyphen_rarity = std::min(hyphen_rarity, db.get_termfreq(t));

    SearchRequest req;
    req.query = pasted;
    req.facets = {"year"};
    req.facet_check_bound = 100000;  // count every match: an exact total
    auto all_terms = RankingOptions{};
    all_terms.elite_terms = 0;
    const auto r = Searcher(db, all_terms).search(req);
    CHECK(r.total_exact);
    CHECK(r.total == expected.size());

    // With a bound of two parts, only the two rarest match: here "zero-shot" (a phrase would match fewer works:
    // only those with the two words in a row) and "memory".
    auto two = RankingOptions{};
    two.elite_terms = 2;
    std::vector<std::pair<Xapian::doccount, std::string>> parts;
    for (const auto& [n, terms] : by_rarity)
        for (const auto& t : terms) parts.emplace_back(n, t);
    parts.emplace_back(hyphen_rarity, "");  // "" stands for the hyphenated word
    std::sort(parts.begin(), parts.end());
    REQUIRE(parts[1].first < parts[2].first);  // no tie at the cut
    CHECK(parts[0].second.empty());            // the hyphenated word is the rarest part
    REQUIRE(parts[2].first < parts[3].first);
    auto rarest_parts = [&](std::size_t n) {
        std::set<Xapian::docid> out;
        for (std::size_t i = 0; i < n; ++i) {
            if (parts[i].second.empty()) {
                auto both = holding_all(db, hyphenated);
                out.insert(both.begin(), both.end());
            } else {
                for (auto it = db.postlist_begin(parts[i].second); it != db.postlist_end(parts[i].second); ++it) out.insert(*it);
            }
        }
        return out;
    };
    const std::set<Xapian::docid> rarest = rarest_parts(2);
    const auto cut = Searcher(db, two).search(req);
    CHECK(cut.total_exact);
    CHECK(cut.total == rarest.size());
    CHECK(cut.total < r.total);

    // A word repeated is one part: with a bound of three, "memory" twice still leaves room for the third rarest.
    auto three = RankingOptions{};
    three.elite_terms = 3;
    req.query = "memory " + pasted;
    const auto repeated = Searcher(db, three).search(req);
    CHECK(repeated.total_exact);
    CHECK(repeated.total == rarest_parts(3).size());
    CHECK(repeated.total > cut.total);

    // Quoted, the text is the parser's as it is: every word matches, the bound does not apply.
    req.query = "\"zero-shot\" models for memory processing in large systems";
    CHECK(Searcher(db, two).search(req).total > cut.total);
}

TEST_CASE("searcher: a wildcard expands over the indexed stems") {
    // The index holds stems only ("Zrecommend"); Xapian 1.4 builds a wildcard from the field prefix and the word as
    // typed, so the free-text prefix has to be "Z" for "recommend*" to find anything.
    Searcher s = open_default();
    SearchRequest req;
    req.query = "recommendation";
    const auto word = s.search(req);
    req.query = "recommend*";
    const auto wildcard = s.search(req);
    CHECK(word.total > 0);
    CHECK(wildcard.total >= word.total);
    req.query = "title:recommend*";
    const auto title = s.search(req);
    CHECK(title.total > 0);
    CHECK(title.total < wildcard.total);
}

TEST_CASE("searcher: wildcards need a prefix and are few per query") {
    // Every wildcard is expanded in the ranked and in the counting pass, so "a* b* ... t*" read most of the index
    // twice (1.6 s on 3,518 works). A one-letter prefix or a ninth wildcard is refused, naming q.
    Searcher s = open_default();
    SearchRequest req;
    std::string twenty;
    for (char c = 'a'; c <= 't'; ++c) twenty += std::string(twenty.empty() ? "" : " ") + c + "*";
    req.query = twenty;
    CHECK_THROWS_WITH_AS(s.search(req), "a wildcard needs at least 2 characters before the *, got \"a*\"", InvalidArgument);
    req.query = "title:r*";
    CHECK_THROWS_WITH_AS(s.search(req), "a wildcard needs at least 2 characters before the *, got \"r*\"", InvalidArgument);
    req.query = "re* co* pr* mo* le* da* ne* sy* tr*";
    CHECK_THROWS_WITH_AS(s.search(req), "at most 8 wildcards in a query, got 9", InvalidArgument);
    try {
        s.search(req);
    } catch (const InvalidArgument& e) {
        CHECK(e.parameter() == "q");
    }
    // Eight short prefixes are allowed: each expands to its most frequent stems only (kMaxWildcardExpansion).
    req.query = "re* co* pr* mo* le* da* ne* sy*";
    CHECK(s.search(req).total > 0);
    // A "*" that ends no word is not a wildcard; neither is one inside a quoted phrase's words.
    req.query = "memory * recommendation";
    CHECK(s.search(req).total > 0);
}

TEST_CASE("searcher: a query the parser rejects is searched as its plain words, and says so") {
    // Omega's fallback: a pasted sentence with a stray quote finds what its words find, instead of a 400.
    Searcher s = open_default();
    SearchRequest req;
    req.query = "near-memory \"recommendation inference";
    const auto fallback = s.search(req);
    CHECK(fallback.query_fallback);
    req.query = "near memory recommendation inference";
    const auto plain = s.search(req);
    CHECK_FALSE(plain.query_fallback);
    CHECK(fallback.total == plain.total);
    CHECK(ids(fallback) == ids(plain));
    CHECK(!ids(fallback).empty());
}

TEST_CASE("searcher: author and topic facets counted by ordinal equal the counts by string, and the corpus") {
    Searcher s = open_default();
    const Xapian::Database& db = s.database();
    const auto sorted_counts = [](const FacetSpy& spy) {
        auto c = spy.counted();
        std::vector<std::pair<std::string, Xapian::doccount>> out(c.begin(), c.end());
        std::sort(out.begin(), out.end());
        return out;
    };
    for (const char* name : {"author", "topic"}) {
        const schema::Facet& facet = schema::facet(name);
        const auto dictionary = s.facet_dictionary(facet);
        REQUIRE(dictionary != nullptr);  // rebuild wrote one
        for (const Xapian::Query& q : {Xapian::Query::MatchAll, s.build_query([] {
                                           SearchRequest r;
                                           r.query = "recommendation";
                                           return r;
                                       }())}) {
            CAPTURE(name);
            CAPTURE(q.get_description());
            // By string (no dictionary), by ordinal into an array, by ordinal into a hash map (a small match).
            FacetSpy by_string(facet), dense(facet, dictionary), sparse(facet, dictionary, 1);
            Xapian::Enquire enquire(db);
            enquire.set_query(q);
            for (auto* spy : {&by_string, &dense, &sparse}) enquire.add_matchspy(spy);
            enquire.get_mset(0, 0, db.get_doccount());
            const auto expected = sorted_counts(by_string);
            REQUIRE(expected.size() > 10);
            CHECK(sorted_counts(dense) == expected);
            CHECK(sorted_counts(sparse) == expected);
        }
    }
    // Against the corpus itself: the works listing each of three real authors.
    FacetSpy authors(schema::facet("author"), s.facet_dictionary(schema::facet("author")));
    Xapian::Enquire all(db);
    all.set_query(Xapian::Query::MatchAll);
    all.add_matchspy(&authors);
    all.get_mset(0, 0, db.get_doccount());
    std::map<std::string, Xapian::doccount> counted;
    for (const auto& [v, n] : authors.counted()) counted[std::string(v)] = n;
    for (const std::string name : {"Kim Hazelwood", "Yang Liu", "Jiawei Han"}) {
        CAPTURE(name);
        Xapian::doccount listing = 0;
        for (const auto& w : default_works())
            listing += std::any_of(w.authors.begin(), w.authors.end(), [&](const Author& a) { return text::squeeze(a.name) == name; });
        CHECK(listing > 0);
        CHECK(counted[name] == listing);
    }
}
