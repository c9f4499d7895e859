#pragma once
/// Work → Xapian::Document, and the rebuild of a whole index generation with an atomic switch.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <xapian.h>

#include "paperdex/corpus.h"
#include "paperdex/work.h"

namespace paperdex {

/// Turns Works into Xapian documents following schema.h: positional stemmed free text
/// (title with extra wdf + abstract), prefixed title/author/topic/venue text, boolean filter
/// terms, facet value slots, spelling data, and the Work's JSON as document data.
/// Not thread-safe (owns a TermGenerator); use one per thread.
class DocumentBuilder {
public:
    DocumentBuilder();
    /// @throws InvalidArgument("id", ...) if the work has no id.
    Xapian::Document build(const Work& w);
    /// Makes the builder add spelling data to `db` (Xapian spelling correction).
    void set_database(Xapian::WritableDatabase& db);
private:
    Xapian::TermGenerator termgen_;
};

struct RebuildOptions {
    std::vector<std::string> corpus_paths;  ///< files or directories of *.jsonl[.gz]
    std::string index_dir;                  ///< holds gen-N/ and the `current` symlink
    bool progress = false;                  ///< works/s and ETA on stderr (a terminal)
    bool strict = false;                    ///< throw (and keep the old generation) if any line is rejected
    unsigned threads = 0;                   ///< parsing/term generation threads; 0 = hardware concurrency
};

struct RebuildResult {
    std::size_t works = 0;          ///< documents in the new generation
    std::size_t rejected = 0;       ///< corpus lines reported and skipped
    double seconds = 0;
    std::uint64_t bytes = 0;        ///< size of the new generation on disk
    std::string generation_dir;     ///< absolute path of DIR/gen-N
    std::vector<CorpusError> errors;///< each rejected line, in file order
};

/// Builds DIR/gen-N (N = previous + 1) from the corpus, then renames a new symlink over DIR/current,
/// which is atomic: readers see the old or the new generation, never a half-built one. Old generations
/// but the previous one are removed. On any failure the staging generation is deleted and DIR/current
/// still points at the old one.
/// @throws CorpusError if a corpus path is missing (or, with strict, a line is rejected);
///         IndexError if Xapian fails.
RebuildResult rebuild(const RebuildOptions& opt);

/// The directory a reader should open for `index_dir`: DIR/current resolved if it exists, else DIR itself
/// when it is a plain Xapian database. @throws NotFound if neither exists.
std::string resolve_index(const std::string& index_dir);

/// Opens `index_dir` (through resolve_index). @throws NotFound, IndexError.
Xapian::Database open_index(const std::string& index_dir);

}  // namespace paperdex
