// The query path on a small real index (the seeds): URL query parameters as /api/search parses them, then
// Searcher::search. Bad input may only be an InvalidArgument (a 400); anything else escaping is a finding.
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include <httplib.h>

#include "fuzz_target.h"
#include "http/params.h"
#include "paperdex/error.h"
#include "paperdex/index/index_directory.h"
#include "paperdex/index/rebuild.h"
#include "paperdex/search/searcher.h"

namespace {

paperdex::Searcher& searcher() {
    static std::unique_ptr<paperdex::Searcher> s = [] {
        const auto dir = std::filesystem::temp_directory_path() / ("paperdex-fuzz-search-" + std::to_string(::getpid()));
        paperdex::RebuildOptions ro;
        ro.corpus_paths = {std::string(PAPERDEX_SOURCE_DIR) + "/corpus/seeds.jsonl"};
        ro.index_dir = dir.string();
        paperdex::rebuild(ro);
        std::atexit([] {
            std::error_code ec;
            std::filesystem::remove_all(std::filesystem::temp_directory_path() /
                                            ("paperdex-fuzz-search-" + std::to_string(::getpid())), ec);
        });
        return std::make_unique<paperdex::Searcher>(paperdex::open_index(dir.string()));
    }();
    return *s;
}

// "q=a&facets=year&q=b" → params, as httplib would decode a query string.
httplib::Params params_of(const std::string& text) {
    httplib::Params params;
    httplib::detail::parse_query_text(text, params);
    return params;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        auto parsed = paperdex::http::parse_search_params(params_of(text));
        parsed.request.facet_check_bound = 1000;
        searcher().search(parsed.request);
    } catch (const paperdex::InvalidArgument&) {
    }
    return 0;
}
