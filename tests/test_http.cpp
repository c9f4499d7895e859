// The HTTP API against a real server, started in-process on a free port, over an index built from real
// data: the three seeds (merged as `paperdex-corpus import` does), the arXiv OAI sample and the OpenAlex sample.
#include <doctest/doctest.h>

#include <sstream>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <unistd.h>
#include <xapian.h>

#include "http/response_cache.h"
#include "http/errors.h"
#include "paperdex/corpus/corpus.h"
#include "paperdex/error.h"
#include "paperdex/http/server.h"
#include "paperdex/importers/importers.h"
#include "paperdex/index/rebuild.h"
#include "paperdex/importers/merge.h"
#include "paperdex/corpus/text.h"
#include "http_fixture.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using nlohmann::json;
using paperdex::Work;

namespace {

// corpus() and main_index() are built once per ctest run (http_fixture.h).
using paperdex::testing::http_fixture::corpus;
using paperdex::testing::http_fixture::main_index;

// This process's scratch folder, removed at exit: the swap tests build their own indexes here.
fs::path temp_root() {
    static const paperdex::testing::TempDir dir("test-http");
    return dir.path;
}

std::string build_index(const std::string& name, const std::vector<std::string>& corpus_paths) {
    const std::string dir = (temp_root() / name).string();
    paperdex::testing::http_fixture::build_index_in(dir, corpus_paths);
    return dir;
}

// A server on a free port over `index_dir`, stopped when the test case ends.
struct TestServer {
    explicit TestServer(paperdex::http::ServerOptions o) : server(prepare(std::move(o))), client("127.0.0.1", port()) {}
    explicit TestServer(const std::string& index_dir) : TestServer(options(index_dir)) {}

    static paperdex::http::ServerOptions options(const std::string& index_dir) {
        paperdex::http::ServerOptions o;
        o.index_dir = index_dir;
        return o;
    }
    static paperdex::http::ServerOptions prepare(paperdex::http::ServerOptions o) {
        o.host = "127.0.0.1";
        o.port = 0;
        if (o.threads == 0) o.threads = 2;
        return o;
    }
    int port() {
        server.start();
        return server.port();
    }

    httplib::Result get(const std::string& path, const httplib::Params& params = {}) {
        return client.Get(path, params, httplib::Headers{});
    }
    json get_json(const std::string& path, const httplib::Params& params = {}, int expect_status = 200) {
        auto res = get(path, params);
        REQUIRE(res);
        CHECK(res->status == expect_status);
        CHECK(res->get_header_value("Content-Type") == "application/json");
        return json::parse(res->body);
    }

    paperdex::http::HttpServer server;
    httplib::Client client;
};

std::vector<std::string> hit_ids(const json& body) {
    std::vector<std::string> ids;
    for (const auto& h : body.at("hits")) ids.push_back(h.at("id").get<std::string>());
    return ids;
}

std::size_t count_works(const std::function<bool(const Work&)>& pred) {
    return static_cast<std::size_t>(std::count_if(corpus().works.begin(), corpus().works.end(), pred));
}

bool has_topic(const Work& w, const std::string& t) {
    return std::find(w.topics.begin(), w.topics.end(), t) != w.topics.end();
}

}  // namespace

TEST_CASE("http: /healthz reports the generation and document count") {
    TestServer s(main_index());
    const json body = s.get_json("/healthz");
    CHECK(body == json{{"status", "ok"}, {"generation", 1}, {"documents", corpus().works.size()}});
    CHECK(corpus().works.size() == 321);  // 21 merged seed works + 200 arXiv OAI + 100 OpenAlex
}

