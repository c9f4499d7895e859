// The discovery routes against a real server on the default corpus: success and each 400/404.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "index_fixture.h"
#include "paperdex/http/server.h"

using nlohmann::json;

namespace {

struct Server {
    Server() : server(options()), client("127.0.0.1", (server.start(), server.port())) {}
    static paperdex::http::ServerOptions options() {
        paperdex::http::ServerOptions o;
        o.index_dir = paperdex::testing::default_index();
        o.host = "127.0.0.1";
        o.port = 0;
        o.threads = 2;
        return o;
    }
    json get(const std::string& path, int status) {
        auto res = client.Get(path);
        REQUIRE(res);
        CHECK(res->status == status);
        return json::parse(res->body);
    }
    json post(const std::string& path, const std::string& body, int status) {
        auto res = client.Post(path, body, "application/json");
        REQUIRE(res);
        CHECK(res->status == status);
        return json::parse(res->body);
    }
    paperdex::http::HttpServer server;
    httplib::Client client;
};

Server& server() {
    static Server s;
    return s;
}

// Brute force over the default corpus, by names as printed: how many works each co-author shares with `name`.
std::map<std::string, int> coauthors_of(const std::string& name) {
    std::map<std::string, int> out;
    for (const auto& w : paperdex::testing::default_works()) {
        std::set<std::string> names;
        for (const auto& a : w.authors) names.insert(a.name);
        if (!names.erase(name)) continue;
        for (const auto& n : names) ++out[n];
    }
    return out;
}

std::size_t works_of(const std::string& name) {
    const auto& works = paperdex::testing::default_works();
    return static_cast<std::size_t>(std::count_if(works.begin(), works.end(), [&](const paperdex::Work& w) {
        return std::any_of(w.authors.begin(), w.authors.end(), [&](const paperdex::Author& a) { return a.name == name; });
    }));
}

std::vector<std::string> hit_ids(const json& body) {
    std::vector<std::string> ids;
    for (const auto& h : body.at("hits")) ids.push_back(h.at("id").get<std::string>());
    return ids;
}

}  // namespace

TEST_CASE("http discovery: similar works of RecNMP") {
    const json body = server().get("/api/works/arxiv:1912.12953/similar?per_page=3", 200);
    CHECK(body["source"]["id"] == "arxiv:1912.12953");
    CHECK(hit_ids(body) == std::vector<std::string>{"arxiv:1906.03109", "arxiv:2001.02772", "arxiv:2003.07336"});
    CHECK(body["hits"][0]["matched_terms"][0] == "recommendation");
    CHECK(body["page"] == 1);
    CHECK(body["per_page"] == 3);
    CHECK(body["terms"].size() == 50);
    const json filtered = server().get("/api/works/arxiv:1912.12953/similar?year=2020&per_page=3", 200);
    CHECK(hit_ids(filtered) == std::vector<std::string>{"arxiv:1906.03109", "arxiv:2001.02772", "arxiv:2003.07336"});
    const json page2 = server().get("/api/works/arxiv:1912.12953/similar?per_page=2&page=2", 200);
    CHECK(hit_ids(page2) == std::vector<std::string>{"arxiv:2003.07336", "arxiv:2507.02006"});
}

TEST_CASE("http discovery: similar works errors") {
    json e = server().get("/api/works/arxiv:0000.00000/similar", 404);
    CHECK(e["error"]["code"] == "not_found");
    CHECK(e["error"]["message"] == "no work with id \"arxiv:0000.00000\"");
    e = server().get("/api/works/arxiv:1912.12953/similar?per_page=101", 400);
    CHECK(e["error"]["parameter"] == "per_page");
    e = server().get("/api/works/arxiv:1912.12953/similar?terms=0", 400);
    CHECK(e["error"]["parameter"] == "terms");
    e = server().get("/api/works/arxiv:1912.12953/similar?perpage=5", 400);
    CHECK(e["error"]["parameter"] == "perpage");
    e = server().get("/api/works/arxiv:1912.12953/similar?year=2022..2019", 400);
    CHECK(e["error"]["parameter"] == "year");
}

