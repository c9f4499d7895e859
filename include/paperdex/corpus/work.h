#pragma once
/// The canonical record: one scholarly Work per JSONL line (schema: ../shared/DESIGN.md, "Data model").
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace paperdex {

/// One author of a work, in byline order. `id` (ORCID, OpenAlex, arXiv) is empty when the source has none.
struct Author {
    std::string name;
    std::string id;
    bool operator==(const Author&) const = default;
};

/// The longest `id` validate() accepts, in bytes. The index stores the id whole as the term "Q"+id, under
/// Xapian's 245-byte term limit, and an id cannot be cut the way a filter term is without making two works one;
/// 200 leaves room for the prefix with a margin, and the longest real id (a DOI) is far shorter.
inline constexpr std::size_t kMaxIdBytes = 200;

/// A scholarly work. Empty strings / empty vectors / nullopt mean "not known"; they are
/// left out of the JSON form. `id` is stable and unique across a corpus (`arxiv:2005.02544`,
/// `doi:10.1145/...`, `scifact:4983`, `cacm:1410`, `bzpeer:<slug>`, `openalex:W2105824687`; see importers.h).
struct Work {
    std::string id;
    std::string title;
    std::string abstract;
    std::vector<Author> authors;
    std::optional<int> year;
    std::string date;   ///< ISO 8601 YYYY-MM-DD
    std::string venue;       ///< canonical short name ("CVPR", "IEEE TMI", "EMNLP Findings"), or the source's own name
    std::string venue_name;  ///< the venue's full name for display when it differs from `venue`
    std::string type;        ///< conference, journal, workshop, findings, article, preprint, ...
    std::vector<std::string> topics;
    std::string doi;       ///< bare DOI, lower-cased: "10.1103/physrevd.76.013009"
    std::string arxiv_id;  ///< bare id: "2005.02544" or "hep-th/9901001"
    std::string url;
    std::string source;    ///< importer name: bzpeer-profile, arxiv-listing, arxiv-daily, arxiv-oai, openalex, beir, smart;
                           ///< a merged work joins its importers' names with '+' (merge.h)
    bool operator==(const Work&) const = default;
};

/// nlohmann ADL mapping (so `json(w)` and `j.get<Work>()` work). to_json leaves empty fields out and never throws.
/// from_json checks types only (validate() checks values) and ignores unknown fields; an Author may also be a bare
/// name string. @throws InvalidArgument(field, message) naming the field and what it got, e.g. parameter "year",
/// `"year" must be an integer, got "2019a"` (parameter "" when `j` is not an object). It throws nothing of
/// nlohmann's own, so callers catch paperdex errors only.
void to_json(nlohmann::json& j, const Author& a);
void from_json(const nlohmann::json& j, Author& a);
void to_json(nlohmann::json& j, const Work& w);
void from_json(const nlohmann::json& j, Work& w);

/// Field-level problems of a parsed work (missing id/title/source; an id that cannot be indexed: over kMaxIdBytes,
/// not valid UTF-8, holding a control character such as NUL, or blank; year out of 1000..2100, date not
/// YYYY-MM-DD, empty author name). Empty result = valid. Never throws for a bad work: problems are data.
std::vector<std::string> validate(const Work& w);

/// The identity of an author across works: `id` when present (prefixed "id:"), else the
/// name's key (text::key: NFKC case-folded, accents and punctuation removed, whitespace collapsed).
/// The one place where author identity is decided, so that it can improve (DESIGN.md).
/// @throws Error only as text::key does (ICU data missing).
std::string author_key(const Author& a);

}  // namespace paperdex
