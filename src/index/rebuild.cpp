// rebuild(): corpus → segments (both cores) → DIR/gen-N.building (compaction) → DIR/gen-N → DIR/current
// (atomic symlink rename).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <functional>
#include <future>
#include <regex>
#include <thread>
#include <unordered_map>
#include <vector>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "paperdex/index/author_graph.h"
#include "paperdex/error.h"
#include "index/facet_dictionary.h"
#include "paperdex/index/document.h"
#include "paperdex/index/rebuild.h"
#include "paperdex/index/index_directory.h"
#include "paperdex/index/schema.h"

namespace fs = std::filesystem;

namespace paperdex {
namespace {

constexpr const char* kCurrent = "current";
constexpr std::size_t kFlushWorks = 1000;

// Generation numbers present in `dir` (gen-N directories, finished or not).
int highest_generation(const fs::path& dir) {
    static const std::regex gen_re(R"(gen-(\d+)(\.building)?)");
    int best = 0;
    for (const auto& e : fs::directory_iterator(dir)) {
        std::smatch m;
        std::string name = e.path().filename().string();
        if (std::regex_match(name, m, gen_re)) best = std::max(best, std::stoi(m[1]));
    }
    return best;
}

std::uint64_t directory_bytes(const fs::path& dir) {
    std::uint64_t total = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) total += e.file_size();
    return total;
}

// One rebuild at a time per index directory; a second one fails fast instead of racing the swap.
class RebuildLock {
public:
    explicit RebuildLock(const fs::path& dir) {
        fd_ = ::open((dir / ".rebuild.lock").c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0644);
        if (fd_ < 0 || ::flock(fd_, LOCK_EX | LOCK_NB) != 0)
            throw IndexError("another rebuild is running in " + dir.string() + " (lock .rebuild.lock)");
    }
    ~RebuildLock() {
        if (fd_ >= 0) ::close(fd_);
    }
private:
    int fd_ = -1;
};

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
void build_segment(const fs::path& path, const std::vector<Work>& works, const std::vector<FacetOrdinals>& ordinals, int gen) {
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
    db.set_metadata("paperdex:generation", std::to_string(gen));
    db.set_metadata(std::string(schema::kSchemaVersionKey), std::string(schema::kSchemaVersion));
    db.commit();
    db.close();
}

// The author and topic facet dictionaries, numbered on the reading thread (corpus order) and stored as
// metadata of the merged database.
struct FacetDictionaries {
    FacetDictionaryBuilder authors, topics;
    FacetOrdinals ordinals_of(const Work& w) {
        return {authors.ordinals_of(DocumentBuilder::packed_authors(w)), topics.ordinals_of(DocumentBuilder::packed_topics(w))};
    }
};

// Reads the corpus on this thread (JSON parsing and validation, errors collected in file order) and hands each
// segment_works works to a segment task; at most `workers` tasks run at once, so both cores do term generation
// and Xapian writing while this thread reads ahead. A work whose id comes again later is deleted from its
// segment afterwards, so the last occurrence wins, as replace_document("Q"+id) would have it.
std::vector<fs::path> build_segments(const std::vector<std::string>& files, const fs::path& parts, const RebuildOptions& opt,
                                     int gen, std::uint64_t total_bytes, std::uint64_t& bytes_done, RebuildResult& result,
                                     AuthorGraph& graph, FacetDictionaries& dictionaries,
                                     const std::function<void()>& on_graph_ready) {
    // Segments start at a quarter of segment_works and double every two segments up to it: a small corpus
    // (SciFact, 5k works) still gives both workers a segment from the start, and a large one (1M works) stays
    // at about a hundred segments for the compaction to open at once.
    const std::size_t largest = std::max<std::size_t>(1, opt.segment_works);
    std::vector<std::size_t> starts;  // index (in accepted works) of each segment's first work
    auto segment_size = [&](std::size_t k) { return std::min(largest, std::max<std::size_t>(1, largest / 4) << (k / 2)); };
    std::size_t segment_works = segment_size(0);
    const unsigned workers = opt.threads ? opt.threads : std::max(1u, std::thread::hardware_concurrency());
    std::vector<fs::path> segments;
    std::deque<std::future<void>> running;  // destroyed (joined) before the caller's catch cleans up
    std::vector<Work> batch;
    std::vector<FacetOrdinals> batch_ordinals;  // batch[i]'s
    std::unordered_map<std::string, std::size_t> seen;  // id → index of its latest work
    std::vector<std::size_t> superseded;                 // indexes of works replaced by a later one
    // What the author graph needs of each work (no text), kept until the last occurrence of every id is known.
    std::vector<Work> people;
    std::size_t accepted = 0;
    Progress progress(opt.progress, total_bytes);

    auto launch = [&] {
        while (running.size() >= workers) {
            running.front().get();  // rethrows a worker's Xapian error here
            running.pop_front();
        }
        starts.push_back(accepted - batch.size());
        segments.push_back(parts / ("seg-" + std::to_string(segments.size())));
        running.push_back(std::async(std::launch::async,
                                     [path = segments.back(), works = std::move(batch), ordinals = std::move(batch_ordinals), gen] {
                                         build_segment(path, works, ordinals, gen);
                                     }));
        batch = {};
        batch_ordinals = {};
        segment_works = segment_size(segments.size());
        batch.reserve(segment_works);
        batch_ordinals.reserve(segment_works);
    };
    batch.reserve(segment_works);
    batch_ordinals.reserve(segment_works);
    for (const auto& f : files) {
        read_corpus(
            f,
            [&](Work&& w) {
                auto [it, fresh] = seen.try_emplace(w.id, accepted);
                if (!fresh) {
                    superseded.push_back(it->second);
                    it->second = accepted;
                }
                ++accepted;
                Work& p = people.emplace_back();
                p.authors = w.authors;
                p.topics = w.topics;
                p.year = w.year;
                p.date = w.date;
                batch_ordinals.push_back(dictionaries.ordinals_of(w));
                batch.push_back(std::move(w));
                if (batch.size() == segment_works) launch();
                progress.tick(accepted, bytes_done);
            },
            [&](const CorpusError& e) { result.errors.push_back(e); });
        bytes_done += fs::file_size(f);
    }
    if (!batch.empty() || segments.empty()) launch();  // an empty corpus still gives an (empty) database

    // Every work is read, so the last occurrence of each id is known: the author graph is complete and can be
    // written while the last segments are still being built.
    std::sort(superseded.begin(), superseded.end());
    for (std::size_t i = 0, next = 0; i < people.size(); ++i) {
        if (next < superseded.size() && superseded[next] == i) {
            ++next;
            continue;
        }
        graph.add(people[i]);
    }
    people = {};
    graph.finish();
    on_graph_ready();

    for (auto& r : running) r.get();
    running.clear();
    progress.done();
    auto segment_of = [&starts](std::size_t index) {
        return static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), index) - starts.begin()) - 1;
    };
    for (std::size_t i = 0; i < superseded.size();) {
        const std::size_t seg = segment_of(superseded[i]);
        Xapian::WritableDatabase db(segments[seg].string(), Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
        for (; i < superseded.size() && segment_of(superseded[i]) == seg; ++i)
            db.delete_document(static_cast<Xapian::docid>(superseded[i] - starts[seg] + 1));
        db.commit();
    }
    return segments;
}