TEST_CASE("http: /api/search ranks works with snippets and facet counts") {
    TestServer s(main_index());

    SUBCASE("an author's recommendation works, the recommendation papers first") {
        const json body = s.get_json("/api/search", {{"q", "recommendation"}, {"author", "Kim Hazelwood"},
                                                     {"facets", "year,author"}});
        CHECK(body.at("query") == "recommendation");
        CHECK(body.at("page") == 1);
        CHECK(body.at("per_page") == 10);
        CHECK(body.at("total") == 3);
        CHECK(body.at("total_exact") == true);
        const auto ids = hit_ids(body);
        REQUIRE(ids.size() == 3);
        CHECK(std::set<std::string>(ids.begin(), ids.begin() + 2) ==
              std::set<std::string>{"arxiv:1906.03109", "arxiv:1912.12953"});
        CHECK(ids[2] == "bzpeer:exploiting-parallelism-opportunities-with-deep-learning-frameworks");
        const json& first = body.at("hits").at(0);
        CHECK(first.at("rank") == 0);
        CHECK(first.at("score").get<double>() > 0);
        CHECK(first.at("snippet").get<std::string>().find("<mark>") != std::string::npos);
        CHECK(first.at("work").at("id") == first.at("id"));
        CHECK(body.at("facets").at("author") ==
              json{{"exact", true}, {"values", json::array({{{"value", "Kim Hazelwood"}, {"count", 3}}})}});
        CHECK(body.at("facets").at("year") ==
              json{{"exact", true},
                   {"values", json::array({{{"value", "2020"}, {"count", 2}}, {{"value", "2019"}, {"count", 1}}})}});
    }

    SUBCASE("browsing by one topic counts exactly the works with it") {
        const json body = s.get_json("/api/search", {{"topic", "hep-th"}, {"per_page", "100"}});
        const auto expected = count_works([](const Work& w) { return has_topic(w, "hep-th"); });
        CHECK(expected == 15);
        CHECK(body.at("total") == expected);
        CHECK(body.at("hits").size() == expected);
        for (const auto& h : body.at("hits")) CHECK(has_topic(h.at("work").get<Work>(), "hep-th"));
    }

    SUBCASE("a repeated filter parameter ORs its values; different filters AND") {
        // Totals are exact when facets are counted (else Xapian's estimate).
        const json both = s.get_json("/api/search", {{"topic", "hep-th"}, {"topic", "gr-qc"}, {"facets", "type"}});
        CHECK(both.at("total_exact") == true);
        CHECK(both.at("total") ==
              count_works([](const Work& w) { return has_topic(w, "hep-th") || has_topic(w, "gr-qc"); }));
        const json anded = s.get_json(
            "/api/search", {{"topic", "hep-th"}, {"topic", "gr-qc"}, {"type", "article"}, {"facets", "type"}});
        CHECK(anded.at("total") == count_works([](const Work& w) {
                  return (has_topic(w, "hep-th") || has_topic(w, "gr-qc")) && w.type == "article";
              }));
    }

    SUBCASE("year ranges: one year, closed and open ranges") {
        auto in = [](int from, int to) {
            return count_works([=](const Work& w) { return w.year && *w.year >= from && *w.year <= to; });
        };
        auto total = [&](const std::string& year) {
            return s.get_json("/api/search", {{"year", year}, {"facets", "year"}}).at("total").get<std::size_t>();
        };
        CHECK(total("2007") == in(2007, 2007));
        CHECK(total("2019..2020") == in(2019, 2020));
        CHECK(total("2020..") == in(2020, 9999));
        CHECK(total("..2002") == in(0, 2002));
        CHECK(in(2007, 2007) == 210);  // the 200 OAI works and 10 OpenAlex ones
    }

    SUBCASE("sort=year lists the newest first") {
        const json body = s.get_json("/api/search", {{"q", "learning"}, {"sort", "year"}, {"per_page", "100"}});
        int previous = 9999;
        REQUIRE(body.at("hits").size() > 1);
        for (const auto& h : body.at("hits")) {
            const int year = h.at("work").value("year", 0);
            CHECK(year <= previous);
            previous = year;
        }
    }

    SUBCASE("page and per_page select a window of the same ranking") {
        const auto all = hit_ids(s.get_json("/api/search", {{"q", "quantum"}, {"per_page", "10"}}));
        const json page2 = s.get_json("/api/search", {{"q", "quantum"}, {"page", "2"}, {"per_page", "5"}});
        REQUIRE(all.size() == 10);
        CHECK(page2.at("page") == 2);
        CHECK(page2.at("per_page") == 5);
        CHECK(hit_ids(page2) == std::vector<std::string>(all.begin() + 5, all.end()));
        CHECK(page2.at("hits").at(0).at("rank") == 5);
    }

    SUBCASE("a query of 1,000 two-byte characters is within the limit") {
        std::string q;
        for (int i = 0; i < 1000; ++i) q += "\xc3\xa9";  // é
        const json body = s.get_json("/api/search", {{"q", q}});
        CHECK(body.at("total") == 0);
    }
}

TEST_CASE("http: /api/works/{id} returns the stored work") {
    TestServer s(main_index());

    SUBCASE("an arXiv work with authors, venue and DOI") {
        const json body = s.get_json("/api/works/arxiv:0704.0001");
        const Work w = body.at("work").get<Work>();
        CHECK(w.id == "arxiv:0704.0001");
        CHECK(w.title == "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies");
        CHECK(w.authors == std::vector<paperdex::Author>{{"C. Balázs", ""}, {"E. L. Berger", ""},
                                                          {"P. M. Nadolsky", ""}, {"C. -P. Yuan", ""}});
        CHECK(w.venue == "Phys.Rev.D76:013009,2007");
        CHECK(w.doi == "10.1103/physrevd.76.013009");
        CHECK(body == json{{"work", w}});
    }

    SUBCASE("a merged seed work") {
        const Work w = s.get_json("/api/works/arxiv:1912.12953").at("work").get<Work>();
        CHECK(w.title.rfind("RecNMP: Accelerating Personalized Recommendation", 0) == 0);
        CHECK(w.source == "bzpeer-profile+arxiv-listing");
    }

    SUBCASE("an id with '/' reaches the works route whole, and an unknown id is a 404") {
        const json body = s.get_json("/api/works/arxiv:hep-th/9901001", {}, 404);
        CHECK(body == json{{"error", {{"code", "not_found"}, {"message", "no work with id \"arxiv:hep-th/9901001\""}}}});
    }

    SUBCASE("percent-encoded ids are decoded") {
        const json body = s.get_json("/api/works/arxiv%3A0704.0001");
        CHECK(body.at("work").at("id") == "arxiv:0704.0001");
    }
}

