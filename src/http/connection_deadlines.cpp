// Deadlines per request for httplib 0.11's server; the design and its reasons are in connection_deadlines.h.
#include "http/connection_deadlines.h"

#include "http/tcp_bytes_received.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <utility>

namespace {

// The socket the C library's accept() last returned on this thread. httplib's listen thread accepts and then
// enqueues the connection's task at once, so the enqueue finds its socket here.
thread_local int t_accepted = -1;

}  // namespace

// Interposes the C library's accept() for the whole process (the executable's definition comes first in the
// dynamic linker's search, also for calls from libcpp-httplib.so); it changes nothing but noting the socket.
extern "C" int accept(int fd, sockaddr* addr, socklen_t* addr_len) {
    using Accept = int (*)(int, sockaddr*, socklen_t*);
    static const auto next = reinterpret_cast<Accept>(::dlsym(RTLD_NEXT, "accept"));
    if (!next) {
        errno = ENOSYS;
        return -1;
    }
    const int sock = next(fd, addr, addr_len);
    t_accepted = sock;
    return sock;
}

namespace paperdex::http {

using Clock = std::chrono::steady_clock;

struct ConnectionWatchdog::Connection {
    ConnectionWatchdog* owner = nullptr;
    int fd = -1;  // our duplicate of the accepted socket
    std::atomic<bool> in_request{false};
    std::atomic<Clock::rep> since{Clock::now().time_since_epoch().count()};
    std::atomic<std::uint64_t> received_by_answer{0};  // bytes received when the last answer was ready
    bool shut = false;  // under owner->mutex_

    void enter(bool request) noexcept {
        since.store(Clock::now().time_since_epoch().count());
        in_request.store(request);
        if (!request) received_by_answer.store(tcp_bytes_received(fd).value_or(0));
    }

    // No byte of a next request has arrived since the last answer (or since accept): closing loses nothing. A
    // byte may have arrived and been read already (half a head): that request is in flight.
    bool idle() const noexcept {
        int unread = 0;
        if (::ioctl(fd, FIONREAD, &unread) != 0 || unread != 0) return false;
        const auto received = tcp_bytes_received(fd);
        return received && *received == received_by_answer.load();
    }
};

namespace {

thread_local ConnectionWatchdog::Connection* t_connection = nullptr;

}  // namespace

// httplib's ThreadPool, with each task run under its connection's record.
class DeadlineTaskQueue final : public httplib::TaskQueue {
public:
    DeadlineTaskQueue(ConnectionWatchdog& watchdog, unsigned threads) : watchdog_(watchdog), pool_(threads) {}

    void enqueue(std::function<void()> fn) override {
        auto connection = watchdog_.adopt(std::exchange(t_accepted, -1));
        pool_.enqueue([connection, fn = std::move(fn)] {
            t_connection = connection.get();
            fn();  // httplib's task catches everything; it serves the connection, then closes the socket
            t_connection = nullptr;
            if (connection) connection->owner->release(connection.get());
        });
    }
    void shutdown() override { pool_.shutdown(); }

private:
    ConnectionWatchdog& watchdog_;
    httplib::ThreadPool pool_;
};

ConnectionWatchdog::ConnectionWatchdog(Deadlines deadlines) : deadlines_(deadlines), thread_([this] { watch(); }) {}

ConnectionWatchdog::~ConnectionWatchdog() {
    {
        std::lock_guard lock(mutex_);
        quit_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

httplib::TaskQueue* ConnectionWatchdog::make_task_queue(unsigned threads) {
    return new DeadlineTaskQueue(*this, threads);
}

void ConnectionWatchdog::request_started() noexcept {
    if (t_connection) t_connection->enter(true);
}

void ConnectionWatchdog::request_finished() noexcept {
    if (t_connection) t_connection->enter(false);
}

void ConnectionWatchdog::close_idle() noexcept {
    {
        std::lock_guard lock(mutex_);
        closing_idle_ = true;
    }
    wake_.notify_all();
}

std::size_t ConnectionWatchdog::timed_out() const noexcept {
    std::lock_guard lock(mutex_);
    return timed_out_;
}

std::shared_ptr<ConnectionWatchdog::Connection> ConnectionWatchdog::adopt(int accepted_socket) {
    if (accepted_socket < 0) return nullptr;
    // Without a descriptor to spare (EMFILE) the connection is served without deadlines rather than refused.
    const int fd = ::fcntl(accepted_socket, F_DUPFD_CLOEXEC, 0);
    if (fd < 0) return nullptr;
    auto connection = std::make_shared<Connection>();
    connection->owner = this;
    connection->fd = fd;
    std::lock_guard lock(mutex_);
    connections_.insert(connection.get());
    return connection;
}

void ConnectionWatchdog::release(Connection* connection) noexcept {
    std::lock_guard lock(mutex_);
    connections_.erase(connection);
    ::close(connection->fd);
}

void ConnectionWatchdog::watch() {
    // A tenth of the shorter deadline, within 10..250 ms: a deadline is kept to within 10 %.
    const auto tick = std::clamp(std::min(deadlines_.head, deadlines_.request) / 10, std::chrono::milliseconds(10),
                                 std::chrono::milliseconds(250));
    std::unique_lock lock(mutex_);
    while (!quit_) {
        wake_.wait_for(lock, tick);
        const auto now = Clock::now().time_since_epoch().count();
        for (Connection* c : connections_) {
            if (c->shut) continue;
            const bool in_request = c->in_request.load();
            const auto limit = std::chrono::duration_cast<Clock::duration>(in_request ? deadlines_.request
                                                                                      : deadlines_.head);
            const bool late = now - c->since.load() > limit.count();
            if (!late && !(closing_idle_ && !in_request && c->idle())) continue;
            ::shutdown(c->fd, SHUT_RDWR);
            c->shut = true;
            if (late) ++timed_out_;
        }
    }
}

}  // namespace paperdex::http
