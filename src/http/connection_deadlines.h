#pragma once
// Private to the HTTP layer: a deadline for each request's head, and one for its body and answer.
//
// Why: httplib 0.11 (Debian bookworm) gives a connection a worker from accept() until it closes and times out
// each read, not a request: a client that sends one header line a second holds a worker for as long as it likes,
// and 256 such clients hold every worker (nginx's client_header_timeout and client_body_timeout exist for this).
// httplib has no hook that sees an accepted socket, so:
//   - accept() is defined in connection_deadlines.cpp: it calls the C library's (dlsym RTLD_NEXT) and notes the
//     socket in a thread_local of httplib's listen thread, which then hands the connection to our TaskQueue;
//   - the TaskQueue keeps a duplicate descriptor of that socket, so the number cannot be reused by another
//     connection while the watchdog may still act on it, and runs the connection's task under its record;
//   - the pre- and post-routing handlers mark where a request's head ends and its answer is ready;
//   - a watchdog thread shuts down (shutdown(2)) a socket past its deadline: httplib's blocked read returns, it
//     closes the connection and the worker is free.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_set>

#include <httplib.h>

namespace paperdex::http {

/// The two deadlines. `head`: from accepting a connection (or finishing the previous answer on it) to having read
/// the next request's head; it also bounds how long an accepted connection waits for a free worker.
/// `request`: from the end of the head to the answer being ready (reading the body, then the handler).
struct Deadlines {
    std::chrono::milliseconds head;
    std::chrono::milliseconds request;
};

/// Owns the connection records and the watchdog thread of one server. Thread-safe.
class ConnectionWatchdog {
public:
    explicit ConnectionWatchdog(Deadlines deadlines);
    ~ConnectionWatchdog();  ///< stops the watchdog thread; the server's workers must have finished
    ConnectionWatchdog(const ConnectionWatchdog&) = delete;
    ConnectionWatchdog& operator=(const ConnectionWatchdog&) = delete;

    /// The task queue for httplib::Server::new_task_queue: a ThreadPool of `threads` workers whose tasks run under
    /// their connection's deadlines. The caller (httplib) owns it; it must not outlive this watchdog.
    httplib::TaskQueue* make_task_queue(unsigned threads);

    /// Called on a worker from the pre-routing handler: the head is read, the request deadline starts.
    static void request_started() noexcept;
    /// Called on a worker from the post-routing handler: the answer is ready, the next head's deadline starts.
    static void request_finished() noexcept;

    /// For a graceful stop: from now on a connection waiting for a head with no bytes of one yet is closed at
    /// once (a keep-alive connection would otherwise hold its worker, and the stop, for up to 5 s).
    void close_idle() noexcept;

    /// Connections closed because a deadline passed, since the server started.
    std::size_t timed_out() const noexcept;

    struct Connection;

private:
    friend class DeadlineTaskQueue;
    std::shared_ptr<Connection> adopt(int accepted_socket);
    void release(Connection* connection) noexcept;
    void watch();

    const Deadlines deadlines_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::unordered_set<Connection*> connections_;
    bool closing_idle_ = false;
    bool quit_ = false;
    std::size_t timed_out_ = 0;
    std::thread thread_;
};

}  // namespace paperdex::http
