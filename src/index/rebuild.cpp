// rebuild(): corpus → segments (both cores) → DIR/gen-N.building (compaction) → DIR/gen-N → DIR/current
// (atomic symlink rename).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <future>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

#include <unistd.h>

#include "index/durable_files.h"
#include "index/facet_dictionary.h"
#include "index/xapian_error.h"
#include "paperdex/error.h"
#include "paperdex/index/author_graph.h"
#include "paperdex/index/document.h"
#include "paperdex/index/index_directory.h"
#include "paperdex/index/rebuild.h"
#include "paperdex/index/schema.h"
#include "paperdex/index/shard_layout.h"

namespace fs = std::filesystem;

namespace paperdex {
namespace {

constexpr std::size_t kFlushWorks = 1000;

// The metadata every part carries, then its last commit.
void finish_part(Xapian::WritableDatabase& db, std::uint64_t gen) {
    db.set_metadata("paperdex:generation", std::to_string(gen));
    db.set_metadata(std::string(schema::kSchemaVersionKey), std::string(schema::kSchemaVersion));
    db.commit();
    db.close();
}

// Sizes for reports and progress only, so a size that cannot be read counts 0 rather than failing the rebuild
// (and std::filesystem's own errors never leave rebuild()).
std::uint64_t file_bytes(const fs::path& path) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);  // a pipe (--corpus <(zcat ...)) has none
    return ec ? 0 : size;
}

std::uint64_t directory_bytes(const fs::path& dir) {
    std::uint64_t total = 0;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec)) total += file_bytes(it->path());
    return total;
}

class Progress {
public:
    Progress(bool on, std::uint64_t total_bytes) : on_(on && ::isatty(2)), total_bytes_(total_bytes) {}
    void tick(std::size_t works, std::uint64_t bytes_done) {
        if (!on_ || (works & 255) != 0) return;
        auto now = std::chrono::steady_clock::now();
        if (now - last_ < std::chrono::milliseconds(500)) return;
        last_ = now;
        double s = std::chrono::duration<double>(now - start_).count();
        double rate = works / std::max(s, 1e-9);
        std::fprintf(stderr, "\r%zu works, %.0f works/s", works, rate);
        if (bytes_done > 0 && total_bytes_ > bytes_done)
            std::fprintf(stderr, ", ETA %.0f s   ", s * double(total_bytes_ - bytes_done) / double(bytes_done));
        else
            std::fprintf(stderr, "            ");
    }
    void done() {
        if (on_) std::fprintf(stderr, "\n");
    }
private:
    bool on_;
    std::uint64_t total_bytes_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_ = start_;
};

// Builds one segment from `works`, in order (docid i+1 = works[i]). Runs on a worker thread; owns its
// DocumentBuilder (TermGenerator) and WritableDatabase, which are not thread-safe.
void build_segment(const fs::path& path, const std::vector<Work>& works, const std::vector<FacetOrdinals>& ordinals,
                   std::uint64_t gen) {
    Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
    DocumentBuilder builder;
    builder.set_database(db);
    // Flushed every kFlushWorks works: Xapian's in-memory inverter slows as it grows (tree inserts over all
    // pending postings), and measured on arXiv 10k, add_document + flush cost 0.45 ms/work flushing every
    // 1,000 works against 1.05 ms at the default 10,000 (docs/bench.md).
    std::size_t pending = 0;
    for (std::size_t i = 0; i < works.size(); ++i) {
        db.add_document(builder.build(works[i], &ordinals[i]));
        if (++pending == kFlushWorks) {
            db.commit();
            pending = 0;
        }
    }
    finish_part(db, gen);
}

