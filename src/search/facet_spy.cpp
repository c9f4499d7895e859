#include "search/facet_spy.h"

#include "paperdex/error.h"

namespace paperdex {

namespace {
// Per value counted, a hash map costs ~100 times what zeroing one array entry does (arXiv probe, docs/bench.md);
// a work has a handful of authors.
constexpr double kArrayEntriesPerWork = 500;
}  // namespace

FacetSpy::FacetSpy(const schema::Facet& facet, std::shared_ptr<const FacetDictionary> dictionary, Xapian::doccount expected_works)
    : facet_(facet), dictionary_(facet.ordinals_slot != Xapian::BAD_VALUENO ? std::move(dictionary) : nullptr) {
    if (dictionary_) dense_ = double(expected_works) * kArrayEntriesPerWork >= double(dictionary_->size());
}

void FacetSpy::count(std::string_view value) {
    if (auto it = counts_.find(value); it != counts_.end())
        ++it->second;
    else
        counts_.emplace(std::string(value), 1);
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
    ++total_;
    if (dictionary_) {
        const std::string ordinals = doc.get_value(facet_.ordinals_slot);
        if (ordinals.empty()) return;
        const std::size_t size = dictionary_->size();
        // Sized on first use: a faceted search whose match is empty allocates nothing.
        if (dense_ && ordinal_counts_.empty()) ordinal_counts_.resize(size);
        for_each_packed_ordinal(ordinals, [&](std::uint32_t o) {
            if (o >= size)
                throw IndexError("facet " + std::string(facet_.name) + ": ordinal " + std::to_string(o) + " is past its dictionary's " +
                                 std::to_string(size) + " values (rebuild the index)");
            if (!dense_)
                ++sparse_counts_[o];
            else if (ordinal_counts_[o]++ == 0)
                seen_ordinals_.push_back(o);
        });
        return;
    }
    const std::string value = doc.get_value(facet_.slot);
    if (value.empty()) return;
    if (!facet_.packed) {
        count(value);
        return;
    }
    // pack_values() stored each value once, so every piece counts this work once.
    schema::for_each_packed_value(value, [this](std::string_view v) { count(v); });
}

std::vector<std::pair<std::string_view, Xapian::doccount>> FacetSpy::counted() const {
    std::vector<std::pair<std::string_view, Xapian::doccount>> out;
    if (dictionary_ && dense_) {
        out.reserve(seen_ordinals_.size());
        for (const std::uint32_t o : seen_ordinals_) out.emplace_back(dictionary_->value(o), ordinal_counts_[o]);
    } else if (dictionary_) {
        out.reserve(sparse_counts_.size());
        for (const auto& [o, n] : sparse_counts_) out.emplace_back(dictionary_->value(o), n);
    } else {
        out.assign(counts_.begin(), counts_.end());
    }
    return out;
}

}  // namespace paperdex
