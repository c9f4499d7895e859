// Uses an installed paperdex as a program outside its tree would: reads a corpus with the corpus reader, rebuilds an
// index from it, and searches it. tests/install.test.sh checks what it prints.
// usage: example CORPUS.jsonl INDEX_DIR QUERY
#include <cstdlib>
#include <iostream>
#include <string>

#include "paperdex/corpus/corpus.h"
#include "paperdex/http/server.h"
#include "paperdex/index/index_directory.h"
#include "paperdex/index/rebuild.h"
#include "paperdex/search/searcher.h"

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: example CORPUS.jsonl INDEX_DIR QUERY\n";
        return 2;
    }
    try {
        const std::string corpus = argv[1], index = argv[2];
        std::size_t works = 0;
        const paperdex::CorpusStats read = paperdex::read_corpus(
            corpus, [&works](paperdex::Work&&) { ++works; },
            [](const paperdex::CorpusError& e) { std::cerr << "rejected: " << e.what() << "\n"; });
        std::cout << "read " << works << " works, " << read.rejected << " rejected\n";

        paperdex::RebuildOptions options;
        options.corpus_paths = {corpus};
        options.index_dir = index;
        options.threads = 1;
        const paperdex::RebuildResult built = paperdex::rebuild(options);
        std::cout << "indexed " << built.works << " works\n";

        paperdex::Searcher searcher(paperdex::open_index(index));
        paperdex::SearchRequest request;
        request.query = argv[3];
        request.facets = {"year"};
        const paperdex::SearchResponse found = searcher.search(request);
        if (found.hits.empty()) {
            std::cout << "no hits\n";
            return 1;
        }
        std::cout << "top " << found.hits.front().id << " of " << found.total << "\n";
        // The HTTP layer links too: an HttpServer over the same index, never bound.
        paperdex::http::ServerOptions http;
        http.index_dir = index;
        paperdex::http::HttpServer server(http);
        std::cout << "server port " << server.port() << "\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "example: " << e.what() << "\n";
        return 1;
    }
}