// Merges the segments, in corpus order, into one compact database at `out` (Xapian::Database::compact, as
// xapian-compact does): docids are renumbered consecutively, so a work's docid follows its place in the corpus.
// Then stores the facet dictionaries, complete only now that every work is read, as its metadata.
void merge_segments(const std::vector<fs::path>& segments, const fs::path& out, const FacetDictionaries& dictionaries) {
    Xapian::Database all;
    for (const auto& s : segments) all.add_database(Xapian::Database(s.string()));
    all.compact(out.string(), Xapian::Compactor::FULLER);
    Xapian::WritableDatabase db(out.string(), Xapian::DB_OPEN);  // synced: this is the generation to be served
    db.set_metadata(std::string(schema::kAuthorDictionaryKey), dictionaries.authors.serialise());
    db.set_metadata(std::string(schema::kTopicDictionaryKey), dictionaries.topics.serialise());
    db.commit();
}

}  // namespace

std::string resolve_index(const std::string& index_dir) {
    fs::path dir(index_dir);
    std::error_code ec;
    if (fs::exists(dir / kCurrent, ec)) return fs::canonical(dir / kCurrent).string();
    if (fs::exists(dir / "iamglass", ec) || fs::exists(dir / "iamchert", ec)) return fs::canonical(dir).string();
    throw NotFound("no index in " + index_dir + " (build one with: paperdex-corpus rebuild --corpus corpus --index " +
                   index_dir + ")");
}

Xapian::Database open_index(const std::string& index_dir) {
    std::string path = resolve_index(index_dir);
    Xapian::Database db;
    try {
        db = Xapian::Database(path);
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open index " + path + ": " + e.get_description());
    }
    const std::string version = db.get_metadata(std::string(schema::kSchemaVersionKey));
    if (version != schema::kSchemaVersion)
        throw IndexError("index " + path + " has layout version " + (version.empty() ? "1" : version) +
                         ", this paperdex reads version " + std::string(schema::kSchemaVersion) +
                         ": rebuild it (paperdex-corpus rebuild --corpus CORPUS --index " + index_dir + ")");
    return db;
}

