// Prometheus text format by hand is three line shapes; no client library is packaged in Debian for C++.
#include "http/metrics.h"

#include <cstdio>
#include <sstream>

namespace paperdex::http {
namespace {

// Label values are our own route names, but escape anyway as the format requires.
std::string label(const std::string& v) {
    std::string out;
    for (char c : v) {
        if (c == '\\' || c == '"') out += '\\';
        if (c == '\n') { out += "\\n"; continue; }
        out += c;
    }
    return out;
}

// %.9g keeps nanosecond resolution without the noise digits of a full 17-digit print.
std::string seconds_text(double s) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.9g", s);
    return buf;
}

}  // namespace

void Metrics::record(const std::string& route, int status, double seconds) {
    std::lock_guard lock(mutex_);
    ++requests_[{route, status}];
    Histogram& h = latency_[route];
    ++h.count;
    h.sum += seconds;
    for (std::size_t i = 0; i < kLatencyBuckets.size(); ++i) {
        if (seconds <= kLatencyBuckets[i]) {
            ++h.buckets[i];
            break;
        }
    }
}

void Metrics::set_index(std::uint64_t generation, std::uint64_t documents) {
    generation_.store(generation);
    documents_.store(documents);
}

std::string Metrics::render(const CacheStats& cache) const {
    std::ostringstream out;
    out << "# HELP paperdex_http_requests_total HTTP requests answered, by route and status.\n"
           "# TYPE paperdex_http_requests_total counter\n";
    std::lock_guard lock(mutex_);
    for (const auto& [key, n] : requests_)
        out << "paperdex_http_requests_total{route=\"" << label(key.first) << "\",status=\"" << key.second
            << "\"} " << n << "\n";
    out << "# HELP paperdex_http_request_duration_seconds Time to handle a request, by route.\n"
           "# TYPE paperdex_http_request_duration_seconds histogram\n";
    for (const auto& [route, h] : latency_) {
        const std::string r = label(route);
        std::uint64_t cumulative = 0;
        for (std::size_t i = 0; i < kLatencyBuckets.size(); ++i) {
            cumulative += h.buckets[i];
            out << "paperdex_http_request_duration_seconds_bucket{route=\"" << r << "\",le=\"" << kLatencyBuckets[i]
                << "\"} " << cumulative << "\n";
        }
        out << "paperdex_http_request_duration_seconds_bucket{route=\"" << r << "\",le=\"+Inf\"} " << h.count << "\n"
            << "paperdex_http_request_duration_seconds_sum{route=\"" << r << "\"} " << seconds_text(h.sum) << "\n"
            << "paperdex_http_request_duration_seconds_count{route=\"" << r << "\"} " << h.count << "\n";
    }
    out << "# HELP paperdex_index_generation Index generation (N of DIR/gen-N) being served.\n"
           "# TYPE paperdex_index_generation gauge\n"
           "paperdex_index_generation " << generation_.load() << "\n"
           "# HELP paperdex_index_documents Documents in the index generation being served.\n"
           "# TYPE paperdex_index_documents gauge\n"
           "paperdex_index_documents " << documents_.load() << "\n";
    out << "# HELP paperdex_cache_hits_total Requests answered from the response cache.\n"
           "# TYPE paperdex_cache_hits_total counter\n"
           "paperdex_cache_hits_total " << cache.hits << "\n"
           "# HELP paperdex_cache_misses_total Cacheable requests computed (always, when the cache is off).\n"
           "# TYPE paperdex_cache_misses_total counter\n"
           "paperdex_cache_misses_total " << cache.misses << "\n"
           "# HELP paperdex_cache_bytes Bytes held by the response cache (keys, bodies, per-entry overhead).\n"
           "# TYPE paperdex_cache_bytes gauge\n"
           "paperdex_cache_bytes " << cache.bytes << "\n"
           "# HELP paperdex_cache_entries Responses held by the response cache.\n"
           "# TYPE paperdex_cache_entries gauge\n"
           "paperdex_cache_entries " << cache.entries << "\n"
           "# HELP paperdex_cache_capacity_bytes Bound of the response cache; 0 = off.\n"
           "# TYPE paperdex_cache_capacity_bytes gauge\n"
           "paperdex_cache_capacity_bytes " << cache.capacity << "\n";
    return out.str();
}

}  // namespace paperdex::http
