#pragma once
// Builds real indexes for tests: the default corpus (corpus/: the three seeds merged + a real arXiv
// listing subset) through the same rebuild() the CLI uses, once per ctest run (shared_fixture.h).
#include <filesystem>
#include <list>
#include <map>
#include <string>
#include <vector>

#include "paperdex/authors/author_index.h"
#include "paperdex/corpus/corpus.h"
#include "paperdex/index/rebuild.h"
#include "paperdex/index/index_directory.h"
#include "paperdex/search/searcher.h"
#include "shared_fixture.h"
#include "temp_dir.h"

namespace paperdex::testing {

/// A fresh directory as TempDir makes, removed when the process exits (each ctest case is one process). For cases
/// written before TempDir (branches in flight use it); new code declares a TempDir in the case instead.
inline std::filesystem::path fresh_temp_dir(const std::string& name) {
    static std::list<TempDir> dirs;
    return dirs.emplace_back(name).path;
}

inline std::string default_corpus_dir() { return std::string(PAPERDEX_SOURCE_DIR) + "/corpus"; }

/// Index directory (with gen-N and current) over the default corpus: the shared fixture "default-index".
inline const std::string& default_index() {
    static const std::string dir = shared_fixture("default-index", [](const std::string& d) {
        RebuildOptions opt;
        opt.corpus_paths = {default_corpus_dir()};
        opt.index_dir = d;
        rebuild(opt);
    });
    return dir;
}

/// The default corpus rebuilt as `shards` shards (rebuild --shards): the shared fixture "default-index-N-shards".
inline const std::string& sharded_default_index(unsigned shards) {
    static std::map<unsigned, std::string> dirs;
    if (auto it = dirs.find(shards); it != dirs.end()) return it->second;
    return dirs[shards] = shared_fixture("default-index-" + std::to_string(shards) + "-shards", [shards](const std::string& d) {
        RebuildOptions opt;
        opt.corpus_paths = {default_corpus_dir()};
        opt.index_dir = d;
        opt.shards = shards;
        rebuild(opt);
    });
}

/// One Searcher and one AuthorIndex over the default index, shared by a test binary's cases.
inline Searcher& default_searcher() {
    static Searcher s(open_index(default_index()));
    return s;
}
inline AuthorIndex& default_authors() {
    static AuthorIndex a = AuthorIndex::open(default_index());
    return a;
}

/// Every work of the default corpus, for brute-force checks.
inline const std::vector<Work>& default_works() {
    static const std::vector<Work> works = [] {
        std::vector<Work> out;
        for (const auto& f : corpus_files({default_corpus_dir()}))
            read_corpus(f, [&](Work&& w) { out.push_back(std::move(w)); }, [](const CorpusError&) {});
        return out;
    }();
    return works;
}

}  // namespace paperdex::testing
