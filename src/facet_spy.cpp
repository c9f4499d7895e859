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
    std::string_view rest(value);
    for (;;) {
        const std::size_t end = rest.find('\0');
        count(rest.substr(0, end));
        if (end == std::string_view::npos) return;
        rest.remove_prefix(end + 1);
    }
}

}  // namespace paperdex
