#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>

#include "index_fixture.h"
#include <nlohmann/json.hpp>

#include "paperdex/authors/author_index.h"
#include "paperdex/error.h"
#include "corpus/line_reader.h"
#include "paperdex/corpus/work.h"
#include "paperdex/index/rebuild.h"
#include "paperdex/index/index_directory.h"
#include "paperdex/search/searcher.h"

using namespace paperdex;
namespace fs = std::filesystem;

namespace {

// The seeds corpus is real and small (13 profile works + the listing), so each rebuild here takes a moment.
std::string seeds_corpus() { return std::string(PAPERDEX_SOURCE_DIR) + "/corpus/seeds.jsonl"; }

RebuildResult build(const std::string& dir, std::vector<std::string> corpus, bool strict = false) {
    RebuildOptions opt;
    opt.corpus_paths = std::move(corpus);
    opt.index_dir = dir;
    opt.strict = strict;
    return rebuild(opt);
}

// Brute force, without paperdex's corpus reader: the distinct "id"s of the JSON lines of `paths`.
std::size_t distinct_ids(const std::vector<std::string>& paths) {
    std::set<std::string> ids;
    for (const auto& path : paths) {
        LineReader in(path);
        for (std::string line; in.next(line);)
            if (!line.empty()) ids.insert(nlohmann::json::parse(line).at("id").get<std::string>());
    }
    return ids.size();
}

std::uint64_t count(const Searcher& s, const std::string& q) {
    SearchRequest req;
    req.query = q;
    req.limit = 0;
    return s.search(req).total;
}

}  // namespace

TEST_CASE("rebuild: a reader opened before the swap still answers; a new one sees the new generation") {
    const paperdex::testing::TempDir tmp("rebuild-swap");
    const auto& dir = tmp.path;
    auto first = build(dir.string(), {seeds_corpus()});
    CHECK(fs::path(first.generation_dir).filename() == "gen-1");
    CHECK(fs::read_symlink(dir / "current") == "gen-1");
    Searcher before(open_index(dir.string()));
    const auto n1 = before.database().get_doccount();
    const std::size_t seeds_works = distinct_ids({seeds_corpus()});
    CHECK(seeds_works == 21);
    CHECK(n1 == seeds_works);
    CHECK(first.works == seeds_works);
    CHECK(count(before, "recommendation") > 0);

    const std::string sample = std::string(PAPERDEX_SOURCE_DIR) + "/corpus/arxiv-sample.jsonl.gz";
    auto second = build(dir.string(), {seeds_corpus(), sample});
    CHECK(fs::read_symlink(dir / "current") == "gen-2");
    const std::size_t both_works = distinct_ids({seeds_corpus(), sample});
    CHECK(both_works == 3518);  // 21 seeds + 3,497 sample works, no id in both
    CHECK(second.works == both_works);
    // The old reader keeps its snapshot: same documents, same answers.
    CHECK(before.database().get_doccount() == n1);
    CHECK(count(before, "recommendation") > 0);
    Searcher after(open_index(dir.string()));
    CHECK(after.database().get_doccount() == second.works);

    // A third generation removes gen-1 but keeps the previous one (gen-2) for readers still on it.
    build(dir.string(), {seeds_corpus()});
    CHECK(fs::read_symlink(dir / "current") == "gen-3");
    CHECK(!fs::exists(dir / "gen-1"));
    CHECK(fs::exists(dir / "gen-2"));
    CHECK(after.database().get_doccount() == second.works);
}

TEST_CASE("rebuild: a failed rebuild leaves the serving generation untouched") {
    const paperdex::testing::TempDir tmp("rebuild-fail");
    const auto& dir = tmp.path;
    build(dir.string(), {seeds_corpus()});
    const auto serving = fs::read_symlink(dir / "current");

    SUBCASE("missing corpus path") {
        CHECK_THROWS_AS(build(dir.string(), {(dir / "nope.jsonl").string()}), CorpusError);
    }
    SUBCASE("strict with a rejected line") {
        // Handmade: a corpus line with a bad year is an edge case no real file has.
        auto bad = dir / "bad.jsonl";
        std::ofstream(bad) << R"({"id":"x:1","title":"ok","source":"test"})" << "\n"
                           << R"({"id":"x:2","title":"bad","year":"2019a","source":"test"})" << "\n";
        CHECK_THROWS_WITH_AS(build(dir.string(), {bad.string()}, true),
                             (bad.string() + ":2: \"year\" must be an integer, got \"2019a\" (and 0 more; --strict keeps the serving index)").c_str(),
                             CorpusError);
    }
    CHECK(fs::read_symlink(dir / "current") == serving);
    for (const auto& e : fs::directory_iterator(dir)) CHECK(e.path().extension() != ".building");
    CHECK(open_index(dir.string()).get_doccount() > 0);
}

TEST_CASE("rebuild: rejected lines are reported and counted, the rest indexed") {
    const paperdex::testing::TempDir tmp("rebuild-rejects");
    const auto& dir = tmp.path;
    auto bad = dir / "mixed.jsonl";
    std::ofstream(bad) << R"({"id":"x:1","title":"first","source":"test"})" << "\n"
                       << "{not json\n"
                       << R"({"id":"x:3","title":"third","source":"test"})" << "\n";
    auto r = build((dir / "index").string(), {bad.string()});
    CHECK(r.works == 2);
    REQUIRE(r.rejected == 1);
    CHECK(r.errors[0].line() == 2);
}

