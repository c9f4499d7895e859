#pragma once
// The corpus and index of the HTTP tests, from real data: the three seeds (merged as `paperdex-corpus import`
// does), the arXiv OAI sample and the OpenAlex sample, each written as a corpus file; built once per ctest run
// (shared_fixture.h).
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "paperdex/corpus/corpus.h"
#include "paperdex/corpus/work.h"
#include "paperdex/importers/importers.h"
#include "paperdex/importers/merge.h"
#include "paperdex/index/rebuild.h"
#include "shared_fixture.h"

namespace paperdex::testing::http_fixture {

inline void write_corpus(const std::string& path, const std::vector<Work>& works) {
    CorpusWriter out(path);
    for (const auto& w : works) out.write(w);
    out.close();
}

inline std::vector<Work> imported(std::string_view format, const std::vector<std::string>& paths) {
    auto r = importers::import(format, paths);
    REQUIRE(r.errors.empty());
    return std::move(r.works);
}

inline std::string seed(const std::string& prefix) {
    for (const auto& e : std::filesystem::directory_iterator(PAPERDEX_SEEDS_DIR))
        if (e.path().filename().string().rfind(prefix, 0) == 0) return e.path().string();
    FAIL("no seed " << prefix);
    return {};
}

/// The corpus files, each a real source.
struct Corpus {
    std::string seeds, oai, openalex;
    std::vector<Work> works;  // all of them, in that order, for brute-force expectations
};

/// The shared fixture "http-corpus": seeds.jsonl, arxiv-oai.jsonl and openalex.jsonl, read back once per process.
inline const Corpus& corpus() {
    static const Corpus c = [] {
        const std::string dir = shared_fixture("http-corpus", [](const std::string& d) {
            auto profile = imported("bzpeer-profile", {seed("000_"), seed("002_")});
            auto listing = imported("arxiv-listing", {seed("001_")});
            profile.insert(profile.end(), listing.begin(), listing.end());
            write_corpus(d + "/seeds.jsonl", merge_works(std::move(profile)).works);
            write_corpus(d + "/arxiv-oai.jsonl",
                         imported("arxiv-oai", {std::string(PAPERDEX_DATA_DIR) +
                                                "/arxiv-kaggle-sample/arxiv-metadata-oai-snapshot.head200.json"}));
            write_corpus(d + "/openalex.jsonl",
                         imported("openalex", {std::string(PAPERDEX_DATA_DIR) + "/openalex-sample/sample_works.json.gz"}));
        });
        Corpus c{dir + "/seeds.jsonl", dir + "/arxiv-oai.jsonl", dir + "/openalex.jsonl", {}};
        for (const auto* part : {&c.seeds, &c.oai, &c.openalex})
            read_corpus(*part, [&](Work&& w) { c.works.push_back(std::move(w)); },
                        [](const CorpusError& e) { FAIL(e.what()); });
        return c;
    }();
    return c;
}

/// Builds (or rebuilds: a new generation) the index in `index_dir` over `corpus_paths`, on one thread.
inline void build_index_in(const std::string& index_dir, const std::vector<std::string>& corpus_paths) {
    RebuildOptions opt;
    opt.corpus_paths = corpus_paths;
    opt.index_dir = index_dir;
    opt.threads = 1;
    rebuild(opt);
}

/// The shared fixture "http-index": one generation over the three corpus files.
inline const std::string& main_index() {
    static const std::string dir = shared_fixture("http-index", [](const std::string& d) {
        build_index_in(d, {corpus().seeds, corpus().oai, corpus().openalex});
    });
    return dir;
}

}  // namespace paperdex::testing::http_fixture
