// What the server refuses before reading a request body, against a real server over raw sockets: the requests
// here are ones httplib's client would not send (chunked bodies, no Content-Length, several ranges).
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <fcntl.h>
#include <poll.h>

#include <algorithm>
#include <chrono>
#include <thread>
#include <vector>
#include <string>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "http_fixture.h"
#include "paperdex/http/server.h"

using nlohmann::json;

namespace {

struct Server {
    Server() : server(options()) { server.start(); }
    static paperdex::http::ServerOptions options() {
        paperdex::http::ServerOptions o;
        o.index_dir = paperdex::testing::http_fixture::main_index();
        o.host = "127.0.0.1";
        o.port = 0;
        o.threads = 4;
        return o;
    }
    paperdex::http::HttpServer server;
};

Server& server() {
    static Server s;
    return s;
}

struct RawReply {
    int status = 0;
    std::string head, body;
    double seconds = 0;  // until the server answered (or closed)
};

sockaddr_in loopback(int port) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return addr;
}

// A blocking TCP connection to 127.0.0.1:port.
int connect_to(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    const sockaddr_in addr = loopback(port);
    REQUIRE(::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0);
    return fd;
}

// Sends `request` as it is and reads until the server closes the connection or 10 s pass.
RawReply send_raw(const std::string& request) {
    const int fd = connect_to(server().server.port());
    timeval tv{10, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    const auto t0 = std::chrono::steady_clock::now();
    REQUIRE(::send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size()));
    std::string got;
    char buf[4096];
    for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) {
        got.append(buf, static_cast<std::size_t>(n));
        const auto end = got.find("\r\n\r\n");
        if (end == std::string::npos) continue;
        // A complete answer with a Content-Length is enough: the connection may stay open.
        const auto cl = got.find("Content-Length: ");
        if (cl != std::string::npos && cl < end &&
            got.size() >= end + 4 + std::stoul(got.substr(cl + 16)))
            break;
    }
    RawReply r;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    ::close(fd);
    const auto end = got.find("\r\n\r\n");
    r.head = got.substr(0, end);
    if (end != std::string::npos) r.body = got.substr(end + 4);
    if (got.rfind("HTTP/1.1 ", 0) == 0) r.status = std::stoi(got.substr(9, 3));
    return r;
}

// The answer comes before httplib's 5 s read timeout would have passed: the server did not wait for a body.
constexpr double kNoWait = 2.5;

}  // namespace