TEST_CASE("rebuild: a work whose id is too long to index is reported by file:line, the others indexed") {
    // A 300-byte id among real works: its "Q" term is over Xapian's 245-byte limit, which once failed the whole
    // rebuild ("Term too long").
    const paperdex::testing::TempDir tmp("rebuild-long-id");
    const auto& dir = tmp.path;
    std::vector<std::string> seeds;
    LineReader in(seeds_corpus());
    for (std::string line; seeds.size() < 5 && in.next(line);) seeds.push_back(line);
    auto corpus = dir / "mixed.jsonl";
    {
        std::ofstream out(corpus);
        for (std::size_t i = 0; i < seeds.size(); ++i) {
            if (i == 3) out << nlohmann::json{{"id", "x:" + std::string(298, 'a')}, {"title", "long id"}, {"source", "test"}}.dump() << "\n";
            out << seeds[i] << "\n";
        }
    }
    const auto r = build((dir / "index").string(), {corpus.string()});
    CHECK(r.works == 5);
    REQUIRE(r.rejected == 1);
    CHECK(std::string(r.errors[0].what()) == corpus.string() + ":4: \"id\" is longer than 200 bytes (300)");
    const auto db = open_index((dir / "index").string());
    for (const auto& line : seeds)
        CHECK(db.term_exists("Q" + nlohmann::json::parse(line).at("id").get<std::string>()));
}

TEST_CASE("rebuild: a corpus that is not a regular file is read, not a filesystem_error") {
    // `--corpus <(zcat corpus.jsonl.gz)` hands rebuild a pipe (/dev/fd/63), which has no size; std::filesystem's
    // file_size() threw its own error out of rebuild(), which may throw paperdex errors only. /dev/null is such a
    // file that needs no writer.
    const paperdex::testing::TempDir tmp("rebuild-not-regular");
    RebuildResult r;
    try {
        r = build((tmp.path / "index").string(), {"/dev/null"});
    } catch (const std::filesystem::filesystem_error& e) {
        FAIL("filesystem_error escaped rebuild(): " << std::string(e.what()));
    }
    CHECK(r.works == 0);
    CHECK(r.rejected == 0);
    CHECK(open_index((tmp.path / "index").string()).get_doccount() == 0);
}

TEST_CASE("rebuild: resolve_index throws NotFound where there is no index") {
    const paperdex::testing::TempDir tmp("rebuild-none");
    const auto& dir = tmp.path;
    CHECK_THROWS_AS(resolve_index(dir.string()), NotFound);
}

TEST_CASE("rebuild: an author name over Xapian's term limit is indexed, found and filtered by its cut key") {
    // arXiv's listing of 2025-06-04 has one "author" that is 36 names run together ("Xiangyu Kongand Xiaoxia
    // Xingand ..."). The arxiv-daily importer splits it, but a corpus written by another tool keeps it whole,
    // far over the 245-byte term limit; it once failed a whole rebuild. The work goes in with the raw list.
    LineReader raw(std::string(PAPERDEX_DATA_DIR) + "/arxiv-daily/2025-06-04.jsonl.gz");
    Work w;
    for (std::string line; raw.next(line);) {
        const auto j = nlohmann::json::parse(line);
        if (j.at("id") != "2506.02197") continue;
        w.id = "arxiv:2506.02197";
        w.title = j.at("title").get<std::string>();
        w.abstract = j.at("summary").get<std::string>();
        w.source = "arxiv-daily";
        for (const auto& a : j.at("authors")) w.authors.push_back(Author{a.get<std::string>(), {}});
    }
    REQUIRE(w.authors.size() == 4);
    const Author long_name = w.authors[3];
    // Its key by hand: the name is ASCII letters, single spaces and one hyphen, which a key keeps as they are,
    // lower-cased.
    REQUIRE(long_name.name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ -") == std::string::npos);
    REQUIRE(long_name.name.find("  ") == std::string::npos);
    std::string key = long_name.name;
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
    REQUIRE(key.size() > 245);
    CHECK(author_key(long_name) == key);

    const paperdex::testing::TempDir tmp("rebuild-long-author");
    const auto& dir = tmp.path;
    const auto corpus = (dir / "works.jsonl").string();
    std::ofstream(corpus) << nlohmann::json(w).dump() << "\n";
    const auto r = build((dir / "index").string(), {seeds_corpus(), corpus});
    CHECK(r.rejected == 0);

    const auto authors = AuthorIndex::open((dir / "index").string());
    const auto record = authors.get(key);
    CHECK(record.works_count == 1);
    CHECK(record.name == long_name.name);

    Searcher s(open_index((dir / "index").string()));
    SearchRequest req;
    req.authors = {long_name.name};
    const auto hits = s.search(req);
    REQUIRE(hits.total == 1);
    CHECK(hits.hits.front().id == "arxiv:2506.02197");
}
