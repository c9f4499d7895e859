#include "paperdex/facet_spy.h"

namespace paperdex {

void FacetSpy::count(std::string_view value) {
    if (auto it = counts_.find(value); it != counts_.end())
        ++it->second;
    else
        counts_.emplace(std::string(value), 1);
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
    ++total_;
    const std::string value = doc.get_value(facet_.slot);
    if (value.empty()) return;
    if (!facet_.packed) {
        count(value);
        return;
    }
    // pack_values() stored each value once, so every piece counts this work once.
    schema::for_each_packed_value(value, [this](std::string_view v) { count(v); });
}

}  // namespace paperdex