TEST_CASE("http: bad parameters are 400s naming the parameter") {
    TestServer s(main_index());
    struct Case {
        httplib::Params params;
        std::string parameter, message;
    };
    const std::string long_q(1001, 'a');
    const std::vector<Case> cases = {
        {{{"per_page", "abc"}}, "per_page", "per_page must be an integer 1..100, got \"abc\""},
        {{{"per_page", "500"}}, "per_page", "per_page must be an integer 1..100, got 500"},
        {{{"per_page", "0"}}, "per_page", "per_page must be an integer 1..100, got 0"},
        {{{"per_page", "-3"}}, "per_page", "per_page must be an integer 1..100, got \"-3\""},
        {{{"page", "0"}}, "page", "page must be an integer 1..10000, got 0"},
        {{{"page", "101"}, {"per_page", "100"}}, "page",
         "page × per_page must be at most 10000, got 101 × 100 = 10100"},
        {{{"year", "2022..2019"}}, "year", "year must be FROM..TO with FROM <= TO, got \"2022..2019\""},
        {{{"q", "r* memory"}}, "q", "a wildcard needs at least 2 characters before the *, got \"r*\""},
        {{{"q", "aa* bb* cc* dd* ee* ff* gg* hh* ii*"}}, "q", "at most 8 wildcards in a query, got 9"},
        {{{"q", long_q}}, "q", "q must be at most 1000 characters, got 1001"},
        {{{"q", "\xff\xfe"}}, "q", "q must be UTF-8 text"},
        {{{"q", "a"}, {"q", "b"}}, "q", "q may be given once, got 2 values"},
        {{{"facets", "year,colour"}}, "facets",
         "unknown facet \"colour\"; known: year, venue, author, topic, type"},
        {{{"sort", "date"}}, "sort", "sort must be relevance or year, got \"date\""},
        {{{"perpage", "5"}}, "perpage",
         "unknown parameter \"perpage\"; known: q, year, venue, author, topic, type, sort, page, per_page, facets, "
         "format, partial"},
        {{{"partial", "yes"}}, "partial", "partial must be true or false, got \"yes\""},
    };
    for (const auto& c : cases) {
        CAPTURE(c.message);
        const json body = s.get_json("/api/search", c.params, 400);
        CHECK(body == json{{"error", {{"code", "invalid_parameter"}, {"message", c.message}, {"parameter", c.parameter}}}});
    }
    // The server survived all of them.
    CHECK(s.get_json("/healthz").at("status") == "ok");
}

TEST_CASE("http: unknown routes and methods are JSON 404s") {
    TestServer s(main_index());
    auto res = s.get("/api/nope");
    REQUIRE(res);
    CHECK(res->status == 404);
    CHECK(res->get_header_value("Content-Type") == "application/json");
    CHECK(json::parse(res->body) == json{{"error", {{"code", "not_found"}, {"message", "no route for GET /api/nope"}}}});

    auto post = s.client.Post("/api/search", "{}", "application/json");
    REQUIRE(post);
    CHECK(post->status == 404);
    CHECK(json::parse(post->body) ==
          json{{"error", {{"code", "not_found"}, {"message", "no route for POST /api/search"}}}});
}

TEST_CASE("http: one table maps error classes to status and code") {
    using paperdex::http::error_reply;
    auto reply = [](auto&& thrower) {
        try {
            thrower();
        } catch (...) {
            return error_reply(std::current_exception());
        }
        FAIL("did not throw");
        return paperdex::http::ErrorReply{};
    };
    auto r = reply([] { throw paperdex::InvalidArgument("year", "bad year"); });
    CHECK((r.status == 400 && r.code == "invalid_parameter" && r.message == "bad year" && r.parameter == "year"));
    r = reply([] { throw paperdex::CorpusError("body", 1, "not JSON"); });
    CHECK((r.status == 400 && r.code == "invalid_input" && r.message == "body:1: not JSON" && r.parameter.empty()));
    r = reply([] { throw paperdex::NotFound("no work with id \"x\""); });
    CHECK((r.status == 404 && r.code == "not_found" && r.message == "no work with id \"x\""));
    r = reply([] { throw paperdex::IndexError("index/gen-3: corrupt"); });
    CHECK((r.status == 500 && r.code == "internal" && r.message == "index/gen-3: corrupt"));
    r = reply([] { throw paperdex::IndexModified("search failed: the index changed while it was read"); });
    CHECK((r.status == 500 && r.code == "internal" && r.parameter.empty()));
    r = reply([] { throw paperdex::Unavailable("busy"); });
    CHECK((r.status == 503 && r.code == "unavailable" && r.message == "busy"));
    r = reply([] { throw paperdex::ShardUnavailable("tcp://127.0.0.1:1", "shard tcp://127.0.0.1:1 is unavailable"); });
    CHECK((r.status == 503 && r.code == "shard_unavailable" && r.shard == "tcp://127.0.0.1:1"));
    // A 503 is not an internal error: the client sees which shard is down.
    std::ostringstream log;
    CHECK(paperdex::http::client_reply(r, log).message == "shard tcp://127.0.0.1:1 is unavailable");
    CHECK(paperdex::http::error_json(r)["error"]["shard"] == "tcp://127.0.0.1:1");
    r = reply([] { throw std::bad_alloc(); });
    CHECK((r.status == 500 && r.code == "internal"));
    r = reply([] { throw Xapian::DatabaseCorruptError("bad block"); });
    CHECK((r.status == 500 && r.code == "internal" && r.message == "index error: DatabaseCorruptError: bad block"));
    r = reply([] { throw 42; });
    CHECK((r.status == 500 && r.code == "internal" && r.message == "unknown error"));
    CHECK(paperdex::http::error_json({400, "invalid_parameter", "m", "q", "", ""}) ==
          json{{"error", {{"code", "invalid_parameter"}, {"message", "m"}, {"parameter", "q"}}}});
    CHECK(paperdex::http::error_json({404, "not_found", "m", "", "", ""}) == json{{"error", {{"code", "not_found"}, {"message", "m"}}}});
}

