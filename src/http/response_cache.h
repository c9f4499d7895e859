#pragma once
// Private to the HTTP layer: the response cache. The serialised 200 body of a GET whose answer depends only on
// (index generation, route, query parameters) is kept under that key, so a repeated request is answered without
// searching again — the idea of Solr's queryResultCache and Elasticsearch's shard request cache, with the index
// generation in the key as Elasticsearch keys by reader version: a rebuild never serves an old answer, and the
// old entries are evicted as least recently used.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include <httplib.h>

namespace paperdex::http {

/// A least-recently-used map from key to body, bounded by bytes (keys + bodies + a fixed per-entry overhead).
/// Thread-safe: one mutex, held only to look up, splice and insert; bodies are shared, never copied under it.
class ResponseCache {
public:
    /// Bytes charged per entry besides key and body: list node, hash node, shared_ptr control block.
    static constexpr std::size_t kEntryOverhead = 128;

    /// `capacity_bytes` 0 = off: find() always misses, put() keeps nothing.
    explicit ResponseCache(std::size_t capacity_bytes) : capacity_(capacity_bytes) {}

    bool enabled() const noexcept { return capacity_ > 0; }
    std::size_t capacity() const noexcept { return capacity_; }

    /// The body stored under `key`, made most recently used; nullptr when absent. Counts a hit or a miss.
    std::shared_ptr<const std::string> find(const std::string& key);
    /// Stores `body` under `key` (replacing an older one), then evicts least recently used entries until the
    /// total fits the capacity. An entry larger than the whole capacity is not stored.
    void put(const std::string& key, std::string body);

    std::uint64_t hits() const noexcept { return hits_.load(std::memory_order_relaxed); }
    std::uint64_t misses() const noexcept { return misses_.load(std::memory_order_relaxed); }
    std::size_t bytes() const;
    std::size_t entries() const;

    /// The canonical key of a request: `tag` (the index generation), the decoded path and the query parameters
    /// sorted by name (values of a repeated name keep their order), each part length-prefixed so that no value
    /// can imitate a separator. `?a=1&b=2` and `?b=2&a=1` give the same key.
    static std::string key(const std::string& tag, const std::string& path, const httplib::Params& params);

private:
    struct Entry {
        std::string key;
        std::shared_ptr<const std::string> body;
        std::size_t size;  // charged bytes
    };
    std::size_t capacity_;
    mutable std::mutex mutex_;
    std::list<Entry> lru_;  // front = most recently used
    std::unordered_map<std::string_view, std::list<Entry>::iterator> index_;  // views into Entry::key
    std::size_t bytes_ = 0;
    std::atomic<std::uint64_t> hits_{0}, misses_{0};
};

}  // namespace paperdex::http
