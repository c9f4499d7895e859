#pragma once
// Private to the HTTP layer: how many requests may use an index at once, the others waiting in arrival order.
// httplib gives every open connection a worker thread (256 by default), so without a gate 64 busy connections
// run 64 searches at once on 2 cores: each one takes 32 times as long, the cores thrash between them, and a
// request's latency depends on how the scheduler interleaves it rather than on when it came. Measured with wrk on
// distinct searches, cache off: p99 at 64 connections was 17x the p99 at 8. A FIFO gate of a few slots per core
// keeps the cores busy, serves requests in order (p99 near the mean of the queue), and is the model of
// Elasticsearch's search thread pool (size cores * 3 / 2 + 1, a queue in front).
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

namespace paperdex::http {

/// A counting semaphore that hands free slots to waiters first come, first served (std::counting_semaphore
/// promises no order). Thread-safe.
class AdmissionGate {
public:
    /// `slots` requests at once; 0 = no limit.
    explicit AdmissionGate(std::size_t slots) : slots_(slots) {}
    AdmissionGate(const AdmissionGate&) = delete;
    AdmissionGate& operator=(const AdmissionGate&) = delete;

    /// Waits for a slot at most `timeout`; true once the caller holds one (give it back with leave()), false if
    /// the wait timed out (the caller holds nothing).
    bool enter(std::chrono::milliseconds timeout);
    /// Returns a slot entered with enter(): to the longest waiter if there is one.
    void leave() noexcept;

    std::size_t slots() const noexcept { return slots_; }
    /// Requests waiting for a slot now (for metrics and tests).
    std::size_t waiting() const;

private:
    struct Waiter {
        std::condition_variable ready;
        bool admitted = false;
    };
    const std::size_t slots_;
    mutable std::mutex mutex_;
    std::size_t busy_ = 0;
    std::deque<Waiter*> queue_;
};

}  // namespace paperdex::http