TEST_CASE("http: a 500 tells the client an id, and only the log the internal message") {
    // An internal message can name server paths ("/srv/index/gen-3/postlist.glass"); the client gets a generic
    // message and an id, and the log line with the same id carries the whole message.
    const auto full = paperdex::http::error_reply(std::make_exception_ptr(paperdex::IndexError("/srv/index/gen-3/postlist.glass: corrupt")));
    std::ostringstream log;
    const auto shown = paperdex::http::client_reply(full, log);
    CHECK(shown.status == 500);
    CHECK(shown.code == "internal");
    REQUIRE(shown.id.size() == 16);
    CHECK(shown.message == "internal error " + shown.id + "; the server log has the details");
    CHECK(shown.message.find("/srv") == std::string::npos);
    CHECK(log.str() == "paperdex serve: internal error " + shown.id + ": /srv/index/gen-3/postlist.glass: corrupt\n");
    const json body = paperdex::http::error_json(shown);
    CHECK(body == json{{"error", {{"code", "internal"}, {"message", shown.message}, {"id", shown.id}}}});
    // Two errors get two ids; a 4xx is the client's own doing and is passed on as it is, with nothing logged.
    std::ostringstream quiet;
    CHECK(paperdex::http::client_reply(full, quiet).id != shown.id);
    const auto bad = paperdex::http::error_reply(std::make_exception_ptr(paperdex::InvalidArgument("q", "bad q")));
    std::ostringstream none;
    const auto passed = paperdex::http::client_reply(bad, none);
    CHECK((passed.message == "bad q" && passed.id.empty() && passed.parameter == "q"));
    CHECK(none.str().empty());
}

TEST_CASE("http: /metrics counts requests by route and status, and describes the index") {
    TestServer s(main_index());
    s.get_json("/api/search", {{"q", "recommendation"}});
    s.get_json("/api/search", {{"q", "graph"}});
    s.get_json("/api/search", {{"per_page", "abc"}}, 400);
    s.get_json("/api/works/arxiv:0704.0001");
    s.get_json("/nowhere", {}, 404);

    auto res = s.get("/metrics");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type") == "text/plain; version=0.0.4; charset=utf-8");
    const std::string& m = res->body;
    auto has = [&](const std::string& line) {
        CAPTURE(line);
        CHECK(m.find("\n" + line + "\n") != std::string::npos);
    };
    has("# TYPE paperdex_http_requests_total counter");
    has("paperdex_http_requests_total{route=\"/api/search\",status=\"200\"} 2");
    has("paperdex_http_requests_total{route=\"/api/search\",status=\"400\"} 1");
    has("paperdex_http_requests_total{route=\"/api/works/{id}\",status=\"200\"} 1");
    has("paperdex_http_requests_total{route=\"unmatched\",status=\"404\"} 1");
    has("# TYPE paperdex_http_request_duration_seconds histogram");
    has("paperdex_http_request_duration_seconds_bucket{route=\"/api/search\",le=\"+Inf\"} 3");
    has("paperdex_http_request_duration_seconds_count{route=\"/api/search\"} 3");
    has("# TYPE paperdex_index_generation gauge");
    has("paperdex_index_generation 1");
    has("paperdex_index_documents 321");
    // The /metrics request itself is counted once it has been answered.
    CHECK(s.get("/metrics")->body.find("paperdex_http_requests_total{route=\"/metrics\",status=\"200\"} 1\n") !=
          std::string::npos);
}

