#pragma once
/// Work → Xapian::Document, and the rebuild of a whole index generation with an atomic switch.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <xapian.h>

#include "paperdex/corpus/corpus.h"
#include "paperdex/corpus/work.h"

namespace paperdex {

/// Turns Works into Xapian documents following schema.h: positional stemmed free text
/// (title with extra wdf + abstract), prefixed title/author/topic/venue text, boolean filter
/// terms, facet value slots (and the author and topic values' ordinals when rebuild numbered them), spelling
/// data (title words), and the Work's JSON as document data.
/// Not thread-safe (owns a TermGenerator); use one per thread.
/// A work's author and topic facet ordinals (facet_dictionary.h), packed in the order of its packed values;
/// rebuild numbers them on its reading thread and DocumentBuilder stores them.
struct FacetOrdinals {
    std::string authors, topics;
};

class DocumentBuilder {
public:
    DocumentBuilder();
    /// @param ordinals the work's facet ordinals, or nullptr (its author and topic facets are then counted by
    ///        string, as in any index without facet dictionaries).
    /// @throws InvalidArgument("id", ...) if the work has no id.
    Xapian::Document build(const Work& w, const FacetOrdinals* ordinals = nullptr);
    /// The author facet's values of `w` as build() stores them (schema::pack_values of the squeezed names).
    static std::string packed_authors(const Work& w);
    /// The topic facet's values of `w` as build() stores them.
    static std::string packed_topics(const Work& w);
    /// Makes the builder add spelling data to `db` (Xapian spelling correction), from title words only.
    void set_database(Xapian::WritableDatabase& db);
private:
    Xapian::TermGenerator termgen_;
    bool spelling_ = false;
};

/// The Work a document built by DocumentBuilder carries as its data (its JSON).
/// @throws nlohmann::json::exception if the data is not JSON (not a paperdex document); InvalidArgument(field)
///         if a field has the wrong type.
Work stored_work(const Xapian::Document& doc);

struct RebuildOptions {
    std::vector<std::string> corpus_paths;  ///< files or directories of *.jsonl[.gz]
    std::string index_dir;                  ///< holds gen-N/ and the `current` symlink
    bool progress = false;                  ///< works/s and ETA on stderr (a terminal)
    bool strict = false;                    ///< throw (and keep the old generation) if any line is rejected
    unsigned threads = 0;                   ///< segment builders run at once (term generation + writing); 0 = cores
    std::size_t segment_works = 10000;      ///< works in the largest segment (the first ones hold a quarter, doubling)
};

struct RebuildResult {
    std::size_t works = 0;          ///< documents in the new generation
    std::size_t rejected = 0;       ///< corpus lines reported and skipped
    double seconds = 0;             ///< whole rebuild, wall clock
    double segments_seconds = 0;    ///< reading + term generation + segment writing (wall clock)
    double merge_seconds = 0;       ///< compaction of the segments (wall clock)
    double authors_seconds = 0;     ///< author index (authors.h), on its own thread from the end of reading
    std::uint64_t bytes = 0;        ///< size of the new generation on disk
    std::string generation_dir;     ///< absolute path of DIR/gen-N
    std::vector<CorpusError> errors;///< each rejected line, in file order
};

/// Builds DIR/gen-N (N = previous + 1) from the corpus, then renames a new symlink over DIR/current,
/// which is atomic: readers see the old or the new generation, never a half-built one. Old generations
/// but the previous one are removed. On any failure the staging generation is deleted and DIR/current
/// still points at the old one.
/// Method: the corpus is read once, in order; consecutive runs of works (segment_works / 4 at first, doubling
/// every two segments up to segment_works) become segment databases, each built by one of `threads` workers
/// (DocumentBuilder + WritableDatabase, flushed every 1,000 works), and the segments are merged in
/// corpus order by Xapian::Database::compact (as xapian-compact; cf. Lucene's segment merging), so docids
/// follow corpus order and the result equals a single writer's replace_document("Q"+id) loop. An id that comes
/// again keeps only its last occurrence, at that occurrence's place (the loop would keep the first's place).
/// @throws CorpusError if a corpus path is missing (or, with strict, a line is rejected);
///         IndexError if Xapian fails.
RebuildResult rebuild(const RebuildOptions& opt);

/// The directory a reader should open for `index_dir`: DIR/current resolved if it exists, else DIR itself
/// when it is a plain Xapian database. @throws NotFound if neither exists.
std::string resolve_index(const std::string& index_dir);

/// Opens `index_dir` (through resolve_index). @throws NotFound; IndexError if Xapian cannot open it or it was
/// built with another index layout (schema::kSchemaVersion; the message says to rebuild).
Xapian::Database open_index(const std::string& index_dir);

}  // namespace paperdex
