#pragma once
/// How a Work reads as a publication: its kind (for entry types: @article, TY  - JOUR, article-journal), the
/// venue to show and the address to link.
#include <string>
#include <string_view>

#include "paperdex/corpus/work.h"

namespace paperdex::citation {

/// The kinds the writers tell apart.
enum class WorkKind {
    journal_article,  ///< @article, JOUR, article-journal
    conference_paper, ///< @inproceedings, CPAPER, paper-conference
    preprint,         ///< @misc, UNPB, article
    book,             ///< @book, BOOK, book
    chapter,          ///< @incollection, CHAP, chapter
    report,           ///< @techreport, RPRT, report
    thesis,           ///< @phdthesis, THES, thesis
    dataset,          ///< @misc, DATA, dataset
    other,            ///< @misc, GEN, document
};

/// The kind of `w` from its `type` (case-insensitive), as the importers set it: "journal", "article", "review",
/// "letter", "editorial", "erratum" → journal_article; "conference", "workshop", "findings",
/// "proceedings-article", "proceedings", "inproceedings" → conference_paper; "preprint" → preprint;
/// "book" (and "monograph"), "book-chapter" (and "chapter"), "report", "dissertation" (and "thesis"),
/// "dataset" as named. An empty or unknown type is a preprint when the work has an arXiv id, else other.
/// Never throws.
WorkKind work_kind(const Work& w) noexcept;

/// The name shown for the venue: the work's full `venue_name` when the importer found one ("IEEE/CVF Conference on
/// Computer Vision and Pattern Recognition"), else its `venue` ("arXiv", "Nature Reviews Neuroscience"). Never
/// throws (but std::bad_alloc).
std::string display_venue(const Work& w);

/// Where the work can be read: its `url`, else https://arxiv.org/abs/ID for an arXiv id, else https://doi.org/DOI,
/// else "". Never throws (but std::bad_alloc).
std::string work_url(const Work& w);

}  // namespace paperdex::citation
