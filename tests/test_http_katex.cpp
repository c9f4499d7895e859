// KaTeX for the web page's math: served by paperdex at /katex/ from Debian's libjs-katex (tools/install-deps.sh
// installs it), so the page's Content-Security-Policy ('self' only) lets its script, style and fonts load.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <httplib.h>

#include "http/katex_assets.h"
#include "http_fixture.h"
#include "paperdex/http/server.h"
#include "temp_dir.h"

namespace {

using paperdex::testing::http_fixture::main_index;

// A server on a free port, stopped when the case ends.
struct Server {
    explicit Server(paperdex::http::ServerOptions o) : server(prepare(std::move(o))), client("127.0.0.1", port()) {}
    static paperdex::http::ServerOptions prepare(paperdex::http::ServerOptions o) {
        o.index_dir = main_index();
        o.host = "127.0.0.1";
        o.port = 0;
        o.threads = 2;
        return o;
    }
    int port() {
        server.start();
        return server.port();
    }
    paperdex::http::HttpServer server;
    httplib::Client client;
};

}  // namespace

TEST_CASE("http katex: Debian's KaTeX is served at /katex/, fonts included, and nothing outside it") {
    const std::string dir = "/usr/share/javascript/katex";
    REQUIRE_MESSAGE(std::filesystem::is_directory(dir), "libjs-katex is not installed (tools/install-deps.sh)");
    Server s({});
    for (const auto& [path, type] : {std::pair{"katex.mjs", "text/javascript"}, std::pair{"katex.min.css", "text/css"},
                                     std::pair{"fonts/KaTeX_Main-Regular.woff2", "font/woff2"}}) {
        CAPTURE(path);
        auto res = s.client.Get(std::string(paperdex::http::kKatexMountPoint) + path);
        REQUIRE(res);
        CHECK(res->status == 200);
        CHECK(res->get_header_value("Content-Type") == type);
        CHECK(res->get_header_value("X-Content-Type-Options") == "nosniff");
        CHECK(res->body.size() == std::filesystem::file_size(dir + "/" + path));
    }
    for (const std::string path : {"/katex/../katex/katex.mjs", "/katex/%2e%2e/jquery/jquery.js", "/katex/nosuch.js"}) {
        CAPTURE(path);
        auto res = s.client.Get(path);
        REQUIRE(res);
        CHECK(res->status == 404);
    }
}

TEST_CASE("http katex: another KaTeX directory can be given; without one the page is still served") {
    const paperdex::testing::TempDir tmp("katex");
    std::filesystem::create_directories(tmp.path / "web");
    std::ofstream(tmp.path / "web" / "index.html") << "<!doctype html><title>paperdex</title>\n";
    std::filesystem::create_directories(tmp.path / "katex");
    std::ofstream(tmp.path / "katex" / "katex.mjs") << "export default {};\n";
    paperdex::http::ServerOptions o;
    o.web_dir = (tmp.path / "web").string();
    o.katex_dir = (tmp.path / "katex").string();
    {
        Server s(o);
        auto res = s.client.Get("/katex/katex.mjs");
        REQUIRE(res);
        CHECK(res->body == "export default {};\n");
    }
    o.katex_dir = (tmp.path / "nosuch").string();
    Server s(o);
    auto missing = s.client.Get("/katex/katex.mjs");
    REQUIRE(missing);
    CHECK(missing->status == 404);
    auto page = s.client.Get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
}
