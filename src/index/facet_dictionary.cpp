#include "index/facet_dictionary.h"

#include <map>
#include <mutex>

#include "index/xapian_error.h"
#include "paperdex/error.h"

namespace paperdex {

std::uint32_t FacetDictionaryBuilder::ordinal(std::string_view value) {
    if (auto it = ordinals_.find(value); it != ordinals_.end()) return it->second;
    const auto n = static_cast<std::uint32_t>(values_.size());
    values_.push_back(ordinals_.emplace(std::string(value), n).first->first);
    return n;
}

std::string FacetDictionaryBuilder::ordinals_of(std::string_view packed_values) {
    std::string out;
    schema::for_each_packed_value(packed_values, [&](std::string_view v) { append_ordinal(out, ordinal(v)); });
    return out;
}

std::string FacetDictionaryBuilder::serialise() const {
    std::string out;
    for (std::size_t i = 0; i < values_.size(); ++i) {
        if (i) out.push_back('\0');
        out += values_[i];
    }
    return out;
}

FacetDictionary::FacetDictionary(std::string serialised) : text_(std::move(serialised)) {
    schema::for_each_packed_value(text_, [this](std::string_view v) { values_.push_back(v); });
}

std::string_view FacetDictionary::value(std::uint32_t ordinal) const {
    if (ordinal >= values_.size())
        throw IndexError("facet ordinal " + std::to_string(ordinal) + " is past the dictionary's " + std::to_string(values_.size()) +
                         " values (rebuild the index)");
    return values_[ordinal];
}

std::shared_ptr<const FacetDictionary> FacetDictionary::load(const Xapian::Database& db, const schema::Facet& facet) {
    if (facet.dictionary_key.empty()) return nullptr;
    // Every HTTP worker has its own Searcher (and Database); one copy of a dictionary per index is enough.
    static std::mutex mutex;
    static std::map<std::string, std::weak_ptr<const FacetDictionary>> loaded;
    return with_xapian_errors("reading the " + std::string(facet.name) + " facet dictionary", [&] {
        auto read = [&]() -> std::shared_ptr<const FacetDictionary> {
            std::string tag = db.get_metadata(std::string(facet.dictionary_key));
            return tag.empty() ? nullptr : std::make_shared<const FacetDictionary>(std::move(tag));
        };
        const std::string uuid = db.get_uuid();
        if (uuid.empty()) return read();  // no identity to share it by (a backend without UUIDs): the caller's own copy
        const std::string key = uuid + "/" + std::string(facet.dictionary_key);
        std::lock_guard<std::mutex> lock(mutex);
        for (auto it = loaded.begin(); it != loaded.end();) it = it->second.expired() ? loaded.erase(it) : std::next(it);
        if (auto it = loaded.find(key); it != loaded.end())
            if (auto dict = it->second.lock()) return dict;
        auto dict = read();
        if (dict) loaded[key] = dict;
        return dict;
    });
}

void append_ordinal(std::string& packed, std::uint32_t ordinal) {
    for (int k = 0; k < 4; ++k) packed.push_back(static_cast<char>((ordinal >> (8 * k)) & 0xff));
}

}  // namespace paperdex
