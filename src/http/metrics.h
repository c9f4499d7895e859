#pragma once
// Private to the HTTP layer: request counters, latency histograms and index gauges, rendered in the
// Prometheus text exposition format 0.0.4 (https://prometheus.io/docs/instrumenting/exposition_formats/).
#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace paperdex::http {

/// The response cache's counters as render() prints them.
struct CacheStats {
    std::uint64_t hits = 0, misses = 0;
    std::size_t bytes = 0, entries = 0, capacity = 0;
};

/// Thread-safe: record() from any worker thread, render() from the /metrics handler.
class Metrics {
public:
    /// Upper bounds (seconds) of the latency histogram buckets; +Inf is implicit.
    static constexpr std::array<double, 12> kLatencyBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                            0.1,   0.25,   0.5,   1,    2.5,   5};

    /// One finished request: `route` is the OpenAPI path template ("/api/works/{id}") or "static" /
    /// "unmatched", so that label values stay few; `seconds` is the handling time.
    void record(const std::string& route, int status, double seconds);

    /// Gauges describing the newest index generation a worker has opened.
    void set_index(std::uint64_t generation, std::uint64_t documents);

    /// The exposition text: paperdex_http_requests_total{route,status} (counter),
    /// paperdex_http_request_duration_seconds{route} (histogram), paperdex_index_generation,
    /// paperdex_index_documents (gauges), and from `cache` paperdex_cache_hits_total,
    /// paperdex_cache_misses_total (counters), paperdex_cache_bytes, paperdex_cache_entries,
    /// paperdex_cache_capacity_bytes (gauges).
    std::string render(const CacheStats& cache) const;

private:
    struct Histogram {
        std::array<std::uint64_t, kLatencyBuckets.size()> buckets{};  // non-cumulative
        std::uint64_t count = 0;
        double sum = 0;
    };
    mutable std::mutex mutex_;
    std::map<std::pair<std::string, int>, std::uint64_t> requests_;
    std::map<std::string, Histogram> latency_;
    std::atomic<std::uint64_t> generation_{0};
    std::atomic<std::uint64_t> documents_{0};
};

}  // namespace paperdex::http
