#pragma once
/// Facet counting during the match: one Xapian::MatchSpy per facet, reading the facet's one value slot
/// (schema::Facet) of every matching work the match checks, and counting each value once per work.
#include <string>
#include <string_view>
#include <unordered_map>

#include <xapian.h>

#include "paperdex/schema.h"

namespace paperdex {

/// Like Xapian::ValueCountMatchSpy (whose counting it follows: Xapian's "Match spies" docs), but a packed slot
/// (schema::pack_values: every author of a work) is split and each of its values counted, so a multi-valued
/// facet costs one value read per work instead of one per value slot. Counts cover the works the match checked
/// (Enquire::get_mset's checkatleast decides how many); total() says how many that was.
class FacetSpy : public Xapian::MatchSpy {
public:
    explicit FacetSpy(const schema::Facet& facet) : facet_(facet) {}
    void operator()(const Xapian::Document& doc, double wt) override;
    /// Works seen (checked by the match).
    Xapian::doccount total() const noexcept { return total_; }
    /// Looks values up by string_view, so counting a value already seen allocates nothing.
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    using Counts = std::unordered_map<std::string, Xapian::doccount, Hash, std::equal_to<>>;
    /// Raw slot value (year: sortable_serialise) → works seen with it.
    const Counts& counts() const noexcept { return counts_; }
    const schema::Facet& facet() const noexcept { return facet_; }

private:
    const schema::Facet& facet_;
    Xapian::doccount total_ = 0;
    Counts counts_;
    void count(std::string_view value);
};

}  // namespace paperdex