// The same for a generation of `shards` shards: works[i], the work at corpus position first + i, goes to
// DIR/shard-K with the docid ShardLayout gives it, so that the finished shards, opened together, number every
// work as a one-shard build does.
void build_sharded_segment(const fs::path& dir, std::size_t first, const ShardLayout& layout,
                           const std::vector<Work>& works, const std::vector<FacetOrdinals>& ordinals, std::uint64_t gen) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw IndexError("cannot create " + dir.string() + ": " + ec.message());
    std::vector<Xapian::WritableDatabase> dbs;
    std::vector<DocumentBuilder> builders(layout.shards());
    for (unsigned k = 0; k < layout.shards(); ++k) {
        dbs.emplace_back((dir / ShardLayout::shard_name(k)).string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
        // Every shard's spelling data goes to shard 0. Xapian 1.4 merges sub-databases' spelling candidates with
        // an OrTermList that adds up their trigram counts, so a word whose works are spread over shards would score
        // twice and the suggestions differ from a one-shard index's (seen on SciFact claims: "Active" → "action").
        builders[k].set_database(dbs[0]);
    }
    for (std::size_t i = 0; i < works.size(); ++i) {
        const auto [k, docid] = layout.place(first + i);
        dbs[k].replace_document(docid, builders[k].build(works[i], &ordinals[i]));
        if ((i + 1) % kFlushWorks == 0)
            for (auto& db : dbs) db.commit();
    }
    for (auto& db : dbs) finish_part(db, gen);
}

// The author and topic facet dictionaries, numbered on the reading thread (corpus order) and stored as
// metadata of the merged database.
struct FacetDictionaries {
    FacetDictionaryBuilder authors, topics;
    FacetOrdinals ordinals_of(const Work& w) {
        return {authors.ordinals_of(DocumentBuilder::packed_authors(w)), topics.ordinals_of(DocumentBuilder::packed_topics(w))};
    }
};

// One pass over the corpus into segment databases, and what must be known of every work before the generation
// can be finished: which ids came again, what the author graph needs, the facet dictionaries. Reads on the calling
// thread (JSON parsing and validation, errors kept in file order) and hands each run of works to a segment task; at
// most `workers` tasks run at once, so both cores do term generation and Xapian writing while this thread reads
// ahead. A work whose id comes again later is deleted from its segment afterwards, so the last occurrence wins, as
// replace_document("Q"+id) would have it.
class SegmentWriter {
public:
    SegmentWriter(const RebuildOptions& opt, fs::path parts, std::uint64_t gen);
    // Reads `files` in order; every full run of works goes to a segment task, the rest to a last one.
    void read(const std::vector<std::string>& files);
    // The co-author graph of the works read, each id by its last occurrence. Call once, after read().
    AuthorGraph author_graph();
    // Waits for the segment tasks (rethrowing a worker's Xapian error) and deletes the superseded works from
    // their segments. The segments, in corpus order.
    std::vector<fs::path> finish();
    const FacetDictionaries& dictionaries() const noexcept { return dictionaries_; }
    // Each rejected line, in file order.
    std::vector<CorpusError> take_errors() { return std::move(errors_); }

private:
    void add(Work&& w);
    void launch();
    void delete_superseded();
    // Segments start at a quarter of segment_works and double every two segments up to it: a small corpus
    // (SciFact, 5k works) still gives both workers a segment from the start, and a large one (1M works) stays
    // at about a hundred segments for the compaction to open at once.
    std::size_t segment_size(std::size_t k) const { return std::min(largest_, std::max<std::size_t>(1, largest_ / 4) << (k / 2)); }

    const fs::path parts_;
    const std::uint64_t gen_;
    const bool progress_;
    const std::size_t largest_;
    const unsigned workers_;
    const ShardLayout layout_;
    std::size_t segment_works_;
    std::vector<fs::path> segments_;
    std::vector<std::size_t> starts_;             // index (in accepted works) of each segment's first work
    std::vector<Work> batch_;
    std::vector<FacetOrdinals> batch_ordinals_;   // batch_[i]'s
    std::unordered_map<std::string, std::size_t> seen_;  // id → index of its latest work
    std::vector<std::size_t> superseded_;                // indexes of works replaced by a later one; sorted after read()
    // What the author graph needs of each work (no text), kept until the last occurrence of every id is known.
    std::vector<Work> people_;
    std::size_t accepted_ = 0;
    FacetDictionaries dictionaries_;
    std::vector<CorpusError> errors_;
    std::deque<std::future<void>> running_;  // last: destroyed (joined) first, before the caller's cleanup
};

