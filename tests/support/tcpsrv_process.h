#pragma once
// A real, stock `xapian-tcpsrv` (Debian's xapian-tools) serving one database on a loopback port, as a remote
// shard of paperdex is served in production. It can be stopped (kill), paused (SIGSTOP: a shard that hangs) and
// started again on the same port.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <xapian.h>

namespace paperdex::testing {

/// A loopback port that was free a moment ago (bound to port 0 and released).
inline unsigned free_loopback_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0);
    ::close(fd);
    return ntohs(a.sin_port);
}

class TcpsrvProcess {
public:
    explicit TcpsrvProcess(std::string database) : database_(std::move(database)), port_(free_loopback_port()) { start(); }
    ~TcpsrvProcess() { stop(); }
    TcpsrvProcess(const TcpsrvProcess&) = delete;
    TcpsrvProcess& operator=(const TcpsrvProcess&) = delete;

    std::string url() const { return "tcp://127.0.0.1:" + std::to_string(port_); }
    unsigned port() const { return port_; }

    /// Starts it (again, on the same port) and waits until it answers.
    void start() {
        REQUIRE(pid_ == -1);
        pid_ = ::fork();
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            ::setpgid(0, 0);  // its own group: xapian-tcpsrv forks a child per connection, and they go together
            // Its children report each connection the tests break on purpose ("write failed"): not test output.
            if (FILE* null = std::fopen("/dev/null", "w")) ::dup2(::fileno(null), 2);
            const std::string port = std::to_string(port_);
            ::execlp("xapian-tcpsrv", "xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port", port.c_str(),
                     database_.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        for (int i = 0; i < 500; ++i) {
            try {
                Xapian::Remote::open("127.0.0.1", port_, 1000, 100).keep_alive();
                return;
            } catch (const Xapian::Error&) {
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            }
        }
        FAIL("xapian-tcpsrv on port " << port_ << " did not answer within 5 s");
    }
    /// Kills it and the children serving its connections (SIGKILL: a crashed shard machine) and reaps it.
    void stop() {
        if (pid_ <= 0) return;
        ::kill(-pid_, SIGCONT);
        ::kill(-pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }
    /// SIGSTOP to it and its children: the connections and port stay open but nothing answers, as a hung or
    /// overloaded shard.
    void pause() { ::kill(-pid_, SIGSTOP); }
    void resume() { ::kill(-pid_, SIGCONT); }

private:
    std::string database_;
    unsigned port_;
    pid_t pid_ = -1;
};

}  // namespace paperdex::testing