TEST_CASE("http: /api/openapi.json is OpenAPI 3.1 and lists every route") {
    TestServer s(main_index());
    const json doc = s.get_json("/api/openapi.json");
    CHECK(doc.at("openapi") == "3.1.0");
    const json& paths = doc.at("paths");
    for (const char* p : {"/healthz", "/api/search", "/api/works/{id}", "/metrics", "/api/openapi.json"}) {
        CAPTURE(p);
        CHECK(paths.contains(p));
    }
    std::set<std::string> search_params;
    for (const auto& p : paths.at("/api/search").at("get").at("parameters")) search_params.insert(p.at("name"));
    CHECK(search_params == std::set<std::string>{"q", "year", "venue", "author", "topic", "type", "sort", "page",
                                                  "per_page", "facets", "format", "partial"});
    CHECK(paths.at("/api/search").at("get").at("responses").at("400").at("content").at("application/json").at(
              "schema") == json{{"$ref", "#/components/schemas/Error"}});

    // Every $ref resolves, and every documented GET route without required parameters answers 200.
    std::function<void(const json&)> check_refs = [&](const json& j) {
        if (j.is_object()) {
            if (j.contains("$ref")) {
                const std::string ref = j.at("$ref");
                REQUIRE(ref.rfind("#/components/schemas/", 0) == 0);
                CHECK(doc.at("components").at("schemas").contains(ref.substr(21)));
            }
            for (const auto& [k, v] : j.items()) check_refs(v);
        } else if (j.is_array()) {
            for (const auto& v : j) check_refs(v);
        }
    };
    check_refs(doc);
    for (const auto& [path, item] : paths.items()) {
        CAPTURE(path);
        CHECK(item.begin().value().at("responses").contains("200"));
        if (!item.contains("get")) continue;
        const json params = item.at("get").value("parameters", json::array());
        if (std::any_of(params.begin(), params.end(), [](const json& p) { return p.value("required", false); }))
            continue;
        auto res = s.get(path);
        REQUIRE(res);
        CHECK(res->status == 200);
    }
}

TEST_CASE("http: CORS headers only when an origin is configured") {
    SUBCASE("off by default") {
        TestServer s(main_index());
        auto res = s.get("/healthz");
        REQUIRE(res);
        CHECK_FALSE(res->has_header("Access-Control-Allow-Origin"));
    }
    SUBCASE("on with cors_origin") {
        auto o = TestServer::options(main_index());
        o.cors_origin = "https://example.org";
        TestServer s(o);
        auto res = s.get("/healthz");
        REQUIRE(res);
        CHECK(res->get_header_value("Access-Control-Allow-Origin") == "https://example.org");
        auto pre = s.client.Options("/api/search");
        REQUIRE(pre);
        CHECK(pre->status == 204);
        CHECK(pre->get_header_value("Access-Control-Allow-Methods") == "GET, POST, OPTIONS");
    }
}

TEST_CASE("http: the web page is served at /") {
    // A one-line page stands in for web/ so that this test does not depend on the page's content.
    const fs::path web = temp_root() / "web";
    fs::create_directories(web);
    std::ofstream(web / "index.html") << "<!doctype html><title>paperdex</title>\n";
    auto o = TestServer::options(main_index());
    o.web_dir = web.string();
    TestServer s(o);
    auto res = s.get("/");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type") == "text/html");
    CHECK(res->body == "<!doctype html><title>paperdex</title>\n");
    CHECK(s.get_json("/healthz").at("status") == "ok");  // the API still wins over the mount point
}

TEST_CASE("http: every response says nosniff; the web page has a Content-Security-Policy; static files stay in web/") {
    const fs::path web = temp_root() / "web-headers";
    fs::create_directories(web);
    std::ofstream(web / "index.html") << "<!doctype html><title>paperdex</title>\n";
    std::ofstream(temp_root() / "secret.txt") << "outside web/\n";
    auto o = TestServer::options(main_index());
    o.web_dir = web.string();
    TestServer s(o);
    for (const std::string path : {"/", "/api/search?q=memory", "/api/nope", "/healthz"}) {
        CAPTURE(path);
        auto res = s.client.Get(path);
        REQUIRE(res);
        CHECK(res->get_header_value("X-Content-Type-Options") == "nosniff");
    }
    auto page = s.get("/");
    REQUIRE(page);
    const std::string csp = page->get_header_value("Content-Security-Policy");
    CHECK(csp.find("script-src 'self'") != std::string::npos);
    CHECK(csp.find("frame-ancestors 'none'") != std::string::npos);
    for (const std::string path : {"/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt"}) {
        CAPTURE(path);
        auto res = s.client.Get(path);
        REQUIRE(res);
        CHECK(res->status == 404);
        CHECK(res->body.find("outside web/") == std::string::npos);
    }
}

