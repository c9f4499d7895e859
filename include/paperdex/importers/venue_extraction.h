#pragma once
/// Venues from what arXiv says: the comment ("Accepted to CVPR 2025", "EMNLP 2025 (Findings)") and the OAI
/// `journal-ref`, read against paperdex's table of canonical venues (src/importers/venues.tsv, built into the
/// library). Measured on 450 hand-labelled comments by tests/test_venue_extraction.cpp.
#include <optional>
#include <string>
#include <string_view>

#include "paperdex/corpus/work.h"

namespace paperdex::importers {

/// Where a work says it was accepted or published.
struct VenueMention {
    std::string venue;       ///< canonical short name: "CVPR", "CVPR Workshops", "EMNLP Findings", "IEEE TMI"
    std::string name;        ///< full name for display: "IEEE/CVF Conference on Computer Vision and Pattern Recognition"
    std::string kind;        ///< "conference", "journal", "workshop" or "findings"
    std::optional<int> year; ///< the year written next to the venue ("CVPR 2025", "CVPR'25"), if any
    bool operator==(const VenueMention&) const = default;
};

/// The venue an arXiv comment says the work was accepted at, published in, is to appear in or was presented at;
/// a bare "CVPR 2025" counts. "Submitted to", "under review", "in submission", "under consideration", "rejected"
/// and "an earlier/extended version appeared in" are never a venue; nor is a name the table does not hold. A
/// workshop at a conference is "<conference> Workshops" (kind workshop), its Findings "<conference> Findings"
/// (kind findings). With several venues, the first one stated. Reads at most the first 4 KiB; any bytes are
/// accepted (non-ASCII bytes separate words). @return nullopt when no venue is stated. Throws nothing.
std::optional<VenueMention> venue_from_comment(std::string_view comment);

/// The venue of an arXiv `journal-ref` ("Proceedings of ICML 2019, PMLR 97", "IEEE Trans. ..."): as
/// venue_from_comment(), except that a venue named without a year or a cue word counts, since a journal-ref
/// only ever says where the work was published. @return nullopt when the table holds no venue it names.
/// Throws nothing.
std::optional<VenueMention> venue_from_journal_ref(std::string_view journal_ref);

/// Sets `w`'s venue, venue_name and type from the first of `journal_ref` and `comment` that names a venue of the
/// table (type = the mention's kind). Otherwise: a non-empty `journal_ref` becomes the venue as written (type
/// "article": published, kind unknown); else venue "arXiv", type "preprint". Throws nothing.
void set_arxiv_venue(Work& w, std::string_view comment, std::string_view journal_ref = {});

}  // namespace paperdex::importers
