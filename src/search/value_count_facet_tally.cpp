#include "search/value_count_facet_tally.h"

namespace paperdex {

std::vector<std::pair<std::string_view, Xapian::doccount>> ValueCountFacetTally::counted() const {
    split_.clear();
    for (auto it = spy_.values_begin(); it != spy_.values_end(); ++it) {
        const Xapian::doccount works = it.get_termfreq();
        const std::string value = *it;
        auto add = [&](std::string_view v) {
            if (auto found = split_.find(v); found != split_.end())
                found->second += works;
            else
                split_.emplace(std::string(v), works);
        };
        if (facet_.packed)
            schema::for_each_packed_value(value, add);
        else
            add(value);
    }
    return {split_.begin(), split_.end()};
}

}  // namespace paperdex
