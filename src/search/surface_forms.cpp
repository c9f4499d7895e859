#include "search/surface_forms.h"

#include <algorithm>

namespace paperdex {

void SurfaceForms::add(const std::string& term, const std::string& word, unsigned weight) {
    counts_[term][word] += weight;
}

std::string SurfaceForms::most_common(const std::string& term) const {
    const auto it = counts_.find(term);
    if (it == counts_.end() || it->second.empty()) return {};
    // max_element keeps the first of equal counts, i.e. the smallest word in byte order.
    const auto best = std::max_element(it->second.begin(), it->second.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    return best->first;
}

}  // namespace paperdex
