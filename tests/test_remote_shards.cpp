// Remote shards (remote_shards.h, `paperdex serve --shard`): the default corpus's sharded generations served by
// real, stock xapian-tcpsrv processes on loopback ports. Expected answers are the one-shard local index's (an
// independent build): same ids, order, scores (1e-9), totals, spelling and facet counts; and a shard that is
// killed or hangs is a 503 naming it, within its timeout, until it is back.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include <sys/types.h>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "index_fixture.h"
#include "paperdex/authors/author_index.h"
#include "paperdex/authors/collaborators.h"
#include "paperdex/error.h"
#include "paperdex/http/server.h"
#include "paperdex/index/index_directory.h"
#include "paperdex/index/remote_shards.h"
#include "paperdex/index/shard_layout.h"
#include "paperdex/search/searcher.h"
#include "paperdex/search/similar.h"
#include "shard_comparison.h"
#include "tcpsrv_process.h"

namespace fs = std::filesystem;
using namespace paperdex;
using json = nlohmann::json;
using paperdex::testing::TcpsrvProcess;

namespace {

// The generation's shards, each served by its own xapian-tcpsrv. One shard: the one-shard generation itself.
struct ServedShards {
    std::string index_dir;
    std::vector<std::unique_ptr<TcpsrvProcess>> servers;

    explicit ServedShards(unsigned n)
        : index_dir(n == 1 ? paperdex::testing::default_index() : paperdex::testing::sharded_default_index(n)) {
        const std::string gen = resolve_index(index_dir);
        for (unsigned k = 0; k < n; ++k)
            servers.push_back(std::make_unique<TcpsrvProcess>(n == 1 ? gen : (fs::path(gen) / ShardLayout::shard_name(k)).string()));
    }
    std::vector<RemoteShard> shards() const {
        std::vector<RemoteShard> out;
        for (const auto& s : servers) out.push_back(parse_remote_shard(s->url()));
        return out;
    }
    std::vector<std::string> urls() const {
        std::vector<std::string> out;
        for (const auto& s : servers) out.push_back(s->url());
        return out;
    }
    Searcher searcher() const { return Searcher::over_remote_shards(index_dir, shards(), RemoteTimeouts{}); }
};

}  // namespace

namespace {

// a and b have the same shape, strings and booleans, and numbers equal to 1e-12 relative.
bool json_near(const json& a, const json& b) {
    if (a.is_number() && b.is_number()) {
        const double x = a.get<double>(), y = b.get<double>();
        return std::abs(x - y) <= 1e-12 * std::max({1.0, std::abs(x), std::abs(y)});
    }
    if (a.type() != b.type() || a.size() != b.size()) return false;
    if (a.is_array()) {
        for (std::size_t i = 0; i < a.size(); ++i)
            if (!json_near(a[i], b[i])) return false;
        return true;
    }
    if (a.is_object()) {
        for (auto it = a.begin(); it != a.end(); ++it)
            if (!b.contains(it.key()) || !json_near(it.value(), b.at(it.key()))) return false;
        return true;
    }
    return a == b;
}

}  // namespace

TEST_CASE("remote shards: a shard URL is tcp://HOST:PORT, and anything else an error naming shard") {
    const RemoteShard s = parse_remote_shard("tcp://127.0.0.1:33333");
    CHECK(s.host == "127.0.0.1");
    CHECK(s.port == 33333);
    CHECK(s.url() == "tcp://127.0.0.1:33333");
    CHECK(parse_remote_shard("tcp://shard-3.example.org:1").host == "shard-3.example.org");
    for (const std::string& bad : std::vector<std::string>{"127.0.0.1:33333", "tcp://127.0.0.1", "tcp://:80", "tcp://h:0", "tcp://h:65536", "tcp://h:8x",
                            "http://h:80", "tcp://h:", std::string("tcp://") + std::string(300, 'h') + ":1"}) {
        CAPTURE(bad);
        try {
            parse_remote_shard(bad);
            FAIL("accepted");
        } catch (const InvalidArgument& e) {
            CHECK(e.parameter() == "shard");
        }
    }
    CHECK(shard_of_xapian_context("remote:tcp(10.0.0.7:3333)") == "tcp://10.0.0.7:3333");
    CHECK(shard_of_xapian_context("/srv/index/gen-3/postlist.glass").empty());
}