RebuildResult rebuild(const RebuildOptions& opt) {
    if (opt.index_dir.empty()) throw InvalidArgument("index", "an index directory is required");
    const auto files = corpus_files(opt.corpus_paths);  // throws CorpusError for a missing path, before any work
    if (files.empty()) throw CorpusError(opt.corpus_paths.empty() ? "" : opt.corpus_paths.front(), 0, "no *.jsonl or *.jsonl.gz files");

    const fs::path dir = fs::absolute(opt.index_dir);
    fs::create_directories(dir);
    RebuildLock lock(dir);

    // Leftovers of an interrupted rebuild are never served; clear them first.
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".building") fs::remove_all(e.path());

    const int gen = highest_generation(dir) + 1;
    const fs::path final_path = dir / ("gen-" + std::to_string(gen));
    const fs::path staging = dir / ("gen-" + std::to_string(gen) + ".building");
    const fs::path parts = dir / ("gen-" + std::to_string(gen) + ".parts.building");
    auto t0 = std::chrono::steady_clock::now();

    RebuildResult result;
    std::uint64_t total_bytes = 0, bytes_done = 0;
    for (const auto& f : files) total_bytes += fs::file_size(f);
    try {
        fs::create_directories(parts);
        auto lap = std::chrono::steady_clock::now();
        auto seconds_since_lap = [&lap] {
            auto now = std::chrono::steady_clock::now();
            double s = std::chrono::duration<double>(now - lap).count();
            lap = now;
            return s;
        };
        // The author database (same generation as the works, authors.h) is written on its own thread from the
        // moment the corpus is read, beside the last segments and the merge, then moved into the generation.
        // Declared after `graph`, the future is joined first if anything throws.
        AuthorGraph graph;
        FacetDictionaries dictionaries;
        const fs::path authors_parts = parts / "authors";
        std::future<void> authors;
        std::vector<fs::path> segments = build_segments(files, parts, opt, gen, total_bytes, bytes_done, result, graph, dictionaries, [&] {
            authors = std::async(std::launch::async, [&graph, &authors_parts, &result] {
                auto t = std::chrono::steady_clock::now();
                build_author_index(graph, authors_parts.string());
                result.authors_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
            });
        });
        result.segments_seconds = seconds_since_lap();
        if (opt.strict && !result.errors.empty())
            throw CorpusError(result.errors.front().file(), result.errors.front().line(),
                              result.errors.front().reason() + " (and " + std::to_string(result.errors.size() - 1) +
                                  " more; --strict keeps the serving index)");
        try {
            merge_segments(segments, staging, dictionaries);
        } catch (...) {
            authors.wait();
            throw;
        }
        result.merge_seconds = seconds_since_lap();
        authors.get();
        fs::rename(authors_parts, author_index_path(staging.string()));
        fs::remove_all(parts);
        Xapian::Database db(staging.string());
        result.works = db.get_doccount();
        db.close();
        fs::rename(staging, final_path);
    } catch (const Xapian::Error& e) {
        fs::remove_all(staging);
        fs::remove_all(parts);
        throw IndexError("rebuild of " + final_path.string() + " failed: " + e.get_description());
    } catch (...) {
        fs::remove_all(staging);
        fs::remove_all(parts);
        throw;
    }

    // Atomic switch: a new symlink renamed over `current`.
    const fs::path tmp_link = dir / (std::string(kCurrent) + ".tmp");
    std::error_code ec;
    fs::path previous = fs::is_symlink(dir / kCurrent, ec) ? fs::read_symlink(dir / kCurrent, ec) : fs::path();
    fs::remove(tmp_link, ec);
    fs::create_directory_symlink(final_path.filename(), tmp_link);
    fs::rename(tmp_link, dir / kCurrent);

    // Keep the new and the previous generation (a server may still be reading it); drop older ones.
    for (const auto& e : fs::directory_iterator(dir)) {
        const std::string name = e.path().filename().string();
        if (name.rfind("gen-", 0) == 0 && e.path().filename() != final_path.filename() && e.path().filename() != previous)
            fs::remove_all(e.path(), ec);
    }

    result.rejected = result.errors.size();
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    result.bytes = directory_bytes(final_path);
    result.generation_dir = final_path.string();
    return result;
}

}  // namespace paperdex