TEST_CASE("http: a rebuild is served without restart and without failed requests") {
    const std::string dir = build_index("swap-index", {corpus().seeds});
    auto o = TestServer::options(dir);
    o.threads = 3;
    TestServer s(o);
    // Warm every worker so each holds a Searcher on generation 1.
    for (int i = 0; i < 6; ++i)
        CHECK(s.get_json("/healthz") == json{{"status", "ok"}, {"generation", 1}, {"documents", 21}});
    CHECK(s.get_json("/api/search", {{"q", "diphoton"}}).at("total") == 0);

    // Searches keep coming while the index directory switches generations twice.
    std::atomic<bool> done{false};
    std::atomic<int> answered{0}, failed{0};
    std::thread load([&, port = s.server.port()] {
        httplib::Client c("127.0.0.1", port);
        do {
            auto r = c.Get("/api/search?q=learning&facets=year,author");
            (r && r->status == 200 ? answered : failed)++;
        } while (!done);
    });

    build_index("swap-index", {corpus().oai});  // same directory: gen-2, `current` switched
    for (int i = 0; i < 6; ++i)
        CHECK(s.get_json("/healthz") == json{{"status", "ok"}, {"generation", 2}, {"documents", 200}});
    CHECK(s.get_json("/api/search", {{"q", "diphoton"}}).at("total").get<int>() > 0);
    CHECK(s.get_json("/api/works/arxiv:1912.12953", {}, 404).at("error").at("code") == "not_found");

    build_index("swap-index", {corpus().openalex});  // gen-3; gen-1 is deleted
    for (int i = 0; i < 6; ++i)
        CHECK(s.get_json("/healthz") == json{{"status", "ok"}, {"generation", 3}, {"documents", 100}});
    const std::string metrics = s.get("/metrics")->body;
    CHECK(metrics.find("\npaperdex_index_generation 3\n") != std::string::npos);
    CHECK(metrics.find("\npaperdex_index_documents 100\n") != std::string::npos);

    done = true;
    load.join();
    CHECK(failed == 0);
    CHECK(answered > 0);
}

// Descriptors of this process open on files that have been deleted, below `dir`.
std::size_t deleted_files_open_below(const std::string& dir) {
    std::size_t n = 0;
    for (const auto& fd : std::filesystem::directory_iterator("/proc/self/fd")) {
        std::error_code ec;
        const std::string target = std::filesystem::read_symlink(fd.path(), ec).string();
        if (!ec && target.rfind(dir, 0) == 0 && target.find(" (deleted)") != std::string::npos) ++n;
    }
    return n;
}

TEST_CASE("http: after a rebuild, idle workers hold no file of a deleted generation") {
    // Each worker used to keep its own Searcher until it served again, so a worker idle since generation 1 kept
    // gen-1's files open (space not freed) after the rebuild that deleted them.
    const std::string dir = std::filesystem::weakly_canonical(build_index("idle-index", {corpus().seeds})).string();
    auto o = TestServer::options(dir);
    o.threads = 8;
    o.cache_mb = 0;
    TestServer s(o);
    std::vector<std::thread> clients;  // 8 connections at once: each takes a worker of its own
    for (int i = 0; i < 8; ++i)
        clients.emplace_back([port = s.server.port()] {
            httplib::Client c("127.0.0.1", port);
            for (int k = 0; k < 5; ++k) {
                c.Get("/api/search?q=memory&facets=author");
                c.Get("/api/authors?q=hashemi");
            }
        });
    for (auto& c : clients) c.join();
    build_index("idle-index", {corpus().oai});       // gen-2
    build_index("idle-index", {corpus().openalex});  // gen-3; gen-1 is deleted
    CHECK(s.get_json("/healthz").at("generation") == 3);
    CHECK(deleted_files_open_below(dir) == 0);
}

TEST_CASE("http: a generation that cannot be opened under a running server leaves the last good one served") {
    namespace fs = std::filesystem;
    const std::string dir = build_index("damaged-index", {corpus().seeds});
    auto o = TestServer::options(dir);
    o.threads = 2;
    o.cache_mb = 0;
    TestServer s(o);
    CHECK(s.get_json("/healthz").at("generation") == 1);
    // What a rebuild that wrote a damaged table would leave: gen-2 complete but for a truncated posting table,
    // and `current` switched to it.
    fs::copy(fs::path(dir) / "gen-1", fs::path(dir) / "gen-2", fs::copy_options::recursive);
    const fs::path postlist = fs::path(dir) / "gen-2" / "postlist.glass";
    fs::resize_file(postlist, fs::file_size(postlist) / 3);
    fs::create_symlink("gen-2", fs::path(dir) / "current.new");
    fs::rename(fs::path(dir) / "current.new", fs::path(dir) / "current");
    for (int i = 0; i < 4; ++i) {
        CHECK(s.get_json("/healthz").at("generation") == 1);
        CHECK(s.get_json("/api/search", {{"q", "memory"}}).at("total").get<int>() > 0);
    }
    build_index("damaged-index", {corpus().oai});  // the next rebuild is served again
    CHECK(s.get_json("/healthz").at("generation") == 3);
}

