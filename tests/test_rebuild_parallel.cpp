// rebuild() builds segments on several threads and merges them by compaction; it must give the same index
// as a plain single-writer loop (DocumentBuilder + replace_document, one commit) over the same real works.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "index_fixture.h"
#include "paperdex/corpus/corpus.h"
#include "paperdex/importers/importers.h"
#include "paperdex/index/document.h"
#include "paperdex/index/rebuild.h"
#include "paperdex/index/index_directory.h"
#include "paperdex/index/schema.h"
#include "paperdex/search/searcher.h"

using namespace paperdex;
namespace fs = std::filesystem;

namespace {

// A real slice: the first five arXiv daily listings (a few thousand works with authors and topics).
std::vector<Work> arxiv_slice() {
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(std::string(PAPERDEX_DATA_DIR) + "/arxiv-daily")) files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    files.resize(5);
    return importers::import("arxiv-daily", files).works;
}

std::string write_corpus(const fs::path& dir, const std::string& name, const std::vector<Work>& works) {
    const std::string path = (dir / name).string();
    CorpusWriter out(path);
    for (const auto& w : works) out.write(w);
    out.close();
    return path;
}

// The reference: one writer, one document per work in corpus order, replace_document on the id term.
Xapian::Database plain_build(const fs::path& dir, const std::vector<Work>& works) {
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    DocumentBuilder builder;
    builder.set_database(db);
    for (const auto& w : works) db.replace_document("Q" + w.id, builder.build(w));
    db.commit();
    return Xapian::Database(dir.string());
}

struct Ranked {
    std::vector<std::string> ids;
    std::vector<double> scores;
    std::vector<std::pair<std::string, std::uint64_t>> authors, topics;
};

Ranked top10(const Xapian::Database& db, const std::string& q) {
    Searcher s(db);
    SearchRequest req;
    req.query = q;
    req.snippets = false;
    req.facets = {"author", "topic"};
    auto resp = s.search(req);
    Ranked r;
    for (const auto& h : resp.hits) {
        r.ids.push_back(h.id);
        r.scores.push_back(h.score);
    }
    for (const auto& v : resp.facets.at(0).values) r.authors.emplace_back(v.value, v.count);
    for (const auto& v : resp.facets.at(1).values) r.topics.emplace_back(v.value, v.count);
    return r;
}

}  // namespace

TEST_CASE("rebuild: segments built in parallel and compacted equal the plain single-writer build") {
    const auto works = arxiv_slice();
    REQUIRE(works.size() > 1000);
    const testing::TempDir tmp("rebuild-parallel");
    const auto& dir = tmp.path;
    const auto corpus = write_corpus(dir, "slice.jsonl", works);

    const Xapian::Database plain = plain_build(dir / "plain", works);
    RebuildOptions opt;
    opt.corpus_paths = {corpus};
    opt.index_dir = (dir / "index").string();
    opt.threads = 2;
    opt.segment_works = 250;  // many segments, so that the merge order matters
    const auto result = rebuild(opt);
    const Xapian::Database parallel = open_index(opt.index_dir);

    // Brute force: one document per distinct id (the importer already folded a work listed on several days).
    std::set<std::string> ids;
    for (const auto& w : works) ids.insert(w.id);
    CHECK(ids.size() == works.size());
    CHECK(result.works == ids.size());
    CHECK(parallel.get_doccount() == ids.size());
    CHECK(parallel.get_doccount() == plain.get_doccount());
    CHECK(parallel.get_lastdocid() == plain.get_lastdocid());
    CHECK(parallel.get_total_length() == plain.get_total_length());
    // Corpus order is kept: the i-th work has docid i+1 in both.
    for (std::size_t i : {std::size_t(0), std::size_t(249), std::size_t(250), works.size() - 1}) {
        CAPTURE(i);
        CHECK(Searcher(parallel).docid(works[i].id) == static_cast<Xapian::docid>(i + 1));
        CHECK(Searcher(plain).docid(works[i].id) == static_cast<Xapian::docid>(i + 1));
    }
    // rebuild numbers author and topic values (facet ordinals); the plain build has no dictionaries, so its
    // facets are counted by string and the checks below compare the two ways of counting.
    for (const char* name : {"author", "topic"}) {
        CAPTURE(name);
        CHECK(Searcher(parallel).facet_dictionary(schema::facet(name)) != nullptr);
        CHECK(Searcher(plain).facet_dictionary(schema::facet(name)) == nullptr);
    }
    // Real queries: three titles (known items) and two topical ones; same ids, scores, author and topic counts.
    for (const std::string& q : {works[10].title, works[700].title, works[works.size() - 3].title,
                                std::string("diffusion models for image editing"), std::string("large language model reasoning")}) {
        CAPTURE(q);
        const Ranked a = top10(plain, q), b = top10(parallel, q);
        REQUIRE(a.ids.size() == 10);
        CHECK(b.ids == a.ids);
        CHECK(b.scores == a.scores);
        CHECK(b.authors == a.authors);
        CHECK(b.topics == a.topics);
    }
    // Spelling data of every segment survives the merge.
    CHECK(parallel.get_spelling_suggestion("difusion") == plain.get_spelling_suggestion("difusion"));
}

TEST_CASE("rebuild: a work that comes again in a later segment is kept once, as its last version") {
    auto works = arxiv_slice();
    const testing::TempDir tmp("rebuild-parallel-dup");
    const auto& dir = tmp.path;
    const auto first = write_corpus(dir, "a.jsonl", works);
    Work again = works[3];
    again.title = "Second version: " + again.title;
    const auto second = write_corpus(dir, "b.jsonl", {again});

    RebuildOptions opt;
    opt.corpus_paths = {first, second};
    opt.index_dir = (dir / "index").string();
    opt.threads = 2;
    opt.segment_works = 100;
    const auto result = rebuild(opt);
    CHECK(result.works == works.size());
    Searcher s(open_index(opt.index_dir));
    CHECK(s.get_work(again.id).title == again.title);
    CHECK(s.database().get_termfreq("Q" + again.id) == 1);
}
