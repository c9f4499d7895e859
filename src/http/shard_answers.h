#pragma once
// Private to the HTTP layer: answers that depend on remote shards being up (ServerOptions::shards): a search
// that may leave a down shard out (partial=true), and /healthz shard by shard.
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "http/context.h"
#include "http/params.h"

namespace paperdex::http {

/// The search's JSON answer. With remote shards it carries "shards": {"total", "failed": [URL...]}
/// (Elasticsearch's _shards). A shard that does not answer fails the search with ShardUnavailable (503), unless
/// sp.partial: then the shards that answer are searched and the others listed in "failed".
/// @throws as Searcher::search and ServerContext::index/live_shards.
nlohmann::json search_over_shards(ServerContext& ctx, const SearchParams& sp);

/// /healthz with remote shards: {"status": "ok"|"degraded", "shards": [{"shard", "ok", "error"?}], and, when
/// every shard answers, "generation" and "documents"}; 200 when every shard answers, else 503.
void reply_shard_health(ServerContext& ctx, httplib::Response& res);

}  // namespace paperdex::http