TEST_CASE("remote shards: 1, 2 and 4 shards on xapian-tcpsrv answer every search exactly as one local shard") {
    Searcher one(open_index(paperdex::testing::default_index()));
    const auto reqs = paperdex::testing::shard_comparison_requests();
    REQUIRE(reqs.size() > 150);
    for (unsigned n : {1u, 2u, 4u}) {
        CAPTURE(n);
        ServedShards served(n);
        const Searcher remote = served.searcher();
        REQUIRE(remote.database().get_doccount() == one.database().get_doccount());
        for (const auto& r : reqs) paperdex::testing::check_same_answer(one, remote, r);
    }
}

TEST_CASE("remote shards: similar works, pasted text, author profiles and collaborators as one local shard") {
    const Searcher one(open_index(paperdex::testing::default_index()));
    ServedShards served(2);
    const Searcher remote = served.searcher();
    SimilarOptions opt;
    opt.limit = 10;
    const auto& works = paperdex::testing::default_works();
    for (std::size_t i = 0; i < works.size(); i += 211) {
        const auto a = similar(one, works[i].id, opt), b = similar(remote, works[i].id, opt);
        INFO("work " << works[i].id);
        REQUIRE(a.hits.size() == b.hits.size());
        for (std::size_t h = 0; h < a.hits.size(); ++h) {
            CHECK(b.hits[h].id == a.hits[h].id);
            CHECK(std::abs(b.hits[h].score - a.hits[h].score) <= 1e-9);
        }
    }
    const auto a = similar_text(one, works[5].abstract, opt), b = similar_text(remote, works[5].abstract, opt);
    REQUIRE(a.hits.size() == b.hits.size());
    for (std::size_t h = 0; h < a.hits.size(); ++h) CHECK(b.hits[h].id == a.hits[h].id);
    // The author index is local (DIR keeps it); the works it lists and ranks come from the shards.
    const AuthorIndex authors = AuthorIndex::open(served.index_dir);
    for (std::string key : {"milad hashemi", "kim hazelwood"}) {
        CAPTURE(key);
        CHECK(json(author_profile(remote, authors, key, 1, 20)) == json(author_profile(one, authors, key, 1, 20)));
        // Equal but for the last bits of the scores: a candidate's topic score sums its works' BM25 weights, which
        // the remote match adds up in another order.
        const json far = suggest_collaborators(remote, authors, key), near = suggest_collaborators(one, authors, key);
        CHECK_MESSAGE(json_near(far, near), "remote: " << far.dump() << "\nlocal:  " << near.dump());
    }
}

TEST_CASE("remote shards: a killed or hung shard is a 503 naming it within its timeout, and the next request after "
          "it is back succeeds") {
    ServedShards served(2);
    http::ServerOptions o;
    o.host = "127.0.0.1";
    o.port = 0;
    o.threads = 4;
    o.cache_mb = 0;
    o.index_dir = served.index_dir;
    o.shards = served.urls();
    o.shard_timeout_ms = 500;
    http::HttpServer server(o);
    server.start();
    httplib::Client client("127.0.0.1", server.port());
    client.set_read_timeout(10, 0);
    const httplib::Params search{{"q", "memory access prefetching"}, {"facets", "author,year"}};
    auto get = [&](const std::string& path, const httplib::Params& params) {
        const auto t0 = std::chrono::steady_clock::now();
        auto res = client.Get(path, params, httplib::Headers{});
        REQUIRE(res);
        return std::pair{json::parse(res->body, nullptr, false),
                         std::pair{res->status, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count()}};
    };
    const auto [before, ok] = get("/api/search", search);
    REQUIRE(ok.first == 200);
    REQUIRE(before["total"].get<int>() > 0);
    CHECK(before["shards"] == json{{"total", 2}, {"failed", json::array()}});

    served.servers[1]->stop();
    for (int i = 0; i < 3; ++i) {  // every time, not only on the request that found the broken connection
        const auto [down, status] = get("/api/search", search);
        CHECK(status.first == 503);
        CHECK(down["error"]["code"] == "shard_unavailable");
        CHECK(down["error"]["shard"] == served.servers[1]->url());
        CHECK(status.second < 3000);
    }
    {
        // partial=true: the shard that answers, as that shard alone answers when opened locally.
        httplib::Params partial = search;
        partial.emplace("partial", "true");
        const auto [part, status] = get("/api/search", partial);
        CHECK(status.first == 200);
        CHECK(part["shards"] == json{{"total", 2}, {"failed", {served.servers[1]->url()}}});
        const Searcher shard0(Xapian::Database((fs::path(resolve_index(served.index_dir)) / ShardLayout::shard_name(0)).string()));
        SearchRequest r;
        r.query = "memory access prefetching";
        r.facets = {"author", "year"};
        const SearchResponse expected = shard0.search(r);
        CHECK(part["facets"] == json(expected)["facets"]);
        CHECK(part["total"] == expected.total);
        REQUIRE(part["hits"].size() == expected.hits.size());
        for (std::size_t i = 0; i < expected.hits.size(); ++i) CHECK(part["hits"][i]["id"] == expected.hits[i].id);
        const auto [health, hs] = get("/healthz", {});
        CHECK(hs.first == 503);
        CHECK(health["status"] == "degraded");
        CHECK(health["shards"][0]["ok"] == true);
        CHECK(health["shards"][1]["ok"] == false);
        CHECK(health["shards"][1]["shard"] == served.servers[1]->url());
    }
    served.servers[1]->start();
    {
        const auto [health, hs] = get("/healthz", {});
        CHECK(hs.first == 200);
        CHECK(health["status"] == "ok");
        CHECK(health["documents"] == paperdex::testing::default_works().size());
        const auto [back, status] = get("/api/search", search);
        CHECK(status.first == 200);
        CHECK(back["hits"] == before["hits"]);
        CHECK(back["facets"] == before["facets"]);
    }

    served.servers[0]->pause();  // connections stay open, nothing answers
    {
        const auto [hung, status] = get("/api/search", search);
        CHECK(status.first == 503);
        CHECK(hung["error"]["shard"] == served.servers[0]->url());
        CHECK(status.second < 3000);
    }
    served.servers[0]->resume();
    const auto [again, status] = get("/api/search", search);
    CHECK(status.first == 200);
    CHECK(again["hits"] == before["hits"]);
    server.stop();
}