TEST_CASE("http: a missing index fails at start-up, not on the first request") {
    paperdex::http::ServerOptions o;
    o.index_dir = (temp_root() / "no-such-index").string();
    CHECK_THROWS_AS(paperdex::http::HttpServer{o}, paperdex::NotFound);
    o.index_dir = main_index();
    // A port another server listens on is refused, not shared with it.
    TestServer first(main_index());
    o.host = "127.0.0.1";
    o.port = first.server.port();
    paperdex::http::HttpServer second(o);
    CHECK_THROWS_WITH_AS(second.bind(), ("cannot listen on 127.0.0.1:" + std::to_string(o.port)).c_str(),
                         paperdex::InvalidArgument);
    try {
        second.start();
        FAIL("start() on a taken port succeeded");
    } catch (const paperdex::InvalidArgument& e) {
        CHECK(e.parameter() == "port");
    }
    CHECK_THROWS_AS(second.run(), paperdex::InvalidArgument);  // binds first, so it throws rather than serves
    // With port 0 any free port would do, so a failure is the host's.
    o.port = 0;
    o.host = "192.0.2.1";  // TEST-NET-1 (RFC 5737): never an address of this machine
    paperdex::http::HttpServer nowhere(o);
    try {
        nowhere.bind();
        FAIL("bound to an address of another machine");
    } catch (const paperdex::InvalidArgument& e) {
        CHECK(e.parameter() == "host");
    }
    o.host = "127.0.0.1";
    o.port = 70000;
    CHECK_THROWS_WITH_AS(paperdex::http::HttpServer{o}, "port must be 0..65535, got 70000", paperdex::InvalidArgument);
    CHECK_THROWS_AS(paperdex::http::serve(o), paperdex::InvalidArgument);
    o.port = 0;
    auto parameter_of = [](const paperdex::http::ServerOptions& bad) {
        try {
            paperdex::http::HttpServer server(bad);
        } catch (const paperdex::InvalidArgument& e) {
            return e.parameter();
        }
        return std::string("(no error)");
    };
    o.threads = 2000;
    CHECK(parameter_of(o) == "threads");
    o.threads = 0;
    o.cache_mb = std::size_t{1} << 40;
    CHECK(parameter_of(o) == "cache_mb");
    o.cache_mb = 64;
    // A directory with a database file that is not one: the index is there but cannot be opened.
    const fs::path broken = temp_root() / "broken-index";
    fs::create_directories(broken);
    std::ofstream(broken / "iamglass") << "not a glass database";
    o.index_dir = broken.string();
    CHECK_THROWS_AS(paperdex::http::HttpServer{o}, paperdex::IndexError);
}

TEST_CASE("http: the response cache keeps the least recently used within its byte bound") {
    using paperdex::http::ResponseCache;
    const std::size_t overhead = ResponseCache::kEntryOverhead;
    ResponseCache cache(3 * (overhead + 2 + 10));  // three entries of a 2-byte key and a 10-byte body
    cache.put("k1", std::string(10, 'a'));
    cache.put("k2", std::string(10, 'b'));
    cache.put("k3", std::string(10, 'c'));
    CHECK(cache.entries() == 3);
    CHECK(cache.bytes() == 3 * (overhead + 12));
    REQUIRE(cache.find("k1"));  // k1 is now the most recently used, k2 the least
    cache.put("k4", std::string(10, 'd'));
    CHECK(cache.entries() == 3);
    CHECK(cache.find("k2") == nullptr);
    CHECK(*cache.find("k1") == std::string(10, 'a'));
    CHECK(*cache.find("k4") == std::string(10, 'd'));
    cache.put("k5", std::string(4 * overhead, 'e'));  // larger than the whole bound: not kept, nothing evicted
    CHECK(cache.find("k5") == nullptr);
    CHECK(cache.entries() == 3);
    CHECK(cache.hits() == 3);
    CHECK(cache.misses() == 2);

    ResponseCache off(0);
    off.put("k1", "x");
    CHECK(off.find("k1") == nullptr);
    CHECK((off.entries() == 0 && off.bytes() == 0 && off.misses() == 1));

    // Parameters in any order give one key; a value cannot imitate a separator.
    const httplib::Params ab{{"a", "1"}, {"b", "2"}}, ba{{"b", "2"}, {"a", "1"}};
    CHECK(ResponseCache::key("gen-1/u", "/api/search", ab) == ResponseCache::key("gen-1/u", "/api/search", ba));
    CHECK(ResponseCache::key("gen-1/u", "/api/search", ab) != ResponseCache::key("gen-2/u", "/api/search", ab));
    CHECK(ResponseCache::key("g", "/p", {{"a", "1v1:b"}}) != ResponseCache::key("g", "/p", {{"a", "1"}, {"b", ""}}));
}

