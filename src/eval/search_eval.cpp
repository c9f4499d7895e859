// Judged queries → Searcher::search → a run. This is the evaluation's only way to rank: the same call the HTTP
// API's /api/search makes, so that the figures describe what users get.
#include <chrono>

#include "paperdex/error.h"
#include "paperdex/eval/eval.h"
#include "paperdex/search/searcher.h"

namespace paperdex::eval {

SearchRun run_search(const Searcher& searcher, const std::vector<Query>& queries, const Qrels& qrels,
                     const SearchRunOptions& opt) {
    if (opt.depth == 0 || opt.depth > 1000)
        throw InvalidArgument("depth", "depth must be 1..1000, got " + std::to_string(opt.depth));
    SearchRun out;
    std::map<std::string, const Query*> by_key;
    for (const auto& q : queries) by_key.emplace(query_key(q.id), &q);
    for (const auto& judged : qrels.queries) {
        auto it = by_key.find(query_key(judged.id));
        if (it == by_key.end()) {
            ++out.missing;
            continue;
        }
        SearchRequest req;
        req.query = it->second->text;
        req.limit = opt.depth;
        req.snippets = false;
        ++out.asked;
        auto& docs = out.results[judged.id];
        const auto start = std::chrono::steady_clock::now();
        SearchResponse resp;
        try {
            resp = searcher.search(req);
        } catch (const InvalidArgument& e) {
            out.latency_ms.push_back(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
            out.failed.push_back(judged.id + ": " + e.what());
            continue;
        }
        out.latency_ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        docs.reserve(resp.hits.size());
        for (const auto& h : resp.hits) {
            std::string id = h.id;
            if (opt.strip_id_prefix) {
                auto colon = id.find(':');
                if (colon != std::string::npos) id.erase(0, colon + 1);
            }
            docs.push_back({std::move(id), h.score});
        }
    }
    return out;
}

Run to_run(const SearchRun& sr) {
    Run run;
    for (const auto& [qid, docs] : sr.results) {
        auto& ids = run[qid];
        for (const auto& d : docs) ids.push_back(d.doc_id);
    }
    return run;
}

}  // namespace paperdex::eval