SegmentWriter::SegmentWriter(const RebuildOptions& opt, fs::path parts, std::uint64_t gen)
    : parts_(std::move(parts)), gen_(gen), progress_(opt.progress), largest_(std::max<std::size_t>(1, opt.segment_works)),
      workers_(opt.threads ? opt.threads : std::max(1u, std::thread::hardware_concurrency())),
      layout_(opt.shards),
      segment_works_(segment_size(0)) {
    batch_.reserve(segment_works_);
    batch_ordinals_.reserve(segment_works_);
}

void SegmentWriter::read(const std::vector<std::string>& files) {
    std::uint64_t total_bytes = 0, bytes_done = 0;
    for (const auto& f : files) total_bytes += file_bytes(f);
    Progress progress(progress_, total_bytes);
    for (const auto& f : files) {
        read_corpus(
            f,
            [&](Work&& w) {
                add(std::move(w));
                progress.tick(accepted_, bytes_done);
            },
            [&](const CorpusError& e) { errors_.push_back(e); });
        bytes_done += file_bytes(f);
    }
    if (!batch_.empty() || segments_.empty()) launch();  // an empty corpus still gives an (empty) database
    progress.done();
    std::sort(superseded_.begin(), superseded_.end());
}

void SegmentWriter::add(Work&& w) {
    auto [it, fresh] = seen_.try_emplace(w.id, accepted_);
    if (!fresh) {
        superseded_.push_back(it->second);
        it->second = accepted_;
    }
    ++accepted_;
    Work& p = people_.emplace_back();
    p.authors = w.authors;
    p.topics = w.topics;
    p.year = w.year;
    p.date = w.date;
    batch_ordinals_.push_back(dictionaries_.ordinals_of(w));
    batch_.push_back(std::move(w));
    if (batch_.size() == segment_works_) launch();
}

void SegmentWriter::launch() {
    while (running_.size() >= workers_) {
        running_.front().get();  // rethrows a worker's Xapian error here
        running_.pop_front();
    }
    starts_.push_back(accepted_ - batch_.size());
    segments_.push_back(parts_ / ("seg-" + std::to_string(segments_.size())));
    running_.push_back(std::async(std::launch::async, [path = segments_.back(), first = starts_.back(), layout = layout_,
                                                       works = std::move(batch_), ordinals = std::move(batch_ordinals_),
                                                       gen = gen_] {
        if (layout.shards() == 1)
            build_segment(path, works, ordinals, gen);
        else
            build_sharded_segment(path, first, layout, works, ordinals, gen);
    }));
    batch_ = {};
    batch_ordinals_ = {};
    segment_works_ = segment_size(segments_.size());
    batch_.reserve(segment_works_);
    batch_ordinals_.reserve(segment_works_);
}

AuthorGraph SegmentWriter::author_graph() {
    AuthorGraph graph;
    for (std::size_t i = 0, next = 0; i < people_.size(); ++i) {
        if (next < superseded_.size() && superseded_[next] == i) {
            ++next;
            continue;
        }
        graph.add(people_[i]);
    }
    people_ = {};
    graph.finish();
    return graph;
}

std::vector<fs::path> SegmentWriter::finish() {
    for (auto& r : running_) r.get();
    running_.clear();
    delete_superseded();
    return segments_;
}

