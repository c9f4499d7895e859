#pragma once
/// Importers: source files in, canonical Works out (one file per format in src/importers/).
///
/// Every importer takes a list of input paths (files; a directory stands for the files directly in it,
/// sorted by name) and returns the Works it could read plus one CorpusError per record it could not
/// ("file:line: reason"). Nothing is dropped silently: `read == works.size() + folded + errors.size()`.
/// Every emitted Work has passed validate() (work.h).
///
/// Formats (registry names, see formats()):
///   bzpeer-profile  researcher profile pages as text (../shared/seeds/000_*.txt, 002_*.txt). The owner is the first
///                   non-empty line after "Researcher profile"; works follow "Published work", each as a line
///                   `<type><year><venue>` ("preprint2022arXiv"), a title line, then the abstract (all lines up
///                   to the next such line). id `bzpeer:<slug of the title>`, authors = [owner]. The count is
///                   checked against the page's "N published item(s)" line; a mismatch is reported.
///   arxiv-listing   a run of abstracts (../shared/seeds/001_*.txt): each abstract is ONE line, followed by
///                   optional comment lines ("11 pages": not text of the work) and then
///                   `arXiv:ID`, which names the abstract BEFORE it; text glued after the ID on the same line
///                   starts the next abstract. No title, no authors; year from the ID's yymm; venue and type from
///                   the comment lines (set_arxiv_venue, venue_extraction.h), else venue "arXiv", type "preprint";
///                   id `arxiv:<ID>`.
///   arxiv-daily     daily listing files `YYYY-MM-DD.jsonl[.gz]` with {id, authors[], title, categories[], summary,
///                   abs, comment}. date = the file name, year from it; venue, venue_name and type from the comment
///                   (set_arxiv_venue: "Accepted to CVPR 2025" → CVPR, conference; else arXiv, preprint);
///                   summary whitespace-squeezed; categories → topics
///                   (MSC/ACM lists such as "68T07, 92C55" split on ',' ';'). A work listed several times (several
///                   days, or twice in one day) is ONE work: the latest listing (latest file name, then latest
///                   line) replaces the earlier ones whole; each replaced listing counts as `folded`. A byline
///                   entry that is several names run together by a lost separator ("Xiangyu Kongand Xiaoxia
///                   Xingand …", 2506.02197) is split where "and" is glued to a name, if that happens twice or more.
///   arxiv-oai       Kaggle arXiv OAI snapshot, JSON lines. Authors from `authors_parsed` ([last, first, suffix])
///                   or else the `authors` string; LaTeX accents turned into Unicode (latex_to_unicode) in authors
///                   and title. categories (space-separated) → topics; doi; venue from journal-ref, then comments
///                   (set_arxiv_venue); a journal-ref naming no venue of the table is the venue as written (type
///                   "article"); neither: "arXiv" (type "preprint"). date/year from versions[0].created, else
///                   update_date.
///   openalex        one JSON array of OpenAlex Work objects (plain or .gz). id `openalex:W…` (always present and
///                   stable; works sharing a DOI or arXiv id with another source are merged by merge_works());
///                   abstract rebuilt from abstract_inverted_index; venue from primary_location.source.display_name;
///                   authors from authorships[].author {display_name, id → "openalex:A…"}; topics from
///                   topics[].display_name, else concepts[].display_name; doi without "https://doi.org/", lower-cased;
///                   arxiv_id from a location whose landing page is arxiv.org/abs/ID. The file is one line, so an
///                   error names the record instead: "file: record 17 (W123…): reason".
///   beir            BEIR corpus.jsonl[.gz] lines {_id, title, text}. id `<collection>:<_id>` where collection is
///                   ImportOptions::collection, by default the name of the file's parent directory
///                   ("scifact:4983"); beir_doc_id() gives back the original `_id` for run files.
///   smart           SMART tagged text (CACM cacm.all[.gz]): `.I` id, `.T` title, `.W` abstract, `.B` date
///                   ("CACM December, 1958" → year 1958), `.A` one author a line ("Perlis, A. J." → "A. J. Perlis"),
///                   `.K` keywords → topics; `.N .X .C` ignored. id `<collection>:<I>` (collection defaults to the
///                   file name's stem up to the first '.', "cacm"), venue upper-cased collection ("CACM"),
///                   type "article". An error names the `.I` line of the record.
///   corpus          canonical paperdex JSONL (read_corpus), so that an existing corpus can be merged with new input.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "paperdex/error.h"
#include "paperdex/corpus/work.h"

