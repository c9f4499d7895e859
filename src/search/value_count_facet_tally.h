#pragma once
/// Facet counting that stock `xapian-tcpsrv` can run: Xapian's own ValueCountMatchSpy, the one match spy its
/// registry knows, counts each distinct slot value on every shard, and Xapian adds up the shards' counts
/// (MatchSpy::merge_results). A packed slot (pack_values: a work's authors) is one value per distinct packing;
/// the split into single values happens here, on the front end. pack_values() lists each value of a work once,
/// so a value's count is the sum of the counts of the packings that hold it: the works holding it, as FacetSpy
/// counts them.
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian.h>

#include "index/facet_dictionary.h"
#include "search/facet_spy.h"

namespace paperdex {

class ValueCountFacetTally : public FacetTally {
public:
    explicit ValueCountFacetTally(const schema::Facet& facet) : facet_(facet), spy_(facet.slot) {}
    void attach(Xapian::Enquire& enquire) override { enquire.add_matchspy(&spy_); }
    Xapian::doccount total() const override { return spy_.get_total(); }
    std::vector<std::pair<std::string_view, Xapian::doccount>> counted() const override;
    const schema::Facet& facet() const noexcept override { return facet_; }

private:
    const schema::Facet& facet_;
    Xapian::ValueCountMatchSpy spy_;
    mutable std::string arena_;  // every counted value, back to back; split_'s keys view into it
    mutable std::unordered_map<std::string_view, Xapian::doccount> split_;
};

}  // namespace paperdex