void SegmentWriter::delete_superseded() {
    auto segment_of = [this](std::size_t index) {
        return static_cast<std::size_t>(std::upper_bound(starts_.begin(), starts_.end(), index) - starts_.begin()) - 1;
    };
    const bool sharded = layout_.shards() > 1;
    // superseded_ is sorted, so each database of a segment (the segment, or its shard parts) is opened once for all
    // its deletions.
    for (std::size_t i = 0; i < superseded_.size();) {
        const std::size_t seg = segment_of(superseded_[i]);
        std::vector<std::optional<Xapian::WritableDatabase>> parts(layout_.shards());
        for (; i < superseded_.size() && segment_of(superseded_[i]) == seg; ++i) {
            // A one-shard segment numbers its works from 1; shard parts hold the docids ShardLayout gave them.
            const auto [k, docid] =
                sharded ? layout_.place(superseded_[i])
                        : ShardLayout::Place{0, static_cast<std::uint32_t>(superseded_[i] - starts_[seg] + 1)};
            if (!parts[k])
                parts[k].emplace((sharded ? segments_[seg] / ShardLayout::shard_name(k) : segments_[seg]).string(),
                                 Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
            parts[k]->delete_document(docid);
        }
        for (auto& db : parts)
            if (db) db->commit();
    }
}

// Merges the segments, in corpus order, into one compact database at `out` (Xapian::Database::compact, as
// xapian-compact does): docids are renumbered consecutively, so a work's docid follows its place in the corpus.
// Then stores the facet dictionaries, complete only now that every work is read, as its metadata.
void merge_segments(const std::vector<fs::path>& segments, const fs::path& out, const FacetDictionaries& dictionaries,
                    unsigned flags = Xapian::Compactor::FULLER) {
    Xapian::Database all;
    for (const auto& s : segments) all.add_database(Xapian::Database(s.string()));
    all.compact(out.string(), flags);
    Xapian::WritableDatabase db(out.string(), Xapian::DB_OPEN);  // synced: this is the generation to be served
    db.set_metadata(std::string(schema::kAuthorDictionaryKey), dictionaries.authors.serialise());
    db.set_metadata(std::string(schema::kTopicDictionaryKey), dictionaries.topics.serialise());
    db.commit();
}

// The sharded form: shard K of `out` compacts shard K of every segment, keeping the docids ShardLayout gave
// (DBCOMPACT_NO_RENUMBER; the segments' ranges do not overlap), each shard on its own thread. Every shard carries
// the facet dictionaries, so each is whole on its own (a remote shard too). Then the stub that opens them as one.
void merge_sharded_segments(const std::vector<fs::path>& segments, const fs::path& out,
                            const FacetDictionaries& dictionaries, unsigned shards) {
    std::error_code ec;
    fs::create_directories(out, ec);
    if (ec) throw IndexError("cannot create " + out.string() + ": " + ec.message());
    std::vector<std::future<void>> merges;
    for (unsigned k = 0; k < shards; ++k)
        merges.push_back(std::async(std::launch::async, [&, k] {
            std::vector<fs::path> parts;
            for (const auto& s : segments) parts.push_back(s / ShardLayout::shard_name(k));
            merge_segments(parts, out / ShardLayout::shard_name(k), dictionaries,
                           Xapian::Compactor::FULLER | Xapian::DBCOMPACT_NO_RENUMBER);
        }));
    for (auto& m : merges) m.get();  // all joined before the first error leaves (rethrown in shard order)
    ShardLayout::write_stub(out.string(), shards);
}

// Seconds since construction or the previous lap, wall clock.
class Stopwatch {
public:
    double lap() {
        const auto now = std::chrono::steady_clock::now();
        const double s = std::chrono::duration<double>(now - last_).count();
        last_ = now;
        return s;
    }
private:
    std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

CorpusError strict_failure(const std::vector<CorpusError>& errors) {
    const CorpusError& first = errors.front();
    return CorpusError(first.file(), first.line(),
                       first.reason() + " (and " + std::to_string(errors.size() - 1) + " more; --strict keeps the serving index)");
}

// Builds generation `gen` of `index` from the corpus: segments in its parts directory, compacted into its staging
// directory with the author database, then renamed to DIR/gen-N. Leaves `current` alone; on failure the caller
// removes the staging and parts directories.
RebuildResult build_generation(const std::vector<std::string>& files, const RebuildOptions& opt, const IndexDirectory& index,
                               std::uint64_t gen) {
    const fs::path parts = index.parts_path(gen), staging = index.staging_path(gen);
    std::error_code ec;
    fs::create_directories(parts, ec);
    if (ec) throw IndexError("cannot create " + parts.string() + ": " + ec.message());
    RebuildResult result;
    Stopwatch stopwatch;
    SegmentWriter writer(opt, parts, gen);
    writer.read(files);
    // The author database (same generation as the works, authors.h) is written on its own thread from the moment
    // the corpus is read, beside the last segments and the merge, then moved into the generation. Declared after
    // `graph` and `result`, the future is joined first if anything throws.
    const AuthorGraph graph = writer.author_graph();
    const std::string authors_parts = IndexDirectory::author_index_path(parts.string());
    std::future<void> authors = std::async(std::launch::async, [&graph, &authors_parts, &result] {
        Stopwatch author_stopwatch;
        build_author_index(graph, authors_parts);
        result.authors_seconds = author_stopwatch.lap();
    });
    const std::vector<fs::path> segments = writer.finish();
    result.segments_seconds = stopwatch.lap();
    result.errors = writer.take_errors();
    if (opt.strict && !result.errors.empty()) throw strict_failure(result.errors);

    if (opt.shards == 1)
        merge_segments(segments, staging, writer.dictionaries());
    else
        merge_sharded_segments(segments, staging, writer.dictionaries(), opt.shards);
    result.merge_seconds = stopwatch.lap();
    authors.get();
    durable::rename(authors_parts, IndexDirectory::author_index_path(staging.string()));
    fs::remove_all(parts, ec);  // a leftover is only disk: the next rebuild clears it (remove_staging)
    Xapian::Database db(staging.string());
    result.works = db.get_doccount();
    db.close();
    // Xapian syncs the compacted database's files (compact, then the dictionaries' commit) and build_author_index
    // syncs its own, but neither syncs the directories that name them. All of it is on disk before the generation
    // gets its final name, and that name before `current` points at it (switch_current).
    durable::sync_tree(staging);
    durable::rename(staging, index.generation_path(gen));
    return result;
}

}  // namespace

RebuildResult rebuild(const RebuildOptions& opt) {
    if (opt.index_dir.empty()) throw InvalidArgument("index", "an index directory is required");
    const ShardLayout layout(opt.shards);  // throws InvalidArgument("shards") before anything is read
    const auto files = corpus_files(opt.corpus_paths);  // throws CorpusError for a missing path, before any work
    if (files.empty()) throw CorpusError(opt.corpus_paths.empty() ? "" : opt.corpus_paths.front(), 0, "no *.jsonl or *.jsonl.gz files");

    const IndexDirectory index(opt.index_dir);
    const auto lock = index.lock();
    index.remove_staging();  // leftovers of an interrupted rebuild are never served
    const std::uint64_t gen = index.next_generation();
    const fs::path final_path = index.generation_path(gen);
    const auto t0 = std::chrono::steady_clock::now();

    RebuildResult result;
    try {
        result = with_xapian_errors("rebuild of " + final_path.string(), [&] { return build_generation(files, opt, index, gen); });
    } catch (...) {
        std::error_code ignored;  // the error to report is the one being handled
        fs::remove_all(index.staging_path(gen), ignored);
        fs::remove_all(index.parts_path(gen), ignored);
        throw;
    }
    const std::string previous = index.switch_current(gen);
    index.prune(gen, previous);  // a server may still be reading the previous generation

    result.rejected = result.errors.size();
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    result.bytes = directory_bytes(final_path);
    result.generation_dir = final_path.string();
    return result;
}

}  // namespace paperdex
