#pragma once
/// The word a reader sees for an index term. The index holds stems only ("Zstrategi", schema.h), which read badly;
/// a reason is shown as the word its sources write most often for that stem ("strategies").
#include <map>
#include <string>
#include <unordered_map>

namespace paperdex {

/// Counts, per index term, how often each surface word was written, and names the most common one.
class SurfaceForms {
public:
    /// Takes an index term (e.g. "Zcach"), a word that stems to it ("caching") and how much this occurrence
    /// counts (a title word counts as the index weighs it, 1 + schema::kTitleWdfBoost); adds `weight` to the
    /// word's count for the term. Throws only std::bad_alloc.
    void add(const std::string& term, const std::string& word, unsigned weight);
    /// Takes an index term; returns the word added most for it (by summed weight; a tie goes to the first word in
    /// byte order, so the choice does not depend on the order the sources were read), or "" if none was added.
    /// Never throws.
    std::string most_common(const std::string& term) const;

private:
    // std::map: ordered words make the tie-break the byte order.
    std::unordered_map<std::string, std::map<std::string, unsigned>> counts_;
};

}  // namespace paperdex