TEST_CASE("http limits: a chunked request body is refused with 411 before it is read") {
    const auto r = send_raw("POST /api/similar HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                            "Transfer-Encoding: chunked\r\n\r\n10\r\n{\"text\":\"graph\"}\r\n");  // never ends
    CHECK(r.status == 411);
    CHECK(r.seconds < kNoWait);
    CHECK(json::parse(r.body)["error"]["code"] == "length_required");
}

TEST_CASE("http limits: a compressed request body is refused with 415") {
    const std::string body = "{\"text\":\"graph neural\"}";
    const auto r = send_raw("POST /api/similar HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                            "Content-Encoding: gzip\r\nContent-Length: " + std::to_string(body.size()) +
                            "\r\nConnection: close\r\n\r\n" + body);
    CHECK(r.status == 415);
    CHECK(json::parse(r.body)["error"]["code"] == "unsupported_media_type");
}

TEST_CASE("http limits: a body without Content-Length is refused with 411 at once, whatever the method") {
    for (const std::string method : {"POST", "PUT", "PATCH", "DELETE"}) {
        CAPTURE(method);
        const auto r = send_raw(method + " /api/similar HTTP/1.1\r\nHost: x\r\n\r\n");
        CHECK(r.status == 411);
        CHECK(r.seconds < kNoWait);
    }
}

TEST_CASE("http limits: several ranges in one request are refused with 416; one range gets the whole file") {
    auto r = send_raw("GET /index.html HTTP/1.1\r\nHost: x\r\nRange: bytes=0-1,2-3,4-5\r\nConnection: close\r\n\r\n");
    CHECK(r.status == 416);
    CHECK(json::parse(r.body)["error"]["code"] == "range_not_satisfiable");
    r = send_raw("GET /index.html HTTP/1.1\r\nHost: x\r\nRange: bytes=0-4\r\nConnection: close\r\n\r\n");
    CHECK(r.status == 200);
    CHECK(r.body.rfind("<!doctype html>", 0) == 0);
    // Past the end: httplib answered an empty text/html 416; now the range is ignored too.
    r = send_raw("GET /api/search?q=memory HTTP/1.1\r\nHost: x\r\nRange: bytes=999999999-\r\nConnection: close\r\n\r\n");
    CHECK(r.status == 200);
    CHECK(json::parse(r.body).contains("hits"));
}

TEST_CASE("http limits: a normal POST is still answered") {
    const std::string body = "{\"text\":\"memory bound sparse embedding recommendation\",\"per_page\":1}";
    const auto r = send_raw("POST /api/similar HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
                            std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    CHECK(r.status == 200);
    CHECK(json::parse(r.body)["hits"].size() == 1);
}

TEST_CASE("http limits: a burst of connections is accepted without SYN retransmits") {
    // httplib listens with a backlog of 5: in a burst the kernel drops the SYNs past it and the client retries
    // after 1 s (the 64-connection p99 of 1.3 s in the bench). 500 connections opened at once must all be
    // established well within that second.
    constexpr int kBurst = 500;
    // Client and server share this process: 1,000 descriptors, past a common soft limit of 1,024 with the rest.
    rlimit files{};
    REQUIRE(::getrlimit(RLIMIT_NOFILE, &files) == 0);
    if (files.rlim_cur < 4096 && files.rlim_max > files.rlim_cur) {
        files.rlim_cur = std::min<rlim_t>(files.rlim_max, 4096);
        ::setrlimit(RLIMIT_NOFILE, &files);
    }
    const sockaddr_in addr = loopback(server().server.port());
    std::vector<pollfd> fds;
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < kBurst; ++i) {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        REQUIRE(fd >= 0);
        ::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr);
        fds.push_back({fd, POLLOUT, 0});
    }
    // A connection is established when its SYN was accepted into the queue; count those within 0.8 s.
    int established = 0;
    std::vector<bool> done(fds.size());
    while (established < kBurst && std::chrono::steady_clock::now() - t0 < std::chrono::milliseconds(800)) {
        ::poll(fds.data(), fds.size(), 50);
        for (std::size_t i = 0; i < fds.size(); ++i) {
            if (done[i] || !(fds[i].revents & POLLOUT)) continue;
            int err = 0;
            socklen_t len = sizeof err;
            ::getsockopt(fds[i].fd, SOL_SOCKET, SO_ERROR, &err, &len);
            if (err == 0) ++established;
            done[i] = true;
            fds[i].events = 0;
        }
    }
    for (const auto& p : fds) ::close(p.fd);
    CHECK(established == kBurst);
}

TEST_CASE("http limits: with 200 slow clients holding half a request head, a search still answers at once") {
    // Each half-sent head holds a worker until httplib's 5 s read timeout; with the default workers a normal
    // request must still find a free one (before: 64 workers, and the search waited for the first timeout).
    paperdex::http::ServerOptions o = Server::options();
    o.threads = 0;  // the default
    paperdex::http::HttpServer busy(o);
    busy.start();
    std::vector<int> slow;
    for (int i = 0; i < 200; ++i) {
        const int fd = connect_to(busy.port());
        const std::string half = "GET /api/search?q=x HTTP/1.1\r\nX-Slow: 1\r\n";
        ::send(fd, half.data(), half.size(), MSG_NOSIGNAL);
        slow.push_back(fd);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // every slow head has reached a worker
    httplib::Client client("127.0.0.1", busy.port());
    client.set_read_timeout(std::chrono::seconds(10));
    const auto t0 = std::chrono::steady_clock::now();
    const auto res = client.Get("/api/search?q=recommendation&per_page=1");
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(seconds < 1.0);
    for (int fd : slow) ::close(fd);
    busy.stop();
}

namespace {

// True once the server has closed `fd` (end of stream or reset), without blocking; what it sent before is skipped.
bool closed_by_server(int fd) {
    char buf[4096];
    ssize_t n;
    while ((n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT)) > 0) {
    }
    return n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK);
}

