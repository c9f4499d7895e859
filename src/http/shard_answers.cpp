#include "http/shard_answers.h"

#include "paperdex/error.h"

namespace paperdex::http {

nlohmann::json search_over_shards(ServerContext& ctx, const SearchParams& sp) {
    if (!ctx.remote()) return ctx.index().searcher.search(sp.request);
    const std::size_t total = ctx.options().shards.size();
    try {
        nlohmann::json body = ctx.index().searcher.search(sp.request);
        body["shards"] = {{"total", total}, {"failed", nlohmann::json::array()}};
        return body;
    } catch (const ShardUnavailable&) {
        if (!sp.partial) throw;
    }
    // Exact over the shards that answer: Xapian ranks them with their own global statistics.
    const LiveShards live = ctx.live_shards();
    nlohmann::json body = live.searcher->search(sp.request);
    body["shards"] = {{"total", total}, {"failed", live.failed}};
    return body;
}

void reply_shard_health(ServerContext& ctx, httplib::Response& res) {
    nlohmann::json shards = nlohmann::json::array();
    bool all = true;
    for (const ShardHealth& h : ctx.shard_health()) {
        nlohmann::json s{{"shard", h.shard}, {"ok", h.ok}};
        if (!h.ok) s["error"] = h.error;
        all = all && h.ok;
        shards.push_back(std::move(s));
    }
    nlohmann::json body{{"status", all ? "ok" : "degraded"}, {"shards", std::move(shards)}};
    if (all) {
        const IndexView index = ctx.glance();  // a health check must not wait behind searches
        body["generation"] = index.generation;
        body["documents"] = index.documents;
    }
    reply_json(res, body, all ? 200 : 503);
}

}  // namespace paperdex::http