TEST_CASE("http discovery: more like a pasted abstract") {
    const std::string abstract =
        "Personalized recommendation systems leverage deep learning models and account for the majority of data "
        "center AI cycles. Their performance is dominated by memory-bound sparse embedding operations.";
    const json body = server().post("/api/similar", json{{"text", abstract}, {"per_page", 2}}.dump(), 200);
    CHECK(body["source"].is_null());
    CHECK(hit_ids(body).size() == 2);
    CHECK(hit_ids(body)[0] == "arxiv:1912.12953");
    json e = server().post("/api/similar", "not json", 400);
    CHECK(e["error"]["parameter"] == "body");
    e = server().post("/api/similar", json{{"txt", "memory"}}.dump(), 400);
    CHECK(e["error"]["parameter"] == "txt");
    e = server().post("/api/similar", json{{"text", "  "}}.dump(), 400);
    CHECK(e["error"]["message"] == "text must not be empty");
    e = server().post("/api/similar", json{{"text", "memory"}, {"topic", 3}}.dump(), 400);
    CHECK(e["error"]["message"] == "topic must be a string or an array of strings");
    e = server().post("/api/similar", json{{"year", "2020"}}.dump(), 400);
    CHECK(e["error"]["message"] == "the body needs a \"text\" field");
}

TEST_CASE("http discovery: author search, profile and collaborators") {
    // The counts below, by brute force over the corpus.
    REQUIRE(works_of("Kim Hazelwood") == 7);
    REQUIRE(coauthors_of("Kim Hazelwood").empty());
    REQUIRE(coauthors_of("Jiawei Han").size() == 60);
    REQUIRE(coauthors_of("Jiawei Han").at("Bowen Jin") == 5);
    for (const auto& [coauthor, shared] : coauthors_of("Jiawei Han")) REQUIRE(shared <= 5);

    json body = server().get("/api/authors?q=hazel", 200);
    CHECK(body["total"] == 1);
    CHECK(body["authors"][0]["key"] == "kim hazelwood");
    CHECK(body["authors"][0]["works_count"] == 7);

    body = server().get("/api/authors/kim%20hazelwood?per_page=2", 200);
    CHECK(body["author"]["name"] == "Kim Hazelwood");
    CHECK(body["works_total"] == 7);
    CHECK(body["works"].size() == 2);
    CHECK(body["author"]["coauthors"].empty());

    body = server().get("/api/authors/jiawei%20han", 200);
    CHECK(body["author"]["coauthors"].size() == 60);
    CHECK(body["author"]["coauthors"][0]["key"] == "bowen jin");
    CHECK(body["author"]["coauthors"][0]["count"] == 5);

    // The name as printed (a link built from a work's author list) finds the same profile.
    body = server().get("/api/authors/Kim%20Hazelwood?per_page=2", 200);
    CHECK(body["author"]["key"] == "kim hazelwood");
    CHECK(body["works_total"] == 7);

    body = server().get("/api/authors/Milad%20Hashemi/collaborators", 200);
    CHECK(body["author"]["key"] == "milad hashemi");

    body = server().get("/api/authors/milad%20hashemi/collaborators", 200);
    CHECK(body["author"]["key"] == "milad hashemi");
    CHECK(body["suggestions"].size() == 10);
    const auto& s = body["suggestions"];
    const auto kim = std::find_if(s.begin(), s.end(), [](const json& x) { return x["key"] == "kim hazelwood"; });
    REQUIRE(kim != s.end());
    CHECK(!(*kim)["reasons"]["shared_terms"].empty());
    CHECK((*kim)["reasons"]["connecting_works"][0]["via"] == "topic");
}

TEST_CASE("http discovery: author errors") {
    json e = server().get("/api/authors/nobody%20here", 404);
    CHECK(e["error"]["message"] == "no author with key or name \"nobody here\"");
    e = server().get("/api/authors/nobody%20here/collaborators", 404);
    CHECK(e["error"]["code"] == "not_found");
    e = server().get("/api/authors?q=", 400);
    CHECK(e["error"]["parameter"] == "q");
    e = server().get("/api/authors?q=kim&limit=0", 400);
    CHECK(e["error"]["parameter"] == "limit");
    e = server().get("/api/authors/kim%20hazelwood?per_page=0", 400);
    CHECK(e["error"]["parameter"] == "per_page");
    e = server().get("/api/authors/kim%20hazelwood/collaborators?limit=101", 400);
    CHECK(e["error"]["parameter"] == "limit");
}

TEST_CASE("http discovery: the routes are in the OpenAPI document") {
    const json doc = server().get("/api/openapi.json", 200);
    for (const char* path : {"/api/works/{id}/similar", "/api/similar", "/api/authors", "/api/authors/{key}",
                             "/api/authors/{key}/collaborators"})
        CHECK(doc["paths"].contains(path));
    // The POST body documents exactly the fields parse_similar_body() accepts.
    std::set<std::string> fields;
    for (const auto& [name, schema] : doc["paths"]["/api/similar"]["post"]["requestBody"]["content"]["application/json"]
                                          ["schema"]["properties"]
                                              .items())
        fields.insert(name);
    CHECK(fields == std::set<std::string>{"text", "year", "venue", "author", "topic", "type", "page", "per_page", "terms"});
}