// Sends `first`, then `piece` every 100 ms, as a client on a slow link would, for at most `give_up` seconds.
// Returns the seconds until the server closed the connection, or `give_up` if it never did.
double dribble(int port, const std::string& first, const std::string& piece, double give_up) {
    const int fd = connect_to(port);
    const auto t0 = std::chrono::steady_clock::now();
    const auto seconds = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
    ::send(fd, first.data(), first.size(), MSG_NOSIGNAL);
    double closed = give_up;
    while (seconds() < give_up) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (closed_by_server(fd) || ::send(fd, piece.data(), piece.size(), MSG_NOSIGNAL) < 0) {
            closed = seconds();
            break;
        }
    }
    ::close(fd);
    return closed;
}

paperdex::http::ServerOptions with_deadlines(unsigned head_ms, unsigned request_ms) {
    paperdex::http::ServerOptions o = Server::options();
    o.head_timeout_ms = head_ms;
    o.request_timeout_ms = request_ms;
    return o;
}

}  // namespace

TEST_CASE("http limits: a head sent a line at a time is cut at the head deadline, and its worker freed") {
    // httplib times out each read, not the head: a header line every 100 ms held a worker for as long as the
    // client went on. Here 8 such clients face 4 workers and a 600 ms head deadline.
    paperdex::http::HttpServer busy(with_deadlines(600, 30'000));
    busy.start();
    std::vector<std::thread> slow;
    std::vector<double> closed(8);
    for (std::size_t i = 0; i < closed.size(); ++i)
        slow.emplace_back([&, i] {
            closed[i] = dribble(busy.port(), "GET /api/search?q=x HTTP/1.1\r\nHost: x\r\n", "X-Slow: 1\r\n", 5.0);
        });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the workers are taken
    httplib::Client client("127.0.0.1", busy.port());
    client.set_read_timeout(std::chrono::seconds(10));
    const auto t0 = std::chrono::steady_clock::now();
    const auto res = client.Get("/api/search?q=recommendation&per_page=1");
    const double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    for (auto& t : slow) t.join();
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(waited < 2.0);  // two rounds of the deadline at most: 4 workers, 8 slow clients
    for (double s : closed) CHECK(s < 2.0);
    busy.stop();
}

TEST_CASE("http limits: a body sent a few bytes at a time is cut at the request deadline") {
    paperdex::http::HttpServer busy(with_deadlines(10'000, 600));
    busy.start();
    const double closed = dribble(busy.port(),
                                  "POST /api/similar HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                  "Content-Length: 100000\r\n\r\n{\"text\":\"",
                                  "graph ", 5.0);
    CHECK(closed > 0.5);
    CHECK(closed < 1.5);
    // A request within its deadline is untouched.
    httplib::Client client("127.0.0.1", busy.port());
    const auto res = client.Post("/api/similar", R"({"text":"memory bound sparse embedding","per_page":1})",
                                 "application/json");
    REQUIRE(res);
    CHECK(res->status == 200);
    busy.stop();
}

TEST_CASE("http limits: stop closes idle keep-alive connections at once and finishes the request in flight") {
    paperdex::http::HttpServer busy(with_deadlines(10'000, 30'000));
    busy.start();
    // An idle keep-alive connection: answered once, then silent (httplib alone kept it, and stop(), for 5 s).
    const int idle = connect_to(busy.port());
    const std::string get = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
    REQUIRE(::send(idle, get.data(), get.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(get.size()));
    char buf[4096];
    REQUIRE(::recv(idle, buf, sizeof buf, 0) > 0);
    // A request whose head has arrived but whose body has not finished: in flight, so it is answered.
    const std::string body = R"({"text":"memory bound sparse embedding","per_page":1})";
    const int in_flight = connect_to(busy.port());
    const std::string head = "POST /api/similar HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                             "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
    ::send(in_flight, head.data(), head.size(), MSG_NOSIGNAL);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    std::thread finish([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        ::send(in_flight, body.data(), body.size(), MSG_NOSIGNAL);
    });
    const auto t0 = std::chrono::steady_clock::now();
    busy.stop();
    const double stopping = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    finish.join();
    CHECK(stopping < 2.0);
    std::string answer;
    for (ssize_t n; (n = ::recv(in_flight, buf, sizeof buf, MSG_DONTWAIT)) > 0;) answer.append(buf, n);
    CHECK(answer.rfind("HTTP/1.1 200", 0) == 0);
    CHECK(closed_by_server(idle));
    ::close(idle);
    ::close(in_flight);
}
