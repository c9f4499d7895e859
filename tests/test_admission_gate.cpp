// The FIFO gate in front of the index (src/http/admission_gate.h): order, bounded waits, no lost slot.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

#include "http/admission_gate.h"

using paperdex::http::AdmissionGate;
using namespace std::chrono_literals;

namespace {

void wait_until_waiting(const AdmissionGate& gate, std::size_t n) {
    for (int i = 0; i < 5000 && gate.waiting() != n; ++i) std::this_thread::sleep_for(1ms);
    REQUIRE(gate.waiting() == n);
}

}  // namespace

TEST_CASE("admission gate: waiters get a freed slot in the order they came") {
    AdmissionGate gate(2);
    REQUIRE(gate.enter(0ms));
    REQUIRE(gate.enter(0ms));
    std::mutex m;
    std::vector<int> admitted;
    std::vector<std::thread> waiters;
    for (int i = 0; i < 6; ++i) {
        waiters.emplace_back([&, i] {
            REQUIRE(gate.enter(10s));
            std::lock_guard lock(m);
            admitted.push_back(i);
        });
        wait_until_waiting(gate, static_cast<std::size_t>(i + 1));  // i has queued before i + 1 starts
    }
    // A newcomer while others wait must queue, not take the slot a waiter is owed.
    CHECK_FALSE(gate.enter(20ms));
    for (int i = 0; i < 6; ++i) {
        gate.leave();
        for (int t = 0; t < 5000; ++t) {
            {
                std::lock_guard lock(m);
                if (admitted.size() == static_cast<std::size_t>(i + 1)) break;
            }
            std::this_thread::sleep_for(1ms);
        }
    }
    for (auto& t : waiters) t.join();
    CHECK(admitted == std::vector<int>{0, 1, 2, 3, 4, 5});
    CHECK(gate.waiting() == 0);
}

TEST_CASE("admission gate: a wait that times out holds no slot and leaves the queue") {
    AdmissionGate gate(1);
    REQUIRE(gate.enter(0ms));
    const auto t0 = std::chrono::steady_clock::now();
    CHECK_FALSE(gate.enter(50ms));
    CHECK(std::chrono::steady_clock::now() - t0 >= 50ms);
    CHECK(gate.waiting() == 0);
    gate.leave();
    CHECK(gate.enter(0ms));  // the one slot is free again: the timed-out waiter took nothing
    CHECK_FALSE(gate.enter(0ms));
    gate.leave();
}

TEST_CASE("admission gate: never more holders than slots, under contention") {
    AdmissionGate gate(3);
    std::atomic<int> inside{0}, most{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 16; ++i)
        threads.emplace_back([&] {
            for (int k = 0; k < 200; ++k) {
                REQUIRE(gate.enter(10s));
                const int now = ++inside;
                for (int seen = most.load(); now > seen && !most.compare_exchange_weak(seen, now);) {}
                std::this_thread::yield();
                --inside;
                gate.leave();
            }
        });
    for (auto& t : threads) t.join();
    CHECK(most.load() <= 3);  // never a 4th holder
    CHECK(most.load() >= 2);  // and 16 contending threads did share the slots
    CHECK(gate.waiting() == 0);
}

TEST_CASE("admission gate: 0 slots admits everyone at once") {
    AdmissionGate gate(0);
    for (int i = 0; i < 100; ++i) CHECK(gate.enter(0ms));
    CHECK(gate.waiting() == 0);
}