TEST_CASE("http discovery: the OpenAPI component schemas are exactly the pinned ones") {
    // Pinned so that rewriting how the schemas are written cannot change what is served. After a deliberate change,
    // regenerate: curl -s HOST/api/openapi.json | jq .components.schemas > tests/support/openapi_schemas.json
    std::ifstream in(std::string(PAPERDEX_SOURCE_DIR) + "/tests/support/openapi_schemas.json");
    REQUIRE(in);
    const json pinned = json::parse(in);
    const json served = server().get("/api/openapi.json", 200)["components"]["schemas"];
    for (const auto& [name, schema] : pinned.items()) {
        CAPTURE(name);
        CHECK(served.value(name, json()) == schema);
    }
    CHECK(served.size() == pinned.size());
}

TEST_CASE("http discovery: a deeply nested POST value is a short 400, not a crash") {
    // 80,000 nested arrays where an integer belongs: quoting the value in the message must not recurse into it.
    const std::size_t depth = 80000;
    const std::string body = R"({"text":"graph neural","page":)" + std::string(depth, '[') + std::string(depth, ']') + "}";
    const json e = server().post("/api/similar", body, 400);
    CHECK(e["error"]["parameter"] == "page");
    CHECK(e["error"]["message"].get<std::string>().size() < 200);
    server().get("/api/works/arxiv:1912.12953/similar?per_page=1", 200);  // still serving
}

TEST_CASE("http discovery: a field or parameter with an empty name is still named in the 400") {
    // Found by tools/reliability/bad_requests.py: {"": 1} gave an invalid_parameter without "parameter".
    json e = server().post("/api/similar", R"({"text":"memory","":1})", 400);
    CHECK(e["error"]["code"] == "invalid_parameter");
    CHECK(e["error"]["parameter"] == "");
    e = server().get("/api/works/arxiv:1912.12953/similar?=1", 400);  // httplib reads this as a parameter "1"
    CHECK(e["error"]["code"] == "invalid_parameter");
    CHECK(e["error"]["parameter"].is_string());
}

// Issue 16: on the default corpus the venue, year and type facets have real spread, and a venue filter keeps only
// that venue's main conference (a CVPR workshop is "CVPR Workshops", kind workshop), while arXiv still finds every
// work on arXiv.
TEST_CASE("http discovery: the default corpus's facets filter something") {
    const json all = server().get("/api/search?q=&facets=venue,year,type", 200);
    CHECK(all.at("facets").at("venue").at("values").size() >= 15);
    CHECK(all.at("facets").at("year").at("values").size() >= 8);
    std::set<std::string> types;
    for (const auto& v : all.at("facets").at("type").at("values")) types.insert(v.at("value").get<std::string>());
    CHECK(types.count("conference"));
    CHECK(types.count("journal"));
    CHECK(types.count("preprint"));

    // Every hit of venue=CVPR, page by page, is a main-conference CVPR work.
    std::size_t cvpr_total = 0, cvpr_seen = 0;
    for (int page = 1;; ++page) {
        const json cvpr = server().get("/api/search?q=&venue=CVPR&per_page=100&page=" + std::to_string(page), 200);
        cvpr_total = cvpr.at("total").get<std::size_t>();
        CHECK(cvpr.at("total_exact") == true);
        for (const auto& h : cvpr.at("hits")) {
            INFO(h.at("id").get<std::string>());
            CHECK(h.at("work").at("venue") == "CVPR");
            CHECK(h.at("work").at("type") == "conference");
            ++cvpr_seen;
        }
        if (cvpr.at("hits").empty() || cvpr_seen >= cvpr_total || page == 20) break;
    }
    CHECK(cvpr_total > 0);
    CHECK(cvpr_seen == cvpr_total);
    // The filter's count is the corpus's: every work with venue CVPR, and no CVPR workshop among them.
    const auto& works = paperdex::testing::default_works();
    CHECK(cvpr_total == static_cast<std::size_t>(std::count_if(works.begin(), works.end(),
                                                               [](const paperdex::Work& w) { return w.venue == "CVPR"; })));
    CHECK(std::any_of(works.begin(), works.end(), [](const paperdex::Work& w) { return w.venue == "CVPR Workshops"; }));

    const json arxiv = server().get("/api/search?q=&venue=arXiv&per_page=1", 200);
    const auto on_arxiv = static_cast<std::size_t>(std::count_if(works.begin(), works.end(), [](const paperdex::Work& w) {
        return !w.arxiv_id.empty() || w.venue == "arXiv";
    }));
    CHECK(on_arxiv > 3000);
    CHECK(arxiv.at("total").get<std::size_t>() == on_arxiv);
}
