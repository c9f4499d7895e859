#pragma once
/// Facet counting during the match: one Xapian::MatchSpy per facet, reading the facet's one value slot
/// (schema::Facet) of every matching work the match checks, and counting each value once per work.
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian.h>

#include "index/facet_dictionary.h"
#include "paperdex/index/schema.h"

namespace paperdex {

/// Facet counting as a search reads it, whichever match spy counts: FacetSpy (local works) or
/// ValueCountFacetTally (works on remote shards, value_count_facet_tally.h).
class FacetTally {
public:
    virtual ~FacetTally() = default;
    /// Adds the counting spy to `enquire`; it counts during enquire.get_mset. The spy belongs to this tally.
    virtual void attach(Xapian::Enquire& enquire) = 0;
    /// Works seen (checked by the match).
    virtual Xapian::doccount total() const = 0;
    /// Every value seen (raw slot value; year: sortable_serialise) with the works seen holding it, in no
    /// particular order. The views stay valid as long as the tally.
    virtual std::vector<std::pair<std::string_view, Xapian::doccount>> counted() const = 0;
    virtual const schema::Facet& facet() const noexcept = 0;
};

/// Like Xapian::ValueCountMatchSpy (whose counting it follows: Xapian's "Match spies" docs), but a packed slot
/// (schema::pack_values: every author of a work) is split and each of its values counted, so a multi-valued
/// facet costs one value read per work instead of one per value slot. With the facet's dictionary it reads the
/// ordinals slot instead and counts into an array (facet_dictionary.h). Counts cover the works the match
/// checked (Enquire::get_mset's checkatleast decides how many); total() says how many that was.
class FacetSpy : public Xapian::MatchSpy, public FacetTally {
public:
    /// @param dictionary the facet's dictionary (FacetDictionary::load), or nullptr to count the values as strings.
    /// @param expected_works about how many works the match will check (the bound, or the estimated matches if
    ///        fewer). An array over the whole dictionary pays for itself only past a certain number of values
    ///        counted (zeroing 2M authors' counts at 1M works takes ~1 ms); below that, ordinals go to a hash map.
    explicit FacetSpy(const schema::Facet& facet, std::shared_ptr<const FacetDictionary> dictionary = nullptr,
                      Xapian::doccount expected_works = Xapian::doccount(-1));
    /// @throws IndexError if a work holds an ordinal past the dictionary (an index written inconsistently).
    void operator()(const Xapian::Document& doc, double wt) override;
    void attach(Xapian::Enquire& enquire) override { enquire.add_matchspy(this); }
    Xapian::doccount total() const override { return total_; }
    std::vector<std::pair<std::string_view, Xapian::doccount>> counted() const override;
    const schema::Facet& facet() const noexcept override { return facet_; }

private:
    const schema::Facet& facet_;
    std::shared_ptr<const FacetDictionary> dictionary_;
    Xapian::doccount total_ = 0;
    // By string; looked up by string_view, so counting a value already seen allocates nothing.
    std::unordered_map<std::string, Xapian::doccount, StringViewHash, std::equal_to<>> counts_;
    bool dense_ = false;                            // ordinals counted in ordinal_counts_, else in sparse_counts_
    std::vector<Xapian::doccount> ordinal_counts_;  // by ordinal: sized to the dictionary at the first work
    std::vector<std::uint32_t> seen_ordinals_;      // those counted at least once, so results need no full scan
    std::unordered_map<std::uint32_t, Xapian::doccount> sparse_counts_;
    void count(std::string_view value);
};

}  // namespace paperdex
