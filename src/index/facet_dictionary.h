#pragma once
/// Facet ordinals: each value of a multi-valued facet (author, topic) gets a number at rebuild time, each work
/// stores its values' numbers in a value slot beside the values themselves, and facet counting adds to an array
/// indexed by number instead of hashing strings (the idea of Lucene's SortedSetDocValues facets). Counting the
/// author facet over 10,000 arXiv works: 11–17 ms by string, 0.7–2.2 ms by ordinal (docs/bench.md).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "paperdex/index/schema.h"

namespace paperdex {

/// Hashes a string key by its string_view, so that maps keyed by std::string find a value without a copy.
struct StringViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

/// Numbers the values of one facet in first-seen order (0, 1, 2, …). Rebuild runs one per ordinal facet on
/// its reading thread, so numbers follow corpus order and do not depend on thread timing. Not thread-safe.
class FacetDictionaryBuilder {
public:
    /// The ordinal of `value`, numbering it if new.
    std::uint32_t ordinal(std::string_view value);
    /// pack_values()-style packed values → their ordinals packed by append_ordinal, in the same order.
    std::string ordinals_of(std::string_view packed_values);
    std::size_t size() const noexcept { return values_.size(); }
    /// The values in ordinal order, NUL-separated: the metadata tag FacetDictionary::load reads.
    std::string serialise() const;

private:
    std::unordered_map<std::string, std::uint32_t, StringViewHash, std::equal_to<>> ordinals_;
    std::vector<std::string_view> values_;  // into ordinals_' keys (node-based: addresses are stable)
};

/// One facet's values by ordinal, read from the index (metadata schema::Facet::dictionary_key).
class FacetDictionary {
public:
    /// The dictionary of `facet` in `db`, shared by every Searcher of the process on the same database
    /// (keyed by its UUID; freed with the last user), or nullptr when the facet has none (an index written by
    /// DocumentBuilder alone: counting then goes by string). Loading reads the whole tag once: ~100k authors,
    /// 2 MB for arXiv 35k.
    /// @throws IndexError if Xapian cannot read the metadata (IndexModified when a rebuild replaced the revision
    ///         `db` reads: reopen and retry).
    static std::shared_ptr<const FacetDictionary> load(const Xapian::Database& db, const schema::Facet& facet);

    explicit FacetDictionary(std::string serialised);
    std::size_t size() const noexcept { return values_.size(); }
    /// The value numbered `ordinal`. @throws IndexError if the index holds an ordinal past the dictionary.
    std::string_view value(std::uint32_t ordinal) const;

private:
    std::string text_;
    std::vector<std::string_view> values_;
};

/// Ordinals packed as 4 bytes each, little-endian: fixed width, so counting reads them without a parse.
void append_ordinal(std::string& packed, std::uint32_t ordinal);

/// Calls fn(std::uint32_t) for each ordinal of a packed slot value, in order.
template <class Fn>
void for_each_packed_ordinal(std::string_view packed, Fn&& fn) {
    for (std::size_t i = 0; i + 4 <= packed.size(); i += 4) {
        const auto b = [&](std::size_t k) { return static_cast<std::uint32_t>(static_cast<unsigned char>(packed[i + k])); };
        fn(b(0) | b(1) << 8 | b(2) << 16 | b(3) << 24);
    }
}

}  // namespace paperdex