namespace {

// The pids of the xapian-progsrv processes serving `shard_dir` (this process's children: /proc/PID/cmdline).
std::vector<pid_t> progsrv_pids(const std::string& shard_dir) {
    std::vector<pid_t> pids;
    for (const auto& entry : fs::directory_iterator("/proc")) {
        const std::string name = entry.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos) continue;
        std::ifstream in(entry.path() / "cmdline", std::ios::binary);
        std::string cmdline((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::replace(cmdline.begin(), cmdline.end(), '\0', ' ');
        if (cmdline.find("xapian-progsrv") != std::string::npos && cmdline.find(shard_dir) != std::string::npos)
            pids.push_back(static_cast<pid_t>(std::stol(name)));
    }
    return pids;
}

}  // namespace

TEST_CASE("shard processes: serve answers a sharded generation from one xapian-progsrv per shard as one local shard "
          "does; a killed shard process is a 503 naming its shard, and the next request succeeds") {
    http::ServerOptions o;
    o.host = "127.0.0.1";
    o.port = 0;
    o.threads = 4;
    o.cache_mb = 0;
    o.index_dir = paperdex::testing::sharded_default_index(2);
    REQUIRE(o.shard_processes);  // the default
    http::HttpServer server(o);
    server.start();
    httplib::Client client("127.0.0.1", server.port());
    client.set_read_timeout(10, 0);
    const httplib::Params search{{"q", "memory access prefetching"}, {"facets", "author,year,topic"}};
    auto get = [&](const httplib::Params& params) {
        auto res = client.Get("/api/search", params, httplib::Headers{});
        REQUIRE(res);
        return std::pair{res->status, json::parse(res->body, nullptr, false)};
    };
    const auto [status, body] = get(search);
    REQUIRE(status == 200);
    Searcher one(open_index(paperdex::testing::default_index()));
    SearchRequest r;
    r.query = "memory access prefetching";
    r.facets = {"author", "year", "topic"};
    const json expected = json(one.search(r));
    CHECK(body["total"] == expected["total"]);
    CHECK(body["facets"] == expected["facets"]);
    REQUIRE(body["hits"].size() == expected["hits"].size());
    for (std::size_t i = 0; i < expected["hits"].size(); ++i) {
        CHECK(body["hits"][i]["id"] == expected["hits"][i]["id"]);
        CHECK(std::abs(body["hits"][i]["score"].get<double>() - expected["hits"][i]["score"].get<double>()) <= 1e-9);
    }

    const std::string shard1 = (fs::path(resolve_index(o.index_dir)) / ShardLayout::shard_name(1)).string();
    const auto pids = progsrv_pids(shard1);
    REQUIRE(pids.size() == 1);  // one request at a time: one pooled index
    REQUIRE(::kill(pids[0], SIGKILL) == 0);
    const auto [down_status, down] = get(search);
    CHECK(down_status == 503);
    CHECK(down["error"]["code"] == "shard_unavailable");
    CHECK(down["error"]["shard"] == shard1);
    const auto [back_status, back] = get(search);
    CHECK(back_status == 200);
    CHECK(back["hits"] == body["hits"]);
    CHECK(back["facets"] == body["facets"]);
}