TEST_CASE("http: a repeated GET is a cache hit with the same bytes; errors are never cached") {
    TestServer s(main_index());
    auto get = [&](const std::string& path_and_query, int status, const std::string& x_cache) {
        auto res = s.client.Get(path_and_query);
        REQUIRE(res);
        CAPTURE(path_and_query);
        CHECK(res->status == status);
        CHECK(res->get_header_value("X-Cache") == x_cache);
        CHECK(res->get_header_value("Content-Type") == "application/json");
        return res->body;
    };
    const std::string first = get("/api/search?q=recommendation&facets=year,author&per_page=5", 200, "miss");
    CHECK(json::parse(first).at("total") == 7);
    CHECK(get("/api/search?q=recommendation&facets=year,author&per_page=5", 200, "hit") == first);
    CHECK(get("/api/search?per_page=5&facets=year,author&q=recommendation", 200, "hit") == first);
    CHECK(get("/api/search?q=recommendation&facets=year,author&per_page=6", 200, "miss") != first);

    const std::string work = get("/api/works/arxiv:0704.0001", 200, "miss");
    CHECK(get("/api/works/arxiv%3A0704.0001", 200, "hit") == work);  // the key holds the decoded path

    for (int i = 0; i < 2; ++i) {
        CHECK(json::parse(get("/api/search?per_page=abc", 400, "miss")).at("error").at("parameter") == "per_page");
        CHECK(json::parse(get("/api/works/arxiv:nope", 404, "miss")).at("error").at("code") == "not_found");
    }
    auto health = s.get("/healthz");
    REQUIRE(health);
    CHECK_FALSE(health->has_header("X-Cache"));

    const std::string m = s.get("/metrics")->body;
    CHECK(m.find("\npaperdex_cache_hits_total 3\n") != std::string::npos);
    CHECK(m.find("\npaperdex_cache_misses_total 7\n") != std::string::npos);
    CHECK(m.find("\npaperdex_cache_entries 3\n") != std::string::npos);
    CHECK(m.find("\npaperdex_cache_capacity_bytes 67108864\n") != std::string::npos);
    CHECK(m.find("\npaperdex_cache_bytes 0\n") == std::string::npos);

    const json doc = s.get_json("/api/openapi.json");
    CHECK(doc.at("paths").at("/api/search").at("get").at("responses").at("200").at("headers").at("X-Cache").at(
              "schema") == json{{"type", "string"}, {"enum", {"hit", "miss"}}});
    CHECK_FALSE(doc.at("paths").at("/healthz").at("get").at("responses").at("200").contains("headers"));
}

TEST_CASE("http: cache_mb 0 turns the response cache off") {
    auto o = TestServer::options(main_index());
    o.cache_mb = 0;
    TestServer s(o);
    json body;
    for (int i = 0; i < 3; ++i) {
        auto res = s.client.Get("/api/search?q=graph");
        REQUIRE(res);
        CHECK(res->status == 200);
        CHECK(res->get_header_value("X-Cache") == "miss");
        json now = json::parse(res->body);
        CHECK(now.at("took_ms") > 0);  // computed each time
        now.erase("took_ms");
        if (i) CHECK(now == body);
        body = std::move(now);
    }
    const std::string m = s.get("/metrics")->body;
    CHECK(m.find("\npaperdex_cache_hits_total 0\n") != std::string::npos);
    CHECK(m.find("\npaperdex_cache_misses_total 3\n") != std::string::npos);
    CHECK(m.find("\npaperdex_cache_bytes 0\n") != std::string::npos);
    CHECK(m.find("\npaperdex_cache_capacity_bytes 0\n") != std::string::npos);

    o.cache_mb = (std::size_t{1} << 20) + 1;
    CHECK_THROWS_WITH_AS(paperdex::http::HttpServer{o}, "cache_mb must be 0..1048576, got 1048577",
                         paperdex::InvalidArgument);
}

TEST_CASE("http: after a rebuild the cache answers from the new generation") {
    const std::string dir = build_index("cache-swap-index", {corpus().seeds});
    auto o = TestServer::options(dir);
    o.threads = 3;
    TestServer s(o);
    auto search = [&](const std::string& x_cache) {
        auto res = s.client.Get("/api/search?q=diphoton");
        REQUIRE(res);
        CHECK(res->status == 200);
        CHECK(res->get_header_value("X-Cache") == x_cache);
        return json::parse(res->body).at("total").get<int>();
    };
    CHECK(search("miss") == 0);
    CHECK(search("hit") == 0);
    auto work = s.client.Get("/api/works/arxiv:1912.12953");
    REQUIRE(work);
    CHECK(work->status == 200);

    build_index("cache-swap-index", {corpus().oai});  // gen-2 under `current`
    const int total = search("miss");
    CHECK(total > 0);
    CHECK(search("hit") == total);
    // The answer of a server without a cache over gen-2, but for took_ms (the time the answer took to compute).
    auto fresh_options = TestServer::options(dir);
    fresh_options.cache_mb = 0;
    TestServer fresh(fresh_options);
    json fresh_body = fresh.get_json("/api/search", {{"q", "diphoton"}});
    json cached_body = s.get_json("/api/search", {{"q", "diphoton"}});
    fresh_body.erase("took_ms");
    cached_body.erase("took_ms");
    CHECK(cached_body == fresh_body);
    work = s.client.Get("/api/works/arxiv:1912.12953");
    REQUIRE(work);
    CHECK(work->status == 404);
    CHECK(work->get_header_value("X-Cache") == "miss");
}
