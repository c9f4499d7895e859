#pragma once
/// The rebuild of a whole index generation from the corpus, with an atomic switch (index_directory.h).
#include <cstdint>
#include <string>
#include <vector>

#include "paperdex/corpus/corpus.h"

namespace paperdex {

struct RebuildOptions {
    std::vector<std::string> corpus_paths;  ///< files or directories of *.jsonl[.gz]
    std::string index_dir;                  ///< holds gen-N/ and the `current` symlink
    bool progress = false;                  ///< works/s and ETA on stderr (a terminal)
    bool strict = false;                    ///< throw (and keep the old generation) if any line is rejected
    unsigned threads = 0;                   ///< segment builders run at once (term generation + writing); 0 = cores
    std::size_t segment_works = 10000;      ///< works in the largest segment (the first ones hold a quarter, doubling)
    /// Shards of the generation (1..ShardLayout::kMaxShards). 1 = DIR/gen-N is one Xapian database; N > 1 =
    /// DIR/gen-N/shard-K/ (K = 0..N-1), each a plain database, works spread as shard_layout.h says, and a stub
    /// DIR/gen-N/XAPIANDB through which Xapian::Database(DIR/gen-N) opens them all. The author index stays one.
    unsigned shards = 1;
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
/// With shards, each segment writes its works into N parts (round robin, shard_layout.h) and each shard's parts are
/// compacted on their own thread, keeping their docids: no merge across shards.
/// The layout of DIR (generations, staging, the lock) is IndexDirectory's (index_directory.h).
/// @throws InvalidArgument("index") if opt.index_dir is empty, InvalidArgument("shards") if out of range; CorpusError if a corpus path is missing (or, with
///         strict, a line is rejected); IndexError if another rebuild holds DIR's lock, or Xapian fails.
RebuildResult rebuild(const RebuildOptions& opt);

}  // namespace paperdex
