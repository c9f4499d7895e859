// The response cache: an LRU list plus a hash index, bounded by bytes.
#include "http/response_cache.h"

namespace paperdex::http {

std::shared_ptr<const std::string> ResponseCache::find(const std::string& key) {
    if (enabled()) {
        std::lock_guard lock(mutex_);
        if (auto it = index_.find(key); it != index_.end()) {
            lru_.splice(lru_.begin(), lru_, it->second);  // iterators stay valid
            hits_.fetch_add(1, std::memory_order_relaxed);
            return it->second->body;
        }
    }
    misses_.fetch_add(1, std::memory_order_relaxed);
    return nullptr;
}

void ResponseCache::put(const std::string& key, std::string body) {
    const std::size_t size = key.size() + body.size() + kEntryOverhead;
    if (!enabled() || size > capacity_) return;
    auto shared = std::make_shared<const std::string>(std::move(body));
    std::lock_guard lock(mutex_);
    if (auto it = index_.find(key); it != index_.end()) {
        // Two workers missed the same key at once: keep one entry, the newest body.
        bytes_ -= it->second->size;
        it->second->body = std::move(shared);
        it->second->size = size;
        bytes_ += size;
        lru_.splice(lru_.begin(), lru_, it->second);
    } else {
        lru_.push_front(Entry{key, std::move(shared), size});
        index_.emplace(lru_.front().key, lru_.begin());
        bytes_ += size;
    }
    while (bytes_ > capacity_) {
        const Entry& last = lru_.back();
        bytes_ -= last.size;
        index_.erase(last.key);
        lru_.pop_back();
    }
}

std::size_t ResponseCache::bytes() const {
    std::lock_guard lock(mutex_);
    return bytes_;
}

std::size_t ResponseCache::entries() const {
    std::lock_guard lock(mutex_);
    return lru_.size();
}

std::string ResponseCache::key(const std::string& tag, const std::string& path, const httplib::Params& params) {
    // httplib::Params is a std::multimap: already sorted by name, equal names in arrival order.
    std::string k;
    k.reserve(tag.size() + path.size() + 64);
    auto part = [&k](char kind, const std::string& s) {
        k += kind;
        k += std::to_string(s.size());
        k += ':';
        k += s;
    };
    part('g', tag);
    part('p', path);
    for (const auto& [name, value] : params) {
        part('n', name);
        part('v', value);
    }
    return k;
}

}  // namespace paperdex::http