namespace paperdex::importers {

/// Options some formats read; the others ignore them.
struct ImportOptions {
    /// beir, smart: the id prefix (`<collection>:<doc id>`). Empty = derived from the path (see above).
    std::string collection;
};

/// What one importer run yields. Invariant: read == works.size() + folded + errors.size().
struct ImportResult {
    std::vector<Work> works;          ///< in input order (first listing's position for deduplicated works)
    std::vector<CorpusError> errors;  ///< one per record that could not be read, in input order
    std::size_t read = 0;             ///< records seen (lines of JSONL, items of a page or array, SMART records)
    std::size_t folded = 0;           ///< records that replaced an earlier listing of the same work (arxiv-daily)
};

/// One source format.
struct Format {
    std::string name;  ///< registry name, e.g. "arxiv-daily"
    std::string help;  ///< one line for --help
    ImportResult (*run)(const std::vector<std::string>& paths, const ImportOptions& opt);
};

/// Every known format, in a fixed order (the names listed in this header's doc comment).
const std::vector<Format>& formats();

/// The format called `name`. @throws InvalidArgument("--format", "unknown format \"x\"; known: a, b, …").
const Format& format(std::string_view name);

/// Runs format `name` over `paths`. Every problem with the inputs is reported in `errors`, never thrown: a path
/// that does not exist, cannot be opened or (a directory) cannot be listed is one error (`path: cannot open: …`,
/// line 0) counted as one record read.
/// @throws InvalidArgument as format() if `name` is not a known format, before anything is read.
ImportResult import(std::string_view name, const std::vector<std::string>& paths, const ImportOptions& opt = {});

// The importers, one per format (documented above). Each follows import()'s contract: bad input is reported, not thrown.
ImportResult import_bzpeer_profile(const std::vector<std::string>& paths, const ImportOptions& opt);
ImportResult import_arxiv_listing(const std::vector<std::string>& paths, const ImportOptions& opt);
ImportResult import_arxiv_daily(const std::vector<std::string>& paths, const ImportOptions& opt);
ImportResult import_arxiv_oai(const std::vector<std::string>& paths, const ImportOptions& opt);
ImportResult import_openalex(const std::vector<std::string>& paths, const ImportOptions& opt);
ImportResult import_beir(const std::vector<std::string>& paths, const ImportOptions& opt);
ImportResult import_smart(const std::vector<std::string>& paths, const ImportOptions& opt);
ImportResult import_corpus(const std::vector<std::string>& paths, const ImportOptions& opt);

/// LaTeX accent commands in `s` turned into Unicode, NFC-composed (ICU): `Bal\'azs` → "Balázs",
/// `\v{S}r\'amek` → "Šrámek", `{\O}bro` → "Øbro", `G\"{o}del` → "Gödel". Table-driven: accents
/// \' \` \^ \" \~ \= \. \u \v \H \c \k \r (argument a letter, `{letter}`, or `\i`/`\j`), and the letters
/// \o \O \l \L \ss \ae \AE \oe \OE \aa \AA \i \j. Braces that only wrapped a converted command are removed;
/// anything else (math, unknown commands) is left as it is. Never throws.
std::string latex_to_unicode(std::string_view s);

/// The BEIR document id inside a beir work id: "scifact:4983" → "4983" (everything after the first ':';
/// the whole id when it has no ':').
std::string_view beir_doc_id(std::string_view work_id);

}  // namespace paperdex::importers
